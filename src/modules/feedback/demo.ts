// Demo ratings and PAKN for the embedded default's first start: ratings of about thirty of the
// demo dossiers whose result was returned, and twenty PAKN in every status, filed over the past
// weeks and taken through the lifecycle by the real use cases at past instants (a clock the demo
// moves). Deterministic for a given start; does nothing once any rating or PAKN exists.
import type { Kysely } from 'kysely';
import type { ServicePrincipal } from '../../core/access/index.ts';
import type { FeedbackActionType } from '../../core/feedback/index.ts';
import type { DB } from '../../db/types.ts';
import type { FileFeedbackBody } from './schema.ts';
import type { FeedbackService } from './service.ts';
import { countFeedback, countRatings, insertRating } from './store.ts';

export interface DemoFeedbackDeps {
  db: Kysely<DB>;
  /** A feedback service whose clock is `clock.now`. */
  service: FeedbackService;
  clock: { now: Date };
  criteria: readonly { code: string }[];
  /** Returned demo dossiers (code, procedure, applicant). */
  returnedDossiers: () => Promise<Array<{ id: string; code: string; procedureCode: string; handlingUnitId: string }>>;
}

const DEMO: ServicePrincipal = {
  kind: 'service',
  accountId: '00000000-0000-4000-8000-00000000fb01',
  fullName: 'Dữ liệu mẫu',
  method: 'token',
  permissions: ['feedback.read', 'feedback.handle', 'feedback.approve'],
};

const COMMENTS = [
  'Cán bộ hướng dẫn tận tình, đúng hẹn.',
  'Thủ tục nhanh gọn.',
  'Thời gian chờ ở quầy hơi lâu.',
  null,
  'Hệ thống dễ sử dụng.',
  null,
];

const TOPICS: Array<{ title: string; content: string; about: FileFeedbackBody['about']; classification: 'tthc' | 'conduct' }> = [
  { title: 'Đề nghị rút ngắn thời gian thẩm định', content: 'Thời gian thẩm định hồ sơ theo quy định còn dài, đề nghị xem xét rút ngắn.', about: 'procedure', classification: 'tthc' },
  { title: 'Hồ sơ chậm trả kết quả', content: 'Hồ sơ của tôi đã quá hạn hẹn trả nhưng chưa nhận được kết quả.', about: 'dossier', classification: 'tthc' },
  { title: 'Thái độ cán bộ tiếp nhận', content: 'Cán bộ tiếp nhận tại quầy chưa hướng dẫn đầy đủ thành phần hồ sơ.', about: 'conduct', classification: 'conduct' },
  { title: 'Biểu mẫu điện tử khó điền', content: 'Biểu mẫu điện tử yêu cầu nhập lại nhiều thông tin đã có trong CSDL dân cư.', about: 'procedure', classification: 'tthc' },
  { title: 'Phí, lệ phí chưa rõ ràng', content: 'Đề nghị công khai rõ mức phí, lệ phí trên cổng dịch vụ công.', about: 'procedure', classification: 'tthc' },
];

/** The path each demo PAKN takes (the last action decides its status). */
const PATHS: FeedbackActionType[][] = [
  [],
  ['start_processing'],
  ['reject'],
  ['request_supplement'],
  ['start_processing', 'classify', 'draft_answer'],
  ['start_processing', 'classify', 'draft_answer', 'approve'],
  ['start_processing', 'classify', 'draft_answer', 'approve', 'publish'],
  ['start_processing', 'classify', 'draft_answer', 'approve', 'publish'],
  ['request_supplement', 'supplement', 'start_processing', 'classify', 'draft_answer', 'approve', 'publish'],
  ['start_processing', 'classify', 'draft_answer', 'approve', 'publish'],
];

const HOUR = 3_600_000;

export async function seedDemoFeedback(deps: DemoFeedbackDeps, options: { now?: Date; ratings?: number; feedback?: number } = {}): Promise<{ ratings: number; feedback: number }> {
  if ((await countRatings(deps.db)) > 0 || (await countFeedback(deps.db)) > 0) return { ratings: 0, feedback: 0 };
  const end = options.now ?? new Date();
  const dossiers = await deps.returnedDossiers();
  let ratings = 0;
  for (const [i, d] of dossiers.slice(0, options.ratings ?? 30).entries()) {
    const like = i % 5 !== 3;
    const scores = Object.fromEntries(deps.criteria.map((c, j) => [c.code, like ? 4 + ((i + j) % 2) : 2 + ((i + j) % 2)]));
    const at = new Date(end.getTime() - (i % 14) * 24 * HOUR - 2 * HOUR);
    await insertRating(deps.db, {
      dossier_id: d.id,
      dossier_code: d.code,
      unit_id: d.handlingUnitId,
      procedure_code: d.procedureCode,
      value: like ? 'like' : 'dislike',
      scores: JSON.stringify(scores),
      comment: COMMENTS[i % COMMENTS.length] ?? null,
      channel: 'online',
      rater_account_id: null,
      created_at: at,
      updated_at: at,
    });
    ratings++;
  }

  let feedback = 0;
  const count = options.feedback ?? 20;
  for (let i = 0; i < count; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const dossier = dossiers[i % Math.max(1, dossiers.length)];
    const about = topic.about === 'dossier' && !dossier ? 'procedure' : topic.about;
    if (about !== 'conduct' && !dossier) continue;
    // Filed between 30 and 2 days ago, at 09:00 or 14:00 Hà Nội time.
    const day = new Date(end.getTime() - (30 - Math.floor((i * 28) / count)) * 24 * HOUR);
    day.setUTCHours(i % 2 === 0 ? 2 : 7, 0, 0, 0);
    deps.clock.now = day;
    const receipt = await deps.service.file(undefined, {
      title: topic.title,
      content: topic.content,
      about,
      ...(about === 'dossier' ? { dossierCode: dossier!.code } : about === 'procedure' ? { procedureCode: dossier!.procedureCode } : {}),
      proposedClassification: topic.classification,
      filer: { name: `Người dân ${String(i + 1).padStart(2, '0')}`, phone: `09${String(10_000_000 + i * 7919).slice(0, 8)}`, email: `nguoidan${i + 1}@example.vn` },
    });
    let version = 1;
    let t = day.getTime();
    for (const type of PATHS[i % PATHS.length]!) {
      t += (i % 3 === 0 ? 30 : 20) * HOUR;
      if (t > end.getTime() - HOUR) break;
      deps.clock.now = new Date(t);
      const body =
        type === 'reject'
          ? { type, reason: 'Nội dung không thuộc phạm vi giải quyết của Bộ.' }
          : type === 'request_supplement'
            ? { type, reason: 'Đề nghị cung cấp mã hồ sơ và thời điểm nộp.' }
            : type === 'supplement'
              ? { type, text: 'Đã cung cấp thông tin bổ sung qua điện thoại.' }
              : type === 'classify'
                ? { type, classification: topic.classification }
                : type === 'draft_answer'
                  ? { type, answer: `Đơn vị đã tiếp thu và xử lý: ${topic.title.toLowerCase()}. Cảm ơn Ông/Bà đã phản ánh.` }
                  : { type };
      const view = await deps.service.act(DEMO, receipt.id, version, body as Parameters<FeedbackService['act']>[3]);
      version = view.version;
      if (view.status === 'published') {
        for (let v = 0; v < 2 + (i % 5); v++) await deps.service.vote(receipt.id, `demo:voter${String(v).padStart(4, '0')}`, v % 4 === 3 ? 'dislike' : 'like');
      }
    }
    feedback++;
  }
  return { ratings, feedback };
}
