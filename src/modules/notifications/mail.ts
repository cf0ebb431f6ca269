// E-mail through nodemailer. SMTP_URL set: its SMTP transport (the production path). Otherwise
// the transport the server hands in (the built-in mail catcher, outside production), or none: in
// production without SMTP_URL, e-mail is disabled and the start says so once.
import nodemailer, { type Transport, type Transporter } from 'nodemailer';
import type { Config } from '../../config.ts';
import type { JobLogger } from '../jobs/module.ts';

export interface OutgoingMail {
  to: { address: string; name?: string | undefined };
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; contentType: string; contentBase64: string }[] | undefined;
}

export interface Mailer {
  /** false: e-mail notifications are skipped (production without SMTP_URL). */
  readonly enabled: boolean;
  /** Sends; throws when the server refuses or cannot be reached, or mail is disabled (the job is retried). */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailer(options: {
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'NODE_ENV'>;
  /** A nodemailer transport to use when SMTP_URL is unset (the mail catcher). */
  transport?: Transport | undefined;
  log: JobLogger;
}): Mailer {
  const { config, log } = options;
  let transporter: Transporter | undefined;
  if (config.SMTP_URL) {
    transporter = nodemailer.createTransport(config.SMTP_URL);
  } else if (options.transport) {
    transporter = nodemailer.createTransport(options.transport);
  } else if (config.NODE_ENV === 'production') {
    log.warn({}, 'SMTP_URL is not set: e-mail notifications are disabled (they are skipped, not queued)');
  }
  return {
    enabled: transporter !== undefined,
    async send(mail) {
      // A job queued while mail was on is kept (retried, then left failed), never dropped as sent.
      if (!transporter) throw new Error('e-mail is disabled here (no SMTP_URL)');
      await transporter.sendMail({
        from: config.MAIL_FROM,
        to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // A file name or header text from outside must not reach the server's file system or the network.
        disableFileAccess: true,
        disableUrlAccess: true,
        attachments: (mail.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.contentBase64,
          encoding: 'base64',
        })),
      });
    },
    close() {
      transporter?.close();
    },
  };
}
