// The audit log's filters (actor, kind of action, words, days) and its export: the CSV
// holds exactly the entries the filters select, every page of them.
import { useEffect, useState } from 'react';
import type { AuditFilter } from '../../../../main/contract/workspace';
import { call } from '../../api/client';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field, SelectField } from '../../components/Field';
import { saveDownload } from '../../lib/files';

interface Props {
  filter: AuditFilter;
  onChange(filter: AuditFilter): void;
  actors: readonly string[];
  kinds: readonly string[];
  total: number;
}

const clean = (f: AuditFilter): AuditFilter =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as AuditFilter;

export function AuditFilters({ filter, onChange, actors, kinds, total }: Props) {
  // Words apply once typing pauses, so each keystroke does not re-read the log.
  const [text, setText] = useState(filter.text ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const t = window.setTimeout(() => {
      if ((filter.text ?? '') !== text) onChange(clean({ ...filter, text }));
    }, 250);
    return () => window.clearTimeout(t);
  }, [text, filter, onChange]);

  const set = (patch: AuditFilter) => onChange(clean({ ...filter, text, ...patch }));
  const exportCsv = async () => {
    setBusy(true);
    setError(null);
    try {
      saveDownload(await call('audit.export', clean({ ...filter, text })));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="audit-filters" aria-label="Filter the audit log">
      <Field
        label="Search"
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Words in the action, entity or actor"
      />
      <SelectField label="Actor" value={filter.actor ?? ''} onChange={(e) => set({ actor: e.target.value })}>
        <option value="">Anyone</option>
        {actors.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </SelectField>
      <SelectField label="Kind of change" value={filter.kind ?? ''} onChange={(e) => set({ kind: e.target.value })}>
        <option value="">Every kind</option>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </SelectField>
      <Field label="From" type="date" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value })} />
      <Field label="To" type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value })} />
      <div className="audit-actions">
        <span className="muted" role="status">
          {total} {total === 1 ? 'entry' : 'entries'}
        </span>
        <button type="button" className="button" onClick={() => void exportCsv()} disabled={busy || total === 0} aria-busy={busy}>
          {busy ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      <ErrorText error={error} />
    </section>
  );
}
