// The use cases of the technology supply and demand database: public reads (published offers and
// demands, the technology map — never a person's ID number or birth date), officers' reads with
// each person's link to the population database (registry.read), and the recording and correction
// of providers, offers and demands (registry.edit), audited in the same transaction. A person is
// checked with the population database before the transaction (an HTTP call), linked inside it.
import type { Kysely } from 'kysely';
import { unitsWhere, type Principal } from '../../core/access/index.ts';
import {
  effectiveStatus,
  listingCode,
  listingProblem,
  localToday,
  TRANSFER_FORM_NAMES,
  TRANSFER_FORMS,
  TRL_NAMES,
  type ListingProblem,
  type ListingStatus,
} from '../../core/tech-market/index.ts';
import type { DB } from '../../db/types.ts';
import { assertCan, unauthenticated } from '../../http/access.ts';
import type { Localized } from '../../http/language.ts';
import { ProblemError } from '../../http/problem.ts';
import { actorOf, recordAudit } from '../audit/service.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import { personView, type PersonCheck, type PersonInput, type RegistryPeople } from '../registries/module.ts';
import type { Catalog, DemandInput, DemandView, OfferInput, OfferView, OfficerSearchQuery, ProviderInput, ProviderQuery, ProviderView, SearchQuery, TechMap } from './schema.ts';
import {
  demands,
  fieldExists,
  fields,
  findDemand,
  findOffer,
  findProvider,
  insertDemand,
  insertOffer,
  listDemands,
  listOffers,
  listProviders,
  mapCounts,
  nextNumber,
  offers,
  provinceExists,
  provinces,
  taxCodeTaken,
  updateDemand,
  updateOffer,
  type DemandJoined,
  type DemandValues,
  type Executor,
  type OfferJoined,
  type OfferValues,
  type ProviderJoined,
} from './store.ts';

/** The unit that owns the database (Cục Phát triển thị trường và doanh nghiệp khoa học và công nghệ). */
export const TECHMARKET_UNIT_ID = 'cuc-phat-trien-thi-truong';

export interface TechMarketServiceDeps {
  db: Kysely<DB>;
  units: UnitDirectory;
  people: RegistryPeople;
  now?: () => Date;
}

const money = (v: string | number | null) => (v === null ? null : Number(v));

const notFound = (what: Localized) => new ProblemError('not_found', { detail: what });
const invalid = (pointer: string, code: string, message: Localized) => new ProblemError('validation', { detail: message, errors: [{ pointer, code, message }] });

const LISTING_MESSAGES: Record<ListingProblem, Localized> = {
  bad_transition: { vi: 'Không được chuyển sang trạng thái này từ trạng thái hiện tại.', en: 'This status cannot follow the current one.' },
  price_or_negotiable: { vi: 'Cần ghi giá hoặc chọn “thỏa thuận”.', en: 'Give a price or mark it negotiable.' },
  needs_last_day: { vi: 'Cần thời hạn trước khi công bố.', en: 'A last day is required to publish.' },
  last_day_past: { vi: 'Thời hạn đã qua.', en: 'The last day has passed.' },
  last_day_too_far: { vi: 'Thời hạn không được quá 2 năm kể từ hôm nay.', en: 'The last day cannot be more than two years away.' },
  no_transfer_form: { vi: 'Cần ít nhất một hình thức chuyển giao.', en: 'At least one transfer form is required.' },
};

