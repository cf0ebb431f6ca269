// Public API of the dossier slips: the dossiers module maps its state to a SlipInput and serves
// the rendered bytes.
export type * from './types.ts';
export { FORM_NUMBERINGS, formLabel } from './types.ts';
export { FONT_FAMILY, lookupUrl } from './layout.ts';
export { renderSlipPdf, pdfMakeReady } from './render.ts';
export { renderLedgerXlsx } from './ledger-xlsx.ts';
