// Test support of the dossiers module: an app with units, one published procedure whose workflow
// has every step, the officers of its units and a citizen of the static prefill source.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ServicePrincipal } from '../../core/access/index.ts';
import type { ProcedureContent } from '../../core/catalog/types.ts';
import { createCatalogTestApp, sampleContent, TEST_CITIZEN_ID, type CatalogTestApp } from '../catalog/testing.ts';
import { seedUnits } from '../identity/module.ts';
import { createCalendarModule } from '../calendar/module.ts';
import { generateDossiers, type GenerateOptions } from './generate.ts';
import { DEFAULT_OFFICERS } from './synthetic.ts';
import type { ResultSigner } from '../results/module.ts';

export const TEST_PROCEDURE_CODE = '1.009901';
export { TEST_CITIZEN_ID };

/** The full workflow B1–B7 (receipt at the ministry's One-Stop Unit, processing at the IP office). */
export function workflowContent(overrides: Partial<ProcedureContent> = {}): ProcedureContent {
  return sampleContent({
    implementingUnits: [
      { unitId: 'bo-phan-mot-cua', role: 'receives' },
      { unitId: 'cuc-shtt', role: 'decides' },
      { unitId: 'cuc-shtt-sang-che', role: 'processes' },
    ],
    processingTime: { value: 10, unit: 'working_days', skipDaysOff: false },
    steps: [
      { kind: 'receive', role: 'receiver', budget: { value: 0.5, unit: 'working_days' } },
      { kind: 'transfer', role: 'receiver', budget: { value: 0.5, unit: 'working_days' } },
      { kind: 'assign', role: 'unit_leader', budget: { value: 1, unit: 'working_days' } },
      { kind: 'examine', role: 'specialist', budget: { value: 5, unit: 'working_days' } },
      { kind: 'approve', role: 'unit_leader', budget: { value: 1, unit: 'working_days' } },
      { kind: 'sign_issue', role: 'unit_leader', budget: { value: 1, unit: 'working_days' } },
      { kind: 'return', role: 'receiver', budget: { value: 1, unit: 'working_days' } },
    ],
    ...overrides,
  });
}

const catalogAdmin: ServicePrincipal = {
  kind: 'service',
  accountId: '00000000-0000-4000-8000-000000000001',
  fullName: 'test catalog',
  method: 'token',
  permissions: ['catalog.edit', 'catalog.publish', 'catalog.read_drafts'],
};

export interface DossierTestApp extends CatalogTestApp {
  dataDir: string;
}

export async function createDossierTestApp(options: { content?: ProcedureContent; env?: Record<string, string>; resultSigner?: ResultSigner } = {}): Promise<DossierTestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-dossiers-'));
  const t = await createCatalogTestApp({
    env: { DATA_DIR: dataDir, ...(process.env.TEST_LOG_LEVEL ? { LOG_LEVEL: process.env.TEST_LOG_LEVEL } : {}), ...options.env },
    ...(options.resultSigner ? { resultSigner: options.resultSigner } : {}),
  });
  await seedUnits(t.db);
  t.app.units.invalidate();
  await publishProcedure(t, TEST_PROCEDURE_CODE, options.content ?? workflowContent());
  return {
    ...t,
    dataDir,
    close: async () => {
      await t.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function publishProcedure(t: CatalogTestApp, code: string, content: ProcedureContent): Promise<void> {
  await t.app.catalog.service.createProcedure(catalogAdmin, { code, codeStatus: 'demo', ownerUnitId: 'cuc-shtt', content });
  await t.app.catalog.service.publish(catalogAdmin, code, 1, { overrideReason: 'Thủ tục thử nghiệm cho kiểm thử tự động' });
}

/** Valid form data of the sample e-form (the prefilled fields are filled by the server). */
export const SAMPLE_FORM_DATA = { applicant: { phone: '0912345678' }, request: { title: 'Thiết bị lọc nước bằng năng lượng mặt trời', hasPriority: false } };

/**
 * Dossiers written in bulk by the generator into the test app (as the demo and the benchmarks
 * write them: no events, so the 766 facts come from `applyMissing`), their steps taken by the
 * given officers' accounts when given (the demo officers' names otherwise).
 */
export async function generateTestDossiers(
  t: DossierTestApp,
  options: GenerateOptions,
  officerIds?: { receiver: string; leader: string; specialist: string },
): Promise<number> {
  const calendar = await createCalendarModule({ config: t.config, db: t.db, units: t.app.units }).service.calendar();
  const officers = officerIds
    ? {
        receiver: { ...DEFAULT_OFFICERS.receiver, id: officerIds.receiver },
        leader: { ...DEFAULT_OFFICERS.leader, id: officerIds.leader },
        specialist: { ...DEFAULT_OFFICERS.specialist, id: officerIds.specialist },
      }
    : undefined;
  return generateDossiers(
    {
      db: t.db,
      catalog: t.app.catalog,
      units: t.app.units,
      calendar,
      rules: { paymentPausesClock: t.config.DOSSIER_PAYMENT_PAUSES_CLOCK, apologyMarginWorkingDays: t.config.DOSSIER_APOLOGY_MARGIN_DAYS },
      codes: { format: t.config.DOSSIER_CODE_FORMAT, systemCode: t.config.DOSSIER_CODE_SYSTEM_CODE },
      ...(officers ? { officers } : {}),
    },
    options,
  );
}
