// Everything about one control: statement (with its parameters set apart), guidance,
// references, mappings that jump to the mapped control, live checks, tags and note.
import type { ReactNode } from 'react';
import type { ControlView } from '../../../../main/contract/catalog';
import { SeverityBadge } from '../../components/Badges';
import { statementPieces } from './text';

export interface ControlTarget {
  catalogue: string;
  control: string;
}

export function ControlDetail({
  control,
  categoryTitle,
  catalogueTitle,
  knownCatalogues,
  onJump,
  actions,
}: {
  control: ControlView;
  categoryTitle: string;
  catalogueTitle?: string;
  /** ids of the catalogues in this workspace, to tell which mappings can be followed */
  knownCatalogues: ReadonlySet<string>;
  onJump(target: ControlTarget): void;
  actions?: ReactNode;
}) {
  return (
    // Focusable because it scrolls on its own: keyboard users can read a long control.
    <article className="control-detail card" aria-labelledby="control-detail-title" data-testid="control-detail" tabIndex={0}>
      <header className="control-detail-head">
        <p className="cat-muted control-detail-kicker">
          {catalogueTitle ? `${catalogueTitle} · ` : ''}
          {categoryTitle}
          {control.parent ? ` · enhancement of ${control.parent}` : ''}
        </p>
        <h2 id="control-detail-title">
          <code className="control-id">{control.label ?? control.id}</code> {control.title}
        </h2>
        <div className="control-facts">
          {control.tags.includes('withdrawn') ? (
            <span className="cat-chip" data-testid="control-withdrawn">
              Withdrawn: not part of new assessments
            </span>
          ) : null}
          {control.severity ? <SeverityBadge severity={control.severity} /> : null}
          {control.weight !== undefined ? <span className="cat-chip">Weight {control.weight} of 5</span> : null}
          {control.label && control.label !== control.id ? <span className="cat-muted">id {control.id}</span> : null}
        </div>
        {actions ? <div className="control-actions">{actions}</div> : null}
      </header>

      <Section title="Statement">
        <p className="control-text">
          {statementPieces(control.statement).map((p, i) =>
            p.param ? (
              <span key={i} className="control-param" title="A parameter the organisation defines">
                {p.text}
              </span>
            ) : (
              p.text
            ),
          )}
        </p>
      </Section>
      {control.guidance ? (
        <Section title="Guidance">
          <p className="control-text">{control.guidance}</p>
        </Section>
      ) : null}
      {(control.parts ?? []).map((part, i) => (
        <Section key={i} title={part.title}>
          <p className="control-text" data-testid="control-part">
            {part.text}
          </p>
        </Section>
      ))}
      {control.references.length ? (
        <Section title={`References (${control.references.length})`}>
          <ul className="control-list">
            {control.references.map((r, i) => (
              <li key={i}>
                {r.title}
                {r.section ? <span className="cat-muted"> · {r.section}</span> : null}
                {r.url ? <span className="control-url"> {r.url}</span> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {control.mappings.length ? (
        <Section title={`Mappings (${control.mappings.length})`}>
          <ul className="chip-list">
            {control.mappings.map((m) => (
              <li key={`${m.catalogue}/${m.control}`}>
                {knownCatalogues.has(m.catalogue) ? (
                  <button
                    type="button"
                    className="cat-chip cat-chip-link"
                    onClick={() => onJump(m)}
                    aria-label={`Go to ${m.control} in ${m.catalogue}`}
                  >
                    {m.control} <span className="cat-muted">{m.catalogue}</span>
                  </button>
                ) : (
                  <span className="cat-chip" title="This catalogue is not in the workspace">
                    {m.control} <span className="cat-muted">{m.catalogue} (not in this workspace)</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {control.checks.length ? (
        <Section title="Live checks that can evidence it">
          <ul className="chip-list">
            {control.checks.map((c) => (
              <li key={c}>
                <code className="cat-chip">{c}</code>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {control.tags.length ? (
        <Section title="Tags">
          <ul className="chip-list">
            {control.tags.map((t) => (
              <li key={t}>
                <span className="cat-chip">{t}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {control.note ? (
        <Section title="Editorial note">
          <p className="control-text control-note">{control.note}</p>
        </Section>
      ) : null}
    </article>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="control-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}
