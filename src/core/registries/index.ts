// Pure rules of the sector databases (registries).
export * from './reconcile.ts';
