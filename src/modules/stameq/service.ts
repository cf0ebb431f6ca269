// The use cases of the standards, metrology and quality database: public reads (bodies,
// announcements, the validity of a verification stamp — never the owner), officers' reads with
// the persons and their link to the population database (registry.read), and the creation and
// correction of verifications (registry.edit), audited in the same transaction. A person is
// checked with the population database before the transaction (an HTTP call) and linked inside it.
import type { Kysely } from 'kysely';
import { unitsWhere, type Principal } from '../../core/access/index.ts';
import { bodyEffect, localToday, maxValidUntil, verificationProblem, verificationStatus, type ValidityProblem } from '../../core/stameq/index.ts';
import type { DB } from '../../db/types.ts';
import { assertCan, unauthenticated } from '../../http/access.ts';
import { ProblemError } from '../../http/problem.ts';
import type { Localized } from '../../http/language.ts';
import { actorOf, recordAudit } from '../audit/service.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import { personView, type PersonCheck, type RegistryPeople } from '../registries/module.ts';
import type { ListQuery, VerificationInput, VerificationQuery, VerificationView } from './schema.ts';
import {
  duplicateNumbers,
  findBody,
  findInstrumentType,
  insertVerification,
  instrumentTypes,
  listAnnouncements,
  listBodies,
  listVerifications,
  updateVerification,
  verifications,
  type Executor,
  type VerificationValues,
} from './store.ts';

/** The unit that owns the database (Tổng cục/Ủy ban Tiêu chuẩn Đo lường Chất lượng). */
export const STAMEQ_UNIT_ID = 'tcdlcl';

export interface StameqServiceDeps {
  db: Kysely<DB>;
  units: UnitDirectory;
  people: RegistryPeople;
  now?: () => Date;
}


const notFound = (what: Localized) => new ProblemError('not_found', { detail: what });
const invalid = (pointer: string, code: string, message: Localized) => new ProblemError('validation', { detail: message, errors: [{ pointer, code, message }] });

const VALIDITY_MESSAGES: Record<ValidityProblem, Localized> = {
  in_future: { vi: 'Ngày kiểm định không được sau hôm nay.', en: 'The verification date cannot be after today.' },
  fail_has_validity: { vi: 'Phương tiện đo không đạt thì không có thời hạn hiệu lực.', en: 'A failed instrument has no validity.' },
  pass_needs_validity: { vi: 'Cần thời hạn hiệu lực.', en: 'A validity date is required.' },
  not_after_verification: { vi: 'Hiệu lực đến phải sau ngày kiểm định.', en: 'The validity must end after the verification date.' },
  beyond_cycle: { vi: 'Hiệu lực vượt quá chu kỳ kiểm định của loại phương tiện đo.', en: 'The validity exceeds the instrument type’s verification cycle.' },
};

type VerificationJoined = Awaited<ReturnType<ReturnType<typeof verifications>['execute']>>[number];

