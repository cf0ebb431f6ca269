// Assembles the dossiers module: the dossier codes (the unit's daily sequence), intake, the actions
// over the chained log, the reads and the public lookup, from the catalog (pinned versions and
// e-form validation), the calendar and the files module.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { CalendarModule } from '../calendar/module.ts';
import type { CatalogModule } from '../catalog/module.ts';
import type { FilesModule } from '../files/module.ts';
import type { JobsModule } from '../jobs/module.ts';
import type { NotificationsModule } from '../notifications/module.ts';
import type { PaymentsModule } from '../payments/module.ts';
import type { PopulationService } from '../population/module.ts';
import { runEscalations, type EscalationDeps } from './escalate.ts';
import { dossierNotifier } from './notify.ts';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import { issueDossierCode, type DossierCodeSettings } from './issue-dossier-code.ts';
import { createCounterPrefill } from './counter-prefill.ts';
import { createDraftService, draftFileKeeper } from './drafts.ts';
import { registerDossierRoutes } from './routes.ts';
import type { HoSoDongBoDVC } from './sync-schema.ts';
import { dossierIdsActiveIn } from './sync-store.ts';
import { DOSSIER_EVENT_TOPIC, createDossierService, type DossierEventJob, type DossierService, type DossierServiceDeps } from './service.ts';

export type { DossierEvent, DossierEventListener, DossierService, VerifyProblem } from './service.ts';
export type { HoSoDongBoDVC } from './sync-schema.ts';
import type { ResultIssuer } from './result-issuer.ts';
import { issueDemoResults } from './demo-results.ts';

export type { PreparedResult, ResultIssuer, ResultIssueRequest } from './result-issuer.ts';
export type { DossierRow } from './store.ts';
export { STATUS } from '../../core/dossiers/index.ts';
// The slips' PDF set-up (Tinos embedded, no file or URL access), for other modules' documents.
export { FONT_FAMILY, pdfMakeReady } from './slips/index.ts';
export { normalizeStrings } from './slips/format.ts';

const PAYMENT_CONFIRMED_TOPIC = 'dossier.payment_confirmed';
interface PaymentConfirmedJob {
  dossierId: string;
  reference: string;
  amountVnd: number;
}

export interface DossiersModule extends Module {
  settings: DossierCodeSettings;
  service: DossierService;
  /** Queues the escalations due at `now` (the schedule runs it every five minutes). */
  escalate(now: Date): Promise<number>;
  /**
   * The sync records (HoSoDongBoDVC) of the dossiers that matter to a period (sync-store's
   * dossierIdsActiveIn), each with the units on its route and its procedure, for the quality index.
   */
  syncRecordsActiveIn(range: { from: Date; to: Date }): AsyncIterable<{ record: HoSoDongBoDVC; unitIds: string[]; procedureCode: string }>;
  /**
   * The signed results of finished and returned dossiers that have none (the demo dossiers, right
   * after they are generated: demo-results.ts), signed for a leader covering the issuing unit.
   */
  issueDemoResults(options?: { limit?: number }): Promise<number>;
  /** The next dossier code of a unit; call inside the intake transaction. */
  issueDossierCode(trx: Kysely<DB> | Transaction<DB>, unitCode: string, receivedAt: Date): Promise<string>;
}

export interface DossiersModuleDeps extends ModuleDeps {
  calendar: Pick<CalendarModule, 'service'>;
  catalog: Pick<CatalogModule, 'publishedVersion' | 'pinnedVersion' | 'forms'>;
  files: Pick<FilesModule, 'attach' | 'findFiles' | 'sendFile' | 'keepWhile'>;
  payments: Pick<PaymentsModule, 'initiate' | 'recordCounterPayment' | 'onPaid' | 'findByDossier'>;
  jobs: Pick<JobsModule, 'enqueue' | 'handle' | 'schedule'>;
  /** Enabled officers whose role covers a unit, with contacts (identity), for escalations. */
  officersCovering: EscalationDeps['officersCovering'];
  notifications: Pick<NotificationsModule, 'notify'>;
  /** The e-mail and phone of an account (identity). */
  contact: (accountId: string) => Promise<{ email: string | null; phone: string | null } | undefined>;
  publicUrl: () => string;
  /** Signs the result document of issue_result (the results module). */
  resultIssuer?: ResultIssuer;
  /** Digitization at receipt and the reuse of the warehouse (warehouse module). */
  componentIntake?: DossierServiceDeps['componentIntake'];
  componentFlags?: DossierServiceDeps['componentFlags'];
  /** The population module's logged lookups (the counter's prefill). */
  population: Pick<PopulationService, 'lookupFor'>;
  now?: () => Date;
}

