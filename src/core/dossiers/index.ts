// Public API of the dossier rules: statuses, actions, the reducer over the action log, deadlines
// and the hash chain. Pure.
export * from './status.ts';
export * from './actions.ts';
export * from './replay.ts';
export { GENESIS_HASH, canonicalJson, entryHash, firstBrokenLink, type ChainedEntry } from './chain.ts';
export { ACTION_AUTHORITY, type ActionAuthority } from './authority.ts';
export { WORKLIST_COUNT_CAP, countCapped } from './worklists.ts';
