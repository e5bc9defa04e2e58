// An OSCAL profile names the catalogs it imports by href; Attest never fetches them, so
// the user picks a local file for each href that is not answered yet.
import { useId } from 'react';
import { readUpload, type Upload } from '../../lib/files';

export type Sources = Record<string, Upload>;

export function ProfileSources({
  title,
  imports,
  chosen,
  onChoose,
}: {
  title: string;
  imports: { href: string; title?: string | undefined; resolved: boolean }[];
  chosen: Sources;
  onChoose(href: string, file: Upload): void;
}) {
  const ids = useId();
  return (
    <section className="oscal-summary" aria-labelledby={`${ids}-title`} data-testid="profile-sources">
      <h3 id={`${ids}-title`}>{title}</h3>
      <p className="cat-muted">
        This is an OSCAL profile: it selects and tailors controls from other documents. Attest works offline, so choose the local file (an
        OSCAL catalog or profile) for each document it imports.
      </p>
      {imports.map((imp, i) => (
        <div className="field" key={imp.href}>
          <label htmlFor={`${ids}-${i}`}>
            {imp.title ?? 'Imported document'} <code>{imp.href}</code>
          </label>
          <input
            id={`${ids}-${i}`}
            type="file"
            accept=".json,.xml,.yaml,.yml"
            data-testid="profile-source"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) onChoose(imp.href, await readUpload(file));
            }}
          />
          <div className="field-hint">
            {imp.resolved ? 'Chosen.' : chosen[imp.href] ? `Chosen: ${chosen[imp.href]!.name}` : 'Not chosen yet.'}
          </div>
        </div>
      ))}
    </section>
  );
}
