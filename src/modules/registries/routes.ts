// HTTP routes of the reconciliation of the sector databases with the national population database,
// and of officers' corrections of a person (under /api/v1/registries).
//
//   POST /registries/:registry/reconciliations                     start a run (registry.reconcile): 202 with its id; it runs on in the background
//   GET  /registries/:registry/reconciliations                     the registry's runs, newest first (registry.reconcile)
//   GET  /registries/reconciliations/:id                           one run with its counts per outcome (registry.reconcile)
//   GET  /registries/reconciliations/:id/items[?outcome&after&limit]   its items, keyset-paged by person (registry.reconcile)
//   PUT  /registries/people/:id                                    correct a person's ID number, name, birth date (registry.edit)
//
// A run is always started in the background of the request (even a small registry: one behaviour
// for the page, which polls the run); one run per registry at a time, across instances (409 otherwise).
// The server waits for the runs in flight when it closes.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely, Selectable } from 'kysely';
import type { Principal } from '../../core/access/index.ts';
import type { DB } from '../../db/types.ts';
import { forbiddenFor, unauthenticated } from '../../http/access.ts';
import type { Localized } from '../../http/language.ts';
import { ProblemError, problemSchema } from '../../http/problem.ts';
import { actorOf, recordAudit } from '../audit/service.ts';
import type { PopulationActor as Actor } from '../population/module.ts';
import { personView, type PersonField, type RegistryCode, type RegistryPeople } from './people.ts';
import { listRunItems, RECONCILE_PURPOSE, RunInProgressError, runStateOf, type ReconcileOptions, type RunSummary } from './reconcile.ts';
import {
  PersonCorrection,
  PersonParams,
  PersonViewSchema,
  RegistryParams,
  RunItemList,
  RunItemsQuery,
  RunList,
  RunParams,
  RunSchema,
  RunStarted,
  type RunView,
} from './schema.ts';
import { findPerson } from './store.ts';
import type { RegistryReconciliationRunTable } from './tables.ts';

const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
const P = '/registries';
const tags = ['registries'];

const notFound = (what: Localized) => new ProblemError('not_found', { detail: what });
const invalid = (pointer: string, code: string, message: Localized) => new ProblemError('validation', { detail: message, errors: [{ pointer, code, message }] });

export interface RegistriesRouteDeps {
  db: Kysely<DB>;
  people: RegistryPeople;
  reconcile(actor: Actor, registry: RegistryCode, options?: ReconcileOptions): Promise<RunSummary>;
}

/** The population database is asked on behalf of a person: only officers reconcile and correct. */
function populationActor(p: Principal | undefined, permission: 'registry.reconcile' | 'registry.edit'): Actor {
  if (!p) throw unauthenticated();
  if (p.kind !== 'officer') throw forbiddenFor(permission);
  return { kind: 'officer', accountId: p.accountId, name: p.fullName, officerCode: p.username, unitId: p.roles[0]?.unitId ?? null };
}

function runView(r: Selectable<RegistryReconciliationRunTable>): RunView {
  return {
    id: r.id,
    registry: r.registry,
    ...runStateOf(r),
    startedBy: r.started_by,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    counts: {
      total: r.total,
      done: r.done,
      match: r.matched,
      mismatch: r.mismatched,
      unknown_number: r.unknown_number,
      legacy_number: r.legacy_number,
      unavailable: r.unavailable,
    },
  };
}

const FIELD_COLUMNS: Record<PersonField, 'personal_id' | 'full_name' | 'birth_date'> = { personalId: 'personal_id', fullName: 'full_name', birthDate: 'birth_date' };

