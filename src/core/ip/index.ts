// Rules of the intellectual property database (industrial property: patents, utility solutions,
// trademarks, industrial designs). Pure functions, no I/O.
//
// - An application (đơn đăng ký) goes through formality examination (thẩm định hình thức, Law on
//   IP Art. 109), publication (công bố đơn, Art. 110), substantive examination (thẩm định nội
//   dung, Art. 113–114) and ends granted (cấp văn bằng, Art. 118), refused (từ chối, Art. 117,
//   also after the formality examination, Art. 109(2)) or withdrawn by the applicant (rút đơn,
//   Art. 115) at any time before a decision.
// - A protection title (văn bằng bảo hộ) is in force from its grant until the end of its term
//   (Art. 93): a patent 20 years from the filing date, a utility solution 10 years, an industrial
//   design 5 years renewable twice by 5 years, a trademark 10 years renewable any number of times
//   by 10 years. It stops earlier when terminated (chấm dứt, Art. 95) or invalidated (hủy bỏ,
//   Art. 96).
// - The classification each kind uses: IPC for patents and utility solutions, Nice for
//   trademarks, Locarno for industrial designs (Decree 65/2023/NĐ-CP; Circular 23/2023/TT-BKHCN).
import { dayNumber } from '../calendar/local-time.ts';

export const IP_KINDS = ['patent', 'utility_solution', 'trademark', 'industrial_design'] as const;
export type IpKind = (typeof IP_KINDS)[number];

export const IP_KIND_NAMES: Record<IpKind, { vi: string; en: string }> = {
  patent: { vi: 'Sáng chế', en: 'Patent' },
  utility_solution: { vi: 'Giải pháp hữu ích', en: 'Utility solution' },
  trademark: { vi: 'Nhãn hiệu', en: 'Trademark' },
  industrial_design: { vi: 'Kiểu dáng công nghiệp', en: 'Industrial design' },
};

export const APPLICATION_STATUSES = ['filed', 'formality_examined', 'published', 'substantive_examination', 'granted', 'refused', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const TITLE_STATUSES = ['in_force', 'terminated', 'invalidated'] as const;
export type TitleStatus = (typeof TITLE_STATUSES)[number];

/** The motcua procedures whose granted result is a protection title of the kind (catalog seed, Cục Sở hữu trí tuệ). */
export const PROCEDURE_KINDS: Record<string, IpKind> = {
  '1.009901': 'patent',
  '1.009902': 'utility_solution',
  '1.009903': 'trademark',
  '1.009904': 'industrial_design',
};

/**
 * The leading digit of application and title numbers by kind, as the IP office numbers them
 * (1 patent, 2 utility solution, 3 industrial design, 4 trademark). UNCONFIRMED: the office's
 * practice as published in the Industrial Property Gazette, not a legal text.
 */
export const KIND_DIGIT: Record<IpKind, string> = { patent: '1', utility_solution: '2', industrial_design: '3', trademark: '4' };

/** Số đơn: kind digit, filing year, five-digit sequence (4-2024-12345). */
export const APPLICATION_NO_PATTERN = /^([1-4])-(\d{4})-(\d{5})$/;
/** Số văn bằng: kind digit and seven digits (1-0034567). */
export const TITLE_NO_PATTERN = /^([1-4])-(\d{7})$/;

export function kindOfNumber(no: string): IpKind | undefined {
  const m = APPLICATION_NO_PATTERN.exec(no) ?? TITLE_NO_PATTERN.exec(no);
  if (!m) return undefined;
  return (Object.keys(KIND_DIGIT) as IpKind[]).find((k) => KIND_DIGIT[k] === m[1]);
}

export type NumberProblem = 'format' | 'kind' | 'year';

/** What is wrong with an application number for a kind and filing date, or undefined. */
export function applicationNumberProblem(no: string, kind: IpKind, filingDate: string): NumberProblem | undefined {
  const m = APPLICATION_NO_PATTERN.exec(no);
  if (!m) return 'format';
  if (m[1] !== KIND_DIGIT[kind]) return 'kind';
  if (m[2] !== filingDate.slice(0, 4)) return 'year';
  return undefined;
}

export function applicationNumber(kind: IpKind, year: number, sequence: number): string {
  return `${KIND_DIGIT[kind]}-${String(year).padStart(4, '0')}-${String(sequence).padStart(5, '0')}`;
}

/** The transitions of an application (Law on IP Art. 109, 110, 113–115, 117, 118). */
export const TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  filed: ['formality_examined', 'refused', 'withdrawn'],
  formality_examined: ['published', 'refused', 'withdrawn'],
  published: ['substantive_examination', 'refused', 'withdrawn'],
  substantive_examination: ['granted', 'refused', 'withdrawn'],
  granted: [],
  refused: [],
  withdrawn: [],
};

