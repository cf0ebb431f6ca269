// Public API of the ratings and PAKN rules: the PAKN lifecycle, its 766 time limits, escalation
// and the rating criteria. Pure.
export * from './lifecycle.ts';
export * from './deadlines.ts';
export * from './escalation.ts';
export * from './rating.ts';
