// The one page layout every slip shares, after Decree 30/2020/NĐ-CP Appendix I (thể thức văn
// bản hành chính): A4, the agency block top left, the national motto top right, the place and
// date line, the title, the body, the signatures; plus the form label, the lookup QR code and
// page numbers. Each slip only supplies its title, body and signers (see forms/).
import type { Column, Content, ContentStack, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { placeAndDate } from './format.ts';
import type { SlipAgency, SlipLookup } from './types.ts';

export const FONT_FAMILY = 'Tinos';

const MM = 72 / 25.4;
/**
 * Decree 30/2020 Appendix I: top and bottom margins 20–25 mm, left 30–35 mm, right 15–20 mm.
 * pdfmake's order is [left, top, right, bottom].
 */
const MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
const A4_MM = { width: 210, height: 297 };

/** Body text 13 pt (Decree 30: 13–14); tables smaller so that their columns fit. */
const BODY_SIZE = 13;

export interface Signer {
  /** Upper-case caption, e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ". */
  caption: string;
  name?: string;
  /** Under the caption; defaults to "(Ký, ghi rõ họ tên)". */
  hint?: string;
}

export interface SlipLayout {
  /** Title lines, bold and centred; the first one is upper case. */
  title: string[];
  body: Content[];
  signers: Signer[];
  orientation?: 'portrait' | 'landscape';
}

export interface SlipFrame {
  agency: SlipAgency;
  number?: string;
  issuedAt: string;
  /** Printed in the top corner of the first page, e.g. "Mẫu số 01". */
  label?: string;
  /** The QR code and lookup caption, for slips about one dossier. */
  lookup?: { lookup: SlipLookup; code: string };
}

/** The public lookup address of a dossier: the QR code carries it whole, code and secret included. */
export function lookupUrl(lookup: SlipLookup, code: string): string {
  const url = new URL(lookup.url);
  url.searchParams.set('code', code);
  url.searchParams.set('key', lookup.secret);
  return url.toString();
}

// ---- building blocks the forms use -------------------------------------------------------------

/** A body paragraph, justified with a first-line indent (Decree 30: 1–1.27 cm). */
export function paragraph(text: string | Content[], extra: { bold?: boolean; italics?: boolean } = {}): Content {
  return {
    text: text as string,
    alignment: 'justify',
    leadingIndent: 10 * MM,
    margin: [0, 0, 0, 4],
    ...extra,
  };
}

/** "Label: value", the value in bold when it is the point of the line. */
export function field(label: string, value: string | undefined, bold = false): Content {
  return {
    text: [`${label}: `, { text: value && value.length > 0 ? value : '…………………………', bold }],
    margin: [0, 0, 0, 3],
  };
}

/** A bordered table with a repeated header row. */
export function grid(
  headers: string[],
  rows: (string | TableCell)[][],
  widths: (number | '*' | 'auto')[],
  fontSize = 11,
): Content {
  const head: TableCell[] = headers.map((h) => ({ text: h, bold: true, alignment: 'center' }));
  return {
    table: { headerRows: 1, widths, body: [head, ...rows], dontBreakRows: true },
    fontSize,
    margin: [0, 4, 0, 8],
  };
}

/** A numbered list of plain lines ("1. …"). */
export function numbered(lines: string[]): Content {
  return { ol: lines, margin: [10 * MM, 0, 0, 6] };
}

// ---- the frame ---------------------------------------------------------------------------------

function contentWidth(orientation: 'portrait' | 'landscape'): number {
  const pageWidth = (orientation === 'portrait' ? A4_MM.width : A4_MM.height) * MM;
  return pageWidth - MARGINS[0] - MARGINS[2];
}

/** A horizontal rule of a given length, centred in a column. */
function rule(columnWidth: number, length: number): Content {
  const x1 = (columnWidth - length) / 2;
  return { canvas: [{ type: 'line', x1, y1: 1, x2: x1 + length, y2: 1, lineWidth: 0.6 }], margin: [0, 1, 0, 4] };
}

function headerBlock(frame: SlipFrame, width: number): Content {
  const leftWidth = Math.round(width * 0.42);
  const rightWidth = width - leftWidth;
  const agency: Content[] = [];
  if (frame.agency.parentName) agency.push({ text: frame.agency.parentName.toUpperCase() });
  agency.push({ text: frame.agency.name.toUpperCase(), bold: true }, rule(leftWidth, leftWidth * 0.35));
  if (frame.number) agency.push({ text: `Số: ${frame.number}`, fontSize: BODY_SIZE });
  return {
    columns: [
      { width: leftWidth, stack: agency, alignment: 'center', fontSize: 12 },
      {
        width: rightWidth,
        alignment: 'center',
        stack: [
          // Decree 30 Appendix I: Quốc hiệu 12–13 pt bold upper case; Tiêu ngữ 13–14 pt bold,
          // words capitalised, hyphens spaced, a rule as long as the line beneath.
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 12 },
          { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 13 },
          rule(rightWidth, 160),
          { text: placeAndDate(frame.agency.place, frame.issuedAt), italics: true, fontSize: BODY_SIZE },
        ],
      },
    ],
    columnGap: 0,
  };
}

