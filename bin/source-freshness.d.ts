// The types of source-freshness.js (plain JavaScript, loaded before any TypeScript loader).
export function newestMtime(target: string): number;
export const SERVER_SOURCES: string[];
export const SERVER_STAMP: string;
export const COMPILED_CLI: string;
export function newestServerSource(root: string): number;
export function compiledServerIsFresh(root: string): boolean;
