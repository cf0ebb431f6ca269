// Where in a procedure's content an issue is, in words: `/result/name` → "Kết quả thực hiện —
// tên kết quả", `/components/1/name` → "Thành phần, số lượng hồ sơ — mục 2 — Tên giấy tờ". The
// server's messages name places by JSON pointer; officers never see the pointer itself.
import type { TFunction } from 'i18next';

const SECTION_KEYS: Record<string, string> = {
  name: 'catalog.parts.name',
  nameEn: 'catalog.editor.nameEn',
  field: 'catalog.procedure.field',
  level: 'catalog.procedure.level',
  implementingUnits: 'catalog.parts.agency',
  subjects: 'catalog.parts.subjects',
  onlineLevel: 'catalog.procedure.onlineLevel',
  fullOnlineEligible: 'catalog.editor.fullOnlineEligible',
  requiredAssurance: 'catalog.pointer.requiredAssurance',
  methods: 'catalog.parts.method',
  sequence: 'catalog.parts.sequence',
  requirements: 'catalog.parts.requirements',
  processingTime: 'catalog.parts.timeLimit',
  fees: 'catalog.parts.fees',
  components: 'catalog.parts.components',
  result: 'catalog.parts.result',
  steps: 'catalog.pointer.steps',
  eform: 'catalog.pointer.eform',
  legalBasis: 'catalog.parts.legalBasis',
  publicationDecisions: 'catalog.pointer.publicationDecisions',
};

const FIELD_KEYS: Record<string, string> = {
  'components.name': 'catalog.components.name',
  'components.originals': 'catalog.components.originals',
  'components.copies': 'catalog.components.copies',
  'components.requirement': 'catalog.components.requirement',
  'components.condition': 'catalog.editor.condition',
  'components.templateRef': 'catalog.editor.templateRef',
  'components.code': 'catalog.editor.code',
  'fees.name': 'catalog.editor.feeName',
  'fees.kind': 'catalog.editor.feeKind',
  'fees.amountVnd': 'catalog.editor.amount',
  'fees.basis': 'catalog.editor.basis',
  'fees.code': 'catalog.editor.code',
  'result.name': 'catalog.pointer.resultName',
  'result.templateRef': 'catalog.editor.templateRef',
  'processingTime.value': 'catalog.editor.timeValue',
  'processingTime.unit': 'catalog.editor.timeUnit',
  'processingTime.note': 'catalog.editor.timeNote',
  'field.code': 'catalog.editor.fieldCode',
  'methods.description': 'catalog.editor.methodDescription',
  'subjects.origins': 'catalog.editor.origins',
};

/** The place a content pointer names, in the page language; '' for the whole content. */
export function contentPointerLabel(t: TFunction, pointer: string): string {
  const segments = pointer.split('/').filter(Boolean);
  // Request and file pointers (`/body/content/…`, `/procedures/0/content/…`) carry their own
  // parts first: start at the first part of the content.
  const start = segments.findIndex((s) => s in SECTION_KEYS);
  const [section, ...rest] = start >= 0 ? segments.slice(start) : segments;
  if (!section) return '';
  if (start < 0) return t('catalog.pointer.other');
  const words = [SECTION_KEYS[section] ? t(SECTION_KEYS[section]) : section];
  const index = rest.findIndex((s) => /^\d+$/.test(s));
  if (index === 0) words.push(t('catalog.pointer.item', { n: Number(rest[0]) + 1 }));
  const field = rest.find((s) => !/^\d+$/.test(s));
  if (field) {
    const key = FIELD_KEYS[`${section}.${field}`];
    if (key) words.push(t(key));
  }
  return words.join(' — ');
}

/**
 * Where a change of the version diff is, in words: the place its pointer names, with the item's
 * key for keyed lists ("Thành phần, số lượng hồ sơ — mục 2 — Tên giấy tờ (TK01)"); the section's
 * own label for a change of a whole section. Never the content's keys (`note`) or the pointer.
 */
export function diffChangePlace(t: TFunction, change: { path: string; key?: string | undefined }, sectionLabel: string): string {
  const label = contentPointerLabel(t, change.path);
  if (!label) return change.key ? `${sectionLabel} (${change.key})` : sectionLabel;
  return change.key ? `${label} (${change.key})` : label;
}
