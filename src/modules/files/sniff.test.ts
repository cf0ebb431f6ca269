import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sniff } from './sniff.ts';
import { DOCX_SAMPLE, EXE_SAMPLE, JPEG_SAMPLE, PNG_SAMPLE, TIFF_SAMPLE, ZIP_SAMPLE, compoundFile, pdfSample, xlsxSample, zipOf } from './testing.ts';

const xlsx = await xlsxSample();
const bom = Buffer.from([0xef, 0xbb, 0xbf]);

describe('sniff', () => {
  it.each([
    ['a PDF', pdfSample(), 'x.bin', 'pdf', 'application/pdf'],
    ['a PNG', PNG_SAMPLE, 'anh.jpg', 'png', 'image/png'],
    ['a JPEG', JPEG_SAMPLE, undefined, 'jpg', 'image/jpeg'],
    ['a TIFF', TIFF_SAMPLE, 'scan.pdf', 'tiff', 'image/tiff'],
    ['a docx', DOCX_SAMPLE, 'don.zip', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an xlsx (exceljs)', xlsx, 'bang.docx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['a plain zip', ZIP_SAMPLE, 'ho-so.docx', 'zip', 'application/zip'],
    ['an XML declaration', Buffer.from('<?xml version="1.0" encoding="UTF-8"?><HoSo/>'), 'a.pdf', 'xml', 'application/xml'],
    ['XML after a UTF-8 BOM', Buffer.concat([bom, Buffer.from('<?xml version="1.0"?>\n<a/>')]), undefined, 'xml', 'application/xml'],
    ['XML in UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0"?><a/>', 'utf16le')]), undefined, 'xml', 'application/xml'],
    ['a Word 97 document', compoundFile(['WordDocument', '1Table', 'SummaryInformation']), 'x.xls', 'doc', 'application/msword'],
    ['an Excel 97 workbook', compoundFile(['Workbook', 'SummaryInformation']), 'x.doc', 'xls', 'application/vnd.ms-excel'],
    ['an Excel 5 workbook', compoundFile(['Book']), undefined, 'xls', 'application/vnd.ms-excel'],
    ['a compound file without directory, named .xls', compoundFile([]).subarray(0, 512), 'bang-ke.xls', 'xls', 'application/vnd.ms-excel'],
  ])('recognizes %s', async (_label, bytes, name, format, mediaType) => {
    expect(await sniff(bytes, name)).toEqual({ ok: true, format, mediaType });
    // The same from a stream of the content, as uploads are sniffed.
    expect(await sniff(() => Readable.from([bytes]), name)).toEqual({ ok: true, format, mediaType });
  });

  it.each([
    ['a Windows executable named .pdf', EXE_SAMPLE, 'hop-dong.pdf', 'exe'],
    ['plain text named .xml (no declaration)', Buffer.from('<HoSo></HoSo>'), 'a.xml', 'unknown'],
    ['plain text named .doc', Buffer.from('Xin chào'), 'a.doc', 'unknown'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'a.png', 'gif'],
    ['a PowerPoint file named .doc', compoundFile(['PowerPoint Document', 'Current User']), 'a.doc', 'cfb'],
    ['an unreadable compound file named .ppt', compoundFile([]).subarray(0, 512), 'a.ppt', 'cfb'],
    ['an OpenDocument text (a zip, but not an accepted one)', zipOf({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<a/>' }), 'a.zip', 'odt'],
    ['an empty file', Buffer.alloc(0), 'a.pdf', 'unknown'],
  ])('refuses %s, naming what it is', async (_label, bytes, name, detected) => {
    const result = await sniff(bytes, name);
    expect(result).toMatchObject({ ok: false, detected });
  });

  it('reads the OOXML type even when the content-types entry is far into the archive', async () => {
    const big = zipOf({
      'word/media/image1.png': Buffer.concat([PNG_SAMPLE, Buffer.alloc(20_000, 1)]),
      '[Content_Types].xml':
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      'word/document.xml': '<w:document/>',
    });
    expect(await sniff(() => Readable.from([big.subarray(0, 5000), big.subarray(5000)]), 'a.docx')).toMatchObject({ ok: true, format: 'docx' });
  });
});
