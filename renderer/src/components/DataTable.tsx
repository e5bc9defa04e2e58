// The app's table for lists that fit on a page (the windowed VirtualTable is for
// thousands of rows). Headers sort in natural order (VSB-2 before VSB-10) and columns
// resize by dragging their edge or with the arrow keys; the header row sticks to the top
// of the content while the page scrolls; text wraps instead of being cut off.
import { useRef, useState, type ReactNode } from 'react';
import type { SortValue } from '../lib/natural-sort';
import { ColumnHead } from './table/ColumnHead';
import { ariaSort, useSort, type SortState } from './table/sorting';

export interface DataColumn<T> {
  key: string;
  header: string;
  render(row: T): ReactNode;
  /** The value the column sorts by; without it the header does not sort. */
  sort?(row: T): SortValue;
  /** A starting width (any CSS length); columns without one share the rest. */
  width?: string;
  align?: 'start' | 'end';
  /** A class for this column's cells (e.g. "nowrap", "wrap"). */
  className?: string;
  /** This column's cells are row headers (th scope="row"). */
  rowHeader?: boolean;
  /** The header is for screen readers only (a column of buttons). */
  hideHeader?: boolean;
}

export interface DataTableProps<T> {
  /** Names the table for screen readers (aria-label) when it has no caption. */
  label: string;
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  rowKey(row: T): string;
  className?: string;
  testId?: string;
  /** Extra attributes per row (a data-state, an aria-current). */
  rowProps?(row: T): { className?: string } & Record<string, string | undefined>;
  initialSort?: SortState | null;
  caption?: ReactNode;
  /** Column widths as given from the start (the columns without one share the rest). */
  fixed?: boolean;
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { rows, columns } = props;
  const { sort, order, toggle } = useSort(rows, columns, props.initialSort ?? null);
  const [widths, setWidths] = useState<Record<string, number> | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const shown = order ? order.map((i) => rows[i] as T) : rows;
  const headWidth = (key: string) =>
    table.current?.querySelector<HTMLElement>(`thead th[data-column="${CSS.escape(key)}"]`)?.getBoundingClientRect().width ?? 100;

  // The first resize fixes every column at its current width, so only the dragged one moves.
  const resize = (key: string, width: number) =>
    setWidths((all) => ({ ...(all ?? Object.fromEntries(columns.map((c) => [c.key, headWidth(c.key)]))), [key]: width }));

  return (
    <div className="table-wrap" data-testid={props.testId}>
      <table
        ref={table}
        className={`data-table${props.className ? ` ${props.className}` : ''}${widths || props.fixed ? ' fixed' : ''}`}
        aria-label={props.caption ? undefined : props.label}
        style={widths ? { width: columns.reduce((n, c) => n + (widths[c.key] ?? 0), 0) } : undefined}
      >
        {props.caption ? <caption>{props.caption}</caption> : null}
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: widths?.[c.key] !== undefined ? `${widths[c.key]}px` : c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                data-column={c.key}
                aria-sort={c.sort ? ariaSort(sort, c.key) : undefined}
                className={c.align === 'end' ? 'num' : undefined}
              >
                <div className={`th-inner${c.hideHeader ? ' hidden-head' : ''}`}>
                  <ColumnHead
                    label={c.header}
                    columnKey={c.key}
                    sortable={!!c.sort}
                    sort={sort}
                    onSort={toggle}
                    measure={() => headWidth(c.key)}
                    width={widths?.[c.key]}
                    onResize={(w) => resize(c.key, w)}
                  />
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={props.rowKey(row)} {...props.rowProps?.(row)}>
              {columns.map((c) => {
                const className = [c.align === 'end' ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;
                return c.rowHeader ? (
                  <th key={c.key} scope="row" className={className}>
                    {c.render(row)}
                  </th>
                ) : (
                  <td key={c.key} className={className}>
                    {c.render(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
