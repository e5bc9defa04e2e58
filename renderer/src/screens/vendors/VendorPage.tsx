// One vendor, in tabs: profile with tier and next review; certifications and credentials
// issued; documents; questionnaires; findings; review and change history. Back or Escape
// returns to the list.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { useWrite, type WriteOptions } from '../../api/write';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { VendorQuestionnaires } from '../questionnaires/VendorQuestionnaires';
import { CertificationsSection } from './CertificationsSection';
import { CredentialsSection } from './CredentialsSection';
import { DocumentsSection } from './DocumentsSection';
import { REVIEW_STATE_LABELS } from './labels';
import { TierSection } from './TierSection';
import type { VendorView } from './types';
import { profileOf, VendorForm } from './VendorForm';
import { formatDate } from '../../lib/dates';
import { Tabs, type TabDef } from '../../components/Tabs';
import { useAppStore } from '../../store';
import type { VendorTab } from '../../store/selection';
import { VendorFindings } from './VendorFindings';
import { VendorHistory } from './VendorHistory';

export function VendorPage({ id, onBack }: { id: string; onBack(): void }) {
  // The tab is the Vendors screen's route state (the store): kept across re-renders and returns.
  const tab = useAppStore((s) => s.vendorTab);
  const setTab = useAppStore((s) => s.setVendorTab);
  const read = useQuery('vendor.get', { id });
  const vendor: VendorView | null = read.data ?? null;
  const { write, error: writeError } = useWrite();
  const error = writeError ?? (read.error ? messageOf(read.error) : null);
  const [saved, setSaved] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement | null>(null);

  useEffect(() => {
    title.current = document.getElementById('screen-title') as HTMLHeadingElement | null;
    title.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const inField = e.target instanceof HTMLElement && e.target.closest('input, textarea, select, dialog');
      if (!inField && !document.querySelector('dialog[open]')) onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  // true when it was saved; what failed is shown in the page's error line
  const act: Act = useCallback(async (what, run, options) => (await write(run, { ...options, what })) !== undefined, [write]);

  const back = (
    <button type="button" className="button" onClick={onBack}>
      ← Back to vendors
    </button>
  );
  if (!vendor) {
    return (
      <>
        <ScreenHeader title="Vendor" actions={back} />
        <ErrorText error={error} />
        {!error ? <p className="muted">Loading…</p> : null}
      </>
    );
  }
  const removed = vendor.removedAt !== null;

  return (
    <>
      <ScreenHeader
        title={vendor.name}
        subtitle={vendor.services || undefined}
        actions={
          <>
            {back}
            {!removed ? (
              <button
                type="button"
                className="button danger-ghost"
                onClick={() => void act('Not removed', () => call('vendor.remove', { id }))}
              >
                Remove vendor
              </button>
            ) : null}
          </>
        }
      />
      {removed ? (
        <div className="removed-banner" role="status">
          <span>This vendor was removed from the registry on {formatDate(vendor.removedAt)}.</span>
          <button type="button" className="button primary" onClick={() => void act('Not restored', () => call('vendor.restore', { id }))}>
            Undo removal
          </button>
        </div>
      ) : null}
      <ErrorText error={error} />
      <Tabs label={`${vendor.name}: sections`} tabs={TABS} selected={tab} onSelect={setTab} className="vendor-tabs">
        {tab === 'profile' ? (
          <div className="vendor-page">
            <div className="vendor-main">
              <section className="card" aria-labelledby="profile-h">
                <h2 id="profile-h">Profile</h2>
                <VendorForm
                  key={vendor.updatedAt}
                  initial={profileOf(vendor)}
                  submitLabel="Save profile"
                  save={(p) => call('vendor.update', { ...p, id })}
                  onSaved={() => setSaved('Profile saved; the tier was worked out again.')}
                />
                {saved ? (
                  <p className="ok-text" role="status">
                    {saved}
                  </p>
                ) : null}
              </section>
            </div>
            <aside className="vendor-side">
              <TierSection vendor={vendor} act={act} />
              <NextReview vendor={vendor} />
            </aside>
          </div>
        ) : tab === 'assurance' ? (
          <div className="vendor-page vendor-stack">
            <CertificationsSection vendor={vendor} act={act} />
            <CredentialsSection vendor={vendor} act={act} />
          </div>
        ) : tab === 'documents' ? (
          <div className="vendor-page vendor-stack">
            <DocumentsSection vendor={vendor} act={act} />
          </div>
        ) : tab === 'questionnaires' ? (
          // Full width: scores, gaps and year-over-year tables need the room.
          <div className="vendor-page vendor-stack">
            {!removed ? (
              <VendorQuestionnaires vendorId={vendor.id} vendorName={vendor.name} />
            ) : (
              <p className="muted">Questionnaires are kept but not shown while the vendor is removed; undo the removal to see them.</p>
            )}
          </div>
        ) : tab === 'findings' ? (
          <div className="vendor-page vendor-stack">
            <VendorFindings vendor={vendor} />
          </div>
        ) : (
          <div className="vendor-page">
            <div className="vendor-main">
              <VendorHistory vendor={vendor} />
            </div>
            <aside className="vendor-side">
              <NextReview vendor={vendor} />
            </aside>
          </div>
        )}
      </Tabs>
    </>
  );
}

const TABS: readonly TabDef<VendorTab>[] = [
  { id: 'profile', label: 'Profile' },
  { id: 'assurance', label: 'Certifications & credentials' },
  { id: 'documents', label: 'Documents' },
  { id: 'questionnaires', label: 'Questionnaires' },
  { id: 'findings', label: 'Findings' },
  { id: 'history', label: 'History' },
];

function NextReview({ vendor }: { vendor: VendorView }) {
  const s = vendor.schedule;
  return (
    <section className="card" aria-labelledby="review-h">
      <h2 id="review-h">Next review</h2>
      <p className={`next-review review-${s.reviewState}`}>
        <strong>{formatDate(s.nextReview)}</strong> <span>{REVIEW_STATE_LABELS[s.reviewState]}</span>
      </p>
      <p className="muted">
        {s.lastReview ? `Last review concluded ${formatDate(s.lastReview)}` : 'Never reviewed: due from the day it was added'}; every{' '}
        {s.intervalMonths} months at tier {vendor.tier}.
      </p>
    </section>
  );
}

/** A write of this page: true when it was saved; `options` as in api/write.ts (done, undo). */
export type Act = (what: string, run: () => Promise<unknown>, options?: Omit<WriteOptions<unknown>, 'what'>) => Promise<boolean>;
