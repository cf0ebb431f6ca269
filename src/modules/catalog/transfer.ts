// Import and export of the catalog. JSON is the lossless exchange format (CatalogExchange); the
// Excel workbook (excel.ts) is read into the same structure. Import validates everything first
// (structure, units, rights, the publication checks) and changes nothing when anything is wrong;
// then applies all procedures in one transaction.
import { subtreeOf, unitsWhere, type Principal } from '../../core/access/index.ts';
import { jsonEqual } from '../../core/eforms/ui-schema.ts';
import type { Localized } from '../../http/language.ts';
import { ProblemError } from '../../http/problem.ts';
import { recordAudit } from '../audit/service.ts';
import type { CatalogExchange, CatalogExchangeProcedure } from './schema.ts';
import { canImportInto } from './policy.ts';
import { conflictOnUnique, type Actor, type CatalogCore } from './service.ts';
import {
  findProcedureByCode,
  findVersionByStatus,
  latestVersion,
  listProcedures,
  setCodeStatus,
  type ProcedureRow,
  type VersionRow,
} from './store.ts';
import { snapshotUnits } from './views.ts';

/** Where an error is in the imported file: a JSON pointer, and for Excel the sheet, row and column. */
export interface ImportLocation {
  pointer: string;
  sheet?: string;
  row?: number;
  column?: string;
  header?: string;
}

/** Maps (procedure index, pointer inside that procedure) to the location in the file. */
export type ImportLocator = (index: number, pointer: string) => ImportLocation;

export const jsonLocator: ImportLocator = (index, pointer) => ({ pointer: `/body/procedures/${index}${pointer}` });

export interface ImportError extends ImportLocation {
  code: string;
  procedure?: string;
  message: Localized;
}

export interface ImportOptions {
  publish: boolean;
  dryRun: boolean;
}

export type ImportAction = 'created' | 'new_version' | 'draft_updated' | 'unchanged';

class DryRunRollback extends Error {}

/** A 422 problem listing import errors (per sheet/row/column for Excel), Vietnamese first. */
export function importProblem(errors: ImportError[]): ProblemError {
  return new ProblemError('validation', {
    detail: {
      vi: `Tệp nhập có ${errors.length} lỗi; chưa có gì được thay đổi.`,
      en: `The import file has ${errors.length} error(s); nothing was changed.`,
    },
    errors: errors.map((e) => ({ pointer: e.pointer, code: e.code, message: e.message })),
    extensions: {
      importErrors: errors.map((e) => ({
        ...(e.procedure ? { procedure: e.procedure } : {}),
        ...(e.sheet ? { sheet: e.sheet, row: e.row, column: e.column, header: e.header } : {}),
        pointer: e.pointer,
        code: e.code,
        message: e.message,
      })),
    },
  });
}

