// A table that renders only the rows in view, so thousands of rows stay smooth. Rows
// have one fixed height; the header stays put while the body scrolls. It is an ARIA
// grid: the active row follows the keyboard (arrows, j/k, Home/End, PageUp/PageDown)
// and is announced by aria-activedescendant, so focus never leaves the scroller.
// Headers sort (natural order) and columns resize (table/). Sorting changes only what is
// shown: `activeIndex` and the callbacks keep speaking of positions in `rows`.
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SortValue } from '../lib/natural-sort';
import { ColumnHead } from './table/ColumnHead';
import { ariaSort, useSort, type SortState } from './table/sorting';

export interface Column<T> {
  key: string;
  header: string;
  /** CSS grid track, e.g. '8rem' or 'minmax(12rem, 1fr)' */
  width: string;
  render(row: T): ReactNode;
  align?: 'start' | 'end' | 'center';
  /** The value the column sorts by (natural order); without it the header does not sort. */
  sort?(row: T): SortValue;
  /** Long text (titles) wraps to two lines instead of being cut to one. */
  wrap?: boolean;
}

export interface VirtualTableProps<T> {
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey(row: T): string;
  activeIndex: number;
  onActiveChange(index: number): void;
  /** Enter or double-click on a row */
  onOpen?(row: T, index: number): void;
  /** keys the table does not handle itself (status digits, shortcuts) */
  onKeyDown?(event: KeyboardEvent<HTMLDivElement>, row: T | undefined, index: number): void;
  rowHeight?: number;
  /** height of the scrolling body, any CSS length */
  height?: string;
  empty?: ReactNode;
  testId?: string;
  initialSort?: SortState | null;
  /**
   * Many rows chosen at once (lib/row-selection.ts): Ctrl/Cmd+click and Space toggle a
   * row, Shift+click and Shift+arrows choose a range, a plain click clears the choice.
   * `position` is the row's place in `shownKeys`, the row keys in the order shown (sorted).
   */
  selection?: {
    isSelected(row: T): boolean;
    onSelect(position: number, mode: 'clear' | 'toggle' | 'range', shownKeys: readonly string[]): void;
  };
}

const OVERSCAN = 8;

