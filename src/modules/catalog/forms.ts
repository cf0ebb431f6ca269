// E-form data: validation of form data against a version's schema with prefill (validate), and
// saving it for the logged-in applicant pinned to that version (submissions). The data of a
// submission keeps the rules of its version: re-validation uses the pinned version, whatever
// was published since.
import { can, requiredAcr, type Principal } from '../../core/access/index.ts';
import { applyPrefill, type CatalogPrefillValues, type PrefillBinding, type PrefillInput, type PrefillOutcome } from '../../core/eforms/prefill.ts';
import { getAt } from '../../core/eforms/ui-schema.ts';
import { compileEform, type CompiledEform, type FormFieldError } from '../../core/eforms/validate.ts';
import { findPrefillAttribute } from '../../core/prefill/attributes.ts';
import { assertCan, unauthenticated } from '../../http/access.ts';
import { ProblemError } from '../../http/problem.ts';
import { canReadSubmission } from './policy.ts';
import type { PrefillSource } from './prefill-source.ts';
import type { CatalogCore } from './service.ts';
import { findProcedureById, findSubmission, findVersionById, insertSubmission, type ProcedureRow, type VersionRow } from './store.ts';
import { displayUnitOf, snapshotUnits } from './views.ts';

const CACHE_SIZE = 500;

