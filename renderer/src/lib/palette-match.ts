// How the command palette ranks what it can jump to: every typed word must appear
// (in any order, any case); a label that starts with the text comes first, then a word
// of the label that does, then the rest, each in the order given. Pure, so it is tested.

export interface PaletteItem {
  id: string;
  /** What the row says, e.g. "F-003 Shared admin account". */
  label: string;
  /** The kind and where it lives, e.g. "Finding · Q4 review"; also searched. */
  detail: string;
}

export function rankItems<T extends PaletteItem>(items: readonly T[], text: string, limit = 50): T[] {
  const q = text.trim().toLowerCase();
  if (!q) return items.slice(0, limit);
  const words = q.split(/\s+/);
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const label = item.label.toLowerCase();
    const hay = `${label} ${item.detail.toLowerCase()}`;
    if (!words.every((w) => hay.includes(w))) return;
    const score = label.startsWith(q) ? 0 : label.split(/[\s\-–:·/]+/).some((w) => w.startsWith(words[0]!)) ? 1 : 2;
    scored.push({ item, score, index });
  });
  return scored
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, limit)
    .map((s) => s.item);
}