export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { rows, columns, activeIndex, onActiveChange, rowHeight = 40 } = props;
  const id = useId();
  const body = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const { sort, order, toggle } = useSort(rows, columns, props.initialSort ?? null);
  // Shown position → index in rows, and back.
  const at = useCallback((position: number) => (order ? (order[position] ?? -1) : position), [order]);
  const positionOf = useMemo(() => {
    if (!order) return null;
    const inverse = new Array<number>(order.length);
    order.forEach((index, position) => (inverse[index] = position));
    return inverse;
  }, [order]);
  const activePosition = activeIndex < 0 ? -1 : positionOf ? (positionOf[activeIndex] ?? -1) : activeIndex;

  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || 600);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keep the active row in view when it moves by keyboard or from outside. The sticky
  // header sits above the rows inside the scroller, so a row must clear it at both ends.
  useEffect(() => {
    const el = body.current;
    if (!el || activePosition < 0) return;
    const header = head.current?.offsetHeight ?? 0;
    const top = activePosition * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (header + top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = header + top + rowHeight - el.clientHeight;
  }, [activePosition, rowHeight]);

  const move = useCallback(
    (to: number) => {
      if (rows.length === 0) return;
      onActiveChange(at(Math.max(0, Math.min(rows.length - 1, to))));
    },
    [rows.length, onActiveChange, at],
  );

  // Ranges run over the rows as shown, so the selection is told the shown order.
  const select = (position: number, mode: 'clear' | 'toggle' | 'range') =>
    props.selection?.onSelect(
      position,
      mode,
      Array.from({ length: rows.length }, (_, p) => props.rowKey(rows[at(p)]!)),
    );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys on a header's sort button or resize handle are theirs, not the grid's.
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    const handled: Record<string, () => void> = {
      ArrowDown: () => move(activePosition + 1),
      ArrowUp: () => move(activePosition - 1),
      j: () => move(activePosition + 1),
      k: () => move(activePosition - 1),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      PageDown: () => move(activePosition + page),
      PageUp: () => move(activePosition - page),
    };
    const sel = props.selection;
    if (
      sel &&
      event.shiftKey &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      (event.key === 'ArrowDown' || event.key === 'ArrowUp')
    ) {
      event.preventDefault();
      const to = Math.max(0, Math.min(rows.length - 1, activePosition + (event.key === 'ArrowDown' ? 1 : -1)));
      if (activePosition >= 0) select(activePosition, sel.isSelected(rows[activeIndex]!) ? 'range' : 'toggle');
      select(to, 'range');
      move(to);
      return;
    }
    if (sel && plain && event.key === ' ' && rows[activeIndex] !== undefined) {
      event.preventDefault();
      select(activePosition, 'toggle');
      return;
    }
    const action = plain ? handled[event.key] : undefined;
    if (action) {
      event.preventDefault();
      action();
      return;
    }
    if (plain && event.key === 'Enter' && rows[activeIndex] !== undefined && props.onOpen) {
      event.preventDefault();
      props.onOpen(rows[activeIndex], activeIndex);
      return;
    }
    props.onKeyDown?.(event, rows[activeIndex], activeIndex);
  };

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN);
  const template = columns.map((c) => (widths[c.key] ? `${widths[c.key]}px` : c.width)).join(' ');
  const rowId = (i: number) => `${id}-row-${i}`;
  const headCell = (key: string) => head.current?.querySelector<HTMLElement>(`[data-column="${CSS.escape(key)}"]`)?.offsetWidth ?? 100;

  return (
    <div className="vtable" data-testid={props.testId}>
      <div
        ref={body}
        className="vtable-body"
        role="grid"
        aria-label={props.label}
        aria-multiselectable={props.selection ? true : undefined}
        aria-rowcount={rows.length + 1}
        aria-activedescendant={activeIndex >= 0 && activeIndex < rows.length ? rowId(activeIndex) : undefined}
        tabIndex={0}
        style={{ height: props.height ?? '60vh' }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div ref={head} className="vtable-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              data-column={c.key}
              aria-sort={c.sort ? ariaSort(sort, c.key) : undefined}
              className={`vtable-cell th align-${c.align ?? 'start'}`}
            >
              <ColumnHead
                label={c.header}
                columnKey={c.key}
                sortable={!!c.sort}
                sort={sort}
                onSort={toggle}
                measure={() => headCell(c.key)}
                width={widths[c.key]}
                onResize={(w) => setWidths((all) => ({ ...all, [c.key]: w }))}
              />
            </div>
          ))}
        </div>
        {rows.length === 0 ? (
          <div className="vtable-empty">{props.empty ?? 'Nothing to show.'}</div>
        ) : (
          <div className="vtable-spacer" style={{ height: rows.length * rowHeight }}>
            {Array.from({ length: last - first }, (_, offset) => {
              const position = first + offset;
              const index = at(position);
              const row = rows[index];
              if (row === undefined) return null;
              const chosen = props.selection?.isSelected(row) ?? false;
              return (
                <div
                  key={props.rowKey(row)}
                  id={rowId(index)}
                  role="row"
                  aria-rowindex={position + 2}
                  aria-selected={props.selection ? chosen : index === activeIndex}
                  className={`vtable-row${index === activeIndex ? ' active' : ''}${chosen ? ' chosen' : ''}`}
                  style={{ top: position * rowHeight, height: rowHeight, gridTemplateColumns: template }}
                  onClick={(e) => {
                    if (props.selection) {
                      const mode = e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'clear';
                      // Shift+click starts its range at the active row when nothing was chosen yet.
                      if (mode === 'range' && activePosition >= 0 && !rows.some((r) => props.selection!.isSelected(r)))
                        select(activePosition, 'toggle');
                      select(position, mode);
                    }
                    onActiveChange(index);
                  }}
                  onDoubleClick={() => props.onOpen?.(row, index)}
                >
                  {columns.map((c) => (
                    <div key={c.key} role="gridcell" className={`vtable-cell align-${c.align ?? 'start'}${c.wrap ? ' wrap' : ''}`}>
                      {c.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
