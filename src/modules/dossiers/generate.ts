// Writes synthetic dossiers (synthetic.ts) into the database: for benchmarks (`motcua dossiers
// generate`, COPY on PostgreSQL, batched INSERTs on PGlite) and for the demo data of a first start.
// Each dossier's projection is the replay of its log and its log is chained, so `verify` passes.
// Beside each dossier go the rows the warehouse module's intake writes (written in bulk by that
// module's store, like the rest): the dossier's digitization figures, and for a counter or postal dossier the record
// of each component at receipt (digitized with the checks, exempted, or replaced by population
// data), so the digitization figures and the sync record's flags count the generated dossiers.
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type pg from 'pg';
import type { WorkingCalendar } from '../../core/calendar/index.ts';
import { DIGITIZATION_CHECKS, flagsOf } from '../../core/digitization/index.ts';
import { CHANNEL, type DossierChannel, type DossierStatus } from '../../core/dossiers/index.ts';
import { compileEform, createEformAjv, type CompiledEform } from '../../core/eforms/index.ts';
import type { DB } from '../../db/types.ts';
import type { CatalogModule } from '../catalog/module.ts';
import { generatedDataReceiver } from '../identity/module.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import { copyIntakeRows, insertIntakeRows, type IntakeRows } from '../warehouse/module.ts';
import type { DossierCodeSettings } from './issue-dossier-code.ts';
import { factsOf, newLookupSecret, type DossierServiceDeps } from './service.ts';
import { copyBatch, insertBatch, raiseCodeSequences, storedCodeSequences, type SyntheticBatch } from './sync-store.ts';
import { projectionOf } from './projection.ts';
import { sampleFormData } from './synthetic-form.ts';
import {
  CodeCounter,
  DEFAULT_OFFICERS,
  chainRows,
  rng,
  synthesizeLog,
  synthesizePaperComponents,
  syntheticApplicant,
  type SyntheticAction,
  type SyntheticActor,
  type SyntheticOfficers,
  type SyntheticPlan,
  type SyntheticProcedure,
} from './synthetic.ts';

export interface GenerateDeps {
  db: Kysely<DB>;
  catalog: Pick<CatalogModule, 'service' | 'publishedVersion'>;
  units: Pick<UnitDirectory, 'find'>;
  calendar: WorkingCalendar;
  rules: DossierServiceDeps['rules'];
  codes: DossierCodeSettings;
  /** A PostgreSQL connection: rows go by COPY through it. */
  pg?: pg.ClientBase;
  officers?: SyntheticOfficers;
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Dossiers start within this many days before `now`. */
  spanDays?: number;
  now?: Date;
  /** Valid e-form data for each dossier (the demo); otherwise a small fixed object (benchmarks). */
  formData?: boolean;
  /** Spread over every status 1–10 evenly (the demo) rather than mostly finished (benchmarks). */
  everyStatus?: boolean;
  batchSize?: number;
  onProgress?: (done: number) => void;
}

/** The published procedures with their receiving and processing units (as intake resolves them). */
export async function loadSyntheticProcedures(deps: Pick<GenerateDeps, 'catalog' | 'units'>): Promise<SyntheticProcedure[]> {
  const out: SyntheticProcedure[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await deps.catalog.service.search({ page, pageSize: 100 });
    for (const item of items) {
      const { procedure, version } = await deps.catalog.publishedVersion(item.code);
      const content = version.content;
      const by = (role: string) => content.implementingUnits.find((u) => u.role === role)?.unitId;
      const receiving = by('receives') ?? by('decides') ?? procedure.ownerUnitId;
      const handling = by('processes') ?? by('decides') ?? receiving;
      const unit = await deps.units.find(receiving);
      if (!unit) continue;
      out.push({ procedureId: procedure.id, code: procedure.code, versionId: version.id, content, receivingUnitId: receiving, handlingUnitId: handling, agencyCode: unit.agencyCode });
    }
    if (page * 100 >= total || items.length === 0) break;
  }
  return out;
}

// Benchmarks: mostly finished dossiers, a working set open. The demo: every status alike.
const REALISTIC: Array<[DossierStatus, number]> = [[1, 3], [2, 4], [3, 1], [4, 12], [5, 4], [6, 2], [7, 1], [8, 1], [9, 12], [10, 60]];
const EVEN: Array<[DossierStatus, number]> = [[1, 1], [2, 1], [3, 1], [4, 1], [5, 1], [6, 1], [7, 1], [8, 1], [9, 1], [10, 1]];

function weighted(r: () => number, table: Array<[DossierStatus, number]>): DossierStatus {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [status, w] of table) if ((x -= w) < 0) return status;
  return table.at(-1)![0];
}

