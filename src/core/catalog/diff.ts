// What changed between two versions of a procedure: a list of changes with JSON pointers into
// the version content. Lists whose items have a stable key (components and fees by code, legal
// documents and publication decisions by number, implementing units by unit) are matched by key,
// so inserting a component shows one addition rather than every later component as changed.
import { jsonEqual } from '../eforms/ui-schema.ts';
import type { ProcedureContent } from './types.ts';

export interface ContentChange {
  /** Top-level part of the content: `fees`, `components`, `eform`, ... */
  section: string;
  /** JSON pointer into the content of the version the change is visible in (`to` unless removed). */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** For keyed lists, the item's key (e.g. the component code). */
  key?: string;
  before?: unknown;
  after?: unknown;
}

export const CONTENT_SECTIONS: Record<keyof ProcedureContent, { vi: string; en: string }> = {
  name: { vi: 'Tên thủ tục', en: 'Name' },
  nameEn: { vi: 'Tên tiếng Anh', en: 'English name' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  level: { vi: 'Cấp thực hiện', en: 'Level' },
  implementingUnits: { vi: 'Cơ quan thực hiện', en: 'Implementing agencies' },
  subjects: { vi: 'Đối tượng thực hiện', en: 'Who may apply' },
  onlineLevel: { vi: 'Mức độ dịch vụ công trực tuyến', en: 'Online service level' },
  fullOnlineEligible: { vi: 'Đủ điều kiện toàn trình', en: 'Eligible for full-online' },
  requiredAssurance: { vi: 'Mức định danh điện tử yêu cầu', en: 'Required e-ID level' },
  methods: { vi: 'Cách thức thực hiện', en: 'Methods' },
  sequence: { vi: 'Trình tự thực hiện', en: 'Sequence' },
  requirements: { vi: 'Yêu cầu, điều kiện', en: 'Requirements' },
  processingTime: { vi: 'Thời hạn giải quyết', en: 'Processing time' },
  fees: { vi: 'Phí, lệ phí', en: 'Fees and charges' },
  components: { vi: 'Thành phần hồ sơ', en: 'Dossier components' },
  result: { vi: 'Kết quả thực hiện', en: 'Result' },
  steps: { vi: 'Quy trình xử lý nội bộ', en: 'Internal workflow' },
  eform: { vi: 'Biểu mẫu điện tử', en: 'E-form' },
  legalBasis: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  publicationDecisions: { vi: 'Quyết định công bố', en: 'Publication decisions' },
};

const KEYED_LISTS: Record<string, string> = {
  '/components': 'code',
  '/fees': 'code',
  '/legalBasis': 'number',
  '/publicationDecisions': 'number',
  '/implementingUnits': 'unitId',
};

const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function diffContent(before: ProcedureContent, after: ProcedureContent): ContentChange[] {
  const changes: ContentChange[] = [];
  const sectionOf = (path: string) => path.split('/')[1] ?? '';
  const push = (c: Omit<ContentChange, 'section'>) => changes.push({ section: sectionOf(c.path), ...c });

  const walk = (a: unknown, b: unknown, path: string) => {
    if (jsonEqual(a, b)) return;
    if (a === undefined) return push({ path, kind: 'added', after: b });
    if (b === undefined) return push({ path, kind: 'removed', before: a });
    if (Array.isArray(a) && Array.isArray(b)) {
      const keyName = KEYED_LISTS[path];
      if (keyName && [...a, ...b].every((x) => isObject(x) && typeof x[keyName] === 'string')) {
        const keyOf = (x: unknown) => (x as Record<string, string>)[keyName]!;
        const oldByKey = new Map(a.map((x, i) => [keyOf(x), { x, i }]));
        const newKeys = new Set(b.map(keyOf));
        b.forEach((x, i) => {
          const old = oldByKey.get(keyOf(x));
          if (!old) push({ path: `${path}/${i}`, kind: 'added', key: keyOf(x), after: x });
          else if (!jsonEqual(old.x, x)) {
            const start = changes.length;
            walk(old.x, x, `${path}/${i}`);
            for (let j = start; j < changes.length; j++) changes[j]!.key = keyOf(x);
          }
        });
        a.forEach((x, i) => {
          if (!newKeys.has(keyOf(x))) push({ path: `${path}/${i}`, kind: 'removed', key: keyOf(x), before: x });
        });
        return;
      }
      if (a.every((x) => !isObject(x)) && b.every((x) => !isObject(x))) {
        return push({ path, kind: 'changed', before: a, after: b });
      }
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) walk(a[i], b[i], `${path}/${i}`);
      return;
    }
    if (isObject(a) && isObject(b)) {
      const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
      for (const k of keys) walk(a[k], b[k], `${path}/${escape(k)}`);
      return;
    }
    push({ path, kind: 'changed', before: a, after: b });
  };
  walk(before, after, '');
  return changes;
}
