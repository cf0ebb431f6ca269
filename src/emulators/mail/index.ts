// The mail catcher: where e-mail goes on the embedded default (no SMTP_URL, outside production),
// shown at /emulators/mail. It is a nodemailer transport (nodemailer's documented transport
// interface, as its JSON and stream transports are): the notification code sends with the very
// Transporter.sendMail it uses in production, the message is composed by nodemailer's
// MailComposer into the same RFC 5322 bytes the SMTP transport would put after DATA, and the
// catcher keeps those bytes (downloadable as .eml) and nodemailer's normalized parts for display.
// Only the last hop differs: no SMTP dialogue. Messages are kept in this process's memory, the
// newest `limit` of them: a test tool, not a mailbox.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SendMailOptions, Transport } from 'nodemailer';
import type MailMessage from 'nodemailer/lib/mailer/mail-message';

export const MAIL_CATCHER_PATH = '/emulators/mail';

export interface CaughtAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

export interface CaughtMail {
  id: string;
  receivedAt: Date;
  messageId: string;
  envelope: { from: string | false; to: string[] };
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | undefined;
  attachments: CaughtAttachment[];
  /** The message as composed for the wire (RFC 5322). */
  raw: Buffer;
}

export interface MailCatcher {
  /** Give this to nodemailer.createTransport(). */
  transport: Transport;
  /** Newest first. */
  messages(): CaughtMail[];
  clear(): void;
  /** Mounts the pages and the JSON list at /emulators/mail. */
  mount(app: FastifyInstance): void;
}

type Address = string | { name?: string; address: string };

