// Public API of the data-exchange gateway's rules: the message log and its verification, rate
// limits and quotas, purposes. Pure.
export * from './message-log.ts';
export * from './limits.ts';
export * from './purposes.ts';
