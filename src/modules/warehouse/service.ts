// Use cases of the warehouse module:
// - the owner's data warehouse (Decree 45/2020 Art. 16): list, upload, remove what they uploaded,
//   download, take documents from the national portal's warehouse;
// - recordIssuedResult, for the signed results: an issued result becomes a document of its owner;
// - a paper component digitized and verified at the counter (intake or supplement) becomes a
//   document of the applicant's warehouse when its catalog entry accepts a warehouse document type;
// - the intake of a dossier's components (called by the dossiers module inside its intake
//   transaction): digitization at receipt for counter and postal dossiers (Circular 01/2023 Art.
//   8(2), exemptions of Circular 03/2025 Art. 5(2)), the reuse of warehouse documents, components
//   replaced by population data; each recorded per component, with the portal's flags;
// - the digitization figures per unit and procedure.
import type { Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import { can, subtreeOf, unitsWhere, type Principal } from '../../core/access/index.ts';
import { toLocalDate } from '../../core/calendar/index.ts';
import type { ProcedureContent } from '../../core/catalog/types.ts';
import {
  CHECK_LABELS,
  componentFlagKey,
  DOCUMENT_TYPE_NAMES,
  decidePaperComponent,
  digitizedDocumentOf,
  flagsOf,
  isValidOn,
  satisfies,
  type ComponentFlags,
  type ComponentSource,
  type DigitizationInput,
  type DigitizedDocument,
  type FlagSettings,
} from '../../core/digitization/index.ts';
import type { DB } from '../../db/types.ts';
import { assertCan, forbiddenFor, unauthenticated } from '../../http/access.ts';
import { ProblemError } from '../../http/problem.ts';
import { actorOf } from '../audit/service.ts';
import type { CatalogModule } from '../catalog/module.ts';
import type { FilesModule } from '../files/module.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import type { NationalWarehouseClient } from './national.ts';
import { NationalWarehouseError } from './national.ts';
import type { WarehouseDocument } from './schema.ts';
import {
  addDocumentFiles,
  componentRecords,
  deleteDocumentFiles,
  digitizationStats,
  documentFiles,
  documentsByIds,
  findOwnerDocument,
  insertComponentRecords,
  insertDigitization,
  insertDocument,
  insertReuse,
  markRemoved,
  ownerDocuments,
  reusesOf,
  setReuseCodes,
  updateDigitization,
  type ComponentRecordRow,
  type DocumentRow,
  type Owner,
} from './store.ts';
import type { Provenance } from './tables.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface WarehouseSettings extends FlagSettings {
  digitizationMode: 'required' | 'warn';
  /** Whether a refusal counts among the results in the figures (DIGITIZATION_REFUSALS_ARE_RESULTS). */
  refusalsAreResults: boolean;
}

export interface WarehouseServiceDeps {
  db: Kysely<DB>;
  units: UnitDirectory;
  files: Pick<FilesModule, 'service' | 'duplicate' | 'detachAll' | 'attach' | 'findFiles' | 'sendFile'>;
  catalog: Pick<CatalogModule, 'publishedVersion'>;
  national: NationalWarehouseClient;
  settings: WarehouseSettings;
  now?: () => Date;
}

/** A component as the dossier intake receives it. */
export interface IntakeComponent {
  code: string;
  fileIds: string[];
  digitization?: DigitizationInput | undefined;
  warehouseDocumentIds?: string[] | undefined;
}

export interface IntakeInput {
  principal: Principal;
  /** 1 direct, 2 online, 3 postal (KenhThucHien). */
  channel: number;
  dossierId: string;
  /** The unit that handles the dossier (its figures are counted there). */
  unitId: string;
  procedureCode: string;
  content: ProcedureContent;
  components: readonly IntakeComponent[];
  at: Date;
  /** Whose warehouse a paper digitized and verified at the counter goes to (the applicant's). */
  applicant: Owner;
}

export interface SupplementInput {
  principal: Principal;
  /** Papers handed in at the counter or by post (a receiver records them), not an online upload. */
  paper: boolean;
  dossierId: string;
  content: ProcedureContent;
  components: readonly IntakeComponent[];
  at: Date;
  /** The seq of the submit_supplement row. */
  seq: number;
  /** Whose warehouse a paper digitized and verified at the counter goes to (the applicant's). */
  applicant: Owner;
}

export interface IntakeResult {
  /** The components with the files reused from the warehouse added (fresh rows for the submitter to attach). */
  components: Array<{ code: string; fileIds: string[] }>;
  /** Components satisfied without a file (exempt from digitization, or taken from the warehouse). */
  satisfied: ReadonlySet<string>;
}

