// The side panel of the active control: its result editor at once (from the table row),
// then, once loaded, its text, references, mappings, checks, evidence, findings and
// history. Loading waits for the cursor to rest, so holding j does not flood the core.
import { useEffect } from 'react';
import type { ResponseOf } from '../../../../main/contract/ipc';
import type { AssessmentRow } from '../../../../main/contract/assessment';
import { FINDING_SEVERITIES, type ControlStatus } from '../../../../main/contract/vocabulary';
import { useQuery } from '../../api/query';
import { SeverityBadge } from '../../components/Badges';
import { messageOf } from '../../components/ErrorText';
import { useSettled } from '../../lib/use-settled';
import { EvidenceSection } from './EvidenceSection';
import { describeAction, formatWhen } from './format';
import { RationaleEditor, type Draft, type FocusRequest } from './RationaleEditor';

type Detail = ResponseOf<'assessment.control'>;
const REST_MS = 120;

interface Props {
  assessmentId: string;
  row: AssessmentRow | undefined;
  rowKey: string;
  readOnly: boolean;
  draft: Draft | null;
  onDraft(draft: Draft | null): void;
  focusRequest: FocusRequest | null;
  onSaveResult(status: ControlStatus, rationale: string): Promise<void>;
  onEscape(): void;
  onRow(row: AssessmentRow): void;
  onOpenFindings(): void;
}

export function ControlPanel(props: Props) {
  const { assessmentId, row, rowKey, onRow } = props;
  // Read once the keyboard rests on a row; a status change's answer is already cached.
  const shown = useSettled(rowKey, REST_MS);
  const request = row && shown === rowKey ? { assessmentId, catalogueId: row.catalogueId, controlId: row.controlId } : null;
  const query = useQuery('assessment.control', request);
  const detail = request ? (query.data ?? null) : null;
  const error = request && query.error ? messageOf(query.error) : null;
  const confirmedRow = detail?.row;
  useEffect(() => {
    if (confirmedRow) onRow(confirmedRow);
  }, [confirmedRow, onRow]);

  if (!row) {
    return (
      <aside className="asm-panel" aria-label="Control">
        <p className="asm-muted">No control matches the filters.</p>
      </aside>
    );
  }
  const severity = FINDING_SEVERITIES.find((s) => s === detail?.severity);
  return (
    <aside className="asm-panel" aria-labelledby="asm-panel-title" data-testid="control-panel" aria-busy={Boolean(row) && !detail}>
      <header className="asm-panel-head">
        <p className="asm-muted asm-panel-id">{row.label}</p>
        <h2 id="asm-panel-title">{row.title}</h2>
        <p className="asm-muted">
          {row.categoryTitle}
          {severity ? (
            <>
              {' · '}
              <SeverityBadge severity={severity} />
            </>
          ) : null}
        </p>
      </header>
      {row.carriedForward ? (
        <p className="asm-carried-note" role="note">
          <strong>Carried forward, needs review.</strong> This result comes from an earlier assessment; set the status again (the same or
          another) to confirm it for this one.
        </p>
      ) : null}
      <RationaleEditor
        row={row}
        rowKey={rowKey}
        draft={props.draft}
        onDraft={props.onDraft}
        readOnly={props.readOnly}
        focusRequest={props.focusRequest}
        onSave={props.onSaveResult}
        onEscape={props.onEscape}
      />
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {detail ? (
        <>
          <section className="asm-section" aria-labelledby="asm-statement-title">
            <h3 id="asm-statement-title">Statement</h3>
            <p className="asm-prose">{detail.statement}</p>
            {detail.guidance ? (
              <>
                <h3>Guidance</h3>
                <p className="asm-prose">{detail.guidance}</p>
              </>
            ) : null}
            {detail.parts.map((part, i) => (
              <details key={i} className="asm-part" data-testid="control-part">
                <summary>{part.title}</summary>
                <p className="asm-prose">{part.text}</p>
              </details>
            ))}
          </section>
          <EvidenceSection
            assessmentId={assessmentId}
            catalogueId={row.catalogueId}
            controlId={row.controlId}
            evidence={detail.evidence}
            readOnly={props.readOnly}
          />
          <section className="asm-section" aria-labelledby="asm-findings-title">
            <h3 id="asm-findings-title">Findings ({detail.findings.length})</h3>
            {detail.findings.length === 0 ? (
              <p className="asm-muted">
                None.{' '}
                {row.status === 'not-met' || row.status === 'partial'
                  ? 'Press f in the table to record one.'
                  : 'A control not met or partially met can become a finding.'}
              </p>
            ) : (
              <ul className="asm-plain-list">
                {detail.findings.map((f) => (
                  <li key={f.id} className="asm-finding">
                    <span className="asm-ref">{f.ref}</span>
                    <span className="asm-finding-title" title={f.title}>
                      {f.title}
                    </span>
                    <SeverityBadge severity={f.severity} />
                  </li>
                ))}
              </ul>
            )}
            {detail.findings.length ? (
              <button type="button" className="button subtle" onClick={props.onOpenFindings}>
                Open Findings
              </button>
            ) : null}
          </section>
          <References detail={detail} />
          <section className="asm-section" aria-labelledby="asm-history-title">
            <h3 id="asm-history-title">History</h3>
            {detail.history.length === 0 ? (
              <p className="asm-muted">No changes yet.</p>
            ) : (
              <ol className="asm-history">
                {detail.history.map((h, i) => (
                  <li key={`${h.at}-${i}`}>
                    <span>{describeAction(h.action)}</span>
                    <span className="asm-muted">
                      {h.actor}, {formatWhen(h.at)}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      ) : error ? null : (
        <p className="asm-muted" aria-live="polite">
          Loading the control…
        </p>
      )}
    </aside>
  );
}

function References({ detail }: { detail: Detail }) {
  if (!detail.references.length && !detail.mappings.length && !detail.checks.length) return null;
  return (
    <section className="asm-section" aria-labelledby="asm-refs-title">
      <h3 id="asm-refs-title">References and mappings</h3>
      {detail.references.length ? (
        <ul className="asm-plain-list">
          {detail.references.map((r, i) => (
            <li key={i}>
              {r.title}
              {r.section ? `, ${r.section}` : ''}
              {/* Shown as text: nothing in Attest opens the network by itself. */}
              {r.url ? <span className="asm-url"> {r.url}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {detail.mappings.length ? (
        <>
          <h4>Maps to</h4>
          <ul className="asm-chips">
            {detail.mappings.map((m) => (
              <li key={`${m.catalogue}/${m.control}`}>
                <span className="asm-muted">{m.catalogue}</span> {m.control}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {detail.checks.length ? (
        <>
          <h4>Live checks that can evidence it</h4>
          <ul className="asm-chips">
            {detail.checks.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
