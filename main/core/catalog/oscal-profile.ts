// Resolves an OSCAL profile into a catalog (in the OSCAL JSON model), offline: every import
// href must be mapped by the caller to a document it has already read (the user names a
// local file for each). Pure: no disk, no network.
//
// What is implemented of OSCAL profile resolution:
// - imports: include-all, include-controls and exclude-controls with `with-ids`, `matching`
//   (glob patterns) and `with-child-controls`; an import may itself be a profile;
// - merge: `as-is` keeps the source group structure (groups left empty are dropped),
//   `flat` (and no merge directive) lists the selected controls without groups; a control
//   selected by two imports is kept once (the first);
// - modify: `set-parameters` (label, values, select, constraints, guidelines, props, links
//   are replaced or added) and `alters` with `removes` (by-name, by-class, by-id, by-ns,
//   by-item-name) and `adds` (position starting/ending/before/after, by-id).
// Anything it cannot do is reported in `warnings`, never silently dropped.
import { AttestError } from '../errors';
import type { ImportProblem } from './import-oscal';
import type { OscalDocument, OscalJson } from './oscal-read';

type Json = OscalJson;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const clone = <T>(v: T): T => structuredClone(v);

export interface ProfileResolution {
  /** `{ catalog: … }`, a resolved profile catalog */
  doc: Json;
  warnings: ImportProblem[];
}

/** The hrefs a profile imports, with the alternatives the user may recognise (back-matter rlinks). */
export function profileImports(profile: Json): { href: string; title?: string; alternatives: string[] }[] {
  const resources = backMatter(profile);
  return arrayOf(profile.imports).map((imp) => {
    const href = str(imp.href) ?? '';
    const res = href.startsWith('#') ? resources.get(href.slice(1)) : undefined;
    const title = res ? str(res.title) : undefined;
    return {
      href,
      ...(title ? { title } : {}),
      alternatives: res
        ? arrayOf(res.rlinks)
            .map((l) => str(l.href))
            .filter((h): h is string => !!h)
        : [],
    };
  });
}

function backMatter(doc: Json): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const r of arrayOf(isObject(doc['back-matter']) ? doc['back-matter'].resources : undefined)) {
    const uuid = str(r.uuid);
    if (uuid) out.set(uuid, r);
  }
  return out;
}

/**
 * `sources` maps an import href (as written in the profile, or one of its back-matter
 * rlinks, or the rlink's file name) to the document read from the user's local file.
 */
