// Commands of the population database emulator (registered by src/cli.ts):
//   motcua population generate --count N [--seed S] [--reset]   fill the emulator's tables
//   motcua population sample [--count 5] [--from 0] [--json]    print generated people (no database)
//   motcua emulator population [--port 4002] [--people 10000]   run the emulator standalone
import { InvalidArgumentError, type Command } from 'commander';
import type { Config } from '../../config.ts';
import { openDatabase, openPglite, type Database } from '../../db/database.ts';
import { generatePopulation, progressBar, SeedMismatchError, seedEmulatorIfEmpty } from './generate.ts';
import { POPULATION_CAPACITY, syntheticCitizen } from './generator.ts';
import { startPopulationEmulator } from './server.ts';

const intArg = (min: number, max: number) => (value: string) => {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expects an integer ${min}–${max}`);
  return n;
};

const fmt = (n: number) => n.toLocaleString('en-US');

export function registerPopulationCommands(
  program: Command,
  emulatorGroup: Command,
  helpers: { config: () => Config; fail: (message: string) => Error },
): void {
  const population = program.command('population').description('national population database emulator: synthetic population');

  population
    .command('generate')
    .description('generate N synthetic people into the emulator’s tables (resumes; COPY on PostgreSQL)')
    .requiredOption('--count <n>', 'how many people the emulator should hold', intArg(0, POPULATION_CAPACITY))
    .option('--seed <s>', 'generator seed', intArg(0, 4_294_967_295), 1)
    .option('--reset', 'delete the emulator’s people first')
    .option('--chunk <n>', 'rows per transaction', intArg(100, 10_000_000))
    .action(async (opts: { count: number; seed: number; reset?: boolean; chunk?: number }) => {
      const cfg = helpers.config();
      const database = await openDatabase(cfg);
      const bar = progressBar(process.stderr);
      try {
        const result = await generatePopulation(
          { db: database.db, kind: database.kind, url: cfg.DATABASE_URL },
          { count: opts.count, seed: opts.seed, reset: opts.reset ?? false, ...(opts.chunk ? { chunkSize: opts.chunk } : {}), onProgress: bar.update, onIndexing: () => { bar.finish(); process.stderr.write('building indexes…\n'); } },
        );
        bar.finish();
        const seconds = result.ms / 1000;
        process.stdout.write(
          `generated ${fmt(result.inserted)} people (seed ${result.seed}) in ${seconds.toFixed(1)} s` +
            `${result.inserted > 0 ? ` (${fmt(Math.round(result.inserted / seconds))}/s)` : ''}; ` +
            `the emulator holds ${fmt(result.total)} (${database.kind})\n`,
        );
      } catch (error) {
        bar.finish();
        if (error instanceof SeedMismatchError || error instanceof RangeError) throw helpers.fail(error.message);
        throw error;
      } finally {
        await database.close();
      }
    });

  population
    .command('sample')
    .description('print generated people (tab-separated: index, personal ID, full name, birth date, gender, province)')
    .option('--count <n>', 'how many', intArg(1, 10_000), 5)
    .option('--from <index>', 'first index', intArg(0, POPULATION_CAPACITY - 1), 0)
    .option('--seed <s>', 'generator seed', intArg(0, 4_294_967_295), 1)
    .option('--json', 'print whole records as JSON lines')
    .action((opts: { count: number; from: number; seed: number; json?: boolean }) => {
      for (let i = opts.from; i < Math.min(POPULATION_CAPACITY, opts.from + opts.count); i++) {
        const p = syntheticCitizen(i, opts.seed);
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(p)}\n`
            : `${p.index}\t${p.personalId}\t${p.fullName}\t${p.birthDate}\t${p.gender}\t${p.permanentAddress.provinceCode}\n`,
        );
      }
    });

  emulatorGroup
    .command('population')
    .description('run the national population database emulator on its own port (its protocol: src/emulators/population/server.ts)')
    .option('--port <port>', 'port', intArg(0, 65_535), 4002)
    .option('--host <host>', 'interface', '127.0.0.1')
    .option('--people <n>', 'people generated when its tables are empty', intArg(0, POPULATION_CAPACITY))
    .option('--seed <s>', 'generator seed', intArg(0, 4_294_967_295))
    .option('--integration-code <code>', 'accepted MaTichHop (default POPULATION_INTEGRATION_CODE)')
    .option('--api-key <key>', 'accepted API key (default POPULATION_API_KEY, else random)')
    .option('--memory', 'keep the data in memory (default when DATABASE_URL is unset)')
    .action(async (opts: { port: number; host: string; people?: number; seed?: number; integrationCode?: string; apiKey?: string; memory?: boolean }) => {
      const cfg = helpers.config();
      // With PostgreSQL the emulator keeps its schema in that database; otherwise in memory, since
      // the embedded database folder belongs to the motcua server.
      const database: Database = cfg.DATABASE_URL && !opts.memory ? await openDatabase(cfg) : await openPglite();
      const people = opts.people ?? cfg.POPULATION_EMULATOR_PEOPLE;
      const seed = opts.seed ?? cfg.POPULATION_EMULATOR_SEED;
      const code = opts.integrationCode ?? cfg.POPULATION_INTEGRATION_CODE;
      const key = opts.apiKey ?? cfg.POPULATION_API_KEY;
      const bar = progressBar(process.stderr);
      const seeded = await seedEmulatorIfEmpty({ db: database.db, kind: database.kind, url: cfg.DATABASE_URL }, people, seed);
      if (seeded) bar.finish();
      const server = await startPopulationEmulator({ db: database.db, credentials: { [code]: key }, port: opts.port, host: opts.host });
      process.stdout.write(
        `population database emulator on ${server.url} (${database.kind}${seeded ? `, ${fmt(seeded.inserted)} people generated` : ''})\n` +
          `  POPULATION_API_URL=${server.url}\n  POPULATION_INTEGRATION_CODE=${code}\n  POPULATION_API_KEY=${key}\n`,
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      await database.close();
    });
}
