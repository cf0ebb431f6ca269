import { describe, expect, it } from 'vitest';
import { sampleContent } from './fixtures.ts';
import { diffContent } from './diff.ts';

describe('version diff', () => {
  it('nothing changed: no changes', () => {
    expect(diffContent(sampleContent(), sampleContent())).toEqual([]);
  });

  it('matches keyed lists by key: an inserted component is one addition', () => {
    const before = sampleContent();
    const after = sampleContent({
      components: [{ ...before.components[0]!, code: 'TP00', name: 'Giấy mới' }, ...before.components],
    });
    expect(diffContent(before, after)).toEqual([
      { section: 'components', path: '/components/0', kind: 'added', key: 'TP00', after: after.components[0] },
    ]);
  });

  it('reports a changed fee amount at its pointer with before/after', () => {
    const before = sampleContent();
    const after = sampleContent({ fees: [{ ...before.fees[0]!, amountVnd: 200_000 }] });
    expect(diffContent(before, after)).toEqual([
      { section: 'fees', path: '/fees/0/amountVnd', kind: 'changed', key: 'LP01', before: 150_000, after: 200_000 },
    ]);
  });

  it('reports removals, scalar changes and e-form changes', () => {
    const before = sampleContent();
    const eform = structuredClone(before.eform);
    (eform.schema.properties as Record<string, Record<string, unknown>>).request!.required = ['title', 'procedure'];
    const after = sampleContent({ name: 'Tên mới', legalBasis: [], eform });
    const changes = diffContent(before, after);
    expect(changes).toContainEqual({ section: 'name', path: '/name', kind: 'changed', before: before.name, after: 'Tên mới' });
    expect(changes).toContainEqual(expect.objectContaining({ section: 'legalBasis', kind: 'removed', key: '65/2023/NĐ-CP' }));
    expect(changes.some((c) => c.section === 'eform' && c.path.startsWith('/eform/schema/properties/request/required'))).toBe(true);
  });
});
