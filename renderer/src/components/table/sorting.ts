// Sorting shared by the tables: click a header to sort by it, again to reverse, a third
// time to return to the screen's own order. The sort is stable (ties keep that order)
// and empty values stay last in both directions.
import { useCallback, useMemo, useState } from 'react';
import { compareNatural, type SortValue } from '../../lib/natural-sort';

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: string;
  direction: SortDirection;
}

export interface SortableColumn<T> {
  key: string;
  /** The value the column sorts by; a column without one does not sort. */
  sort?(row: T): SortValue;
}

/** The rows' positions in sorted order (indexes into `rows`), or null when unsorted. */
export function sortOrder<T>(rows: readonly T[], columns: readonly SortableColumn<T>[], sort: SortState | null): number[] | null {
  const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
  if (!sort || !column?.sort) return null;
  const by = column.sort;
  const values = rows.map((r) => by(r));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((_, i) => i)
    .sort((a, b) => {
      const va = values[a];
      const vb = values[b];
      const emptyA = va === null || va === undefined || va === '';
      const emptyB = vb === null || vb === undefined || vb === '';
      if (emptyA !== emptyB) return emptyA ? 1 : -1;
      return sign * compareNatural(va, vb) || a - b;
    });
}

export function useSort<T>(rows: readonly T[], columns: readonly SortableColumn<T>[], initial: SortState | null = null) {
  const [sort, setSort] = useState<SortState | null>(initial);
  const order = useMemo(() => sortOrder(rows, columns, sort), [rows, columns, sort]);
  const toggle = useCallback(
    (key: string) =>
      setSort((s) =>
        s?.key !== key ? { key, direction: 'ascending' } : s.direction === 'ascending' ? { key, direction: 'descending' } : null,
      ),
    [],
  );
  return { sort, order, toggle };
}

export const ariaSort = (sort: SortState | null, key: string): 'ascending' | 'descending' | 'none' =>
  sort?.key === key ? sort.direction : 'none';
