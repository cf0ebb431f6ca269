import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { listAudit } from '../audit/service.ts';
import { ProcedureVersionView, type ProcedureContent } from './schema.ts';
import { createCatalogTestApp, sampleContent, TEST_CITIZEN_ID, type CatalogTestApp } from './testing.ts';

let t: CatalogTestApp;
let admin: TestLogin; // admin of cuc-shtt
let ministryAdmin: TestLogin; // admin of the ministry (above every unit)
let auditor: TestLogin; // auditor of cuc-shtt
let otherAdmin: TestLogin; // admin of another unit (tcdlcl)
let citizen: TestLogin;
let noDataCitizen: TestLogin; // no population data: prefill unavailable
let organization: TestLogin;

beforeAll(async () => {
  t = await createCatalogTestApp();
  admin = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'admin', unitId: 'cuc-shtt' }] });
  ministryAdmin = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'admin', unitId: 'bkhcn' }] });
  auditor = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'auditor', unitId: 'cuc-shtt' }] });
  otherAdmin = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'admin', unitId: 'tcdlcl' }] });
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà' });
  noDataCitizen = await loginAs(t.db, { kind: 'citizen', personalId: '079201000123' });
  organization = await loginAs(t.db, { kind: 'organization', taxCode: '0101234567', fullName: 'Công ty TNHH Công nghệ Ánh Dương' });
});
afterAll(async () => {
  await t?.close();
});

