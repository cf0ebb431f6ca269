// The use cases of electronic results: preparing the signed document of an issue_result (the
// dossiers module's ResultIssuer port), verification of a file or a code, the public status,
// the signed file for the dossier's applicant and officers, revocation and the templates.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { assertCan, unauthenticated } from '../../http/access.ts';
import { ProblemError } from '../../http/problem.ts';
import type { Principal } from '../../core/access/index.ts';
import { formatLocalIso } from '../../core/calendar/index.ts';
import { DEFAULT_RESULT_HTML, TEMPLATE_FIELDS, checkTemplate, type ResultTemplate, type TemplateField, type TemplateProblem, dateInWords, formatResultCode, localYear, parseResultCode } from '../../core/results/index.ts';
import type { DB } from '../../db/types.ts';
import { actorOf, recordAudit } from '../audit/service.ts';
import type { PreparedResult, ResultIssueRequest, ResultIssuer } from '../dossiers/module.ts';
import type { FileRow, FilesModule } from '../files/module.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import type { JobsModule } from '../jobs/module.ts';
import { checkHtmlTemplate } from './html-template.ts';
import { codeInPdf, renderResultPdf, signPdf } from './pdf.ts';
import type { ResultIssuedEvent, ResultStatus, Verification } from './schema.ts';
import type { ResultSigner } from './signer.ts';
import { deleteTemplate, findResult, findResultsBySha256, findTemplate, insertResult, listTemplates, nextSequence, setRevoked, templateOf, upsertTemplate, type ResultRow, type TemplateRow } from './store.ts';
import { verifyPdfSignatures } from './verify-pdf.ts';

export const RESULT_ISSUED_TOPIC = 'result.issued';

export interface ResultsServiceDeps {
  db: Kysely<DB>;
  units: UnitDirectory;
  files: Pick<FilesModule, 'service' | 'findFiles' | 'store'>;
  jobs: Pick<JobsModule, 'enqueue'>;
  /** Absent: SIGNER=none. */
  signer: ResultSigner | undefined;
  codePrefix: string;
  place: string;
  publicUrl: () => string;
  /** The dossier's file if the principal may read it (the dossiers module; bound after it is built). */
  readableDossierFile: (p: Principal | undefined, dossierId: string, fileId: string) => Promise<FileRow>;
  /** A procedure's versions (the catalog module), or undefined when the code is no procedure's. */
  procedureVersions?: (procedureCode: string) => Promise<ProcedureVersions | undefined>;
  now?: () => Date;
}

export interface ProcedureVersions {
  name: string;
  versions: Array<{ number: number; status: string; name: string }>;
}

/** Where the template a version's results are rendered from comes from. */
export type TemplateSource = 'version' | 'procedure' | 'default';

/** Versions a template may be set for: those dossiers can be pinned to (a draft is not final, a withdrawn one issues nothing). */
const TEMPLATABLE_STATUSES = new Set(['published', 'superseded']);

const iso = (d: Date | null | undefined): string | null => (d ? formatLocalIso(new Date(d)) : null);
const localDate = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const dmy = (date: string) => date.split('-').reverse().join('/');
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const notFound = () => new ProblemError('not_found', { detail: { vi: 'Không có văn bản kết quả với mã này.', en: 'No result with this code.' } });

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return new Uint8Array(Buffer.concat(chunks));
}