export function createTechMarketService(deps: TechMarketServiceDeps) {
  const { db, units, people } = deps;
  const today = () => localToday(deps.now?.() ?? new Date());
  const label = (p: Principal) => (p.kind === 'officer' ? p.username : p.fullName);

  async function readableUnits(p: Principal | undefined): Promise<string[]> {
    if (!p) throw unauthenticated();
    return unitsWhere(p, 'registry.read', await units.tree());
  }

  function listingBase(r: OfferJoined | DemandJoined, lastDay: string | null) {
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      field: { code: r.field_code, name: { vi: r.field_vi, en: r.field_en } },
      transferForms: r.transfer_forms,
      transferRight: r.transfer_right,
      province: { code: r.province_code, name: r.province_name },
      negotiable: r.negotiable,
      status: effectiveStatus(r.status, lastDay, today()),
      publishedOn: r.published_on,
    };
  }
  const offerBase = (r: OfferJoined) => ({ ...listingBase(r, r.valid_until), summary: r.summary, trl: r.trl, priceVnd: money(r.price_vnd), ipRef: r.ip_ref, validUntil: r.valid_until });
  const demandBase = (r: DemandJoined) => ({
    ...listingBase(r, r.deadline),
    description: r.description,
    minTrl: r.min_trl,
    budgetVnd: money(r.budget_vnd),
    deadline: r.deadline,
    orgName: r.org_name,
    taxCode: r.tax_code,
  });
  const officerMeta = (r: OfferJoined | DemandJoined) => ({ storedStatus: r.status, unitId: r.unit_id, updatedAt: new Date(r.updated_at).toISOString(), updatedBy: r.updated_by });

  async function providerViews(ex: Executor, rows: ProviderJoined[]): Promise<Map<string, ProviderView>> {
    const persons = await people.getMany(ex, rows.map((r) => r.person_id));
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          kind: r.kind,
          orgName: r.org_name,
          taxCode: r.tax_code,
          person: personView(persons.get(r.person_id)!),
          address: r.address,
          province: { code: r.province_code, name: r.province_name },
          contactEmail: r.contact_email,
          status: r.status,
          unitId: r.unit_id,
          updatedAt: new Date(r.updated_at).toISOString(),
          updatedBy: r.updated_by,
        },
      ]),
    );
  }

  async function providersOf(ex: Executor, ids: string[]) {
    if (ids.length === 0) return new Map<string, ProviderView>();
    const rows = await ex
      .selectFrom('techmarket_provider as r')
      .innerJoin('techmarket_province as pv', 'pv.code', 'r.province_code')
      .selectAll('r')
      .select(['pv.name as province_name'])
      .where('r.id', 'in', [...new Set(ids)])
      .execute();
    return providerViews(ex, rows);
  }

  async function offerViews(ex: Executor, rows: OfferJoined[]): Promise<OfferView[]> {
    const byId = await providersOf(ex, rows.map((r) => r.provider_id));
    return rows.map((r) => ({ ...offerBase(r), ...officerMeta(r), provider: byId.get(r.provider_id)! }));
  }

  async function publicOffers(ex: Executor, rows: OfferJoined[]) {
    const byId = await providersOf(ex, rows.map((r) => r.provider_id));
    return rows.map((r) => {
      const pr = byId.get(r.provider_id)!;
      // the provider's public face: the organization, or the individual's name only
      return { ...offerBase(r), provider: { kind: pr.kind, name: pr.orgName ?? pr.person.fullName, province: pr.province.name, contactEmail: pr.contactEmail } };
    });
  }

  async function demandViews(ex: Executor, rows: DemandJoined[]): Promise<DemandView[]> {
    const persons = await people.getMany(ex, rows.map((r) => r.representative_person_id));
    return rows.map((r) => ({ ...demandBase(r), ...officerMeta(r), representative: personView(persons.get(r.representative_person_id)!) }));
  }

  async function checkPerson(p: Principal, person: PersonInput, unitId: string): Promise<PersonCheck | undefined> {
    if (p.kind !== 'officer') return undefined;
    return people.check({ kind: 'officer', accountId: p.accountId, name: p.fullName, officerCode: p.username, unitId }, person);
  }

  /** The unit a record is written in, checked for the officer; the record's own unit when correcting. */
  async function writeUnit(p: Principal | undefined, requested: string | undefined, existing: string | undefined): Promise<{ principal: Principal; unitId: string }> {
    if (!p) throw unauthenticated();
    const tree = await units.tree();
    if (existing) assertCan(p, 'registry.edit', existing, tree);
    const unitId = requested ?? existing ?? TECHMARKET_UNIT_ID;
    assertCan(p, 'registry.edit', unitId, tree);
    if (!tree.isActive(unitId)) throw invalid('/body/unitId', 'unknown', { vi: 'Không có đơn vị này.', en: 'No such unit.' });
    return { principal: p, unitId };
  }

  async function checkCatalog(fieldCode: string, provinceCode: string) {
    if (!(await fieldExists(db, fieldCode))) throw invalid('/body/fieldCode', 'unknown', { vi: 'Không có lĩnh vực này.', en: 'No such field.' });
    if (!(await provinceExists(db, provinceCode))) throw invalid('/body/provinceCode', 'unknown', { vi: 'Không có tỉnh, thành phố này.', en: 'No such province.' });
  }

  /** The status rules; returns the publication date to store. */
  function checkListing(input: { status: ListingStatus; priceVnd: number | null; negotiable: boolean; transferForms: OfferInput['transferForms'] }, lastDay: string | null, before: { status: ListingStatus; published_on: string | null } | undefined, lastDayPointer: string) {
    // a new listing starts as a draft: it may be saved as one, published or withdrawn at once
    const problem = listingProblem({ from: before?.status ?? 'draft', to: input.status, priceVnd: input.priceVnd, negotiable: input.negotiable, transferForms: input.transferForms, lastDay, today: today() });
    if (problem) {
      const pointer = problem === 'bad_transition' ? '/body/status' : problem === 'price_or_negotiable' ? '/body/negotiable' : problem === 'no_transfer_form' ? '/body/transferForms' : lastDayPointer;
      throw invalid(pointer, problem, LISTING_MESSAGES[problem]);
    }
    const republished = input.status === 'published' && before?.status !== 'published';
    return input.status === 'published' ? (republished || !before?.published_on ? today() : before.published_on) : (before?.published_on ?? null);
  }

  // ---- providers

  async function createProvider(p: Principal | undefined, input: ProviderInput, requestId?: string): Promise<ProviderView> {
    const { principal, unitId } = await writeUnit(p, input.unitId, undefined);
    if (!(await provinceExists(db, input.provinceCode))) throw invalid('/body/provinceCode', 'unknown', { vi: 'Không có tỉnh, thành phố này.', en: 'No such province.' });
    const taxCode = input.kind === 'organization' ? (input.taxCode ?? null) : null;
    if (taxCode && (await taxCodeTaken(db, taxCode)))
      throw new ProblemError('conflict', {
        detail: { vi: `Mã số thuế ${taxCode} đã có trong cơ sở dữ liệu.`, en: `Tax code ${taxCode} is already recorded.` },
        errors: [{ pointer: '/body/taxCode', code: 'duplicate', message: { vi: 'Đã có.', en: 'Already recorded.' } }],
      });
    const personInput = input.kind === 'organization' ? input.representative : input.person;
    const check = await checkPerson(principal, personInput, unitId);
    const id = await db.transaction().execute(async (trx) => {
      const person = await people.link(trx, 'techmarket', personInput, check, label(principal));
      const values = {
        kind: input.kind,
        org_name: input.kind === 'organization' ? input.orgName : null,
        tax_code: taxCode,
        person_id: person.id,
        address: input.address,
        province_code: input.provinceCode,
        contact_email: input.contactEmail ?? null,
        unit_id: unitId,
        created_by: label(principal),
        updated_by: label(principal),
      };
      const row = await trx.insertInto('techmarket_provider').values(values).returning('id').executeTakeFirstOrThrow();
      await recordAudit(trx, { actor: actorOf(principal), action: 'techmarket.provider.create', entity: 'techmarket_provider', entityId: row.id, after: values, ...(requestId ? { requestId } : {}) });
      return row.id;
    });
    return getProvider(principal, id);
  }

  async function getProvider(p: Principal | undefined, id: string): Promise<ProviderView> {
    if (!p) throw unauthenticated();
    const row = await findProvider(db, id);
    if (!row) throw notFound({ vi: 'Không tìm thấy tổ chức, cá nhân cung ứng công nghệ.', en: 'No such technology provider.' });
    assertCan(p, 'registry.read', row.unit_id, await units.tree());
    return (await providerViews(db, [row])).get(id)!;
  }

  // ---- offers

  async function saveOffer(p: Principal | undefined, input: OfferInput, existingId: string | undefined, requestId?: string): Promise<OfferView> {
    if (!p) throw unauthenticated();
    const before = existingId ? await db.selectFrom('techmarket_offer').selectAll().where('id', '=', existingId).executeTakeFirst() : undefined;
    if (existingId && !before) throw notFound({ vi: 'Không tìm thấy chào bán công nghệ.', en: 'No such technology offer.' });
    const { principal, unitId } = await writeUnit(p, input.unitId, before?.unit_id);
    await checkCatalog(input.fieldCode, input.provinceCode);
    if (!(await findProvider(db, input.providerId))) throw invalid('/body/providerId', 'unknown', { vi: 'Không có tổ chức, cá nhân cung ứng này.', en: 'No such provider.' });
    const priceVnd = input.priceVnd ?? null;
    const validUntil = input.validUntil ?? null;
    const publishedOn = checkListing({ ...input, priceVnd }, validUntil, before, '/body/validUntil');
    const values: OfferValues = {
      provider_id: input.providerId,
      name: input.name,
      summary: input.summary,
      field_code: input.fieldCode,
      trl: input.trl,
      transfer_forms: input.transferForms,
      transfer_right: input.transferRight,
      province_code: input.provinceCode,
      price_vnd: priceVnd,
      negotiable: input.negotiable,
      ip_ref: input.ipRef ?? null,
      status: input.status,
      published_on: publishedOn,
      valid_until: validUntil,
      unit_id: unitId,
      updated_by: label(principal),
    };
    const id = await db.transaction().execute(async (trx) => {
      let id = existingId;
      if (id) await updateOffer(trx, id, values);
      else id = await insertOffer(trx, listingCode('offer', Number(today().slice(0, 4)), await nextNumber(trx, 'offer')), values);
      await recordAudit(trx, {
        actor: actorOf(principal),
        action: existingId ? 'techmarket.offer.update' : 'techmarket.offer.create',
        entity: 'techmarket_offer',
        entityId: id,
        ...(before ? { before: { ...before, created_at: undefined, updated_at: undefined } } : {}),
        after: values,
        ...(requestId ? { requestId } : {}),
      });
      return id;
    });
    return getOffer(principal, id);
  }

  async function getOffer(p: Principal | undefined, id: string): Promise<OfferView> {
    if (!p) throw unauthenticated();
    const row = await findOffer(db, id);
    if (!row) throw notFound({ vi: 'Không tìm thấy chào bán công nghệ.', en: 'No such technology offer.' });
    assertCan(p, 'registry.read', row.unit_id, await units.tree());
    return (await offerViews(db, [row]))[0]!;
  }

  // ---- demands

  async function saveDemand(p: Principal | undefined, input: DemandInput, existingId: string | undefined, requestId?: string): Promise<DemandView> {
    if (!p) throw unauthenticated();
    const before = existingId ? await db.selectFrom('techmarket_demand').selectAll().where('id', '=', existingId).executeTakeFirst() : undefined;
    if (existingId && !before) throw notFound({ vi: 'Không tìm thấy nhu cầu công nghệ.', en: 'No such technology demand.' });
    const { principal, unitId } = await writeUnit(p, input.unitId, before?.unit_id);
    await checkCatalog(input.fieldCode, input.provinceCode);
    const budgetVnd = input.budgetVnd ?? null;
    const deadline = input.deadline ?? null;
    const publishedOn = checkListing({ ...input, priceVnd: budgetVnd }, deadline, before, '/body/deadline');
    const check = await checkPerson(principal, input.representative, unitId);
    const id = await db.transaction().execute(async (trx) => {
      const rep = await people.link(trx, 'techmarket', input.representative, check, label(principal));
      const values: DemandValues = {
        org_name: input.orgName,
        tax_code: input.taxCode ?? null,
        representative_person_id: rep.id,
        name: input.name,
        description: input.description,
        field_code: input.fieldCode,
        min_trl: input.minTrl,
        transfer_forms: input.transferForms,
        transfer_right: input.transferRight,
        province_code: input.provinceCode,
        budget_vnd: budgetVnd,
        negotiable: input.negotiable,
        status: input.status,
        published_on: publishedOn,
        deadline,
        unit_id: unitId,
        updated_by: label(principal),
      };
      let id = existingId;
      if (id) await updateDemand(trx, id, values);
      else id = await insertDemand(trx, listingCode('demand', Number(today().slice(0, 4)), await nextNumber(trx, 'demand')), values);
      await recordAudit(trx, {
        actor: actorOf(principal),
        action: existingId ? 'techmarket.demand.update' : 'techmarket.demand.create',
        entity: 'techmarket_demand',
        entityId: id,
        ...(before ? { before: { ...before, created_at: undefined, updated_at: undefined } } : {}),
        after: values,
        ...(requestId ? { requestId } : {}),
      });
      return id;
    });
    return getDemand(principal, id);
  }

  async function getDemand(p: Principal | undefined, id: string): Promise<DemandView> {
    if (!p) throw unauthenticated();
    const row = await findDemand(db, id);
    if (!row) throw notFound({ vi: 'Không tìm thấy nhu cầu công nghệ.', en: 'No such technology demand.' });
    assertCan(p, 'registry.read', row.unit_id, await units.tree());
    return (await demandViews(db, [row]))[0]!;
  }

  return {
    async catalog(): Promise<Catalog> {
      const [f, pv] = await Promise.all([fields(db), provinces(db)]);
      return {
        fields: f.map((r) => ({ code: r.code, name: { vi: r.name_vi, en: r.name_en } })),
        provinces: pv.map((r) => ({ code: r.code, name: r.name })),
        transferForms: TRANSFER_FORMS.map((code) => ({ code, name: { vi: TRANSFER_FORM_NAMES[code].vi, en: TRANSFER_FORM_NAMES[code].en }, basis: TRANSFER_FORM_NAMES[code].basis })),
        readinessLevels: Object.entries(TRL_NAMES).map(([level, name]) => ({ level: Number(level), name })),
      };
    },
    async publicOffers(q: SearchQuery) {
      const { total, rows } = await listOffers(db, { ...q, publicOn: today() });
      return { total, items: await publicOffers(db, rows) };
    },
    async publicOffer(id: string) {
      const row = await offers(db).where('o.id', '=', id).where('o.status', '=', 'published').where('o.valid_until', '>=', today()).executeTakeFirst();
      if (!row) throw notFound({ vi: 'Không tìm thấy chào bán công nghệ.', en: 'No such technology offer.' });
      return (await publicOffers(db, [row]))[0]!;
    },
    async publicDemands(q: SearchQuery) {
      const { total, rows } = await listDemands(db, { ...q, publicOn: today() });
      return { total, items: rows.map(demandBase) };
    },
    async publicDemand(id: string) {
      const row = await demands(db).where('d.id', '=', id).where('d.status', '=', 'published').where('d.deadline', '>=', today()).executeTakeFirst();
      if (!row) throw notFound({ vi: 'Không tìm thấy nhu cầu công nghệ.', en: 'No such technology demand.' });
      return demandBase(row);
    },
    /** The technology map: published, unexpired offers and demands by field and by province. */
    async map(): Promise<TechMap> {
      const asOf = today();
      const [cells, f, pv] = await Promise.all([mapCounts(db, asOf), fields(db), provinces(db)]);
      const sum = (pick: (c: (typeof cells)[number]) => boolean) => {
        const m = cells.filter(pick);
        return { offers: m.reduce((a, c) => a + c.offers, 0), demands: m.reduce((a, c) => a + c.demands, 0) };
      };
      return {
        asOf,
        cells,
        byField: f.map((r) => ({ code: r.code, name: { vi: r.name_vi, en: r.name_en }, ...sum((c) => c.fieldCode === r.code) })),
        byProvince: pv.map((r) => ({ code: r.code, name: r.name, ...sum((c) => c.provinceCode === r.code) })),
        totals: sum(() => true),
      };
    },
    async listProviders(p: Principal | undefined, q: ProviderQuery) {
      const { total, rows } = await listProviders(db, { ...q, unitIds: await readableUnits(p) });
      const views = await providerViews(db, rows);
      return { total, items: rows.map((r) => views.get(r.id)!) };
    },
    getProvider,
    createProvider,
    async listOffers(p: Principal | undefined, q: OfficerSearchQuery) {
      const { total, rows } = await listOffers(db, { ...q, unitIds: await readableUnits(p) });
      return { total, items: await offerViews(db, rows) };
    },
    getOffer,
    createOffer: (p: Principal | undefined, input: OfferInput, requestId?: string) => saveOffer(p, input, undefined, requestId),
    updateOffer: (p: Principal | undefined, id: string, input: OfferInput, requestId?: string) => saveOffer(p, input, id, requestId),
    async listDemands(p: Principal | undefined, q: OfficerSearchQuery) {
      const { total, rows } = await listDemands(db, { ...q, unitIds: await readableUnits(p) });
      return { total, items: await demandViews(db, rows) };
    },
    getDemand,
    createDemand: (p: Principal | undefined, input: DemandInput, requestId?: string) => saveDemand(p, input, undefined, requestId),
    updateDemand: (p: Principal | undefined, id: string, input: DemandInput, requestId?: string) => saveDemand(p, input, id, requestId),
  };
}

export type TechMarketService = ReturnType<typeof createTechMarketService>;
