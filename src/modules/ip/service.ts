// The use cases of the intellectual property database: public reads (published applications and
// granted titles, with names but never a person's identifiers), officers' reads with the persons
// and their link to the population database (registry.read), the recording of an application and
// its moves through examination to a title (registry.edit), and the titles motcua issues through
// the IP procedures (recordIssuedResult, called when a result is issued). Every change is audited
// in its transaction. A person is checked with the population database before the transaction
// (an HTTP call) and linked inside it.
import type { Kysely } from 'kysely';
import { unitsWhere, type Principal } from '../../core/access/index.ts';
import { toLocalDate } from '../../core/calendar/local-time.ts';
import {
  applicationNumber,
  applicationNumberProblem,
  canMove,
  CLASSIFICATION,
  expiryOf,
  hasInventors,
  IP_KIND_NAMES,
  KIND_DIGIT,
  normalizeClass,
  parseClasses,
  PROCEDURE_KINDS,
  titleValidity,
  type ApplicationStatus,
  type IpKind,
} from '../../core/ip/index.ts';
import { dayNumber } from '../../core/calendar/local-time.ts';
import type { DB } from '../../db/types.ts';
import { assertCan, unauthenticated } from '../../http/access.ts';
import type { Localized } from '../../http/language.ts';
import { ProblemError } from '../../http/problem.ts';
import { actorOf, recordAudit, type AuditActor } from '../audit/service.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import type { PopulationActor } from '../population/module.ts';
import { personView, type PersonCheck, type PersonInput, type RegistryPeople, type RegistryPerson } from '../registries/module.ts';
import type { ResultIssuedEvent } from '../results/schema.ts';
import type { ApplicationInput, ApplicationView, ListQuery, PublicApplication, PublicTitle, StatusInput } from './schema.ts';
import { applicationNoTaken, findApplication, findTitleByNumberOrResult, insertApplication, insertTitle, inventorsOf, listApplications, nextSequence, setStatus, type ApplicationJoined, type Executor } from './store.ts';

/** The unit that owns the database (Cục Sở hữu trí tuệ). */
export const IP_UNIT_ID = 'cuc-shtt';
/** The warehouse document type of every IP procedure's result (catalog seed). */
export const IP_RESULT_DOCUMENT_TYPE = 'VBBH-SHCN';

export interface IpServiceDeps {
  db: Kysely<DB>;
  units: UnitDirectory;
  people: RegistryPeople;
  now?: () => Date;
}

/** What the IP database takes from the dossier a result was issued on (read by the caller). */
export interface IssuedDossier {
  formData: Record<string, unknown>;
  receivedAt: string | null;
  submittedAt: string | null;
  applicant: Record<string, unknown>;
}


const notFound = (what: Localized) => new ProblemError('not_found', { detail: what });
const invalid = (pointer: string, code: string, message: Localized) => new ProblemError('validation', { detail: message, errors: [{ pointer, code, message }] });

const NUMBER_MESSAGES: Record<'format' | 'kind' | 'year', Localized> = {
  format: { vi: 'Số đơn không đúng định dạng (ví dụ 1-2026-01234).', en: 'The application number is malformed (e.g. 1-2026-01234).' },
  kind: { vi: 'Chữ số đầu của số đơn không khớp loại đối tượng.', en: 'The first digit of the application number does not match the kind.' },
  year: { vi: 'Năm trong số đơn phải là năm nộp đơn.', en: 'The year in the application number must be the filing year.' },
};

/** The subject and classes an IP procedure's e-form holds (catalog seed, Cục Sở hữu trí tuệ). */
function fromForm(kind: IpKind, data: Record<string, unknown>): { subject: string | undefined; classes: string[]; priority: { date: string; no: string; country: string } | undefined } {
  const request = (data.request ?? {}) as Record<string, unknown>;
  const text = (k: string) => (typeof request[k] === 'string' && (request[k] as string).trim() ? (request[k] as string).trim() : undefined);
  const subject = { patent: text('inventionTitle'), utility_solution: text('solutionTitle'), trademark: text('markDescription'), industrial_design: text('productName') }[kind];
  const classText = { patent: text('ipcClass'), utility_solution: text('ipcClass'), trademark: text('niceClasses'), industrial_design: text('locarnoClass') }[kind];
  const date = text('priorityDate');
  const priority = request.claimsPriority === true && date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date, no: text('priorityApplicationNumber') ?? '-', country: text('priorityCountry') ?? '-' } : undefined;
  return { subject: subject?.slice(0, 500), classes: classText ? parseClasses(kind, classText).classes : [], priority };
}

