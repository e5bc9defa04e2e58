// The registry at a glance: a summary strip (vendors, due, overdue, certificates), filters
// and the table. j/k or arrows move, Enter opens, n adds, / filters, ? lists the keys.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '../../api/query';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field, SelectField } from '../../components/Field';
import { ScreenHeader } from '../../components/ScreenHeader';
import { ShortcutHelp, type ShortcutGroup } from '../../components/ShortcutHelp';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { formatDate } from '../../lib/dates';
import { CONCLUSION_LABELS, CRITICALITIES, CRITICALITY_LABELS } from './labels';
import { TierBadge } from './TierBadge';
import type { ReviewState, ScheduleView, VendorCriticality, VendorRow } from './types';
import { createVendor, emptyProfile, VendorForm } from './VendorForm';
import { formatScore } from '../../../../main/contract/vocabulary';

const SUBTITLE = 'Every supplier with its tier, latest review score and the date of its next review.';

const SHORTCUTS: ShortcutGroup[] = [
  {
    title: 'Vendor list',
    shortcuts: [
      { keys: ['j', '↓'], action: 'Next vendor' },
      { keys: ['k', '↑'], action: 'Previous vendor' },
      { keys: ['Enter'], action: 'Open the vendor page' },
      { keys: ['n'], action: 'Add a vendor' },
      { keys: ['/'], action: 'Filter by text' },
      { keys: ['?'], action: 'This help' },
    ],
  },
  { title: 'Vendor page', shortcuts: [{ keys: ['Escape'], action: 'Back to the list' }] },
];

interface Filters {
  text: string;
  tier: '' | '1' | '2' | '3';
  criticality: '' | VendorCriticality;
  state: '' | ReviewState;
}
const NO_FILTERS: Filters = { text: '', tier: '', criticality: '', state: '' };

const COLUMNS: Column<VendorRow>[] = [
  {
    key: 'name',
    header: 'Vendor',
    width: 'minmax(10rem, 2fr)',
    sort: (v) => v.name,
    render: (v) => (
      <span className="vendor-cell">
        <span className="vendor-name">{v.name}</span>
        <span className="vendor-services muted">{v.services}</span>
      </span>
    ),
  },
  {
    key: 'tier',
    header: 'Tier',
    width: '10rem',
    sort: (v) => v.tier,
    render: (v) => <TierBadge tier={v.tier} overridden={v.tierOverridden} />,
  },
  {
    key: 'crit',
    header: 'Criticality',
    width: '6.5rem',
    sort: (v) => CRITICALITIES.indexOf(v.criticality),
    render: (v) => CRITICALITY_LABELS[v.criticality],
  },
  {
    key: 'score',
    header: 'Score',
    width: '5rem',
    align: 'end',
    sort: (v) => v.latestScore,
    render: (v) => (v.latestScore === null ? <span className="muted">—</span> : formatScore(v.latestScore)),
  },
  {
    key: 'conclusion',
    header: 'Conclusion',
    width: 'minmax(7.5rem, 1fr)',
    wrap: true,
    sort: (v) => (v.latestConclusion ? CONCLUSION_LABELS[v.latestConclusion] : null),
    render: (v) => (v.latestConclusion ? CONCLUSION_LABELS[v.latestConclusion] : <span className="muted">Not reviewed</span>),
  },
  {
    key: 'next',
    header: 'Next review',
    width: '9.4rem',
    wrap: true,
    sort: (v) => v.nextReview,
    render: (v) => (
      <span className={`review-${v.reviewState}`}>
        {formatDate(v.nextReview)}
        {v.reviewState !== 'ok' ? <span className="review-tag"> · {v.reviewState === 'due' ? 'due' : 'overdue'}</span> : null}
      </span>
    ),
  },
  {
    key: 'certs',
    header: 'Cert. warnings',
    width: '7.8rem',
    align: 'end',
    sort: (v) => v.certWarnings,
    render: (v) => (v.certWarnings ? <span className="cert-warn">⚠ {v.certWarnings}</span> : <span className="muted">0</span>),
  },
];

function SummaryStrip({ schedule }: { schedule: ScheduleView | null }) {
  const c = schedule?.counts;
  const items: [string, number | string, string][] = [
    ['Vendors', c?.vendors ?? '…', ''],
    ['Due within 30 days', c?.due ?? '…', c?.due ? 'due' : ''],
    ['Overdue', c?.overdue ?? '…', c?.overdue ? 'overdue' : ''],
    ['Certificates expiring (60 days)', c?.expiringCertificates ?? '…', c?.expiringCertificates ? 'due' : ''],
    ['Certificates expired', c?.expiredCertificates ?? '…', c?.expiredCertificates ? 'overdue' : ''],
  ];
  return (
    <section className="vendor-summary" aria-label="Review schedule">
      {items.map(([label, value, tone]) => (
        <div key={label} className={`summary-item ${tone}`}>
          <span className="summary-value">{value}</span>
          <span className="summary-label">{label}</span>
        </div>
      ))}
    </section>
  );
}

