// Why an item counts against an indicator, or is left out of it (`--explain`, the officers' "why"
// view): a reason is one or more parts, each a code with its values, so that a page says it in
// Vietnamese and the command line in English from the same data. The English texts are those the
// command line has always printed; the Vietnamese write dates as Vietnamese do. Pure.

/** How a dossier ended for 2.1 (dossier.ts `EndKind`). */
const END_KIND_VI: Record<string, string> = {
  processed: 'xử lý xong',
  returned: 'đã trả kết quả',
  stopped: 'dừng xử lý',
  refused: 'từ chối',
  withdrawn: 'rút hồ sơ',
  awaiting_supplement: 'chờ bổ sung',
  open: 'chưa kết thúc',
};
const UNIT_VI: Record<string, string> = { working_days: 'ngày làm việc', working_hours: 'giờ làm việc', calendar_days: 'ngày' };
/** The feedback (PAKN) steps 5.2 judges (feedback.ts). */
const FEEDBACK_STEP: Record<string, { en: string; vi: string }> = {
  rejected: { en: 'rejected', vi: 'từ chối lúc' },
  supplement: { en: 'first supplement request', vi: 'yêu cầu bổ sung lần đầu lúc' },
  in_progress: { en: 'still in progress at', vi: 'vẫn đang xử lý lúc' },
  processed: { en: 'processed', vi: 'xử lý xong lúc' },
  published: { en: 'published', vi: 'công khai lúc' },
  unpublished: { en: 'still unpublished at', vi: 'vẫn chưa công khai lúc' },
};

type Params = Record<string, string | number>;
type Text = (p: Params) => string;
const s = (p: Params, k: string) => String(p[k] ?? '');

/** The due date a 2.1 judgement compares with: the record's NgayHenTra, the one before the first supplement, or the receipt plus the procedure's time. */
const dueEn = (p: Params) =>
  p.dueSource === 'processing_time' ? `received + ${s(p, 'limitValue')} ${s(p, 'limitUnit')}` : p.dueSource === 'first_round' ? 'the due date before the first supplement' : 'NgayHenTra';
const dueVi = (p: Params) =>
  p.dueSource === 'processing_time'
    ? `tiếp nhận + ${s(p, 'limitValue')} ${UNIT_VI[s(p, 'limitUnit')] ?? s(p, 'limitUnit')}`
    : p.dueSource === 'first_round'
      ? 'hạn trả trước lần bổ sung đầu tiên'
      : 'ngày hẹn trả';

