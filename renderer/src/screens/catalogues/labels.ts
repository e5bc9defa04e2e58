import type { CatalogueSummary } from '../../../../main/contract/catalog';

export const ORIGIN_LABELS: Record<CatalogueSummary['origin'], string> = {
  builtin: 'Built-in',
  oscal: 'OSCAL',
  tabular: 'Spreadsheet',
  custom: 'Custom',
};

/** Built-in catalogues ship with Attest and cannot be changed; the others belong to the workspace. */
export const isEditable = (c: CatalogueSummary) => c.origin !== 'builtin';
