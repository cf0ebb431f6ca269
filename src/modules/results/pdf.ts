// The result document as PDF: the template filled from the dossier (an HTML template converted to
// a pdfmake document, or a pdfmake template; the Tinos faces the slips use, every string NFC), the QR code of the verification page (qrcode, as SVG), then a
// PAdES B-B signature (@libpdf/core: ETSI.CAdES.detached with the signing-certificate-v2
// attribute). No timestamp authority is reachable from the embedded default, so B-T is not
// produced: the signing time is the signer's claim.
import { readFileSync } from 'node:fs';
import { PDF, type Signer } from '@libpdf/core';
import pdfMake from 'pdfmake';
import QRCode from 'qrcode';
import { fillHtmlTemplate, fillTemplate, replaceQr, type ResultTemplate, type TemplateField } from '../../core/results/index.ts';
import { htmlToDefinition } from './html-template.ts';

const FAMILY = 'MotcuaResult';
const FACES = { normal: 'Regular', bold: 'Bold', italics: 'Italic', bolditalics: 'BoldItalic' } as const;
/** The keyword that carries the result code in the PDF's document information (read back by verification). */
export const CODE_KEYWORD = 'motcua-result:';

interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

let ready = false;
function setUpPdfMake(): void {
  if (ready) return;
  const vfs = (pdfMake as unknown as { virtualfs: VirtualFs }).virtualfs;
  const family: Record<string, string> = {};
  for (const [face, file] of Object.entries(FACES)) {
    const name = `motcua-results/Tinos-${file}.ttf`;
    // The Tinos faces (OFL) committed with the slips.
    vfs.writeFileSync(name, readFileSync(new URL(`../dossiers/slips/fonts/Tinos-${file}.ttf`, import.meta.url)));
    family[face] = name;
  }
  pdfMake.addFonts({ [FAMILY]: family });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy(() => false);
  ready = true;
}

export interface ResultDocumentInput {
  template: ResultTemplate;
  fields: Partial<Record<TemplateField, string>>;
  form: Record<string, unknown>;
  code: string;
  verifyUrl: string;
  title: string;
  author: string;
  /** Text laid across every page (the editor's preview: "BẢN XEM TRƯỚC"); never on an issued result. */
  watermark?: string;
}

/** The unsigned PDF of a result. */
export async function renderResultPdf(input: ResultDocumentInput): Promise<Uint8Array> {
  setUpPdfMake();
  const svg = await QRCode.toString(input.verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const fields = { ...input.fields, 'result.code': input.code, 'result.verifyUrl': input.verifyUrl };
  const qr = (node: Record<string, unknown>) => {
    const size = typeof node.fit === 'number' && node.fit > 24 && node.fit < 400 ? node.fit : 96;
    return { svg, width: size, height: size, ...(typeof node.alignment === 'string' ? { alignment: node.alignment } : {}) };
  };
  const filled = (
    input.template.format === 'html'
      ? replaceQr(await htmlToDefinition(fillHtmlTemplate(input.template.html, fields, input.form)), qr)
      : fillTemplate(input.template.definition, fields, input.form, qr)
  ) as Record<string, unknown>;
  const doc = {
    ...filled,
    defaultStyle: { ...((filled.defaultStyle as Record<string, unknown> | undefined) ?? {}), font: FAMILY },
    ...(input.watermark ? { watermark: { text: input.watermark.normalize('NFC'), color: '#b00020', opacity: 0.25, bold: true, font: FAMILY } } : {}),
    info: { title: input.title.normalize('NFC'), author: input.author.normalize('NFC'), subject: input.code, keywords: `${CODE_KEYWORD}${input.code}`, creator: 'motcua' },
  };
  const bytes = await pdfMake.createPdf(doc as never).getBuffer();
  return new Uint8Array(bytes);
}

/** Signs a PDF (PAdES B-B). */
export async function signPdf(bytes: Uint8Array, signer: Signer, options: { reason: string; location: string; signingTime: Date }): Promise<Uint8Array> {
  const pdf = await PDF.load(bytes);
  const { bytes: signed } = await pdf.sign({
    signer,
    reason: options.reason.normalize('NFC'),
    location: options.location.normalize('NFC'),
    signingTime: options.signingTime,
    level: 'B-B',
    subFilter: 'ETSI.CAdES.detached',
    digestAlgorithm: 'SHA-256',
  });
  return signed;
}

/** The result code a PDF of this system names in its document information, if any. */
export function codeInPdf(bytes: Uint8Array): string | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return new RegExp(`${CODE_KEYWORD}([A-Z0-9.-]{6,64})`).exec(text)?.[1];
}
