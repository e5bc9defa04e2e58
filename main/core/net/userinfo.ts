// Userinfo ("user:password@" in a URL) is a credential outside the credential store: it
// is never sent by the client and never stored. These strip it from a URL, from a
// target that may lack a scheme, from free text (error messages, summaries) and from
// any value before it is written anywhere.

// scheme://userinfo@ — userinfo runs to the last "@" before the host's end (/ ? # \ or space),
// as a URL parser reads it.
const inText = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#\\]*@/gi;
const leading = /^[^\s/?#\\]*@/;

/** Free text with the userinfo of every URL in it removed. */
export function stripUserinfoInText(text: string): string {
  return text.includes('@') ? text.replace(inText, '$1') : text;
}

/** A URL or a check target (https://…, host[:port][/path]) without userinfo. */
export function withoutUserinfo(target: string): string {
  if (!target.includes('@')) return target;
  const stripped = stripUserinfoInText(target);
  if (stripped !== target || /^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return stripped;
  return target.trim().replace(leading, '');
}

/** A deep copy with the userinfo of every URL in every string removed. */
export function stripUserinfoDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return stripUserinfoInText(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value === null || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = walk(v);
  return out;
}
