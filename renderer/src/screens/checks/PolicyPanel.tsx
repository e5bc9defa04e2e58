// The live-checks switch with what "offline" means, the approved hosts (approve/revoke),
// and the workspace's custom CA with the hosts it is trusted for.
import { useState } from 'react';
import type { EgressPolicyView } from '../../../../main/contract/checks';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { Field, TextAreaField } from '../../components/Field';
import { answer, useWrite } from '../../api/write';

export function PolicyPanel({ policy }: { policy: EgressPolicyView }) {
  const [host, setHost] = useState('');
  const [ca, setCa] = useState('');
  const [caHosts, setCaHosts] = useState('');
  const { write, error } = useWrite();
  const [confirming, setConfirming] = useState(false);
  // true when it was saved (the field is then cleared)
  const run = async (fn: () => Promise<EgressPolicyView>) =>
    (await write(fn, { answers: (p) => [answer('policy.get', {}, p)] })) !== undefined;
  return (
    <section className="card chk-panel" aria-labelledby="chk-policy-title">
      <h2 id="chk-policy-title">Network access</h2>
      <label className="chk-switch">
        <input
          type="checkbox"
          role="switch"
          checked={policy.liveChecksEnabled}
          onChange={(e) => {
            // Going online is asked for; going back offline never is.
            if (e.target.checked) setConfirming(true);
            else void run(() => call('policy.setEnabled', { enabled: false }));
          }}
        />
        <span>Live checks {policy.liveChecksEnabled ? 'on' : 'off'}</span>
      </label>
      <p className="chk-muted">
        {policy.liveChecksEnabled
          ? 'Checks may contact only the approved hosts below. Turn live checks off to keep this workspace fully offline.'
          : 'This workspace is offline: no check runs and nothing is sent over the network. Stored results stay readable.'}
      </p>
      <h3>Approved hosts ({policy.allowedHosts.length})</h3>
      {policy.allowedHosts.length === 0 ? <p className="chk-muted">No host approved yet.</p> : null}
      <ul className="chk-hosts">
        {policy.allowedHosts.map((h) => (
          <li key={h}>
            <code>{h}</code>
            <button
              type="button"
              className="button ghost"
              aria-label={`Revoke ${h}`}
              onClick={() => void run(() => call('policy.revokeHost', { host: h }))}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
      <form
        className="chk-inline"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => call('policy.approveHosts', { hosts: [host] })).then((ok) => ok && setHost(''));
        }}
      >
        <Field label="Host to approve" value={host} onChange={(e) => setHost(e.target.value)} placeholder="api.example.com" />
        <button type="submit" className="button" disabled={!host.trim()}>
          Approve
        </button>
      </form>
      <h3>Custom CA</h3>
      <p className="chk-muted">
        {policy.customCaSubject
          ? `Trusted in addition to the system roots: ${policy.customCaSubject}, for ${policy.customCaHosts.length ? policy.customCaHosts.join(', ') : 'no host (set it again with its hosts)'}.`
          : 'Only the system roots are trusted.'}{' '}
        A CA saved with the workspace never vouches for a service a credential is sent to.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const hosts = caHosts.split(/[\s,]+/).filter(Boolean);
          void run(() => call('policy.setCustomCa', { pem: ca, hosts })).then((ok) => {
            if (!ok) return;
            setCa('');
            setCaHosts('');
          });
        }}
      >
        <TextAreaField
          label="CA certificate (PEM)"
          rows={3}
          value={ca}
          onChange={(e) => setCa(e.target.value)}
          placeholder="-----BEGIN CERTIFICATE-----"
        />
        <Field
          label="Hosts it is trusted for"
          value={caHosts}
          onChange={(e) => setCaHosts(e.target.value)}
          placeholder="intranet.example.com, 10.0.0.5"
        />
        <div className="chk-actions">
          <button type="submit" className="button" disabled={!ca.trim() || !caHosts.trim()}>
            Trust this CA
          </button>
          {policy.customCa ? (
            <button type="button" className="button ghost" onClick={() => void run(() => call('policy.setCustomCa', { pem: null }))}>
              Remove custom CA
            </button>
          ) : null}
        </div>
      </form>
      <ErrorText error={error} />
      <Dialog title="Turn live checks on?" open={confirming} onClose={() => setConfirming(false)}>
        <p>
          This workspace stops being offline: checks you run will contact the approved hosts
          {policy.allowedHosts.length ? ` (${policy.allowedHosts.join(', ')})` : ' (none approved yet)'} over the network, with the
          credentials you attach to them. Nothing else is sent, and you can turn live checks off again at any time.
        </p>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Stay offline
          </button>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              setConfirming(false);
              void run(() => call('policy.setEnabled', { enabled: true }));
            }}
          >
            Turn live checks on
          </button>
        </div>
      </Dialog>
    </section>
  );
}