export function resolveProfile(profileDoc: OscalDocument, sources: ReadonlyMap<string, OscalDocument>, depth = 0): ProfileResolution {
  if (depth > 8)
    throw new AttestError(
      'OSCAL_PROFILE_LOOP',
      'These profiles import each other more than eight levels deep; a profile probably imports itself.',
    );
  const profile = profileDoc.doc.profile;
  if (!isObject(profile)) throw new AttestError('OSCAL_NOT_PROFILE', 'This document is not an OSCAL profile.');
  const warnings: ImportProblem[] = [];
  const imports = profileImports(profile);
  if (imports.length === 0) throw new AttestError('OSCAL_PROFILE_INVALID', 'This profile imports nothing, so it selects no control.');

  const lookup = (imp: { href: string; alternatives: string[] }): OscalDocument | undefined => {
    for (const h of [imp.href, ...imp.alternatives]) {
      const hit = sources.get(h) ?? sources.get(h.split('/').pop() ?? h);
      if (hit) return hit;
    }
    return undefined;
  };
  const missing = imports.filter((imp) => !lookup(imp));
  if (missing.length) {
    throw new AttestError(
      'OSCAL_PROFILE_SOURCE_MISSING',
      `This profile imports ${missing.map((m) => `${m.href}${m.title ? ` (${m.title})` : ''}`).join(', ')}; choose a local file for ${missing.length === 1 ? 'it' : 'each'} (on the command line: --source <href>=<file>).`,
    );
  }

  const merge = isObject(profile.merge) ? profile.merge : {};
  const asIs = merge['as-is'] === true || merge['as-is'] === 'true' || isObject(merge.custom);
  if (isObject(merge.custom))
    warnings.push({ path: 'profile.merge.custom', message: 'custom merge is not supported; the source groups are kept as they are' });
  if (merge.combine !== undefined)
    warnings.push({ path: 'profile.merge.combine', message: 'combine is treated as "use-first": a control selected twice is kept once' });

  const rootGroups: Json[] = [];
  const looseControls: Json[] = [];
  const taken = new Set<string>();
  const resources: Json[] = [];
  const params: Json[] = [];

  profileImports(profile).forEach((imp, index) => {
    const sourceDoc = lookup(imp)!;
    let source: Json;
    if (sourceDoc.model === 'catalog') source = sourceDoc.doc.catalog as Json;
    else if (sourceDoc.model === 'profile') {
      const nested = resolveProfile(sourceDoc, sources, depth + 1);
      warnings.push(...nested.warnings.map((w) => ({ path: `${imp.href} → ${w.path}`, message: w.message })));
      source = nested.doc.catalog as Json;
    } else {
      throw new AttestError(
        'OSCAL_PROFILE_INVALID',
        `The file given for ${imp.href} is an OSCAL ${sourceDoc.model}, not a catalog or a profile.`,
      );
    }
    resources.push(...arrayOf(isObject(source['back-matter']) ? source['back-matter'].resources : undefined));
    params.push(...arrayOf(source.params));
    const raw = arrayOf(profile.imports)[index]!;
    const selected = selection(source, raw, imp.href, warnings);
    for (const id of selected) {
      if (taken.has(id)) selected.delete(id);
      else taken.add(id);
    }
    if (asIs) {
      for (const g of arrayOf(source.groups)) {
        const kept = keepGroup(g, selected);
        if (kept) rootGroups.push(kept);
      }
      for (const c of arrayOf(source.controls)) looseControls.push(...keepControl(c, selected));
    } else {
      const all: Json[] = [];
      const walk = (node: Json) => {
        for (const c of arrayOf(node.controls)) all.push(...keepControl(c, selected));
        for (const g of arrayOf(node.groups)) walk(g);
      };
      walk(source);
      looseControls.push(...all);
    }
  });

  const index = new Map<string, Json>();
  const walkAll = (nodes: Json[]) => {
    for (const c of nodes) {
      const id = str(c.id);
      if (id) index.set(id, c);
      walkAll(arrayOf(c.controls));
    }
  };
  const walkGroups = (groups: Json[]) => {
    for (const g of groups) {
      walkAll(arrayOf(g.controls));
      walkGroups(arrayOf(g.groups));
    }
  };
  walkGroups(rootGroups);
  walkAll(looseControls);

  const modify = isObject(profile.modify) ? profile.modify : {};
  setParameters(arrayOf(modify['set-parameters']), index, warnings);
  alter(arrayOf(modify.alters), index, warnings);

  const metadata = isObject(profile.metadata) ? clone(profile.metadata) : { title: 'Resolved profile' };
  const catalog: Json = {
    uuid: str(profile.uuid) ?? '00000000-0000-4000-8000-000000000000',
    metadata,
    ...(params.length ? { params } : {}),
    ...(looseControls.length ? { controls: looseControls } : {}),
    ...(rootGroups.length ? { groups: rootGroups } : {}),
    'back-matter': {
      resources: [...resources, ...arrayOf(isObject(profile['back-matter']) ? profile['back-matter'].resources : undefined)],
    },
  };
  if (index.size === 0) throw new AttestError('OSCAL_PROFILE_EMPTY', 'This profile selects no control from the catalogs it imports.');
  return { doc: { catalog }, warnings };
}

/** Ids of the controls an import selects from a source catalog. */
function selection(source: Json, imp: Json, href: string, warnings: ImportProblem[]): Set<string> {
  const all: { id: string; descendants: string[] }[] = [];
  const visit = (c: Json): string[] => {
    const id = str(c.id);
    const below = arrayOf(c.controls).flatMap((k) => {
      const ids = visit(k);
      return ids;
    });
    if (id) all.push({ id, descendants: below });
    return id ? [id, ...below] : below;
  };
  const walk = (node: Json) => {
    arrayOf(node.controls).forEach(visit);
    arrayOf(node.groups).forEach(walk);
  };
  walk(source);
  const byId = new Map(all.map((c) => [c.id, c]));

  const pick = (rules: Json[], what: string): Set<string> => {
    const out = new Set<string>();
    for (const rule of rules) {
      const children = rule['with-child-controls'] === 'yes';
      const ids = strings(rule['with-ids']);
      for (const id of ids) {
        const c = byId.get(id);
        if (!c) {
          warnings.push({ path: `${href} ${what}`, message: `control "${id}" is not in the imported catalog` });
          continue;
        }
        out.add(id);
        if (children) c.descendants.forEach((d) => out.add(d));
      }
      for (const m of arrayOf(rule.matching)) {
        const pattern = str(m.pattern);
        if (!pattern) continue;
        const re = globToRegExp(pattern);
        for (const c of all) {
          if (!re.test(c.id)) continue;
          out.add(c.id);
          if (children) c.descendants.forEach((d) => out.add(d));
        }
      }
    }
    return out;
  };

  const included =
    imp['include-all'] !== undefined ? new Set(all.map((c) => c.id)) : pick(arrayOf(imp['include-controls']), 'include-controls');
  if (imp['include-all'] === undefined && !Array.isArray(imp['include-controls'])) {
    warnings.push({ path: href, message: 'the import says neither include-all nor include-controls; nothing is selected from it' });
  }
  for (const id of pick(arrayOf(imp['exclude-controls']), 'exclude-controls')) included.delete(id);
  return included;
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
}

