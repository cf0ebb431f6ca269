// Notification templates: one table, Vietnamese first and English second in every message.
// Each entry gives, per language, a subject and the paragraphs particular to the event; the
// greeting, the dossier's facts, the lookup link and the footer are the same for all and added
// by render(). Every string is NFC (Vietnamese text typed or pasted in decomposed form would
// otherwise show broken diacritics in some mail clients).

export interface DossierNotificationData {
  /** Mã hồ sơ (dossier code). */
  dossierCode: string;
  procedureName: string;
  applicantName: string;
  status?: string;
  /** Where the applicant looks the dossier up. */
  lookupUrl?: string;
}

type With<T> = DossierNotificationData & T;

/** The data of each template. Instants are ISO 8601 strings (shown in Asia/Ho_Chi_Minh). */
export interface NotificationDataMap {
  /** Giấy tiếp nhận hồ sơ và hẹn trả kết quả is attached by the caller. */
  'dossier.received': With<{ dueAt: string }>;
  /** Before receipt: the dossier must be completed (Decree 118/2025 Art. 15). */
  'dossier.completion_requested': With<{ reason: string }>;
  'dossier.supplement_requested': With<{ reason: string; dueAt?: string }>;
  'dossier.payment_requested': With<{ paymentUrl: string; amountVnd: number }>;
  /** Phiếu xin lỗi và hẹn lại ngày trả kết quả (apology and new date). */
  'dossier.apologized': With<{ newDueAt: string; reason?: string }>;
  'dossier.result_ready': DossierNotificationData;
  'dossier.result_returned': DossierNotificationData;
  'dossier.refused': With<{ reason: string }>;
  'dossier.stopped': With<{ reason: string }>;
  'dossier.withdrawn': With<{ reason?: string }>;
  /** For officers: their step of a dossier. */
  'dossier.step_due_soon': With<{ dueAt: string }>;
  'dossier.step_overdue': With<{ dueAt: string }>;
  /** For officers: the dossier's own deadline. */
  'dossier.due_soon': With<{ dueAt: string }>;
  /** For officers: a PAKN's deadline (766 indicator 5.2); `dossierCode` carries the PAKN's code, `procedureName` its title, `applicantName` the filer. */
  'feedback.due_soon': With<{ dueAt: string; what: 'process' | 'publish' }>;
  'feedback.overdue': With<{ dueAt: string; what: 'process' | 'publish' }>;
}

export type NotificationTemplate = keyof NotificationDataMap;
export type NotificationData<T extends NotificationTemplate = NotificationTemplate> = NotificationDataMap[T];

export type Language = 'vi' | 'en';

interface Formatters {
  /** An instant: "17:00 ngày 05/03/2026" / "17:00 on 05/03/2026". */
  at(iso: string): string;
  /** "150.000 ₫". */
  vnd(amount: number): string;
}

interface Part {
  subject: string;
  paragraphs: (string | undefined | false)[];
}

interface TemplateSpec<D> {
  audience: 'applicant' | 'officer';
  vi(data: D, f: Formatters): Part;
  en(data: D, f: Formatters): Part;
}