const TEXTS = {
  // ---- 2.1 (dossier.ts processingOutcome) ----
  not_received: { en: () => 'not received by the period’s end', vi: () => 'chưa tiếp nhận đến hết kỳ' },
  ended_outside: { en: (p) => `ended ${s(p, 'at')}, outside the period`, vi: (p) => `kết thúc ${s(p, 'at')}, ngoài kỳ` },
  too_many_supplements: {
    en: (p) => `${s(p, 'count')} supplement requests (more than ${s(p, 'max')}): overdue`,
    vi: (p) => `${s(p, 'count')} lần yêu cầu bổ sung (quá ${s(p, 'max')} lần): tính là trễ hạn`,
  },
  cannot_judge: {
    en: () => 'no NgayHenTra and no processing time of the procedure: cannot be judged',
    vi: () => 'không có ngày hẹn trả và thủ tục không có thời hạn giải quyết: không đánh giá được',
  },
  on_time: {
    en: (p) => `ended ${s(p, 'endAt')} (${s(p, 'kind')}) by ${dueEn(p)} ${s(p, 'dueAt')}`,
    vi: (p) => `kết thúc ${s(p, 'endAt')} (${END_KIND_VI[s(p, 'kind')] ?? s(p, 'kind')}), trong hạn ${dueVi(p)} ${s(p, 'dueAt')}`,
  },
  late: {
    en: (p) =>
      `${p.kind === 'open' ? 'still open at' : `ended (${s(p, 'kind')})`} ${s(p, 'endAt')}, ${s(p, 'minutes')} working minutes after ${dueEn(p)} ${s(p, 'dueAt')}` +
      (Number(p.supplementMinutes ?? 0) > 0 ? ` (${s(p, 'supplementMinutes')} min of supplement time excluded)` : ''),
    vi: (p) =>
      `${p.kind === 'open' ? 'vẫn chưa kết thúc lúc' : `kết thúc (${END_KIND_VI[s(p, 'kind')] ?? s(p, 'kind')})`} ${s(p, 'endAt')}, quá ${dueVi(p)} ${s(p, 'dueAt')} ${s(p, 'minutes')} phút làm việc` +
      (Number(p.supplementMinutes ?? 0) > 0 ? ` (đã trừ ${s(p, 'supplementMinutes')} phút chờ bổ sung)` : ''),
  },
  // ---- the other dossier indicators (dossier.ts classifyDossier) ----
  not_synced: { en: () => 'not synced to the national portal', vi: () => 'chưa đồng bộ lên Cổng Dịch vụ công quốc gia' },
  no_electronic_result_document: {
    en: () => 'no electronic result (the procedure’s result is a document)',
    vi: () => 'không có kết quả điện tử (kết quả của thủ tục là giấy tờ)',
  },
  channel: { en: (p) => `submitted through channel ${s(p, 'channel')}`, vi: (p) => `nộp qua kênh ${s(p, 'channel')} (không trực tuyến)` },
  online_level: {
    en: (p) => `the procedure is offered online at level ${s(p, 'level') || 'none'}`,
    vi: (p) => (p.level === 'partial' ? 'thủ tục chỉ cung cấp trực tuyến một phần' : 'thủ tục không cung cấp trực tuyến'),
  },
  no_electronic_result: { en: () => 'no electronic result', vi: () => 'không có kết quả điện tử' },
  not_paid_online: {
    en: (p) => `DuocThanhToanTrucTuyen ${s(p, 'value')}: not paid online`,
    vi: (p) => `không thanh toán trực tuyến (DuocThanhToanTrucTuyen ${s(p, 'value')})`,
  },
  no_result_file_link: { en: () => 'no electronic result file', vi: () => 'không có tệp kết quả điện tử' },
  no_component_file: { en: () => 'no component file', vi: () => 'không có tệp thành phần hồ sơ' },
  no_result_file: { en: () => 'no result file', vi: () => 'không có tệp kết quả' },
  no_reused_component: { en: () => 'no reused component', vi: () => 'không có thành phần được số hóa, tái sử dụng' },
  not_from_store: {
    en: () => 'no component from the personal data store and no result in it',
    vi: () => 'không có thành phần lấy từ kho dữ liệu cá nhân và kết quả không đưa vào kho',
  },
  no_population_data: {
    en: () => 'no VNeID account, data-store component or population database connection',
    vi: () => 'không xác thực VNeID, không dùng kho dữ liệu, không kết nối cơ sở dữ liệu dân cư',
  },
  overdue: { en: () => 'overdue', vi: () => 'trễ hạn' },
  has_feedback: { en: () => 'has a PAKN', vi: () => 'có phản ánh, kiến nghị' },
  disliked: { en: () => 'rated "dislike"', vi: () => 'được đánh giá "không hài lòng"' },
  // ---- procedure indicators (compute.ts, procedures.ts) ----
  no_fee_dossier: { en: () => 'no dossier with fee data synced in the period', vi: () => 'trong kỳ không có hồ sơ có dữ liệu phí, lệ phí được đồng bộ' },
  no_online_payment: { en: () => 'no online payment in the period', vi: () => 'trong kỳ không có thanh toán trực tuyến' },
  no_population_dossier: { en: () => 'no dossier using population data in the period', vi: () => 'trong kỳ không có hồ sơ sử dụng dữ liệu dân cư' },
  announced_late: {
    en: (p) => `decided ${s(p, 'decidedOn')}, less than ${s(p, 'lead')} working days before the legal basis takes effect (${s(p, 'effectiveFrom')})`,
    vi: (p) => `quyết định công bố ngày ${s(p, 'decidedOn')}, chưa đủ ${s(p, 'lead')} ngày làm việc trước ngày văn bản quy định có hiệu lực (${s(p, 'effectiveFrom')})`,
  },
  published_late: {
    en: (p) => `published ${s(p, 'publishedOn')}, after ${s(p, 'deadline')} (decision ${s(p, 'decidedOn')} + ${s(p, 'within')} working days)`,
    vi: (p) => `công khai ngày ${s(p, 'publishedOn')}, sau hạn ${s(p, 'deadline')} (quyết định ${s(p, 'decidedOn')} + ${s(p, 'within')} ngày làm việc)`,
  },
  not_published: {
    en: (p) => `not published by ${s(p, 'asOf')}; due ${s(p, 'deadline')} (decision ${s(p, 'decidedOn')} + ${s(p, 'within')} working days)`,
    vi: (p) => `chưa công khai đến ${s(p, 'asOf')}; hạn ${s(p, 'deadline')} (quyết định ${s(p, 'decidedOn')} + ${s(p, 'within')} ngày làm việc)`,
  },
  parts_not_public: { en: () => 'not all seven parts are public', vi: () => 'chưa công khai đủ bảy bộ phận của thủ tục' },
  not_online: { en: () => 'not offered online', vi: () => 'không cung cấp trực tuyến' },
  // ---- feedback (PAKN) indicators (compute.ts, feedback.ts) ----
  classified: {
    en: (p) => `classified ${s(p, 'classification') || 'not yet'}`,
    vi: (p) => (p.classification === 'tthc' ? 'phân loại: về thủ tục hành chính' : p.classification === 'conduct' ? 'phân loại: về hành vi, thái độ' : 'chưa phân loại'),
  },
  feedback_late: {
    en: (p) => `${FEEDBACK_STEP[s(p, 'step')]?.en ?? s(p, 'step')} ${s(p, 'at')} later than ${s(p, 'days')} working days after ${s(p, 'from')}`,
    vi: (p) => `${FEEDBACK_STEP[s(p, 'step')]?.vi ?? s(p, 'step')} ${s(p, 'at')}, quá ${s(p, 'days')} ngày làm việc kể từ ${s(p, 'from')}`,
  },
  more_dislikes: { en: (p) => `${s(p, 'dislikes')} dislikes > ${s(p, 'likes')} likes`, vi: (p) => `${s(p, 'dislikes')} lượt không đồng tình > ${s(p, 'likes')} lượt đồng tình` },
  repeated: { en: (p) => `repeated by ${s(p, 'by')}`, vi: (p) => `bị phản ánh lặp lại (${s(p, 'by')})` },
  // ---- how a figure was obtained (`explain.note`) ----
  note_sync_max: {
    en: (p) => `D = max(BCQG ${s(p, 'bcqg')}${p.localCount === 1 ? ' (this system’s count of received dossiers)' : ''}, synced ${s(p, 'synced')}) = ${s(p, 'denominator')}`,
    vi: (p) => `Mẫu số = max(BCQG ${s(p, 'bcqg')}${p.localCount === 1 ? ' (số hồ sơ tiếp nhận của hệ thống)' : ''}, đã đồng bộ ${s(p, 'synced')}) = ${s(p, 'denominator')}`,
  },
  note_sync_previous_year: {
    en: (p) => `BCQG and portal counts are 0 or null: D = the previous year's BCQG total ${s(p, 'total')} for a ${s(p, 'kind')} = ${s(p, 'denominator')}`,
    vi: (p) => `Số liệu BCQG và Cổng bằng 0 hoặc không có: mẫu số = tổng BCQG năm trước ${s(p, 'total')} quy cho kỳ (${s(p, 'kind')}) = ${s(p, 'denominator')}`,
  },
  note_sync_no_data: {
    en: () => 'BCQG and portal counts are 0 or null and the previous year has no data: R = 0 (SPEC §1.4 1.4)',
    vi: () => 'Số liệu BCQG và Cổng bằng 0 hoặc không có, năm trước cũng không có số liệu: tỷ lệ = 0',
  },
  note_online_times_sync: {
    en: (p) => `R = ${s(p, 'online')}% online × sync ratio ${s(p, 'sync')}% (indicator 1.4)`,
    vi: (p) => `Tỷ lệ = ${s(p, 'online')}% hồ sơ trực tuyến × tỷ lệ đồng bộ ${s(p, 'sync')}% (chỉ số 1.4)`,
  },
  note_satisfaction: {
    en: (p) => `R = 100 − (overdue rate ${s(p, 'overdue')}% + PAKN/dislike rate ${s(p, 'complaints')}%)`,
    vi: (p) => `Tỷ lệ = 100 − (tỷ lệ trễ hạn ${s(p, 'overdue')}% + tỷ lệ có phản ánh, kiến nghị hoặc không hài lòng ${s(p, 'complaints')}%)`,
  },
  note_no_rule: {
    en: () => 'no rule is known for this metric (SPEC §1.4: not described in [S6]) and the bundle carries no certified-copy data: null',
    vi: () => 'chưa có quy tắc tính cho chỉ số này và chưa có dữ liệu chứng thực bản sao điện tử: không tính',
  },
  note_store_branch_off: {
    en: () => 'only DuocLayTuKhoDMQG is read (the result-in-the-data-store branch is turned off)',
    vi: () => 'chỉ tính thành phần lấy từ kho dữ liệu (DuocLayTuKhoDMQG); nhánh kết quả đưa vào kho đang tắt',
  },
  note_unconfirmed_34: {
    en: () => 'UNCONFIRMED definition (SPEC §1.4): online dossiers of full-online-eligible procedures offered at the full level',
    vi: () => 'cách tính chưa được xác nhận: hồ sơ trực tuyến của thủ tục đủ điều kiện trực tuyến toàn trình, đang cung cấp toàn trình',
  },
  note_average: {
    en: (p) => `Σ processing time ${s(p, 'total')} ${s(p, 'unit')} ÷ ${s(p, 'count')} completed dossiers`,
    vi: (p) => `Tổng thời gian xử lý ${s(p, 'total')} ${UNIT_VI[s(p, 'unit')] ?? s(p, 'unit')} ÷ ${s(p, 'count')} hồ sơ đã giải quyết xong`,
  },
  note_one_procedure: { en: () => 'shown only for one procedure (SPEC §1.4 2.2)', vi: () => 'chỉ tính khi xem một thủ tục' },
  note_out_of_scope: {
    en: (p) => `not counted, not synced to the national portal (dossierScope "synced"): ${s(p, 'codes')}`,
    vi: (p) => `không tính, chưa đồng bộ lên Cổng Dịch vụ công quốc gia: ${s(p, 'codes')}`,
  },
} satisfies Record<string, { en: Text; vi: Text }>;

