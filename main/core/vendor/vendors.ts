// The vendor registry: profiles, the tier (rubric or a reasoned override), soft removal,
// and the views the list and the vendor page show. Every change is one audited commit.
import {
  REVIEW_CONCLUSIONS,
  VENDOR_DATA_TYPES,
  type ReviewConclusion,
  type ReviewView,
  type VendorDataType,
  type VendorFields,
  type VendorRow,
  type VendorTier,
  type VendorView,
} from '../../contract/vendor';
import { newId } from '../ids';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import { certificationsOf, certificationWarnings } from './certifications';
import { credentialsOf } from './credentials';
import { documentsOf } from './documents';
import { tierFor } from './rubric';
import { intervalFor, nextReview, readIntervals, reviewState } from './schedule';
import { todayOf } from '../time/clock';
import { activeVendor, vendorEntity, vendorRecord, type VendorDbRow } from './vendor-record';

const dataTypesOf = (r: VendorDbRow) => JSON.parse(r.data_types) as VendorDataType[];
const effectiveTier = (r: VendorDbRow) => (r.tier_override ?? r.tier) as VendorTier;

function normaliseDataTypes(types: readonly VendorDataType[]): VendorDataType[] {
  const set = new Set(types);
  if (set.has('none') && set.size > 1) {
    throw new AttestError(
      'DATA_TYPES_CONFLICT',
      '"None" cannot be combined with other data types; pick either "none" or what the vendor holds.',
    );
  }
  return VENDOR_DATA_TYPES.filter((t) => set.has(t));
}

function checkFields(ws: Workspace, f: VendorFields, exceptId: string | null): VendorDataType[] {
  if (f.contractStart && f.contractEnd && f.contractEnd < f.contractStart) {
    throw new AttestError('INVALID_PERIOD', `The contract ends (${f.contractEnd}) before it starts (${f.contractStart}).`);
  }
  assertNameFree(ws, f.name, exceptId);
  return normaliseDataTypes(f.dataTypes);
}

function assertNameFree(ws: Workspace, name: string, exceptId: string | null) {
  const clash = ws.query<{ id: string }>('SELECT id FROM vendors WHERE removed_at IS NULL AND lower(name) = lower(?) AND id IS NOT ?', [
    name,
    exceptId,
  ])[0];
  if (clash) throw new AttestError('VENDOR_EXISTS', `A vendor named "${name}" is already in the registry (${clash.id}).`);
}

interface QuestionnaireDbRow {
  id: string;
  vendor_id: string;
  cycle: string;
  concluded_at: string;
  score: string | null;
  conclusion: string | null;
}

function overallScore(score: string | null): number | null {
  if (!score) return null;
  try {
    const overall = (JSON.parse(score) as { overall?: unknown } | null)?.overall;
    return typeof overall === 'number' && Number.isFinite(overall) ? overall : null;
  } catch {
    return null;
  }
}

const conclusionOf = (c: string | null): ReviewConclusion | null =>
  REVIEW_CONCLUSIONS.includes(c as ReviewConclusion) ? (c as ReviewConclusion) : null;

/** Concluded questionnaires per vendor, newest first. */
function reviewsByVendor(ws: Workspace, vendorId?: string): Map<string, ReviewView[]> {
  const rows = ws.query<QuestionnaireDbRow>(
    `SELECT id, vendor_id, cycle, concluded_at, score, conclusion FROM questionnaires
     WHERE concluded_at IS NOT NULL ${vendorId ? 'AND vendor_id = ?' : ''} ORDER BY concluded_at DESC, id`,
    vendorId ? [vendorId] : [],
  );
  const map = new Map<string, ReviewView[]>();
  for (const q of rows) {
    const list = map.get(q.vendor_id) ?? [];
    list.push({
      questionnaireId: q.id,
      cycle: q.cycle,
      concludedAt: q.concluded_at,
      score: overallScore(q.score),
      conclusion: conclusionOf(q.conclusion),
    });
    map.set(q.vendor_id, list);
  }
  return map;
}

