// Finding refs restart at F-001 in every assessment (and at V-001 for every vendor), so a
// list of several subjects' findings shows each ref with a prefix: a short code of its
// assessment ("Q2-25/F-001"), or its vendor's name ("Skyline Cloud/V-001").

interface Named {
  id: string;
  name: string;
}

/**
 * A short code for each assessment, unique among those given: the words of its name
 * that hold a number ("Q2 2026" → "Q2-26"), else its initials ("Tines tenant review" → "TTR").
 */
export function assessmentPrefixes(assessments: readonly Named[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Map<string, number>();
  for (const a of assessments) {
    const words = a.name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const numbered = words.filter((w) => /\d/.test(w)).map((w) => (/^\d{4}$/.test(w) ? w.slice(2) : w));
    const code = (numbered.length ? numbered.join('-') : words.map((w) => w[0] ?? '').join('')).toUpperCase().slice(0, 9) || 'A';
    const n = (used.get(code) ?? 0) + 1;
    used.set(code, n);
    out.set(a.id, n === 1 ? code : `${code}${n}`);
  }
  // A code taken by a later assessment's numbered twin ("AB" + "2" = "AB2"): number all.
  if (new Set(out.values()).size !== out.size) assessments.forEach((a, i) => out.set(a.id, `A${i + 1}`));
  return out;
}

/** Whose a finding is: its assessment's id, or "vendor:" and its vendor's id. */
export const subjectOf = (f: { assessmentId: string | null; vendorId: string | null }): string =>
  f.assessmentId ?? `vendor:${f.vendorId ?? ''}`;

/**
 * The prefix of each listed subject: assessments by their short code, vendors by their
 * name (unique in the registry). Vendor names never collide with the codes, which have
 * no spaces and are upper case, and a vendor with such a name is still told apart by V-.
 */
export function subjectPrefixes(
  findings: readonly { assessmentId: string | null; vendorId: string | null; vendorName: string | null }[],
  assessments: readonly Named[],
): Map<string, string> {
  const listed = new Set(findings.map((f) => f.assessmentId));
  const out = assessmentPrefixes(assessments.filter((a) => listed.has(a.id)));
  for (const f of findings) if (f.vendorId) out.set(subjectOf(f), f.vendorName ?? 'Vendor');
  return out;
}

/**
 * How refs read in a list: plain when it holds one subject's findings, else each with its
 * subject's prefix (also when `always`, a list meant to span subjects).
 */
export function refLabeller(
  findings: readonly { ref: string; assessmentId: string | null; vendorId: string | null; vendorName: string | null }[],
  assessments: readonly Named[],
  always: boolean,
): (f: { ref: string; assessmentId: string | null; vendorId: string | null }) => string {
  const several = always || new Set(findings.map(subjectOf)).size > 1;
  const prefixes = several ? subjectPrefixes(findings, assessments) : null;
  return (f) => shownRef(f.ref, subjectOf(f), prefixes);
}

/** The ref as shown: prefixed with its subject when findings of several are listed. */
export function shownRef(ref: string, subject: string, prefixes: Map<string, string> | null): string {
  const prefix = prefixes?.get(subject);
  return prefix ? `${prefix}/${ref}` : ref;
}

/**
 * Assessment names without the words every listed name starts with ("Northwind Health –
 * Q2 2026 review", "… Q4 2026 review" → "Q2 2026 review", "Q4 2026 review"), so a
 * narrow column shows what tells them apart.
 */
export function distinctNames(assessments: readonly Named[]): Map<string, string> {
  const split = assessments.map((a) => a.name.split(/(\s+)/));
  let common = 0;
  if (split.length > 1) {
    const first = split[0] ?? [];
    while (common < first.length && split.every((w) => w[common] === first[common])) common++;
  }
  return new Map(
    assessments.map((a, i) => {
      const rest = (split[i] ?? [])
        .slice(common)
        .join('')
        .replace(/^[\s–—:·-]+/, '');
      return [a.id, rest || a.name];
    }),
  );
}
