// Checks of a procedure version before publication. Errors block publishing; warnings are shown
// (and a version that lacks one of the seven public parts is flagged, 766 indicator 1.3).
import { createEformAjv, type EformAjv } from '../eforms/ajv.ts';
import { checkEformDefinition } from '../eforms/definition.ts';
import { checkPublicParts, PUBLIC_PARTS, type PublicPartsReport } from './public-parts.ts';
import { contentFieldLabel } from './field-labels.ts';
import { checkWorkflowBudget } from './time.ts';
import type { CatalogIssue, ProcedureContent, UnlabelledIssue } from './types.ts';

/**
 * The district level (cấp huyện) ended on 1 July 2025 (Resolution 202/2025/QH15 and the Law on
 * the Organization of Local Government 2025: two levels, province and commune). Versions published
 * before keep it; no new or edited draft may use it.
 */
export const DISTRICT_LEVEL_ABOLISHED_ON = '2025-07-01';

/**
 * Error codes that stop a draft from being saved at all (created, edited, imported), not only
 * from being published: an abolished level, and an e-form pattern that could block the server.
 */
export const SAVE_BLOCKING_CODES: ReadonlySet<string> = new Set(['level_abolished', 'pattern_unsafe']);

export interface CheckContext {
  /** Ids of the units that exist (implementing units and step units must be among them). */
  knownUnitIds: ReadonlySet<string>;
  /** WORKING_DAY_HOURS. */
  hoursPerDay?: number;
  ajv?: EformAjv;
}

export interface VersionCheck {
  publishable: boolean;
  errors: CatalogIssue[];
  warnings: CatalogIssue[];
  publicParts: PublicPartsReport;
}