function addressText(value: SendMailOptions['to'] | SendMailOptions['from']): string {
  if (!value) return '';
  const list = (Array.isArray(value) ? value : [value]) as Address[];
  return list.map((a) => (typeof a === 'string' ? a : a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');
}

function toBuffer(content: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(content)) return content;
  if (typeof content === 'string') return Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8');
  return Buffer.alloc(0);
}

export function createMailCatcher(options: { limit?: number } = {}): MailCatcher {
  const limit = options.limit ?? 500;
  let caught: CaughtMail[] = [];

  const transport: Transport = {
    name: 'motcua-mail-catcher',
    version: '1',
    send(mail: MailMessage, done) {
      const envelope = mail.message.getEnvelope();
      const messageId = mail.message.messageId();
      mail.message.build((buildError, raw) => {
        if (buildError) return done(buildError, undefined);
        mail.normalize((error, data) => {
          if (error || !data) return done(error ?? new Error('message could not be read'), undefined);
          caught.unshift({
            id: randomUUID(),
            receivedAt: new Date(),
            messageId,
            envelope: { from: envelope.from, to: envelope.to },
            from: addressText(data.from),
            to: addressText(data.to),
            subject: typeof data.subject === 'string' ? data.subject : '',
            text: typeof data.text === 'string' ? data.text : '',
            html: typeof data.html === 'string' ? data.html : undefined,
            attachments: (data.attachments ?? []).map((a, i) => {
              const content = toBuffer(a.content, a.encoding);
              return {
                filename: typeof a.filename === 'string' ? a.filename : `attachment-${i + 1}`,
                contentType: a.contentType ?? 'application/octet-stream',
                size: content.length,
                content,
              };
            }),
            raw,
          });
          caught = caught.slice(0, limit);
          done(null, { envelope, messageId, response: '250 OK: caught by the mail catcher' });
        });
      });
    },
  };

  return {
    transport,
    messages: () => [...caught],
    clear() {
      caught = [];
    },
    mount(app) {
      registerPages(app, () => caught);
    },
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const localTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  dateStyle: 'short',
  timeStyle: 'medium',
});

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;line-height:1.5;margin:1.5rem;max-width:60rem}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ccc;vertical-align:top}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}
iframe{width:100%;height:32rem;border:1px solid #ccc}a{color:#0645ad}</style></head>
<body>${body}</body></html>`;
}

const disposition = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

function registerPages(app: FastifyInstance, messages: () => CaughtMail[]): void {
  const find = (id: string) => messages().find((m) => m.id === id);
  const notFound = (reply: import('fastify').FastifyReply) =>
    reply.code(404).type('text/html; charset=utf-8').send(page('Không tìm thấy thư', '<main><h1>Không tìm thấy thư</h1><p><a href="../">Danh sách thư</a></p></main>'));

  app.get(MAIL_CATCHER_PATH, { schema: { hide: true } }, async (_request, reply) => {
    const list = messages();
    const rows = list
      .map(
        (m) => `<tr><td><time datetime="${m.receivedAt.toISOString()}">${escapeHtml(localTime.format(m.receivedAt))}</time></td>
<td>${escapeHtml(m.to)}</td><td><a href="${MAIL_CATCHER_PATH}/messages/${m.id}">${escapeHtml(m.subject || '(không có tiêu đề)')}</a></td>
<td>${m.attachments.length}</td></tr>`,
      )
      .join('\n');
    const body = `<main><h1>Hộp thư giả lập</h1>
<p>Thư mà hệ thống đã gửi khi chưa cấu hình máy chủ SMTP (SMTP_URL). Thư mới nhất ở trên cùng. Dữ liệu dạng JSON: <a href="${MAIL_CATCHER_PATH}/messages.json">messages.json</a>.</p>
${
  list.length === 0
    ? '<p>Chưa có thư nào.</p>'
    : `<table><caption>${list.length} thư</caption><thead><tr><th scope="col">Thời gian</th><th scope="col">Người nhận</th><th scope="col">Tiêu đề</th><th scope="col">Tệp đính kèm</th></tr></thead><tbody>
${rows}</tbody></table>`
}</main>`;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page('Hộp thư giả lập — motcua', body));
  });

  app.get(`${MAIL_CATCHER_PATH}/messages.json`, { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return messages().map((m) => ({
      id: m.id,
      receivedAt: m.receivedAt.toISOString(),
      messageId: m.messageId,
      envelope: m.envelope,
      from: m.from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html ?? null,
      attachments: m.attachments.map((a, i) => ({
        filename: a.filename,
        contentType: a.contentType,
        size: a.size,
        url: `${MAIL_CATCHER_PATH}/messages/${m.id}/attachments/${i}`,
      })),
      rawUrl: `${MAIL_CATCHER_PATH}/messages/${m.id}/raw.eml`,
    }));
  });

  app.get<{ Params: { id: string } }>(`${MAIL_CATCHER_PATH}/messages/:id`, { schema: { hide: true } }, async (request, reply) => {
    const m = find(request.params.id);
    if (!m) return notFound(reply);
    const base = `${MAIL_CATCHER_PATH}/messages/${m.id}`;
    const attachments = m.attachments.length
      ? `<h2>Tệp đính kèm</h2><ul>${m.attachments
          .map((a, i) => `<li><a href="${base}/attachments/${i}" download>${escapeHtml(a.filename)}</a> (${escapeHtml(a.contentType)}, ${a.size} byte)</li>`)
          .join('')}</ul>`
      : '';
    const body = `<main><p><a href="${MAIL_CATCHER_PATH}">← Danh sách thư</a></p>
<h1>${escapeHtml(m.subject || '(không có tiêu đề)')}</h1>
<table><tbody>
<tr><th scope="row">Người gửi</th><td>${escapeHtml(m.from)}</td></tr>
<tr><th scope="row">Người nhận</th><td>${escapeHtml(m.to)}</td></tr>
<tr><th scope="row">Thời gian</th><td>${escapeHtml(localTime.format(m.receivedAt))}</td></tr>
<tr><th scope="row">Message-ID</th><td>${escapeHtml(m.messageId)}</td></tr>
</tbody></table>
${attachments}
${m.html ? `<h2>Nội dung HTML</h2><iframe title="Nội dung HTML của thư" sandbox src="${base}/body.html"></iframe>` : ''}
<h2>Nội dung văn bản</h2><pre>${escapeHtml(m.text)}</pre>
<p><a href="${base}/raw.eml" download>Tải thư gốc (.eml)</a></p></main>`;
    return reply.type('text/html; charset=utf-8').send(page(`${m.subject} — Hộp thư giả lập`, body));
  });

  app.get<{ Params: { id: string } }>(`${MAIL_CATCHER_PATH}/messages/:id/body.html`, { schema: { hide: true } }, async (request, reply) => {
    const m = find(request.params.id);
    if (!m?.html) return notFound(reply);
    // The mail's own HTML: no script, no request anywhere, shown only inside the page above.
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'")
      .header('x-frame-options', 'SAMEORIGIN')
      .send(m.html);
  });

  app.get<{ Params: { id: string; index: string } }>(`${MAIL_CATCHER_PATH}/messages/:id/attachments/:index`, { schema: { hide: true } }, async (request, reply) => {
    const attachment = find(request.params.id)?.attachments[Number(request.params.index)];
    if (!attachment) return notFound(reply);
    return reply.type(attachment.contentType).header('content-disposition', disposition(attachment.filename)).send(attachment.content);
  });

  app.get<{ Params: { id: string } }>(`${MAIL_CATCHER_PATH}/messages/:id/raw.eml`, { schema: { hide: true } }, async (request, reply) => {
    const m = find(request.params.id);
    if (!m) return notFound(reply);
    return reply.type('message/rfc822').header('content-disposition', 'attachment; filename="message.eml"').send(m.raw);
  });
}