export async function importCatalog(
  core: CatalogCore,
  actor: Actor,
  exchange: CatalogExchange,
  options: ImportOptions,
  locate: ImportLocator = jsonLocator,
  requestId?: string,
) {
  const { db, units } = core;
  const snap = await snapshotUnits(units);
  const tree = await units.tree();
  const errors: ImportError[] = [];
  const fail = (i: number, pointer: string, code: string, message: Localized) =>
    errors.push({ ...locate(i, pointer), code, procedure: exchange.procedures[i]?.code, message });

  const existing = new Map<string, ProcedureRow>();
  for (const p of exchange.procedures) {
    const found = await findProcedureByCode(db, p.code);
    if (found) existing.set(p.code, found);
  }
  const seen = new Map<string, number>();
  const forbidden: string[] = [];
  for (const [i, p] of exchange.procedures.entries()) {
    const first = seen.get(p.code);
    if (first !== undefined) {
      fail(i, '/code', 'duplicate_code', {
        vi: `Mã thủ tục ${p.code} xuất hiện nhiều lần (lần đầu ở thủ tục thứ ${first + 1}).`,
        en: `Procedure code ${p.code} appears more than once (first as procedure ${first + 1}).`,
      });
    }
    seen.set(p.code, i);
    if (!snap.ids.has(p.ownerUnitId)) {
      fail(i, '/ownerUnitId', 'unit_unknown', { vi: `Không có đơn vị "${p.ownerUnitId}".`, en: `There is no unit "${p.ownerUnitId}".` });
    }
    const current = existing.get(p.code);
    if (current && current.ownerUnitId !== p.ownerUnitId) {
      fail(i, '/ownerUnitId', 'owner_mismatch', {
        vi: `Thủ tục ${p.code} thuộc đơn vị ${current.ownerUnitId}, không đổi được đơn vị chủ quản khi nhập.`,
        en: `Procedure ${p.code} belongs to unit ${current.ownerUnitId}; import cannot change its owner.`,
      });
    }
    if (actor.principal && !canImportInto(actor.principal, current?.ownerUnitId ?? p.ownerUnitId, options.publish, tree)) {
      forbidden.push(p.code);
    }
    const result = core.check(p.content, snap);
    for (const e of result.errors) fail(i, `/content${e.pointer}`, e.code, { vi: `${e.field.vi}: ${e.message.vi}`, en: `${e.field.en}: ${e.message.en}` });
    // Publishing on import needs every public part (Decree 63/2010 Art. 8(2)); there is no
    // override on import: publish such a procedure on its own, with a reason.
    if (options.publish && !result.publicParts.complete) {
      fail(i, '/content', 'publication_incomplete', {
        vi: `Thiếu bộ phận phải công khai: ${result.publicParts.items.filter((x) => !x.present).map((x) => x.label.vi).join('; ')}.`,
        en: `Missing parts that must be public: ${result.publicParts.items.filter((x) => !x.present).map((x) => x.label.en).join('; ')}.`,
      });
    }
  }
  if (forbidden.length > 0) {
    throw new ProblemError('forbidden', {
      detail: {
        vi: `Bạn không có quyền soạn thảo${options.publish ? ' và công bố' : ''} thủ tục của đơn vị chủ quản các thủ tục: ${forbidden.join(', ')}. Chưa có gì được thay đổi.`,
        en: `You may not edit${options.publish ? ' and publish' : ''} procedures of the owning unit of: ${forbidden.join(', ')}. Nothing was changed.`,
      },
      extensions: { procedures: forbidden },
    });
  }
  if (errors.length > 0) throw importProblem(errors);

  const results: Array<{ code: string; action: ImportAction; versionNumber: number; status: VersionRow['status']; warnings: number }> = [];
  try {
    await conflictOnUnique(() =>
      db.transaction().execute(async (trx) => {
        for (const item of exchange.procedures) {
          const warnings = core.check(item.content, snap).warnings.length;
          let procedure = await findProcedureByCode(trx, item.code, true);
          let action: ImportAction;
          let version: VersionRow;
          if (!procedure) {
            const created = await core.createProcedureTx(trx, snap, actor, item, requestId);
            procedure = created.procedure;
            version = created.version;
            action = 'created';
          } else {
            if (procedure.codeStatus !== item.codeStatus) {
              await setCodeStatus(trx, procedure.id, item.codeStatus);
              await recordAudit(trx, {
                actor: actor.audit,
                action: 'catalog.procedure.code_status',
                entity: 'procedure',
                entityId: item.code,
                before: { codeStatus: procedure.codeStatus },
                after: { codeStatus: item.codeStatus },
                requestId,
              });
            }
            const draft = await findVersionByStatus(trx, procedure.id, 'draft', true);
            if (draft) {
              if (jsonEqual(draft.content, item.content)) {
                version = draft;
                action = 'unchanged';
              } else {
                version = await core.updateDraftTx(trx, snap, actor, procedure, draft, item.content, requestId);
                action = 'draft_updated';
              }
            } else {
              const latest = (await findVersionByStatus(trx, procedure.id, 'published')) ?? (await latestVersion(trx, procedure.id));
              if (latest && latest.status === 'published' && jsonEqual(latest.content, item.content)) {
                version = latest;
                action = 'unchanged';
              } else {
                version = await core.createDraftTx(trx, snap, actor, procedure, item.content, undefined, requestId);
                action = 'new_version';
              }
            }
          }
          if (options.publish && version.status === 'draft') {
            version = (await core.publishTx(trx, snap, actor, procedure, version, requestId)).version;
          }
          results.push({ code: item.code, action, versionNumber: version.number, status: version.status, warnings });
        }
        await recordAudit(trx, {
          actor: actor.audit,
          action: 'catalog.import',
          entity: 'catalog',
          entityId: 'import',
          before: null,
          after: { publish: options.publish, procedures: results.map((r) => ({ code: r.code, action: r.action, version: r.versionNumber })) },
          requestId,
        });
        if (options.dryRun) throw new DryRunRollback();
      }),
    );
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return { dryRun: options.dryRun, published: options.publish, results };
}

/** The catalog (procedures owned by units the caller may read, or all for the system) as exchange JSON. */
export async function exportCatalog(
  core: CatalogCore,
  principal: Principal | 'system',
  options: { unit?: string | undefined; which: 'latest' | 'published' },
  now = new Date(),
): Promise<CatalogExchange> {
  const { db, units } = core;
  const tree = await units.tree();
  let owners: string[] | undefined;
  if (principal !== 'system') {
    owners = unitsWhere(principal, 'catalog.read_drafts', tree);
    if (owners.length === 0) {
      throw new ProblemError('forbidden', {
        detail: { vi: 'Cần quyền xem bản nháp thủ tục (catalog.read_drafts) ở một đơn vị.', en: 'Requires catalog.read_drafts in some unit.' },
      });
    }
  }
  if (options.unit) {
    const sub = new Set(subtreeOf(tree, options.unit));
    owners = owners ? owners.filter((o) => sub.has(o)) : [...sub];
  }
  const procedures: CatalogExchangeProcedure[] = [];
  for (const p of await listProcedures(db, owners)) {
    const version =
      options.which === 'published'
        ? await findVersionByStatus(db, p.id, 'published')
        : ((await findVersionByStatus(db, p.id, 'draft')) ?? (await latestVersion(db, p.id)));
    if (!version) continue;
    procedures.push({ code: p.code, codeStatus: p.codeStatus, ownerUnitId: p.ownerUnitId, content: version.content });
  }
  return { format: 'motcua.catalog', formatVersion: 1, exportedAt: now.toISOString(), procedures };
}
