import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, asciiFileName, contentDisposition, sanitizeFileName } from './names.ts';

describe('sanitizeFileName', () => {
  it.each([
    ['../../etc/Hợp đồng\u0000 chuyển giao.pdf', 'pdf', 'Hợp đồng chuyển giao.pdf'],
    ['C:\\Users\\an\\Giấy   phép\tkinh doanh.PDF', 'pdf', 'Giấy phép kinh doanh.PDF'],
    // Decomposed (NFD, as macOS sends) becomes composed (NFC).
    ['Đơn đề nghị.docx'.normalize('NFD'), 'docx', 'Đơn đề nghị.docx'],
    // A right-to-left override cannot make "fdp.exe" read as "exe.pdf".
    ['hop-dong\u202Efdp.exe', 'pdf', 'hop-dongfdp.exe.pdf'],
    ['anh-the.jpeg', 'jpg', 'anh-the.jpeg'],
    ['scan.tif', 'tiff', 'scan.tif'],
    ['bao-cao.docx', 'zip', 'bao-cao.docx.zip'],
    ['...', 'pdf', 'tep-dinh-kem.pdf'],
    ['', 'xml', 'tep-dinh-kem.xml'],
    [undefined, 'png', 'tep-dinh-kem.png'],
    ['../', 'jpg', 'tep-dinh-kem.jpg'],
    ['.pdf', 'pdf', 'pdf.pdf'],
    ['a<b>:"c|d?*.pdf', 'pdf', 'abcd.pdf'],
    ['  .hidden . pdf  ', undefined, 'hidden . pdf'],
  ] as const)('%j → %j', (raw, format, expected) => {
    expect(sanitizeFileName(raw, format)).toBe(expected);
  });

  it(`keeps at most ${MAX_NAME_LENGTH} characters, shortening before the extension`, () => {
    const name = sanitizeFileName(`${'Quyết định '.repeat(40)}.pdf`, 'pdf');
    expect(Array.from(name)).toHaveLength(MAX_NAME_LENGTH);
    expect(name.endsWith('định.pdf') || name.endsWith('.pdf')).toBe(true);
    expect(name).not.toMatch(/ \.pdf$/);
  });
});

describe('Content-Disposition', () => {
  it('gives the UTF-8 name in filename* and an ASCII fallback', () => {
    expect(asciiFileName('Đơn đề nghị cấp "giấy phép".pdf')).toBe('Don de nghi cap _giay phep_.pdf');
    expect(contentDisposition('Hợp đồng (bản sao)\'s.pdf')).toBe(
      "attachment; filename=\"Hop dong (ban sao)'s.pdf\"; filename*=UTF-8''H%E1%BB%A3p%20%C4%91%E1%BB%93ng%20%28b%E1%BA%A3n%20sao%29%27s.pdf",
    );
  });

  it('falls back to a generic name when nothing is left in ASCII', () => {
    expect(asciiFileName('申请书.pdf')).toBe('___.pdf');
    expect(contentDisposition('a.pdf')).toBe("attachment; filename=\"a.pdf\"; filename*=UTF-8''a.pdf");
  });
});
