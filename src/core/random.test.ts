import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random.ts';

describe('mulberry32', () => {
  it('gives the sequence the demo data was written with, so a seed keeps its records', () => {
    const r = mulberry32(94_15);
    expect([r(), r(), r()]).toEqual([0.738911242922768, 0.03142913873307407, 0.7752850169781595]);
  });

  it('restarts the same sequence for the same seed and stays within [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(b()).toBe(x);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
