// Rules of the technology supply and demand database (cơ sở dữ liệu cung – cầu công nghệ, plan
// 94/QĐ-BKHCN task 16). Pure functions, no I/O.
//
// - Transfer forms (hình thức chuyển giao công nghệ): Law on Technology Transfer 2017
//   (07/2017/QH14) Art. 5 — a standalone transfer, or the technology part of an investment project,
//   a capital contribution in technology, a franchise, a transfer of IP rights or a sale of
//   machinery and equipment, or another form the law provides.
// - Transferred rights (quyền chuyển giao): Art. 6 — the ownership of the technology (a sale) or
//   the right to use it (a licence).
// - Readiness levels (mức độ sẵn sàng của công nghệ, TRL) 1–9: UNCONFIRMED as a legal scale; the
//   nine levels are those of the EU Horizon 2020 General Annex G used by the national
//   technology-market programmes, until a Vietnamese text is confirmed.
// - Statuses of an offer or a demand and their transitions: UNCONFIRMED (no legal text sets them;
//   the rule of the national technology exchange as we understand it), a named table below.
// - Codes: CCN-YYYY-NNNNN for an offer (cung công nghệ), NCCN-YYYY-NNNNN for a demand (nhu cầu
//   công nghệ), the year of recording and a database sequence. UNCONFIRMED: our format.
import { dayNumber } from '../calendar/local-time.ts';
import { toLocalDate } from '../calendar/local-time.ts';

/** Law on Technology Transfer 2017 Art. 5. */
export const TRANSFER_FORMS = ['standalone', 'investment-project', 'capital-contribution', 'franchise', 'ip-rights', 'equipment-sale', 'other'] as const;
export type TransferForm = (typeof TRANSFER_FORMS)[number];
export const TRANSFER_FORM_NAMES: Record<TransferForm, { vi: string; en: string; basis: string }> = {
  standalone: { vi: 'Chuyển giao công nghệ độc lập', en: 'Standalone technology transfer', basis: 'Luật Chuyển giao công nghệ 2017, Điều 5 khoản 1' },
  'investment-project': { vi: 'Chuyển giao trong dự án đầu tư', en: 'Transfer within an investment project', basis: 'Luật Chuyển giao công nghệ 2017, Điều 5 khoản 2 điểm a' },
  'capital-contribution': { vi: 'Góp vốn bằng công nghệ', en: 'Capital contribution in technology', basis: 'Luật Chuyển giao công nghệ 2017, Điều 5 khoản 2 điểm b' },
  franchise: { vi: 'Nhượng quyền thương mại', en: 'Franchise', basis: 'Luật Chuyển giao công nghệ 2017, Điều 5 khoản 2 điểm c' },
  'ip-rights': { vi: 'Chuyển giao quyền sở hữu trí tuệ', en: 'Transfer of intellectual property rights', basis: 'Luật Chuyển giao công nghệ 2017, Điều 5 khoản 2 điểm d' },
  'equipment-sale': { vi: 'Mua bán máy móc, thiết bị kèm công nghệ', en: 'Sale of machinery and equipment with the technology', basis: 'Luật Chuyển giao công nghệ 2017, Điều 5 khoản 2 điểm đ' },
  other: { vi: 'Hình thức khác theo quy định của pháp luật', en: 'Another form provided by law', basis: 'Luật Chuyển giao công nghệ 2017, Điều 5 khoản 3' },
};

/** Law on Technology Transfer 2017 Art. 6: ownership (a sale) or the right to use (a licence); `either` when the party accepts both. */
export const TRANSFER_RIGHTS = ['ownership', 'use', 'either'] as const;
export type TransferRight = (typeof TRANSFER_RIGHTS)[number];

