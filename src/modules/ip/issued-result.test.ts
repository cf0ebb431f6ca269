// The link between the dossiers and the IP database: a leader signs and issues the result of a
// patent dossier (1.009901, VBBH-SHCN); after the commit the IP database holds a granted
// application and its title under the result code, its holder the applicant (a citizen, linked
// through people), its term counted from the filing date (Law on IP Art. 93). Told twice, it
// records once; a result of another kind of document is not a title.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expiryOf } from '../../core/ip/index.ts';
import { toLocalDate } from '../../core/calendar/local-time.ts';
import { createDossierTestApp, TEST_CITIZEN_ID, workflowContent, type DossierTestApp } from '../dossiers/testing.ts';
import { issueTestResult, resultTestLogins } from '../results/testing.ts';
import { listAudit } from '../audit/service.ts';
import type { IpModule } from './module.ts';

let t: DossierTestApp;

beforeAll(async () => {
  const content = workflowContent();
  t = await createDossierTestApp({ content: { ...content, result: { ...content.result, producesDocument: true, name: 'Bằng độc quyền sáng chế', documentType: 'VBBH-SHCN' } } });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('a title issued through a dossier', () => {
  it('is recorded in the IP database once, under the result code, held by the applicant', async () => {
    const { code, dossierId } = await issueTestResult(t, await resultTestLogins(t));
    // The outbox tells the listeners after the commit.
    for (let i = 0; i < 10 && (await t.app.jobs.runDue()) > 0; i++);

    const title = await t.db.selectFrom('ip_title').selectAll().where('result_code', '=', code).executeTakeFirstOrThrow();
    expect(title).toMatchObject({ title_no: code, status: 'in_force', holder_kind: 'person', renewals: 0 });
    const application = await t.db.selectFrom('ip_application').selectAll().where('id', '=', title.application_id).executeTakeFirstOrThrow();
    expect(application).toMatchObject({ kind: 'patent', status: 'granted', applicant_kind: 'person' });
    expect(application.application_no).toMatch(/^1-\d{4}-\d{5}$/);
    expect(application.dossier_code).toBeTruthy();
    expect(title.expires_on).toBe(expiryOf('patent', application.filing_date));
    expect(application.filing_date <= toLocalDate(new Date())).toBe(true);
    const holder = await t.app.registries.people.get(t.db, title.holder_person_id!);
    expect(holder).toMatchObject({ registry: 'ip', personalId: TEST_CITIZEN_ID });
    expect(holder!.link.status).not.toBe('unverified');
    expect((await listAudit(t.db, 'ip_title', title.id)).map((a) => a.action)).toEqual(['ip.title.issued']);

    // The public checks the title by its number.
    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/registries/ip/public/titles/${code}` });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ titleNo: code, kind: 'patent', validity: 'valid', resultCode: code });
    expect(JSON.stringify(pub.json())).not.toContain(TEST_CITIZEN_ID);

    // Told again (a retried delivery), nothing more is written.
    const ip = t.app.sectors.find((s) => s.registry === 'ip') as IpModule;
    const event = {
      resultCode: code,
      dossierId,
      dossierCode: application.dossier_code!,
      applicant: { kind: 'citizen' as const, idNumber: TEST_CITIZEN_ID, name: 'Nguyễn Thị Thu Hà', accountId: null },
      procedureCode: '1.009901',
      fileId: '00000000-0000-4000-8000-000000000000',
      sha256: '0'.repeat(64),
      issuedAt: new Date().toISOString(),
      documentName: 'Bằng độc quyền sáng chế',
      documentType: 'VBBH-SHCN',
      issuerUnit: { id: 'cuc-shtt', name: 'Cục Sở hữu trí tuệ' },
      issuedBy: title.created_by,
    };
    const before = await t.db.selectFrom('ip_application').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(await ip.service.recordIssuedResult(event, undefined)).toBe(title.id);
    // Another document type, or another procedure, is not an IP title.
    expect(await ip.service.recordIssuedResult({ ...event, resultCode: 'KQ-X-2026-000999', documentType: 'GCN-KHAC' }, undefined)).toBeUndefined();
    expect(await ip.service.recordIssuedResult({ ...event, resultCode: 'KQ-X-2026-000998', procedureCode: '1.009910' }, undefined)).toBeUndefined();
    const after = await t.db.selectFrom('ip_application').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('takes the subject and classes from the e-form of the procedure', async () => {
    const ip = t.app.sectors.find((s) => s.registry === 'ip') as IpModule;
    const id = await ip.service.recordIssuedResult(
      {
        resultCode: 'KQ-SHTT-2026-000777',
        dossierId: '00000000-0000-4000-8000-000000000777',
        dossierCode: 'G22.99-261120-0777',
        applicant: { kind: 'organization', idNumber: '0109876543', name: 'Công ty TNHH Thương hiệu Việt', accountId: null },
        procedureCode: '1.009903',
        fileId: '00000000-0000-4000-8000-000000000000',
        sha256: '0'.repeat(64),
        issuedAt: '2026-11-20T03:00:00Z',
        documentName: 'Giấy chứng nhận đăng ký nhãn hiệu',
        documentType: 'VBBH-SHCN',
        issuerUnit: { id: 'cuc-shtt', name: 'Cục Sở hữu trí tuệ' },
        issuedBy: '00000000-0000-4000-8000-000000000001',
      },
      { formData: { request: { markDescription: 'SEN VÀNG', niceClasses: '30, 43' } }, receivedAt: '2025-10-01T02:00:00Z', submittedAt: null, applicant: {} },
    );
    const row = await t.db.selectFrom('ip_title as t').innerJoin('ip_application as a', 'a.id', 't.application_id').selectAll('a').select(['t.expires_on', 't.holder_org_name']).where('t.id', '=', id!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'trademark', subject: 'SEN VÀNG', classes: ['30', '43'], filing_date: '2025-10-01', expires_on: '2035-10-01', applicant_tax_code: '0109876543', holder_org_name: 'Công ty TNHH Thương hiệu Việt' });
    expect(row.application_no).toMatch(/^4-2025-\d{5}$/);
  });
});