function lookupBlock(frame: NonNullable<SlipFrame['lookup']>): Content {
  const url = lookupUrl(frame.lookup, frame.code);
  return {
    columns: [
      { qr: url, fit: 84, eccLevel: 'M', width: 'auto' },
      {
        width: '*',
        fontSize: 11,
        margin: [8, 6, 0, 0],
        stack: [
          { text: 'Tra cứu tình trạng giải quyết hồ sơ', bold: true },
          { text: ['Mã hồ sơ: ', { text: frame.code, bold: true }] },
          { text: ['Mã tra cứu: ', { text: frame.lookup.secret, bold: true }] },
          { text: frame.lookup.url, italics: true },
        ],
      },
    ],
    margin: [0, 10, 0, 0],
    unbreakable: true,
  };
}

function signerStack(signer: Signer): ContentStack {
  return {
    stack: [
      { text: signer.caption.toUpperCase(), bold: true },
      { text: signer.hint ?? '(Ký, ghi rõ họ tên)', italics: true },
      { text: signer.name ?? ' ', bold: true, margin: [0, 56, 0, 0] },
    ],
    alignment: 'center',
  };
}

function signatureBlock(signers: Signer[]): Content {
  const columns: Column[] = signers.map((s) => ({ ...signerStack(s), width: '*' }));
  // One signer signs on the right half, as an agency's signature does.
  if (signers.length === 1) columns.unshift({ text: '', width: '*' });
  return { columns, margin: [0, 14, 0, 0], unbreakable: true };
}

/** The whole document: frame around the slip's own layout. */
export function slipDocument(frame: SlipFrame, layout: SlipLayout): TDocumentDefinitions {
  const orientation = layout.orientation ?? 'portrait';
  const width = contentWidth(orientation);
  const [first, ...rest] = layout.title;
  const content: Content[] = [
    headerBlock(frame, width),
    {
      stack: [{ text: (first ?? '').toUpperCase() }, ...rest.map((t) => ({ text: t }))],
      bold: true,
      fontSize: 14,
      alignment: 'center',
      margin: [0, 18, 0, 12],
    },
    ...layout.body,
  ];
  if (frame.lookup) content.push(lookupBlock(frame.lookup));
  if (layout.signers.length > 0) content.push(signatureBlock(layout.signers));
  const label = frame.label;
  return {
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: MARGINS,
    defaultStyle: { font: FONT_FAMILY, fontSize: BODY_SIZE, lineHeight: 1.15 },
    info: { title: layout.title.join(' '), creator: 'motcua' },
    // Decree 30 Appendix I: page numbers centred in the top margin, none on the first page.
    header: (currentPage: number) =>
      currentPage === 1
        ? label
          ? { text: label, alignment: 'right', bold: true, fontSize: 12, margin: [MARGINS[0], 8 * MM, MARGINS[2], 0] }
          : null
        : { text: String(currentPage), alignment: 'center', fontSize: BODY_SIZE, margin: [0, 10 * MM, 0, 0] },
    content,
  };
}