type Who = TestLogin | undefined;
const req = (method: 'GET' | 'POST' | 'PUT', url: string, who: Who, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who?.headers ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function createProcedure(code: string, content: ProcedureContent = sampleContent(), owner = 'cuc-shtt', who: Who = admin) {
  const res = await req('POST', '/procedures', who, { code, ownerUnitId: owner, content });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function publish(code: string, n: number, who: Who = admin) {
  const res = await req('POST', `/procedures/${code}/versions/${n}/publish`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('creating a procedure (admin of the owning unit)', () => {
  it.each<[string, number, () => Who]>([
    ['anonymous', 401, () => undefined],
    ['a citizen', 403, () => citizen],
    ['an auditor of the unit', 403, () => auditor],
    ['an admin of another unit', 403, () => otherAdmin],
  ])('%s may not (%i), and nothing is created', async (_name, status, who) => {
    const res = await req('POST', '/procedures', who(), { code: '1.100001', ownerUnitId: 'cuc-shtt', content: sampleContent() });
    expect(res.statusCode).toBe(status);
    expect((await req('GET', '/procedures/1.100001/versions', admin)).statusCode).toBe(404);
  });

  it('the unit admin creates a draft v1, audited; an admin above the unit may too', async () => {
    const body = await createProcedure('1.100002');
    expect(body.version).toMatchObject({ number: 1, status: 'draft', revision: 1, publishedAt: null });
    expect(body.ownerUnit).toMatchObject({ id: 'cuc-shtt', name: { vi: 'Cục Sở hữu trí tuệ' } });
    const audit = await listAudit(t.db, 'procedure', '1.100002');
    expect(audit.map((a) => a.action)).toEqual(['catalog.procedure.create']);
    expect(audit[0]).toMatchObject({ actor_kind: 'officer', actor_id: admin.accountId });

    const sub = await createProcedure('1.100003', sampleContent({ implementingUnits: [{ unitId: 'cuc-shtt-sang-che', role: 'decides' }] }), 'cuc-shtt-sang-che', ministryAdmin);
    expect(sub.ownerUnit.id).toBe('cuc-shtt-sang-che');
    // cuc-shtt admin covers its sub-unit
    expect((await req('POST', '/procedures/1.100003/versions/1/publish', admin)).statusCode).toBe(200);
  });

  it('refuses a duplicate code (409), a malformed code and an unknown unit (422)', async () => {
    await createProcedure('1.100004');
    expect((await req('POST', '/procedures', admin, { code: '1.100004', ownerUnitId: 'cuc-shtt', content: sampleContent() })).statusCode).toBe(409);
    const bad = await req('POST', '/procedures', admin, { code: '1.12345', ownerUnitId: 'cuc-shtt', content: sampleContent() });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].pointer).toBe('/body/code');
    const unit = await req('POST', '/procedures', admin, { code: '1.100005', ownerUnitId: 'khong-co', content: sampleContent() });
    expect(unit.statusCode).toBe(422);
    expect(unit.json().errors[0]).toMatchObject({ pointer: '/body/ownerUnitId', code: 'unit_unknown' });
  });

  it('validates the content at the edge: negative fee, bad time unit', async () => {
    const content = sampleContent();
    const res = await req('POST', '/procedures', admin, {
      code: '1.100006',
      ownerUnitId: 'cuc-shtt',
      content: { ...content, fees: [{ ...content.fees[0], amountVnd: -1 }], processingTime: { value: 5, unit: 'weeks', skipDaysOff: false } },
    });
    expect(res.statusCode).toBe(422);
    const pointers = res.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/body/content/fees/0/amountVnd', '/body/content/processingTime/unit']));
  });
});

describe('drafts are private to the owning unit', () => {
  beforeAll(async () => {
    await createProcedure('1.200001');
  });

  it('a draft is not in the public catalog', async () => {
    expect((await req('GET', '/procedures/1.200001', undefined)).statusCode).toBe(404);
    expect((await req('GET', '/procedures/1.200001/versions', undefined)).json().items).toEqual([]);
  });

  it.each<[string, number, () => Who]>([
    ['anonymous', 401, () => undefined],
    ['a citizen', 403, () => citizen],
    ['an admin of another unit', 403, () => otherAdmin],
    ['an auditor of the unit', 200, () => auditor],
    ['the unit admin', 200, () => admin],
  ])('reading draft v1: %s → %i', async (_name, status, who) => {
    expect((await req('GET', '/procedures/1.200001/versions/1', who())).statusCode).toBe(status);
  });

  it.each<[string, number, () => Who]>([
    ['anonymous', 401, () => undefined],
    ['a citizen', 403, () => citizen],
    ['an admin of another unit', 403, () => otherAdmin],
    ['an auditor of the unit', 200, () => auditor],
  ])('checking a version: %s → %i', async (_name, status, who) => {
    expect((await req('GET', '/procedures/1.200001/versions/1/check', who())).statusCode).toBe(status);
  });
});

describe('editing a draft', () => {
  beforeAll(async () => {
    await createProcedure('1.300001');
  });

  it.each<[string, number, () => Who]>([
    ['anonymous', 401, () => undefined],
    ['a citizen', 403, () => citizen],
    ['an auditor (reads, never changes)', 403, () => auditor],
    ['an admin of another unit', 403, () => otherAdmin],
  ])('%s may not (%i)', async (_name, status, who) => {
    const res = await req('PUT', '/procedures/1.300001/versions/1', who(), { content: sampleContent({ name: 'Không được sửa' }) });
    expect(res.statusCode).toBe(status);
  });

  it('the unit admin edits it; the revision moves on; a stale revision is a conflict; audited before/after', async () => {
    const res = await req('PUT', '/procedures/1.300001/versions/1', admin, { content: sampleContent({ name: 'Tên đã sửa' }), revision: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version.revision).toBe(2);
    expect(res.json().content.name).toBe('Tên đã sửa');
    const stale = await req('PUT', '/procedures/1.300001/versions/1', admin, { content: sampleContent({ name: 'Lần nữa' }), revision: 1 });
    expect(stale.statusCode).toBe(409);
    const audit = await listAudit(t.db, 'procedure', '1.300001');
    const update = audit.find((a) => a.action === 'catalog.version.update')!;
    expect((update.before as { content: { name: string } }).content.name).toBe(sampleContent().name);
    expect((update.after as { content: { name: string } }).content.name).toBe('Tên đã sửa');
  });

  it('a published version cannot be edited', async () => {
    await publish('1.300001', 1);
    expect((await req('PUT', '/procedures/1.300001/versions/1', admin, { content: sampleContent() })).statusCode).toBe(409);
  });
});

describe('publishing', () => {
  it('refuses a draft whose workflow exceeds the legal time, pointing at the steps; then publishes it fixed', async () => {
    await createProcedure('1.400001', sampleContent({ processingTime: { value: 10, unit: 'working_days', skipDaysOff: false } }));
    const check = await req('GET', '/procedures/1.400001/versions/1/check', admin);
    expect(check.json()).toMatchObject({ publishable: false });
    const refused = await req('POST', '/procedures/1.400001/versions/1/publish', admin);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ pointer: '/content/steps', code: 'budget_exceeds_time_limit' });
    expect(refused.json().errors[0].message).toContain('vượt thời hạn giải quyết 10 ngày làm việc');

    await req('PUT', '/procedures/1.400001/versions/1', admin, { content: sampleContent() });
    const published = await publish('1.400001', 1);
    expect(published.version.status).toBe('published');
    expect(published.version.publishedAt).not.toBeNull();
    const pub = await req('GET', '/procedures/1.400001', undefined);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().publicParts).toMatchObject({ complete: true, missing: [] });
    expect(pub.json().content.eform.uiSchema.version).toBe(1);
    expect(pub.json().feeTotal).toBe(150_000);
  });

  it.each<[string, number, () => Who]>([
    ['anonymous', 401, () => undefined],
    ['a citizen', 403, () => citizen],
    ['an auditor', 403, () => auditor],
    ['an admin of another unit', 403, () => otherAdmin],
  ])('%s may not publish (%i)', async (_name, status, who) => {
    await createProcedure(`1.40010${status === 401 ? 1 : who() === citizen ? 2 : who() === auditor ? 3 : 4}`);
    const code = `1.40010${status === 401 ? 1 : who() === citizen ? 2 : who() === auditor ? 3 : 4}`;
    expect((await req('POST', `/procedures/${code}/versions/1/publish`, who())).statusCode).toBe(status);
    expect((await req('GET', `/procedures/${code}`, undefined)).statusCode).toBe(404);
  });

  it('refuses a version missing one of the seven public parts (422 publication_incomplete); publishes it with a reason, audited', async () => {
    await createProcedure('1.400201', sampleContent({ sequence: [] }));
    const refused = await req('POST', '/procedures/1.400201/versions/1/publish', admin);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'publication_incomplete',
      missingParts: [{ part: 'sequence', label: { vi: 'Trình tự thực hiện', en: 'Sequence of steps' } }],
    });
    expect((await req('GET', '/procedures/1.400201', undefined)).statusCode).toBe(404);
    // A reason too short is bad input, not an override.
    expect((await req('POST', '/procedures/1.400201/versions/1/publish', admin, { overrideReason: 'gấp' })).statusCode).toBe(422);
    const reason = 'Công bố theo Quyết định 100/QĐ-BKHCN; trình tự sẽ được bổ sung.';
    const res = await req('POST', '/procedures/1.400201/versions/1/publish', admin, { overrideReason: reason });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().publicParts).toMatchObject({ complete: false, missing: ['sequence'] });
    const audit = (await listAudit(t.db, 'procedure', '1.400201')).find((a) => a.action === 'catalog.version.publish');
    expect(audit?.after).toMatchObject({ publicPartsComplete: false, missingPublicParts: ['sequence'], overrideReason: reason });
  });
});