const TEMPLATES: { [T in NotificationTemplate]: TemplateSpec<NotificationDataMap[T]> } = {
  'dossier.received': {
    audience: 'applicant',
    vi: (d, f) => ({
      subject: `Hồ sơ ${d.dossierCode} đã được tiếp nhận`,
      paragraphs: [
        'Hồ sơ của Ông/Bà đã được tiếp nhận.',
        `Thời hạn trả kết quả: ${f.at(d.dueAt)}.`,
        'Giấy tiếp nhận hồ sơ và hẹn trả kết quả được gửi kèm thư này.',
      ],
    }),
    en: (d, f) => ({
      subject: `Dossier ${d.dossierCode} received`,
      paragraphs: ['Your dossier has been received.', `The result is due at ${f.at(d.dueAt)}.`, 'The receipt and appointment slip is attached.'],
    }),
  },
  'dossier.completion_requested': {
    audience: 'applicant',
    vi: (d) => ({
      subject: `Hồ sơ ${d.dossierCode} cần được hoàn thiện`,
      paragraphs: [
        'Hồ sơ của Ông/Bà chưa đầy đủ hoặc chưa hợp lệ nên chưa được tiếp nhận. Đề nghị Ông/Bà hoàn thiện hồ sơ theo hướng dẫn sau:',
        d.reason,
      ],
    }),
    en: (d) => ({
      subject: `Dossier ${d.dossierCode} needs completing`,
      paragraphs: ['Your dossier is incomplete or not valid, so it has not been received yet. Please complete it as follows:', d.reason],
    }),
  },
  'dossier.supplement_requested': {
    audience: 'applicant',
    vi: (d, f) => ({
      subject: `Đề nghị bổ sung hồ sơ ${d.dossierCode}`,
      paragraphs: [
        'Cơ quan giải quyết đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ như sau:',
        d.reason,
        d.dueAt && `Thời hạn bổ sung: ${f.at(d.dueAt)}.`,
      ],
    }),
    en: (d, f) => ({
      subject: `Dossier ${d.dossierCode}: more documents needed`,
      paragraphs: ['The agency asks you to supplement your dossier as follows:', d.reason, d.dueAt && `Please do so by ${f.at(d.dueAt)}.`],
    }),
  },
  'dossier.payment_requested': {
    audience: 'applicant',
    vi: (d, f) => ({
      subject: `Đề nghị nộp phí, lệ phí hồ sơ ${d.dossierCode}`,
      paragraphs: [`Số tiền phải nộp: ${f.vnd(d.amountVnd)}.`, `Ông/Bà có thể thanh toán trực tuyến tại: ${d.paymentUrl}`],
    }),
    en: (d, f) => ({
      subject: `Dossier ${d.dossierCode}: fees to pay`,
      paragraphs: [`Amount due: ${f.vnd(d.amountVnd)}.`, `You can pay online at: ${d.paymentUrl}`],
    }),
  },
  'dossier.apologized': {
    audience: 'applicant',
    vi: (d, f) => ({
      subject: `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${d.dossierCode}`,
      paragraphs: [
        'Cơ quan giải quyết chân thành xin lỗi Ông/Bà vì hồ sơ chưa được giải quyết đúng hạn.',
        d.reason && `Lý do: ${d.reason}`,
        `Thời hạn trả kết quả mới: ${f.at(d.newDueAt)}.`,
      ],
    }),
    en: (d, f) => ({
      subject: `Dossier ${d.dossierCode}: our apology and a new date`,
      paragraphs: [
        'We sincerely apologise that your dossier could not be resolved on time.',
        d.reason && `Reason: ${d.reason}`,
        `The new date for the result: ${f.at(d.newDueAt)}.`,
      ],
    }),
  },
  'dossier.result_ready': {
    audience: 'applicant',
    vi: (d) => ({
      subject: `Đã có kết quả giải quyết hồ sơ ${d.dossierCode}`,
      paragraphs: ['Kết quả giải quyết hồ sơ của Ông/Bà đã có. Ông/Bà nhận kết quả theo hình thức đã đăng ký khi nộp hồ sơ.'],
    }),
    en: (d) => ({
      subject: `Dossier ${d.dossierCode}: result ready`,
      paragraphs: ['The result of your dossier is ready. You will receive it the way you chose when you applied.'],
    }),
  },
  'dossier.result_returned': {
    audience: 'applicant',
    vi: (d) => ({
      subject: `Đã trả kết quả hồ sơ ${d.dossierCode}`,
      paragraphs: ['Kết quả giải quyết hồ sơ đã được trả cho Ông/Bà.', 'Mời Ông/Bà đánh giá mức độ hài lòng về việc giải quyết thủ tục hành chính.'],
    }),
    en: (d) => ({
      subject: `Dossier ${d.dossierCode}: result delivered`,
      paragraphs: ['The result of your dossier has been delivered to you.', 'Please tell us how satisfied you are with how it was handled.'],
    }),
  },
  'dossier.refused': {
    audience: 'applicant',
    vi: (d) => ({
      subject: `Hồ sơ ${d.dossierCode} không được giải quyết`,
      paragraphs: ['Cơ quan có thẩm quyền từ chối giải quyết hồ sơ của Ông/Bà.', `Lý do: ${d.reason}`],
    }),
    en: (d) => ({
      subject: `Dossier ${d.dossierCode} refused`,
      paragraphs: ['The competent agency has refused your dossier.', `Reason: ${d.reason}`],
    }),
  },
  'dossier.stopped': {
    audience: 'applicant',
    vi: (d) => ({
      subject: `Dừng giải quyết hồ sơ ${d.dossierCode}`,
      paragraphs: ['Việc giải quyết hồ sơ của Ông/Bà đã dừng.', `Lý do: ${d.reason}`],
    }),
    en: (d) => ({
      subject: `Dossier ${d.dossierCode}: processing stopped`,
      paragraphs: ['Processing of your dossier has stopped.', `Reason: ${d.reason}`],
    }),
  },
  'dossier.withdrawn': {
    audience: 'applicant',
    vi: (d) => ({
      subject: `Hồ sơ ${d.dossierCode} đã được rút`,
      paragraphs: ['Theo đề nghị của Ông/Bà, hồ sơ đã được rút và dừng giải quyết.', d.reason && `Lý do: ${d.reason}`],
    }),
    en: (d) => ({
      subject: `Dossier ${d.dossierCode} withdrawn`,
      paragraphs: ['As you asked, your dossier has been withdrawn and will not be processed further.', d.reason && `Reason: ${d.reason}`],
    }),
  },
  'dossier.step_due_soon': {
    audience: 'officer',
    vi: (d, f) => ({
      subject: `Sắp đến hạn xử lý hồ sơ ${d.dossierCode}`,
      paragraphs: [`Bước xử lý hồ sơ được giao cho đồng chí sẽ đến hạn lúc ${f.at(d.dueAt)}.`],
    }),
    en: (d, f) => ({
      subject: `Dossier ${d.dossierCode}: your step is due soon`,
      paragraphs: [`The step of this dossier assigned to you is due at ${f.at(d.dueAt)}.`],
    }),
  },
  'dossier.step_overdue': {
    audience: 'officer',
    vi: (d, f) => ({
      subject: `Quá hạn xử lý hồ sơ ${d.dossierCode}`,
      paragraphs: [`Bước xử lý hồ sơ được giao cho đồng chí đã quá hạn từ ${f.at(d.dueAt)}. Đề nghị đồng chí khẩn trương xử lý.`],
    }),
    en: (d, f) => ({
      subject: `Dossier ${d.dossierCode}: your step is overdue`,
      paragraphs: [`The step of this dossier assigned to you has been overdue since ${f.at(d.dueAt)}. Please deal with it promptly.`],
    }),
  },
  'dossier.due_soon': {
    audience: 'officer',
    vi: (d, f) => ({
      subject: `Hồ sơ ${d.dossierCode} sắp đến hạn trả kết quả`,
      paragraphs: [`Hồ sơ sẽ đến hạn trả kết quả lúc ${f.at(d.dueAt)}.`],
    }),
    en: (d, f) => ({
      subject: `Dossier ${d.dossierCode} is due soon`,
      paragraphs: [`The result of this dossier is due at ${f.at(d.dueAt)}.`],
    }),
  },
  'feedback.due_soon': {
    audience: 'officer',
    vi: (d, f) => ({
      subject: `Phản ánh, kiến nghị ${d.dossierCode} sắp đến hạn ${d.what === 'publish' ? 'công khai' : 'xử lý'}`,
      paragraphs: [`Phản ánh, kiến nghị "${d.procedureName}" phải được ${d.what === 'publish' ? 'công khai trả lời' : 'xử lý xong'} trước ${f.at(d.dueAt)}.`],
    }),
    en: (d, f) => ({
      subject: `Feedback ${d.dossierCode} is due soon`,
      paragraphs: [`The feedback "${d.procedureName}" must be ${d.what === 'publish' ? 'answered publicly' : 'processed'} by ${f.at(d.dueAt)}.`],
    }),
  },
  'feedback.overdue': {
    audience: 'officer',
    vi: (d, f) => ({
      subject: `Quá hạn ${d.what === 'publish' ? 'công khai' : 'xử lý'} phản ánh, kiến nghị ${d.dossierCode}`,
      paragraphs: [`Phản ánh, kiến nghị "${d.procedureName}" đã quá hạn từ ${f.at(d.dueAt)}. Đề nghị đồng chí khẩn trương xử lý.`],
    }),
    en: (d, f) => ({
      subject: `Feedback ${d.dossierCode} is overdue`,
      paragraphs: [`The feedback "${d.procedureName}" has been overdue since ${f.at(d.dueAt)}. Please deal with it promptly.`],
    }),
  },
};

