// The help texts of the motcua command line are read by operators who have only this repository:
// a help text may point to a file of it (docs/OPERATIONS.md), never to a document they cannot
// open (a "SPEC §4.4" of a specification that is not here). A static scan of the command
// sources: every string passed to commander (descriptions, options, arguments, help texts),
// without starting the CLI, which takes seconds per run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The files that define commands: src/cli.ts and every module's or emulator's cli.ts. */
const CLI_FILES = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => path.basename(file) === 'cli.ts')
  .map((file) => path.join('src', file))
  .sort();

/** Commander's methods and classes whose string arguments end up in `--help`. */
const HELP_METHODS = new Set(['command', 'description', 'summary', 'option', 'requiredOption', 'argument', 'addHelpText', 'usage', 'helpOption', 'alias']);
const HELP_CLASSES = new Set(['Command', 'Option', 'Argument']);

interface HelpText {
  file: string;
  line: number;
  text: string;
}

function helpTexts(file: string): HelpText[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: HelpText[] = [];
  const visit = (node: ts.Node) => {
    let args: readonly ts.Expression[] | undefined;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && HELP_METHODS.has(node.expression.name.text)) {
      args = node.arguments;
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && HELP_CLASSES.has(node.expression.text)) {
      args = node.arguments;
    }
    for (const arg of args ?? []) {
      // A template's literal parts are scanned; what it interpolates is a value, not a citation.
      const text = ts.isStringLiteralLike(arg)
        ? arg.text
        : ts.isTemplateExpression(arg)
          ? [arg.head.text, ...arg.templateSpans.map((span) => span.literal.text)].join(' ')
          : undefined;
      if (text !== undefined) found.push({ file, line: source.getLineAndCharacterOfPosition(arg.getStart()).line + 1, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const TOP_LEVEL = new Set(readdirSync(ROOT));
const FILE_EXTENSION = /\.(md|ts|tsx|js|json|ya?ml|xlsx|txt|sql|pdf)$/;

/** What is wrong with one help text: the documents it cites that the repository does not hold. */
function citationProblems(text: string): string[] {
  const problems: string[] = [];
  if (/\bSPEC\b/.test(text)) problems.push('cites SPEC, a document that is not in the repository');
  const withoutUrls = text.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ');
  // A path: segments joined by slashes, read as a file of the repository when it starts at one of
  // its top-level folders or names a file (an extension); "<url>/auth/callback" or
  // "766/QĐ-TTg" are neither. A bare *.md name is a document at the root.
  const paths = [
    ...[...withoutUrls.matchAll(/(?<![\w.-])(?:[\w.-]+\/)+[\w.-]*[\w-]/g)]
      .map((m) => m[0])
      .filter((p) => TOP_LEVEL.has(p.split('/')[0] ?? '') || FILE_EXTENSION.test(p)),
    ...[...withoutUrls.matchAll(/(?<![\w/.-])[\w.-]+\.md\b/g)].map((m) => m[0]),
  ];
  const present = paths.filter((p) => existsSync(path.join(ROOT, p)));
  for (const p of paths) if (!present.includes(p)) problems.push(`cites ${p}, which is not in the repository`);
  for (const [, number] of withoutUrls.matchAll(/\bADR[ -]?(\d{3})\b/g)) {
    if (!readdirSync(path.join(ROOT, 'docs/adr')).some((f) => f.startsWith(`${number}-`))) problems.push(`cites ADR ${number}, which is not in docs/adr`);
  }
  // A section sign needs the document it is a section of, named in the same text.
  if (text.includes('§') && present.length === 0) problems.push('cites a section (§) without a document of the repository');
  return problems;
}

describe('motcua help texts', () => {
  it('finds the commands of the server, the modules and the emulators', () => {
    expect(CLI_FILES).toEqual(expect.arrayContaining(['src/cli.ts', 'src/modules/calendar/cli.ts', 'src/emulators/population/cli.ts']));
    // A scan that reads nothing passes everything: the calendar's help must be among what it read.
    expect(helpTexts('src/modules/calendar/cli.ts').map((h) => h.text)).toContain(
      "enter or replace a year's official days off from a JSON file (see docs/OPERATIONS.md)",
    );
  });

  it('cite only documents that are in the repository', () => {
    const problems = CLI_FILES.flatMap(helpTexts).flatMap((h) => citationProblems(h.text).map((p) => `${h.file}:${h.line}: "${h.text}" ${p}`));
    expect(problems).toEqual([]);
  });

  it('flags a specification that is not here, a missing file and a bare section sign', () => {
    expect(citationProblems('run the population database emulator (SPEC §4.4 protocol) on its own port')).toEqual([
      'cites SPEC, a document that is not in the repository',
      'cites a section (§) without a document of the repository',
    ]);
    expect(citationProblems('see docs/population-protocol.md')).toEqual(['cites docs/population-protocol.md, which is not in the repository']);
    expect(citationProblems('see HANDBOOK.md')).toEqual(['cites HANDBOOK.md, which is not in the repository']);
    expect(citationProblems('see ADR 009')).toEqual(['cites ADR 009, which is not in docs/adr']);
    expect(citationProblems('see docs/OPERATIONS.md, ADR 004 and src/emulators/population/server.ts')).toEqual([]);
    expect(citationProblems('redirect <url>/auth/callback; issuer http://localhost:<port>/x.md; Decision 766/QĐ-TTg')).toEqual([]);
  });
});
