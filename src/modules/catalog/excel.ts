// The Excel exchange of the catalog: a workbook officials can fill in (docs/catalog-excel-template.md).
// One row per procedure on «Thủ tục»; components, fees, workflow steps, legal basis, publication
// decisions and the e-form (sections and fields) on their own sheets, linked by the procedure code.
// Reading reports every problem by sheet, row and column, in Vietnamese (and English); the
// result is the same CatalogExchange as the JSON import, so the same checks apply.
//   excel/layout.ts           sheets, columns, vocabularies
//   excel/write.ts            writing a catalog, the blank template
//   excel/read.ts             reading: excel/cells.ts (rows, typed cells), read-procedures.ts,
//                             read-lists.ts, read-eform.ts
export { CATALOG_XLSX_TYPE, SHEETS, VOCABULARIES } from './excel/layout.ts';
export { readCatalogWorkbook, type WorkbookRead } from './excel/read.ts';
export { templateWorkbook, writeCatalogWorkbook } from './excel/write.ts';
