// Values for a procedure's e-form (its JSON Schema), for synthetic dossiers: the applicant's own
// details where a field is bound to population or organization data, plausible text elsewhere.
// The result is checked by the caller with the same validator intake uses (compileEform).
import type { SyntheticApplicant } from './synthetic.ts';

type Schema = Record<string, unknown>;
type Rand = () => number;

/** Samples for the patterns the seed catalog uses; any other pattern is left empty (and reported by validation). */
const PATTERN_SAMPLES = ['1-2025-01234', '9, 35, 42', '06-01', '2025-001', 'ABC-123'];

const PREFILL: Record<string, (a: SyntheticApplicant, unitName: string) => string | undefined> = {
  fullName: (a) => (a.kind === 'citizen' ? a.name : undefined),
  personalId: (a) => (a.kind === 'citizen' ? a.idNumber : undefined),
  birthDate: (a) => a.birthDate || undefined,
  nationality: () => 'Việt Nam',
  permanentAddress: (a) => a.address,
  phone: (a) => a.phone,
  email: (a) => a.email,
  'organization.name': (a) => (a.kind === 'organization' ? a.name : undefined),
  'organization.taxCode': (a) => (a.kind === 'organization' ? a.idNumber : undefined),
  'organization.address': (a) => (a.kind === 'organization' ? a.address : undefined),
  'catalog.unitName': (_a, unit) => unit,
};

const TEXTS = [
  'Thiết bị lọc nước sử dụng năng lượng mặt trời',
  'Quy trình sản xuất phân bón hữu cơ vi sinh',
  'Hệ thống giám sát chất lượng không khí',
  'Phần mềm quản lý phòng thí nghiệm',
  'Máy đo bức xạ cầm tay',
];

function leaf(s: Schema, path: string, a: SyntheticApplicant, unitName: string, r: Rand): unknown {
  const prefill = typeof s['x-prefill'] === 'string' ? PREFILL[s['x-prefill']] : undefined;
  if (prefill) {
    const value = prefill(a, unitName);
    if (value !== undefined) return value;
    // A citizen filling an organization field (the host institution of a task): a plausible one.
    if (s['x-prefill'] === 'organization.name') return 'Viện Nghiên cứu Vật liệu mới';
  }
  if ('const' in s) return s.const;
  if (path.endsWith('applicant.type')) return a.kind === 'citizen' ? 'individual' : 'organization';
  if (Array.isArray(s.enum)) return s.enum[Math.floor(r() * s.enum.length)];
  switch (s.type) {
    case 'boolean':
      return r() < 0.5;
    case 'integer':
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : 0;
      const max = typeof s.maximum === 'number' ? s.maximum : min + 100;
      return min + Math.floor(r() * (max - min + 1));
    }
    case 'array': {
      const items = (s.items ?? {}) as Schema;
      const n = typeof s.minItems === 'number' ? Math.max(1, s.minItems) : 1;
      if (Array.isArray(items.enum)) return items.enum.slice(0, Math.max(n, 1));
      return Array.from({ length: n }, (_, i) => leaf(items, `${path}.${i}`, a, unitName, r));
    }
    case 'string': {
      const max = typeof s.maxLength === 'number' ? s.maxLength : 500;
      switch (s.format) {
        case 'date':
          return `2025-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
        case 'personal-id':
          return a.kind === 'citizen' ? a.idNumber : '001099012345';
        case 'tax-code':
          return a.kind === 'organization' ? a.idNumber : '0101234567';
        case 'phone-vn':
          return a.phone;
        case 'email':
          return a.email;
        case 'procedure-code':
          return '1.009901';
      }
      if (typeof s.pattern === 'string') {
        const re = new RegExp(s.pattern, 'u');
        return PATTERN_SAMPLES.find((x) => re.test(x));
      }
      const text = path.toLowerCase().includes('name') ? a.name : TEXTS[Math.floor(r() * TEXTS.length)]!;
      return text.slice(0, max);
    }
  }
  return undefined;
}

function walk(s: Schema, path: string, a: SyntheticApplicant, unitName: string, r: Rand): unknown {
  if (s.type !== 'object') return leaf(s, path, a, unitName, r);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
    const value = walk(child, path ? `${path}.${key}` : key, a, unitName, r);
    if (value !== undefined && !(typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0)) out[key] = value;
  }
  return out;
}

/** Form data for an e-form schema: every field filled; the validator's normalization drops hidden ones. */
export function sampleFormData(schema: Record<string, unknown>, applicant: SyntheticApplicant, unitName: string, r: Rand): Record<string, unknown> {
  return walk(schema, '', applicant, unitName, r) as Record<string, unknown>;
}
