// Lint: a few rules that catch real faults, no style rules (formatting is not checked here).
// - Promises: a promise nobody awaits or handles (its failure is lost, or it races the next
//   step), and a promise passed where nothing waits for it.
// - Unused variables and imports.
// - Import cycles (type imports do not count: they vanish at run time).
// - Layers (the local rule below): src/core is pure; emulators stand apart from the modules; a
//   module uses another only through its module.ts or schema.ts (and a short allowlist); the web
//   app takes only the shared contracts from the server's sources (types from anywhere); a web page
//   imports no other page (what two pages share lives in a component or helper of the feature).
// Type information is used by the promise rules only; `npm run lint` checks the whole tree.
import path from 'node:path';
import { isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.join(ROOT, 'src');
const CORE = path.join(SRC, 'core');
const MODULES = path.join(SRC, 'modules');
const EMULATORS = path.join(SRC, 'emulators');
const CONTRACTS = path.join(SRC, 'contracts');
const WEB = path.join(ROOT, 'web');
const WEB_SRC = path.join(WEB, 'src');

/** Files of other modules that any module may use besides their module.ts and schema.ts. */
const SHARED_MODULE_FILES = ['audit/service.ts', 'audit/actions.ts', 'identity/units/directory.ts'].map((f) =>
  path.join(MODULES, f),
);
/** What the web app may import from outside web/ (besides `import type`). */
const WEB_MAY_IMPORT = [CONTRACTS];
/** Node built-ins that src/core may not use: it computes, it does no I/O. */
const IO_BUILTINS = new Set(['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'dgram', 'tls', 'child_process']);

const within = (file, dir) => {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};
const rel = (file) => path.relative(ROOT, file);

/** A page of the web app: a route's screen, named *Page.tsx (or *Pages.tsx for a few of them). */
const isWebPage = (file) => within(file, WEB_SRC) && /Pages?(\.tsx)?$/.test(path.basename(file));

/** The module (folder under src/modules) that a file belongs to, if any. */
const moduleOf = (file) => {
  if (!within(file, MODULES)) return undefined;
  const [first, ...rest] = path.relative(MODULES, file).split(path.sep);
  return rest.length ? first : undefined; // src/modules/module.ts belongs to no module
};

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports respect the layers of the code base (see eslint.config.js)' },
    schema: [],
  },
  create(context) {
    const file = context.physicalFilename;
    const inCore = within(file, CORE);
    // An emulator's own tests may check its wire format against motcua's production parser.
    const inEmulators = within(file, EMULATORS) && !/\.test\.tsx?$/.test(file);
    const inWeb = within(file, WEB_SRC);
    const inWebPage = isWebPage(file);
    const ownModule = moduleOf(file);
    if (!inCore && !inEmulators && !inWeb && !ownModule) return {};

    function check(node, specifier, typeOnly) {
      if (typeof specifier !== 'string') return;
      if (isBuiltin(specifier)) {
        const name = specifier.replace(/^node:/, '');
        if (inCore && IO_BUILTINS.has(name)) {
          context.report({ node, message: `src/core does no I/O: it may not import ${specifier}.` });
        }
        return;
      }
      if (!specifier.startsWith('.')) return; // a package
      const target = path.resolve(path.dirname(file), specifier);
      if (inCore && within(target, SRC) && !within(target, CORE)) {
        context.report({ node, message: `src/core may import nothing outside src/core (${rel(target)}).` });
      }
      if (inEmulators && within(target, MODULES)) {
        context.report({ node, message: `Emulators stand apart from the modules: no import of ${rel(target)}.` });
      }
      if (ownModule) {
        const other = moduleOf(target);
        if (other && other !== ownModule) {
          const base = path.basename(target);
          // A module's test support (testing.ts) serves other modules' tests and test support.
          const testSupport = base === 'testing.ts' && /(\.test\.ts|[/\\]testing\.ts)$/.test(context.filename);
          const allowed = base === 'module.ts' || base === 'schema.ts' || testSupport || SHARED_MODULE_FILES.includes(target);
          if (!allowed) {
            context.report({
              node,
              message: `Module "${ownModule}" may use module "${other}" only through its module.ts or schema.ts (${rel(target)}).`,
            });
          }
        }
      }
      // A page that imports another pulls that page (and all it imports) into its own chunk and
      // ties two routes' screens together: what they share belongs to a component of the feature.
      if (inWebPage && isWebPage(target) && target !== file) {
        context.report({
          node,
          message: `A page imports no other page: move what they share into a component or helper of the feature (${rel(target)}).`,
        });
      }
      if (inWeb && !within(target, WEB) && !WEB_MAY_IMPORT.some((dir) => within(target, dir)) && !typeOnly) {
        context.report({
          node,
          message: `The web app takes only ${WEB_MAY_IMPORT.map(rel).join(', ')} from the server's sources (or types: import type): ${rel(target)}.`,
        });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node.source, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value, false),
    };
  },
};

export default defineConfig(
  {
    ignores: ['node_modules/', 'dist/', 'web/dist/', 'data/', 'coverage/', '.ci-results/', '**/*.d.ts'],
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    },
    linterOptions: { reportUnusedDisableDirectives: 'off' }, // they may name rules of other setups
    plugins: {
      '@typescript-eslint': tseslint.plugin,
      'import-x': importX,
      local: { rules: { layers } },
    },
    settings: {
      // The cycle rule reads the files that a file imports: with which extensions and parser.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          ignoreRestSiblings: true,
        },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'local/layers': 'error',
    },
  },
  {
    // The rules that need types: the TypeScript project of the repository (tsconfig.json).
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: ROOT },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
);
