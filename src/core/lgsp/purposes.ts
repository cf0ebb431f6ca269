// Purposes of a data exchange. Decree 278/2025/NĐ-CP ties the sharing of data to the purpose of
// the requesting body, and the personal data protection rules (Decree 13/2023/NĐ-CP Art. 3, Law
// 91/2025/QH15) require personal data to be processed only for the purpose declared. Every call
// through the gateway names one (header X-Purpose). The list is configuration (LGSP_PURPOSES):
// the codes below are the default, UNCONFIRMED as a national vocabulary.
export const DEFAULT_PURPOSES = ['administrative-procedure', 'reconciliation', 'research', 'statistics', 'inspection'] as const;

/** Labels of the default codes (an unknown configured code is shown as itself). */
export const PURPOSE_LABELS: Record<string, { vi: string; en: string }> = {
  'administrative-procedure': { vi: 'Giải quyết thủ tục hành chính', en: 'Administrative procedure' },
  reconciliation: { vi: 'Đối soát, đồng bộ dữ liệu', en: 'Reconciliation' },
  research: { vi: 'Nghiên cứu', en: 'Research' },
  statistics: { vi: 'Thống kê', en: 'Statistics' },
  inspection: { vi: 'Thanh tra, kiểm tra', en: 'Inspection' },
};

/** A purpose code: lower-case words joined by hyphens. */
export const PURPOSE_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