export function createStameqService(deps: StameqServiceDeps) {
  const { db, units, people } = deps;
  const today = () => localToday(deps.now?.() ?? new Date());

  function publicVerificationOf(r: VerificationJoined) {
    return {
      stampNo: r.stamp_no,
      certificateNo: r.certificate_no,
      instrumentType: { code: r.instrument_type, name: { vi: r.type_name_vi, en: r.type_name_en } },
      model: r.model,
      manufacturer: r.manufacturer,
      serialNo: r.serial_no,
      bodyName: r.body_name,
      bodyRegistrationNo: r.body_registration_no,
      verifiedOn: r.verified_on,
      validUntil: r.valid_until,
      result: r.result,
      status: verificationStatus(r.result, r.valid_until, today()),
    };
  }

  async function verificationViews(ex: Executor, rows: VerificationJoined[]): Promise<VerificationView[]> {
    const persons = await people.getMany(ex, rows.flatMap((r) => (r.owner_person_id ? [r.owner_person_id] : [])));
    return rows.map((r) => {
      const person = r.owner_person_id ? persons.get(r.owner_person_id) : undefined;
      return {
        id: r.id,
        ...publicVerificationOf(r),
        bodyId: r.body_id,
        owner: { kind: r.owner_kind, orgName: r.owner_org_name, taxCode: r.owner_tax_code, person: person ? personView(person) : null },
        location: r.location,
        unitId: r.unit_id,
        updatedAt: new Date(r.updated_at).toISOString(),
        updatedBy: r.updated_by,
      };
    });
  }

  async function bodyViews(rows: Awaited<ReturnType<typeof listBodies>>['rows']) {
    const heads = await people.getMany(db, rows.flatMap((r) => (r.head_person_id ? [r.head_person_id] : [])));
    return rows.map((r) => ({
      id: r.id,
      registrationNo: r.registration_no,
      name: r.name,
      kind: r.kind,
      fields: r.fields,
      scope: r.scope,
      address: r.address,
      province: r.province,
      status: r.status,
      effect: bodyEffect(r.status, r.valid_until, today()),
      registeredOn: r.registered_on,
      validUntil: r.valid_until,
      headName: r.head_person_id ? (heads.get(r.head_person_id)?.fullName ?? null) : null,
    }));
  }

  async function readableUnits(p: Principal | undefined): Promise<string[]> {
    if (!p) throw unauthenticated();
    return unitsWhere(p, 'registry.read', await units.tree());
  }

  /** Checks the input against the catalog and the rules; returns the row values without the owner person. */
  async function prepare(input: VerificationInput, exceptId?: string) {
    const type = await findInstrumentType(db, input.instrumentType);
    if (!type) throw invalid('/body/instrumentType', 'unknown', { vi: 'Không có loại phương tiện đo này trong danh mục nhóm 2.', en: 'No such instrument type in the Group 2 list.' });
    if (!(await findBody(db, input.bodyId))) throw invalid('/body/bodyId', 'unknown', { vi: 'Không có tổ chức kiểm định này.', en: 'No such verification body.' });
    const validUntil = input.result === 'pass' ? (input.validUntil ?? maxValidUntil(input.verifiedOn, type.cycle_months)) : (input.validUntil ?? null);
    const problem = verificationProblem({ result: input.result, verifiedOn: input.verifiedOn, validUntil, cycleMonths: type.cycle_months, today: today() });
    if (problem) throw invalid(problem === 'in_future' ? '/body/verifiedOn' : '/body/validUntil', problem, VALIDITY_MESSAGES[problem]);
    const duplicates = await duplicateNumbers(db, input.certificateNo, input.stampNo, exceptId);
    if (duplicates.length > 0) {
      const stamp = duplicates.some((d) => d.stamp_no === input.stampNo);
      throw new ProblemError('conflict', {
        detail: stamp ? { vi: `Số tem ${input.stampNo} đã được ghi nhận.`, en: `Stamp number ${input.stampNo} is already recorded.` } : { vi: `Số giấy chứng nhận ${input.certificateNo} đã được ghi nhận.`, en: `Certificate number ${input.certificateNo} is already recorded.` },
        errors: [{ pointer: stamp ? '/body/stampNo' : '/body/certificateNo', code: 'duplicate', message: { vi: 'Đã có.', en: 'Already recorded.' } }],
      });
    }
    return { validUntil };
  }

  async function checkOwner(p: Principal, input: VerificationInput, unitId: string): Promise<PersonCheck | undefined> {
    if (input.owner.kind !== 'person' || p.kind !== 'officer') return undefined;
    return people.check({ kind: 'officer', accountId: p.accountId, name: p.fullName, officerCode: p.username, unitId }, input.owner.person);
  }

  const label = (p: Principal) => (p.kind === 'officer' ? p.username : p.fullName);

  async function save(p: Principal | undefined, input: VerificationInput, existingId: string | undefined, requestId?: string): Promise<VerificationView> {
    if (!p) throw unauthenticated();
    const tree = await units.tree();
    const before = existingId ? await getVerificationRow(existingId) : undefined;
    if (existingId && !before) throw notFound({ vi: 'Không tìm thấy kết quả kiểm định.', en: 'No such verification.' });
    if (before) assertCan(p, 'registry.edit', before.unit_id, tree);
    const unitId = input.unitId ?? before?.unit_id ?? STAMEQ_UNIT_ID;
    assertCan(p, 'registry.edit', unitId, tree);
    if (!tree.isActive(unitId)) throw invalid('/body/unitId', 'unknown', { vi: 'Không có đơn vị này.', en: 'No such unit.' });
    const { validUntil } = await prepare(input, existingId);
    const check = await checkOwner(p, input, unitId);
    const id = await db.transaction().execute(async (trx) => {
      const owner = input.owner.kind === 'person' ? await people.link(trx, 'stameq', input.owner.person, check, label(p)) : undefined;
      const values: VerificationValues = {
        certificate_no: input.certificateNo,
        stamp_no: input.stampNo,
        instrument_type: input.instrumentType,
        model: input.model,
        manufacturer: input.manufacturer,
        serial_no: input.serialNo,
        owner_kind: input.owner.kind,
        owner_person_id: owner?.id ?? null,
        owner_org_name: input.owner.kind === 'organization' ? input.owner.orgName : null,
        owner_tax_code: input.owner.kind === 'organization' ? (input.owner.taxCode ?? null) : null,
        location: input.location,
        body_id: input.bodyId,
        verified_on: input.verifiedOn,
        valid_until: validUntil,
        result: input.result,
        unit_id: unitId,
        updated_by: label(p),
      };
      const id = existingId ?? (await insertVerification(trx, values));
      if (existingId) await updateVerification(trx, existingId, values);
      await recordAudit(trx, {
        actor: actorOf(p),
        action: existingId ? 'stameq.verification.update' : 'stameq.verification.create',
        entity: 'stameq_verification',
        entityId: id,
        ...(before ? { before: { ...before, created_at: undefined, updated_at: undefined } } : {}),
        after: { ...values, owner_person_id: owner?.id ?? null },
        ...(requestId ? { requestId } : {}),
      });
      return id;
    });
    return getVerification(p, id);
  }

  function getVerificationRow(id: string) {
    return db.selectFrom('stameq_verification').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async function getVerification(p: Principal | undefined, id: string): Promise<VerificationView> {
    if (!p) throw unauthenticated();
    const row = await verifications(db).where('v.id', '=', id).executeTakeFirst();
    if (!row) throw notFound({ vi: 'Không tìm thấy kết quả kiểm định.', en: 'No such verification.' });
    assertCan(p, 'registry.read', row.unit_id, await units.tree());
    return (await verificationViews(db, [row]))[0]!;
  }

  return {
    async instrumentTypes() {
      return (await instrumentTypes(db)).map((t) => ({ code: t.code, name: { vi: t.name_vi, en: t.name_en }, cycleMonths: t.cycle_months, legalBasis: t.legal_basis }));
    },
    async publicBodies(q: ListQuery) {
      const { total, rows } = await listBodies(db, q);
      return { total, items: await bodyViews(rows) };
    },
    async publicBody(id: string) {
      const row = await findBody(db, id);
      if (!row) throw notFound({ vi: 'Không tìm thấy tổ chức.', en: 'No such body.' });
      return (await bodyViews([row]))[0]!;
    },
    async publicAnnouncements(q: { q?: string | undefined; limit: number; offset: number }) {
      const { total, rows } = await listAnnouncements(db, q);
      return {
        total,
        items: rows.map((a) => ({
          id: a.id,
          announcementNo: a.announcement_no,
          kind: a.kind,
          product: a.product,
          standardCode: a.standard_code,
          orgName: a.org_name,
          orgTaxCode: a.org_tax_code,
          orgAddress: a.org_address,
          receivingAgency: a.receiving_agency,
          announcedOn: a.announced_on,
          status: a.status,
          certificateNo: a.certificate_no ?? null,
          bodyName: a.body_name ?? null,
        })),
      };
    },
    /** The validity of a stamp, as anyone holding the instrument may check it. */
    async publicVerification(stampNo: string) {
      const row = await verifications(db).where('v.stamp_no', '=', stampNo).executeTakeFirst();
      if (!row) throw notFound({ vi: `Không có tem kiểm định số ${stampNo}.`, en: `No verification stamp number ${stampNo}.` });
      return publicVerificationOf(row);
    },
    /** For the gateway: verifications by stamp, certificate or serial number (owner included: the consumer is authorized). */
    async verificationsBy(key: { stampNo?: string; certificateNo?: string; serialNo?: string }) {
      let query = verifications(db);
      if (key.stampNo) query = query.where('v.stamp_no', '=', key.stampNo);
      if (key.certificateNo) query = query.where('v.certificate_no', '=', key.certificateNo);
      if (key.serialNo) query = query.where('v.serial_no', '=', key.serialNo);
      return verificationViews(db, await query.orderBy('v.verified_on', 'desc').limit(20).execute());
    },
    async listVerifications(p: Principal | undefined, q: VerificationQuery) {
      const { total, rows } = await listVerifications(db, { ...q, unitIds: await readableUnits(p), today: today() });
      return { total, items: await verificationViews(db, rows) };
    },
    getVerification,
    createVerification: (p: Principal | undefined, input: VerificationInput, requestId?: string) => save(p, input, undefined, requestId),
    updateVerification: (p: Principal | undefined, id: string, input: VerificationInput, requestId?: string) => save(p, input, id, requestId),
  };
}

export type StameqService = ReturnType<typeof createStameqService>;
