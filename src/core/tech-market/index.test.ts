import { describe, expect, it } from 'vitest';
import { canTransition, effectiveStatus, listingCode, listingProblem, offerMatchesDemand, parseListingCode, isTrl } from './index.ts';

describe('listing codes', () => {
  it.each([
    ['offer', 2026, 42, 'CCN-2026-00042'],
    ['demand', 2026, 1, 'NCCN-2026-00001'],
    ['offer', 2025, 99_999, 'CCN-2025-99999'],
  ] as const)('%s %i #%i is %s and parses back', (kind, year, n, code) => {
    expect(listingCode(kind, year, n)).toBe(code);
    expect(parseListingCode(code)).toEqual({ kind, year, n });
  });
  it.each([[0], [100_000], [1.5]])('refuses sequence number %s', (n) => {
    expect(() => listingCode('offer', 2026, n)).toThrow(RangeError);
  });
  it.each(['CCN-2026-0042', 'CCN-26-00042', 'XCN-2026-00042', 'CCN-2026-00000', 'ccn-2026-00042'])('%s is not a code', (code) => {
    expect(parseListingCode(code)).toBeUndefined();
  });
});

describe('readiness levels', () => {
  it.each([
    [1, true],
    [9, true],
    [0, false],
    [10, false],
    [4.5, false],
  ])('TRL %s valid: %s', (n, ok) => expect(isTrl(n)).toBe(ok));
});

describe('status transitions', () => {
  it.each([
    ['draft', 'published', true],
    ['draft', 'expired', false],
    ['published', 'draft', false],
    ['published', 'withdrawn', true],
    ['withdrawn', 'published', true],
    ['expired', 'published', true],
    ['expired', 'draft', false],
  ] as const)('%s → %s: %s', (from, to, ok) => expect(canTransition(from, to)).toBe(ok));

  it.each([
    ['published', '2026-12-02', 'published'],
    ['published', '2026-12-01', 'expired'],
    ['published', null, 'published'],
    ['draft', '2020-01-01', 'draft'],
    ['withdrawn', '2020-01-01', 'withdrawn'],
  ] as const)('%s until %s shows as %s on 2026-12-02', (status, lastDay, expected) => {
    expect(effectiveStatus(status, lastDay, '2026-12-02')).toBe(expected);
  });
});

describe('a listing about to be saved', () => {
  const today = '2026-12-02';
  const base = { to: 'published' as const, priceVnd: 500_000_000, negotiable: false, transferForms: ['standalone' as const], lastDay: '2027-06-30', today };
  it.each([
    [{}, undefined],
    [{ priceVnd: null }, 'price_or_negotiable'],
    [{ priceVnd: null, negotiable: true }, undefined],
    [{ transferForms: [] }, 'no_transfer_form'],
    [{ lastDay: null }, 'needs_last_day'],
    [{ lastDay: null, to: 'draft' }, undefined],
    [{ lastDay: '2026-12-01' }, 'last_day_past'],
    [{ lastDay: '2026-12-02' }, undefined],
    [{ lastDay: '2028-12-01' }, undefined],
    [{ lastDay: '2028-12-02' }, 'last_day_too_far'],
    [{ from: 'published', to: 'draft' }, 'bad_transition'],
    [{ from: 'expired', lastDay: '2027-12-31' }, undefined],
  ] as const)('%o: %s', (over, expected) => {
    expect(listingProblem({ ...base, ...over } as Parameters<typeof listingProblem>[0])).toBe(expected);
  });
});

describe('an offer answering a demand', () => {
  const offer = { fieldCode: '211', trl: 7, transferForms: ['standalone', 'ip-rights'] as const, transferRight: 'use' as const };
  const demand = { fieldCode: '211', minTrl: 6, transferForms: ['ip-rights'] as const, transferRight: 'use' as const };
  it.each([
    [{}, {}, true],
    [{ fieldCode: '401' }, {}, false],
    [{ trl: 5 }, {}, false],
    [{}, { transferForms: ['franchise'] }, false],
    [{ transferRight: 'ownership' }, {}, false],
    [{ transferRight: 'ownership' }, { transferRight: 'either' }, true],
  ] as const)('offer %o, demand %o: %s', (o, d, expected) => {
    expect(offerMatchesDemand({ ...offer, ...o }, { ...demand, ...d })).toBe(expected);
  });
});