export function createResultsService(deps: ResultsServiceDeps) {
  const { db, units } = deps;
  const now = deps.now ?? (() => new Date());
  const verifyUrl = (code: string) => `${deps.publicUrl().replace(/\/$/, '')}/xac-thuc-ket-qua/${encodeURIComponent(code)}`;

  async function rootName(unitId: string): Promise<string | undefined> {
    const tree = await units.tree();
    let id = unitId;
    for (let parent = tree.parentOf(id); parent; parent = tree.parentOf(id)) id = parent;
    return id === unitId ? undefined : (await units.find(id))?.nameVi;
  }

  async function unitView(unitId: string) {
    return { id: unitId, name: (await units.find(unitId))?.nameVi ?? unitId };
  }

  /** The template a version's results are rendered from: the version's, else the procedure's, else the default. */
  async function effectiveTemplate(procedureCode: string, versionNumber: number | null): Promise<{ template: ResultTemplate; source: TemplateSource; row: TemplateRow | undefined }> {
    const own = versionNumber === null ? undefined : await findTemplate(db, procedureCode, versionNumber);
    if (own) return { template: templateOf(own), source: 'version', row: own };
    const procedure = await findTemplate(db, procedureCode, null);
    if (procedure) return { template: templateOf(procedure), source: 'procedure', row: procedure };
    return { template: { format: 'html', html: DEFAULT_RESULT_HTML }, source: 'default', row: undefined };
  }

  /** The fields a result of the procedure would be filled with, with sample values for the editor's preview. */
  function sampleFields(procedureCode: string, procedureName: string, at: Date): Partial<Record<TemplateField, string>> {
    return {
      'result.name': 'GIẤY CHỨNG NHẬN (BẢN XEM TRƯỚC)',
      'result.issuedDate': dmy(localDate(at)),
      'result.issuedDateWords': dateInWords(localDate(at)),
      'result.summary': 'Nội dung kết quả do lãnh đạo ghi khi ban hành.',
      'dossier.code': '000.00.00.H00-260101-0001',
      'dossier.receivedDate': dmy(localDate(at)),
      'applicant.name': 'Nguyễn Văn Mẫu',
      'applicant.idNumber': '001090000000',
      'applicant.address': 'Số 1 phố Mẫu, phường Mẫu, Hà Nội',
      'procedure.code': procedureCode,
      'procedure.name': procedureName,
      'unit.name': 'Đơn vị ban hành',
      'unit.nameUpper': 'ĐƠN VỊ BAN HÀNH',
      'root.nameUpper': 'CƠ QUAN CHỦ QUẢN',
      place: deps.place,
      'signer.name': 'Người ký',
    };
  }

  const procedureNotFound = (procedureCode: string) => new ProblemError('not_found', { detail: { vi: `Không có thủ tục mã ${procedureCode}.`, en: `No procedure has the code ${procedureCode}.` } });

  /** The procedure's versions; a version number must name one a template may be set for. */
  async function versionsOf(procedureCode: string, versionNumber: number | null): Promise<ProcedureVersions | undefined> {
    if (!deps.procedureVersions) {
      if (versionNumber !== null) throw procedureNotFound(procedureCode);
      return undefined;
    }
    const found = await deps.procedureVersions(procedureCode);
    if (!found) throw procedureNotFound(procedureCode);
    if (versionNumber !== null && !found.versions.some((v) => v.number === versionNumber && TEMPLATABLE_STATUSES.has(v.status))) {
      throw new ProblemError('not_found', {
        detail: { vi: `Thủ tục ${procedureCode} không có phiên bản ${versionNumber} đã công bố.`, en: `Procedure ${procedureCode} has no published version ${versionNumber}.` },
      });
    }
    return found;
  }

  /**
   * Refuses a template that is not usable: 422 with the problems at their JSON pointers (pdfmake)
   * or at `/body/html` with their line (HTML).
   */
  async function assertUsable(template: ResultTemplate): Promise<void> {
    const problems = template.format === 'html' ? await checkHtmlTemplate(template.html) : checkTemplate(template.definition);
    const base = template.format === 'html' ? '/body/html' : '/body/template';
    if (problems.length > 0) {
      throw new ProblemError('validation', {
        detail: { vi: 'Mẫu văn bản kết quả chưa hợp lệ.', en: 'The result template is not valid.' },
        errors: problems.map((x) => ({
          pointer: `${base}${x.pointer}`,
          code: x.code,
          message: x.line ? { vi: `Dòng ${x.line}: ${problemVi(x)}`, en: `Line ${x.line}: ${x.message}` } : { vi: problemVi(x), en: x.message },
        })),
      });
    }
    // A trial render: a template pdfmake cannot lay out is refused before it is stored.
    try {
      await renderResultPdf({ template, fields: {}, form: {}, code: 'KQ-THU-2000-000000', verifyUrl: verifyUrl('KQ-THU-2000-000000'), title: 'thử', author: 'thử' });
    } catch (error) {
      throw new ProblemError('validation', {
        detail: { vi: 'Không dựng được văn bản từ mẫu này.', en: 'The template cannot be laid out.' },
        errors: [{ pointer: template.format === 'html' ? '/body/html' : '/body/template', code: 'render_failed', message: { vi: 'Không dựng được văn bản từ mẫu này.', en: String((error as Error).message).slice(0, 300) } }],
      });
    }
  }

  const issuer: ResultIssuer = {
    async prepare(req: ResultIssueRequest): Promise<PreparedResult> {
      const { dossier, content, principal } = req;
      // The unit that decides (the catalog's implementing unit "decides") issues and signs; without
      // one, the unit that handled the dossier.
      const issuing = content.implementingUnits.find((u) => u.role === 'decides')?.unitId ?? dossier.handling_unit_id;
      const unit = await units.find(issuing);
      if (!unit) throw new Error(`unit ${issuing} is missing`);
      const root = await rootName(unit.id);
      const signer = await deps.signer?.forUnit({ id: unit.id, nameVi: unit.nameVi, rootName: root });
      if (!signer) {
        throw new ProblemError('result_signer_unavailable', {
          detail: { vi: `${unit.nameVi} chưa có chứng thư số để ký văn bản kết quả.`, en: `${unit.nameVi} has no certificate to sign the result with.` },
        });
      }
      const at = now();
      const dated = req.documentDate ?? at;
      const code = formatResultCode(deps.codePrefix, unit.agencyCode, localYear(dated), await nextSequence(db, unit.id, localYear(dated)));
      const documentName = content.result.name?.trim() || content.name;
      const applicant = (dossier.applicant ?? {}) as { address?: string };
      const { template } = await effectiveTemplate(dossier.procedure_code, req.versionNumber);
      const unsigned = await renderResultPdf({
        template,
        code,
        verifyUrl: verifyUrl(code),
        title: `${documentName} ${code}`,
        author: unit.nameVi,
        form: (dossier.form_data ?? {}) as Record<string, unknown>,
        fields: {
          'result.name': documentName.toLocaleUpperCase('vi'),
          'result.issuedDate': dmy(localDate(dated)),
          'result.issuedDateWords': dateInWords(localDate(dated)),
          'result.summary': req.summary ?? '',
          'dossier.code': dossier.code ?? '',
          'dossier.receivedDate': dossier.received_at ? dmy(localDate(new Date(dossier.received_at))) : '',
          'applicant.name': dossier.applicant_name,
          'applicant.idNumber': dossier.applicant_id_number,
          'applicant.address': applicant.address ?? '',
          'procedure.code': dossier.procedure_code,
          'procedure.name': content.name,
          'unit.name': unit.nameVi,
          'unit.nameUpper': unit.nameVi.toLocaleUpperCase('vi'),
          'root.nameUpper': (root ?? '').toLocaleUpperCase('vi'),
          place: deps.place,
          'signer.name': principal.fullName,
        },
      });
      const signed = await signPdf(unsigned, signer, { reason: `Ban hành ${documentName} số ${code}`, location: deps.place, signingTime: at });
      const file = await deps.files.service.upload({ source: Buffer.from(signed), declaredName: `${code}.pdf`, uploadedBy: principal.accountId, accept: ['pdf'] });
      const check = await verifyPdfSignatures(signed, await deps.signer!.trustAnchors());
      const signedBy = check.signatures[0]?.signedBy ?? unit.nameVi;
      return {
        resultCode: code,
        fileId: file.id,
        documentName,
        async record(trx, seq, issuedAt) {
          await insertResult(trx, {
            code,
            dossier_id: dossier.id,
            dossier_code: dossier.code ?? '',
            action_seq: seq,
            unit_id: unit.id,
            procedure_code: dossier.procedure_code,
            document_name: documentName,
            file_id: file.id,
            sha256: file.sha256,
            signed_by: signedBy,
            signer_kind: deps.signer!.kind,
            legally_valid: deps.signer!.legallyValid,
            issued_at: issuedAt,
            issued_by: principal.accountId,
          });
          const event: ResultIssuedEvent = {
            resultCode: code,
            dossierId: dossier.id,
            dossierCode: dossier.code ?? '',
            applicant: { kind: dossier.applicant_kind, idNumber: dossier.applicant_id_number, name: dossier.applicant_name, accountId: dossier.applicant_account_id },
            procedureCode: dossier.procedure_code,
            fileId: file.id,
            sha256: file.sha256,
            issuedAt: issuedAt.toISOString(),
            documentName,
            documentType: content.result.documentType ?? null,
            issuerUnit: { id: unit.id, name: unit.nameVi },
            issuedBy: principal.accountId,
          };
          await deps.jobs.enqueue(trx, { topic: RESULT_ISSUED_TOPIC, key: code, payload: event });
        },
      };
    },
  };

  async function fileBytes(row: ResultRow): Promise<Uint8Array> {
    return readAll(await deps.files.store.get(row.sha256));
  }

  async function answer(row: ResultRow | undefined, code: string | null, bytes: Uint8Array | undefined): Promise<Verification> {
    const base: Verification = {
      valid: false,
      signedBy: null,
      signedAt: null,
      matchesIssued: false,
      revoked: false,
      revokedReason: null,
      revokedAt: null,
      code,
      found: false,
      issuerUnit: null,
      issuedAt: null,
      documentName: null,
      legallyValid: false,
      signatureLevel: null,
      problems: [],
    };
    if (row) {
      Object.assign(base, {
        code: row.code,
        found: true,
        revoked: row.revoked_at !== null,
        revokedReason: row.revoked_reason,
        revokedAt: iso(row.revoked_at),
        issuerUnit: await unitView(row.unit_id),
        issuedAt: iso(row.issued_at),
        documentName: row.document_name,
        legallyValid: row.legally_valid,
      });
    }
    if (!bytes) {
      base.problems.push('no document');
      return base;
    }
    const anchors = deps.signer ? await deps.signer.trustAnchors() : [];
    const check = await verifyPdfSignatures(bytes, anchors);
    const first = check.signatures[0];
    base.valid = check.valid;
    base.signedBy = first?.signedBy ?? null;
    base.signedAt = first?.signedAt ? iso(new Date(first.signedAt)) : null;
    base.signatureLevel = first ? 'PAdES-B-B' : null;
    base.matchesIssued = row !== undefined && sha256Of(bytes) === row.sha256;
    if (check.signatures.length === 0) base.problems.push('the file has no signature');
    for (const s of check.signatures) if (s.problem) base.problems.push(s.problem);
    if (check.signatures.length > 0 && !check.signatures.at(-1)!.coversWholeFile) base.problems.push('the file was changed after it was signed');
    if (row && !base.matchesIssued) base.problems.push('the file is not the document issued under this code');
    if (!row) base.problems.push('no result of this system has this file or code');
    return base;
  }

  function status(row: ResultRow, unit: { id: string; name: string }): ResultStatus {
    return {
      code: row.code,
      status: row.revoked_at ? 'revoked' : 'issued',
      documentName: row.document_name,
      issuerUnit: unit,
      issuedAt: iso(row.issued_at)!,
      procedureCode: row.procedure_code,
      signedBy: row.signed_by,
      legallyValid: row.legally_valid,
      revokedAt: iso(row.revoked_at),
      revokedReason: row.revoked_reason,
    };
  }

  return {
    issuer,

    /** Verifies an uploaded PDF: its signatures, and whether it is the document issued (by hash, else by the code it names). */
    async verifyFile(bytes: Uint8Array): Promise<Verification> {
      const [byHash] = await findResultsBySha256(db, sha256Of(bytes));
      const named = byHash ? undefined : codeInPdf(bytes);
      const row = byHash ?? (named ? await findResult(db, named) : undefined);
      return answer(row, row?.code ?? named ?? null, bytes);
    },

    /** Verifies the stored document of a code. */
    async verifyCode(input: string): Promise<Verification> {
      const code = parseResultCode(input);
      const row = code ? await findResult(db, code) : undefined;
      return answer(row, code ?? null, row ? await fileBytes(row) : undefined);
    },

    async status(input: string): Promise<ResultStatus> {
      const code = parseResultCode(input);
      const row = code ? await findResult(db, code) : undefined;
      if (!row) throw notFound();
      return status(row, await unitView(row.unit_id));
    },

    /** The signed PDF, for the dossier's applicant and the officers of its units. */
    async file(p: Principal | undefined, input: string): Promise<FileRow> {
      if (!p) throw unauthenticated();
      const code = parseResultCode(input);
      const row = code ? await findResult(db, code) : undefined;
      if (!row) throw notFound();
      try {
        return await deps.readableDossierFile(p, row.dossier_id, row.file_id);
      } catch (error) {
        if (error instanceof ProblemError && error.code === 'not_found') throw notFound();
        throw error;
      }
    },

    /** Thu hồi: a leader of the issuing unit revokes a result with a reason (audited). */
    async revoke(p: Principal | undefined, input: string, reason: string, requestId?: string): Promise<ResultStatus> {
      if (!p) throw unauthenticated();
      const code = parseResultCode(input);
      const tree = await units.tree();
      const peek = code ? await findResult(db, code) : undefined;
      if (!peek) throw notFound();
      assertCan(p, 'result.revoke', peek.unit_id, tree);
      const unit = await unitView(peek.unit_id);
      const row = await db.transaction().execute(async (trx) => {
        const current = await findResult(trx, peek.code, true);
        if (!current) throw notFound();
        if (current.revoked_at) {
          throw new ProblemError('result_revoked', {
            detail: { vi: `Văn bản đã bị thu hồi ngày ${iso(current.revoked_at)}.`, en: `The result was revoked on ${iso(current.revoked_at)}.` },
          });
        }
        const actor = actorOf(p);
        const updated = await setRevoked(trx, current.code, { at: now(), reason, by: p.accountId, label: actor.label });
        await recordAudit(trx, { actor, action: 'result.revoke', entity: 'result', entityId: current.code, before: { revoked: false }, after: { revoked: true, reason }, ...(requestId ? { requestId } : {}) });
        return updated;
      });
      return status(row, unit);
    },

    /**
     * The template of a procedure (versionNumber null: every version) or of one version: what is
     * set there, else what it inherits (the procedure's, the default); `isDefault` is true when
     * nothing is set at this level.
     */
    async template(procedureCode: string, versionNumber: number | null = null) {
      const catalog = await versionsOf(procedureCode, versionNumber);
      const effective = await effectiveTemplate(procedureCode, versionNumber);
      const own = (versionNumber === null ? effective.source === 'procedure' : effective.source === 'version') ? effective.row : undefined;
      const set = new Set((await listTemplates(db, procedureCode)).map((r) => r.version_number));
      return {
        procedureCode,
        procedureName: catalog?.name ?? null,
        versionNumber,
        format: effective.template.format,
        html: effective.template.format === 'html' ? effective.template.html : null,
        template: effective.template.format === 'pdfmake' ? effective.template.definition : null,
        source: effective.source,
        isDefault: !own,
        updatedAt: iso(own?.updated_at),
        updatedBy: own?.updated_by_label ?? null,
        fields: TEMPLATE_FIELDS as unknown as Record<string, { vi: string; en: string }>,
        hasProcedureTemplate: set.has(null),
        versions: (catalog?.versions ?? []).filter((v) => TEMPLATABLE_STATUSES.has(v.status)).map((v) => ({ number: v.number, status: v.status, hasTemplate: set.has(v.number) })),
      };
    },

    /** Sets (or, with null, removes) the template of a procedure or of one of its versions (audited). Results already issued keep their PDF. */
    async setTemplate(p: Principal | undefined, procedureCode: string, template: ResultTemplate | null, requestId?: string, versionNumber: number | null = null) {
      if (!p) throw unauthenticated();
      await versionsOf(procedureCode, versionNumber);
      if (template) await assertUsable(template);
      const actor = actorOf(p);
      const entityId = versionNumber === null ? procedureCode : `${procedureCode}/${versionNumber}`;
      await db.transaction().execute(async (trx) => {
        const before = await findTemplate(trx, procedureCode, versionNumber);
        if (template) await upsertTemplate(trx, procedureCode, versionNumber, template, actor.label);
        else await deleteTemplate(trx, procedureCode, versionNumber);
        await recordAudit(trx, {
          actor,
          action: 'result.template.set',
          entity: 'result_template',
          entityId,
          before: { default: !before, ...(before ? templateOf(before) : {}) },
          after: { default: !template, ...(template ?? {}) },
          ...(requestId ? { requestId } : {}),
        });
      });
      return this.template(procedureCode, versionNumber);
    },

    /** The template rendered with sample fields to an unsigned PDF marked "BẢN XEM TRƯỚC", for the editor. */
    async previewTemplate(procedureCode: string, template: ResultTemplate, versionNumber: number | null = null): Promise<Uint8Array> {
      const catalog = await versionsOf(procedureCode, versionNumber);
      await assertUsable(template);
      const at = now();
      const code = formatResultCode(deps.codePrefix, 'XEMTRUOC', localYear(at), 0);
      const version = versionNumber === null ? undefined : catalog?.versions.find((v) => v.number === versionNumber);
      return renderResultPdf({
        template,
        code,
        verifyUrl: verifyUrl(code),
        title: `Bản xem trước mẫu kết quả ${procedureCode}`,
        author: 'motcua',
        form: {},
        fields: sampleFields(procedureCode, version?.name ?? catalog?.name ?? 'Tên thủ tục', at),
        watermark: 'BẢN XEM TRƯỚC',
      });
    },
  };
}

