// Online payment end to end over real HTTP: the payments module's client calls the PayGov
// emulator mounted on the same (listening) test server, the emulator's page is posted like a
// browser would, and its callback comes back to the module's route. Real database (PGlite, or
// PostgreSQL with DATABASE_URL).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { paymentEmulatorOf, type PaymentEmulatorControl } from '../../emulators/payment/server.ts';
import { ProblemError } from '../../http/problem.ts';
import { startTestServer, type TestApp } from '../../../test/support/app.ts';
import { PaygovClient } from './client.ts';
import { createPaymentsModule, nationalSyncPayment, type InitiatePaymentInput, type Payment } from './module.ts';
import { SIGNED_FIELDS, paygovChecksum } from './paygov-wire.ts';

let t: TestApp & { url: string };
let emulator: PaymentEmulatorControl;
const paid: Array<{ reference: string | null; statusInTransaction: string | undefined }> = [];
let dossierSeq = 0;

const TIMEOUT_MS = 1000;

beforeAll(async () => {
  t = await startTestServer({ PAYGOV_TIMEOUT_MS: String(TIMEOUT_MS) });
  emulator = paymentEmulatorOf(t.app)!;
  t.app.payments.onPaid(async (trx, payment) => {
    // The listener runs inside the transaction that marked the payment paid.
    const row = await trx.selectFrom('payment').select('status').where('id', '=', payment.id).executeTakeFirst();
    paid.push({ reference: payment.reference, statusInTransaction: row?.status });
  });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

beforeEach(() => {
  emulator.reset();
  paid.length = 0;
});

function input(overrides: Partial<InitiatePaymentInput> = {}): InitiatePaymentInput {
  dossierSeq++;
  return {
    dossierId: `dossier-${dossierSeq}`,
    dossierCode: `000.00.01.H01-260115-${String(dossierSeq).padStart(4, '0')}`,
    amountVnd: 150_000,
    fees: [
      { code: 'LP01', name: 'Lệ phí cấp giấy chứng nhận', kind: 'charge', amountVnd: 100_000 },
      { code: 'P01', name: 'Phí thẩm định hồ sơ', kind: 'fee', amountVnd: 50_000 },
    ],
    payer: { name: 'Nguyễn Văn An', idNumber: '001087012345', address: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội' },
    procedure: { code: '1.001234', name: 'Cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ' },
    unit: { code: 'G18.01', name: 'Vụ Đánh giá, Thẩm định và Giám định công nghệ' },
    returnUrl: `/ho-so/dossier-${dossierSeq}`,
    ...overrides,
  };
}

/** Opens the payment page and submits its form with `action` (as a browser would); returns the redirect. */
async function payOnPage(paymentUrl: string, action: 'pay' | 'cancel', faults?: string): Promise<{ page: string; location: string }> {
  const pageUrl = faults ? `${paymentUrl}?loi=${faults}` : paymentUrl;
  const page = await (await fetch(pageUrl)).text();
  const form = /<form method="post" action="([^"]+)">/.exec(page);
  expect(form).not.toBeNull();
  const fields = new URLSearchParams({ hanhDong: action });
  const hidden = /name="loi" value="([^"]+)"/.exec(page);
  if (hidden) fields.set('loi', hidden[1]!);
  const answer = await fetch(new URL(form![1]!, paymentUrl), { method: 'POST', body: fields, redirect: 'manual' });
  expect(answer.status).toBe(303);
  return { page, location: answer.headers.get('location')! };
}

async function followReturn(location: string): Promise<{ status: number; location: string | null }> {
  const answer = await fetch(new URL(location, t.url), { redirect: 'manual' });
  return { status: answer.status, location: answer.headers.get('location') };
}

const payment = async (reference: string): Promise<Payment> => (await t.app.payments.findByReference(reference))!;

