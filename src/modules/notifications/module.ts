// Assembles the notifications module: notify() puts one job per channel (e-mail, SMS) in the
// caller's transaction (the outbox of the jobs module); the `notification.send` handler renders the
// template and sends. A dossier use case calls notify() inside its own transaction, so a
// notification exists exactly when the change it reports does, and a key makes it once.
import type { Transport } from 'nodemailer';
import type { Executor, JobLogger, JobsModule } from '../jobs/module.ts';
import type { Module, ModuleDeps } from '../module.ts';
import { createMailer, type Mailer } from './mail.ts';
import { createLogSmsSender, type SmsSender } from './sms.ts';
import { renderNotification, type NotificationData, type NotificationTemplate } from './templates.ts';

export type { NotificationData, NotificationDataMap, NotificationTemplate } from './templates.ts';
export { NOTIFICATION_TEMPLATES, renderNotification } from './templates.ts';
export type { SmsSender } from './sms.ts';

export interface NotificationAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

export interface NotifyInput<T extends NotificationTemplate = NotificationTemplate> {
  to: { email?: string; phone?: string; name?: string };
  template: T;
  data: NotificationData<T>;
  /** Names this notification (e.g. `${dossierId}:received`): notified once however often asked. */
  key?: string;
  attachments?: NotificationAttachment[];
}

export interface NotificationsModule extends Module {
  /**
   * Queues the notification in the caller's transaction. Throws (and so fails the transaction) on
   * a malformed address or data that the template cannot render: a programming error to find in tests.
   */
  notify<T extends NotificationTemplate>(trx: Executor, input: NotifyInput<T>): Promise<void>;
  mailer: Mailer;
}

export interface NotificationsDeps extends Pick<ModuleDeps, 'config' | 'db'> {
  jobs: JobsModule;
  log?: JobLogger;
  /** The nodemailer transport used when SMTP_URL is unset (server.ts: the mail catcher). */
  mailTransport?: Transport;
  sms?: SmsSender;
}

export const NOTIFICATION_TOPIC = 'notification.send';

type SendPayload =
  | {
      channel: 'email';
      to: { address: string; name?: string };
      template: NotificationTemplate;
      data: NotificationData;
      attachments: NotificationAttachment[];
    }
  | { channel: 'sms'; phone: string; name?: string; template: NotificationTemplate; data: NotificationData };

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
const PHONE = /^\+?[0-9]{8,15}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const silent: JobLogger = { info() {}, warn() {}, error() {} };

export function createNotificationsModule(deps: NotificationsDeps): NotificationsModule {
  const log = deps.log ?? silent;
  const mailer = createMailer({ config: deps.config, transport: deps.mailTransport, log });
  const sms = deps.sms ?? createLogSmsSender(log);

  deps.jobs.handle<SendPayload>(NOTIFICATION_TOPIC, async (payload) => {
    if (payload.channel === 'email') {
      const rendered = renderNotification(payload.template, payload.data, payload.to.name);
      await mailer.send({
        to: payload.to,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        attachments: payload.attachments,
      });
    } else {
      await sms.send(payload.phone, renderNotification(payload.template, payload.data, payload.name).sms);
    }
  });

  async function notify<T extends NotificationTemplate>(trx: Executor, input: NotifyInput<T>): Promise<void> {
    const { to, template, data } = input;
    // Rendered here too, so that bad data fails the caller now rather than a job later.
    renderNotification(template, data, to.name);
    const email = to.email?.trim();
    const phone = to.phone?.replace(/[\s.-]/g, '');
    if (email !== undefined && !EMAIL.test(email)) throw new TypeError(`not an e-mail address: ${email}`);
    if (phone !== undefined && !PHONE.test(phone)) throw new TypeError(`not a phone number: ${phone}`);
    const attachments = (input.attachments ?? []).map((a) => ({ ...a, filename: a.filename.normalize('NFC') }));
    let bytes = 0;
    for (const a of attachments) {
      if (!BASE64.test(a.contentBase64) || !a.filename || /[\r\n]/.test(a.filename + a.contentType)) {
        throw new TypeError(`invalid attachment: ${a.filename}`);
      }
      bytes += Math.floor((a.contentBase64.length * 3) / 4);
    }
    if (bytes > MAX_ATTACHMENT_BYTES) throw new TypeError('attachments are larger than 10 MB');
    const name = to.name?.normalize('NFC');
    if (email && mailer.enabled) {
      await deps.jobs.enqueue<SendPayload>(trx, {
        topic: NOTIFICATION_TOPIC,
        ...(input.key ? { key: `${input.key}:email` } : {}),
        payload: { channel: 'email', to: { address: email, ...(name ? { name } : {}) }, template, data, attachments },
      });
    }
    if (phone) {
      await deps.jobs.enqueue<SendPayload>(trx, {
        topic: NOTIFICATION_TOPIC,
        ...(input.key ? { key: `${input.key}:sms` } : {}),
        payload: { channel: 'sms', phone, ...(name ? { name } : {}), template, data },
      });
    }
  }

  return {
    notify,
    mailer,
    register() {
      // No routes: the mail catcher is an emulator, mounted by the server.
    },
  };
}