describe('versions: v2, diff, pinning', () => {
  const code = '1.500001';
  let v2Content: ProcedureContent;

  beforeAll(async () => {
    await createProcedure(code);
    await publish(code, 1);
  });

  it('a new version starts as a draft copy; only one draft at a time', async () => {
    expect((await req('POST', `/procedures/${code}/versions`, auditor, {})).statusCode).toBe(403);
    expect((await req('POST', `/procedures/${code}/versions`, undefined, {})).statusCode).toBe(401);
    const v2 = await req('POST', `/procedures/${code}/versions`, admin, {});
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json().version).toMatchObject({ number: 2, status: 'draft' });
    expect((await req('POST', `/procedures/${code}/versions`, admin, {})).statusCode).toBe(409);

    // v2 adds a required field (request.summary) and raises the fee.
    const base = sampleContent();
    const eform = structuredClone(base.eform);
    const requestSchema = (eform.schema.properties as Record<string, Record<string, unknown>>).request!;
    (requestSchema.properties as Record<string, unknown>).summary = { type: 'string', title: 'Tóm tắt', maxLength: 2000 };
    requestSchema.required = [...(requestSchema.required as string[]), 'summary'];
    eform.uiSchema.fields['/request/summary'] = { label: { vi: 'Tóm tắt', en: 'Summary' } };
    eform.uiSchema.sections[1]!.fields.push('/request/summary');
    v2Content = sampleContent({ eform, fees: [{ ...base.fees[0]!, amountVnd: 300_000 }] });
    const edited = await req('PUT', `/procedures/${code}/versions/2`, admin, { content: v2Content });
    expect(edited.statusCode, edited.body).toBe(200);
  });

  it('the version list shows the draft to the owning unit only', async () => {
    const numbers = async (who: Who) => (await req('GET', `/procedures/${code}/versions`, who)).json().items.map((v: { number: number }) => v.number);
    expect(await numbers(undefined)).toEqual([1]);
    expect(await numbers(otherAdmin)).toEqual([1]);
    expect(await numbers(auditor)).toEqual([1, 2]);
  });

  it('the diff of a draft is private; the owning unit sees what changed', async () => {
    expect((await req('GET', `/procedures/${code}/versions/2/diff`, undefined)).statusCode).toBe(401);
    expect((await req('GET', `/procedures/${code}/versions/2/diff`, citizen)).statusCode).toBe(403);
    const diff = await req('GET', `/procedures/${code}/versions/2/diff`, auditor);
    expect(diff.statusCode).toBe(200);
    const body = diff.json();
    expect(body).toMatchObject({ from: 1, to: 2 });
    expect(body.changes).toContainEqual({ section: 'fees', path: '/fees/0/amountVnd', kind: 'changed', key: 'LP01', before: 150_000, after: 300_000 });
    expect(body.sections.map((s: { section: string }) => s.section)).toEqual(expect.arrayContaining(['fees', 'eform']));
    expect(body.sections.find((s: { section: string }) => s.section === 'fees').label.vi).toBe('Phí, lệ phí');
  });

  it('data saved under v1 keeps v1’s rules after v2 is published', async () => {
    const data = { applicant: { phone: '0912345678' }, request: { title: 'Máy lọc nước dùng năng lượng mặt trời' } };
    const saved = await req('POST', `/procedures/${code}/versions/1/submissions`, citizen, { data });
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json().id;

    await publish(code, 2);
    const versions = (await req('GET', `/procedures/${code}/versions`, undefined)).json().items;
    expect(versions.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'published'],
    ]);
    expect((await req('GET', `/procedures/${code}`, undefined)).json().version.number).toBe(2);

    // The same data fails v2 (new required field) ...
    const underV2 = await req('POST', `/procedures/${code}/versions/2/validate`, citizen, { data });
    expect(underV2.statusCode).toBe(422);
    expect(underV2.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/body/data/request/summary');
    // ... while the stored submission is re-validated under v1 and stays valid.
    const stored = await req('GET', `/form-submissions/${id}`, citizen);
    expect(stored.statusCode).toBe(200);
    expect(stored.json()).toMatchObject({ versionNumber: 1, versionStatus: 'superseded', validation: { valid: true, errors: [] } });
    // New submissions go to the published version only.
    expect((await req('POST', `/procedures/${code}/versions/1/submissions`, citizen, { data })).statusCode).toBe(409);
    // The public diff of two public versions.
    expect((await req('GET', `/procedures/${code}/versions/2/diff?from=1`, undefined)).statusCode).toBe(200);
  });

  it('withdrawing the published version takes the procedure out of the catalog', async () => {
    expect((await req('POST', `/procedures/${code}/versions/2/withdraw`, auditor, { reason: 'Bãi bỏ' })).statusCode).toBe(403);
    expect((await req('POST', `/procedures/${code}/versions/2/withdraw`, undefined, { reason: 'Bãi bỏ' })).statusCode).toBe(401);
    const res = await req('POST', `/procedures/${code}/versions/2/withdraw`, admin, { reason: 'Bãi bỏ theo Quyết định 99/QĐ-BKHCN' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Bãi bỏ theo Quyết định 99/QĐ-BKHCN' });
    expect((await req('GET', `/procedures/${code}`, undefined)).statusCode).toBe(404);
    expect((await req('GET', `/procedures?q=${code}`, undefined)).json().total).toBe(0);
    const actions = (await listAudit(t.db, 'procedure', code)).map((a) => a.action);
    expect(actions).toEqual([
      'catalog.procedure.create',
      'catalog.version.publish',
      'catalog.version.create',
      'catalog.version.update',
      'catalog.version.publish',
      'catalog.version.withdraw',
    ]);
  });
});

