// Many rows chosen at once, the way file managers do it: a click chooses one row (or
// none), Ctrl/Cmd+click adds or removes a row, Shift+click or Shift+arrow chooses the
// range from the anchor (the last row clicked) to here. Pure, so it is unit-tested.

export interface RowSelection {
  keys: ReadonlySet<string>;
  anchor: string | null;
}

export const NO_SELECTION: RowSelection = { keys: new Set(), anchor: null };

export type SelectMode = 'clear' | 'toggle' | 'range';

/** The selection after choosing row `index` of `order` (the keys in the order shown). */
export function selectRows(current: RowSelection, order: readonly string[], index: number, mode: SelectMode): RowSelection {
  const key = order[index];
  if (key === undefined || mode === 'clear') return NO_SELECTION;
  if (mode === 'toggle') {
    const keys = new Set(current.keys);
    if (keys.has(key)) keys.delete(key);
    else keys.add(key);
    return { keys, anchor: key };
  }
  // A range starts at the anchor; without one (or when it is no longer shown), at this row.
  const from = current.anchor === null ? -1 : order.indexOf(current.anchor);
  const start = from < 0 ? index : from;
  const [lo, hi] = start <= index ? [start, index] : [index, start];
  return { keys: new Set(order.slice(lo, hi + 1)), anchor: order[start] ?? key };
}

/** The chosen rows still shown, in the order shown (filters may hide some). */
export function selectedRows<T>(rows: readonly T[], keyOf: (row: T) => string, selection: RowSelection): T[] {
  return selection.keys.size === 0 ? [] : rows.filter((r) => selection.keys.has(keyOf(r)));
}
