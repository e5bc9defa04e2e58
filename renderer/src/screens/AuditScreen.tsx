import { useState } from 'react';
import type { AuditEntry, AuditFilter } from '../../../main/contract/workspace';
import { call } from '../api/client';
import { useQuery } from '../api/query';
import { DataTable } from '../components/DataTable';
import { ErrorText, messageOf } from '../components/ErrorText';
import { Field } from '../components/Field';
import { ScreenHeader } from '../components/ScreenHeader';
import { useAppStore } from '../store';
import { formatDateTime } from '../lib/dates';
import { AuditFilters } from './audit/AuditFilters';
import { WorkspaceScreen } from './WorkspaceScreen';
import { workspaceShown } from '../store/workspace';

const PAGE = 50;

type Verdict = { ok: boolean; text: string };

export function AuditScreen() {
  const status = useAppStore((s) => s.status);
  if (!workspaceShown({ status })) return <WorkspaceScreen id="audit" />;
  return <AuditLog remembered={status.state === 'open' && status.remembered} />;
}

function AuditLog({ remembered }: { remembered: boolean }) {
  const [offset, setOffset] = useState(0);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [passphrase, setPassphrase] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [verifying, setVerifying] = useState(false);
  // Read through the one data layer: cached per page, read again after any change.
  const page = useQuery('audit.list', { offset, limit: PAGE, ...filter });
  const entries: AuditEntry[] = page.data?.entries ?? [];
  const total = page.data?.total ?? 0;
  const error = page.error ? messageOf(page.error) : null;

  const verify = async () => {
    setVerifying(true);
    setVerdict(null);
    try {
      const r = await call('workspace.verify', { passphrase: passphrase || undefined });
      setVerdict(
        r.ok
          ? {
              ok: true,
              text: `Intact: ${r.commits} saved changes and ${r.blobs} attachments authenticate; the chain of ${r.auditEntries} entries holds.`,
            }
          : {
              ok: false,
              text: r.firstBrokenEntry ? `Broken at entry ${r.firstBrokenEntry.seq}: ${r.firstBrokenEntry.reason}` : r.problems.join(' '),
            },
      );
    } catch (e) {
      setVerdict({ ok: false, text: messageOf(e) });
    } finally {
      setVerifying(false);
      setPassphrase('');
    }
  };

  return (
    <>
      <ScreenHeader
        title="Audit log"
        subtitle="Every change to this workspace, newest first, and who made it. Each entry is chained to the one before by its hash."
      />
      <section className="card verify-card" aria-labelledby="verify-title">
        <h2 id="verify-title">Verify the file</h2>
        <p className="card-intro">Re-reads the workspace from disk and checks every record and the whole chain.</p>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void verify();
          }}
        >
          {remembered ? null : (
            <Field
              label="Passphrase"
              type="password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              autoComplete="current-password"
            />
          )}
          <button type="submit" className="button primary" disabled={verifying || (!remembered && !passphrase)} aria-busy={verifying}>
            {verifying ? 'Verifying…' : 'Verify'}
          </button>
        </form>
        {verdict ? (
          <p role="status" className={verdict.ok ? 'ok-text' : 'error-text'}>
            {verdict.text}
          </p>
        ) : null}
      </section>
      <ErrorText error={error} />
      <AuditFilters
        filter={filter}
        onChange={(next) => {
          setFilter(next);
          setOffset(0);
        }}
        actors={page.data?.actors ?? []}
        kinds={page.data?.kinds ?? []}
        total={total}
      />
      <DataTable
        label={`Audit entries ${offset + 1} to ${offset + entries.length} of ${total}`}
        testId="audit-table"
        fixed
        rows={entries}
        rowKey={(e) => String(e.seq)}
        columns={[
          { key: 'seq', header: '#', align: 'end', width: '4.2rem', sort: (e) => e.seq, render: (e) => e.seq },
          { key: 'at', header: 'Time', width: '10rem', sort: (e) => e.at, render: (e) => formatDateTime(e.at) },
          { key: 'actor', header: 'Actor', width: '10rem', sort: (e) => e.actor, render: (e) => e.actor },
          {
            key: 'action',
            header: 'Action',
            width: '11rem',
            className: 'wrap',
            sort: (e) => e.action,
            render: (e) => <code>{e.action}</code>,
          },
          {
            key: 'entity',
            header: 'Entity',
            className: 'wrap',
            sort: (e) => e.entityName ?? e.entity,
            render: (e) => (e.entityName ? <span title={e.entity}>{e.entityName}</span> : <span className="muted">{e.entity}</span>),
          },
          {
            key: 'hash',
            header: 'Hash',
            width: '7.5rem',
            sort: (e) => e.hash,
            render: (e) => <code title={e.hash}>{e.hash.slice(0, 10)}…</code>,
          },
        ]}
      />
      <nav className="pager" aria-label="Audit log pages">
        <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          Newer
        </button>
        <span>{total === 0 ? 'No entries' : `${offset + 1}–${offset + entries.length} of ${total}`}</span>
        <button type="button" className="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
          Older
        </button>
      </nav>
    </>
  );
}