export function createFormService(core: CatalogCore, prefillSource: PrefillSource) {
  const { db, units, ajv } = core;
  // Compiled validators by version and revision (a published version never changes; a draft's
  // revision changes on every edit). Oldest evicted first.
  const cache = new Map<string, CompiledEform>();

  function compiled(version: VersionRow): CompiledEform {
    const key = `${version.id}:${version.revision}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const form = compileEform(ajv, structuredClone(version.content.eform));
    cache.set(key, form);
    if (cache.size > CACHE_SIZE) {
      const [oldestKey, oldest] = cache.entries().next().value as [string, CompiledEform];
      cache.delete(oldestKey);
      ajv.removeSchema(oldest.definition.schema);
    }
    return form;
  }

  async function catalogValues(procedure: ProcedureRow, version: VersionRow): Promise<CatalogPrefillValues> {
    const snap = await snapshotUnits(units);
    const unit = snap.byId.get(displayUnitOf(version.content, procedure.ownerUnitId));
    return {
      'catalog.procedureCode': procedure.code,
      'catalog.procedureName': version.content.name,
      'catalog.fieldName': version.content.field.name,
      ...(unit ? { 'catalog.unitName': unit.nameVi, 'catalog.unitAgencyCode': unit.agencyCode } : {}),
    };
  }

  async function prefillFor(principal: Principal | undefined, requestId?: string): Promise<PrefillInput> {
    if (!principal || principal.kind === 'officer') return { status: 'not_applicable' };
    const found = await prefillSource.valuesFor(principal, requestId ? { requestId } : {});
    return 'unavailable' in found ? { status: 'unavailable', ...(found.reason ? { reason: found.reason } : {}) } : { status: 'applied', source: found.source, values: found.values };
  }

  /**
   * Sensitive values (core/prefill/attributes.ts `sensitive`) need `form.prefill_sensitive`, an
   * e-ID at level 2 (Decree 69/2024): below it they are left empty and reported as withheld.
   */
  function withholdSensitive(principal: Principal | undefined, input: PrefillInput, bindings: readonly PrefillBinding[], tree: Parameters<typeof can>[3]) {
    if (input.status !== 'applied' || input.source === 'test') return { input, withheld: [] as Array<{ pointer: string; attribute: string }> };
    if (can(principal, 'form.prefill_sensitive', 'any', tree)) return { input, withheld: [] };
    const values = { ...input.values };
    const withheld: Array<{ pointer: string; attribute: string }> = [];
    for (const b of bindings) {
      if (!findPrefillAttribute(b.attribute)?.sensitive || values[b.attribute] === undefined) continue;
      delete values[b.attribute];
      withheld.push({ pointer: b.pointer, attribute: b.attribute });
    }
    for (const name of Object.keys(values)) if (findPrefillAttribute(name)?.sensitive) delete values[name];
    return { input: { ...input, values }, withheld };
  }

  const report = (o: PrefillOutcome, bindings: readonly PrefillBinding[], withheld: Array<{ pointer: string; attribute: string }>) => {
    const filled = new Set(o.prefilled.map((f) => f.pointer));
    const held = new Set(withheld.map((w) => w.pointer));
    return {
      status: o.status,
      ...(o.source ? { source: o.source } : {}),
      fields: o.prefilled,
      // Bound fields that were not filled (no such value for this account, or prefill unavailable):
      // the applicant fills them.
      missing: bindings
        .filter((b) => !filled.has(b.pointer) && !held.has(b.pointer))
        .map((b) => ({ pointer: b.pointer, attribute: b.attribute, source: b.source })),
      withheld,
      ...(withheld.length > 0 ? { requiredAcr: requiredAcr('form.prefill_sensitive') ?? 'LoA2' } : {}),
      overrides: o.overrides,
      replaced: o.replaced,
    };
  };

  const invalid = (errors: FormFieldError[], prefill: ReturnType<typeof report>, data: Record<string, unknown>, base = '/body/data') =>
    new ProblemError('validation', {
      detail: {
        vi: `Biểu mẫu có ${errors.length} trường chưa hợp lệ.`,
        en: `${errors.length} field(s) of the form are not valid.`,
      },
      errors: errors.map((e) => ({ pointer: `${base}${e.pointer}`, code: e.code, message: e.message })),
      // The data as normalized and prefilled, so a form can show the prefilled values beside the errors.
      extensions: { prefill, data },
    });

  async function run(principal: Principal | undefined, procedure: ProcedureRow, version: VersionRow, data: Record<string, unknown>, given: PrefillInput) {
    const form = compiled(version);
    const { input, withheld } = withholdSensitive(principal, given, form.bindings, await units.tree());
    const prefilled = applyPrefill(form.bindings, form.normalize(data), input, await catalogValues(procedure, version));
    // Normalize again: a prefilled field in a hidden section is dropped like any hidden value.
    const finalData = form.normalize(prefilled.data);
    const kept = (p: { pointer: string }) => getAt(finalData, p.pointer) !== undefined;
    const outcome: PrefillOutcome = {
      ...prefilled,
      data: finalData,
      prefilled: prefilled.prefilled.filter(kept),
      overrides: prefilled.overrides.filter(kept),
      replaced: prefilled.replaced.filter(kept),
    };
    const result = form.validateNormalized(finalData);
    return { outcome, result, prefill: report(outcome, form.bindings, withheld) };
  }

  async function validateVersion(
    principal: Principal | undefined,
    found: { procedure: ProcedureRow; version: VersionRow },
    body: { data: Record<string, unknown>; testPrefill?: Record<string, string> | undefined },
    requestId?: string,
  ) {
    const { procedure, version } = found;
    await core.assertReadable(principal, procedure, version);
    let input: PrefillInput;
    if (body.testPrefill) {
      assertCan(principal, 'catalog.read_drafts', procedure.ownerUnitId, await units.tree());
      input = { status: 'applied', source: 'test', values: body.testPrefill };
    } else {
      input = await prefillFor(principal, requestId);
    }
    const { result, prefill } = await run(principal, procedure, version, body.data, input);
    if (!result.valid) throw invalid(result.errors, prefill, result.data);
    return { valid: true as const, data: result.data, prefill };
  }

  async function load(code: string, n: number) {
    const procedure = await core.getProcedure(db, code);
    const version = await core.getVersion(db, procedure, n);
    return { procedure, version };
  }

  return {
    /** Validates form data under a version (published ones: anyone; drafts: the owning unit's admins and auditors). */
    async validate(
      principal: Principal | undefined,
      code: string,
      n: number,
      body: { data: Record<string, unknown>; testPrefill?: Record<string, string> | undefined },
      requestId?: string,
    ) {
      return validateVersion(principal, await load(code, n), body, requestId);
    },

    /** `validate` of a version the caller has just read (a new dossier's published version). */
    validateVersion,

    /** Saves validated form data for the logged-in citizen or organization, pinned to the version. */
    async submit(principal: Principal | undefined, code: string, n: number, body: { data: Record<string, unknown> }, requestId?: string) {
      const p = assertCan(principal, 'form.submit', 'any', await units.tree());
      const { procedure, version } = await load(code, n);
      if (version.status !== 'published') {
        throw new ProblemError('conflict', {
          detail: {
            vi: `Phiên bản ${n} của thủ tục ${code} không còn áp dụng (${version.status}); hãy điền theo phiên bản đang công bố.`,
            en: `Version ${n} of procedure ${code} is not current (${version.status}); fill in the published version.`,
          },
        });
      }
      const { outcome, result, prefill } = await run(p, procedure, version, body.data, await prefillFor(p, requestId));
      if (!result.valid) throw invalid(result.errors, prefill, result.data);
      const saved = await db.transaction().execute((trx) =>
        insertSubmission(trx, {
          accountId: p.accountId,
          versionId: version.id,
          data: result.data,
          prefilled: outcome.prefilled,
          overrides: outcome.overrides,
          prefillStatus: outcome.status,
          prefillSource: outcome.source ?? null,
        }),
      );
      return {
        id: saved.id,
        procedureCode: procedure.code,
        versionNumber: version.number,
        versionStatus: version.status,
        data: saved.data,
        prefill,
        createdAt: saved.createdAt.toISOString(),
      };
    },

    /**
     * A saved submission, re-validated under the rules of the version it was filled under (the
     * applicant who saved it, or the owning unit's admins and auditors).
     */
    async getSubmission(principal: Principal | undefined, id: string) {
      if (!principal) throw unauthenticated();
      const p = principal;
      const submission = await findSubmission(db, id);
      const version = submission ? await findVersionById(db, submission.versionId) : undefined;
      const procedure = version ? await findProcedureById(db, version.procedureId) : undefined;
      const notFound = new ProblemError('not_found', { detail: { vi: 'Không có biểu mẫu đã lưu này.', en: 'No such saved form.' } });
      if (!submission || !version || !procedure) throw notFound;
      if (!canReadSubmission(p, submission, procedure.ownerUnitId, await units.tree())) throw notFound;
      const form = compiled(version);
      const check = form.validateNormalized(structuredClone(submission.data));
      return {
        id: submission.id,
        procedureCode: procedure.code,
        versionNumber: version.number,
        versionStatus: version.status,
        data: submission.data,
        prefill: {
          status: submission.prefillStatus,
          ...(submission.prefillSource ? { source: submission.prefillSource } : {}),
          fields: submission.prefilled,
          missing: [],
          withheld: [],
          overrides: submission.overrides,
          replaced: [],
        },
        createdAt: submission.createdAt.toISOString(),
        validation: { valid: check.valid, errors: check.errors },
      };
    },
  };
}

export type FormService = ReturnType<typeof createFormService>;
