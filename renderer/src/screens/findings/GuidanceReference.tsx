// The linked controls' guidance beside a finding's remediation: a reference while the
// consultant writes advice for the client, never copied into the finding (guidance is
// written for the assessor, and it would reach the report as the recommendation).
import { useQueries } from '../../api/query';

interface Props {
  assessmentId: string;
  controls: { catalogueId: string; controlId: string }[];
}

export function GuidanceReference({ assessmentId, controls }: Props) {
  const reads = useQueries(
    'assessment.control',
    controls.slice(0, 5).map((c) => ({ request: { assessmentId, catalogueId: c.catalogueId, controlId: c.controlId } })),
  );
  const withGuidance = reads.flatMap((r) => (r.data && r.data.guidance.trim() ? [r.data] : []));
  return (
    <aside className="guidance-reference" aria-labelledby="guidance-reference-title" tabIndex={0}>
      <h3 id="guidance-reference-title">Control guidance (reference)</h3>
      <p className="muted">For the assessor; write the client&apos;s remediation in your own words.</p>
      {controls.length === 0 ? <p className="muted">Link a control to see its guidance here.</p> : null}
      {controls.length > 0 && withGuidance.length === 0 ? <p className="muted">The linked controls carry no guidance.</p> : null}
      {withGuidance.map((d) => (
        <section key={`${d.row.catalogueId}/${d.row.controlId}`}>
          <h4>
            {d.row.label} {d.row.title}
          </h4>
          <p className="guidance-text">{d.guidance}</p>
        </section>
      ))}
    </aside>
  );
}
