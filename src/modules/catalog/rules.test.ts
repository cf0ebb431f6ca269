// Catalog rules at the HTTP edge: every route declares its access; publication needs the seven
// public parts (or a recorded reason); the district level is closed to new drafts; fee status;
// English texts; unsafe e-form patterns; prefill of the account's contact details and of
// sensitive values by e-ID level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { buildEform } from '../../core/eforms/builder.ts';
import { createStaticPrefillSource } from './prefill-source.ts';
import type { ProcedureContent } from './schema.ts';
import { createCatalogTestApp, sampleContent, TEST_CITIZEN_ID, TEST_CITIZEN_VALUES, type CatalogTestApp } from './testing.ts';

let t: CatalogTestApp;
let admin: TestLogin;
let citizen: TestLogin; // LoA2, phone and e-mail on the account
let citizenLoA1: TestLogin; // another person, at level 1, no e-mail on the account
const LOA1_CITIZEN_ID = '001199054321';

const contacts = new Map<string, { phone: string | null; email: string | null }>();

beforeAll(async () => {
  t = await createCatalogTestApp({
    prefill: createStaticPrefillSource(
      {
        [TEST_CITIZEN_ID]: { ...TEST_CITIZEN_VALUES, ethnicity: 'Kinh', religion: 'Không' },
        [LOA1_CITIZEN_ID]: { ...TEST_CITIZEN_VALUES, personalId: LOA1_CITIZEN_ID, ethnicity: 'Tày' },
      },
      'test-population',
      async (accountId) => contacts.get(accountId),
    ),
  });
  admin = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'admin', unitId: 'cuc-shtt' }] });
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, acr: 'LoA2' });
  citizenLoA1 = await loginAs(t.db, { kind: 'citizen', personalId: LOA1_CITIZEN_ID, acr: 'LoA1' });
  contacts.set(citizen.accountId, { phone: '0912345678', email: 'ha.nguyen@example.vn' });
  contacts.set(citizenLoA1.accountId, { phone: '0912345678', email: null });
});
afterAll(async () => {
  await t?.close();
});

type Who = TestLogin | undefined;
const req = (method: 'GET' | 'POST' | 'PUT', url: string, who: Who, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who?.headers ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function createAndPublish(code: string, content: ProcedureContent) {
  const created = await req('POST', '/procedures', admin, { code, ownerUnitId: 'cuc-shtt', content });
  expect(created.statusCode, created.body).toBe(201);
  const published = await req('POST', `/procedures/${code}/versions/1/publish`, admin);
  expect(published.statusCode, published.body).toBe(200);
  return published.json();
}

describe('the district level (abolished on 1 July 2025)', () => {
  it('a new draft may not use it (422 naming the level)', async () => {
    const res = await req('POST', '/procedures', admin, { code: '1.610001', ownerUnitId: 'cuc-shtt', content: sampleContent({ level: 'district' }) });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/body/content/level', code: 'level_abolished' });
    expect(res.json().errors[0].message).toContain('Cấp thực hiện');
    expect((await req('GET', '/procedures/1.610001/versions', admin)).statusCode).toBe(404);
  });

  it('an edited draft may not use it either', async () => {
    expect((await req('POST', '/procedures', admin, { code: '1.610002', ownerUnitId: 'cuc-shtt', content: sampleContent() })).statusCode).toBe(201);
    const res = await req('PUT', '/procedures/1.610002/versions/1', admin, { content: sampleContent({ level: 'district' }) });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].code).toBe('level_abolished');
  });

  it('a version published before keeps it and still displays', async () => {
    const created = await req('POST', '/procedures', admin, { code: '1.610003', ownerUnitId: 'cuc-shtt', content: sampleContent() });
    expect(created.statusCode).toBe(201);
    await req('POST', '/procedures/1.610003/versions/1/publish', admin);
    // A historical record, written before the reform (straight into the table, as a migration would have left it).
    const row = await t.db
      .selectFrom('procedure_version')
      .innerJoin('procedure', 'procedure.id', 'procedure_version.procedure_id')
      .select(['procedure_version.id', 'procedure_version.content'])
      .where('procedure.code', '=', '1.610003')
      .executeTakeFirstOrThrow();
    const old = typeof row.content === 'string' ? JSON.parse(row.content) : row.content;
    await t.db.updateTable('procedure_version').set({ content: JSON.stringify({ ...old, level: 'district' }) }).where('id', '=', row.id).execute();
    const shown = await req('GET', '/procedures/1.610003', undefined);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json().content.level).toBe('district');
  });
});

