// The findings as a windowed grid (hundreds stay smooth): Enter opens one, Delete removes it.
import type { KeyboardEvent, ReactNode } from 'react';
import { FindingStatusBadge, SeverityBadge } from '../../components/Badges';
import { FINDING_SEVERITIES, FINDING_STATUSES } from '../../../../main/contract/vocabulary';
import { VirtualTable, type Column, type VirtualTableProps } from '../../components/VirtualTable';
import { formatDate } from '../../lib/dates';
import { distinctNames, subjectOf } from '../../lib/finding-refs';
import type { AssessmentSummary, FindingView } from './types';

const ROW = 48;

function Due({ f }: { f: FindingView }) {
  const lapsed = f.status === 'risk-accepted';
  const day = lapsed ? f.acceptanceExpires : f.dueDate;
  if (!day) return <span className="muted">—</span>;
  return f.overdue ? (
    <span>
      {formatDate(day)} <span className="overdue-tag">{lapsed ? 'Acceptance expired' : 'Overdue'}</span>
    </span>
  ) : (
    <span>{formatDate(day)}</span>
  );
}

function RefText({ text }: { text: string }) {
  const cut = text.lastIndexOf('/') + 1;
  if (cut === 0) return <span className="ref">{text}</span>;
  return (
    <span className="ref ref-prefixed" title={text}>
      {text.slice(0, cut)}
      <wbr />
      <span className="ref-own">{text.slice(cut)}</span>
    </span>
  );
}

export function FindingList({
  findings,
  assessments,
  showSubject,
  refOf,
  activeIndex,
  onActiveChange,
  onOpen,
  onRemove,
  empty,
  selection,
}: {
  findings: readonly FindingView[];
  assessments: readonly AssessmentSummary[];
  /** a column naming each finding's assessment or vendor */
  showSubject: boolean;
  /** each finding's ref as shown (prefixed when several subjects are listed: lib/finding-refs.ts) */
  refOf(f: FindingView): string;
  activeIndex: number;
  onActiveChange(i: number): void;
  onOpen(f: FindingView): void;
  onRemove(f: FindingView): void;
  empty: ReactNode;
  selection?: VirtualTableProps<FindingView>['selection'];
}) {
  const names = new Map(assessments.map((a) => [a.id, a.name]));
  const listed = new Set(findings.map(subjectOf));
  const ref = refOf;
  const prefixed = findings.some((f) => ref(f) !== f.ref);
  const short = distinctNames(assessments.filter((a) => listed.has(a.id)));
  const anyVendor = findings.some((f) => f.vendorId);
  const subjectName = (f: FindingView) => (f.assessmentId ? (names.get(f.assessmentId) ?? '') : (f.vendorName ?? ''));
  const columns: Column<FindingView>[] = [
    {
      key: 'ref',
      header: 'Ref',
      width: prefixed ? (anyVendor ? '11rem' : '7.4rem') : '4.6rem',
      wrap: anyVendor,
      sort: ref,
      // A vendor's name can be long: the ref may break after its prefix, never inside "V-001".
      render: (f) => <RefText text={ref(f)} />,
    },
    {
      key: 'title',
      header: 'Title',
      width: 'minmax(12rem, 1fr)',
      wrap: true,
      sort: (f) => f.title,
      render: (f) => <span title={f.title}>{f.title}</span>,
    },
    ...(showSubject
      ? [
          {
            key: 'subject',
            header: !anyVendor ? 'Assessment' : findings.every((f) => f.vendorId) ? 'Vendor' : 'Assessment or vendor',
            width: anyVendor ? 'minmax(12.5rem, 14rem)' : 'minmax(9rem, 13rem)',
            wrap: true,
            sort: subjectName,
            render: (f: FindingView) =>
              f.assessmentId ? (
                <span title={subjectName(f)}>{short.get(f.assessmentId) ?? subjectName(f)}</span>
              ) : (
                <span title={`Vendor: ${subjectName(f)}`}>
                  <span className="subject-kind">Vendor</span> {subjectName(f)}
                </span>
              ),
          },
        ]
      : []),
    {
      key: 'severity',
      header: 'Severity',
      width: '6.2rem',
      sort: (f) => FINDING_SEVERITIES.indexOf(f.severity),
      render: (f) => <SeverityBadge severity={f.severity} />,
    },
    {
      key: 'status',
      header: 'Status',
      width: '8rem',
      sort: (f) => FINDING_STATUSES.indexOf(f.status),
      render: (f) => <FindingStatusBadge status={f.status} />,
    },
    {
      key: 'owner',
      header: 'Owner',
      width: 'minmax(6rem, 9rem)',
      wrap: true,
      sort: (f) => f.owner,
      render: (f) => f.owner || <span className="muted">—</span>,
    },
    {
      key: 'due',
      header: 'Due',
      width: '10rem',
      wrap: true,
      sort: (f) => (f.status === 'risk-accepted' ? f.acceptanceExpires : f.dueDate),
      render: (f) => <Due f={f} />,
    },
    {
      key: 'controls',
      header: 'Controls',
      width: '6.4rem',
      align: 'end',
      sort: (f) => f.controls.length,
      render: (f) => f.controls.length,
    },
  ];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, row: FindingView | undefined) => {
    if (row && e.key === 'Delete' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      onRemove(row);
    }
  };
  return (
    <VirtualTable
      label="Findings"
      testId="finding-list"
      rows={findings}
      columns={columns}
      rowKey={(f) => f.id}
      activeIndex={activeIndex}
      onActiveChange={onActiveChange}
      onOpen={(f) => onOpen(f)}
      onKeyDown={onKeyDown}
      rowHeight={ROW}
      height={`${Math.max(4, Math.min(findings.length, 14)) * ROW + 44}px`}
      empty={empty}
      selection={selection}
    />
  );
}