export function VendorList({ onOpen }: { onOpen(id: string): void }) {
  const list = useQuery('vendor.list', {});
  const scheduled = useQuery('vendor.schedule', {});
  const vendors: VendorRow[] | null = list.data?.vendors ?? null;
  const schedule: ScheduleView | null = scheduled.data ?? null;
  const failed = list.error ?? scheduled.error;
  const error = failed ? messageOf(failed) : null;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [active, setActive] = useState(0);
  const [adding, setAdding] = useState(false);
  const [help, setHelp] = useState(false);
  const filterBox = useRef<HTMLDivElement>(null);

  const shown = useMemo(() => {
    const needle = filters.text.trim().toLowerCase();
    return (vendors ?? []).filter(
      (v) =>
        (!filters.tier || v.tier === Number(filters.tier)) &&
        (!filters.criticality || v.criticality === filters.criticality) &&
        (!filters.state || v.reviewState === filters.state) &&
        (!needle || [v.name, v.services, v.owner].some((s) => s.toLowerCase().includes(needle))),
    );
  }, [vendors, filters]);
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));

  // Screen keys, unless the user is typing or a dialog is open.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || adding || help) return;
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select, dialog');
      if (typing) return;
      if (e.key === 'n') {
        e.preventDefault();
        setAdding(true);
      } else if (e.key === '/') {
        e.preventDefault();
        filterBox.current?.querySelector('input')?.focus();
      } else if (e.key === '?') {
        e.preventDefault();
        setHelp(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [adding, help]);

  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const filtering = filters.text || filters.tier || filters.criticality || filters.state;

  const header = (
    <ScreenHeader
      title="Vendors"
      subtitle={SUBTITLE}
      actions={
        <>
          <button type="button" className="button ghost" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">
            ?
          </button>
          <button type="button" className="button primary" onClick={() => setAdding(true)}>
            Add vendor
          </button>
        </>
      }
    />
  );

  return (
    <>
      {header}
      <ErrorText error={error} />
      {vendors === null && !error ? <p className="muted">Loading vendors…</p> : null}
      {vendors && vendors.length === 0 ? (
        <EmptyState
          title="No vendors yet"
          action={
            <button type="button" className="button primary" onClick={() => setAdding(true)}>
              Add the first vendor
            </button>
          }
        >
          <p>
            The vendor registry lists every supplier that holds our data or reaches our systems: what it stores, how much we depend on it,
            its certifications, the credentials we issued to it and how we would leave it. From data types and criticality Attest works out
            a tier, and from the tier when the next security review is due (tier 1 yearly, tier 2 every two years, tier 3 every three).
          </p>
        </EmptyState>
      ) : null}
      {vendors && vendors.length > 0 ? (
        <>
          <SummaryStrip schedule={schedule} />
          <form role="search" aria-label="Filter vendors" className="vendor-filters" onSubmit={(e) => e.preventDefault()}>
            <div ref={filterBox}>
              <Field
                label="Filter"
                type="search"
                placeholder="Name, services or owner"
                value={filters.text}
                onChange={(e) => set('text', e.target.value)}
              />
            </div>
            <SelectField label="Tier" value={filters.tier} onChange={(e) => set('tier', e.target.value as Filters['tier'])}>
              <option value="">Any tier</option>
              <option value="1">Tier 1</option>
              <option value="2">Tier 2</option>
              <option value="3">Tier 3</option>
            </SelectField>
            <SelectField
              label="Criticality"
              value={filters.criticality}
              onChange={(e) => set('criticality', e.target.value as Filters['criticality'])}
            >
              <option value="">Any criticality</option>
              {CRITICALITIES.map((c) => (
                <option key={c} value={c}>
                  {CRITICALITY_LABELS[c]}
                </option>
              ))}
            </SelectField>
            <SelectField label="Review" value={filters.state} onChange={(e) => set('state', e.target.value as Filters['state'])}>
              <option value="">Any review state</option>
              <option value="overdue">Overdue</option>
              <option value="due">Due within 30 days</option>
              <option value="ok">Scheduled</option>
            </SelectField>
            <p className="filter-count" aria-live="polite">
              {shown.length === vendors.length
                ? `${vendors.length} vendor${vendors.length === 1 ? '' : 's'}`
                : `${shown.length} of ${vendors.length} vendors`}
              {filtering ? (
                <button type="button" className="button subtle" onClick={() => setFilters(NO_FILTERS)}>
                  Clear filters
                </button>
              ) : null}
            </p>
          </form>
          <VirtualTable
            label="Vendors"
            rows={shown}
            columns={COLUMNS}
            rowKey={(v) => v.id}
            activeIndex={activeIndex}
            onActiveChange={setActive}
            onOpen={(v) => onOpen(v.id)}
            rowHeight={48}
            height="calc(100vh - 22rem)"
            empty={filtering ? 'No vendor matches these filters.' : 'No vendors.'}
            testId="vendor-table"
          />
          <p className="keys muted vendor-keys">
            <kbd>Enter</kbd> open · <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>n</kbd> new · <kbd>/</kbd> filter · <kbd>?</kbd> help
          </p>
        </>
      ) : null}
      <Dialog title="Add vendor" open={adding} onClose={() => setAdding(false)} wide>
        <p className="card-intro">The tier follows from the data types and criticality; you can override it on the vendor page.</p>
        <VendorForm
          initial={emptyProfile()}
          submitLabel="Add vendor"
          save={createVendor}
          onCancel={() => setAdding(false)}
          onSaved={(v) => {
            setAdding(false);
            onOpen(v.id);
          }}
        />
      </Dialog>
      <ShortcutHelp open={help} onClose={() => setHelp(false)} groups={SHORTCUTS} />
    </>
  );
}