describe('fees: none declared is not free', () => {
  it('feeStatus tells none_declared, free and charged apart', async () => {
    const none = await createAndPublish('1.620001', sampleContent({ fees: [] }));
    expect(none).toMatchObject({ feeTotal: 0, feeStatus: 'none_declared' });
    const free = await createAndPublish('1.620002', sampleContent({ fees: [{ code: 'LP01', name: 'Lệ phí', kind: 'charge', amountVnd: 0 }] }));
    expect(free).toMatchObject({ feeTotal: 0, feeStatus: 'free' });
    const rate = await createAndPublish('1.620003', sampleContent({ fees: [{ code: 'P01', name: 'Phí thẩm định', kind: 'fee', amountVnd: 0, basis: '0,1% giá trị hợp đồng' }] }));
    expect(rate).toMatchObject({ feeTotal: 0, feeStatus: 'charged' });
    expect((await req('GET', '/procedures/1.620001', undefined)).json().feeStatus).toBe('none_declared');
  });
});

describe('English texts', () => {
  it('gives the English name where there is one and marks the texts that are Vietnamese only', async () => {
    const en = await createAndPublish('1.630001', sampleContent({ nameEn: 'Test patent registration' }));
    expect(en.translation.name).toEqual({ vi: 'Thủ tục thử nghiệm đăng ký sáng chế', en: 'Test patent registration', lang: 'vi+en' });
    expect(en.translation.parts).toContainEqual(expect.objectContaining({ part: 'sequence', lang: 'vi' }));
    expect(en.translation.parts).toContainEqual(expect.objectContaining({ part: 'agency', lang: 'vi+en' }));
    const pointers = en.translation.vietnameseOnly.map((v: { pointer: string }) => v.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/sequence/0', '/components/0/name', '/fees/0/name']));
    expect(pointers).not.toContain('/name');
    const vi = (await createAndPublish('1.630002', sampleContent())).translation;
    expect(vi.name).toMatchObject({ en: null, lang: 'vi' });
    expect(vi.vietnameseOnly[0]).toMatchObject({ pointer: '/name', field: { vi: 'Tên thủ tục', en: 'Name' } });
    const listed = (await req('GET', '/procedures?q=1.630001', undefined)).json().items[0];
    expect(listed).toMatchObject({ code: '1.630001', nameEn: 'Test patent registration' });
  });
});

describe('messages name fields by their labels', () => {
  it('the check names the field; the pointer stays a property of its own', async () => {
    const res = await req('POST', '/procedures', admin, {
      code: '1.640001',
      ownerUnitId: 'cuc-shtt',
      content: sampleContent({ result: { producesDocument: true } }),
    });
    expect(res.statusCode).toBe(201);
    const check = (await req('GET', '/procedures/1.640001/versions/1/check', admin)).json();
    const issue = check.errors.find((e: { code: string }) => e.code === 'result_name_missing');
    expect(issue).toMatchObject({ pointer: '/result/name', field: { vi: 'Kết quả thực hiện › Tên văn bản kết quả', en: 'Result › Name of the result document' } });
    const publish = await req('POST', '/procedures/1.640001/versions/1/publish', admin);
    expect(publish.statusCode).toBe(422);
    const error = publish.json().errors.find((e: { code: string }) => e.code === 'result_name_missing');
    expect(error.pointer).toBe('/content/result/name');
    expect(error.message).toContain('Kết quả thực hiện › Tên văn bản kết quả');
    expect(error.message).not.toContain('/result/name');
  });

  it('a value refused at the edge is named by its field, with its pointer apart', async () => {
    const content = sampleContent();
    const res = await req('POST', '/procedures', admin, { code: '1.640002', ownerUnitId: 'cuc-shtt', content: { ...content, fees: [{ ...content.fees[0], amountVnd: -1 }] } });
    expect(res.statusCode).toBe(422);
    const error = res.json().errors.find((e: { pointer: string }) => e.pointer === '/body/content/fees/0/amountVnd');
    expect(error.message).toMatch(/^Phí, lệ phí › dòng 1 \(Lệ phí nộp đơn\) › Số tiền \(đồng\): /);
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: { ...admin.headers, 'accept-language': 'en' }, payload: { code: '1.640002', ownerUnitId: 'cuc-shtt', content: { ...content, fees: [{ ...content.fees[0], amountVnd: -1 }] } } });
    expect(en.json().errors[0].message).toMatch(/^Fees and charges › line 1 \(Lệ phí nộp đơn\) › Amount \(VND\): /);
  });
});

