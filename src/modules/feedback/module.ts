// Assembles the feedback module: ratings of returned dossiers (online and at the counter's kiosk),
// PAKN with their lifecycle and 766 deadlines, the escalation schedule, and the two functions the
// quality index reads (its bundle's feedback and rating items).
import type { Role, ServicePrincipal } from '../../core/access/index.ts';
import { seedDemoFeedback } from './demo.ts';
import type { CalendarModule } from '../calendar/module.ts';
import type { CatalogModule } from '../catalog/module.ts';
import type { DossiersModule } from '../dossiers/module.ts';
import type { JobsModule } from '../jobs/module.ts';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import type { NotificationsModule } from '../notifications/module.ts';
import { runFeedbackEscalations } from './escalate.ts';
import { registerFeedbackRoutes } from './routes.ts';
import type { FeedbackIndexItem, RatingIndexItem } from './schema.ts';
import { createFeedbackService, type FeedbackService, type FeedbackServiceDeps, type FeedbackSettings } from './service.ts';
import { DEFAULT_RATING_CRITERIA } from '../../core/feedback/index.ts';
import { ProblemError } from '../../http/problem.ts';

export type { FeedbackIndexItem, RatingIndexItem } from './schema.ts';
export type { FeedbackService } from './service.ts';

export interface FeedbackModule extends Module {
  service: FeedbackService;
  settings: FeedbackSettings;
  /** Queues the PAKN escalations due at `now` (the schedule runs it every five minutes). */
  escalate(now: Date): Promise<number>;
  /** The 766 index's feedback items: PAKN first received in the period (local dates, inclusive). */
  feedbackIndexItems(period: { from: string; to: string; unitIds?: readonly string[] }): Promise<FeedbackIndexItem[]>;
  /** The 766 index's rating items: ratings given in the period (local dates, inclusive). */
  ratingIndexItems(period: { from: string; to: string; unitIds?: readonly string[] }): Promise<RatingIndexItem[]>;
  /** Demo ratings and PAKN over the demo dossiers (embedded first start; only into empty tables). */
  seedDemo(options?: { now?: Date }): Promise<{ ratings: number; feedback: number }>;
}

const DEMO_READER: ServicePrincipal = { kind: 'service', accountId: '00000000-0000-4000-8000-00000000fb02', fullName: 'Dữ liệu mẫu', method: 'token', permissions: ['dossier.read'] };

export interface FeedbackModuleDeps extends ModuleDeps {
  calendar: Pick<CalendarModule, 'service'>;
  catalog: Pick<CatalogModule, 'publishedVersion'>;
  dossiers: Pick<DossiersModule, 'service'>;
  jobs: Pick<JobsModule, 'schedule'>;
  notifications: Pick<NotificationsModule, 'notify'>;
  officersCovering: (role: Role, unitId: string) => Promise<Array<{ accountId: string; name: string; email: string | null; phone: string | null }>>;
  now?: () => Date;
}

export function feedbackSettingsOf(config: ModuleDeps['config']): FeedbackSettings {
  return {
    criteria: config.RATING_CRITERIA ?? DEFAULT_RATING_CRITERIA,
    changeDays: config.RATING_CHANGE_DAYS,
    windows: {
      rejectWorkingDays: config.FEEDBACK_REJECT_DAYS,
      firstSupplementWorkingDays: config.FEEDBACK_SUPPLEMENT_DAYS,
      processWorkingDays: config.FEEDBACK_PROCESS_DAYS,
      publishWorkingDays: config.FEEDBACK_PUBLISH_DAYS,
    },
    ...(config.FEEDBACK_DEFAULT_UNIT ? { defaultUnitId: config.FEEDBACK_DEFAULT_UNIT } : {}),
  };
}

export function createFeedbackModule(deps: FeedbackModuleDeps): FeedbackModule {
  const { config } = deps;
  const settings = feedbackSettingsOf(config);
  const calendar = () => deps.calendar.service.calendar();
  const serviceDeps: Omit<FeedbackServiceDeps, 'now'> = {
    db: deps.db,
    units: deps.units,
    calendar,
    dossierSubject: (code) => deps.dossiers.service.subject(code),
    procedure: async (code) => {
      try {
        const { procedure, version } = await deps.catalog.publishedVersion(code);
        return { ownerUnitId: procedure.ownerUnitId, name: version.content.name };
      } catch (error) {
        if (error instanceof ProblemError && error.code === 'not_found') return undefined;
        throw error;
      }
    },
    settings,
  };
  const service = createFeedbackService({ ...serviceDeps, ...(deps.now ? { now: deps.now } : {}) });
  async function seedDemo(options: { now?: Date } = {}) {
    const clock = { now: options.now ?? new Date() };
    const clocked = createFeedbackService({ ...serviceDeps, now: () => clock.now });
    return seedDemoFeedback(
      {
        db: deps.db,
        service: clocked,
        clock,
        criteria: settings.criteria,
        returnedDossiers: async () => {
          const page = await deps.dossiers.service.search(DEMO_READER, { status: 10, limit: 100 });
          return page.items.filter((d) => d.code !== null).map((d) => ({ id: d.id, code: d.code!, procedureCode: d.procedureCode, handlingUnitId: d.handlingUnitId }));
        },
      },
      options,
    );
  }
  const escalate = (now: Date) => runFeedbackEscalations({ db: deps.db, calendar, notifications: deps.notifications, officersCovering: deps.officersCovering }, now);
  deps.jobs.schedule('feedback-escalations', '*/5 * * * *', async ({ tick }) => {
    await escalate(tick);
  });
  return {
    service,
    settings,
    escalate,
    feedbackIndexItems: (period) => service.feedbackIndexItems(period),
    ratingIndexItems: (period) => service.ratingIndexItems(period),
    seedDemo,
    async register(app) {
      await app.register(
        async (api) =>
          registerFeedbackRoutes(api, {
            feedback: service,
            publicWriteLimit: { max: config.FEEDBACK_PUBLIC_WRITES_PER_MINUTE, timeWindow: 60_000 },
            secureCookies: config.COOKIE_SECURE ?? config.PUBLIC_URL?.startsWith('https:') ?? false,
          }),
        { prefix: API_PREFIX },
      );
    },
  };
}