export const LISTING_STATUSES = ['draft', 'published', 'withdrawn', 'expired'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/**
 * The status changes an officer may make (UNCONFIRMED: no legal text; our reading of the
 * exchange's practice). A published listing past its validity is expired whatever is stored;
 * an expired or withdrawn one is published again only with a new validity.
 */
export const STATUS_TRANSITIONS: Record<ListingStatus, readonly ListingStatus[]> = {
  draft: ['draft', 'published', 'withdrawn'],
  published: ['published', 'withdrawn', 'expired'],
  withdrawn: ['withdrawn', 'draft', 'published'],
  expired: ['expired', 'published', 'withdrawn'],
};

export const canTransition = (from: ListingStatus, to: ListingStatus): boolean => STATUS_TRANSITIONS[from].includes(to);

/** The longest a listing stays published, in days (UNCONFIRMED: two years, an exchange rule). */
export const MAX_LISTING_DAYS = 730;

export const TRL_MIN = 1;
export const TRL_MAX = 9;
/** The nine readiness levels (UNCONFIRMED, see above). */
export const TRL_NAMES: Record<number, { vi: string; en: string }> = {
  1: { vi: 'Nguyên lý cơ bản được quan sát', en: 'Basic principles observed' },
  2: { vi: 'Hình thành khái niệm công nghệ', en: 'Technology concept formulated' },
  3: { vi: 'Chứng minh khái niệm bằng thực nghiệm', en: 'Experimental proof of concept' },
  4: { vi: 'Công nghệ được kiểm chứng trong phòng thí nghiệm', en: 'Technology validated in the lab' },
  5: { vi: 'Kiểm chứng trong môi trường liên quan', en: 'Technology validated in a relevant environment' },
  6: { vi: 'Trình diễn trong môi trường liên quan', en: 'Technology demonstrated in a relevant environment' },
  7: { vi: 'Trình diễn mẫu thử trong môi trường vận hành', en: 'Prototype demonstrated in an operational environment' },
  8: { vi: 'Hệ thống hoàn chỉnh và được chứng nhận', en: 'System complete and qualified' },
  9: { vi: 'Hệ thống được chứng minh trong vận hành thực tế', en: 'System proven in an operational environment' },
};

export const isTrl = (n: number): boolean => Number.isInteger(n) && n >= TRL_MIN && n <= TRL_MAX;

export type ListingKind = 'offer' | 'demand';
const PREFIX: Record<ListingKind, string> = { offer: 'CCN', demand: 'NCCN' };

/** The code of a listing: CCN-2026-00042 (offer), NCCN-2026-00042 (demand). */
export function listingCode(kind: ListingKind, year: number, n: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`bad year ${year}`);
  if (!Number.isInteger(n) || n < 1 || n > 99_999) throw new RangeError(`bad sequence number ${n}`);
  return `${PREFIX[kind]}-${year}-${String(n).padStart(5, '0')}`;
}

export function parseListingCode(code: string): { kind: ListingKind; year: number; n: number } | undefined {
  const m = /^(CCN|NCCN)-([0-9]{4})-([0-9]{5})$/.exec(code);
  if (!m || m[3] === '00000') return undefined;
  return { kind: m[1] === 'CCN' ? 'offer' : 'demand', year: Number(m[2]), n: Number(m[3]) };
}

/** What a listing shows on a local date: a published listing past its last day is expired. */
export function effectiveStatus(status: ListingStatus, lastDay: string | null, today: string): ListingStatus {
  if (status === 'published' && lastDay !== null && dayNumber(lastDay) < dayNumber(today)) return 'expired';
  return status;
}

export type ListingProblem = 'bad_transition' | 'price_or_negotiable' | 'needs_last_day' | 'last_day_past' | 'last_day_too_far' | 'no_transfer_form';

/**
 * What is wrong with a listing about to be saved, or undefined. `lastDay` is the offer's validity
 * or the demand's deadline; it is required to publish and must lie within MAX_LISTING_DAYS.
 */
export function listingProblem(input: {
  from?: ListingStatus | undefined;
  to: ListingStatus;
  priceVnd: number | null;
  negotiable: boolean;
  transferForms: readonly TransferForm[];
  lastDay: string | null;
  today: string;
}): ListingProblem | undefined {
  if (input.from && !canTransition(input.from, input.to)) return 'bad_transition';
  if (input.transferForms.length === 0) return 'no_transfer_form';
  if (input.priceVnd === null && !input.negotiable) return 'price_or_negotiable';
  if (input.to === 'published') {
    if (input.lastDay === null) return 'needs_last_day';
    if (dayNumber(input.lastDay) < dayNumber(input.today)) return 'last_day_past';
    if (dayNumber(input.lastDay) - dayNumber(input.today) > MAX_LISTING_DAYS) return 'last_day_too_far';
  }
  return undefined;
}

/**
 * Whether an offer answers a demand: the same field, a readiness at least the one asked, a
 * transfer form in common, and compatible rights.
 */
export function offerMatchesDemand(
  offer: { fieldCode: string; trl: number; transferForms: readonly TransferForm[]; transferRight: TransferRight },
  demand: { fieldCode: string; minTrl: number; transferForms: readonly TransferForm[]; transferRight: TransferRight },
): boolean {
  if (offer.fieldCode !== demand.fieldCode) return false;
  if (offer.trl < demand.minTrl) return false;
  if (!offer.transferForms.some((f) => demand.transferForms.includes(f))) return false;
  return offer.transferRight === 'either' || demand.transferRight === 'either' || offer.transferRight === demand.transferRight;
}

/** Today in Asia/Ho_Chi_Minh. */
export const localToday = (now: Date = new Date()): string => toLocalDate(now);
