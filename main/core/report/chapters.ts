// A report's chapters: runs of top-level content that each begin on a new page. Laid out
// apart they give the same pages as laid out together (nothing flows across a forced page
// break), so parallel workers can each lay out some and the pages be joined afterwards.
import type { Content } from 'pdfmake/interfaces';

type Node = Content & { pageBreak?: string };

/** Splits top-level content before every node that starts a new page. */
export function chaptersOf(content: Content[]): Content[][] {
  const out: Content[][] = [];
  for (const node of content) {
    if (out.length === 0 || (node as Node).pageBreak === 'before') out.push([]);
    out[out.length - 1]!.push(node);
  }
  return out;
}

/** A cost to balance by: the size of the chapter's definition, which tracks its text. */
export function chapterCost(chapter: Content[]): number {
  return JSON.stringify(chapter).length;
}

/**
 * Which chapters each part lays out: longest first onto the least-loaded part (ties go to
 * the lower index, so every worker computes the same plan). Parts keep chapters in
 * document order; a part may hold chapters that are not next to each other, or none
 * when there are fewer chapters than parts.
 */
export function planParts(costs: number[], parts: number): number[][] {
  const n = Math.max(1, parts);
  const load = Array.from({ length: n }, () => 0);
  const plan: number[][] = Array.from({ length: n }, () => []);
  const order = costs.map((c, i) => [c, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [cost, chapter] of order) {
    let best = 0;
    for (let p = 1; p < n; p++) if (load[p]! < load[best]!) best = p;
    load[best]! += cost;
    plan[best]!.push(chapter);
  }
  return plan.map((p) => p.sort((a, b) => a - b));
}
