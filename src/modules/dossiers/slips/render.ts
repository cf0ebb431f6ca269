// Renders a slip to PDF with pdfmake, from data only: the document definition is built from the
// SlipInput (every string in NFC), the Tinos faces are embedded, nothing is fetched or read per
// render. pdfmake is loaded on the first render (about 0.1 s of every start otherwise).
import { readFileSync } from 'node:fs';
import type PdfMakeModule from 'pdfmake';
import { receiptLayout } from './forms/01-receipt.ts';
import { supplementLayout } from './forms/02-supplement.ts';
import { refusalLayout } from './forms/03-refusal.ts';
import { apologyLayout } from './forms/04-apology.ts';
import { controlLayout } from './forms/05-control.ts';
import { ledgerLayout } from './forms/06-ledger.ts';
import { stopNoticeLayout } from './forms/stop-notice.ts';
import { normalizeStrings } from './format.ts';
import { FONT_FAMILY, slipDocument, type SlipFrame, type SlipLayout } from './layout.ts';
import { formLabel, type FormLabels, type SlipInput, type SlipKind, type SlipNumbering } from './types.ts';

const FACES = { normal: 'Regular', bold: 'Bold', italics: 'Italic', bolditalics: 'BoldItalic' } as const;

/** pdfmake's in-memory file store (on its Node instance, not in its type declarations). */
interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

type PdfMake = typeof PdfMakeModule;
let ready: Promise<PdfMake> | undefined;

/**
 * pdfmake, set up once per process: the four Tinos faces into its in-memory store (so renders
 * read no file), the family registered, and URL and local-file access refused: documents are
 * built from data and never load anything by name. Slips, result documents and the published
 * quality month all render through it.
 */
export function pdfMakeReady(): Promise<PdfMake> {
  return (ready ??= import('pdfmake').then(({ default: pdfMake }) => {
    setUp(pdfMake);
    return pdfMake;
  }));
}

function setUp(pdfMake: PdfMake): void {
  const vfs = (pdfMake as unknown as { virtualfs: VirtualFs }).virtualfs;
  const family: Record<string, string> = {};
  for (const [face, file] of Object.entries(FACES)) {
    const name = `motcua-slips/Tinos-${file}.ttf`;
    vfs.writeFileSync(name, readFileSync(new URL(`./fonts/Tinos-${file}.ttf`, import.meta.url)));
    family[face] = name;
  }
  pdfMake.addFonts({ [FONT_FAMILY]: family });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy(() => false);
}

type LayoutOf = { [K in SlipKind]: (input: Extract<SlipInput, { kind: K }>) => SlipLayout };

const LAYOUTS: LayoutOf = {
  '01': receiptLayout,
  '02': supplementLayout,
  '03': refusalLayout,
  '04': apologyLayout,
  '05': controlLayout,
  '06': ledgerLayout,
  stop: stopNoticeLayout,
};

function layoutOf(input: SlipInput): SlipLayout {
  return (LAYOUTS[input.kind] as (input: SlipInput) => SlipLayout)(input);
}

/**
 * The slip as an A4 PDF in the Decree 30/2020 layout. `numbering` chooses the form labels: a
 * numbering in force, or a table of one's own (see FORM_NUMBERINGS).
 */
export async function renderSlipPdf(input: SlipInput, numbering: SlipNumbering | FormLabels): Promise<Buffer> {
  const pdfMake = await pdfMakeReady();
  const slip = normalizeStrings(input);
  const frame: SlipFrame = { agency: slip.agency, issuedAt: slip.issuedAt };
  if (slip.number) frame.number = slip.number;
  const label = formLabel(slip.kind, numbering);
  if (label) frame.label = label;
  if (slip.kind !== '06') frame.lookup = { lookup: slip.lookup, code: slip.dossier.code };
  return pdfMake.createPdf(slipDocument(frame, layoutOf(slip))).getBuffer();
}
