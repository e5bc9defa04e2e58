// Report branding of this workspace: logo, primary colour, footer text, organisation.
import { useState, type FormEvent } from 'react';
import type { Branding } from '../../../../main/contract/report';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { useWrite } from '../../api/write';
import { messageOf } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { readUpload, type Upload } from '../../lib/files';

export function BrandingSection() {
  const branding = useQuery('report.branding.get', {});
  const saved: Branding | null = branding.data ?? null;
  const [colour, setColour] = useState('#1f3a5f');
  const [footer, setFooter] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [logo, setLogo] = useState<Upload | null | undefined>(undefined);
  const [fileError, setFileError] = useState<string | null>(null);
  const { write, error: writeError } = useWrite();
  const error = fileError ?? writeError ?? (branding.error ? messageOf(branding.error) : null);

  // The form starts from what is saved, and follows it when it changes (a save, an undo):
  // adjusted while rendering, as React advises for state derived from new data.
  const [formOf, setFormOf] = useState<Branding | null>(null);
  if (saved && saved !== formOf) {
    setFormOf(saved);
    setColour(saved.primaryColor ?? '#1f3a5f');
    setFooter(saved.footerText ?? '');
    setOrganisation(saved.organisation ?? '');
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFileError(null);
    const done = await write(
      () =>
        call('report.branding.set', {
          primaryColor: colour,
          footerText: footer || null,
          organisation: organisation || null,
          ...(logo !== undefined ? { logo } : {}),
        }),
      { done: 'Branding saved; the next report uses it.' },
    );
    if (done !== undefined) setLogo(undefined);
  };

  const shown =
    logo === null
      ? null
      : logo
        ? `data:image/png;base64,${logo.dataBase64}`
        : saved?.logo
          ? `data:${saved.logo.mediaType};base64,${saved.logo.dataBase64}`
          : null;
  return (
    <section className="card report-card" aria-labelledby="branding-title">
      <h2 id="branding-title">Branding</h2>
      <form className="report-form branding-form" onSubmit={(e) => void submit(e)}>
        <div className="branding-grid">
          <Field
            label="Organisation"
            maxLength={200}
            value={organisation}
            onChange={(e) => setOrganisation(e.target.value)}
            hint="Printed on the cover when there is no logo."
          />
          <Field label="Footer text" maxLength={200} value={footer} onChange={(e) => setFooter(e.target.value)} />
          <Field label="Primary colour" type="color" value={colour} onChange={(e) => setColour(e.target.value)} />
        </div>
        <div className="logo-row">
          {shown ? <img className="logo-preview" src={shown} alt="Current logo" /> : <span className="muted">No logo</span>}
          <Field
            label="Logo (PNG or JPEG)"
            type="file"
            accept="image/png,image/jpeg"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) readUpload(f).then(setLogo, (err: unknown) => setFileError(messageOf(err)));
            }}
          />
          {saved?.logo || logo ? (
            <button type="button" className="button ghost" onClick={() => setLogo(null)}>
              Remove logo
            </button>
          ) : null}
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button">
            Save branding
          </button>
        </div>
      </form>
    </section>
  );
}
