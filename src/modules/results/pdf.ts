// The result document as PDF: the template filled from the dossier (an HTML template converted to
// a pdfmake document, or a pdfmake template; pdfmake set up as for the slips, every string NFC),
// the QR code of the verification page (qrcode, as SVG), then a PAdES B-B signature (@libpdf/core:
// ETSI.CAdES.detached with the signing-certificate-v2 attribute; loaded on the first signature). No timestamp authority is reachable from the embedded default, so B-T is not
// produced: the signing time is the signer's claim.
import type { Signer } from '@libpdf/core';
import QRCode from 'qrcode';
import { fillHtmlTemplate, fillTemplate, replaceQr, type ResultTemplate, type TemplateField } from '../../core/results/index.ts';
import { FONT_FAMILY, pdfMakeReady } from '../dossiers/module.ts';
import { htmlToDefinition } from './html-template.ts';

/** The keyword that carries the result code in the PDF's document information (read back by verification). */
export const CODE_KEYWORD = 'motcua-result:';

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
  const pdfMake = await pdfMakeReady();
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
    defaultStyle: { ...((filled.defaultStyle as Record<string, unknown> | undefined) ?? {}), font: FONT_FAMILY },
    ...(input.watermark ? { watermark: { text: input.watermark.normalize('NFC'), color: '#b00020', opacity: 0.25, bold: true, font: FONT_FAMILY } } : {}),
    info: { title: input.title.normalize('NFC'), author: input.author.normalize('NFC'), subject: input.code, keywords: `${CODE_KEYWORD}${input.code}`, creator: 'motcua' },
  };
  const bytes = await pdfMake.createPdf(doc as never).getBuffer();
  return new Uint8Array(bytes);
}

/** Signs a PDF (PAdES B-B). */
export async function signPdf(bytes: Uint8Array, signer: Signer, options: { reason: string; location: string; signingTime: Date }): Promise<Uint8Array> {
  const { PDF } = await import('@libpdf/core');
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