function scheduleOf(r: VendorDbRow, reviews: ReviewView[], months: number, today: string) {
  const lastReview = reviews[0]?.concludedAt.slice(0, 10) ?? null;
  const next = nextReview(lastReview, r.created_at, months);
  return { intervalMonths: months, lastReview, nextReview: next, reviewState: reviewState(next, today), today };
}

export interface ListFilter {
  tier?: VendorTier | undefined;
  criticality?: VendorFields['criticality'] | undefined;
  reviewState?: VendorRow['reviewState'] | undefined;
  text?: string | undefined;
  removed?: boolean | undefined;
  today?: string | undefined;
}

export function listVendors(ws: Workspace, filter: ListFilter = {}): VendorRow[] {
  const today = filter.today ?? todayOf(ws);
  const intervals = readIntervals(ws);
  const reviews = reviewsByVendor(ws);
  const warnings = certificationWarnings(ws, today);
  const scored = new Set(
    ws.query<{ vendor_id: string }>('SELECT DISTINCT vendor_id FROM questionnaires WHERE score IS NOT NULL').map((q) => q.vendor_id),
  );
  const needle = filter.text?.trim().toLowerCase() ?? '';
  const rows = ws.query<VendorDbRow>(
    `SELECT * FROM vendors WHERE removed_at IS ${filter.removed ? 'NOT NULL' : 'NULL'} ORDER BY lower(name), id`,
  );
  const out: VendorRow[] = [];
  for (const r of rows) {
    const tier = effectiveTier(r);
    const history = reviews.get(r.id) ?? [];
    const schedule = scheduleOf(r, history, intervalFor(intervals, tier), today);
    const row: VendorRow = {
      id: r.id,
      name: r.name,
      services: r.services,
      owner: r.owner,
      dataTypes: dataTypesOf(r),
      criticality: r.criticality,
      tier,
      tierOverridden: r.tier_override !== null,
      latestScore: history[0]?.score ?? null,
      latestConclusion: history[0]?.conclusion ?? null,
      scored: scored.has(r.id),
      lastReview: schedule.lastReview,
      nextReview: schedule.nextReview,
      reviewState: schedule.reviewState,
      certWarnings: warnings.get(r.id) ?? 0,
    };
    if (filter.tier !== undefined && row.tier !== filter.tier) continue;
    if (filter.criticality && row.criticality !== filter.criticality) continue;
    if (filter.reviewState && row.reviewState !== filter.reviewState) continue;
    if (needle && ![row.name, row.services, row.owner].some((s) => s.toLowerCase().includes(needle))) continue;
    out.push(row);
  }
  return out;
}

function vendorHistory(ws: Workspace, id: string) {
  return ws.query<{ at: string; actor: string; action: string }>(
    // Its own entries, and those of its findings ("finding:… vendor:<id> …").
    `SELECT at, actor, action FROM audit_log WHERE entity = ? OR entity LIKE ? OR entity LIKE ? OR entity LIKE ? ORDER BY seq DESC LIMIT 200`,
    [vendorEntity(id), `${vendorEntity(id)}/%`, `% ${vendorEntity(id)}`, `% ${vendorEntity(id)} %`],
  );
}

export function vendorView(ws: Workspace, id: string, today = todayOf(ws)): VendorView {
  const r = vendorRecord(ws, id);
  const dataTypes = dataTypesOf(r);
  const tier = effectiveTier(r);
  const reviews = reviewsByVendor(ws, id).get(id) ?? [];
  return {
    id: r.id,
    name: r.name,
    services: r.services,
    owner: r.owner,
    dataTypes,
    criticality: r.criticality,
    tier,
    rubric: tierFor(dataTypes, r.criticality),
    tierOverride: (r.tier_override as VendorTier | null) ?? null,
    tierOverrideReason: r.tier_override_reason,
    contractStart: r.contract_start,
    contractEnd: r.contract_end,
    exitPlan: r.exit_plan,
    notes: r.notes,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    removedAt: r.removed_at,
    certifications: certificationsOf(ws, id, today),
    credentials: credentialsOf(ws, id),
    documents: documentsOf(ws, id),
    reviews,
    schedule: scheduleOf(r, reviews, intervalFor(readIntervals(ws), tier), today),
    history: vendorHistory(ws, id),
  };
}

