import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeAndDate, timeAndDate } from './format.ts';
import { slipDocument } from './layout.ts';
import { LEDGER_HEADER_ROW } from './ledger-xlsx.ts';
import { ledger, SAMPLE_SLIPS } from './samples.ts';
import {
  FORM_NUMBERINGS,
  formLabel,
  lookupUrl,
  renderLedgerXlsx,
  renderSlipPdf,
  type SlipInput,
  type SlipKind,
  type SlipNumbering,
} from './index.ts';

const run = promisify(execFile);
const POPPLER = spawnSync('pdftotext', ['-v']).error === undefined;
if (!POPPLER) console.warn('slips: pdftotext (poppler-utils) is not installed; the PDF text tests are skipped.');

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'motcua-slips-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

let fileNo = 0;
async function toFile(pdf: Buffer): Promise<string> {
  const file = path.join(dir, `slip-${++fileNo}.pdf`);
  await writeFile(file, pdf);
  return file;
}

/** The text poppler extracts, each line's runs of spaces collapsed (columns sit side by side). */
async function pdfText(pdf: Buffer, pages?: { first: number; last: number }): Promise<string> {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  const { stdout } = await run('pdftotext', ['-layout', ...range, await toFile(pdf), '-']);
  return stdout.replace(/[ \t]+/g, ' ');
}

async function pdfInfo(pdf: Buffer): Promise<{ pages: number; width: number; height: number }> {
  const { stdout } = await run('pdfinfo', [await toFile(pdf)]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(stdout);
  return { pages: Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) };
}

const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
const DATE_LINE = 'Hà Nội, ngày 05 tháng 3 năm 2026';
const AGENCY = ['BỘ KHOA HỌC VÀ CÔNG NGHỆ', 'CỤC SỞ HỮU TRÍ TUỆ'];
const CODE = SAMPLE_SLIPS['01'].dossier.code;

/** What each sample slip must show beyond the frame: its title first. */
const EXPECTED: Record<SlipKind, string[]> = {
  '01': [
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    'Số: 07/GTN-SHTT',
    'Nguyễn Thị Hương Giang',
    'Trần Văn Lữ',
    'Đăng ký chuyển giao công nghệ',
    'Giấy chứng nhận đăng ký doanh nghiệp',
    'Hợp đồng chuyển giao công nghệ bằng tiếng Việt',
    '3. Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 02/03/2026',
    'ngày 16/03/2026',
    '1.250.000 đồng',
    'NGƯỜI NỘP HỒ SƠ',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
    'Phạm Đức Thắng',
    CODE,
  ],
  '02': [
    'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    'Số: 12/TB-SHTT',
    'Nguyễn Thị Hương Giang',
    'Danh mục máy móc, thiết bị kèm theo công nghệ chuyển giao',
    'để được hướng dẫn',
    'NGƯỜI HƯỚNG DẪN',
    'Lê Thị Mỹ Hạnh',
    CODE,
  ],
  '03': [
    'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    'Nguyễn Thị Hương Giang',
    'không thuộc thẩm quyền',
    'Sở Khoa học và Công nghệ',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
    CODE,
  ],
  '04': [
    'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    'Kính gửi: Nguyễn Thị Hương Giang',
    '17 giờ 00 phút, ngày 16/03/2026',
    '17 giờ 00 phút, ngày 18/03/2026',
    'CỤC TRƯỞNG',
    'Võ Thị Yến',
    CODE,
  ],
  '05': [
    'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    'Nguyễn Thị Hương Giang',
    'Đúng hạn',
    'Quá hạn',
    'Đang giải',
    'Bộ phận Một',
    CODE,
  ],
  '06': [
    'SỔ THEO DÕI HỒ SƠ',
    'Từ ngày 01/03/2026 đến ngày 31/03/2026',
    'Bộ phận Tiếp nhận và Trả kết quả - Cục Sở hữu trí tuệ',
    'G01.BKHCN.SHTT-260302-0001',
    'Nguyễn Thị Hương Giang',
    'Lương Thế Vỹ',
    'Đặng Thị Xuân Hằng',
    'Đã trả kết quả',
  ],
  stop: [
    'THÔNG BÁO',
    'Về việc dừng giải quyết hồ sơ',
    'Kính gửi: Nguyễn Thị Hương Giang',
    'Ngày 04/03/2026',
    'CỤC TRƯỞNG',
    CODE,
  ],
};

const LABELS: Record<SlipNumbering, Record<SlipKind, string | undefined>> = {
  'circular-01-2018': {
    '01': 'Mẫu số 01',
    '02': 'Mẫu số 02',
    '03': 'Mẫu số 03',
    '04': 'Mẫu số 04',
    '05': 'Mẫu số 05',
    '06': 'Mẫu số 06',
    stop: undefined,
  },
  'circular-03-2025': {
    '01': 'Mẫu số 01',
    '02': 'Phụ lục I',
    '03': undefined,
    '04': undefined,
    '05': 'Mẫu số 06',
    '06': 'Mẫu số 07',
    stop: undefined,
  },
};

