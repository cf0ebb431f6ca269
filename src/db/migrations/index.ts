// Every migration, in order. A static list (not a folder scan) so that bundling, tsx and tests
// all see the same set.
import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.ts';

export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
};