export type ReasonCode = keyof typeof TEXTS;
export const REASON_CODES = Object.keys(TEXTS) as ReasonCode[];
export interface ReasonPart {
  code: ReasonCode;
  params?: Params;
}
/** One or more parts (a PAKN late at two steps, a dossier overdue and disliked). */
export type Reason = ReasonPart[];

export const reason = (code: ReasonCode, params?: Params): Reason => [params ? { code, params } : { code }];

/** An ISO instant or date as Vietnamese write it (`09:00 10/03/2026`, `10/03/2026`); anything else as it is. */
function vietnameseDate(value: string | number): string | number {
  if (typeof value !== 'string') return value;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return value;
  const day = `${m[3]}/${m[2]}/${m[1]}`;
  return m[4] ? `${m[4]}:${m[5]} ${day}` : day;
}

/** The reason as a sentence in the language asked for; the parts joined by "; ". In Vietnamese, dates as Vietnamese write them. */
export function reasonText(r: Reason, language: 'vi' | 'en'): string {
  return r
    .map((part) => {
      const params = language === 'vi' ? Object.fromEntries(Object.entries(part.params ?? {}).map(([k, v]) => [k, vietnameseDate(v)])) : (part.params ?? {});
      return (TEXTS[part.code] as { en: Text; vi: Text })[language](params);
    })
    .join('; ');
}
