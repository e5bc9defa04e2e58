// The review calendar: months between reviews per tier (a workspace setting), the next
// review date of a vendor, and how soon it and its certificates need attention.
import type { ReviewIntervals, ReviewState, VendorTier } from '../../contract/vendor';
import type { Workspace } from '../workspace';

export const REVIEW_INTERVALS_KEY = 'vendor.reviewIntervals';
export const DEFAULT_INTERVALS: ReviewIntervals = { tier1: 12, tier2: 24, tier3: 36 };
/** A review is "due" this many days ahead of its date. */
export const DUE_WINDOW_DAYS = 30;
/** A certificate is "expiring" this many days ahead of its expiry. */
export const CERT_WARNING_DAYS = 60;

export function readIntervals(ws: Workspace): ReviewIntervals {
  const row = ws.query<{ value: string }>('SELECT value FROM settings WHERE key = ?', [REVIEW_INTERVALS_KEY])[0];
  if (!row) return { ...DEFAULT_INTERVALS };
  try {
    const v = JSON.parse(row.value) as Partial<ReviewIntervals>;
    const pick = (n: unknown, d: number) => (Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 120 ? (n as number) : d);
    return { tier1: pick(v.tier1, 12), tier2: pick(v.tier2, 24), tier3: pick(v.tier3, 36) };
  } catch {
    return { ...DEFAULT_INTERVALS };
  }
}

export async function writeIntervals(ws: Workspace, intervals: ReviewIntervals, actor: string): Promise<ReviewIntervals> {
  await ws.commit({
    actor,
    action: 'vendor.reviewIntervals.set',
    entity: `settings:${REVIEW_INTERVALS_KEY}`,
    statements: [
      {
        sql: 'INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)',
        params: [REVIEW_INTERVALS_KEY, JSON.stringify(intervals), ws.now().toISOString()],
      },
    ],
  });
  return readIntervals(ws);
}

export const intervalFor = (intervals: ReviewIntervals, tier: VendorTier) => intervals[`tier${tier}`];

const parseDay = (d: string) => new Date(`${d.slice(0, 10)}T00:00:00Z`);

/** Adds whole months, keeping the day where it exists (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: string, months: number): string {
  const date = parseDay(d);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

export const daysBetween = (from: string, to: string) => Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / 86_400_000);

/** Never reviewed: due from the day the vendor was registered. */
export function nextReview(lastReview: string | null, createdAt: string, months: number): string {
  return lastReview ? addMonths(lastReview, months) : createdAt.slice(0, 10);
}

export function reviewState(next: string, today: string): ReviewState {
  const days = daysBetween(today, next);
  if (days < 0) return 'overdue';
  return days <= DUE_WINDOW_DAYS ? 'due' : 'ok';
}

export function certState(
  expiresAt: string | null,
  today: string,
): { state: 'valid' | 'expiring' | 'expired' | 'no-expiry'; daysLeft: number | null } {
  if (!expiresAt) return { state: 'no-expiry', daysLeft: null };
  const daysLeft = daysBetween(today, expiresAt);
  if (daysLeft < 0) return { state: 'expired', daysLeft };
  return { state: daysLeft <= CERT_WARNING_DAYS ? 'expiring' : 'valid', daysLeft };
}
