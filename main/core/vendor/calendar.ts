// The whole programme's review calendar for one day: who is due, who is overdue, and
// which certificates have expired or are about to.
import type { ScheduleView } from '../../contract/vendor';
import type { Workspace } from '../workspace';
import { expiringCertificates } from './certifications';
import { daysBetween, readIntervals } from './schedule';
import { todayOf } from '../time/clock';

import { listVendors } from './vendors';

export function reviewSchedule(ws: Workspace, today = todayOf(ws)): ScheduleView {
  const vendors = listVendors(ws, { today });
  const item = (v: (typeof vendors)[number]) => ({
    vendorId: v.id,
    name: v.name,
    tier: v.tier,
    lastReview: v.lastReview,
    nextReview: v.nextReview,
    days: daysBetween(today, v.nextReview),
  });
  const byDate = (a: { nextReview: string }, b: { nextReview: string }) => a.nextReview.localeCompare(b.nextReview);
  const due = vendors
    .filter((v) => v.reviewState === 'due')
    .map(item)
    .sort(byDate);
  const overdue = vendors
    .filter((v) => v.reviewState === 'overdue')
    .map(item)
    .sort(byDate);
  const certificates = expiringCertificates(ws, today).map((c) => ({
    vendorId: c.vendorId,
    vendorName: c.vendorName,
    certificationId: c.id,
    kind: c.kind,
    otherName: c.otherName,
    expiresAt: c.expiresAt ?? '',
    state: c.state as 'expired' | 'expiring',
    daysLeft: c.daysLeft ?? 0,
  }));
  return {
    today,
    intervals: readIntervals(ws),
    counts: {
      vendors: vendors.length,
      due: due.length,
      overdue: overdue.length,
      expiringCertificates: certificates.filter((c) => c.state === 'expiring').length,
      expiredCertificates: certificates.filter((c) => c.state === 'expired').length,
    },
    due,
    overdue,
    certificates,
  };
}