export const canMove = (from: ApplicationStatus, to: ApplicationStatus): boolean => TRANSITIONS[from].includes(to);
export const isFinal = (s: ApplicationStatus): boolean => TRANSITIONS[s].length === 0;

/** The term of protection (Law on IP Art. 93(2), (4), (6)). */
export const TERMS: Record<IpKind, { years: number; renewalYears: number; maxRenewals: number }> = {
  patent: { years: 20, renewalYears: 0, maxRenewals: 0 },
  utility_solution: { years: 10, renewalYears: 0, maxRenewals: 0 },
  industrial_design: { years: 5, renewalYears: 5, maxRenewals: 2 },
  trademark: { years: 10, renewalYears: 10, maxRenewals: Number.POSITIVE_INFINITY },
};

/** The same calendar day `years` later (29 February becomes 28 February). */
export function addYears(date: string, years: number): string {
  dayNumber(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The last day of protection: "đến hết N năm kể từ ngày nộp đơn" counted as the anniversary of the
 * filing date after N years (plus the renewals). UNCONFIRMED: whether the last day is the
 * anniversary itself or the day before; the titles the IP office issues print the anniversary.
 * Throws a RangeError for more renewals than the kind allows.
 */
export function expiryOf(kind: IpKind, filingDate: string, renewals = 0): string {
  const term = TERMS[kind];
  if (!Number.isInteger(renewals) || renewals < 0 || renewals > term.maxRenewals) throw new RangeError(`a ${kind} title cannot be renewed ${renewals} times`);
  return addYears(filingDate, term.years + renewals * term.renewalYears);
}

export const canRenew = (kind: IpKind, renewals: number): boolean => renewals < TERMS[kind].maxRenewals;

export type TitleValidity = 'valid' | 'expired' | 'terminated' | 'invalidated';

/** Whether a title protects on a local date. */
export function titleValidity(status: TitleStatus, expiresOn: string, today: string): TitleValidity {
  if (status === 'terminated' || status === 'invalidated') return status;
  return dayNumber(expiresOn) >= dayNumber(today) ? 'valid' : 'expired';
}

/** The classification a kind uses. */
export const CLASSIFICATION: Record<IpKind, 'IPC' | 'Nice' | 'Locarno'> = { patent: 'IPC', utility_solution: 'IPC', trademark: 'Nice', industrial_design: 'Locarno' };

/** Nice 12th edition: classes 1–34 goods, 35–45 services. */
export const NICE_CLASSES = 45;
/** Locarno 14th edition: classes 01–32. UNCONFIRMED: the edition in force in Vietnam at the date of filing. */
export const LOCARNO_CLASSES = 32;
const IPC = /^[A-H][0-9]{2}[A-Z] ?[0-9]{1,4}\/[0-9]{2,6}$/;
const LOCARNO = /^([0-9]{2})-([0-9]{2})$/;

/** Normalizes a class to its written form (Nice "9" → "09", IPC "a61k31/00" → "A61K 31/00"), or undefined when it is not one of the kind's. */
export function normalizeClass(kind: IpKind, raw: string): string | undefined {
  const s = raw.trim().toUpperCase();
  switch (CLASSIFICATION[kind]) {
    case 'Nice': {
      if (!/^[0-9]{1,2}$/.test(s)) return undefined;
      const n = Number(s);
      return n >= 1 && n <= NICE_CLASSES ? String(n).padStart(2, '0') : undefined;
    }
    case 'Locarno': {
      const m = LOCARNO.exec(s);
      return m && Number(m[1]) >= 1 && Number(m[1]) <= LOCARNO_CLASSES ? s : undefined;
    }
    case 'IPC': {
      if (!IPC.test(s)) return undefined;
      return s.replace(/^([A-H][0-9]{2}[A-Z]) ?/, '$1 ');
    }
  }
}

/** The classes of a list written as in the e-forms ("9, 35, 42"; "A61K 31/00; C02F 1/14"). */
export function parseClasses(kind: IpKind, text: string): { classes: string[]; invalid: string[] } {
  const parts = text
    .split(kind === 'trademark' ? /[,;]/ : /[;,]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const classes: string[] = [];
  const invalid: string[] = [];
  for (const p of parts) {
    const c = normalizeClass(kind, p);
    if (c === undefined) invalid.push(p);
    else if (!classes.includes(c)) classes.push(c);
  }
  return { classes, invalid };
}

/** Trademarks have no inventors or authors (Law on IP Art. 122(2) names authors of inventions, designs and layout designs only). */
export const hasInventors = (kind: IpKind): boolean => kind !== 'trademark';
