// A column header's inside, shared by the tables: a button that sorts (when the column
// can), and a handle that resizes the column by dragging or with the arrow keys.
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { SortState } from './sorting';

export const MIN_COLUMN_PX = 48;
export const MAX_COLUMN_PX = 1200;

interface Props {
  label: string;
  sortable: boolean;
  sort: SortState | null;
  columnKey: string;
  onSort(key: string): void;
  /** The column's current width in px, measured from its header cell. */
  measure(): number;
  /** The width the user gave the column, if any. */
  width: number | undefined;
  onResize(width: number): void;
}

export function ColumnHead({ label, sortable, sort, columnKey, onSort, measure, width, onResize }: Props) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  const direction = sort?.key === columnKey ? sort.direction : null;
  const clamp = (w: number) => Math.max(MIN_COLUMN_PX, Math.min(MAX_COLUMN_PX, Math.round(w)));

  const onPointerDown = (e: PointerEvent<HTMLSpanElement>) => {
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width: measure() };
  };
  const onPointerMove = (e: PointerEvent<HTMLSpanElement>) => {
    if (drag.current) onResize(clamp(drag.current.width + e.clientX - drag.current.x));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLSpanElement>) => {
    const step = e.shiftKey ? 40 : 10;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      e.stopPropagation();
      onResize(clamp(measure() + (e.key === 'ArrowRight' ? step : -step)));
    }
  };

  return (
    <>
      {sortable ? (
        <button type="button" className="th-sort" onClick={() => onSort(columnKey)} title={`Sort by ${label}`}>
          <span>{label}</span>
          <span className="th-arrow" aria-hidden="true">
            {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
          </span>
        </button>
      ) : (
        <span className="th-label">{label}</span>
      )}
      <span
        className="th-resize"
        role="separator"
        aria-orientation="vertical"
        // A plain name: the column header it sits in says which column (and a name holding
        // the header's words would also answer to that header's label).
        aria-label="Resize column"
        aria-valuemin={MIN_COLUMN_PX}
        aria-valuemax={MAX_COLUMN_PX}
        aria-valuenow={Math.max(MIN_COLUMN_PX, width ?? measured ?? MIN_COLUMN_PX)}
        onFocus={() => setMeasured(measure())}
        tabIndex={0}
        title={`Drag (or Left/Right arrow) to resize ${label || 'this column'}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      />
    </>
  );
}
