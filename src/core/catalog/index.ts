// Pure rules of the procedure catalog: version checks, the seven public parts, the workflow time
// budget, version diffs and Vietnamese search folding.
export * from './types.ts';
export { checkVersionContent, type CheckContext, type VersionCheck } from './check.ts';
export { CONTENT_SECTIONS, diffContent, type ContentChange } from './diff.ts';
export { checkPublicParts, PUBLIC_PARTS, type PublicPart, type PublicPartsReport } from './public-parts.ts';
export { checkWorkflowBudget, formatDuration, NOMINAL, nominalWorkingHours, PROCESSING_TIME_UNITS, totalBudget, UNIT_NAMES } from './time.ts';
export { foldVietnamese, queryWords, searchWords, toSearchText } from './vietnamese.ts';
export { ProcedureContentSchema } from './content.ts';
export { contentFieldLabel } from './field-labels.ts';
