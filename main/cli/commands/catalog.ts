// `attest catalog list|show|import <workspace>`: the workspace's control catalogues, read
// and imported through the same channels as the app.
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { CatalogueSummary } from '../../contract/catalog';
import type { RequestOf } from '../../contract/ipc';
import { looksLikeOscal } from '../../core/catalog/oscal-read';
import { TABULAR_FIELDS } from '../../core/catalog/tabular';
import type { Core } from '../../core/core';
import { AttestError } from '../../core/errors';
import type { CliCommand, CommandInput } from '../command';
import { chosenFile, invoke, withCore } from '../cli-core';
import { facts } from '../format';
import { acceptOlder, optionalPassphrase, openOptions, requirePassphrase, workspacePassphrase } from '../passphrase';

/** Opens the workspace named by the first positional (passphrase as `attest call` takes it) and runs fn. */
export async function withWorkspace<T>(input: CommandInput, usage: string, fn: (core: Core) => Promise<T>): Promise<T> {
  const file = input.positionals[0];
  if (!file) throw new AttestError('USAGE', `Missing the workspace file. Usage: attest ${usage}`);
  const path = resolve(file);
  const source = workspacePassphrase(input.values);
  const passphrase = await optionalPassphrase(input.io, source);
  return withCore(input.io, async (core) => {
    try {
      await invoke(core, 'workspace.open', {
        handle: chosenFile(core, path, 'open:workspace'),
        passphrase,
        remember: false,
        acceptOlder: acceptOlder(input.values),
      });
    } catch (error) {
      // No passphrase and no key remembered on this device: say how to give one.
      const code = error instanceof AttestError ? error.code : '';
      if (passphrase === undefined && (code === 'NOT_REMEMBERED' || code === 'KEYCHAIN_UNAVAILABLE'))
        await requirePassphrase(input.io, source);
      throw error;
    }
    return fn(core);
  });
}

/** Left-aligned columns under a header line; the last column is not padded. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n');
}

export const shortHash = (hash: string) => hash.replace(/^sha256:/, '').slice(0, 12);

const listUsage = 'catalog list <workspace> [--passphrase-file <file>]';

export const catalogListCommand: CliCommand = {
  name: 'catalog list',
  summary: 'List the control catalogues of a workspace (built-in, imported and custom).',
  usage: '<workspace> [--passphrase-file <file>] [--accept-older]',
  options: openOptions,
  async run(input) {
    const { catalogues } = await withWorkspace(input, listUsage, (core) => invoke(core, 'catalog.list', {}));
    const human = catalogues.length
      ? table(
          ['ID', 'TITLE', 'VERSION', 'ORIGIN', 'CONTROLS', 'HASH'],
          catalogues.map((c) => [c.id, c.title, c.version, c.origin, c.controlCount, shortHash(c.hash)]),
        )
      : 'This workspace has no catalogues yet. Import one with "attest catalog import".';
    return { value: { catalogues }, human };
  },
};

const showUsage = 'catalog show <workspace> <catalogue-id> [--passphrase-file <file>]';

export const catalogShowCommand: CliCommand = {
  name: 'catalog show',
  summary: 'Show one catalogue: its source, licence and hash, and its controls by category.',
  usage: '<workspace> <catalogue-id> [--passphrase-file <file>] [--accept-older]',
  options: openOptions,
  async run(input) {
    const id = input.positionals[1];
    if (!id) throw new AttestError('USAGE', `Missing the catalogue id. Usage: attest ${showUsage}`);
    const detail = await withWorkspace(input, showUsage, (core) => invoke(core, 'catalog.get', { id }));
    const s = detail.summary;
    const source = [detail.source.name, detail.source.publisher, detail.source.url].filter(Boolean).join(', ');
    const licence = detail.licence.spdx ? `${detail.licence.spdx}: ${detail.licence.note}` : detail.licence.note;
    const header = facts([
      ['Title', s.title],
      ['Id', s.id],
      ['Version', s.version],
      ['Origin', s.origin],
      ['Source', source],
      ['Licence', licence],
      ['Hash', s.hash],
      ['Controls', s.controlCount],
    ]);
    const byCategory = detail.categories.map((cat) => {
      const controls = detail.controls.filter((c) => c.category === cat.id);
      const width = Math.max(0, ...controls.map((c) => (c.label ?? c.id).length));
      return [
        `${cat.title} (${cat.id}, ${controls.length})`,
        ...controls.map((c) => `  ${(c.label ?? c.id).padEnd(width)}  ${c.title}`),
      ].join('\n');
    });
    return { value: detail, human: [header, ...byCategory].join('\n\n') };
  },
};

type Mapping = NonNullable<RequestOf<'catalog.import'>['mapping']>;

/** `--map id=Control,title=Name` (repeatable) → a column mapping; unknown fields are usage errors. A field named twice (tags=A,tags=B) takes both columns. */
export function parseMapping(specs: string[]): Mapping {
  const mapping: Record<string, string | string[]> = {};
  for (const pair of specs.flatMap((s) => s.split(','))) {
    if (!pair.trim()) continue;
    const at = pair.indexOf('=');
    const field = pair.slice(0, at).trim();
    const column = pair.slice(at + 1).trim();
    if (at < 1 || !column)
      throw new AttestError('USAGE', `"${pair}" is not field=Column. Example: --map id=ID,title=Title,statement=Requirement`);
    if (!(TABULAR_FIELDS as readonly string[]).includes(field)) {
      throw new AttestError('USAGE', `"${field}" is not a catalogue field. Map any of: ${TABULAR_FIELDS.join(', ')}.`);
    }
    const before = mapping[field];
    mapping[field] = before === undefined ? column : [...(Array.isArray(before) ? before : [before]), column];
  }
  return mapping as Mapping;
}