describe('e-form patterns cannot block the server', () => {
  const withPattern = (pattern: string) => {
    const content = sampleContent();
    const eform = buildEform({
      sections: [{ id: 'a', title: { vi: 'Thông tin', en: 'Details' } }],
      fields: [{ path: 'code', section: 'a', type: 'text', label: { vi: 'Mã hồ sơ', en: 'Dossier code' }, required: true, pattern, maxLength: 100000 }],
    });
    return { ...content, eform };
  };

  it('saving a draft whose field has a pattern with nested repetition is refused (422)', async () => {
    const res = await req('POST', '/procedures', admin, { code: '1.650001', ownerUnitId: 'cuc-shtt', content: withPattern('^(a+)+$') });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ code: 'pattern_unsafe', pointer: '/body/content/eform/schema/properties/code/pattern' });
    expect(res.json().errors[0].message).toContain('Mã hồ sơ');
    expect((await req('GET', '/procedures/1.650001/versions', admin)).statusCode).toBe(404);
  });

  it('a version that still carries such a pattern refuses the input instead of backtracking on it', async () => {
    await createAndPublish('1.650002', withPattern('^[a-z]+$'));
    const row = await t.db
      .selectFrom('procedure_version')
      .innerJoin('procedure', 'procedure.id', 'procedure_version.procedure_id')
      .select(['procedure_version.id', 'procedure_version.content'])
      .where('procedure.code', '=', '1.650002')
      .executeTakeFirstOrThrow();
    const content = (typeof row.content === 'string' ? JSON.parse(row.content) : row.content) as ProcedureContent;
    (content.eform.schema as { properties: { code: { pattern: string } } }).properties.code.pattern = '^(a+)+$';
    await t.db.updateTable('procedure_version').set({ content: JSON.stringify(content) }).where('id', '=', row.id).execute();
    // 28 a's and a b: exponential backtracking in a plain RegExp.
    const res = await req('POST', '/procedures/1.650002/versions/1/validate', undefined, { data: { code: `${'a'.repeat(28)}b` } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/body/data/code', code: 'pattern' });
  });

  it('a pattern is not tested on a string longer than the bound', async () => {
    const res = await req('POST', '/procedures/1.650002/versions/1/validate', undefined, { data: { code: 'a'.repeat(6000) } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].code).toBe('pattern');
  });
});

describe('prefill from the account and by e-ID level', () => {
  const code = '1.660001';
  beforeAll(async () => {
    const content = sampleContent();
    content.eform = buildEform({
      sections: [{ id: 'a', title: { vi: 'Người nộp', en: 'Applicant' } }],
      fields: [
        { path: 'fullName', section: 'a', type: 'text', label: { vi: 'Họ và tên', en: 'Full name' }, required: true, prefill: 'fullName' },
        { path: 'ethnicity', section: 'a', type: 'text', label: { vi: 'Dân tộc', en: 'Ethnicity' }, prefill: 'ethnicity' },
        { path: 'phone', section: 'a', type: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' }, prefill: 'phone', prefillEditable: true },
        { path: 'email', section: 'a', type: 'email', label: { vi: 'Thư điện tử', en: 'Email' }, prefill: 'email', prefillEditable: true },
      ],
    });
    await createAndPublish(code, content);
  });

  it('fills phone and e-mail from the login account and says which fields were prefilled', async () => {
    const res = await req('POST', `/procedures/${code}/versions/1/validate`, citizen, { data: {} });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.data).toMatchObject({ fullName: 'Nguyễn Thị Thu Hà', ethnicity: 'Kinh', phone: '0912345678', email: 'ha.nguyen@example.vn' });
    expect(body.prefill.fields.map((f: { attribute: string }) => f.attribute).sort()).toEqual(['email', 'ethnicity', 'fullName', 'phone']);
    expect(body.prefill).toMatchObject({ missing: [], withheld: [] });
    expect(body.prefill.requiredAcr).toBeUndefined();
  });

  it('at e-ID level 1: sensitive values are left empty and withheld, a missing e-mail is reported as not prefilled', async () => {
    const res = await req('POST', `/procedures/${code}/versions/1/validate`, citizenLoA1, { data: {} });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.data.ethnicity).toBeUndefined();
    expect(body.data).toMatchObject({ fullName: 'Nguyễn Thị Thu Hà', phone: '0912345678' });
    expect(body.prefill.withheld).toEqual([{ pointer: '/ethnicity', attribute: 'ethnicity' }]);
    expect(body.prefill.requiredAcr).toBe('LoA2');
    expect(body.prefill.missing).toEqual([{ pointer: '/email', attribute: 'email', source: 'account' }]);
    expect(body.prefill.fields.map((f: { attribute: string }) => f.attribute)).not.toContain('ethnicity');
  });
});
