// `motcua portal-sync ...`: the counts by state with the oldest dossier not delivered, a retry of
// every dossier in error (a delivery job queued for each), and a clear refusal of bad input.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '../src/db/database.ts';
import { cliHarness, cliTimeout } from './support/cli.ts';

const harness = cliHarness({ name: 'portal-sync' });
const cli = harness.cli;
beforeAll(harness.setup);
afterAll(harness.teardown);

async function openCliDatabase(): Promise<Database> {
  return harness.databaseUrl ? openPostgres(harness.databaseUrl, 2) : openPglite(path.join(harness.dir, 'data'));
}

describe('motcua portal-sync', () => {
  it(
    'prints the counts, queues every dossier in error again, and refuses an unknown dossier',
    async () => {
      const empty = await cli('portal-sync', 'status');
      expect(empty.stdout).toBe('pending: 0\tsynced: 0\terror: 0\toldest not delivered: -\n');
      const database = await openCliDatabase();
      try {
        await database.db
          .insertInto('portal_sync')
          .values([
            { dossier_id: '00000000-0000-4000-8000-0000000000a1', dossier_code: 'G22.01.01-260302-0001', state: 'synced', wanted_seq: 3, synced_seq: 3, created_at: '2026-03-02T02:00:00Z' },
            { dossier_id: '00000000-0000-4000-8000-0000000000a2', dossier_code: 'G22.01.01-260302-0002', state: 'error', wanted_seq: 2, last_error: 'create: network', created_at: '2026-03-02T03:00:00Z' },
            { dossier_id: '00000000-0000-4000-8000-0000000000a3', dossier_code: 'G22.01.01-260303-0001', state: 'pending', wanted_seq: 1, created_at: '2026-03-03T03:00:00Z' },
          ])
          .execute();
      } finally {
        await database.close();
      }
      const status = await cli('portal-sync', 'status');
      expect(status.code).toBe(0);
      expect(status.stdout).toBe('pending: 1\tsynced: 1\terror: 1\toldest not delivered: G22.01.01-260302-0002 since 2026-03-02T10:00:00+07:00\n');

      const retry = await cli('portal-sync', 'retry', '--all-errors');
      expect(retry.stdout).toBe('queued: 1\n');
      const after = await openCliDatabase();
      try {
        const jobs = await after.db.selectFrom('job').select(['topic', 'key']).where('topic', '=', 'portal_sync.deliver').execute();
        expect(jobs).toEqual([{ topic: 'portal_sync.deliver', key: `00000000-0000-4000-8000-0000000000a2:${Date.parse('2026-03-02T03:00:00Z').toString(36)}:1` }]);
      } finally {
        await after.close();
      }

      const unknown = await cli('portal-sync', 'retry', '--dossier', 'G22.01.01-260101-9999');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toBe('motcua: no dossier G22.01.01-260101-9999 is queued for the national portal\n');
      const both = await cli('portal-sync', 'retry', '--all-errors', '--unqueued');
      expect(both.code).toBe(2);
      expect(both.stderr).toBe('motcua: give one of --dossier CODE, --all-errors, --unqueued\n');
    },
    cliTimeout(5),
  );
});
