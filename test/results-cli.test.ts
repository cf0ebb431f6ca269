// `motcua results verify FILE.pdf`: the verification's JSON; exit 0 for a valid signature of a
// trusted root (here the development CA of the command's data folder), 1 for a changed file or
// a result revoked since it was issued, 2 for what is not a PDF.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RESULT_HTML } from '../src/core/results/index.ts';
import { publishProcedure, TEST_PROCEDURE_CODE, workflowContent } from '../src/modules/dossiers/testing.ts';
import { seedUnits } from '../src/modules/identity/module.ts';
import { openDevCa } from '../src/modules/results/dev-ca.ts';
import { renderResultPdf, signPdf } from '../src/modules/results/pdf.ts';
import { pkcs12Signer } from '../src/modules/results/signer.ts';
import { issueTestResult, resultTestLogins } from '../src/modules/results/testing.ts';
import { openHarnessApp } from './support/cli-app.ts';
import { cliHarness, cliTimeout } from './support/cli.ts';

const harness = cliHarness({ name: 'results' });
beforeAll(harness.setup);
afterAll(harness.teardown);

describe('motcua results verify', () => {
  it('prints the verification and exits 0 only for a valid signature', async () => {
    const ca = await openDevCa(path.join(harness.dir, 'data'));
    const signer = await pkcs12Signer({ dir: ca.paths.unitsDir, password: 'motcua-dev-only', devCa: async () => ca }).forUnit({ id: 'tcdlcl', nameVi: 'Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia', rootName: 'Bộ Khoa học và Công nghệ' });
    const unsigned = await renderResultPdf({ template: { format: 'html', html: DEFAULT_RESULT_HTML }, fields: { 'result.name': 'GIẤY CHỨNG NHẬN' }, form: {}, code: 'KQ-G22.20-2026-000001', verifyUrl: 'http://localhost:3000/xac-thuc-ket-qua/KQ-G22.20-2026-000001', title: 'Giấy chứng nhận', author: 'Ủy ban' });
    const signed = await signPdf(unsigned, signer!, { reason: 'Ban hành', location: 'Hà Nội', signingTime: new Date() });
    const good = path.join(harness.dir, 'good.pdf');
    writeFileSync(good, signed);
    const ok = await harness.cli('results', 'verify', good);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, revoked: false, signedBy: 'Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia', matchesIssued: false, found: false, code: 'KQ-G22.20-2026-000001' });

    const copy = signed.slice();
    copy[900] = copy[900]! ^ 1;
    const bad = path.join(harness.dir, 'bad.pdf');
    writeFileSync(bad, copy);
    const changed = await harness.cli('results', 'verify', bad);
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout).valid).toBe(false);

    const text = path.join(harness.dir, 'x.txt');
    writeFileSync(text, 'không phải PDF');
    expect((await harness.cli('results', 'verify', text)).code).toBe(2);
  }, cliTimeout(3));
});

describe('motcua results verify, a revoked result', () => {
  const openApp = () => openHarnessApp(harness);

  it('exits 0 for the issued file, and 1 once a leader revoked it (valid signature, matching, revoked)', async () => {
    const reason = 'Thu hồi do phát hiện thông tin kê khai không trung thực';
    let t = await openApp();
    let issued: { code: string; pdf: Buffer };
    let logins: Awaited<ReturnType<typeof resultTestLogins>>;
    try {
      await seedUnits(t.db);
      t.app.units.invalidate();
      await publishProcedure(t, TEST_PROCEDURE_CODE, workflowContent());
      logins = await resultTestLogins(t);
      issued = await issueTestResult(t, logins);
    } finally {
      await t.close();
    }
    const file = path.join(harness.dir, 'issued.pdf');
    writeFileSync(file, issued.pdf);

    const before = await harness.cli('results', 'verify', file);
    expect(before.code, before.stderr).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({ valid: true, matchesIssued: true, revoked: false, found: true, code: issued.code });

    // A leader of the issuing unit revokes it, with a reason (sessions are rows of the same database).
    t = await openApp();
    try {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/results/${issued.code}/revoke`, headers: logins.leader.headers, payload: { reason } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'revoked', revokedReason: reason });
    } finally {
      await t.close();
    }

    const after = await harness.cli('results', 'verify', file);
    expect(after.code, after.stderr).toBe(1);
    expect(JSON.parse(after.stdout)).toMatchObject({ valid: true, matchesIssued: true, revoked: true, revokedReason: reason, found: true, code: issued.code });
  }, 60_000 + cliTimeout(2));
});