describe('online payment through PayGov', () => {
  it('initiate → payment page → pay → callback → paid once, listener in the transaction, back to the dossier page', async () => {
    const given = input();
    const started = await t.app.payments.initiate(given);
    expect(started.reference).toMatch(new RegExp(`^${given.dossierCode.replaceAll('.', '\\.')}-\\d{14}$`));
    expect(started.paymentUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/emulators\/payment\/pay\//);
    expect((await payment(started.reference)).status).toBe('initiated');

    const { page, location } = await payOnPage(started.paymentUrl, 'pay');
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('150.000 ₫');
    expect(page).toContain('100.000 ₫');
    expect(page).toContain('>Thanh toán</button>');
    expect(page).toContain('>Hủy</button>');
    expect(page).toContain('Nguyễn Văn An');
    expect(page).toContain('Cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ');

    // The callback was delivered (and answered 200) before the browser was sent back.
    expect(emulator.deliveries.map((d) => d.status)).toEqual([200]);
    const after = await payment(started.reference);
    expect(after).toMatchObject({ status: 'paid', channel: 'paygov', amountVnd: 150_000, dossierId: given.dossierId });
    expect(after.paidAt).toBeInstanceOf(Date);
    expect(after.transactionId).toMatch(/^\d+$/);
    expect(after.receiptNumber).toMatch(/^BL/);
    expect(paid).toEqual([{ reference: started.reference, statusInTransaction: 'paid' }]);

    // The browser's return carries the same result: verified, changes nothing, redirects to the page.
    expect(location).toMatch(/^\/api\/v1\/payments\/paygov\/return\?/);
    const back = await followReturn(location);
    expect(back).toEqual({ status: 303, location: `${given.returnUrl}?payment=paid` });
    expect(paid).toHaveLength(1);
    expect((await payment(started.reference)).paidAt).toEqual(after.paidAt);

    // CHECK and the e-receipt agree.
    expect((await t.app.payments.check(started.reference)).status).toBe('paid');
    const receipt = await t.app.payments.receipt(started.reference);
    expect(receipt).toMatchObject({ SoBienLai: after.receiptNumber, SoTien: 150_000, MaHoSo: given.dossierCode, HoTenNguoiNop: 'Nguyễn Văn An' });

    // The national sync: paid online through the ministry's own PayGov integration.
    const sync = nationalSyncPayment(await t.app.payments.findByDossier(given.dossierId));
    expect(sync.DuocThanhToanTrucTuyen).toBe('2');
    expect(sync.DanhSachLePhi).toEqual([
      { TenPhiLePhi: 'Lệ phí cấp giấy chứng nhận', MaPhiLePhi: 'LP01', HinhThucThu: '1', Gia: 100_000, LoaiPhiLePhi: '2' },
      { TenPhiLePhi: 'Phí thẩm định hồ sơ', MaPhiLePhi: 'P01', HinhThucThu: '1', Gia: 50_000, LoaiPhiLePhi: '1' },
    ]);
  });

  it('a duplicate callback (two deliveries at once) is answered success twice and marks the payment paid once', async () => {
    const started = await t.app.payments.initiate(input());
    await payOnPage(started.paymentUrl, 'pay', 'duplicate_callback');
    expect(emulator.deliveries.map((d) => d.status)).toEqual([200, 200]);
    expect((await payment(started.reference)).status).toBe('paid');
    expect(paid.map((p) => p.reference)).toEqual([started.reference]);
  });

  it('a late callback, after the return already confirmed the payment by CHECK, changes nothing', async () => {
    emulator.set({ lateCallbackMs: 300 });
    const given = input();
    const started = await t.app.payments.initiate(given);
    const { location } = await payOnPage(started.paymentUrl, 'pay', 'late_callback');
    expect(emulator.deliveries).toEqual([]);
    expect(await followReturn(location)).toEqual({ status: 303, location: `${given.returnUrl}?payment=paid` });
    const confirmed = await payment(started.reference);
    expect(confirmed.status).toBe('paid');
    expect(paid).toHaveLength(1);

    await emulator.idle();
    expect(emulator.deliveries.map((d) => d.status)).toEqual([200]);
    expect(await payment(started.reference)).toEqual(confirmed);
    expect(paid).toHaveLength(1);
  });

  it('refuses a result with a wrong checksum (400) and changes nothing', async () => {
    const started = await t.app.payments.initiate(input());
    const result: Record<string, unknown> = {
      LoaiBanTin: 'RESULT',
      PhienBan: '1.0.6',
      MaDoiTac: t.config.PAYGOV_PARTNER_CODE,
      MaThamChieu: started.reference,
      MaGiaoDich: '1',
      SoTien: 150_000,
      MaKetQua: '00',
      ThoiGianThanhToan: '20260115093500',
    };
    const forged = { ...result, MaXacThuc: paygovChecksum(result, SIGNED_FIELDS.result, 'not-the-partner-secret') };
    const answer = await fetch(`${t.url}/api/v1/payments/paygov/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify(forged),
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await answer.json()).toMatchObject({ code: 'payment_checksum', title: 'Wrong checksum on a payment result' });

    // A genuine checksum over other values (the amount changed afterwards) is refused too.
    const signed = { ...result, MaXacThuc: paygovChecksum(result, SIGNED_FIELDS.result, t.config.PAYGOV_SECRET) };
    const tampered = await fetch(`${t.url}/api/v1/payments/paygov/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...signed, SoTien: 1 }),
    });
    expect(tampered.status).toBe(400);
    const back = await fetch(`${t.url}/api/v1/payments/paygov/return?${new URLSearchParams({ ...forged, SoTien: '150000' } as Record<string, string>)}`, {
      redirect: 'manual',
    });
    expect(back.status).toBe(400);

    // Well signed but not confirmed by CHECK (nothing was paid at the platform): still not paid.
    const unconfirmed = await fetch(`${t.url}/api/v1/payments/paygov/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signed),
    });
    expect(unconfirmed.status).toBe(503);
    expect((await payment(started.reference)).status).toBe('initiated');
    expect(paid).toEqual([]);
  });

  it('a declined payment is recorded as failed and the page says so; a cancelled one as cancelled', async () => {
    const given = input();
    const started = await t.app.payments.initiate(given);
    const { location } = await payOnPage(started.paymentUrl, 'pay', 'declined');
    expect(emulator.deliveries.map((d) => d.status)).toEqual([200]);
    expect((await payment(started.reference)).status).toBe('failed');
    expect(await followReturn(location)).toEqual({ status: 303, location: `${given.returnUrl}?payment=failed` });

    const other = await t.app.payments.initiate(input());
    await payOnPage(other.paymentUrl, 'cancel');
    expect((await payment(other.reference)).status).toBe('cancelled');
    expect(paid).toEqual([]);
  });

  it('INIT that hangs: a clear 503 problem within the configured timeout, and the payment closed unpaid', async () => {
    emulator.set({ faults: ['timeout'], hangMs: 20_000 });
    const given = input();
    const started = Date.now();
    const error = await t.app.payments.initiate(given).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).code).toBe('payment_unavailable');
    expect((error as ProblemError).status).toBe(503);
    expect((error as ProblemError).detailText).toMatchObject({ vi: expect.stringMatching(/không trả lời kịp thời/), en: expect.stringMatching(/did not answer in time/) });
    // Bounded by the client's timeout, not by the platform's hang.
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(10_000);
    const [row] = await t.app.payments.findByDossier(given.dossierId);
    expect(row?.status).toBe('failed');
  });

  it('an INIT answer that cannot be trusted (refused for a wrong secret) is a 502 problem', async () => {
    const module = createPaymentsModule({
      config: t.config,
      db: t.db,
      units: t.app.units,
      client: new PaygovClient({
        url: `${t.url}/emulators/payment/`,
        partnerCode: t.config.PAYGOV_PARTNER_CODE,
        secret: 'a-secret-the-platform-does-not-know',
        timeoutMs: TIMEOUT_MS,
      }),
    });
    const given = input();
    const error = await module.initiate(given).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'payment_gateway_error', status: 502 });
    expect((await module.findByDossier(given.dossierId)).map((p) => p.status)).toEqual(['failed']);
  });

  it('refuses fee lines that do not add up to the amount, and a return page on another site', async () => {
    await expect(t.app.payments.initiate(input({ amountVnd: 1 }))).rejects.toMatchObject({ code: 'validation' });
    await expect(t.app.payments.initiate(input({ returnUrl: '//evil.example/x' }))).rejects.toMatchObject({ code: 'validation' });
    await expect(t.app.payments.initiate(input({ returnUrl: 'https://evil.example/x' }))).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('payment at the counter', () => {
  it('is recorded paid in the caller’s transaction, and rolled back with it', async () => {
    const officer = { accountId: 'officer-1', name: 'Trần Thị Bình' };
    const fees = [{ code: 'LP01', name: 'Lệ phí cấp giấy chứng nhận', kind: 'charge' as const, amountVnd: 100_000 }];
    const recorded = await t.db.transaction().execute((trx) =>
      t.app.payments.recordCounterPayment(trx, { dossierId: 'dossier-counter', amountVnd: 100_000, fees, receiptNumber: '0000123', officer }),
    );
    expect(recorded).toMatchObject({ status: 'paid', channel: 'counter', reference: null, receiptNumber: '0000123', recordedBy: 'officer-1' });

    await expect(
      t.db.transaction().execute(async (trx) => {
        await t.app.payments.recordCounterPayment(trx, { dossierId: 'dossier-counter', amountVnd: 5_000, receiptNumber: '0000124', officer });
        throw new Error('the caller fails after recording');
      }),
    ).rejects.toThrow(/caller fails/);

    const payments = await t.app.payments.findByDossier('dossier-counter');
    expect(payments.map((p) => p.receiptNumber)).toEqual(['0000123']);
    expect(nationalSyncPayment(payments)).toEqual({
      DuocThanhToanTrucTuyen: '3',
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí cấp giấy chứng nhận', MaPhiLePhi: 'LP01', HinhThucThu: '2', Gia: 100_000, LoaiPhiLePhi: '2' }],
    });
    expect(paid).toEqual([]);
  });
});