/** The Vietnamese message of a template problem (the editor shows it at the field). */
function problemVi(x: TemplateProblem): string {
  const named = /\{\{[^}]+\}\}|"[^"]+"|<[^>\s]+>/.exec(x.message)?.[0] ?? '';
  switch (x.code) {
    case 'not_object':
      return 'Mẫu phải là một đối tượng JSON (định nghĩa văn bản pdfmake).';
    case 'no_content':
      return 'Mẫu chưa có nội dung ("content").';
    case 'forbidden_key':
      return `Không được dùng khóa ${named} trong mẫu văn bản kết quả (không nạp tệp, ảnh hay liên kết).`;
    case 'unknown_field':
      return `Trường ${named} không có trong danh sách trường được dùng.`;
    case 'too_deep':
      return 'Mẫu lồng nhau quá sâu.';
    case 'no_qr':
      return x.message.includes('<result-qr>') ? 'Mẫu phải đặt mã QR xác thực (<result-qr></result-qr>).' : 'Mẫu phải đặt mã QR xác thực ({"resultQr": true}).';
    case 'forbidden_tag':
      return `Không được dùng thẻ ${named} trong mẫu văn bản kết quả (chỉ văn bản, bảng, danh sách và <result-qr>).`;
    case 'forbidden_attribute': {
      const tag = /<[^>\s]+>/.exec(x.message)?.[0] ?? '';
      return `Không được dùng thuộc tính ${named} trên thẻ ${tag}.`;
    }
    case 'forbidden_style':
      return 'Kiểu trình bày (style) không được nạp tệp hay địa chỉ nào.';
    case 'bad_data':
      return 'Giá trị "data-pdfmake" phải là một đối tượng JSON.';
    case 'too_large':
      return 'Mẫu quá dài.';
  }
}

export type ResultsService = ReturnType<typeof createResultsService>;
