import { snippetPieces } from './text';

/** A search snippet with the matched words in <mark>; everything is rendered as text, never as HTML. */
export function Snippet({ snippet }: { snippet: string }) {
  return <>{snippetPieces(snippet).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}
