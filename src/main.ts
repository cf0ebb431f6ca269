// Starts motcua: configuration, database, migrations, HTTP server, graceful shutdown.
import { performance } from 'node:perf_hooks';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedUnits } from './modules/identity/seed/units.ts';
import { buildApp } from './server.ts';

export async function start(config: Config): Promise<void> {
  const startedAt = performance.now();
  const database = await openDatabase(config);
  try {
    if (config.MIGRATE_ON_START) await migrateToLatest(database.db);
    // Reference data: the ministry's units (missing ones only; administrators' edits are kept).
    await seedUnits(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const app = await buildApp({ config, database });
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(
    { database: database.kind, readyInMs: Math.round(performance.now() - startedAt) },
    `motcua ready on http://localhost:${(app.server.address() as { port: number }).port}`,
  );

  // Graceful shutdown: stop accepting, let in-flight requests finish (up to SHUTDOWN_TIMEOUT_MS),
  // then close the database. A second signal exits at once.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** Loads configuration or exits with one line naming the wrong variable. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await start(configOrExit());
}
