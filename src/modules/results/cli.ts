// Command-line results (`./bin/motcua results ...`): verify a signed result PDF as the public
// verification does, printing the same JSON. Exit codes: 0 valid and not revoked, 1 otherwise,
// 2 bad input (no such file, not a PDF).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { ResultsModule } from './module.ts';

export interface ResultCliSupport {
  withDatabase<T>(fn: (database: Database, cfg: Config) => Promise<T>): Promise<T>;
  resultsModule(database: Database, cfg: Config): Promise<ResultsModule>;
  out(line: string): void;
  fail(message: string): never;
  setExitCode(code: number): void;
}

export function registerResultCommands(program: Command, support: ResultCliSupport): void {
  const results = program.command('results').description('signed electronic results (kết quả điện tử)');
  results
    .command('verify')
    .description('verify a result PDF: its signatures, whether it is the document issued under its code, and whether it was revoked (exit 0 only when valid and not revoked)')
    .argument('<file>', 'the PDF')
    .action(async (file: string) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        support.setExitCode(2);
        return support.fail(`cannot read ${file}`);
      }
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
        support.setExitCode(2);
        return support.fail(`${file} is not a PDF`);
      }
      const answer = await support.withDatabase(async (database, cfg) => (await support.resultsModule(database, cfg)).service.verifyFile(new Uint8Array(bytes)));
      support.out(JSON.stringify(answer, null, 2));
      support.setExitCode(answer.valid && !answer.revoked ? 0 : 1);
    });
}
