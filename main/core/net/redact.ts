// Redaction of secrets from anything a check returns. Two layers: header values that
// carry secrets by their nature (Authorization, Cookie, Set-Cookie, …) are always
// replaced, and every credential value the client attached in this run is scrubbed from
// any string, wherever it turns up (an echoing server, an error message, a body).

export const REDACTED = '[redacted]';

const secretHeaderNames = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
  'private-token',
]);

export function isSecretHeader(name: string, extra: readonly string[] = []): boolean {
  const n = name.toLowerCase();
  return secretHeaderNames.has(n) || extra.some((e) => e.toLowerCase() === n);
}

/** A copy of the headers with secret-bearing values replaced. */
export function redactHeaders(headers: Record<string, string[]>, extraSecretHeaders: readonly string[] = []): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(headers)) {
    if (name.toLowerCase() === 'set-cookie') {
      // Keep the cookie's name and attributes (the checks judge them) but never its value.
      out[name] = values.map(redactSetCookie);
    } else {
      out[name] = isSecretHeader(name, extraSecretHeaders) ? values.map(() => REDACTED) : [...values];
    }
  }
  return out;
}

export function redactSetCookie(line: string): string {
  const [pair = '', ...attrs] = line.split(';');
  const eq = pair.indexOf('=');
  const name = eq >= 0 ? pair.slice(0, eq).trim() : pair.trim();
  return [`${name}=${REDACTED}`, ...attrs.map((a) => a.trim())].join('; ');
}

/** Every form a secret could take on the wire or in text. */
export function secretVariants(secret: string): string[] {
  const forms = new Set<string>();
  if (secret.length >= 4) {
    forms.add(secret);
    forms.add(Buffer.from(secret, 'utf8').toString('base64'));
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  return [...forms].filter((f) => f.length >= 4);
}

export class SecretScrubber {
  private readonly forms = new Set<string>();

  add(secret: string): void {
    for (const f of secretVariants(secret)) this.forms.add(f);
  }

  get size(): number {
    return this.forms.size;
  }

  scrubText(text: string): string {
    let out = text;
    // Longest first, so a base64 form is not half-replaced by a shorter raw form.
    for (const f of [...this.forms].sort((a, b) => b.length - a.length)) out = out.split(f).join(REDACTED);
    return out;
  }

  /** A deep copy with every string scrubbed; Buffers become their scrubbed UTF-8 text. */
  scrub<T>(value: T): T {
    return this.walk(value, new WeakMap()) as T;
  }

  private walk(value: unknown, seen: WeakMap<object, unknown>): unknown {
    if (typeof value === 'string') return this.scrubText(value);
    if (value === null || typeof value !== 'object') return value;
    if (Buffer.isBuffer(value)) return this.scrubText(value.toString('utf8'));
    if (value instanceof Date) return new Date(value.getTime());
    if (seen.has(value)) return seen.get(value);
    if (Array.isArray(value)) {
      const arr: unknown[] = [];
      seen.set(value, arr);
      for (const v of value) arr.push(this.walk(v, seen));
      return arr;
    }
    const obj: Record<string, unknown> = {};
    seen.set(value, obj);
    for (const [k, v] of Object.entries(value)) obj[this.scrubText(k)] = this.walk(v, seen);
    return obj;
  }
}