export async function createVendor(ws: Workspace, f: VendorFields, actor: string): Promise<VendorView> {
  const dataTypes = checkFields(ws, f, null);
  const id = newId('vnd');
  const now = ws.now().toISOString();
  await ws.commit({
    actor,
    action: 'vendor.create',
    entity: vendorEntity(id),
    statements: [
      {
        sql: `INSERT INTO vendors (id, name, services, owner, data_types, criticality, tier, contract_start, contract_end,
                exit_plan, notes, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params: [
          id,
          f.name,
          f.services,
          f.owner,
          JSON.stringify(dataTypes),
          f.criticality,
          tierFor(dataTypes, f.criticality).tier,
          f.contractStart,
          f.contractEnd,
          f.exitPlan,
          f.notes,
          now,
          actor,
          now,
          actor,
        ],
      },
    ],
  });
  return vendorView(ws, id);
}

export async function updateVendor(ws: Workspace, id: string, f: VendorFields, actor: string): Promise<VendorView> {
  activeVendor(ws, id);
  const dataTypes = checkFields(ws, f, id);
  await ws.commit({
    actor,
    action: 'vendor.update',
    entity: vendorEntity(id),
    statements: [
      {
        sql: `UPDATE vendors SET name = ?, services = ?, owner = ?, data_types = ?, criticality = ?, tier = ?, contract_start = ?,
                contract_end = ?, exit_plan = ?, notes = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
        params: [
          f.name,
          f.services,
          f.owner,
          JSON.stringify(dataTypes),
          f.criticality,
          tierFor(dataTypes, f.criticality).tier,
          f.contractStart,
          f.contractEnd,
          f.exitPlan,
          f.notes,
          ws.now().toISOString(),
          actor,
          id,
        ],
      },
    ],
  });
  return vendorView(ws, id);
}

export async function setTierOverride(ws: Workspace, id: string, tier: VendorTier, reason: string, actor: string): Promise<VendorView> {
  const r = activeVendor(ws, id);
  const why = reason.trim();
  if (!why)
    throw new AttestError(
      'REASON_REQUIRED',
      `Say why "${r.name}" should be tier ${tier} rather than the rubric's tier ${r.tier}; the reason is recorded.`,
    );
  await ws.commit({
    actor,
    action: 'vendor.tier.override',
    entity: vendorEntity(id),
    statements: [
      {
        sql: 'UPDATE vendors SET tier_override = ?, tier_override_reason = ?, updated_at = ?, updated_by = ? WHERE id = ?',
        params: [tier, why, ws.now().toISOString(), actor, id],
      },
    ],
  });
  return vendorView(ws, id);
}

export async function clearTierOverride(ws: Workspace, id: string, actor: string): Promise<VendorView> {
  const r = activeVendor(ws, id);
  if (r.tier_override === null) return vendorView(ws, id);
  await ws.commit({
    actor,
    action: 'vendor.tier.clear',
    entity: vendorEntity(id),
    statements: [
      {
        sql: 'UPDATE vendors SET tier_override = NULL, tier_override_reason = NULL, updated_at = ?, updated_by = ? WHERE id = ?',
        params: [ws.now().toISOString(), actor, id],
      },
    ],
  });
  return vendorView(ws, id);
}

export async function removeVendor(ws: Workspace, id: string, actor: string): Promise<void> {
  activeVendor(ws, id);
  await ws.commit({
    actor,
    action: 'vendor.remove',
    entity: vendorEntity(id),
    statements: [{ sql: 'UPDATE vendors SET removed_at = ? WHERE id = ?', params: [ws.now().toISOString(), id] }],
  });
}

export async function restoreVendor(ws: Workspace, id: string, actor: string): Promise<VendorView> {
  const r = vendorRecord(ws, id);
  if (!r.removed_at) return vendorView(ws, id);
  assertNameFree(ws, r.name, id);
  await ws.commit({
    actor,
    action: 'vendor.restore',
    entity: vendorEntity(id),
    statements: [{ sql: 'UPDATE vendors SET removed_at = NULL WHERE id = ?', params: [id] }],
  });
  return vendorView(ws, id);
}
