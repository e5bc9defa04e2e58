// Every date and time the app shows, in one format: the operating system's locale
// (Electron gives the renderer the OS locale as its default), medium date style.
// Stored values stay ISO 8601; only the display changes.

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
// A calendar day ("2026-03-31") has no time zone: shown as that day everywhere.
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The day of a timestamp or a calendar date, e.g. "31 Mar 2026" or "Mar 31, 2026". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  if (DAY_ONLY.test(iso)) {
    const d = parse(`${iso}T00:00:00Z`);
    return d ? dayFormat.format(d) : iso;
  }
  const d = parse(iso);
  return d ? dateFormat.format(d) : iso;
}

/** A timestamp with its time of day. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  if (DAY_ONLY.test(iso)) return formatDate(iso);
  const d = parse(iso);
  return d ? dateTimeFormat.format(d) : iso;
}

/** The time of day only (the top bar's "saved at"). */
export function formatTime(iso: string): string {
  const d = parse(iso);
  return d ? timeFormat.format(d) : iso;
}