describe('the procedure page (kept serialized while its published version, row and units hold)', () => {
  const code = '1.550001';
  const page = async () => {
    const res = await req('GET', `/procedures/${code}`, undefined);
    return { status: res.statusCode, type: res.headers['content-type'], body: res.body };
  };

  it('is the published version as its schema gives it, the same on a repeat, and follows a new version, a unit rename and a withdrawal', async () => {
    await createProcedure(code);
    await publish(code, 1);
    const first = await page();
    expect(first.status).toBe(200);
    expect(first.type).toBe('application/json; charset=utf-8');
    const view = JSON.parse(first.body);
    expect(view).toEqual(JSON.parse(JSON.stringify(ProcedureVersionView.encode(await t.app.catalog.service.getPublished(code)))));
    expect(view.version.number).toBe(1);
    expect((await page()).body).toBe(first.body);

    // A new version published: the page is v2's, with its new name.
    expect((await req('POST', `/procedures/${code}/versions`, admin, {})).statusCode).toBe(201);
    const renamed = sampleContent({ name: 'Thủ tục đã đổi tên để thử bộ nhớ đệm' });
    expect((await req('PUT', `/procedures/${code}/versions/2`, admin, { content: renamed })).statusCode).toBe(200);
    await publish(code, 2);
    const second = JSON.parse((await page()).body);
    expect(second.version.number).toBe(2);
    expect(second.content.name).toBe('Thủ tục đã đổi tên để thử bộ nhớ đệm');

    // A unit renamed (and the directory told, as the units API does): the page shows the new name.
    const before = second.ownerUnit.name.vi;
    await t.db.updateTable('unit').set({ name_vi: `${before} (tên mới)` }).where('id', '=', 'cuc-shtt').execute();
    t.app.units.invalidate();
    try {
      expect(JSON.parse((await page()).body).ownerUnit.name.vi).toBe(`${before} (tên mới)`);
    } finally {
      await t.db.updateTable('unit').set({ name_vi: before }).where('id', '=', 'cuc-shtt').execute();
      t.app.units.invalidate();
    }

    // Withdrawn: gone, as a problem.
    expect((await req('POST', `/procedures/${code}/versions/2/withdraw`, admin, { reason: 'Bãi bỏ để thử' })).statusCode).toBe(200);
    const gone = await page();
    expect(gone.status).toBe(404);
    expect(gone.type).toMatch(/^application\/problem\+json/);
  });
});

