// The indicators of Decision 766/QĐ-TTg as the national portal publishes them (SPEC §1.3, §1.4):
// a table of data. Points (Pmax) are the portal's metric table [S7]; targets T are [S6] where it
// states one. Every entry's points and target can be changed through the settings
// (settings.ts `indicators`); this table holds the defaults and what each indicator counts.
// UNCONFIRMED (SPEC §1.4 legend): where [S6] states no conversion, the default T is 100 (the
// proportional rule `Pmax × R / 100`); each such entry says so in `unconfirmed`. The split of TTTT
// into 2 + 2 + 6 is a third party's reconciliation [S7] (UNCONFIRMED), and the 12-point CLGQ
// metric has no definition in [S6] (UNCONFIRMED; its default is in settings.ts `fullOnline`).
import type { GroupCode } from './types.ts';

/**
 * How R is obtained:
 * - `ratio`: numerator ÷ denominator × 100;
 * - `sync_ratio`: 1.4, the denominator is max(BCQG, portal) with the fallbacks of SPEC §1.4;
 * - `scaled_by_sync`: 3.3, the ratio multiplied by the 1.4 sync ratio;
 * - `satisfaction_composite`: 5.4, 100 − (overdue rate + PAKN/dislike rate);
 * - `average`: 2.2, Σ processing time ÷ completed dossiers, in the procedure's unit (no points);
 * - `no_rule`: no rule is known; always null.
 */
export type IndicatorFormula = 'ratio' | 'sync_ratio' | 'scaled_by_sync' | 'satisfaction_composite' | 'average' | 'no_rule';

/** What the numerator and the denominator count. */
export type IndicatorBasis = 'procedures' | 'dossiers' | 'feedback';

export interface IndicatorDef {
  id: string;
  /** The portal's metric code [S7]; null where SPEC gives none. */
  metricCode: string | null;
  group: GroupCode;
  name: { vi: string; en: string };
  /** Pmax; 0 for an indicator the portal tracks without points. */
  points: number;
  /** T in %: R ≥ T gives Pmax, below `Pmax × R / T`. 100 is the proportional rule. */
  target: number;
  formula: IndicatorFormula;
  basis: IndicatorBasis;
  /** What SPEC leaves open about this indicator (the default taken is in settings.ts). */
  unconfirmed?: string;
}

const d = (def: IndicatorDef): IndicatorDef => Object.freeze(def);

