export * from './permissions.ts';
export * from './principal.ts';
export * from './roles.ts';
export * from './unit-tree.ts';
