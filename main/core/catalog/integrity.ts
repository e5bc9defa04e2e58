// Rules a schema cannot express on its own: ids unique, categories and parents that exist,
// and mappings between catalogues that resolve and run both ways.
import type { Catalogue } from './schema';

export interface CatalogueIssue {
  catalogue: string;
  path: string;
  message: string;
}

/** Problems inside one catalogue (imports use this too). */
export function catalogueIssues(catalogue: Catalogue): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const add = (path: string, message: string) => issues.push({ catalogue: catalogue.id, path, message });

  const categoryIds = new Set<string>();
  catalogue.categories.forEach((c, i) => {
    if (categoryIds.has(c.id)) add(`categories[${i}].id`, `category id "${c.id}" is used twice`);
    categoryIds.add(c.id);
  });

  const controlIds = new Set<string>();
  catalogue.controls.forEach((c, i) => {
    if (controlIds.has(c.id)) add(`controls[${i}].id`, `control id "${c.id}" is used twice`);
    controlIds.add(c.id);
  });

  catalogue.controls.forEach((c, i) => {
    if (!categoryIds.has(c.category))
      add(`controls[${i}].category`, `control ${c.id} names category "${c.category}", which the catalogue does not define`);
    if (c.parent !== undefined && !controlIds.has(c.parent))
      add(`controls[${i}].parent`, `control ${c.id} enhances "${c.parent}", which is not in the catalogue`);
    const seen = new Set<string>();
    c.mappings.forEach((m, j) => {
      const key = `${m.catalogue}/${m.control}`;
      if (m.catalogue === catalogue.id)
        add(`controls[${i}].mappings[${j}]`, `control ${c.id} maps to its own catalogue; mappings link different catalogues`);
      if (seen.has(key)) add(`controls[${i}].mappings[${j}]`, `control ${c.id} maps to ${key} twice`);
      seen.add(key);
    });
    if (new Set(c.checks).size !== c.checks.length) add(`controls[${i}].checks`, `control ${c.id} lists a check twice`);
  });
  return issues;
}

/** Problems between catalogues: every mapping names a real control, and the other side maps back. */
export function crossCatalogueIssues(catalogues: readonly Catalogue[]): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const byId = new Map(catalogues.map((c) => [c.id, c]));
  const mapsTo = new Set<string>();
  for (const cat of catalogues)
    for (const ctl of cat.controls) for (const m of ctl.mappings) mapsTo.add(`${cat.id}/${ctl.id}->${m.catalogue}/${m.control}`);

  for (const cat of catalogues) {
    cat.controls.forEach((ctl, i) => {
      ctl.mappings.forEach((m, j) => {
        const path = `controls[${i}].mappings[${j}]`;
        const other = byId.get(m.catalogue);
        if (!other) {
          issues.push({ catalogue: cat.id, path, message: `control ${ctl.id} maps to unknown catalogue "${m.catalogue}"` });
        } else if (!other.controls.some((c) => c.id === m.control)) {
          issues.push({ catalogue: cat.id, path, message: `control ${ctl.id} maps to ${m.catalogue}/${m.control}, which does not exist` });
        } else if (!mapsTo.has(`${m.catalogue}/${m.control}->${cat.id}/${ctl.id}`)) {
          issues.push({
            catalogue: cat.id,
            path,
            message: `control ${ctl.id} maps to ${m.catalogue}/${m.control}, but that control does not map back`,
          });
        }
      });
    });
  }
  return issues;
}
