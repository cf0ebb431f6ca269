// What the server and the web app share about digitization and the data warehouse: plain values,
// no library (the Zod schemas on the server are built from them).
export { DIGITIZATION_CHECKS, DOCUMENT_TYPE_NAMES, EXEMPTIONS, type DigitizationCheck, type Exemption } from '../core/digitization/vocabulary.ts';