export interface IssuedResultInput {
  /** The owner: their account's identifier, or given directly (a counter applicant with no account). */
  ownerKind: 'citizen' | 'organization';
  ownerIdentifier: string;
  documentType: string;
  title?: string;
  issuer: string;
  number: string;
  /** YYYY-MM-DD (local). */
  issuedOn: string;
  validUntil?: string | null;
  /** The issued file (already stored by the files module; a copy of its row is attached to the document). */
  fileId: string;
  /** The result's code (MaGiayToKetQua / MaKetQua): what MaKetQuaThayThe names when it is reused. */
  resultCode: string;
  dossierId: string;
  /** The account recording it (the signing officer or the service); files are recorded as theirs. */
  recordedBy: string;
}

const notFound = () => new ProblemError('not_found', { detail: { vi: 'Không có giấy tờ này trong kho dữ liệu.', en: 'No such document in the data warehouse.' } });

export function ownerOf(p: Principal | undefined): Owner {
  if (!p) throw unauthenticated();
  if (p.kind === 'citizen') return { kind: 'citizen', identifier: p.personalId };
  if (p.kind === 'organization') return { kind: 'organization', identifier: p.taxCode };
  throw forbiddenFor('warehouse.own');
}

/** The portal flags of a dossier's component records, keyed by componentFlagKey (code, and the seq of a supplement). */
export function flagsByComponent(rows: ReadonlyArray<Pick<ComponentRecordRow, 'component_code' | 'added_seq' | 'source' | 'result_code'>>, settings: FlagSettings): Map<string, ComponentFlags> {
  return new Map(rows.map((r) => [componentFlagKey(r.component_code, r.added_seq), flagsOf(r.source, r.result_code, settings)]));
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function createWarehouseService(deps: WarehouseServiceDeps) {
  const { db, files, settings } = deps;
  const now = deps.now ?? (() => new Date());

  async function present(rows: DocumentRow[], tx: Executor = db): Promise<WarehouseDocument[]> {
    const ids = rows.map((r) => r.id);
    const [fileRows, reuses] = await Promise.all([documentFiles(tx, ids), reusesOf(tx, ids)]);
    const today = toLocalDate(now());
    return rows.map((r) => ({
      id: r.id,
      documentType: r.document_type,
      documentTypeName: DOCUMENT_TYPE_NAMES[r.document_type] ?? r.document_type,
      title: r.title,
      issuer: r.issuer,
      number: r.number,
      issuedOn: r.issued_on,
      validUntil: r.valid_until,
      valid: isValidOn({ issuedOn: r.issued_on, validUntil: r.valid_until }, today),
      provenance: r.provenance,
      resultCode: r.result_code,
      removable: r.provenance === 'owner_upload',
      createdAt: iso(r.created_at)!,
      files: fileRows.filter((f) => f.document_id === r.id).map((f) => ({ id: f.id, name: f.name, size: f.size, format: f.format, scanStatus: f.scan_status })),
      usedBy: reuses
        .filter((u) => u.document_id === r.id)
        .map((u) => ({ dossierId: u.dossier_id, dossierCode: u.dossier_code, componentCode: u.component_code, at: iso(u.at)! })),
    }));
  }

  /**
   * Judges the components handed in by one action (the intake, or a supplement) and builds their
   * records: a document reused from the submitter's own warehouse (online only), a paper component
   * digitized or exempted by the receiver (Circular 01/2023 Art. 8(2), Circular 03/2025 Art. 5(2)),
   * or a file uploaded online. Errors are collected, not thrown.
   */
  async function judgeComponents(
    trx: Transaction<DB>,
    input: { principal: Principal; paper: boolean; dossierId: string; content: ProcedureContent; components: readonly IntakeComponent[]; at: Date; seq: number },
  ) {
    const { principal: p, content, paper } = input;
    const byCode = new Map(content.components.map((c) => [c.code, c]));
    const errors: Array<{ pointer: string; code: string; message: { vi: string; en: string } }> = [];
    const out: Array<{ code: string; fileIds: string[] }> = [];
    const satisfied = new Set<string>();
    const records: Parameters<typeof insertComponentRecords>[1] = [];
    const actor = actorOf(p);
    const recordedBy = p.accountId;
    const today = toLocalDate(input.at);
    const reuses: Array<{ document: DocumentRow; code: string }> = [];
    // Verified scans that become documents of the applicant's warehouse (keepScans), with their record.
    const scans: Array<{ record: (typeof records)[number]; document: DigitizedDocument; fileIds: string[]; componentName: string }> = [];

    // Reuse: documents of the submitter's own warehouse only, online only.
    const wanted = input.components.flatMap((c) => c.warehouseDocumentIds ?? []);
    const owner = wanted.length > 0 && !paper && (p.kind === 'citizen' || p.kind === 'organization') ? ownerOf(p) : undefined;
    const documents = owner ? (await documentsByIds(trx, wanted)).filter((d) => d.owner_kind === owner.kind && d.owner_identifier === owner.identifier && d.removed_at === null) : [];

    for (const [i, given] of input.components.entries()) {
      const component = byCode.get(given.code);
      const fileIds = [...given.fileIds];
      if (!component) {
        out.push({ code: given.code, fileIds });
        continue; // the dossiers module reports the unknown component
      }
      let source: ComponentSource | undefined;
      let documentId: string | null = null;
      let resultCode: string | null = null;
      for (const [j, id] of (given.warehouseDocumentIds ?? []).entries()) {
        const doc = documents.find((d) => d.id === id);
        const pointer = `/body/components/${i}/warehouseDocumentIds/${j}`;
        if (paper) {
          errors.push({ pointer, code: 'reuse_online_only', message: { vi: 'Chỉ người nộp trực tuyến dùng lại giấy tờ trong kho dữ liệu của mình.', en: 'Only an online applicant reuses documents of their own warehouse.' } });
          continue;
        }
        if (!doc) {
          errors.push({ pointer, code: 'unknown_document', message: { vi: 'Không có giấy tờ này trong kho dữ liệu của bạn.', en: 'No such document in your data warehouse.' } });
          continue;
        }
        if (!satisfies(component, doc.document_type)) {
          errors.push({ pointer, code: 'document_type_mismatch', message: { vi: `Loại giấy tờ này không thay thế được thành phần ${component.name}.`, en: `This document type does not satisfy ${component.name}.` } });
          continue;
        }
        if (!isValidOn({ issuedOn: doc.issued_on, validUntil: doc.valid_until }, today)) {
          errors.push({ pointer, code: 'document_expired', message: { vi: 'Giấy tờ đã hết hiệu lực.', en: 'The document is no longer valid.' } });
          continue;
        }
        for (const f of await documentFiles(trx, [doc.id])) {
          const copy = await files.duplicate(trx, f.id, null, recordedBy);
          if (copy) fileIds.push(copy.id);
        }
        source = doc.provenance === 'national_warehouse' ? 'national_warehouse' : 'warehouse';
        documentId = doc.id;
        resultCode = doc.result_code;
        reuses.push({ document: doc, code: component.code });
        satisfied.add(component.code);
      }
      const base = {
        dossier_id: input.dossierId,
        component_code: component.code,
        added_seq: input.seq,
        recorded_by: recordedBy,
        recorded_by_label: actor.label,
        recorded_at: input.at,
        warehouse_document_id: documentId,
        result_code: resultCode,
      };
      if (source) {
        records.push({ ...base, source, page_count: null, checks: null, exemption: null, note: null });
      } else if (paper) {
        const decision = decidePaperComponent({ fileCount: given.fileIds.length, digitization: given.digitization }, settings.digitizationMode);
        const d = given.digitization;
        if (!decision.ok) {
          const pointer = `/body/components/${i}/digitization`;
          if (decision.error === 'checks_failed') {
            errors.push({ pointer, code: 'checks_failed', message: { vi: `Chưa đạt yêu cầu kiểm tra: ${decision.failed.map((c) => CHECK_LABELS[c].vi).join('; ')}.`, en: `Checks not met: ${decision.failed.map((c) => CHECK_LABELS[c].en).join('; ')}.` } });
          } else if (decision.error === 'files_missing') {
            errors.push({ pointer: `/body/components/${i}/fileIds`, code: 'scan_missing', message: { vi: `Chưa đính kèm bản số hóa của ${component.name}.`, en: `The digitized copy of ${component.name} is not attached.` } });
          } else {
            errors.push({ pointer, code: 'not_digitized', message: { vi: `Thành phần ${component.name} chưa được số hóa hoặc chọn lý do không số hóa.`, en: `${component.name} is neither digitized nor exempted.` } });
          }
        } else {
          const kept = digitizedDocumentOf(component, decision.source, d);
          if (!kept.ok) {
            if (kept.error === 'document_type_mismatch') {
              errors.push({ pointer: `/body/components/${i}/digitization/document/documentType`, code: 'document_type_mismatch', message: { vi: `Loại giấy tờ này không thay thế được thành phần ${component.name}.`, en: `This document type does not satisfy ${component.name}.` } });
            } else {
              errors.push({ pointer: `/body/components/${i}/digitization/document/validUntil`, code: 'document_dates', message: { vi: 'Ngày hết hiệu lực không được trước ngày cấp.', en: 'The validity cannot end before the issue date.' } });
            }
          } else {
            if (decision.source === 'exempt') satisfied.add(component.code);
            const record = {
              ...base,
              source: decision.source,
              page_count: d && 'pageCount' in d ? d.pageCount : null,
              checks: d && 'checks' in d ? JSON.stringify(d.checks) : null,
              exemption: d && 'exemption' in d ? d.exemption : null,
              note: d?.note ?? null,
            };
            records.push(record);
            if (kept.document) scans.push({ record, document: kept.document, fileIds: [...given.fileIds], componentName: component.name });
          }
        }
      } else {
        if (given.digitization) {
          errors.push({ pointer: `/body/components/${i}/digitization`, code: 'not_paper', message: { vi: 'Hồ sơ trực tuyến không có bản giấy để số hóa.', en: 'An online dossier has no paper to digitize.' } });
        } else if (fileIds.length > 0) {
          records.push({ ...base, source: 'uploaded', page_count: null, checks: null, exemption: null, note: null });
        }
      }
      out.push({ code: given.code, fileIds });
    }
    return { errors, out, satisfied, records, reuses, scans, actor, recordedBy };
  }

  const notDigitized = (errors: Array<{ pointer: string; code: string; message: { vi: string; en: string } }>) =>
    new ProblemError('not_digitized', {
      detail: { vi: 'Thành phần hồ sơ chưa được số hóa, kiểm tra hoặc chọn đúng giấy tờ trong kho dữ liệu.', en: 'Dossier components are not digitized, checked, or taken from the right warehouse documents.' },
      errors,
    });

  async function recordReuses(trx: Transaction<DB>, dossierId: string, judged: Awaited<ReturnType<typeof judgeComponents>>, at: Date) {
    for (const r of judged.reuses) {
      await insertReuse(trx, { document_id: r.document.id, dossier_id: dossierId, component_code: r.code, actor_id: judged.recordedBy, actor_label: judged.actor.label, from_national: r.document.provenance === 'national_warehouse', at });
    }
  }

  /**
   * Each verified scan of a component whose catalog entry accepts a warehouse document type
   * becomes a document of the dossier's applicant's warehouse (Decree 45/2020 Art. 16), provenance
   * `digitized`, in the caller's transaction: a copy of each scan's file row (the same blob) is
   * attached to it, and the component's record names it. Nobody is asked for the paper again: the
   * applicant's next online dossier is offered it (`offers`).
   *
   * The owner is the applicant's kind and personal ID or tax code, not an account: a counter
   * applicant often has none yet, and issued results are kept the same way, so the document is
   * theirs when they first log in (ownerOf reads the same pair from the login). Nothing is written
   * for them elsewhere, and a mistyped identifier at the counter is the receiver's to correct like
   * the rest of the dossier's applicant.
   *
   * The scans are the receiver's unattached uploads: the dossiers module attaches them to the
   * dossier right after, in this transaction, refusing (and so rolling all of this back) a file
   * that is not the receiver's or is attached elsewhere.
   */
  async function keepScans(trx: Transaction<DB>, dossierId: string, owner: Owner, judged: Awaited<ReturnType<typeof judgeComponents>>) {
    if (judged.scans.length === 0) return;
    for (const scan of judged.scans) {
      const { document: d } = scan;
      const doc = await insertDocument(trx, {
        owner_kind: owner.kind,
        owner_identifier: owner.identifier,
        document_type: d.documentType,
        title: DOCUMENT_TYPE_NAMES[d.documentType] ?? scan.componentName,
        issuer: d.issuer,
        number: d.number,
        issued_on: d.issuedOn,
        valid_until: d.validUntil,
        provenance: 'digitized' satisfies Provenance,
        source_dossier_id: dossierId,
        created_by: judged.recordedBy,
      });
      const copies: string[] = [];
      for (const fileId of scan.fileIds) {
        // An unknown file is left to the attach that follows, which refuses it with its own error.
        const copy = await files.duplicate(trx, fileId, `warehouse:${doc.id}`, judged.recordedBy);
        if (copy) copies.push(copy.id);
      }
      await addDocumentFiles(trx, doc.id, copies);
      scan.record.warehouse_document_id = doc.id;
    }
  }

  /** Records the components of a new dossier (inside the intake transaction). */
  async function intake(trx: Transaction<DB>, input: IntakeInput): Promise<IntakeResult> {
    const { content } = input;
    const paper = input.channel !== 2;
    const judged = await judgeComponents(trx, { ...input, paper, seq: 1 });
    const { errors, out, records, actor, recordedBy } = judged;
    // A required paper component not handed in at all: neither digitized nor exempted.
    if (paper) {
      for (const c of content.components) {
        if (c.requirement !== 'required' || c.replacedByPopulationData || input.components.some((g) => g.code === c.code)) continue;
        if (settings.digitizationMode === 'required') {
          errors.push({ pointer: '/body/components', code: 'not_digitized', message: { vi: `Thành phần ${c.name} chưa được số hóa hoặc chọn lý do không số hóa.`, en: `${c.name} is neither digitized nor exempted.` } });
        }
      }
    }
    if (errors.length > 0) throw notDigitized(errors);
    await keepScans(trx, input.dossierId, input.applicant, judged);
    // Components the population database replaces, handed in with no file: recorded as such.
    let populationReplaced = 0;
    for (const c of content.components) {
      if (!c.replacedByPopulationData) continue;
      const given = out.find((g) => g.code === c.code);
      if (given && given.fileIds.length > 0) continue;
      populationReplaced++;
      records.push({ dossier_id: input.dossierId, component_code: c.code, added_seq: 1, source: 'population_data', recorded_by: recordedBy, recorded_by_label: actor.label, recorded_at: input.at, warehouse_document_id: null, result_code: null, page_count: null, checks: null, exemption: null, note: null });
    }
    await insertComponentRecords(trx, records);
    await recordReuses(trx, input.dossierId, judged, input.at);
    const flags = records.map((r) => flagsOf(r.source, r.result_code ?? null, settings));
    await insertDigitization(trx, {
      dossier_id: input.dossierId,
      unit_id: input.unitId,
      procedure_code: input.procedureCode,
      channel: input.channel,
      submitted_at: input.at,
      received_at: paper ? input.at : null,
      has_digitized: flags.some((f) => f.digitized),
      has_reused: flags.some((f) => f.reused),
      population_replaced: populationReplaced,
      produces_document: content.result.producesDocument,
    });
    return { components: out, satisfied: judged.satisfied };
  }

  /**
   * Records the components a supplement brings (inside its action's transaction, `seq` its log
   * row): papers handed in at the counter or by post (`paper`, recorded by a receiver) are
   * digitized or exempted as at intake; an online applicant uploads or reuses warehouse documents.
   * The dossier's figures count a digitized or reused supplement component too.
   */
  async function supplement(trx: Transaction<DB>, input: SupplementInput): Promise<Pick<IntakeResult, 'components'>> {
    const judged = await judgeComponents(trx, input);
    if (judged.errors.length > 0) throw notDigitized(judged.errors);
    await keepScans(trx, input.dossierId, input.applicant, judged);
    await insertComponentRecords(trx, judged.records);
    await recordReuses(trx, input.dossierId, judged, input.at);
    const flags = judged.records.map((r) => flagsOf(r.source, r.result_code ?? null, settings));
    const set: Parameters<typeof updateDigitization>[2] = {};
    if (flags.some((f) => f.digitized)) set.has_digitized = true;
    if (flags.some((f) => f.reused)) set.has_reused = true;
    if (Object.keys(set).length > 0) await updateDigitization(trx, input.dossierId, set);
    return { components: judged.out };
  }

  return {
    intake,
    supplement,

    async list(p: Principal | undefined): Promise<WarehouseDocument[]> {
      return present(await ownerDocuments(db, ownerOf(p)));
    },

    async get(p: Principal | undefined, id: string): Promise<WarehouseDocument> {
      const row = await findOwnerDocument(db, ownerOf(p), id);
      if (!row) throw notFound();
      return (await present([row]))[0]!;
    },

    /** A file of one of the owner's documents (for the download route). */
    async ownFile(p: Principal | undefined, id: string, fileId: string) {
      const row = await findOwnerDocument(db, ownerOf(p), id);
      if (!row) throw notFound();
      const linked = (await documentFiles(db, [row.id])).some((f) => f.id === fileId);
      const [file] = linked ? await files.findFiles([fileId]) : [];
      if (!file) throw notFound();
      return file;
    },

    /** A document the owner uploads: the file (sniffed, size-limited, scanned) and its description. */
    async upload(
      p: Principal | undefined,
      input: { source: Readable; declaredName?: string; truncated?: () => boolean; meta: { documentType: string; title: string; issuer: string; number: string; issuedOn: string | null; validUntil: string | null } },
    ): Promise<WarehouseDocument> {
      const owner = ownerOf(p);
      const file = await files.service.upload({ source: input.source, uploadedBy: p!.accountId, ...(input.declaredName ? { declaredName: input.declaredName } : {}), ...(input.truncated ? { truncated: input.truncated } : {}) });
      const row = await db.transaction().execute(async (trx) => {
        const doc = await insertDocument(trx, {
          owner_kind: owner.kind,
          owner_identifier: owner.identifier,
          document_type: input.meta.documentType,
          title: input.meta.title,
          issuer: input.meta.issuer,
          number: input.meta.number,
          issued_on: input.meta.issuedOn,
          valid_until: input.meta.validUntil,
          provenance: 'owner_upload',
          created_by: p!.accountId,
        });
        await files.attach(trx, [file.id], `warehouse:${doc.id}`, { uploadedBy: p!.accountId });
        await addDocumentFiles(trx, doc.id, [file.id]);
        return doc;
      });
      return (await present([row]))[0]!;
    },

    /** Removes a document the owner uploaded; its files are released (dossiers that used it keep their copies). */
    async remove(p: Principal | undefined, id: string): Promise<void> {
      const owner = ownerOf(p);
      await db.transaction().execute(async (trx) => {
        const row = await findOwnerDocument(trx, owner, id, true);
        if (!row) throw notFound();
        if (row.provenance !== 'owner_upload') {
          throw new ProblemError('conflict', {
            detail: { vi: 'Chỉ xóa được giấy tờ do bạn tự tải lên; kết quả giải quyết và giấy tờ đã xác thực được giữ trong kho.', en: 'Only documents you uploaded yourself can be removed; results and verified documents stay.' },
          });
        }
        // The document row stays (removed_at), and so do the reuses that name it: the history of
        // who used it in which dossier is kept, and those dossiers hold their own copies. Its
        // links to files go in this transaction, with the release of the files (the files module
        // deletes them after FILE_ORPHAN_HOURS). Not an ON DELETE CASCADE on the foreign key:
        // the record lets go of its files, never the file cleanup of a record's reference; the
        // key stays a plain reference that refuses to delete a file a document still holds.
        await markRemoved(trx, row.id);
        await deleteDocumentFiles(trx, row.id);
        await files.detachAll(trx, `warehouse:${row.id}`);
      });
    },

    /** Takes the owner's documents from the national portal's warehouse (each once). */
    async importNational(p: Principal | undefined): Promise<{ imported: number; documents: WarehouseDocument[] }> {
      const owner = ownerOf(p);
      let found;
      try {
        found = await deps.national.list(owner);
      } catch (error) {
        if (error instanceof NationalWarehouseError) {
          throw new ProblemError('unavailable', { detail: { vi: 'Chưa kết nối được Kho dữ liệu trên Cổng Dịch vụ công quốc gia.', en: 'The national portal’s data warehouse cannot be reached.' } });
        }
        throw error;
      }
      const existing = new Set((await ownerDocuments(db, owner)).map((d) => d.national_id).filter(Boolean));
      let imported = 0;
      for (const doc of found) {
        if (existing.has(doc.nationalId)) continue;
        const fileIds: string[] = [];
        for (const f of doc.files) {
          const row = await files.service.upload({ source: await deps.national.fetchFile(f.url), declaredName: f.name, uploadedBy: p!.accountId });
          fileIds.push(row.id);
        }
        await db.transaction().execute(async (trx) => {
          const row = await insertDocument(trx, {
            owner_kind: owner.kind,
            owner_identifier: owner.identifier,
            document_type: doc.documentType,
            title: doc.title,
            issuer: doc.issuer,
            number: doc.number,
            issued_on: doc.issuedOn,
            valid_until: doc.validUntil,
            provenance: 'national_warehouse',
            national_id: doc.nationalId,
            created_by: p!.accountId,
          });
          await files.attach(trx, fileIds, `warehouse:${row.id}`, { uploadedBy: p!.accountId });
          await addDocumentFiles(trx, row.id, fileIds);
        });
        imported++;
      }
      return { imported, documents: await present(await ownerDocuments(db, owner)) };
    },

    /**
     * An issued result becomes a document of its owner's warehouse (provenance `issued_result`),
     * in the caller's transaction. Once per dossier and result code: a second call returns the first.
     */
    async recordIssuedResult(tx: Executor, input: IssuedResultInput): Promise<{ documentId: string; created: boolean }> {
      const run = async (trx: Transaction<DB>) => {
        const existing = await trx
          .selectFrom('warehouse_document')
          .select('id')
          .where('provenance', '=', 'issued_result')
          .where('source_dossier_id', '=', input.dossierId)
          .where('result_code', '=', input.resultCode)
          .executeTakeFirst();
        if (existing) return { documentId: existing.id, created: false };
        const doc = await insertDocument(trx, {
          owner_kind: input.ownerKind,
          owner_identifier: input.ownerIdentifier,
          document_type: input.documentType,
          title: input.title ?? DOCUMENT_TYPE_NAMES[input.documentType] ?? input.documentType,
          issuer: input.issuer,
          number: input.number,
          issued_on: input.issuedOn,
          valid_until: input.validUntil ?? null,
          provenance: 'issued_result' satisfies Provenance,
          result_code: input.resultCode,
          source_dossier_id: input.dossierId,
          created_by: input.recordedBy,
        });
        const copy = await files.duplicate(trx, input.fileId, `warehouse:${doc.id}`, input.recordedBy);
        if (!copy) throw new Error(`recordIssuedResult: no file ${input.fileId}`);
        await addDocumentFiles(trx, doc.id, [copy.id]);
        await updateDigitization(trx, input.dossierId, { result_electronic: true });
        return { documentId: doc.id, created: true };
      };
      return 'isTransaction' in tx && tx.isTransaction ? run(tx as Transaction<DB>) : (tx as Kysely<DB>).transaction().execute(run);
    },

    /** A dossier event: the receipt date of an online dossier, the result, the code on reuse rows. */
    async onDossierEvent(tx: Kysely<DB>, event: { dossier: { id: string; code: string | null; received_at: Date | null }; action: string; payload: Record<string, unknown> }) {
      const set: Parameters<typeof updateDigitization>[2] = {};
      if (event.dossier.received_at) set.received_at = event.dossier.received_at;
      // The outcome is kept with the date: a grant issues the procedure's result (its
      // MaGiayToKetQua), a refusal a notice of the reasons, and whether the figures count refusals
      // among the results is a setting read when they are counted (UNCONFIRMED).
      const outcome = event.payload.outcome;
      if (event.action === 'issue_result' && (outcome === 'granted' || outcome === 'refused')) {
        set.result_issued_at = now();
        set.result_outcome = outcome;
        const fileIds = Array.isArray(event.payload.fileIds) ? event.payload.fileIds : [];
        if (fileIds.length > 0) set.result_electronic = true;
      }
      if (Object.keys(set).length > 0) await updateDigitization(tx, event.dossier.id, set);
      if (event.dossier.code) await setReuseCodes(tx, event.dossier.id, event.dossier.code);
    },

    /** The portal flags of a dossier's components (for the sync record), by componentFlagKey. */
    async componentFlags(dossierId: string): Promise<Map<string, ComponentFlags>> {
      return flagsByComponent(await componentRecords(db, dossierId), settings);
    },

    /** What was recorded per component of a dossier, with the reused documents (for those who may read the dossier). */
    async dossierComponents(dossierId: string) {
      const rows = await componentRecords(db, dossierId);
      const docs = await documentsByIds(db, rows.map((r) => r.warehouse_document_id).filter((x): x is string => x !== null));
      return rows.map((r) => {
        const doc = docs.find((d) => d.id === r.warehouse_document_id);
        return {
          componentCode: r.component_code,
          source: r.source,
          pageCount: r.page_count,
          checks: (r.checks as Record<string, boolean> | null) ?? null,
          exemption: r.exemption,
          note: r.note,
          recordedBy: r.recorded_by_label,
          recordedAt: iso(r.recorded_at)!,
          addedSeq: r.added_seq,
          flags: flagsOf(r.source, r.result_code, settings),
          document: doc
            ? { documentType: doc.document_type, documentTypeName: DOCUMENT_TYPE_NAMES[doc.document_type] ?? doc.document_type, title: doc.title, issuer: doc.issuer, number: doc.number, issuedOn: doc.issued_on, validUntil: doc.valid_until, provenance: doc.provenance }
            : null,
        };
      });
    },

    /** For the submission wizard: per component, the owner's valid documents that satisfy it, and what population data replaces. */
    async offers(p: Principal | undefined, procedureCode: string) {
      const owner = ownerOf(p);
      const { version } = await deps.catalog.publishedVersion(procedureCode);
      const docs = await present(await ownerDocuments(db, owner));
      return version.content.components.map((c) => ({
        componentCode: c.code,
        replacedByPopulationData: c.replacedByPopulationData,
        documents: docs.filter((d) => d.valid && satisfies(c, d.documentType)),
      }));
    },

    /** The figures of digitization (what the ministry sees), within the units the principal covers. */
    async stats(p: Principal | undefined, q: { from: string; to: string; unit?: string | undefined; procedure?: string | undefined }) {
      if (!p) throw unauthenticated();
      const tree = await deps.units.tree();
      let unitIds: string[] | undefined;
      if (q.unit) {
        assertCan(p, 'digitization.read', q.unit, tree);
        unitIds = subtreeOf(tree, q.unit);
      } else if (p.kind !== 'service') {
        const covered = unitsWhere(p, 'digitization.read', tree);
        if (covered.length === 0) throw forbiddenFor('digitization.read');
        unitIds = covered.length === tree.ids().length ? undefined : covered;
      } else if (!can(p, 'digitization.read', 'any', tree)) {
        throw forbiddenFor('digitization.read');
      }
      const from = new Date(`${q.from}T00:00:00+07:00`);
      const to = new Date(Date.parse(`${q.to}T00:00:00+07:00`) + 86_400_000);
      const { received, results } = await digitizationStats(db, { from, to, unitIds, procedureCode: q.procedure, refusalsAreResults: settings.refusalsAreResults });
      const key = (r: { unit_id: string; procedure_code: string }) => `${r.unit_id}|${r.procedure_code}`;
      const rows = new Map<string, { unitId: string; procedureCode: string; dossiers: number; digitized: number; reused: number; populationReplaced: number; results: number; electronicResults: number }>();
      const rowOf = (r: { unit_id: string; procedure_code: string }) => {
        let row = rows.get(key(r));
        if (!row) {
          row = { unitId: r.unit_id, procedureCode: r.procedure_code, dossiers: 0, digitized: 0, reused: 0, populationReplaced: 0, results: 0, electronicResults: 0 };
          rows.set(key(r), row);
        }
        return row;
      };
      for (const r of received) Object.assign(rowOf(r), { dossiers: Number(r.dossiers), digitized: Number(r.digitized ?? 0), reused: Number(r.reused ?? 0), populationReplaced: Number(r.population_replaced ?? 0) });
      for (const r of results) Object.assign(rowOf(r), { results: Number(r.results), electronicResults: Number(r.electronic ?? 0) });
      const items = [...rows.values()].sort((a, b) => a.unitId.localeCompare(b.unitId) || a.procedureCode.localeCompare(b.procedureCode));
      const total = items.reduce(
        (t, r) => ({ dossiers: t.dossiers + r.dossiers, digitized: t.digitized + r.digitized, reused: t.reused + r.reused, populationReplaced: t.populationReplaced + r.populationReplaced, results: t.results + r.results, electronicResults: t.electronicResults + r.electronicResults }),
        { dossiers: 0, digitized: 0, reused: 0, populationReplaced: 0, results: 0, electronicResults: 0 },
      );
      return { from: q.from, to: q.to, items, total };
    },

    /**
     * The system's own read of the digitization totals of a period (no principal: the quality
     * module's public plan targets, aggregate figures only): dossiers received and digitized, and
     * document results issued and issued electronically, for the whole ministry or a unit's subtree.
     */
    async digitizationTotals(q: { from: string; to: string; unit?: string | undefined }) {
      const tree = await deps.units.tree();
      const from = new Date(`${q.from}T00:00:00+07:00`);
      const to = new Date(Date.parse(`${q.to}T00:00:00+07:00`) + 86_400_000);
      const { received, results } = await digitizationStats(db, { from, to, unitIds: q.unit ? subtreeOf(tree, q.unit) : undefined, procedureCode: undefined, refusalsAreResults: settings.refusalsAreResults });
      const sum = <T>(rows: T[], f: (r: T) => string | number | null | undefined) => rows.reduce((n, r) => n + Number(f(r) ?? 0), 0);
      return { dossiers: sum(received, (r) => r.dossiers), digitized: sum(received, (r) => r.digitized), results: sum(results, (r) => r.results), electronicResults: sum(results, (r) => r.electronic) };
    },
  };
}

export type WarehouseService = ReturnType<typeof createWarehouseService>;
