// Report branding, per workspace: colour, footer and organisation in the settings table
// (key report.branding), the logo as a blob the setting points at.
import type { Branding as BrandingView } from '../../contract/report';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import type { Branding } from './model';
import { logoType } from './logo';

const KEY = 'report.branding';
export const LOGO_LIMIT = 2 * 1024 * 1024;

interface Stored {
  primaryColor: string | null;
  footerText: string | null;
  organisation: string | null;
  logoBlobId: string | null;
}

function stored(ws: Workspace): Stored {
  const raw = ws.query<{ value: string }>('SELECT value FROM settings WHERE key = ?', [KEY])[0]?.value;
  const empty: Stored = { primaryColor: null, footerText: null, organisation: null, logoBlobId: null };
  if (!raw) return empty;
  try {
    return { ...empty, ...(JSON.parse(raw) as Partial<Stored>) };
  } catch {
    return empty;
  }
}

/** The branding the renderer uses (logo bytes included). */
export async function brandingFor(ws: Workspace): Promise<Branding> {
  const s = stored(ws);
  return {
    ...(s.primaryColor ? { primaryColor: s.primaryColor } : {}),
    ...(s.footerText ? { footerText: s.footerText } : {}),
    ...(s.organisation ? { organisation: s.organisation } : {}),
    ...(s.logoBlobId ? { logo: new Uint8Array(await ws.getBlob(s.logoBlobId)) } : {}),
  };
}

export async function brandingView(ws: Workspace): Promise<BrandingView> {
  const s = stored(ws);
  let logo: BrandingView['logo'] = null;
  if (s.logoBlobId) {
    const bytes = await ws.getBlob(s.logoBlobId);
    logo = { mediaType: logoType(bytes) === 'jpeg' ? 'image/jpeg' : 'image/png', dataBase64: bytes.toString('base64') };
  }
  return { primaryColor: s.primaryColor, footerText: s.footerText, organisation: s.organisation, logo };
}

export interface BrandingInput {
  primaryColor: string | null;
  footerText: string | null;
  organisation: string | null;
  /** undefined keeps the logo, null removes it. */
  logo?: { name: string; dataBase64: string } | null;
}

export async function setBranding(ws: Workspace, input: BrandingInput, actor: string): Promise<BrandingView> {
  const current = stored(ws);
  let logoBlobId = current.logoBlobId;
  if (input.logo === null) logoBlobId = null;
  else if (input.logo) {
    const bytes = Buffer.from(input.logo.dataBase64, 'base64');
    if (bytes.length === 0) throw new AttestError('REPORT_LOGO_EMPTY', `"${input.logo.name}" is empty; choose a PNG or JPEG logo.`);
    if (bytes.length > LOGO_LIMIT)
      throw new AttestError('REPORT_LOGO_TOO_LARGE', `"${input.logo.name}" is larger than 2 MB; choose a smaller logo.`);
    if (!logoType(bytes))
      throw new AttestError(
        'REPORT_LOGO_NOT_IMAGE',
        `"${input.logo.name}" is not a PNG or JPEG image; choose a PNG or JPEG file for the logo.`,
      );
    const blob = await ws.putBlob(bytes, {
      actor,
      name: input.logo.name,
      mediaType: logoType(bytes) === 'jpeg' ? 'image/jpeg' : 'image/png',
    });
    logoBlobId = blob.id;
  }
  const next: Stored = {
    primaryColor: input.primaryColor,
    footerText: input.footerText?.trim() || null,
    organisation: input.organisation?.trim() || null,
    logoBlobId,
  };
  await ws.commit({
    actor,
    action: 'settings.update',
    entity: `settings:${KEY}`,
    statements: [
      {
        sql: 'INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)',
        params: [KEY, JSON.stringify(next), ws.now().toISOString()],
      },
      ...(logoBlobId
        ? [{ sql: 'INSERT OR IGNORE INTO blob_links (blob_id, entity) VALUES (?, ?)', params: [logoBlobId, `settings:${KEY}`] }]
        : []),
    ],
  });
  return brandingView(ws);
}
