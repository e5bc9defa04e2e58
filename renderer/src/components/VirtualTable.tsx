// A table that renders only the rows in view, so thousands of rows stay smooth. Rows
// have one fixed height; the header stays put while the body scrolls. It is an ARIA
// grid: the active row follows the keyboard (arrows, j/k, Home/End, PageUp/PageDown)
// and is announced by aria-activedescendant, so focus never leaves the scroller.
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  /** CSS grid track, e.g. '8rem' or 'minmax(12rem, 1fr)' */
  width: string;
  render(row: T): ReactNode;
  align?: 'start' | 'end' | 'center';
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
  /**
   * Many rows chosen at once (lib/row-selection.ts): Ctrl/Cmd+click and Space toggle a
   * row, Shift+click and Shift+arrows choose a range, a plain click clears the choice.
   */
  selection?: {
    isSelected(row: T): boolean;
    onSelect(index: number, mode: 'clear' | 'toggle' | 'range'): void;
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
    if (!el || activeIndex < 0) return;
    const header = head.current?.offsetHeight ?? 0;
    const top = activeIndex * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (header + top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = header + top + rowHeight - el.clientHeight;
  }, [activeIndex, rowHeight]);

  const move = useCallback(
    (to: number) => {
      if (rows.length === 0) return;
      onActiveChange(Math.max(0, Math.min(rows.length - 1, to)));
    },
    [rows.length, onActiveChange],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    const handled: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      j: () => move(activeIndex + 1),
      k: () => move(activeIndex - 1),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      PageDown: () => move(activeIndex + page),
      PageUp: () => move(activeIndex - page),
    };
    const sel = props.selection;
    if (sel && event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const to = Math.max(0, Math.min(rows.length - 1, activeIndex + (event.key === 'ArrowDown' ? 1 : -1)));
      if (activeIndex >= 0) sel.onSelect(activeIndex, sel.isSelected(rows[activeIndex]!) ? 'range' : 'toggle');
      sel.onSelect(to, 'range');
      move(to);
      return;
    }
    if (sel && plain && event.key === ' ' && rows[activeIndex] !== undefined) {
      event.preventDefault();
      sel.onSelect(activeIndex, 'toggle');
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
  const template = columns.map((c) => c.width).join(' ');
  const rowId = (i: number) => `${id}-row-${i}`;

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
            <div key={c.key} role="columnheader" className={`vtable-cell align-${c.align ?? 'start'}`}>
              {c.header}
            </div>
          ))}
        </div>
        {rows.length === 0 ? (
          <div className="vtable-empty">{props.empty ?? 'Nothing to show.'}</div>
        ) : (
          <div className="vtable-spacer" style={{ height: rows.length * rowHeight }}>
            {rows.slice(first, last).map((row, offset) => {
              const index = first + offset;
              const chosen = props.selection?.isSelected(row) ?? false;
              return (
                <div
                  key={props.rowKey(row)}
                  id={rowId(index)}
                  role="row"
                  aria-rowindex={index + 2}
                  aria-selected={props.selection ? chosen : index === activeIndex}
                  className={`vtable-row${index === activeIndex ? ' active' : ''}${chosen ? ' chosen' : ''}`}
                  style={{ top: index * rowHeight, height: rowHeight, gridTemplateColumns: template }}
                  onClick={(e) => {
                    if (props.selection) {
                      const mode = e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'clear';
                      // Shift+click starts its range at the active row when nothing was chosen yet.
                      if (mode === 'range' && activeIndex >= 0 && !rows.some((r) => props.selection!.isSelected(r))) props.selection.onSelect(activeIndex, 'toggle');
                      props.selection.onSelect(index, mode);
                    }
                    onActiveChange(index);
                  }}
                  onDoubleClick={() => props.onOpen?.(row, index)}
                >
                  {columns.map((c) => (
                    <div key={c.key} role="gridcell" className={`vtable-cell align-${c.align ?? 'start'}`}>
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