export function syntheticDossierRows(
  r: () => number,
  proc: SyntheticProcedure,
  deps: Pick<GenerateDeps, 'calendar' | 'rules'> & { officers: SyntheticOfficers; unitName: string },
  counter: CodeCounter,
  plan: Omit<SyntheticPlan, 'channel'>,
  form: { compiled?: CompiledEform },
  /** Draws for the components at receipt (apart, so they leave the dossiers of a seed as they were). */
  rd: () => number = r,
): GeneratedBatch {
  const channels = proc.content.methods.channels;
  const online = channels.includes('online') && (plan.target === 1 || plan.target === 3 || r() < 0.6);
  const channel: DossierChannel = online ? CHANNEL.online : channels.includes('postal') && r() < 0.15 ? CHANNEL.postal : CHANNEL.direct;
  const kinds = proc.content.subjects.kinds.map((k): 'citizen' | 'organization' => (k === 'citizen' ? 'citizen' : 'organization'));
  const applicant = syntheticApplicant(r, kinds.length > 0 ? kinds : ['citizen']);
  const facts = factsOf(proc.content, channel, deps.rules);
  const actor = { id: null, kind: applicant.kind, label: applicant.name };
  const { state, actions } = synthesizeLog(r, facts, deps.calendar, { ...plan, channel }, deps.officers, actor);
  const id = randomUUID();
  const rows = chainRows(id, actions);
  const first = new Date(actions[0]!.action.at);
  let formData: Record<string, unknown> = { request: { title: 'Hồ sơ tổng hợp cho đo kiểm' } };
  if (form.compiled) {
    const validated = form.compiled.validate(sampleFormData(proc.content.eform.schema, applicant, deps.unitName, r));
    formData = validated.data;
  }
  const projection = projectionOf(state, proc.handlingUnitId);
  const dossier = {
    id,
    code: counter.next(proc.agencyCode, first),
    lookup_secret: newLookupSecret(),
    channel,
    procedure_id: proc.procedureId,
    procedure_code: proc.code,
    version_id: proc.versionId,
    unit_id: proc.receivingUnitId,
    applicant_kind: applicant.kind,
    applicant_id_number: applicant.idNumber,
    applicant_name: applicant.name,
    applicant_account_id: null,
    applicant: JSON.stringify({ kind: applicant.kind, idNumber: applicant.idNumber, name: applicant.name, phone: applicant.phone, email: applicant.email, address: applicant.address }),
    submitter: null,
    submitter_account_id: null,
    form_data: JSON.stringify(formData),
    facts: JSON.stringify(facts),
    state: JSON.stringify(state),
    ...projection,
    last_hash: rows.at(-1)!.hash,
    idempotency_key: null,
    created_at: first,
    updated_at: new Date(actions.at(-1)!.action.at),
  };
  const units = [...new Set([proc.receivingUnitId, proc.handlingUnitId, projection.handling_unit_id])].map((unit_id) => ({ dossier_id: id, unit_id }));
  const { componentRecords, digitization } = digitizationRows(rd, proc, id, channel, actions, deps.officers.receiver);
  return { dossiers: [dossier], actions: rows.map((a) => ({ ...a, payload: JSON.stringify(a.payload) })), units, componentRecords, digitization: [digitization] };
}

/** A batch of dossiers with the warehouse module's rows of their intake. */
export interface GeneratedBatch extends SyntheticBatch, IntakeRows {}

const ALL_CHECKS = JSON.stringify(Object.fromEntries(DIGITIZATION_CHECKS.map((c) => [c, true])));

/**
 * The rows the warehouse module's intake writes for a dossier (warehouse/service.ts intake, and
 * onDossierEvent for what later actions change), from its log:
 * - a counter or postal dossier: each component recorded by the officer who received it, at the
 *   receipt (synthesizePaperComponents). Generated dossiers carry no files: a digitized
 *   component's record stands without its scan, and no warehouse document is made of it.
 * - every dossier: its figures, counted at the unit that handles it (as intake counts them);
 *   received at its receipt (an online one only once an officer received it); its result issued
 *   at issue_result, with its outcome (whether a refusal counts is read when the figures are
 *   counted), not electronic (a signed result file makes it so, as the demo's results do). An
 *   online dossier was submitted without files and has no component record (its applicant has no
 *   account to record it under): nothing digitized, nothing replaced.
 */