describe('form validation and prefill', () => {
  const code = '1.600001';
  const filled = { applicant: { phone: '0912345678' }, request: { title: 'Bộ lọc không khí' } };

  beforeAll(async () => {
    await createProcedure(code);
    await publish(code, 1);
  });

  it('anyone may validate against a published version; errors are per field, in Vietnamese by default', async () => {
    const res = await req('POST', `/procedures/${code}/versions/1/validate`, undefined, { data: { request: { hasPriority: true } } });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.errors).toContainEqual({ pointer: '/body/data/applicant/fullName', code: 'required', message: 'Chưa nhập «Họ và tên».' });
    expect(body.errors).toContainEqual({ pointer: '/body/data/request/priorityNumber', code: 'required', message: 'Chưa nhập «Số đơn ưu tiên».' });
    expect(body.prefill.status).toBe('not_applicable');
    const en = await t.app.inject({
      method: 'POST',
      url: `/api/v1/procedures/${code}/versions/1/validate`,
      headers: { 'accept-language': 'en' },
      payload: { data: {} },
    });
    expect(en.json().errors[0].message).toBe('“Full name” is required.');
  });

  it('a citizen’s population data fills the bound fields, marked as prefilled', async () => {
    const res = await req('POST', `/procedures/${code}/versions/1/validate`, citizen, { data: filled });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.valid).toBe(true);
    expect(body.data.applicant).toMatchObject({ fullName: 'Nguyễn Thị Thu Hà', personalId: TEST_CITIZEN_ID, address: expect.stringContaining('Trần Duy Hưng') });
    expect(body.data.request.procedure).toBe('Thủ tục thử nghiệm đăng ký sáng chế');
    expect(body.prefill).toMatchObject({ status: 'applied', source: 'test-population' });
    expect(body.prefill.fields).toEqual(
      expect.arrayContaining([
        { pointer: '/applicant/fullName', attribute: 'fullName', source: 'population', editable: false, overridden: false },
        { pointer: '/request/procedure', attribute: 'catalog.procedureName', source: 'catalog', editable: false, overridden: false },
      ]),
    );
  });

  it('a locked field keeps the population value; an editable one keeps the change and records it', async () => {
    const res = await req('POST', `/procedures/${code}/versions/1/validate`, citizen, {
      data: { ...filled, applicant: { ...filled.applicant, fullName: 'Tên giả', address: 'Số 1 Lê Lợi, Huế' } },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.data.applicant.fullName).toBe('Nguyễn Thị Thu Hà');
    expect(body.data.applicant.address).toBe('Số 1 Lê Lợi, Huế');
    expect(body.prefill.replaced).toEqual([{ pointer: '/applicant/fullName', attribute: 'fullName', prefilledValue: 'Nguyễn Thị Thu Hà', submittedValue: 'Tên giả' }]);
    expect(body.prefill.overrides).toEqual([
      { pointer: '/applicant/address', attribute: 'permanentAddress', prefilledValue: expect.stringContaining('Trần Duy Hưng'), submittedValue: 'Số 1 Lê Lợi, Huế' },
    ]);
  });

  it('without population data the citizen fills the fields, recorded as not prefilled', async () => {
    const missing = await req('POST', `/procedures/${code}/versions/1/validate`, noDataCitizen, { data: filled });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().prefill.status).toBe('unavailable');
    const data = { ...filled, applicant: { ...filled.applicant, fullName: 'Phạm Minh Tuấn', personalId: '079201000123', address: 'TP. Hồ Chí Minh' } };
    const ok = await req('POST', `/procedures/${code}/versions/1/validate`, noDataCitizen, { data });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().prefill.status).toBe('unavailable');
    expect(ok.json().prefill.fields.map((f: { source: string }) => f.source)).toEqual(['catalog']);
    const saved = await req('POST', `/procedures/${code}/versions/1/submissions`, noDataCitizen, { data });
    expect(saved.statusCode).toBe(201);
    const row = await t.db.selectFrom('form_submission').selectAll().where('id', '=', saved.json().id).executeTakeFirstOrThrow();
    expect(row.prefill_status).toBe('unavailable');
    expect((row.prefilled as Array<{ source: string }>).every((p) => p.source === 'catalog')).toBe(true);
  });

  it('an organization gets its tax code and name from its account', async () => {
    const orgForm = sampleContent();
    const eform = structuredClone(orgForm.eform);
    const applicant = (eform.schema.properties as Record<string, Record<string, Record<string, unknown>>>).applicant!;
    applicant.properties!.taxCode = { type: 'string', format: 'tax-code', 'x-prefill': 'organization.taxCode' };
    eform.uiSchema.fields['/applicant/taxCode'] = { label: { vi: 'Mã số thuế', en: 'Tax code' } };
    await createProcedure('1.600002', sampleContent({ eform }));
    await publish('1.600002', 1);
    const res = await req('POST', '/procedures/1.600002/versions/1/validate', organization, { data: {} });
    expect(res.json().data.applicant.taxCode).toBe('0101234567');
    expect(res.json().prefill).toMatchObject({ status: 'applied', source: 'account' });
  });

  it('drafts: the owning unit tests a form with sample prefill values; others may not', async () => {
    await createProcedure('1.600003');
    const data = { data: filled, testPrefill: { fullName: 'Người Thử', personalId: '001099012345', permanentAddress: 'Hà Nội' } };
    expect((await req('POST', '/procedures/1.600003/versions/1/validate', undefined, data)).statusCode).toBe(401);
    expect((await req('POST', '/procedures/1.600003/versions/1/validate', citizen, data)).statusCode).toBe(403);
    expect((await req('POST', '/procedures/1.600003/versions/1/validate', otherAdmin, data)).statusCode).toBe(403);
    const ok = await req('POST', '/procedures/1.600003/versions/1/validate', auditor, data);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().data.applicant.fullName).toBe('Người Thử');
    expect(ok.json().prefill.source).toBe('test');
    // Test values on a published form are only for the unit too.
    expect((await req('POST', `/procedures/${code}/versions/1/validate`, citizen, data)).statusCode).toBe(403);
  });
});