export function createDossiersModule(deps: DossiersModuleDeps): DossiersModule {
  const { config } = deps;
  const settings: DossierCodeSettings = { format: config.DOSSIER_CODE_FORMAT, systemCode: config.DOSSIER_CODE_SYSTEM_CODE };
  const issue = (trx: Kysely<DB> | Transaction<DB>, unitCode: string, at: Date) => issueDossierCode(trx, settings, unitCode, at);
  const service = createDossierService({
    db: deps.db,
    units: deps.units,
    calendar: () => deps.calendar.service.calendar(),
    catalog: deps.catalog,
    files: deps.files,
    issueCode: issue,
    rules: { paymentPausesClock: config.DOSSIER_PAYMENT_PAUSES_CLOCK, apologyMarginWorkingDays: config.DOSSIER_APOLOGY_MARGIN_DAYS },
    payments: deps.payments,
    jobs: deps.jobs,
    officersCovering: async (role, unitId) => (await deps.officersCovering(role, unitId)).map((o) => ({ accountId: o.accountId, name: o.name })),
    publicUrl: deps.publicUrl,
    slips: { numbering: config.DOSSIER_SLIP_NUMBERING, place: config.DOSSIER_SLIP_PLACE },
    resultIssuer: deps.resultIssuer,
    ...(deps.componentIntake ? { componentIntake: deps.componentIntake } : {}),
    ...(deps.componentFlags ? { componentFlags: deps.componentFlags } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  const drafts = createDraftService({ db: deps.db, catalog: deps.catalog, ...(deps.now ? { now: deps.now } : {}) });
  deps.files.keepWhile(draftFileKeeper(deps.db)); // the uploads a draft lists outlive the files cleanup
  const counterPrefill = createCounterPrefill({ units: deps.units, catalog: deps.catalog, population: deps.population });
  service.onEvent(
    dossierNotifier({
      notifications: deps.notifications,
      contact: deps.contact,
      publicUrl: deps.publicUrl,
      procedureName: async (versionId) => (await deps.catalog.pinnedVersion(versionId))?.version.content.name ?? '',
      receipt: (dossierId) => service.slipOf(dossierId, '01'),
    }),
  );
  deps.jobs.handle<DossierEventJob>(DOSSIER_EVENT_TOPIC, (job) => service.dispatch(job));
  const escalate = (now: Date) =>
    runEscalations(
      {
        db: deps.db,
        calendar: () => deps.calendar.service.calendar(),
        notifications: deps.notifications,
        contact: deps.contact,
        officersCovering: deps.officersCovering,
        procedureName: async (versionId) => (await deps.catalog.pinnedVersion(versionId))?.version.content.name ?? '',
      },
      now,
    );
  deps.jobs.schedule('dossier-escalations', '*/5 * * * *', async ({ tick }) => {
    await escalate(tick);
  });
  // The payment platform's verified callback queues the confirmation in the payment's transaction;
  // the job moves the dossier out of status 6 (once: keyed by the payment reference).
  deps.jobs.handle<PaymentConfirmedJob>(PAYMENT_CONFIRMED_TOPIC, async (job) => {
    await service.systemAction(job.dossierId, 'confirm_payment', { channel: 'paygov', reference: job.reference, amountVnd: job.amountVnd }, 'Nền tảng thanh toán trực tuyến (PayGov)');
  });
  deps.payments.onPaid(async (trx, payment) => {
    await deps.jobs.enqueue(trx, {
      topic: PAYMENT_CONFIRMED_TOPIC,
      key: payment.reference ?? payment.id,
      payload: { dossierId: payment.dossierId, reference: payment.reference ?? payment.id, amountVnd: payment.amountVnd } satisfies PaymentConfirmedJob,
    });
  });
  async function* syncRecordsActiveIn(range: { from: Date; to: Date }) {
    let after: string | null = null;
    for (;;) {
      const page = await dossierIdsActiveIn(deps.db, range, after, 200);
      if (page.length === 0) return;
      for (const d of page) {
        // The record the portal receives, with the component records' flags.
        const record = (await service.syncRecordForDelivery(d.id))?.record;
        if (record) yield { record, unitIds: [...new Set([d.unitId, d.handlingUnitId])], procedureCode: d.procedureCode };
      }
      after = page.at(-1)!.id;
    }
  }
  return {
    settings,
    service,
    syncRecordsActiveIn,
    escalate,
    issueDossierCode: issue,
    async issueDemoResults(options = {}) {
      const issuer = deps.resultIssuer;
      if (!issuer) return 0;
      return issueDemoResults(
        {
          db: deps.db,
          issuer,
          catalog: deps.catalog,
          signerFor: async (unitId) => {
            const [leader] = [...(await deps.officersCovering('unit_leader', unitId)), ...(await deps.officersCovering('ministry_leader', unitId))];
            return leader && { accountId: leader.accountId, fullName: leader.name };
          },
        },
        options,
      );
    },
    async register(app) {
      await app.register(
        async (api) => registerDossierRoutes(api, { dossiers: service, drafts, counterPrefill, files: deps.files, lookupRateLimit: { max: config.DOSSIER_LOOKUP_PER_MINUTE, timeWindow: 60_000 } }),
        { prefix: API_PREFIX },
      );
    },
  };
}
