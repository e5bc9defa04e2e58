// `attest vendor list|add <workspace>`: the vendor registry from the command line,
// through the same channels as the app.
import type { RequestOf } from '../../contract/ipc';
import { VENDOR_CRITICALITIES, VENDOR_DATA_TYPES, type VendorCriticality, type VendorDataType } from '../../contract/vendor';
import { AttestError } from '../../core/errors';
import type { CliCommand } from '../command';
import { invoke } from '../cli-core';
import { openOptions } from '../passphrase';
import { table, withWorkspace } from './catalog';

const STATE_WORDS = { ok: 'ok', due: 'due', overdue: 'OVERDUE' } as const;

const listUsage = 'vendor list <workspace> [--tier 1|2|3] [--due] [--json] [--passphrase-file <file>]';

export const vendorListCommand: CliCommand = {
  name: 'vendor list',
  summary: 'List the vendors with tier, criticality, latest score, next review and certificate warnings.',
  usage: '<workspace> [--tier 1|2|3] [--due] [--passphrase-file <file>] [--accept-older]',
  options: { ...openOptions, tier: { type: 'string' }, due: { type: 'boolean' } },
  async run(input) {
    const { values } = input;
    let tier: 1 | 2 | 3 | undefined;
    if (values.tier !== undefined) {
      const n = Number(values.tier);
      if (n !== 1 && n !== 2 && n !== 3) throw new AttestError('USAGE', `--tier "${String(values.tier)}" is not a tier; use 1, 2 or 3.`);
      tier = n;
    }
    const { vendors, today } = await withWorkspace(input, listUsage, (core) => invoke(core, 'vendor.list', tier ? { tier } : {}));
    // --due: everything needing a review now or within 30 days, overdue included.
    const shown = values.due ? vendors.filter((v) => v.reviewState !== 'ok') : vendors;
    const human = shown.length
      ? table(
          ['ID', 'NAME', 'TIER', 'CRITICALITY', 'SCORE', 'NEXT REVIEW', 'STATE', 'CERT WARNINGS'],
          shown.map((v) => [
            v.id,
            v.name,
            `${v.tier}${v.tierOverridden ? '*' : ''}`,
            v.criticality,
            v.latestScore === null ? '—' : Math.round(v.latestScore),
            v.nextReview,
            STATE_WORDS[v.reviewState],
            v.certWarnings,
          ]),
        ) + (shown.some((v) => v.tierOverridden) ? '\n* tier set by hand (override with a recorded reason)' : '')
      : values.due
        ? `No vendor is due for review within 30 days of ${today}.`
        : 'This workspace has no vendors yet. Add one with "attest vendor add".';
    return { value: { today, vendors: shown }, human };
  },
};

const addUsage =
  'vendor add <workspace> --name <name> --owner <name> --criticality low|medium|high|critical --data-types a,b [--services <text>] [--json]';

function required(values: Record<string, unknown>, option: string): string {
  const v = values[option];
  if (typeof v !== 'string' || !v.trim()) throw new AttestError('USAGE', `Missing --${option}. Usage: attest ${addUsage}`);
  return v.trim();
}

function criticality(value: string): VendorCriticality {
  if (!(VENDOR_CRITICALITIES as readonly string[]).includes(value)) {
    throw new AttestError('USAGE', `--criticality "${value}" is not one of ${VENDOR_CRITICALITIES.join(', ')}.`);
  }
  return value as VendorCriticality;
}

function dataTypes(value: string): VendorDataType[] {
  const list = value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const unknown = list.filter((t) => !(VENDOR_DATA_TYPES as readonly string[]).includes(t));
  if (unknown.length || !list.length) {
    throw new AttestError(
      'USAGE',
      `--data-types takes a comma-separated list of ${VENDOR_DATA_TYPES.join(', ')}${unknown.length ? `; not known: ${unknown.join(', ')}` : ''}.`,
    );
  }
  return list as VendorDataType[];
}

export const vendorAddCommand: CliCommand = {
  name: 'vendor add',
  summary: 'Add a vendor; its tier follows the rubric over data types and criticality (docs/vendor-risk.md).',
  usage:
    '<workspace> --name <name> --owner <name> --criticality <level> --data-types <a,b> [--services <text>] [--passphrase-file <file>] [--accept-older]',
  options: {
    ...openOptions,
    name: { type: 'string' },
    services: { type: 'string' },
    owner: { type: 'string' },
    criticality: { type: 'string' },
    'data-types': { type: 'string' },
  },
  async run(input) {
    const { values } = input;
    const request: RequestOf<'vendor.create'> = {
      name: required(values, 'name'),
      owner: required(values, 'owner'),
      criticality: criticality(required(values, 'criticality')),
      dataTypes: dataTypes(required(values, 'data-types')),
      services: typeof values.services === 'string' ? values.services : '',
    };
    const v = await withWorkspace(input, addUsage, (core) => invoke(core, 'vendor.create', request));
    const human = [
      `Added vendor ${v.id}: "${v.name}", tier ${v.tier} (because: ${v.rubric.reasons.join('; ')}).`,
      `Next review: ${v.schedule.nextReview} (every ${v.schedule.intervalMonths} months at tier ${v.tier}).`,
    ].join('\n');
    return { value: v, human };
  },
};

export const vendorCommands: CliCommand[] = [vendorListCommand, vendorAddCommand];
