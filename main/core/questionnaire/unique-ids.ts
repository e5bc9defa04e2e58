// Item ids of an imported questionnaire: sanitised, then made unique with a _2, _3, …
// suffix on the sanitised id. Each base remembers the next suffix to try, so n copies of
// one id cost O(n) in all (not O(n²)): a suffix is only ever tried once per base.

export interface IdAllocator {
  /** A unique id for `wanted`: its sanitised form, suffixed when that is taken. */
  take(wanted: string): string;
  /** How many candidate ids were tried so far (lets tests bound the work). */
  readonly probes: number;
}

export function sanitiseId(wanted: string): string {
  return wanted.replace(/[^A-Za-z0-9_.:-]/g, '_').replace(/^[^A-Za-z0-9]+/, '') || 'item';
}

export function createIdAllocator(): IdAllocator {
  const used = new Set<string>();
  const nextSuffix = new Map<string, number>();
  let probes = 0;
  return {
    take(wanted) {
      const base = sanitiseId(wanted);
      let id = base;
      probes++;
      if (used.has(id)) {
        let k = nextSuffix.get(base) ?? 2;
        for (;;) {
          id = `${base}_${k++}`;
          probes++;
          if (!used.has(id)) break;
        }
        nextSuffix.set(base, k);
      }
      used.add(id);
      return id;
    },
    get probes() {
      return probes;
    },
  };
}
