// Identifier validators and generators of the one-stop system (domain spec §2.3, §4.1, §6, §10.6).
export * from './provinces.ts';
export * from './personal-id.ts';
export * from './agency-id.ts';
export * from './procedure-code.ts';
export * from './dossier-code.ts';
export { vnDateParts, isRealDate, VN_UTC_OFFSET_MS } from './vn-time.ts';
export type { VnDateParts } from './vn-time.ts';