export const NOTIFICATION_TEMPLATES = Object.keys(TEMPLATES) as NotificationTemplate[];

export function isNotificationTemplate(name: string): name is NotificationTemplate {
  return Object.hasOwn(TEMPLATES, name);
}

const ZONE = 'Asia/Ho_Chi_Minh';
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO instant in Vietnam's time: "17:00 ngày 05/03/2026" (vi), "17:00 on 05/03/2026" (en). */
export function formatInstant(iso: string, language: Language): string {
  const date = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(date.getTime())) throw new TypeError(`not an ISO 8601 instant: ${iso}`);
  const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute} ${language === 'vi' ? 'ngày' : 'on'} ${p.day}/${p.month}/${p.year}`;
}

/** Integer VND with dots between thousands: "150.000 ₫". */
export function formatVnd(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new TypeError(`not an amount of VND: ${amount}`);
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;
}

export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
  /** A short text for SMS (Vietnamese only). */
  sms: string;
  audience: 'applicant' | 'officer';
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const LABELS = {
  vi: {
    dear: (name?: string) => (name ? `Kính gửi ${name},` : 'Kính gửi Quý Ông/Bà,'),
    code: 'Mã hồ sơ',
    procedure: 'Thủ tục',
    applicant: 'Người nộp',
    status: 'Trạng thái',
    lookup: 'Tra cứu hồ sơ',
    footer: 'Đây là thư tự động của Hệ thống thông tin giải quyết thủ tục hành chính; vui lòng không trả lời thư này.',
  },
  en: {
    dear: (name?: string) => (name ? `Dear ${name},` : 'Dear Sir or Madam,'),
    code: 'Dossier code',
    procedure: 'Procedure',
    applicant: 'Applicant',
    status: 'Status',
    lookup: 'Look the dossier up',
    footer: 'This is an automated message from the administrative procedures information system; please do not reply.',
  },
} as const;

const nfc = (s: string) => s.normalize('NFC');

/** Normalizes every string of the data to NFC (numbers and the rest are kept). */
function normalizeData<D>(data: D): D {
  return Object.fromEntries(Object.entries(data as object).map(([k, v]) => [k, typeof v === 'string' ? nfc(v) : v])) as D;
}

/**
 * Renders a template: subject "vi / en", a text body and a simple HTML body with the Vietnamese
 * part first. `recipientName` is the addressee (an officer's name, or the applicant's by default).
 */
export function renderNotification<T extends NotificationTemplate>(
  template: T,
  rawData: NotificationDataMap[T],
  recipientName?: string,
): RenderedNotification {
  const spec = TEMPLATES[template] as TemplateSpec<NotificationDataMap[T]> | undefined;
  if (!spec) throw new TypeError(`unknown notification template: ${String(template)}`);
  const data = normalizeData(rawData);
  for (const field of ['dossierCode', 'procedureName', 'applicantName'] as const) {
    if (typeof data[field] !== 'string' || data[field].trim() === '') throw new TypeError(`${template}: ${field} is required`);
  }
  const name = recipientName ? nfc(recipientName) : spec.audience === 'applicant' ? data.applicantName : undefined;
  const sections = (['vi', 'en'] as const).map((language) => {
    const f: Formatters = { at: (iso) => formatInstant(iso, language), vnd: formatVnd };
    const part = spec[language](data, f);
    const l = LABELS[language];
    const facts: [string, string][] = [
      [l.code, data.dossierCode],
      [l.procedure, data.procedureName],
      ...(spec.audience === 'officer' ? ([[l.applicant, data.applicantName]] as [string, string][]) : []),
      ...(data.status ? ([[l.status, data.status]] as [string, string][]) : []),
    ];
    return {
      language,
      subject: nfc(part.subject),
      dear: l.dear(name),
      paragraphs: part.paragraphs.filter((p): p is string => typeof p === 'string' && p !== '').map(nfc),
      facts,
      lookup: data.lookupUrl ? ([l.lookup, data.lookupUrl] as const) : undefined,
      footer: l.footer,
    };
  });
  const [vi, en] = sections as [(typeof sections)[number], (typeof sections)[number]];
  const subject = `${vi.subject} / ${en.subject}`;
  const text = sections
    .map((s) =>
      [
        s.subject,
        '',
        s.dear,
        '',
        ...s.paragraphs.flatMap((p) => [p, '']),
        ...s.facts.map(([k, v]) => `${k}: ${v}`),
        ...(s.lookup ? [`${s.lookup[0]}: ${s.lookup[1]}`] : []),
        '',
        s.footer,
      ].join('\n'),
    )
    .join('\n\n----------------------------------------\n\n');
  const htmlSection = (s: (typeof sections)[number]) =>
    [
      `<section lang="${s.language}">`,
      `<h2>${escapeHtml(s.subject)}</h2>`,
      `<p>${escapeHtml(s.dear)}</p>`,
      ...s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
      '<table>',
      ...s.facts.map(([k, v]) => `<tr><th scope="row" style="text-align:left;padding-right:1em">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
      '</table>',
      ...(s.lookup ? [`<p><a href="${escapeHtml(s.lookup[1])}">${escapeHtml(s.lookup[0])}</a></p>`] : []),
      `<p style="color:#555;font-size:small">${escapeHtml(s.footer)}</p>`,
      '</section>',
    ].join('\n');
  const html = [
    '<!doctype html>',
    '<html lang="vi"><head><meta charset="utf-8"><title>' + escapeHtml(subject) + '</title></head>',
    '<body style="font-family:sans-serif;line-height:1.5;max-width:40em">',
    htmlSection(vi),
    '<hr>',
    htmlSection(en),
    '</body></html>',
  ].join('\n');
  const sms = nfc(`${vi.subject}.${data.lookupUrl ? ` ${LABELS.vi.lookup}: ${data.lookupUrl}` : ''}`);
  return { subject, text, html, sms, audience: spec.audience };
}
