// The parts of a procedure that must be made public: Decree 63/2010/NĐ-CP Art. 8(2) a)–g), the
// seven parts counted by 766 indicator 1.3 (domain spec §1.4, "Published with all components"):
// a) tên; b) trình tự thực hiện; c) cách thức thực hiện; d) thành phần, số lượng hồ sơ;
// đ) thời hạn giải quyết; e) đối tượng thực hiện; g) cơ quan thực hiện.
import type { ProcedureContent } from './types.ts';

export type PublicPart = 'name' | 'sequence' | 'method' | 'components' | 'timeLimit' | 'subjects' | 'agency';

export const PUBLIC_PARTS: ReadonlyArray<{ part: PublicPart; point: string; label: { vi: string; en: string }; pointer: string }> = [
  { part: 'name', point: 'a', label: { vi: 'Tên thủ tục hành chính', en: 'Name of the procedure' }, pointer: '/name' },
  { part: 'sequence', point: 'b', label: { vi: 'Trình tự thực hiện', en: 'Sequence of steps' }, pointer: '/sequence' },
  { part: 'method', point: 'c', label: { vi: 'Cách thức thực hiện', en: 'Method of submission' }, pointer: '/methods/channels' },
  { part: 'components', point: 'd', label: { vi: 'Thành phần, số lượng hồ sơ', en: 'Dossier components and number of copies' }, pointer: '/components' },
  { part: 'timeLimit', point: 'đ', label: { vi: 'Thời hạn giải quyết', en: 'Processing time limit' }, pointer: '/processingTime' },
  { part: 'subjects', point: 'e', label: { vi: 'Đối tượng thực hiện', en: 'Who may apply' }, pointer: '/subjects/kinds' },
  { part: 'agency', point: 'g', label: { vi: 'Cơ quan thực hiện', en: 'Implementing agency' }, pointer: '/implementingUnits' },
];

const present: Record<PublicPart, (c: ProcedureContent) => boolean> = {
  name: (c) => c.name.trim().length > 0,
  sequence: (c) => c.sequence.some((s) => s.trim().length > 0),
  method: (c) => c.methods.channels.length > 0,
  components: (c) => c.components.length > 0 && c.components.every((k) => k.originals + k.copies > 0),
  timeLimit: (c) => c.processingTime !== undefined && c.processingTime.value > 0,
  subjects: (c) => c.subjects.kinds.length > 0,
  agency: (c) => c.implementingUnits.length > 0,
};

export interface PublicPartsReport {
  complete: boolean;
  missing: PublicPart[];
  items: Array<{ part: PublicPart; point: string; label: { vi: string; en: string }; present: boolean }>;
}

export function checkPublicParts(content: ProcedureContent): PublicPartsReport {
  const items = PUBLIC_PARTS.map((p) => ({ part: p.part, point: p.point, label: p.label, present: present[p.part](content) }));
  const missing = items.filter((i) => !i.present).map((i) => i.part);
  return { complete: missing.length === 0, missing, items };
}
