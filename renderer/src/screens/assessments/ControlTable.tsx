// The control table: a windowed grid (only the rows in view are in the DOM) with
// columns built once. Keys the grid does not handle itself go to onKey.
import { memo, type KeyboardEvent } from 'react';
import type { AssessmentRow } from '../../../../main/contract/assessment';
import { CONTROL_STATUSES } from '../../../../main/contract/vocabulary';
import { StatusBadge } from '../../components/Badges';
import { VirtualTable, type Column, type VirtualTableProps } from '../../components/VirtualTable';
import { rowKey } from './useAssessment';

const columns: readonly Column<AssessmentRow>[] = [
  { key: 'id', header: 'Control', width: '4.8rem', sort: (r) => r.label, render: (r) => <span title={r.label}>{r.label}</span> },
  {
    key: 'title',
    header: 'Title',
    width: 'minmax(7rem, 1fr)',
    wrap: true,
    sort: (r) => r.title,
    render: (r) => <span title={r.title}>{r.title}</span>,
  },
  {
    key: 'category',
    header: 'Category',
    width: 'minmax(4.6rem, 6rem)',
    wrap: true,
    sort: (r) => r.categoryTitle,
    render: (r) => <span title={r.categoryTitle}>{r.categoryTitle}</span>,
  },
  {
    key: 'status',
    header: 'Status',
    width: '8.6rem',
    sort: (r) => CONTROL_STATUSES.indexOf(r.status),
    render: (r) => (
      <span className="asm-status-cell">
        <StatusBadge status={r.status} />
        {r.carriedForward ? (
          <span className="asm-carried" title="Carried forward, needs review">
            <span aria-hidden="true">↻</span>
            <span className="visually-hidden">carried forward, needs review</span>
          </span>
        ) : null}
      </span>
    ),
  },
  {
    key: 'evidence',
    header: 'Evidence',
    width: '4.7rem',
    align: 'end',
    sort: (r) => r.evidenceCount,
    render: (r) => <span className={r.evidenceCount ? undefined : 'asm-zero'}>{r.evidenceCount}</span>,
  },
  {
    key: 'findings',
    header: 'Findings',
    width: '4.7rem',
    align: 'end',
    sort: (r) => r.findingCount,
    render: (r) => <span className={r.findingCount ? undefined : 'asm-zero'}>{r.findingCount}</span>,
  },
];

interface Props {
  rows: readonly AssessmentRow[];
  activeIndex: number;
  onActiveChange(index: number): void;
  onOpen(row: AssessmentRow): void;
  onKey(event: KeyboardEvent<HTMLDivElement>, row: AssessmentRow | undefined): void;
  height: string;
  empty: string;
  selection: VirtualTableProps<AssessmentRow>['selection'];
}

const ROW_HEIGHT = 38;

export const ControlTable = memo(function ControlTable(props: Props) {
  return (
    <div>
      <VirtualTable<AssessmentRow>
        label="Controls"
        testId="control-table"
        rows={props.rows}
        columns={columns}
        rowKey={rowKey}
        activeIndex={props.activeIndex}
        onActiveChange={props.onActiveChange}
        onOpen={props.onOpen}
        onKeyDown={(event, row) => props.onKey(event, row)}
        height={props.height}
        rowHeight={ROW_HEIGHT}
        empty={props.empty}
        selection={props.selection}
      />
    </div>
  );
});
