// `motcua results verify FILE.pdf`: the verification's JSON; exit 0 for a valid signature of a
// trusted root (here the development CA of the command's data folder), 1 for a changed file,
// 2 for what is not a PDF.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RESULT_TEMPLATE } from '../src/core/results/index.ts';
import { openDevCa } from '../src/modules/results/dev-ca.ts';
import { renderResultPdf, signPdf } from '../src/modules/results/pdf.ts';
import { pkcs12Signer } from '../src/modules/results/signer.ts';
import { cliHarness, cliTimeout } from './support/cli.ts';

const harness = cliHarness({ name: 'results' });
beforeAll(harness.setup);
afterAll(harness.teardown);

describe('motcua results verify', () => {
  it('prints the verification and exits 0 only for a valid signature', async () => {
    const ca = await openDevCa(path.join(harness.dir, 'data'));
    const signer = await pkcs12Signer({ dir: ca.paths.unitsDir, password: 'motcua-dev-only', devCa: async () => ca }).forUnit({ id: 'tcdlcl', nameVi: 'Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia', rootName: 'Bộ Khoa học và Công nghệ' });
    const unsigned = await renderResultPdf({ template: structuredClone(DEFAULT_RESULT_TEMPLATE) as never, fields: { 'result.name': 'GIẤY CHỨNG NHẬN' }, form: {}, code: 'KQ-G22.20-2026-000001', verifyUrl: 'http://localhost:3000/xac-thuc-ket-qua/KQ-G22.20-2026-000001', title: 'Giấy chứng nhận', author: 'Ủy ban' });
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
