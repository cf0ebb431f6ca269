// The XLSX report of one reconciliation run (`motcua registries reconcile --report`): a summary
// sheet (registry, run, counts per outcome), then one sheet per outcome listing its people with
// the registry's current values. Written as a stream, keyset-paging the run's items, so a run of a
// million people never sits in memory.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { CompareField } from '../../core/registries/index.ts';
import type { DB } from '../../db/types.ts';
import { REGISTRY_NAMES } from './people.ts';
import { listRunItems, type RunSummary } from './reconcile.ts';
import type { ReconcileOutcomeKind } from './tables.ts';

export const OUTCOME_LABELS: Record<ReconcileOutcomeKind, string> = {
  match: 'Khớp',
  mismatch: 'Sai lệch',
  unknown_number: 'Không có số định danh',
  legacy_number: 'Số CMND cũ',
  unavailable: 'Không tra cứu được',
};
const OUTCOMES = Object.keys(OUTCOME_LABELS) as ReconcileOutcomeKind[];
const FIELD_LABELS: Record<CompareField, string> = { fullName: 'Họ tên', birthDate: 'Ngày sinh' };
export const ITEM_HEADERS = ['Mã người', 'Họ tên', 'Số định danh', 'Kết quả', 'Trường sai lệch', 'Số định danh mới đề xuất'];

const countOf = (run: RunSummary, kind: ReconcileOutcomeKind): number => run[kind];

export async function writeReconcileReport(db: Kysely<DB>, run: RunSummary, file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const summary = workbook.addWorksheet('Tổng hợp');
  summary.columns = [{ width: 36 }, { width: 44 }];
  const rows: [string, string | number][] = [
    ['Cơ sở dữ liệu', REGISTRY_NAMES[run.registry].vi],
    ['Mã lượt đối soát', run.id],
    ['Người thực hiện', run.startedBy],
    ['Bắt đầu', run.startedAt.toISOString()],
    ['Kết thúc', run.finishedAt?.toISOString() ?? ''],
    ['Tổng số người', run.total],
    ...OUTCOMES.map((k): [string, number] => [OUTCOME_LABELS[k], countOf(run, k)]),
  ];
  for (const r of rows) summary.addRow(r).commit();
  summary.commit();

  for (const kind of OUTCOMES) {
    const sheet = workbook.addWorksheet(OUTCOME_LABELS[kind]);
    sheet.columns = [{ width: 38 }, { width: 30 }, { width: 16 }, { width: 22 }, { width: 22 }, { width: 24 }];
    const header = sheet.addRow(ITEM_HEADERS);
    header.font = { bold: true };
    header.commit();
    let after: string | undefined;
    for (;;) {
      const items = await listRunItems(db, run.id, { outcome: kind, limit: 5000, ...(after ? { after } : {}) });
      for (const i of items) {
        sheet
          .addRow([i.personId, i.fullName, i.personalId, OUTCOME_LABELS[i.outcome], i.fields.map((f) => FIELD_LABELS[f] ?? f).join(', '), i.suggestedId ?? ''])
          .commit();
      }
      if (items.length < 5000) break;
      after = items.at(-1)!.personId;
    }
    sheet.commit();
  }
  await workbook.commit();
}