/** A group with only its selected controls (and its sub-groups that keep any), or null. */
function keepGroup(group: Json, selected: Set<string>): Json | null {
  const controls = arrayOf(group.controls).flatMap((c) => keepControl(c, selected));
  const groups = arrayOf(group.groups)
    .map((g) => keepGroup(g, selected))
    .filter((g): g is Json => g !== null);
  if (!controls.length && !groups.length) return null;
  const { controls: _c, groups: _g, ...rest } = group;
  void _c;
  void _g;
  return { ...clone(rest), ...(controls.length ? { controls } : {}), ...(groups.length ? { groups } : {}) };
}

/** The control if selected (with its selected children); if not, its selected children move up. */
function keepControl(control: Json, selected: Set<string>): Json[] {
  const children = arrayOf(control.controls).flatMap((c) => keepControl(c, selected));
  const id = str(control.id);
  if (!id || !selected.has(id)) return children;
  const { controls: _c, ...rest } = control;
  void _c;
  return [{ ...clone(rest), ...(children.length ? { controls: children } : {}) }];
}

function setParameters(sets: Json[], index: Map<string, Json>, warnings: ImportProblem[]): void {
  const paramsById = new Map<string, Json>();
  for (const c of index.values()) for (const p of arrayOf(c.params)) if (str(p.id)) paramsById.set(str(p.id)!, p);
  for (const set of sets) {
    const id = str(set['param-id']);
    const param = id ? paramsById.get(id) : undefined;
    if (!id || !param) {
      warnings.push({
        path: 'modify.set-parameters',
        message: `parameter "${id ?? '?'}" is not in any selected control; its setting is ignored`,
      });
      continue;
    }
    for (const key of ['label', 'usage', 'values', 'select', 'depends-on', 'class'])
      if (set[key] !== undefined) param[key] = clone(set[key]);
    for (const key of ['props', 'links', 'constraints', 'guidelines']) {
      if (Array.isArray(set[key])) param[key] = [...arrayOf(param[key]), ...clone(arrayOf(set[key]))];
    }
  }
}

const REMOVE_KEYS: Record<string, (item: Json, value: string) => boolean> = {
  'by-name': (item, v) => item.name === v,
  'by-class': (item, v) => item.class === v,
  'by-id': (item, v) => item.id === v,
  'by-ns': (item, v) => item.ns === v,
};

function alter(alters: Json[], index: Map<string, Json>, warnings: ImportProblem[]): void {
  for (const a of alters) {
    const id = str(a['control-id']);
    const control = id ? index.get(id) : undefined;
    if (!id || !control) {
      warnings.push({ path: 'modify.alters', message: `control "${id ?? '?'}" is not selected; its alterations are ignored` });
      continue;
    }
    for (const r of arrayOf(a.removes)) removeFrom(control, r);
    for (const add of arrayOf(a.adds)) {
      const byId = str(add['by-id']);
      const target: Json | undefined = byId && byId !== id ? findById(control, byId) : control;
      if (!target) {
        warnings.push({
          path: id,
          message: `an addition targets "${byId}", which this control does not have; it is added to the control instead`,
        });
      }
      const position = str(add.position) ?? 'ending';
      const where = target ?? control;
      if ((position === 'before' || position === 'after') && target && target !== control) {
        insertBeside(control, target, add, position);
        continue;
      }
      for (const key of ['params', 'props', 'links', 'parts']) {
        const items = clone(arrayOf(add[key]));
        if (!items.length) continue;
        const list = arrayOf(where[key]);
        where[key] = position === 'starting' ? [...items, ...list] : [...list, ...items];
      }
      if (str(add.title)) where.title = add.title;
    }
  }
}

function removeFrom(node: Json, rule: Json): void {
  const tests = Object.entries(REMOVE_KEYS).filter(([k]) => typeof rule[k] === 'string');
  const itemName = str(rule['by-item-name']);
  const matches = (item: Json) => tests.length > 0 && tests.every(([k, f]) => f(item, rule[k] as string));
  for (const key of ['params', 'props', 'links', 'parts']) {
    if (!Array.isArray(node[key])) continue;
    const singular = key.slice(0, -1);
    node[key] = arrayOf(node[key]).filter((item) => !((itemName === undefined || itemName === singular) && matches(item)));
  }
  for (const part of arrayOf(node.parts)) removeFrom(part, rule);
}

function findById(node: Json, id: string): Json | undefined {
  for (const key of ['parts', 'params']) {
    for (const item of arrayOf(node[key])) {
      if (item.id === id) return item;
      const deeper = findById(item, id);
      if (deeper) return deeper;
    }
  }
  return undefined;
}

/** Adds parts/props beside `target` in whichever list holds it. */
function insertBeside(node: Json, target: Json, add: Json, position: string): boolean {
  for (const key of ['parts', 'params']) {
    const list = arrayOf(node[key]);
    const at = list.indexOf(target);
    if (at >= 0) {
      const items = clone(arrayOf(add[key]));
      list.splice(position === 'before' ? at : at + 1, 0, ...items);
      node[key] = list;
      return true;
    }
    for (const item of list) if (insertBeside(item, target, add, position)) return true;
  }
  return false;
}