describe('form submissions', () => {
  const code = '1.700001';
  const data = { applicant: { phone: '0912345678' }, request: { title: 'Thiết bị đo độ ẩm' } };
  let id: string;

  beforeAll(async () => {
    await createProcedure(code);
    await publish(code, 1);
  });

  it.each<[string, number, () => Who]>([
    ['anonymous', 401, () => undefined],
    ['an officer', 403, () => admin],
  ])('%s may not submit (%i)', async (_name, status, who) => {
    expect((await req('POST', `/procedures/${code}/versions/1/submissions`, who(), { data })).statusCode).toBe(status);
  });

  it('a citizen saves validated data pinned to the version, prefilled fields marked', async () => {
    const res = await req('POST', `/procedures/${code}/versions/1/submissions`, citizen, { data });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    id = body.id;
    expect(body).toMatchObject({ procedureCode: code, versionNumber: 1, versionStatus: 'published' });
    expect(body.data.applicant.fullName).toBe('Nguyễn Thị Thu Hà');
    const row = await t.db.selectFrom('form_submission').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.prefill_status).toBe('applied');
    expect((row.prefilled as Array<{ pointer: string }>).map((p) => p.pointer)).toContain('/applicant/personalId');
  });

  it('invalid data is not saved', async () => {
    const before = await t.db.selectFrom('form_submission').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await req('POST', `/procedures/${code}/versions/1/submissions`, citizen, { data: { request: {} } });
    expect(res.statusCode).toBe(422);
    const after = await t.db.selectFrom('form_submission').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it.each<[string, number, () => Who]>([
    ['anonymous', 401, () => undefined],
    ['another citizen', 404, () => noDataCitizen],
    ['an admin of another unit', 404, () => otherAdmin],
    ['the owner', 200, () => citizen],
    ['the owning unit’s auditor', 200, () => auditor],
  ])('reading a submission: %s → %i', async (_name, status, who) => {
    expect((await req('GET', `/form-submissions/${id}`, who())).statusCode).toBe(status);
  });
});

describe('the public catalog search', () => {
  const make = (name: string, change: Partial<ProcedureContent> = {}) => sampleContent({ name, ...change });

  beforeAll(async () => {
    const items: Array<[string, ProcedureContent, string]> = [
      ['2.800001', make('Đăng ký sáng chế'), 'cuc-shtt'],
      ['2.800002', make('Đăng ký nhãn hiệu', { fees: [{ code: 'LP01', name: 'Lệ phí', kind: 'charge', amountVnd: 0 }] }), 'cuc-shtt'],
      ['2.800006', make('Đăng ký hợp đồng chuyển giao', { fees: [] }), 'cuc-shtt'],
      ['2.800003', make('Sửa đổi đơn đăng ký sáng chế', { onlineLevel: 'partial' }), 'cuc-shtt'],
      ['2.800004', make('Cấp chứng chỉ kiểm định viên đo lường', { field: { code: 'DOLUONG', name: 'Đo lường' }, implementingUnits: [{ unitId: 'tcdlcl', role: 'decides' }], subjects: { kinds: ['citizen'], origins: ['vietnamese'] } }), 'tcdlcl'],
      ['2.800005', make('Ghi nhận thay đổi người đại diện sở hữu công nghiệp', { implementingUnits: [{ unitId: 'cuc-shtt-sang-che', role: 'decides' }] }), 'cuc-shtt-sang-che'],
    ];
    for (const [code, content, owner] of items) {
      await createProcedure(code, content, owner, ministryAdmin);
      await publish(code, 1, ministryAdmin);
    }
  });

  const search = async (query: string) => {
    const res = await req('GET', `/procedures?${query}`, undefined);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Array<{ code: string; name: string; feeTotal: number }>; total: number };
  };

  it.each([
    ['q=dang%20ky%20sang%20che'],
    ['q=%C4%90%C4%82NG%20K%C3%9D%20S%C3%81NG%20CH%E1%BA%BE'], // ĐĂNG KÝ SÁNG CHẾ
    ['q=%C4%91%C4%83ng%20k%C3%BD%20s%C3%A1ng%20ch%E1%BA%BF'], // đăng ký sáng chế
    ['q=DANG%20KY%20SANG'], // word prefixes
  ])('%s finds "Đăng ký sáng chế" first', async (query) => {
    const body = await search(query);
    expect(body.items[0]!.name).toBe('Đăng ký sáng chế');
    expect(body.items.map((i) => i.code)).toContain('2.800003');
    expect(body.items.map((i) => i.code)).not.toContain('2.800002');
  });

  it('matches a procedure code exactly', async () => {
    const body = await search('q=2.800004');
    expect(body.items[0]!.code).toBe('2.800004');
  });

  it('filters: field, unit (with sub-units), subject, online level, fee', async () => {
    expect((await search('field=DOLUONG')).items.map((i) => i.code)).toEqual(['2.800004']);
    const shtt = (await search('unit=cuc-shtt&q=dang')).items.map((i) => i.code);
    expect(shtt).toEqual(expect.arrayContaining(['2.800001', '2.800002', '2.800003']));
    expect((await search('unit=cuc-shtt')).items.map((i) => i.code)).toContain('2.800005');
    expect((await search('unit=tcdlcl')).items.map((i) => i.code)).toEqual(['2.800004']);
    expect((await search('subject=business&q=kiem%20dinh')).total).toBe(0);
    expect((await search('online=partial&q=sang%20che')).items.map((i) => i.code)).toEqual(['2.800003']);
    // Free means fee lines of 0 VND; a procedure that declares no fee line is neither free nor paid.
    const free = await search('fee=free&q=dang%20ky');
    expect(free.items.map((i) => i.code)).toEqual(['2.800002']);
    expect(free.items[0]).toMatchObject({ feeTotal: 0, feeStatus: 'free' });
    expect((await search('fee=paid&q=dang%20ky')).items.map((i) => i.code)).not.toContain('2.800006');
    expect((await search('q=2.800006')).items[0]).toMatchObject({ feeTotal: 0, feeStatus: 'none_declared' });
  });

  it('returns the contract fields and pages with a total', async () => {
    const page1 = await search('q=dang&pageSize=1&page=1');
    expect(page1.items).toHaveLength(1);
    expect(page1.total).toBeGreaterThanOrEqual(3);
    expect(Object.keys(page1.items[0]!)).toEqual(
      expect.arrayContaining(['id', 'code', 'name', 'field', 'unit', 'onlineLevel', 'processingTime', 'feeTotal']),
    );
    const past = await search('q=dang&pageSize=10&page=50');
    expect(past.items).toEqual([]);
    expect(past.total).toBe(page1.total);
  });

  it('query words that are only punctuation list everything; a bad filter is a 422', async () => {
    expect((await search("q=%25_'%3B")).total).toBeGreaterThanOrEqual(5);
    expect((await req('GET', '/procedures?online=level4', undefined)).statusCode).toBe(422);
  });

  it('lists the fields with counts', async () => {
    const fields = (await req('GET', '/catalog/fields', undefined)).json().items;
    expect(fields).toContainEqual({ code: 'DOLUONG', name: 'Đo lường', count: 1 });
  });
});

