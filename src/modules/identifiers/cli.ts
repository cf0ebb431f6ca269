// Command-line identifier checks (`./bin/motcua id ...`). The output (one JSON line; exit code 1
// for an invalid number) is a scripted interface: keep it stable.
import type { Command } from 'commander';
import { checkPersonalId } from '../../core/identifiers/index.ts';

export interface IdentifierCliSupport {
  out(line: string): void;
  /** Sets the process exit code without stopping (the line is still printed). */
  setExitCode(code: number): void;
}

export function registerIdentifierCommands(program: Command, support: IdentifierCliSupport): void {
  const id = program.command('id').description('identifiers defined by law');
  id.command('check')
    .description('check a personal identification number (12 digits) or legacy CMND (9 digits)')
    .argument('<number>')
    .action((value: string) => {
      const result = checkPersonalId(value);
      if (result.valid) {
        support.out(JSON.stringify(result));
      } else {
        support.out(JSON.stringify({ valid: false, reason: result.reason, code: result.code }));
        support.setExitCode(1);
      }
    });
}
