// Pure text helpers of the Catalogues screen: snippet highlighting, statement parameters,
// slugs, file sizes. Kept free of React so they stay small and easy to reason about.

import { MATCH_END, MATCH_START } from '../../../../main/contract/vocabulary';

export type Piece = { text: string; mark: boolean };

/** Splits a search snippet into plain and matched pieces at the core's match marks. */
export function snippetPieces(snippet: string): Piece[] {
  const pieces: Piece[] = [];
  for (const [i, part] of snippet.split(MATCH_START).entries()) {
    const [marked, rest] = i === 0 ? ['', part] : [part.split(MATCH_END)[0] ?? '', part.split(MATCH_END).slice(1).join('')];
    if (marked) pieces.push({ text: marked, mark: true });
    if (rest) pieces.push({ text: rest, mark: false });
  }
  return pieces;
}

export type StatementPiece = { text: string; param: boolean };

/**
 * Finds the parameters an OSCAL import wrote into a statement ("[Assignment: …]",
 * "[Selection (one or more): …]") so they can be shown apart from the fixed text.
 * Brackets may nest; an unbalanced bracket leaves the rest as plain text.
 */
export function statementPieces(statement: string): StatementPiece[] {
  const pieces: StatementPiece[] = [];
  let plainFrom = 0;
  let i = 0;
  while (i < statement.length) {
    if (statement[i] === '[' && /^\[(Assignment|Selection)\b/.test(statement.slice(i, i + 12))) {
      let depth = 0;
      let j = i;
      for (; j < statement.length; j++) {
        if (statement[j] === '[') depth++;
        else if (statement[j] === ']' && --depth === 0) break;
      }
      if (j >= statement.length) break;
      if (i > plainFrom) pieces.push({ text: statement.slice(plainFrom, i), param: false });
      pieces.push({ text: statement.slice(i, j + 1), param: true });
      i = j + 1;
      plainFrom = i;
    } else i++;
  }
  if (plainFrom < statement.length) pieces.push({ text: statement.slice(plainFrom), param: false });
  return pieces;
}

/** The id the core expects for a custom catalogue or category: lower-case words joined by hyphens. */
export function slug(text: string, max = 60): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

export const CATALOGUE_ID = /^[a-z0-9][a-z0-9-]*$/;

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** "sha256:ab12…" → "ab12cd34ef56", enough to tell two versions apart at a glance. */
export const shortHash = (hash: string) => hash.replace(/^sha256:/, '').slice(0, 12);

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
