import { describe, expect, it } from 'vitest';
import { sampleContent } from './fixtures.ts';
import { checkVersionContent } from './check.ts';
import { checkPublicParts } from './public-parts.ts';
import type { ProcedureContent } from './types.ts';

const units = new Set(['cuc-shtt', 'bo-phan-mot-cua']);
const check = (c: ProcedureContent) => checkVersionContent(c, { knownUnitIds: units });

describe('the seven public parts (Decree 63/2010 Art. 8(2); 766 indicator 1.3)', () => {
  it('a complete procedure has all seven', () => {
    const r = checkPublicParts(sampleContent());
    expect(r.complete).toBe(true);
    expect(r.items.map((i) => i.point)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g']);
  });

  it.each<[string, Partial<ProcedureContent>, string]>([
    ['sequence', { sequence: [] }, 'sequence'],
    ['method', { methods: { channels: [] } }, 'method'],
    ['components', { components: [] }, 'components'],
    ['time limit', { processingTime: undefined }, 'timeLimit'],
    ['subjects', { subjects: { kinds: [], origins: [] } }, 'subjects'],
    ['agency', { implementingUnits: [] }, 'agency'],
  ])('flags a missing %s (a warning: publishing is allowed, the flag is kept)', (_name, change, part) => {
    const c = sampleContent(change);
    const r = check(c);
    expect(r.publicParts.missing).toEqual([part]);
    expect(r.warnings.map((w) => w.code)).toContain('public_part_missing');
  });
});

describe('version checks', () => {
  it('the sample is publishable', () => {
    expect(check(sampleContent()).errors).toEqual([]);
  });

  it.each<[string, Partial<ProcedureContent>, string, string]>([
    ['unknown unit', { implementingUnits: [{ unitId: 'nope', role: 'decides' }] }, 'unit_unknown', '/implementingUnits/0/unitId'],
    ['full online but not eligible', { fullOnlineEligible: false }, 'full_online_not_eligible', '/onlineLevel'],
    ['full online without the online channel', { methods: { channels: ['direct'] } }, 'full_online_without_channel', '/methods/channels'],
    [
      'duplicate fee codes',
      { fees: [{ code: 'A', name: 'x', kind: 'fee', amountVnd: 0 }, { code: 'A', name: 'y', kind: 'fee', amountVnd: 1 }] },
      'duplicate_code',
      '/fees/1/code',
    ],
    ['result without a name', { result: { producesDocument: true } }, 'result_name_missing', '/result/name'],
    ['no workflow', { steps: [] }, 'steps_missing', '/steps'],
    [
      'workflow not starting with receive',
      { steps: [{ kind: 'examine', role: 'specialist', budget: { value: 1, unit: 'working_days' } }, { kind: 'return', role: 'receiver', budget: { value: 1, unit: 'working_days' } }] },
      'first_step_not_receive',
      '/steps/0/kind',
    ],
    [
      'workflow over the time limit',
      { processingTime: { value: 10, unit: 'working_days', skipDaysOff: false } },
      'budget_exceeds_time_limit',
      '/steps',
    ],
    [
      'e-form with an unknown prefill attribute',
      { eform: { schema: { type: 'object', properties: { a: { type: 'string', 'x-prefill': 'nope' } } }, uiSchema: { version: 1, sections: [], fields: { '/a': { label: { vi: 'A', en: 'A' } } } } } },
      'prefill_unknown',
      '/eform/schema/properties/a/x-prefill',
    ],
  ])('%s is an error', (_name, change, code, pointer) => {
    const r = check(sampleContent(change));
    expect(r.publishable).toBe(false);
    expect(r.errors.map((e) => [e.code, e.pointer])).toContainEqual([code, pointer]);
  });

  it('missing legal basis and publication decision are warnings (766 indicator 1.1–1.2 inputs)', () => {
    const r = check(sampleContent({ legalBasis: [], publicationDecisions: [] }));
    expect(r.publishable).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['legal_basis_missing', 'publication_decision_missing']));
  });
});
