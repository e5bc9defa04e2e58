// Saved targets of the assessment: add (check, target, inputs, credential), remove, and
// run selected or all, with the hosts that still need approval shown before a run.
import { useState } from 'react';
import type { CheckInfo, CheckTargetView, CredentialMeta, EgressPolicyView } from '../../../../main/contract/checks';
import { ApiError, call } from '../../api/client';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field, SelectField } from '../../components/Field';
import { answer, runWrite } from '../../api/write';
import { DataTable } from '../../components/DataTable';

interface Props {
  assessmentId: string;
  checks: CheckInfo[];
  credentials: CredentialMeta[];
  targets: CheckTargetView[];
  policy: EgressPolicyView;
  onStart(runId: string): void;
  running: boolean;
}

export function TargetsPanel({ assessmentId, checks, credentials, targets, policy, onStart, running }: Props) {
  const [checkId, setCheckId] = useState(checks[0]?.id ?? '');
  const [target, setTarget] = useState('');
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const [credentialId, setCredentialId] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<{ ids: string[] | undefined; hosts: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = checks.find((c) => c.id === (checkId || checks[0]?.id));
  const extraInputs = check?.inputs.filter((i) => i.name !== 'target' && i.name !== 'caPem') ?? [];

  const add = async () => {
    if (!check) return;
    try {
      const clean = Object.fromEntries(Object.entries(inputs).filter(([k, v]) => v.trim() && extraInputs.some((i) => i.name === k)));
      await runWrite(() =>
        call('check.addTarget', { assessmentId, checkId: check.id, target, inputs: clean, credentialId: credentialId || null }),
      );
      setTarget('');
      setInputs({});
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const start = async (ids: string[] | undefined) => {
    try {
      const p = await call('check.run', { assessmentId, targetIds: ids });
      setPending(null);
      setError(null);
      onStart(p.runId);
    } catch (e) {
      // Nothing was contacted: the refusal names the hosts to approve, so ask for exactly those.
      if (e instanceof ApiError && e.code === 'HOSTS_NOT_APPROVED' && e.details?.hosts?.length) setPending({ ids, hosts: e.details.hosts });
      else setError(messageOf(e));
    }
  };

  const approveAndRun = async () => {
    if (!pending) return;
    try {
      await runWrite(() => call('policy.approveHosts', { hosts: pending.hosts }), { answers: (p) => [answer('policy.get', {}, p)] });
      await start(pending.ids);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const usable = credentials.filter((c) => check?.credential?.kinds.includes(c.kind));
  return (
    <section className="card chk-panel" aria-labelledby="chk-targets-title">
      <h2 id="chk-targets-title">Targets ({targets.length})</h2>
      {targets.length === 0 ? (
        <p className="chk-muted">No targets yet: add one below.</p>
      ) : (
        <DataTable
          label="Check targets"
          className="chk-table"
          rows={targets}
          rowKey={(t) => t.id}
          columns={[
            {
              key: 'selected',
              header: 'Selected',
              hideHeader: true,
              width: '2.6rem',
              render: (t) => (
                <input
                  type="checkbox"
                  checked={selected.has(t.id)}
                  onChange={() => toggle(t.id)}
                  aria-label={`Select ${t.checkTitle} on ${t.target}`}
                />
              ),
            },
            { key: 'check', header: 'Check', sort: (t) => t.checkTitle, render: (t) => t.checkTitle },
            { key: 'target', header: 'Target', className: 'chk-target', sort: (t) => t.target, render: (t) => t.target },
            { key: 'credential', header: 'Credential', sort: (t) => t.credentialLabel, render: (t) => t.credentialLabel ?? '—' },
            {
              key: 'actions',
              header: 'Actions',
              hideHeader: true,
              render: (t) => (
                <button
                  type="button"
                  className="button ghost"
                  aria-label={`Remove ${t.checkTitle} on ${t.target}`}
                  onClick={() =>
                    void runWrite(() => call('check.removeTarget', { id: t.id })).catch((e: unknown) => setError(messageOf(e)))
                  }
                >
                  Remove
                </button>
              ),
            },
          ]}
        />
      )}
      <div className="chk-actions">
        <button
          type="button"
          className="button"
          disabled={running || selected.size === 0 || !policy.liveChecksEnabled}
          onClick={() => void start([...selected])}
        >
          Run selected ({selected.size})
        </button>
        <button
          type="button"
          className="button primary"
          disabled={running || targets.length === 0 || !policy.liveChecksEnabled}
          onClick={() => void start(undefined)}
        >
          Run all
        </button>
        {!policy.liveChecksEnabled ? <span className="chk-muted">Turn on live checks to run.</span> : null}
      </div>
      {pending ? (
        <div className="chk-approve" role="alert">
          <p>Approve these hosts first; nothing has been contacted:</p>
          <ul>
            {pending.hosts.map((h) => (
              <li key={h}>
                <code>{h}</code>
              </li>
            ))}
          </ul>
          <div className="chk-actions">
            <button type="button" className="button primary" onClick={() => void approveAndRun()}>
              Approve and run
            </button>
            <button type="button" className="button ghost" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <form
        className="chk-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <h3>Add a target</h3>
        <SelectField
          label="Check"
          value={check?.id ?? ''}
          onChange={(e) => (setCheckId(e.target.value), setInputs({}), setCredentialId(''))}
        >
          {checks.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title} ({c.id})
            </option>
          ))}
        </SelectField>
        {check ? <p className="chk-muted">{check.description}</p> : null}
        <Field
          label={check?.inputs.find((i) => i.name === 'target')?.label ?? 'Target'}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          required
        />
        {extraInputs.map((i) => (
          <Field
            key={i.name}
            label={`${i.label}${i.required ? '' : ' (optional)'}`}
            hint={i.description}
            value={inputs[i.name] ?? ''}
            onChange={(e) => setInputs({ ...inputs, [i.name]: e.target.value })}
          />
        ))}
        {check?.credential ? (
          <SelectField label="Credential" value={credentialId} onChange={(e) => setCredentialId(e.target.value)}>
            <option value="">{check.credential.required ? 'Choose a credential' : 'None'}</option>
            {usable.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label} ({c.hosts.join(', ')})
              </option>
            ))}
          </SelectField>
        ) : null}
        <button type="submit" className="button" disabled={!target.trim()}>
          Add target
        </button>
      </form>
      <ErrorText error={error} />
    </section>
  );
}
