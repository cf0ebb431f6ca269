import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { loadConfig } from '../../config.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { createJobsModule } from '../jobs/module.ts';
import { createNotificationsModule, type NotifyInput } from './module.ts';

const received: NotifyInput<'dossier.received'> = {
  to: { email: 'huong.nguyen@example.vn', name: 'Nguyễn Thị Hường' },
  template: 'dossier.received',
  data: {
    dossierCode: '000.00.01.H01-260305-0001',
    procedureName: 'Cấp giấy phép hoạt động thử nghiệm công nghệ',
    applicantName: 'Nguyễn Thị Hường',
    dueAt: '2026-03-05T10:00:00Z',
  },
  key: 'dossier-1:received',
  attachments: [{ filename: 'Giấy tiếp nhận.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7 slip').toString('base64') }],
};

describe('notifications through the app (mail catcher)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    t.app.mailCatcher!.clear();
    await t.db.deleteFrom('job').execute();
  });

  it('delivers one mail through nodemailer to the catcher, once however often notified', async () => {
    await t.db.transaction().execute(async (trx) => {
      await t.app.notifications.notify(trx, received);
      await t.app.notifications.notify(trx, received); // same key
    });
    expect(t.app.mailCatcher!.messages()).toEqual([]); // queued, not sent
    expect(await t.app.jobs.runDue()).toBe(1);
    const [mail, ...others] = t.app.mailCatcher!.messages();
    expect(others).toEqual([]);
    expect(mail!.envelope.to).toEqual(['huong.nguyen@example.vn']);
    expect(mail!.to).toBe('Nguyễn Thị Hường <huong.nguyen@example.vn>');
    expect(mail!.subject).toBe('Hồ sơ 000.00.01.H01-260305-0001 đã được tiếp nhận / Dossier 000.00.01.H01-260305-0001 received');
    expect(mail!.text).toContain('Thời hạn trả kết quả: 17:00 ngày 05/03/2026.');
    expect(mail!.attachments).toMatchObject([{ filename: 'Giấy tiếp nhận.pdf', contentType: 'application/pdf', size: 13 }]);
    // The wire form that nodemailer composed: MIME-encoded UTF-8 headers, both parts, the PDF.
    const raw = mail!.raw.toString('latin1');
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(raw).toContain('multipart/mixed');
    expect(raw).toContain(Buffer.from('%PDF-1.7 slip').toString('base64'));
    expect(await t.app.jobs.runDue()).toBe(0);

    const list = await t.app.inject({ method: 'GET', url: '/emulators/mail' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<html lang="vi">');
    expect(list.body).toContain('Hồ sơ 000.00.01.H01-260305-0001 đã được tiếp nhận');
    const json = (await t.app.inject({ method: 'GET', url: '/emulators/mail/messages.json' })).json<{ id: string; attachments: { url: string }[] }[]>();
    expect(json).toHaveLength(1);
    const view = await t.app.inject({ method: 'GET', url: `/emulators/mail/messages/${json[0]!.id}` });
    expect(view.body).toContain('Giấy tiếp nhận.pdf');
    const file = await t.app.inject({ method: 'GET', url: json[0]!.attachments[0]!.url });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''Gi%E1%BA%A5y%20ti%E1%BA%BFp%20nh%E1%BA%ADn.pdf");
    expect(file.body).toBe('%PDF-1.7 slip');
    const html = await t.app.inject({ method: 'GET', url: `/emulators/mail/messages/${json[0]!.id}/body.html` });
    expect(html.headers['content-security-policy']).toMatch(/^sandbox/);
  });

  it('lists the newest mail first', async () => {
    for (const code of ['A-1', 'A-2']) {
      await t.app.notifications.notify(t.db, { ...received, key: code, data: { ...received.data, dossierCode: code } });
      await t.app.jobs.runDue();
    }
    expect(t.app.mailCatcher!.messages().map((m) => m.subject.split(' ')[2])).toEqual(['A-2', 'A-1']);
  });

  it('sends nothing when the use case’s transaction rolls back', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await t.app.notifications.notify(trx, received);
        throw new Error('intake failed');
      }),
    ).rejects.toThrow('intake failed');
    expect(await t.app.jobs.runDue()).toBe(0);
    expect(t.app.mailCatcher!.messages()).toEqual([]);
  });

  it('sends an SMS through the sender and refuses malformed addresses at once', async () => {
    await expect(t.app.notifications.notify(t.db, { ...received, to: { email: 'not an address' } })).rejects.toThrow(/e-mail/);
    await expect(t.app.notifications.notify(t.db, { ...received, to: { phone: '12ab' } })).rejects.toThrow(/phone/);
    await expect(t.app.notifications.notify(t.db, { ...received, data: { ...received.data, dueAt: 'tomorrow' } })).rejects.toThrow(/ISO/);
    expect(await t.db.selectFrom('job').selectAll().execute()).toEqual([]);
  });
});

