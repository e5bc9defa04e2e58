// The findings as a windowed grid (hundreds stay smooth): Enter opens one, Delete removes it.
import type { KeyboardEvent, ReactNode } from 'react';
import { FindingStatusBadge, SeverityBadge } from '../../components/Badges';
import { VirtualTable, type Column, type VirtualTableProps } from '../../components/VirtualTable';
import type { AssessmentSummary, FindingView } from './types';

const ROW = 40;

function Due({ f }: { f: FindingView }) {
  const lapsed = f.status === 'risk-accepted';
  const day = lapsed ? f.acceptanceExpires : f.dueDate;
  if (!day) return <span className="muted">—</span>;
  return f.overdue ? (
    <span>
      {day} <span className="overdue-tag">{lapsed ? 'Acceptance expired' : 'Overdue'}</span>
    </span>
  ) : (
    <span>{day}</span>
  );
}

export function FindingList({
  findings,
  assessments,
  showAssessment,
  activeIndex,
  onActiveChange,
  onOpen,
  onRemove,
  empty,
  selection,
}: {
  findings: readonly FindingView[];
  assessments: readonly AssessmentSummary[];
  showAssessment: boolean;
  activeIndex: number;
  onActiveChange(i: number): void;
  onOpen(f: FindingView): void;
  onRemove(f: FindingView): void;
  empty: ReactNode;
  selection?: VirtualTableProps<FindingView>['selection'];
}) {
  const names = new Map(assessments.map((a) => [a.id, a.name]));
  const columns: Column<FindingView>[] = [
    { key: 'ref', header: 'Ref', width: '4.6rem', render: (f) => <span className="ref">{f.ref}</span> },
    { key: 'title', header: 'Title', width: 'minmax(12rem, 1fr)', render: (f) => <span title={f.title}>{f.title}</span> },
    ...(showAssessment
      ? [{ key: 'assessment', header: 'Assessment', width: 'minmax(8rem, 12rem)', render: (f: FindingView) => names.get(f.assessmentId) ?? '' }]
      : []),
    { key: 'severity', header: 'Severity', width: '6.2rem', render: (f) => <SeverityBadge severity={f.severity} /> },
    { key: 'status', header: 'Status', width: '8rem', render: (f) => <FindingStatusBadge status={f.status} /> },
    { key: 'owner', header: 'Owner', width: 'minmax(6rem, 9rem)', render: (f) => f.owner || <span className="muted">—</span> },
    { key: 'due', header: 'Due', width: '11.5rem', render: (f) => <Due f={f} /> },
    { key: 'controls', header: 'Controls', width: '6.4rem', align: 'end', render: (f) => f.controls.length },
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
