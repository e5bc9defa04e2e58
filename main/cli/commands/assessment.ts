// `attest assessment list|new <workspace>`: the assessments of a workspace, and starting
// one over snapshotted catalogues.
import { STATE_LABELS } from '../../contract/vocabulary';
import { AttestError } from '../../core/errors';
import type { CliCommand } from '../command';
import { invoke } from '../cli-core';
import { openOptions } from '../passphrase';
import { shortHash, table, withWorkspace } from './catalog';

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)}%` : '—');

const listUsage = 'assessment list <workspace> [--passphrase-file <file>]';

export const assessmentListCommand: CliCommand = {
  name: 'assessment list',
  summary: 'List the assessments of a workspace with their progress and open findings.',
  usage: '<workspace> [--passphrase-file <file>] [--accept-older]',
  options: openOptions,
  async run(input) {
    const { assessments } = await withWorkspace(input, listUsage, (core) => invoke(core, 'assessment.list', {}));
    const human = assessments.length
      ? table(
          ['ID', 'NAME', 'CLIENT', 'STATE', 'PROGRESS', 'OPEN FINDINGS'],
          assessments.map((a) => [
            a.id,
            a.name,
            a.client,
            STATE_LABELS[a.state],
            `${a.assessed}/${a.total} (${percent(a.assessed, a.total)})`,
            a.openFindings,
          ]),
        )
      : 'This workspace has no assessments yet. Start one with "attest assessment new".';
    return { value: { assessments }, human };
  },
};

const newUsage =
  'assessment new <workspace> --name <name> --client <client> --assessor <name> --catalog <id> [--catalog <id>…] [--scope <text>] [--from YYYY-MM-DD --to YYYY-MM-DD]';

function required(values: Record<string, unknown>, option: string): string {
  const v = values[option];
  if (typeof v !== 'string' || !v.trim()) throw new AttestError('USAGE', `Missing --${option}. Usage: attest ${newUsage}`);
  return v.trim();
}

function day(values: Record<string, unknown>, option: 'from' | 'to'): string | null {
  const v = values[option];
  if (v === undefined) return null;
  const text = String(v);
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
    new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
  if (!valid) throw new AttestError('USAGE', `--${option} "${text}" is not a date; write it as YYYY-MM-DD, e.g. 2026-10-01.`);
  return text;
}

export const assessmentNewCommand: CliCommand = {
  name: 'assessment new',
  summary: 'Start an assessment against one or more catalogues (each snapshotted with its version and hash).',
  usage:
    '<workspace> --name <name> --client <client> --assessor <name> --catalog <id> [--catalog <id>…] [--scope <text>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--passphrase-file <file>] [--accept-older]',
  options: {
    ...openOptions,
    name: { type: 'string' },
    client: { type: 'string' },
    assessor: { type: 'string' },
    catalog: { type: 'string', multiple: true },
    scope: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  },
  async run(input) {
    const { values } = input;
    const request = {
      name: required(values, 'name'),
      client: required(values, 'client'),
      assessor: required(values, 'assessor'),
      catalogueIds: ((values.catalog as string[] | undefined) ?? [])
        .flatMap((c) => c.split(','))
        .map((c) => c.trim())
        .filter(Boolean),
      scope: typeof values.scope === 'string' ? values.scope : '',
      periodStart: day(values, 'from'),
      periodEnd: day(values, 'to'),
    };
    if (!request.catalogueIds.length)
      throw new AttestError(
        'USAGE',
        `Pick at least one catalogue with --catalog <id> ("attest catalog list" shows them). Usage: attest ${newUsage}`,
      );
    const a = await withWorkspace(input, newUsage, (core) => invoke(core, 'assessment.create', request));
    const human = [
      `Created assessment ${a.id}: "${a.name}" for ${a.client} (${STATE_LABELS[a.state]}), ${a.total} controls.`,
      'Catalogues snapshotted:',
      table(
        ['  ID', 'TITLE', 'VERSION', 'HASH'],
        a.catalogues.map((c) => [`  ${c.id}`, c.title, c.version, shortHash(c.hash)]),
      ),
    ].join('\n');
    return { value: a, human };
  },
};

export const assessmentCommands: CliCommand[] = [assessmentListCommand, assessmentNewCommand];