const KINDS = Object.keys(EXPECTED) as SlipKind[];
const nfd = <T>(value: T): T => JSON.parse(JSON.stringify(value).normalize('NFD')) as T;

describe('the date and time lines (Asia/Ho_Chi_Minh, Decree 30/2020 Appendix I)', () => {
  it.each([
    ['2026-03-05T03:30:00Z', 'Hà Nội, ngày 05 tháng 3 năm 2026'],
    ['2026-01-08T00:00:00Z', 'Hà Nội, ngày 08 tháng 01 năm 2026'],
    ['2026-02-14T09:00:00Z', 'Hà Nội, ngày 14 tháng 02 năm 2026'],
    ['2026-11-20T09:00:00Z', 'Hà Nội, ngày 20 tháng 11 năm 2026'],
    // 17:30 UTC on 31 January is 00:30 on 1 February in Hà Nội.
    ['2026-01-31T17:30:00Z', 'Hà Nội, ngày 01 tháng 02 năm 2026'],
    ['2026-12-31T16:59:59Z', 'Hà Nội, ngày 31 tháng 12 năm 2026'],
  ])('%s → %s', (iso, line) => {
    expect(placeAndDate('Hà Nội', iso)).toBe(line);
  });

  it('writes times on the receipt in local time, hours and minutes padded', () => {
    expect(timeAndDate('2026-03-02T02:00:00Z')).toBe('09 giờ 00 phút, ngày 02/03/2026');
    expect(timeAndDate('2026-03-02T17:05:00+07:00')).toBe('17 giờ 05 phút, ngày 02/03/2026');
    expect(() => timeAndDate('hôm qua')).toThrow(RangeError);
  });
});

describe('form labels', () => {
  it.each(Object.entries(LABELS).flatMap(([n, labels]) => Object.entries(labels).map(([k, l]) => [n, k, l])))(
    '%s, slip %s → %s',
    (numbering, kind, label) => {
      expect(formLabel(kind as SlipKind, numbering as SlipNumbering)).toBe(label);
    },
  );

  it('takes a table of its own where the numbers are unconfirmed', () => {
    const own = { ...FORM_NUMBERINGS['circular-03-2025'], '03': 'Mẫu số 03' };
    expect(formLabel('03', own)).toBe('Mẫu số 03');
    expect(formLabel('04', own)).toBeUndefined();
    expect(formLabel('01', own)).toBe('Mẫu số 01');
  });
});

describe('the lookup address in the QR code', () => {
  it('carries the dossier code and the second factor, escaped', () => {
    const url = new URL(lookupUrl({ url: 'https://dichvucong.example.vn/tra-cuu?lang=vi', secret: 'a&b c' }, CODE));
    expect(url.origin + url.pathname).toBe('https://dichvucong.example.vn/tra-cuu');
    expect(url.searchParams.get('lang')).toBe('vi');
    expect(url.searchParams.get('code')).toBe(CODE);
    expect(url.searchParams.get('key')).toBe('a&b c');
  });

  it('is what the QR code of a dossier slip encodes (the ledger has none)', () => {
    const qrs = (value: unknown): string[] => {
      if (Array.isArray(value)) return value.flatMap(qrs);
      if (value === null || typeof value !== 'object') return [];
      const node = value as Record<string, unknown>;
      return [...(typeof node.qr === 'string' ? [node.qr] : []), ...Object.values(node).flatMap(qrs)];
    };
    const { lookup } = SAMPLE_SLIPS['01'];
    const frame = { agency: SAMPLE_SLIPS['01'].agency, issuedAt: SAMPLE_SLIPS['01'].issuedAt };
    const layout = { title: ['Giấy tiếp nhận'], body: [], signers: [] };
    expect(qrs(slipDocument({ ...frame, lookup: { lookup, code: CODE } }, layout).content)).toEqual([
      lookupUrl(lookup, CODE),
    ]);
    expect(qrs(slipDocument(frame, layout).content)).toEqual([]);
  });
});