export function registerRegistriesRoutes(api: FastifyInstance, deps: RegistriesRouteDeps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { db, people } = deps;
  // The runs this instance started, awaited when it closes.
  const inFlight = new Set<Promise<unknown>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...inFlight.values()]);
  });

  app.post(
    `${P}/:registry/reconciliations`,
    {
      config: { access: 'registry.reconcile' },
      schema: { tags, summary: 'Start reconciling a registry with the population database (runs in the background)', params: RegistryParams, response: { 202: RunStarted, 409: problemSchema, ...errors } },
    },
    async (request, reply) => {
      const actor = populationActor(request.principal, 'registry.reconcile');
      const { registry } = request.params;
      // One running run per registry across instances: the database refuses a second (RunInProgressError).
      let started!: (id: string) => void;
      const first = new Promise<string>((resolve) => (started = resolve));
      const run = deps.reconcile(actor, registry, { httpRequestId: request.id, onStart: (id) => started(id) });
      const settled = run.then(
        () => undefined,
        (error: unknown) => {
          if (!(error instanceof RunInProgressError)) request.log.error({ err: error, registry }, 'reconciliation failed');
        },
      );
      inFlight.add(settled);
      void settled.finally(() => inFlight.delete(settled));
      const id = await Promise.race([first, run.then((r) => r.id)]).catch((error: unknown) => {
        if (error instanceof RunInProgressError) throw new ProblemError('conflict', { detail: { vi: 'Đang có một lượt đối soát cơ sở dữ liệu này.', en: 'This registry is being reconciled already.' } });
        throw error;
      });
      return reply.status(202).header('cache-control', 'no-store').header('location', `/api/v1/registries/reconciliations/${id}`).send({ id, registry, state: 'running' as const });
    },
  );

  app.get(
    `${P}/:registry/reconciliations`,
    { config: { access: 'registry.reconcile' }, schema: { tags, summary: 'The runs of a registry, newest first', params: RegistryParams, response: { 200: RunList, ...errors } } },
    async (request, reply) => {
      const rows = await db.selectFrom('registry_reconciliation_run').selectAll().where('registry', '=', request.params.registry).orderBy('started_at', 'desc').limit(50).execute();
      return reply.header('cache-control', 'no-store').send({ items: rows.map(runView) });
    },
  );

  const getRun = async (id: string) => {
    const row = await db.selectFrom('registry_reconciliation_run').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound({ vi: 'Không tìm thấy lượt đối soát.', en: 'No such reconciliation run.' });
    return row;
  };

  app.get(
    `${P}/reconciliations/:id`,
    { config: { access: 'registry.reconcile' }, schema: { tags, summary: 'One run with its counts per outcome', params: RunParams, response: { 200: RunSchema, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(runView(await getRun(request.params.id))),
  );

  app.get(
    `${P}/reconciliations/:id/items`,
    {
      config: { access: 'registry.reconcile' },
      schema: { tags, summary: 'A run’s items by outcome, with the registry’s current values (keyset-paged)', params: RunParams, querystring: RunItemsQuery, response: { 200: RunItemList, ...errors } },
    },
    async (request, reply) => {
      await getRun(request.params.id);
      const { outcome, after, limit } = request.query;
      const items = await listRunItems(db, request.params.id, { ...(outcome ? { outcome } : {}), ...(after ? { after } : {}), limit: limit + 1 });
      const page = items.slice(0, limit);
      return reply.header('cache-control', 'no-store').send({ items: page, next: items.length > limit ? page.at(-1)!.personId : null });
    },
  );

  app.put(
    `${P}/people/:id`,
    {
      config: { access: 'registry.edit' },
      schema: {
        tags,
        summary: 'Correct a person’s personal ID, full name and birth date (audited, old values kept, re-checked with the population database)',
        params: PersonParams,
        body: PersonCorrection,
        response: { 200: PersonViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const p = request.principal;
      const actor = populationActor(p, 'registry.edit');
      const before = await findPerson(db, request.params.id);
      if (!before) throw notFound({ vi: 'Không tìm thấy người này trong cơ sở dữ liệu.', en: 'No such person.' });
      const body = request.body;
      const input = { personalId: body.personalId, fullName: body.fullName.normalize('NFC').replace(/\s+/g, ' '), birthDate: body.birthDate ?? null };
      if (input.personalId !== before.personal_id) {
        const other = await db.selectFrom('registry_person').select('id').where('registry', '=', before.registry).where('personal_id', '=', input.personalId).executeTakeFirst();
        if (other) throw invalid('/body/personalId', 'taken', { vi: 'Số định danh này đã có trong cơ sở dữ liệu.', en: 'This ID number is already in the registry.' });
      }
      if (body.runId) {
        const run = await db.selectFrom('registry_reconciliation_run').select('registry').where('id', '=', body.runId).executeTakeFirst();
        if (run?.registry !== before.registry) throw invalid('/body/runId', 'unknown', { vi: 'Không có lượt đối soát này cho cơ sở dữ liệu của người này.', en: 'No such run for this person’s registry.' });
      }
      const old: Record<PersonField, string | null> = { personalId: before.personal_id, fullName: before.full_name, birthDate: before.birth_date };
      const changed = (Object.keys(FIELD_COLUMNS) as PersonField[]).filter((f) => (old[f] ?? null) !== (input[f] ?? null));
      // The population database is asked outside the transaction; its answer is recorded in it.
      const check = await people.check(actor, input, RECONCILE_PURPOSE);
      const by = p!.kind === 'officer' ? p!.username : p!.fullName;
      await db.transaction().execute(async (trx) => {
        if (changed.length > 0) {
          await trx
            .updateTable('registry_person')
            .set({ personal_id: input.personalId, full_name: input.fullName, birth_date: input.birthDate, updated_at: new Date(), updated_by: by })
            .where('id', '=', before.id)
            .execute();
          await trx
            .insertInto('registry_person_change')
            .values(
              changed.map((field) => ({
                person_id: before.id,
                field,
                old_value: old[field],
                new_value: input[field] ?? null,
                reason: body.reason ?? 'Cán bộ đính chính',
                source: body.runId ? ('reconciliation' as const) : ('edit' as const),
                changed_by: by,
              })),
            )
            .execute();
          await recordAudit(trx, {
            actor: actorOf(p!),
            action: 'registry.person.correct',
            entity: 'registry_person',
            entityId: before.id,
            before: Object.fromEntries(changed.map((f) => [f, old[f]])),
            after: { ...Object.fromEntries(changed.map((f) => [f, input[f] ?? null])), ...(body.runId ? { runId: body.runId } : {}), ...(body.reason ? { reason: body.reason } : {}) },
            requestId: request.id,
          });
        }
        await people.recordCheck(trx, before.id, check);
      });
      const after = await people.get(db, before.id);
      return reply.header('cache-control', 'no-store').send(personView(after!));
    },
  );
}
