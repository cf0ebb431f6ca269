// Who is making a request: the types live in src/core/access (pure); identity builds them from
// sessions (sessions/store.ts). Kept as a re-export for modules that import them from here.
export * from '../../core/access/principal.ts';