export function checkVersionContent(content: ProcedureContent, ctx: CheckContext): VersionCheck {
  const issues: UnlabelledIssue[] = [];
  const error = (pointer: string, code: string, vi: string, en: string) => issues.push({ severity: 'error', pointer, code, message: { vi, en } });
  const warning = (pointer: string, code: string, vi: string, en: string) => issues.push({ severity: 'warning', pointer, code, message: { vi, en } });

  // Level.
  if (content.level === 'district') {
    error(
      '/level',
      'level_abolished',
      `Cấp huyện không còn tổ chức từ ngày 01/7/2025 (Nghị quyết 202/2025/QH15); hãy chọn cấp tỉnh hoặc cấp xã.`,
      'The district level was abolished on 1 July 2025 (Resolution 202/2025/QH15); choose the provincial or commune level.',
    );
  }

  // Units.
  content.implementingUnits.forEach((u, i) => {
    if (!ctx.knownUnitIds.has(u.unitId)) error(`/implementingUnits/${i}/unitId`, 'unit_unknown', `Không có đơn vị "${u.unitId}".`, `There is no unit "${u.unitId}".`);
  });
  if (content.implementingUnits.length > 0 && !content.implementingUnits.some((u) => u.role === 'decides')) {
    warning('/implementingUnits', 'no_deciding_unit', 'Chưa có cơ quan có thẩm quyền quyết định.', 'No unit is marked as the deciding authority.');
  }

  // Online level — Decree 42/2022/NĐ-CP Art. 11(1).
  if (content.onlineLevel === 'full' && !content.fullOnlineEligible) {
    error('/onlineLevel', 'full_online_not_eligible', 'Thủ tục được cung cấp toàn trình nhưng được đánh dấu là không đủ điều kiện toàn trình.', 'The procedure is offered full-online but is marked as not eligible for it.');
  }
  if (content.onlineLevel === 'full' && !content.methods.channels.includes('online')) {
    error('/methods/channels', 'full_online_without_channel', 'Dịch vụ toàn trình phải có cách thức nộp trực tuyến.', 'A full-online service must list the online channel.');
  }
  if (content.fullOnlineEligible && content.onlineLevel === 'partial') {
    warning('/onlineLevel', 'eligible_but_partial', 'Thủ tục đủ điều kiện toàn trình nhưng đang được cung cấp một phần.', 'The procedure is eligible for full-online but offered as partial.');
  }

  // Time limit.
  const pt = content.processingTime;
  if (pt?.skipDaysOff && pt.unit !== 'calendar_days') {
    warning('/processingTime/skipDaysOff', 'skip_days_off_ignored', 'Chỉ thời hạn tính theo ngày (lịch) mới cần bỏ qua ngày nghỉ; ngày làm việc đã loại ngày nghỉ.', 'Only calendar-day limits skip days off; working time already excludes them.');
  }

  // Fees and components: codes are keys (DVCQG MaPhiLePhi, MaThanhPhanHoSo).
  const duplicates = (values: string[]) => values.map((v, i) => (values.indexOf(v) !== i ? i : -1)).filter((i) => i >= 0);
  for (const i of duplicates(content.fees.map((f) => f.code))) {
    error(`/fees/${i}/code`, 'duplicate_code', `Mã phí, lệ phí "${content.fees[i]!.code}" bị trùng.`, `Fee code "${content.fees[i]!.code}" is used twice.`);
  }
  for (const i of duplicates(content.components.map((c) => c.code))) {
    error(`/components/${i}/code`, 'duplicate_code', `Mã thành phần hồ sơ "${content.components[i]!.code}" bị trùng.`, `Component code "${content.components[i]!.code}" is used twice.`);
  }
  content.components.forEach((c, i) => {
    if (c.requirement === 'conditional' && !c.condition?.trim()) {
      warning(`/components/${i}/condition`, 'condition_missing', `Thành phần "${c.name}" có điều kiện nhưng chưa nêu điều kiện.`, `Conditional component "${c.name}" does not state its condition.`);
    }
  });

  // Result.
  if (content.result.producesDocument && !content.result.name?.trim()) {
    error('/result/name', 'result_name_missing', 'Chưa nêu tên văn bản kết quả.', 'The name of the result document is missing.');
  }

  // Workflow template.
  if (content.steps.length === 0) {
    error('/steps', 'steps_missing', 'Chưa có quy trình xử lý nội bộ.', 'The internal workflow has no steps.');
  } else {
    if (content.steps[0]!.kind !== 'receive') {
      error('/steps/0/kind', 'first_step_not_receive', 'Bước đầu tiên của quy trình phải là tiếp nhận hồ sơ.', 'The first step must be "receive".');
    }
    if (content.steps.at(-1)!.kind !== 'return') {
      error(`/steps/${content.steps.length - 1}/kind`, 'last_step_not_return', 'Bước cuối cùng của quy trình phải là trả kết quả.', 'The last step must be "return".');
    }
  }
  content.steps.forEach((s, i) => {
    if (s.unitId !== undefined && !ctx.knownUnitIds.has(s.unitId)) {
      error(`/steps/${i}/unitId`, 'unit_unknown', `Không có đơn vị "${s.unitId}".`, `There is no unit "${s.unitId}".`);
    }
  });
  issues.push(...checkWorkflowBudget(content.steps, pt, ctx.hoursPerDay));

  // E-form.
  for (const issue of checkEformDefinition(content.eform, ctx.ajv ?? createEformAjv())) {
    issues.push({ ...issue, pointer: `/eform${issue.pointer}` });
  }

  // Public parts (flag) and the inputs of 766 indicators 1.1–1.2.
  const publicParts = checkPublicParts(content);
  for (const part of publicParts.missing) {
    const def = PUBLIC_PARTS.find((p) => p.part === part)!;
    warning(
      def.pointer,
      'public_part_missing',
      `Thiếu bộ phận phải công khai "${def.label.vi}" (điểm ${def.point} khoản 2 Điều 8 Nghị định 63/2010/NĐ-CP): chỉ công bố được khi nêu lý do.`,
      `Missing a part that must be public: ${def.label.en} (Decree 63/2010 Art. 8(2)(${def.point})): it can be published only with a stated reason.`,
    );
  }
  if (content.legalBasis.length === 0) {
    warning('/legalBasis', 'legal_basis_missing', 'Chưa có căn cứ pháp lý (cần ngày hiệu lực để tính chỉ số 1.1).', 'No legal basis (its effective date is an input of 766 indicator 1.1).');
  }
  if (content.publicationDecisions.length === 0) {
    warning('/publicationDecisions', 'publication_decision_missing', 'Chưa có quyết định công bố thủ tục hành chính.', 'No publication decision (quyết định công bố).');
  }

  const labelled: CatalogIssue[] = issues.map((i) => ({ ...i, field: contentFieldLabel(i.pointer, content) }));
  const errors = labelled.filter((i) => i.severity === 'error');
  const warnings = labelled.filter((i) => i.severity === 'warning');
  return { publishable: errors.length === 0, errors, warnings, publicParts };
}
