// The demo's story is written as of one day (STORY_DAY) and told as of the day the demo
// is made: every date in its data moves by the same number of days, so what is overdue,
// due soon, expiring or expired stays the same on any day. Seeders write their data in
// story time; `shift` moves each string (ISO dates and timestamps, "Month YYYY", a month
// after "in", "Qn YYYY") and each questionnaire cycle year before it reaches the core.
export const STORY_DAY = '2026-12-01';

const DAY_MS = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH = MONTHS.join('|');

export interface DemoDates {
  /** Whole days from the story's day to the day the demo is made. */
  readonly offsetDays: number;
  /** The day the demo is made, YYYY-MM-DD (UTC). */
  readonly today: string;
  /** A story-time text (or ISO date or timestamp) moved to the demo's time. */
  text(s: string): string;
  /** Every string of a request moved to the demo's time (questionnaire cycles too). */
  shift<T>(value: T): T;
}

const utcMidnight = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00.000Z`);
const pad = (n: number) => String(n).padStart(2, '0');

export function demoDates(now: Date): DemoDates {
  const today = now.toISOString().slice(0, 10);
  const offsetDays = Math.round((utcMidnight(today) - utcMidnight(STORY_DAY)) / DAY_MS);
  const move = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d) + offsetDays * DAY_MS);
  // A month or quarter moves to the one its middle day lands in.
  const monthOf = (y: number, m: number) => move(y, m, 15);
  const storyYear = Number(STORY_DAY.slice(0, 4));

  const text = (s: string): string =>
    s
      .replace(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g, (all, y: string, m: string, d: string) => {
        const t = move(Number(y), Number(m) - 1, Number(d));
        return Number.isNaN(t.getTime()) ? all : `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
      })
      .replace(new RegExp(`\\b(${MONTH}) (\\d{4})\\b`, 'g'), (_all, name: string, y: string) => {
        const t = monthOf(Number(y), MONTHS.indexOf(name));
        return `${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
      })
      .replace(new RegExp(`\\b(in|since|until|by) (${MONTH})\\b(?! \\d)`, 'g'), (_all, word: string, name: string) => {
        return `${word} ${MONTHS[monthOf(storyYear, MONTHS.indexOf(name)).getUTCMonth()]}`;
      })
      .replace(/\bQ([1-4]) (\d{4})\b/g, (_all, q: string, y: string) => {
        const t = move(Number(y), (Number(q) - 1) * 3 + 1, 15);
        return `Q${Math.floor(t.getUTCMonth() / 3) + 1} ${t.getUTCFullYear()}`;
      });

  const shiftYear = (y: string) => (/^\d{4}$/.test(y) ? String(monthOf(Number(y), 6).getUTCFullYear()) : y);

  const shift = <T>(value: T, key?: string): T => {
    if (typeof value === 'string') return (key === 'cycle' ? shiftYear(value) : text(value)) as T;
    if (Array.isArray(value)) return value.map((v) => shift(v)) as T;
    if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v, k)])) as T;
    }
    return value;
  };

  return { offsetDays, today, text, shift: (v) => shift(v) };
}