/** In the order the portal lists them, group by group. */
export const INDICATORS: readonly IndicatorDef[] = Object.freeze([
  // CKMB — Công khai, minh bạch (18)
  d({ id: '1.1', metricCode: 'PUBLISH_ON_TIME', group: 'CKMB', name: { vi: 'Tỷ lệ TTHC công bố đúng hạn', en: 'Procedures announced on time' }, points: 6, target: 100, formula: 'ratio', basis: 'procedures', unconfirmed: 'conversion: proportional (T = 100)' }),
  d({ id: '1.2', metricCode: 'PUBLIC_UPDATE_ON_TIME', group: 'CKMB', name: { vi: 'Tỷ lệ TTHC được cập nhật, công khai đúng hạn', en: 'Procedures published on time' }, points: 4, target: 100, formula: 'ratio', basis: 'procedures', unconfirmed: 'conversion: proportional (T = 100); "must be published" read as its deadline having passed' }),
  d({ id: '1.3', metricCode: 'PUBLIC_CONTENT_FULL', group: 'CKMB', name: { vi: 'Tỷ lệ TTHC công khai đầy đủ các bộ phận tạo thành', en: 'Procedures published with all parts' }, points: 2, target: 100, formula: 'ratio', basis: 'procedures', unconfirmed: 'conversion: proportional (T = 100)' }),
  d({ id: '1.4', metricCode: 'DOSSIER_SYNC', group: 'CKMB', name: { vi: 'Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG', en: 'Dossiers synced to the national portal' }, points: 6, target: 100, formula: 'sync_ratio', basis: 'dossiers', unconfirmed: 'conversion: proportional (T = 100); the local count stands in for BCQG when it is not given' }),
  // TDGQ — Tiến độ giải quyết (20)
  d({ id: '2.1', metricCode: null, group: 'TDGQ', name: { vi: 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn', en: 'Dossiers processed early or on time' }, points: 20, target: 100, formula: 'ratio', basis: 'dossiers', unconfirmed: 'conversion: proportional (T = 100) (SPEC §1.4 2.1)' }),
  d({ id: '2.2', metricCode: null, group: 'TDGQ', name: { vi: 'Thời gian giải quyết trung bình của TTHC', en: 'Average processing time of a procedure' }, points: 0, target: 100, formula: 'average', basis: 'dossiers', unconfirmed: 'ThoiGianGiaiQuyet read as end of processing − receipt − supplement time; a working day is the calendar’s hours per day' }),
  // CLGQ — Dịch vụ công trực tuyến (12)
  d({ id: '3.4', metricCode: null, group: 'CLGQ', name: { vi: 'Hồ sơ DVCTT toàn trình trên tổng hồ sơ TTHC đủ điều kiện toàn trình', en: 'Full-online dossiers of full-online-eligible procedures' }, points: 12, target: 100, formula: 'ratio', basis: 'dossiers', unconfirmed: 'definition not in [S6]; SPEC gives it no number (3.4 is this engine’s); conversion proportional' }),
  d({ id: '3.1', metricCode: null, group: 'CLGQ', name: { vi: 'TTHC cung cấp DVCTT', en: 'Procedures offered online' }, points: 0, target: 80, formula: 'ratio', basis: 'procedures' }),
  d({ id: '3.3', metricCode: null, group: 'CLGQ', name: { vi: 'Hồ sơ theo hình thức nộp (trực tuyến)', en: 'Dossiers submitted online' }, points: 0, target: 50, formula: 'scaled_by_sync', basis: 'dossiers' }),
  // TTTT — Thanh toán trực tuyến (10)
  d({ id: '3.5', metricCode: null, group: 'TTTT', name: { vi: 'TTHC có nghĩa vụ tài chính được cung cấp trên Cổng DVCQG', en: 'Procedures with fees offered with payment' }, points: 2, target: 80, formula: 'ratio', basis: 'procedures', unconfirmed: 'points 2 of the third-party 2 + 2 + 6 split' }),
  d({ id: '3.5b', metricCode: null, group: 'TTTT', name: { vi: 'TTHC có giao dịch thanh toán trực tuyến', en: 'Procedures with online payments' }, points: 2, target: 80, formula: 'ratio', basis: 'procedures', unconfirmed: 'points and T from a third party [S8c]' }),
  d({ id: '3.6', metricCode: null, group: 'TTTT', name: { vi: 'Tỷ lệ hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' }, points: 6, target: 100, formula: 'ratio', basis: 'dossiers', unconfirmed: 'points and T from a third party [S8c]; counts dossiers, not procedures' }),
  // MDSH — Số hóa hồ sơ (22)
  d({ id: '4.1', metricCode: 'ORIGINAL_RESULT_AVAILABLE', group: 'MDSH', name: { vi: 'Hồ sơ có cấp kết quả giải quyết điện tử', en: 'Dossiers with an electronic result' }, points: 6, target: 100, formula: 'ratio', basis: 'dossiers', unconfirmed: 'conversion: proportional (T = 100)' }),
  d({ id: '4.2', metricCode: 'SO_HOA_GIAY_TO_GIAI_QUYET', group: 'MDSH', name: { vi: 'Hồ sơ thực hiện số hóa', en: 'Digitized dossiers' }, points: 4, target: 80, formula: 'ratio', basis: 'dossiers' }),
  d({ id: '4.6', metricCode: 'ELECTRONIC_CERTIFIED_COPY', group: 'MDSH', name: { vi: 'Cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính', en: 'Electronic certified copies' }, points: 2, target: 100, formula: 'no_rule', basis: 'dossiers', unconfirmed: 'no rule in [S6]; SPEC gives it no number (4.6 is this engine’s)' }),
  d({ id: '4.3', metricCode: 'REUSED_DIGITIZED_DATA', group: 'MDSH', name: { vi: 'Hồ sơ khai thác, sử dụng lại dữ liệu số hóa', en: 'Dossiers reusing digitized data' }, points: 2, target: 80, formula: 'ratio', basis: 'dossiers' }),
  d({ id: '4.4', metricCode: 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE', group: 'MDSH', name: { vi: 'Hồ sơ số hóa có kết nối, chia sẻ phục vụ tái sử dụng', en: 'Dossiers connected to the personal data store' }, points: 4, target: 100, formula: 'ratio', basis: 'dossiers', unconfirmed: 'conversion: proportional (T = 100)' }),
  d({ id: '4.5b', metricCode: 'CITIZEN_DATA_CONNECTED_DOSSIER', group: 'MDSH', name: { vi: 'Hồ sơ sử dụng thông tin từ CSDLQG về dân cư', en: 'Dossiers using population data' }, points: 2, target: 100, formula: 'ratio', basis: 'dossiers', unconfirmed: 'conversion: proportional (T = 100)' }),
  d({ id: '4.5a', metricCode: 'CITIZEN_DATA_CONNECTED_FORMALITY', group: 'MDSH', name: { vi: 'TTHC kết nối, chia sẻ dữ liệu dân cư', en: 'Procedures using population data' }, points: 2, target: 100, formula: 'ratio', basis: 'procedures', unconfirmed: 'conversion: proportional (T = 100)' }),
  // MDHL — Mức độ hài lòng (18)
  d({ id: '5.1a', metricCode: 'PETITION_CLASSIFICATION_TTHC', group: 'MDHL', name: { vi: 'PAKN về quy định, TTHC', en: 'Feedback about rules and procedures' }, points: 0, target: 100, formula: 'ratio', basis: 'feedback' }),
  d({ id: '5.1b', metricCode: 'PETITION_CLASSIFICATION_STAFF', group: 'MDHL', name: { vi: 'PAKN về hành vi của cán bộ', en: 'Feedback about officials’ conduct' }, points: 0, target: 100, formula: 'ratio', basis: 'feedback' }),
  d({ id: '5.2', metricCode: 'PETITION_PROCESSING_ON_TIME', group: 'MDHL', name: { vi: 'Tỷ lệ PAKN được xử lý đúng hạn', en: 'Feedback processed on time' }, points: 6, target: 100, formula: 'ratio', basis: 'feedback', unconfirmed: 'conversion: proportional (T = 100)' }),
  d({ id: '5.3', metricCode: 'PETITION_HANDLING_SATISFACTION', group: 'MDHL', name: { vi: 'Mức độ hài lòng về xử lý PAKN', en: 'Satisfaction with feedback handling' }, points: 6, target: 100, formula: 'ratio', basis: 'feedback', unconfirmed: 'conversion: proportional (T = 100); a repeated complaint: a later PAKN linked to it, or (setting) about the same dossier' }),
  d({ id: '5.4', metricCode: 'DOSSIER_RECEIVING_SATISFACTION', group: 'MDHL', name: { vi: 'Mức độ hài lòng về tiếp nhận, giải quyết TTHC', en: 'Satisfaction with dossier handling' }, points: 6, target: 90, formula: 'satisfaction_composite', basis: 'dossiers' }),
]) as readonly IndicatorDef[];

export type IndicatorId = string;

export function findIndicator(id: string): IndicatorDef | undefined {
  return INDICATORS.find((i) => i.id === id);
}
