import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, queryWords, searchWords, toSearchText } from './vietnamese.ts';

describe('foldVietnamese', () => {
  it.each([
    ['Đăng ký sáng chế', 'dang ky sang che'],
    ['ĐĂNG KÝ SÁNG CHẾ', 'dang ky sang che'],
    ['Cấp Giấy phép tiến hành công việc bức xạ', 'cap giay phep tien hanh cong viec buc xa'],
    ['Nghị định 65/2023/NĐ-CP', 'nghi dinh 65/2023/nd-cp'],
    ['Thẩm định hợp đồng chuyển giao công nghệ', 'tham dinh hop dong chuyen giao cong nghe'],
    ['giải pháp hữu ích', 'giai phap huu ich'],
    // Decomposed input (NFD, as some keyboards on macOS send it) folds the same way.
    ['Đăng ký'.normalize('NFD'), 'dang ky'],
    ['ÐĂNG', 'dang'],
  ])('%s → %s', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('is idempotent and keeps ASCII unchanged (lower-cased)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = foldVietnamese(s);
        expect(foldVietnamese(once)).toBe(once);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9 ]*$/), (s) => {
        expect(foldVietnamese(s)).toBe(s);
      }),
    );
  });
});

describe('search words', () => {
  it('splits on anything that is not a letter or digit', () => {
    expect(searchWords('Mã 1.001234 — Sở hữu trí tuệ!')).toEqual(['ma', '1', '001234', 'so', 'huu', 'tri', 'tue']);
    expect(toSearchText('Đăng ký', undefined, 'nhãn hiệu')).toBe('dang ky nhan hieu');
  });

  it('dedupes and caps query words', () => {
    expect(queryWords('sáng chế SANG che')).toEqual(['sang', 'che']);
    expect(queryWords('a b c d e f g h i j k l m n', 3)).toEqual(['a', 'b', 'c']);
    expect(queryWords('  %_\' ;-- ')).toEqual([]);
  });
});