const REQUIRED_FIELDS = ['id', 'statement'];

/** The --map option for a suggested mapping, with a <column> placeholder for each required field it could not guess. */
function mapOption(suggested: Record<string, string | string[] | undefined>): string {
  const pairs = Object.entries(suggested).flatMap(([field, v]) =>
    v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((c): [string, string] => [field, c]),
  );
  const missing = REQUIRED_FIELDS.filter((f) => !suggested[f]).map((f): [string, string] => [f, '<column>']);
  const quoted = (column: string) => (/[\s,"']/.test(column) && column !== '<column>' ? JSON.stringify(column) : column);
  return `--map ${[...pairs, ...missing].map(([field, column]) => `${field}=${quoted(column)}`).join(',')}`;
}

async function readUpload(path: string): Promise<{ name: string; dataBase64: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : 'it cannot be read';
    throw new AttestError('NOT_FOUND', `Cannot import ${path}: ${why}.`);
  }
  return { name: basename(path), dataBase64: bytes.toString('base64') };
}

function importedLine(r: { catalogue: CatalogueSummary; imported: number; groups: number; enhancements: number }, oscal: boolean): string {
  const c = r.catalogue;
  const parts = oscal ? ` (${r.imported - r.enhancements} base controls and ${r.enhancements} enhancements in ${r.groups} groups)` : '';
  return `Imported ${r.imported} controls${parts} as "${c.id}" (${c.title}), version ${c.version}, hash ${shortHash(c.hash)}.`;
}

function problemLines(one: string, many: string, list: { where: string; message: string }[], limit = 20): string[] {
  if (!list.length) return [];
  const shown = list.slice(0, limit).map((p) => `  ${p.where}: ${p.message}`);
  const more = list.length > limit ? [`  … and ${list.length - limit} more (all of them with --json)`] : [];
  return [`${list.length} ${list.length === 1 ? one : many}:`, ...shown, ...more];
}

const importUsage =
  'catalog import <workspace> <file.json|.xml|.yaml|.csv|.xlsx> [--map field=Column,...] [--sheet <name>] [--header-row <n>] [--source href=file] [--title <title>] [--id <id>] [--replace]';

/** `--header-row 3` → 3; anything but a positive whole number is a usage error. */
function headerRowOption(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new AttestError('USAGE', `--header-row takes the row number that names the columns (1, 2, …), not "${String(value)}".`);
  return n;
}

/** `--source href=file` (repeatable): the local file standing in for each href a profile imports. */
async function readSources(specs: string[]): Promise<{ href: string; file: { name: string; dataBase64: string } }[]> {
  const out = [];
  for (const spec of specs) {
    const at = spec.lastIndexOf('=');
    const href = spec.slice(0, at).trim();
    const path = spec.slice(at + 1).trim();
    if (at < 1 || !path)
      throw new AttestError(
        'USAGE',
        `"${spec}" is not href=file. Example: --source "#84cbf061-eb87-4ec1-8112-1f529232e907=NIST_SP-800-53_rev5_catalog.json"`,
      );
    out.push({ href, file: await readUpload(resolve(path)) });
  }
  return out;
}

export const catalogImportCommand: CliCommand = {
  name: 'catalog import',
  summary:
    'Import an OSCAL catalog or profile (JSON, XML or YAML; a profile needs --source for each import), or a .csv/.xlsx with --map saying which column holds each field (the sheet and header row are found, or give --sheet and --header-row).',
  usage:
    '<workspace> <file.json|.xml|.yaml|.csv|.xlsx> [--map id=Column,title=Column,statement=Column,...] [--sheet <name>] [--header-row <n>] [--source href=file] [--title <title>] [--id <id>] [--replace] [--passphrase-file <file>] [--accept-older]',
  options: {
    ...openOptions,
    map: { type: 'string', multiple: true },
    sheet: { type: 'string' },
    'header-row': { type: 'string' },
    title: { type: 'string' },
    id: { type: 'string' },
    replace: { type: 'boolean', default: false },
    source: { type: 'string', multiple: true },
  },
  async run(input) {
    const { positionals, values, io } = input;
    const sources = await readSources((values.source as string[] | undefined) ?? []);
    const filePath = positionals[1];
    if (!filePath) throw new AttestError('USAGE', `Missing the file to import. Usage: attest ${importUsage}`);
    const file = await readUpload(resolve(filePath));
    const oscal = looksLikeOscal(Buffer.from(file.dataBase64, 'base64')) || extname(file.name).toLowerCase() === '.json';
    const specs = (values.map as string[] | undefined) ?? [];
    const mapping = oscal ? undefined : specs.length ? parseMapping(specs) : null;
    const layout = {
      ...(typeof values.sheet === 'string' ? { sheet: values.sheet } : {}),
      ...(values['header-row'] !== undefined ? { headerRow: headerRowOption(values['header-row']) } : {}),
    };
    return withWorkspace(input, importUsage, async (core) => {
      if (mapping === null) {
        // A sheet without --map: show what is in it and how to map it, and change nothing.
        const preview = await invoke(core, 'catalog.preview', { file, ...layout });
        if (preview.kind !== 'tabular') throw new AttestError('INTERNAL', 'Expected a table preview.');
        const suggestion = mapOption(preview.suggestedMapping);
        io.err(
          `attest: say which column holds each field with --map (id and statement are required), e.g. ${suggestion}; nothing was imported.`,
        );
        const human = [
          `${file.name}${preview.sheet !== null ? `, sheet "${preview.sheet}"` : ''}: header on row ${preview.headerRow}, ${preview.rowCount} rows, ${preview.columns.length} columns.`,
          ...(preview.sheets.length > 1 ? [`Sheets: ${preview.sheets.map((s) => s.name).join(', ')} (choose with --sheet)`] : []),
          ...(preview.encoding ? [`Encoding: ${preview.encoding}, delimiter: ${preview.delimiter}`] : []),
          ...preview.warnings.map((w) => `Warning: ${w}`),
          `Columns: ${preview.columns.join(', ')}`,
          `Suggested: ${suggestion}`,
        ].join('\n');
        return { value: { imported: false, preview }, human, exitCode: 2 };
      }
      const request: RequestOf<'catalog.import'> = { file, replace: values.replace === true, ...(sources.length ? { sources } : {}) };
      if (oscal) {
        // A profile names the documents it imports: each must be given as --source href=file.
        const preview = await invoke(core, 'catalog.preview', { file, ...(sources.length ? { sources } : {}) });
        if (preview.kind === 'profile') {
          const missing = preview.imports.filter((i) => !i.resolved);
          throw new AttestError(
            'OSCAL_PROFILE_SOURCE_MISSING',
            `${file.name} is an OSCAL profile that imports ${missing.map((m) => `${m.href}${m.title ? ` (${m.title})` : ''}`).join(', ')}. Attest does not fetch them: give a local file for each with --source ${missing[0]!.href}=<file>.`,
          );
        }
      }
      if (mapping) Object.assign(request, { mapping }, layout);
      if (typeof values.title === 'string') request.title = values.title;
      if (typeof values.id === 'string') request.id = values.id;
      const result = await invoke(core, 'catalog.import', request);
      const human = [
        importedLine(result, oscal),
        ...(oscal
          ? problemLines('item was skipped', 'items were skipped', result.rowErrors)
          : problemLines('row was skipped', 'rows were skipped', result.rowErrors)),
        ...problemLines('warning', 'warnings', result.warnings),
      ].join('\n');
      return { value: result, human };
    });
  },
};

const addUsage = 'catalog add <workspace> <library-id> [--replace] [--passphrase-file <file>]';

export const catalogAddCommand: CliCommand = {
  name: 'catalog add',
  summary:
    'Add a catalogue from the library that ships with Attest (NIST SP 800-53 rev5 and FedRAMP rev5 baselines); without an id, list them.',
  usage: '<workspace> [<library-id>] [--replace] [--passphrase-file <file>] [--accept-older]',
  options: { ...openOptions, replace: { type: 'boolean', default: false } },
  async run(input) {
    const id = input.positionals[1];
    return withWorkspace(input, addUsage, async (core) => {
      if (!id) {
        const { entries } = await invoke(core, 'catalog.library', {});
        const human = table(
          ['ID', 'TITLE', 'PUBLISHER', 'IN WORKSPACE'],
          entries.map((e) => [e.id, e.title, e.publisher, e.installed ? 'yes' : 'no']),
        );
        return { value: { entries }, human };
      }
      const result = await invoke(core, 'catalog.addFromLibrary', { id, replace: input.values.replace === true });
      return { value: result, human: [importedLine(result, true), ...problemLines('warning', 'warnings', result.warnings)].join('\n') };
    });
  },
};

export const catalogCommands: CliCommand[] = [catalogListCommand, catalogShowCommand, catalogImportCommand, catalogAddCommand];