describe.skipIf(!POPPLER)('slips as PDF (text read back with pdftotext)', () => {
  it.each(KINDS)('slip %s shows the frame, its title, names with their diacritics and the 2018 label', async (kind) => {
    const input: SlipInput = SAMPLE_SLIPS[kind];
    const text = await pdfText(await renderSlipPdf(input, 'circular-01-2018'));
    for (const expected of [...MOTTO, ...AGENCY, DATE_LINE, ...EXPECTED[kind]]) {
      expect(text, expected).toContain(expected.normalize('NFC'));
    }
    const label = LABELS['circular-01-2018'][kind];
    if (label) expect(text).toContain(label);
    else expect(text).not.toMatch(/Mẫu số|Phụ lục/);
  });

  it.each(KINDS)('slip %s carries its label under Circular 03/2025', async (kind) => {
    const text = await pdfText(await renderSlipPdf(SAMPLE_SLIPS[kind], 'circular-03-2025'), { first: 1, last: 1 });
    const label = LABELS['circular-03-2025'][kind];
    if (label) expect(text.split('\n').find((l) => l.trim().length > 0)?.trim()).toBe(label);
    else expect(text).not.toMatch(/Mẫu số|Phụ lục/);
  });

  it('renders decomposed (NFD) input as composed (NFC) text', async () => {
    const decomposed = nfd(SAMPLE_SLIPS['01']);
    expect(decomposed.dossier.applicantName).not.toBe('Nguyễn Thị Hương Giang');
    const text = await pdfText(await renderSlipPdf(decomposed, 'circular-01-2018'));
    for (const s of ['Nguyễn Thị Hương Giang', 'Đăng ký chuyển giao công nghệ', 'Giấy chứng nhận đăng ký doanh nghiệp']) {
      expect(text).toContain(s.normalize('NFC'));
    }
    expect(text).toBe(text.normalize('NFC'));
  });

  it('embeds the Tinos faces and no other font', async () => {
    const file = await toFile(await renderSlipPdf(SAMPLE_SLIPS['02'], 'circular-01-2018'));
    const { stdout } = await run('pdffonts', [file]);
    const fonts = stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const name = l.split(/\s+/)[0] ?? '';
        // name type… encoding emb sub uni object ID: "emb" is the fifth column from the end.
        const cols = l.trim().split(/\s+/);
        return { name: name.replace(/^[A-Z]{6}\+/, ''), embedded: cols[cols.length - 5] === 'yes' };
      });
    // The regular face's PostScript name is plain "Tinos"; faces the slip does not use are not embedded.
    expect(fonts.map((f) => f.name).sort()).toEqual(['Tinos', 'Tinos-Bold', 'Tinos-Italic']);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it('lays the receipt on one portrait A4 page', async () => {
    const info = await pdfInfo(await renderSlipPdf(SAMPLE_SLIPS['01'], 'circular-01-2018'));
    expect(info).toMatchObject({ pages: 1 });
    expect(Math.round(info.width)).toBe(595);
    expect(Math.round(info.height)).toBe(842);
  });

  it('lays a long ledger on landscape pages numbered from the second one on', async () => {
    const pdf = await renderSlipPdf(ledger(60), 'circular-03-2025');
    const info = await pdfInfo(pdf);
    expect(info.pages).toBeGreaterThan(1);
    expect(Math.round(info.width)).toBe(842);
    const firstLine = (t: string) => t.split('\n').find((l) => l.trim().length > 0)?.trim();
    expect(firstLine(await pdfText(pdf, { first: 1, last: 1 }))).toBe('Mẫu số 07');
    expect(firstLine(await pdfText(pdf, { first: 2, last: 2 }))).toBe('2');
    expect(firstLine(await pdfText(pdf, { first: info.pages, last: info.pages }))).toBe(String(info.pages));
    const all = await pdfText(pdf);
    expect(all).toContain('G01.BKHCN.SHTT-260302-0001');
    expect(all).toContain('G01.BKHCN.SHTT-260307-0060');
    // The table's header row is repeated on every page.
    expect(all.match(/Thủ tục hành/g)?.length).toBe(info.pages);
  });
});

describe('the ledger as XLSX', () => {
  it('reads back with its header, Vietnamese column names and one row per dossier, in NFC', async () => {
    const input = nfd(ledger(5));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderLedgerXlsx(input)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    expect(sheet.name).toBe('Sổ theo dõi hồ sơ');
    expect(sheet.getCell('A1').value).toBe('BỘ KHOA HỌC VÀ CÔNG NGHỆ - CỤC SỞ HỮU TRÍ TUỆ');
    expect(sheet.getCell('A2').value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(sheet.getCell('A3').value).toBe('Đơn vị: Bộ phận Tiếp nhận và Trả kết quả - Cục Sở hữu trí tuệ');
    expect(sheet.getCell('A4').value).toBe('Từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(sheet.getCell('A5').value).toBe(DATE_LINE);
    expect(sheet.getRow(LEDGER_HEADER_ROW).values).toEqual([
      undefined, // exceljs rows are 1-based
      'TT',
      'Mã hồ sơ',
      'Thủ tục hành chính',
      'Tổ chức, cá nhân',
      'Ngày nhận',
      'Hẹn trả',
      'Ngày có kết quả',
      'Ngày trả kết quả',
      'Trạng thái',
      'Ghi chú',
    ]);
    const first = sheet.getRow(LEDGER_HEADER_ROW + 1);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe('G01.BKHCN.SHTT-260302-0001');
    expect(first.getCell(3).value).toBe('Đăng ký chuyển giao công nghệ');
    expect(first.getCell(4).value).toBe('Nguyễn Thị Hương Giang');
    expect(first.getCell(5).value).toBe('09:00 02/03/2026');
    expect(first.getCell(8).value).toBe('15:30 02/03/2026');
    expect(sheet.getRow(LEDGER_HEADER_ROW + 3).getCell(4).value).toBe('Lương Thế Vỹ');
    expect(sheet.rowCount).toBe(LEDGER_HEADER_ROW + 5);
  });
});