export function createIpService(deps: IpServiceDeps) {
  const { db, units, people } = deps;
  const today = () => toLocalDate(deps.now?.() ?? new Date());

  function titleOf(r: ApplicationJoined) {
    if (!r.title_id || !r.title_no || !r.granted_on || !r.expires_on || !r.title_status) return null;
    return {
      titleNo: r.title_no,
      grantedOn: r.granted_on,
      expiresOn: r.expires_on,
      renewals: r.renewals ?? 0,
      status: r.title_status,
      validity: titleValidity(r.title_status, r.expires_on, today()),
      resultCode: r.result_code ?? null,
    };
  }

  function coreOf(r: ApplicationJoined) {
    return {
      applicationNo: r.application_no,
      kind: r.kind,
      kindName: IP_KIND_NAMES[r.kind],
      filingDate: r.filing_date,
      priorityDate: r.priority_date,
      priorityNo: r.priority_no,
      priorityCountry: r.priority_country,
      subject: r.subject,
      abstract: r.abstract,
      classes: r.classes,
      status: r.status,
      statusDate: r.status_date,
      publishedOn: r.published_on,
      applicantCountry: r.applicant_country,
      representativeFirm: r.representative_firm,
    };
  }

  async function personsOf(ex: Executor, rows: ApplicationJoined[]) {
    const inventors = await inventorsOf(ex, rows.map((r) => r.id));
    const ids = rows.flatMap((r) => [r.applicant_person_id, r.representative_person_id, r.holder_person_id, ...(inventors.get(r.id) ?? [])].filter((x): x is string => !!x));
    return { inventors, persons: await people.getMany(ex, [...new Set(ids)]) };
  }

  const holderName = (r: ApplicationJoined, persons: Map<string, RegistryPerson>) => r.holder_org_name ?? (r.holder_person_id ? persons.get(r.holder_person_id)?.fullName : undefined) ?? r.applicant_name;

  async function publicViews(rows: ApplicationJoined[]): Promise<PublicApplication[]> {
    const { inventors, persons } = await personsOf(db, rows);
    return rows.map((r) => ({
      ...coreOf(r),
      applicantName: r.applicant_name,
      inventorNames: (inventors.get(r.id) ?? []).map((id) => persons.get(id)?.fullName ?? ''),
      representativeName: r.representative_person_id ? (persons.get(r.representative_person_id)?.fullName ?? null) : null,
      title: titleOf(r),
    }));
  }

  async function officerViews(ex: Executor, rows: ApplicationJoined[]): Promise<ApplicationView[]> {
    const { inventors, persons } = await personsOf(ex, rows);
    const view = (id: string | null) => {
      const p = id ? persons.get(id) : undefined;
      return p ? personView(p) : null;
    };
    return rows.map((r) => {
      const title = titleOf(r);
      return {
        id: r.id,
        ...coreOf(r),
        applicant: { kind: r.applicant_kind, name: r.applicant_name, orgName: r.applicant_org_name, taxCode: r.applicant_tax_code, address: r.applicant_address, person: view(r.applicant_person_id) },
        inventors: (inventors.get(r.id) ?? []).flatMap((id) => {
          const v = view(id);
          return v ? [v] : [];
        }),
        representative: view(r.representative_person_id),
        title: title ? { ...title, id: r.title_id!, holderName: holderName(r, persons), holder: view(r.holder_person_id) } : null,
        dossierCode: r.dossier_code,
        unitId: r.unit_id,
        updatedAt: new Date(r.updated_at).toISOString(),
        updatedBy: r.updated_by,
      };
    });
  }

  function publicTitleOf(r: ApplicationJoined, persons: Map<string, RegistryPerson>): PublicTitle {
    const title = titleOf(r)!;
    return { ...title, kind: r.kind, kindName: IP_KIND_NAMES[r.kind], applicationNo: r.application_no, filingDate: r.filing_date, subject: r.subject, classes: r.classes, holderName: holderName(r, persons) };
  }

  async function readableUnits(p: Principal | undefined): Promise<string[]> {
    if (!p) throw unauthenticated();
    return unitsWhere(p, 'registry.read', await units.tree());
  }

  const label = (p: Principal) => (p.kind === 'officer' ? p.username : p.fullName);

  function populationActor(p: Principal, unitId: string): PopulationActor | undefined {
    return p.kind === 'officer' ? { kind: 'officer', accountId: p.accountId, name: p.fullName, officerCode: p.username, unitId } : undefined;
  }

  async function getApplication(p: Principal | undefined, id: string): Promise<ApplicationView> {
    if (!p) throw unauthenticated();
    const row = await findApplication(db, { id });
    if (!row) throw notFound({ vi: 'Không tìm thấy đơn.', en: 'No such application.' });
    assertCan(p, 'registry.read', row.unit_id, await units.tree());
    return (await officerViews(db, [row]))[0]!;
  }

  /** Checks an application against the rules; returns its classes normalized. */
  function prepare(input: ApplicationInput): string[] {
    if (dayNumber(input.filingDate) > dayNumber(today())) throw invalid('/body/filingDate', 'in_future', { vi: 'Ngày nộp đơn không được sau hôm nay.', en: 'The filing date cannot be after today.' });
    if (input.applicationNo) {
      const problem = applicationNumberProblem(input.applicationNo, input.kind, input.filingDate);
      if (problem) throw invalid('/body/applicationNo', problem, NUMBER_MESSAGES[problem]);
    }
    if (input.priority && dayNumber(input.priority.date) > dayNumber(input.filingDate))
      throw invalid('/body/priority/date', 'after_filing', { vi: 'Ngày ưu tiên không được sau ngày nộp đơn.', en: 'The priority date cannot be after the filing date.' });
    if (!hasInventors(input.kind) && input.inventors.length > 0)
      throw invalid('/body/inventors', 'not_for_kind', { vi: 'Nhãn hiệu không có tác giả.', en: 'A trademark has no authors.' });
    if (hasInventors(input.kind) && input.inventors.length === 0)
      throw invalid('/body/inventors', 'required', { vi: 'Cần ít nhất một tác giả.', en: 'At least one inventor or author is required.' });
    const classes: string[] = [];
    for (const [i, raw] of input.classes.entries()) {
      const c = normalizeClass(input.kind, raw);
      if (!c) throw invalid(`/body/classes/${i}`, 'class', { vi: `“${raw}” không phải một phân loại ${CLASSIFICATION[input.kind]}.`, en: `“${raw}” is not a ${CLASSIFICATION[input.kind]} class.` });
      if (!classes.includes(c)) classes.push(c);
    }
    if (input.kind === 'trademark' && classes.length === 0) throw invalid('/body/classes', 'required', { vi: 'Cần ít nhất một nhóm Nice.', en: 'At least one Nice class is required.' });
    if (new Set(input.inventors.map((x) => x.personalId)).size !== input.inventors.length)
      throw invalid('/body/inventors', 'duplicate', { vi: 'Một tác giả được ghi hai lần.', en: 'An inventor is listed twice.' });
    return classes;
  }

  async function createApplication(p: Principal | undefined, input: ApplicationInput, requestId?: string): Promise<ApplicationView> {
    if (!p) throw unauthenticated();
    const tree = await units.tree();
    const unitId = input.unitId ?? IP_UNIT_ID;
    assertCan(p, 'registry.edit', unitId, tree);
    if (!tree.isActive(unitId)) throw invalid('/body/unitId', 'unknown', { vi: 'Không có đơn vị này.', en: 'No such unit.' });
    const classes = prepare(input);
    if (input.applicationNo && (await applicationNoTaken(db, input.applicationNo)))
      throw new ProblemError('conflict', {
        detail: { vi: `Số đơn ${input.applicationNo} đã được ghi nhận.`, en: `Application ${input.applicationNo} is already recorded.` },
        errors: [{ pointer: '/body/applicationNo', code: 'duplicate', message: { vi: 'Đã có.', en: 'Already recorded.' } }],
      });
    // The population checks, outside the transaction.
    const actor = populationActor(p, unitId);
    const check = async (x: PersonInput) => (actor ? people.check(actor, x) : undefined);
    const applicantCheck = input.applicant.kind === 'person' ? await check(input.applicant.person) : undefined;
    const inventorChecks: Array<PersonCheck | undefined> = [];
    for (const inv of input.inventors) inventorChecks.push(await check(inv));
    const representativeCheck = input.representative ? await check(input.representative.person) : undefined;
    const by = label(p);

    const id = await db.transaction().execute(async (trx) => {
      const applicant = input.applicant.kind === 'person' ? await people.link(trx, 'ip', input.applicant.person, applicantCheck, by) : undefined;
      const inventorIds: string[] = [];
      for (const [i, inv] of input.inventors.entries()) inventorIds.push((await people.link(trx, 'ip', inv, inventorChecks[i], by)).id);
      const representative = input.representative ? await people.link(trx, 'ip', input.representative.person, representativeCheck, by) : undefined;
      const prefix = `${KIND_DIGIT[input.kind]}-${input.filingDate.slice(0, 4)}`;
      const applicationNo = input.applicationNo ?? applicationNumber(input.kind, Number(input.filingDate.slice(0, 4)), await nextSequence(trx, prefix));
      const values = {
        application_no: applicationNo,
        kind: input.kind,
        filing_date: input.filingDate,
        priority_date: input.priority?.date ?? null,
        priority_no: input.priority?.number ?? null,
        priority_country: input.priority?.country ?? null,
        subject: input.subject,
        abstract: input.abstract,
        classes: JSON.stringify(classes),
        status: 'filed' as const,
        status_date: input.filingDate,
        applicant_kind: input.applicant.kind,
        applicant_person_id: applicant?.id ?? null,
        applicant_org_name: input.applicant.kind === 'organization' ? input.applicant.orgName : null,
        applicant_tax_code: input.applicant.kind === 'organization' ? (input.applicant.taxCode ?? null) : null,
        applicant_address: input.applicant.address,
        applicant_country: input.applicant.kind === 'organization' ? input.applicant.country : 'VN',
        representative_person_id: representative?.id ?? null,
        representative_firm: input.representative?.firm ?? null,
        unit_id: unitId,
        created_by: by,
        updated_by: by,
      };
      const id = await insertApplication(trx, values, inventorIds);
      await recordAudit(trx, {
        actor: actorOf(p),
        action: 'ip.application.create',
        entity: 'ip_application',
        entityId: id,
        after: { ...values, classes, inventor_person_ids: inventorIds },
        ...(requestId ? { requestId } : {}),
      });
      return id;
    });
    return getApplication(p, id);
  }

  async function changeStatus(p: Principal | undefined, id: string, input: StatusInput, requestId?: string): Promise<ApplicationView> {
    if (!p) throw unauthenticated();
    const before = await findApplication(db, { id });
    if (!before) throw notFound({ vi: 'Không tìm thấy đơn.', en: 'No such application.' });
    assertCan(p, 'registry.edit', before.unit_id, await units.tree());
    if (!canMove(before.status, input.status))
      throw invalid('/body/status', 'transition', { vi: `Không thể chuyển đơn từ “${before.status}” sang “${input.status}”.`, en: `An application cannot move from ${before.status} to ${input.status}.` });
    if (dayNumber(input.date) < dayNumber(before.status_date) || dayNumber(input.date) > dayNumber(today()))
      throw invalid('/body/date', 'date', { vi: 'Ngày không hợp lệ (trước bước trước hoặc sau hôm nay).', en: 'The date is before the previous step or after today.' });
    if (input.status === 'granted' && !input.titleNo) throw invalid('/body/titleNo', 'required', { vi: 'Cần số văn bằng.', en: 'The title number is required.' });
    if (input.titleNo && input.status !== 'granted') throw invalid('/body/titleNo', 'not_granted', { vi: 'Chỉ ghi số văn bằng khi cấp.', en: 'A title number only goes with a grant.' });
    if (input.titleNo && input.titleNo[0] !== KIND_DIGIT[before.kind]) throw invalid('/body/titleNo', 'kind', { vi: 'Chữ số đầu của số văn bằng không khớp loại đối tượng.', en: 'The first digit of the title number does not match the kind.' });
    if (input.titleNo && (await findTitleByNumberOrResult(db, input.titleNo)))
      throw new ProblemError('conflict', { detail: { vi: `Văn bằng số ${input.titleNo} đã được ghi nhận.`, en: `Title ${input.titleNo} is already recorded.` } });
    const by = label(p);
    await db.transaction().execute(async (trx) => {
      const values = { status: input.status, status_date: input.date, ...(input.status === 'published' ? { published_on: input.date } : {}), updated_by: by };
      await setStatus(trx, id, values);
      await recordAudit(trx, {
        actor: actorOf(p),
        action: 'ip.application.status',
        entity: 'ip_application',
        entityId: id,
        before: { status: before.status, status_date: before.status_date, published_on: before.published_on },
        after: values,
        ...(requestId ? { requestId } : {}),
      });
      if (input.status === 'granted') {
        const title = {
          title_no: input.titleNo!,
          application_id: id,
          granted_on: input.date,
          expires_on: expiryOf(before.kind, before.filing_date),
          holder_kind: before.applicant_kind,
          holder_person_id: before.applicant_person_id,
          holder_org_name: before.applicant_org_name,
          unit_id: before.unit_id,
          created_by: by,
          updated_by: by,
        };
        const titleId = await insertTitle(trx, title);
        await recordAudit(trx, { actor: actorOf(p), action: 'ip.title.create', entity: 'ip_title', entityId: titleId, after: title, ...(requestId ? { requestId } : {}) });
      }
    });
    return getApplication(p, id);
  }

  /**
   * Records the protection title a motcua IP procedure issued (a granted result of 1.009901–
   * 1.009904): a granted application numbered in its kind and year, and the title under the result
   * code, its holder the applicant (a citizen linked through people, checked with the population
   * database). Idempotent by result code; other results are ignored. Returns the title id.
   */
  async function recordIssuedResult(event: ResultIssuedEvent, dossier: IssuedDossier | undefined): Promise<string | undefined> {
    const kind = PROCEDURE_KINDS[event.procedureCode];
    if (kind === undefined || event.documentType !== IP_RESULT_DOCUMENT_TYPE) return undefined;
    const existing = await findTitleByNumberOrResult(db, event.resultCode, event.resultCode);
    if (existing) return existing.id;
    const issuedOn = toLocalDate(new Date(event.issuedAt));
    const filed = dossier?.receivedAt ?? dossier?.submittedAt;
    const filingDate = filed ? toLocalDate(new Date(filed)) : issuedOn;
    const form = fromForm(kind, dossier?.formData ?? {});
    const isPerson = event.applicant.kind === 'citizen' && /^([0-9]{12}|[0-9]{9})$/.test(event.applicant.idNumber);
    const birthDate = typeof dossier?.applicant.birthDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dossier.applicant.birthDate) ? dossier.applicant.birthDate : null;
    const personInput: PersonInput | undefined = isPerson ? { personalId: event.applicant.idNumber, fullName: event.applicant.name, birthDate } : undefined;
    const actor: PopulationActor = { kind: 'officer', accountId: event.issuedBy, name: event.issuerUnit.name, officerCode: 'motcua-ket-qua', unitId: event.issuerUnit.id };
    const check = personInput ? await people.check(actor, personInput) : undefined;
    const by = `motcua ${event.dossierCode}`;
    const auditActor: AuditActor = { id: event.issuedBy, kind: 'officer', label: `${event.issuerUnit.name} (${event.dossierCode})` };
    const tree = await units.tree();
    const unitId = tree.isActive(event.issuerUnit.id) ? event.issuerUnit.id : IP_UNIT_ID;
    return db.transaction().execute(async (trx) => {
      const person = personInput ? await people.link(trx, 'ip', personInput, check, by) : undefined;
      const prefix = `${KIND_DIGIT[kind]}-${filingDate.slice(0, 4)}`;
      const taxCode = !isPerson && /^[0-9]{10}([0-9]{3})?$/.test(event.applicant.idNumber) ? event.applicant.idNumber : null;
      const application = {
        application_no: applicationNumber(kind, Number(filingDate.slice(0, 4)), await nextSequence(trx, prefix)),
        kind,
        filing_date: filingDate,
        priority_date: form.priority && form.priority.date <= filingDate ? form.priority.date : null,
        priority_no: form.priority && form.priority.date <= filingDate ? form.priority.no.slice(0, 50) : null,
        priority_country: form.priority && form.priority.date <= filingDate && form.priority.country.length >= 2 ? form.priority.country.slice(0, 100) : null,
        subject: form.subject ?? `${event.documentName} (${event.dossierCode})`.slice(0, 500),
        classes: JSON.stringify(form.classes),
        status: 'granted' as ApplicationStatus,
        status_date: issuedOn < filingDate ? filingDate : issuedOn,
        applicant_kind: person ? ('person' as const) : ('organization' as const),
        applicant_person_id: person?.id ?? null,
        applicant_org_name: person ? null : event.applicant.name.slice(0, 300),
        applicant_tax_code: taxCode,
        dossier_code: event.dossierCode,
        unit_id: unitId,
        created_by: by,
        updated_by: by,
      };
      const applicationId = await insertApplication(trx, application, []);
      const grantedOn = application.status_date;
      const title = {
        title_no: event.resultCode,
        application_id: applicationId,
        granted_on: grantedOn,
        expires_on: expiryOf(kind, filingDate),
        holder_kind: application.applicant_kind,
        holder_person_id: application.applicant_person_id,
        holder_org_name: application.applicant_org_name,
        result_code: event.resultCode,
        unit_id: unitId,
        created_by: by,
        updated_by: by,
      };
      const titleId = await insertTitle(trx, title);
      await recordAudit(trx, { actor: auditActor, action: 'ip.title.issued', entity: 'ip_title', entityId: titleId, after: { ...title, application: { ...application, classes: form.classes } } });
      return titleId;
    });
  }

  return {
    /** Whether an issued result is a protection title of one of the IP procedures. */
    isIpResult: (event: Pick<ResultIssuedEvent, 'procedureCode' | 'documentType'>): boolean => PROCEDURE_KINDS[event.procedureCode] !== undefined && event.documentType === IP_RESULT_DOCUMENT_TYPE,
    async publicApplications(q: ListQuery) {
      const { total, rows } = await listApplications(db, { ...q, publicOnly: true });
      return { total, items: await publicViews(rows) };
    },
    async publicApplication(applicationNo: string) {
      const row = await findApplication(db, { applicationNo });
      if (!row || (row.published_on === null && row.status !== 'granted'))
        throw notFound({ vi: `Không có đơn đã công bố số ${applicationNo}.`, en: `No published application number ${applicationNo}.` });
      return (await publicViews([row]))[0]!;
    },
    /** A title's validity and holder, as anyone may check it. */
    async publicTitle(titleNo: string): Promise<PublicTitle> {
      const row = await findApplication(db, { titleNo });
      if (!row) throw notFound({ vi: `Không có văn bằng số ${titleNo}.`, en: `No title number ${titleNo}.` });
      const { persons } = await personsOf(db, [row]);
      return publicTitleOf(row, persons);
    },
    /** For the gateway: one application with its persons (the consumer is authorized). */
    async applicationByNumber(applicationNo: string): Promise<ApplicationView | undefined> {
      const row = await findApplication(db, { applicationNo });
      return row ? (await officerViews(db, [row]))[0] : undefined;
    },
    async titleByNumber(titleNo: string): Promise<ApplicationView | undefined> {
      const row = await findApplication(db, { titleNo });
      return row ? (await officerViews(db, [row]))[0] : undefined;
    },
    async listApplications(p: Principal | undefined, q: ListQuery) {
      const { total, rows } = await listApplications(db, { ...q, publicOnly: false, unitIds: await readableUnits(p) });
      return { total, items: await officerViews(db, rows) };
    },
    getApplication,
    createApplication,
    changeStatus,
    recordIssuedResult,
  };
}

export type IpService = ReturnType<typeof createIpService>;