describe('notifications over SMTP', () => {
  it('retries when the SMTP server cannot be reached, with the error kept', async () => {
    // A port nobody listens on: the production SMTP transport gets "connection refused".
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const database = await createTestDatabase();
    try {
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SMTP_URL: `smtp://127.0.0.1:${port}` });
      const jobs = createJobsModule({ config, db: database.db, runner: { backoffMs: 30, maxAttempts: 2 } });
      const sms: string[] = [];
      const notifications = createNotificationsModule({ config, db: database.db, jobs, sms: { send: async (phone, text) => void sms.push(`${phone}: ${text}`) } });
      expect(notifications.mailer.enabled).toBe(true);
      await notifications.notify(database.db, { ...received, to: { ...received.to, phone: '0912 345 678' } });
      expect(await jobs.runDue()).toBe(2); // the mail (fails) and the SMS (sent)
      expect(sms).toEqual(['0912345678: Hồ sơ 000.00.01.H01-260305-0001 đã được tiếp nhận.']);
      const failed = await database.db.selectFrom('job').selectAll().where('done_at', 'is', null).executeTakeFirstOrThrow();
      expect(failed).toMatchObject({ attempts: 1, locked_by: null });
      expect(failed.last_error).toMatch(/ECONNREFUSED/);
      expect(failed.run_at.getTime()).toBeGreaterThan(failed.created_at.getTime());
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(await jobs.runDue()).toBe(1); // the retry
      expect(await jobs.counts()).toEqual({ pending: 0, dead: 1 });
    } finally {
      await database.close();
    }
  });

  it('skips e-mail in production without SMTP_URL, saying so once', async () => {
    const database = await createTestDatabase();
    try {
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
      const warnings: string[] = [];
      const log = { info() {}, error() {}, warn: (_o: object, msg: string) => void warnings.push(msg) };
      const jobs = createJobsModule({ config, db: database.db });
      const notifications = createNotificationsModule({ config: { ...config, NODE_ENV: 'production' }, db: database.db, jobs, log });
      expect(notifications.mailer.enabled).toBe(false);
      expect(warnings).toEqual([expect.stringContaining('SMTP_URL')]);
      await notifications.notify(database.db, received);
      expect(await database.db.selectFrom('job').selectAll().execute()).toEqual([]);
    } finally {
      await database.close();
    }
  });
});

describe('the job runner of the server', () => {
  it('starts with the server, delivers queued mail, and stops when the server closes', async () => {
    const t = await createTestApp({ JOB_RUNNER: 'true', JOB_POLL_MS: '20' });
    try {
      await t.app.notifications.notify(t.db, received);
      const deadline = Date.now() + 10_000;
      while (t.app.mailCatcher!.messages().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(t.app.mailCatcher!.messages()).toHaveLength(1);
    } finally {
      await t.close(); // would hang or fail if the runner outlived the database
    }
  });
});
