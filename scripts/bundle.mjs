#!/usr/bin/env node
// Bundles the compiled library (dist/index.js) and CLI (dist/cli/main.js) into dist/bundle/ with
// esbuild: one ESM entry each, shared code in common chunks, lazily imported command modules in
// chunks of their own. Node 20 has no module compile cache, so a CLI made of ~300 small modules
// spends most of its start-up finding and compiling them; the bundle starts several times faster.
// The pure-JS drivers pg and mysql2 are bundled too, each in the chunk its dialect's driver
// imports on first connect (a SQLite command never loads them): one file instead of ~100 found
// and read one by one; so is umzug's core, in the chunk a run imports when it has steps to run.
// better-sqlite3 (a native addon) and jiti (TypeScript loading) stay external: they load from
// node_modules only when used. The package's "exports" and bin/retort point at the bundle; the
// per-module build in dist/ keeps the type declarations.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });

/** Data files written next to the chunks (file name -> JSON text), and the folder they go to. */
const dataFiles = new Map();
const DATA_DIR = 'retort-data';

/**
 * A module evaluating to `value`, a dependency's data: `JSON.parse` of its text (V8 parses JSON text
 * much faster than an object literal). From 32 KB on, the JSON goes to a file of its own that
 * require() reads when a module first asks for it, so that it does not weigh on the parsing of
 * its chunk: iconv-lite's code-page tables (~400 KB) and the AWS certificates (~180 KB), which
 * mysql2 rarely needs. `esModule`: the module marks its exports `__esModule` (TypeScript's output).
 */
function dataModule(path, value, esModule = false) {
  const json = JSON.stringify(value);
  const inChunk = json.length + 5 * (json.match(/[^\x00-\x7f]/g)?.length ?? 0); // esbuild writes \uXXXX
  let contents;
  if (inChunk < 32_768) {
    contents = `module.exports = JSON.parse(${JSON.stringify(json)});`;
  } else {
    const name = `${basename(path).replace(/\.(c?js|json)$/, '')}-${createHash('sha256').update(json).digest('hex').slice(0, 8)}.json`;
    dataFiles.set(name, json);
    contents = `module.exports = require(${JSON.stringify(`./${DATA_DIR}/${name}`)});`;
  }
  if (esModule) contents += ' Object.defineProperty(module.exports, "__esModule", { value: true });';
  return { contents, loader: 'js' };
}

/** True for strings, finite numbers, booleans, null, and arrays and plain objects of them whose properties are all enumerable. */
function isPlainData(value, skip = () => false) {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  const isArray = Array.isArray(value);
  if (!isArray && (proto === null || Object.getPrototypeOf(proto) !== null)) return false; // an Object.prototype of some realm
  const names = Object.getOwnPropertyNames(value).filter((n) => !(isArray && n === 'length') && !skip(n));
  return names.every((n) => Object.prototype.propertyIsEnumerable.call(value, n) && isPlainData(value[n]));
}

/** True when `exports` carries TypeScript's `__esModule` mark: non-enumerable, true. */
function hasEsModuleMark(exports) {
  const mark = Object.getOwnPropertyDescriptor(exports, '__esModule');
  return mark !== undefined && mark.value === true && !mark.enumerable;
}

// Data tables shipped as code load slowly: mysql2's error-code table is ~8,000 assignments
// (`exports.ER_X = 1062; exports[1062] = 'ER_X';`) that took ~9 ms to run on every connect.
// A dependency's .json file, and a CommonJS module of at least 16 KB that evaluates with nothing
// but `module` and `exports` to plain data (TypeScript's `__esModule` mark aside), are bundled as
// data modules (above) of the same value.
// A module that needs anything else (require, process, ...) fails to evaluate so and stays as it is.
const dataTables = {
  name: 'data-tables-as-json',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^\\./${DATA_DIR}/`) }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.json$/ }, (args) => dataModule(args.path, JSON.parse(readFileSync(args.path, 'utf8'))));
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (source.length < 16_384 || /\brequire\s*\(/.test(source)) return undefined;
      const module = { exports: {} };
      try {
        runInNewContext(source, { module, exports: module.exports }, { filename: args.path, timeout: 1000 });
      } catch {
        return undefined;
      }
      const esModule = hasEsModuleMark(module.exports);
      return isPlainData(module.exports, (n) => esModule && n === '__esModule') ? dataModule(args.path, module.exports, esModule) : undefined;
    });
  },
};

// `import { readFileSync } from "node:fs"` makes Node build the builtin's ES module facade, which
// reads every export once: fs's lazily loaded streams, and util's and net's extras, load then
// (2-3 ms of start-up, for nothing). So the chunks' imports of builtins become require() calls,
// `const { readFileSync } = require("node:fs");`, put on the chunk's first line after the banner
// that defines require (where they run before any code of the chunk, as imports would), with
// blank lines left in place of the import statements so that the source maps still hold.
const BUILTIN_IMPORT = /^import (?:(\w+)|\* as (\w+)|(\{[^}]*\})) from "(?:node:)?([a-z_/]+)";$/gm;
function finishChunk(code) {
  const required = [];
  const body = code.replace(BUILTIN_IMPORT, (statement, name, namespace, named, module) => {
    if (!builtinModules.includes(module)) return statement;
    const binding = name ?? namespace ?? named.replace(/(\w+) as (\w+)/g, '$1: $2').replace(/\s+/g, ' ');
    required.push(`const ${binding} = require("node:${module}");`);
    return '\n'.repeat(statement.split('\n').length - 1);
  });
  const firstLine = body.indexOf('\n');
  const banner = body.slice(0, firstLine);
  const rest = body.slice(firstLine);
  // a chunk that never calls require does without the banner (createRequire costs ~0.03 ms a chunk)
  if (required.length === 0 && !/\brequire\b/.test(rest)) return rest;
  return `${banner}${required.map((r) => ` ${r}`).join('')}${rest}`;
}

// umzug's core requires its CLI module and tinyglobby, which retort replaces with the stand-ins of
// src/migrations/umzug-stubs.ts: the bundle binds them here, and drops the module that puts them
// into Node's CommonJS cache for unbundled runs.
const umzugStubs = {
  name: 'umzug-stubs',
  setup(b) {
    const stubs = `${root}dist/migrations/umzug-stubs.js`;
    const exportOf = { './cli': 'cliStub', tinyglobby: 'tinyglobbyStub' };
    b.onResolve({ filter: /^(\.\/cli|tinyglobby)$/ }, (args) =>
      /[\\/]umzug[\\/]lib[\\/]umzug\.js$/.test(args.importer) ? { path: args.path, namespace: 'umzug-stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'umzug-stub' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(stubs)}).${exportOf[args.path]};`, loader: 'js', resolveDir: root }));
    b.onLoad({ filter: /[\\/]dist[\\/]migrations[\\/]umzug-install-stubs\.js$/ }, () => ({ contents: '', loader: 'js' }));
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: { index: 'dist/index.js', cli: 'dist/cli/main.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: ['pg-native', 'better-sqlite3', 'jiti'],
  plugins: [dataTables, umzugStubs],
  // bundled CommonJS dependencies (yargs' helpers, generic-pool, the drivers) and the builtins call
  // require(); finishChunk drops the banner from chunks that never do
  banner: { js: "import { createRequire as __retortCreateRequire } from 'node:module'; const require = __retortCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  write: false,
});
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.path.endsWith('.js') ? finishChunk(file.text) : file.contents);
}
mkdirSync(join(outdir, DATA_DIR), { recursive: true });
for (const [name, json] of dataFiles) writeFileSync(join(outdir, DATA_DIR, name), json);