describe('administration list', () => {
  it.each<[string, number, () => Who]>([
    ['anonymous', 401, () => undefined],
    ['a citizen', 403, () => citizen],
    ['an auditor', 200, () => auditor],
  ])('%s → %i', async (_name, status, who) => {
    expect((await req('GET', '/admin/procedures', who())).statusCode).toBe(status);
  });

  it('shows only the caller’s units, drafts included', async () => {
    await createProcedure('3.900001', sampleContent({ name: 'Thủ tục đo lường nháp', implementingUnits: [{ unitId: 'tcdlcl', role: 'decides' }] }), 'tcdlcl', otherAdmin);
    const mine = (await req('GET', '/admin/procedures?status=draft', otherAdmin)).json();
    expect(mine.items.map((i: { code: string }) => i.code)).toEqual(['3.900001']);
    expect(mine.items[0]).toMatchObject({ latest: { number: 1, status: 'draft' }, publishedVersion: null, draftVersion: 1 });
    const shtt = (await req('GET', '/admin/procedures', auditor)).json();
    expect(shtt.items.map((i: { code: string }) => i.code)).not.toContain('3.900001');
  });
});

describe('OpenAPI', () => {
  it('documents the catalog routes and their schemas', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/procedures',
        '/api/v1/procedures/{code}',
        '/api/v1/procedures/{code}/versions/{n}/validate',
        '/api/v1/procedures/{code}/versions/{n}/submissions',
        '/api/v1/catalog/import',
      ]),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['ProcedureContent', 'ProcedureList', 'EformUiSchema']));
  });

  it('lists the prefill attributes an e-form may bind', async () => {
    const items = (await t.app.inject('/api/v1/catalog/prefill-attributes')).json().items.map((i: { name: string }) => i.name);
    expect(items).toEqual(expect.arrayContaining(['fullName', 'permanentAddress', 'organization.taxCode', 'catalog.procedureName']));
  });
});
