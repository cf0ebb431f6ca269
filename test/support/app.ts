// Builds the real application over a fresh test database (PGlite in memory, or a fresh
// PostgreSQL database when DATABASE_URL is set).
import { loadConfig, type Config } from '../../src/config.ts';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing.ts';
import { buildApp, type App } from '../../src/server.ts';

export interface TestApp {
  app: App;
  database: TestDatabase;
  db: TestDatabase['db'];
  config: Config;
  close(): Promise<void>;
}

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ADMIN_API_TOKEN: TEST_ADMIN_TOKEN,
    ...env,
  });
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The app listening on a free loopback port, for browser tests and HTTP clients. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestApp & { url: string }> {
  const testApp = await createTestApp(env);
  const address = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...testApp, url: address };
}