function digitizationRows(rd: () => number, proc: SyntheticProcedure, dossierId: string, channel: DossierChannel, actions: readonly SyntheticAction[], receiver: SyntheticActor) {
  const receipt = actions.find((a) => a.action.type === 'receive');
  const componentRecords: GeneratedBatch['componentRecords'] = [];
  if (channel !== CHANNEL.online && receipt && receiver.id) {
    const at = new Date(receipt.action.at);
    for (const c of synthesizePaperComponents(rd, proc.content.components)) {
      componentRecords.push({
        dossier_id: dossierId,
        component_code: c.code,
        added_seq: 1,
        source: c.source,
        page_count: c.pageCount,
        checks: c.source === 'digitized' ? ALL_CHECKS : null,
        exemption: c.exemption,
        note: null,
        warehouse_document_id: null,
        result_code: null,
        recorded_by: receiver.id,
        recorded_by_label: receiver.label,
        recorded_at: at,
      });
    }
  }
  const flags = componentRecords.map((c) => flagsOf(c.source, null, { uploadedCountsAsDigitized: true }));
  const result = actions.find((a) => a.action.type === 'issue_result');
  const digitization: Insertable<DB['dossier_digitization']> = {
    dossier_id: dossierId,
    unit_id: proc.handlingUnitId,
    procedure_code: proc.code,
    channel,
    submitted_at: new Date(actions[0]!.action.at),
    received_at: receipt ? new Date(receipt.action.at) : null,
    has_digitized: flags.some((f) => f.digitized),
    has_reused: flags.some((f) => f.reused),
    population_replaced: componentRecords.filter((c) => c.source === 'population_data').length,
    produces_document: proc.content.result.producesDocument,
    result_issued_at: result ? new Date(result.action.at) : null,
    result_outcome: result?.action.outcome ?? null,
    result_electronic: false,
  };
  return { componentRecords, digitization };
}

/** Generates `count` dossiers over the published procedures; returns how many were written. */
export async function generateDossiers(deps: GenerateDeps, options: GenerateOptions): Promise<number> {
  const procedures = await loadSyntheticProcedures(deps);
  if (procedures.length === 0) throw new Error('no published procedure to generate dossiers for (seed the catalog first)');
  const r = rng(options.seed ?? 1);
  const now = options.now ?? new Date();
  const spanMs = (options.spanDays ?? 56) * 86_400_000;
  const batchSize = options.batchSize ?? 2000;
  const counter = new CodeCounter(deps.codes, await storedCodeSequences(deps.db));
  const given = deps.officers ?? DEFAULT_OFFICERS;
  // A component's record names the account that recorded it: without a receiver's account, the
  // identity module's account for generated data receives them.
  const officers = given.receiver.id
    ? given
    : { ...given, receiver: { ...given.receiver, ...(await generatedDataReceiver(deps.db, /\(([^)]+)\)$/.exec(given.receiver.label)?.[1] ?? given.receiver.label)) } };
  const rd = rng((options.seed ?? 1) ^ 0x5eed_d161);
  const ajv = options.formData ? createEformAjv() : undefined;
  const compiled = new Map<string, CompiledEform>();
  const unitNames = new Map<string, string>();
  let done = 0;
  while (done < options.count) {
    const batch: GeneratedBatch = { dossiers: [], actions: [], units: [], componentRecords: [], digitization: [] };
    const n = Math.min(batchSize, options.count - done);
    for (let i = 0; i < n; i++) {
      const target = weighted(r, options.everyStatus ? EVEN : REALISTIC);
      const proc = procedures[Math.floor(r() * procedures.length)]!;
      if (ajv && !compiled.has(proc.versionId)) compiled.set(proc.versionId, compileEform(ajv, proc.content.eform));
      if (!unitNames.has(proc.receivingUnitId)) unitNames.set(proc.receivingUnitId, (await deps.units.find(proc.receivingUnitId))?.nameVi ?? '');
      // Open dossiers started recently; finished ones anywhere in the span.
      const open = target === 1 || target === 2 || target === 4 || target === 5 || target === 6;
      const start = new Date(now.getTime() - (open ? r() * 0.3 : 0.2 + r() * 0.8) * spanMs);
      const rows = syntheticDossierRows(
        r,
        proc,
        { calendar: deps.calendar, rules: deps.rules, officers, unitName: unitNames.get(proc.receivingUnitId)! },
        counter,
        { target, start, notAfter: now, late: r() < 0.2, supplements: r() < 0.25 ? 1 : r() < 0.05 ? 2 : 0, apologize: r() < 0.5 },
        { ...(compiled.has(proc.versionId) ? { compiled: compiled.get(proc.versionId)! } : {}) },
        rd,
      );
      batch.dossiers.push(...rows.dossiers);
      batch.actions.push(...rows.actions);
      batch.units.push(...rows.units);
      batch.componentRecords.push(...rows.componentRecords);
      batch.digitization.push(...rows.digitization);
    }
    if (deps.pg) {
      const client = deps.pg;
      await client.query('begin');
      try {
        await copyBatch(client, batch);
        await copyIntakeRows(client, batch);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      }
    } else {
      await deps.db.transaction().execute(async (trx) => {
        await insertBatch(trx, batch);
        await insertIntakeRows(trx, batch);
      });
    }
    done += n;
    options.onProgress?.(done);
  }
  await raiseCodeSequences(deps.db, counter.used);
  return done;
}
