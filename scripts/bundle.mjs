#!/usr/bin/env node
// Bundles the compiled library and CLI (dist/, from tsc) into dist/bundle/ with esbuild:
// - retort.cjs: the library and the command line in one CommonJS file (src/bundle-entry.ts). The
//   command modules, yargs and umzug's core are initialised only when a command needs them.
//   CommonJS because Node 20 has no compile cache for ES modules: loader.cjs (src/bundle-loader.ts)
//   compiles this file through a V8 code cache, and a CLI of ~300 small modules would spend most of
//   its start-up finding and compiling them. All its `import()`s become `require()`s (the cached
//   script has no dynamic-import callback) except a user's ES module's, through native-import.cjs.
// - pg.cjs, mysql2.cjs, better-sqlite3.cjs: the drivers' JavaScript, each required by its dialect's
//   driver on first connect (a SQLite command never loads pg): one file instead of ~100 found and
//   read one by one. better-sqlite3's native addon stays in node_modules (src/dialects/sqlite/driver.ts).
// - loader.cjs, cli.cjs, index.js: the entries. bin/retort (CommonJS, see bin/package.json) requires
//   cli.cjs, so a command starts without Node's ES module loader; the package's "exports" point at
//   index.js, an ES module that re-exports the bundle's library by name, so an application, the CLI
//   and the migrations and models it loads share one instance of retort.
// jiti (TypeScript loading) stays external: it loads from node_modules only when used. The
// per-module build in dist/ keeps the type declarations.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// Modules the bundle requires from files of their own, by importer: pg (through the module that
// loads it with a navigator stub) and mysql2 from their dialects' drivers, and Node's own import().
const APART = [
  { filter: /^\.\/pg-module\.js$/, importer: /[\\/]dist[\\/]dialects[\\/]postgres[\\/]/, file: './pg.cjs' },
  { filter: /^mysql2$/, importer: /[\\/]dist[\\/]dialects[\\/]mysql[\\/]/, file: './mysql2.cjs' },
  { filter: /^better-sqlite3$/, importer: /[\\/]dist[\\/]dialects[\\/]sqlite[\\/]/, file: './better-sqlite3.cjs' },
  { filter: /^\.\/native-import\.js$/, importer: /[\\/]dist[\\/]migrations[\\/]/, file: './native-import.cjs' },
];
const DRIVER_ENTRIES = {
  pg: `module.exports = require(${JSON.stringify(`${root}dist/dialects/postgres/pg-module.js`)}).default;`,
  mysql2: "module.exports = require('mysql2');",
  'better-sqlite3': "module.exports = require('better-sqlite3');",
};
const apart = {
  name: 'files-apart',
  setup(b) {
    for (const { filter, importer, file } of APART) {
      b.onResolve({ filter }, (args) => (importer.test(args.importer) ? { path: file, external: true } : undefined));
    }
    b.onResolve({ filter: /^driver-entry:/ }, (args) => ({ path: args.path.slice('driver-entry:'.length), namespace: 'driver-entry' }));
    b.onLoad({ filter: /.*/, namespace: 'driver-entry' }, (args) => ({ contents: DRIVER_ENTRIES[args.path], loader: 'js', resolveDir: root }));
  },
};

// mysql2 requires Node's tls module when it loads (~10 ms of every MySQL command: TLS sockets,
// secure contexts) and uses it only to connect with SSL; its `require('tls')` gets a stand-in that
// requires tls on first use.
const lazyTls = {
  name: 'lazy-tls',
  setup(b) {
    b.onResolve({ filter: /^tls$/ }, (args) => (/[\\/]node_modules[\\/]mysql2[\\/]/.test(args.importer) ? { path: 'tls', namespace: 'lazy-tls' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-tls' }, () => ({
      contents:
        "let tls;\nconst load = () => (tls ??= require('node:tls'));\n" +
        'module.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });\n',
      loader: 'js',
    }));
  },
};

/** What both builds share: CommonJS files for Node 20, whose `import.meta.url` is their own file's URL. */
const commonJs = {
  absWorkingDir: root,
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { 'import.meta.url': '__retortModuleUrl' },
  banner: { js: 'var __retortModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
  write: false,
};
const bundled = await build({
  ...commonJs,
  entryPoints: { retort: 'dist/bundle-entry.js', pg: 'driver-entry:pg', mysql2: 'driver-entry:mysql2', 'better-sqlite3': 'driver-entry:better-sqlite3' },
  // import() of a bundled or external module becomes require() (see the top of this file)
  supported: { 'dynamic-import': false },
  sourcemap: true,
  external: ['pg-native', 'jiti'],
  plugins: [apart, dataTables, umzugStubs, lazyTls],
});
// the loader is CommonJS too, like cli.cjs and bin/retort: a command that starts without Node's
// ES module loader saves the milliseconds it takes to set up
const loader = await build({ ...commonJs, entryPoints: { loader: 'dist/bundle-loader.js' } });
for (const file of [...bundled.outputFiles, ...loader.outputFiles]) {
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.contents);
}
mkdirSync(join(outdir, DATA_DIR), { recursive: true });
for (const [name, json] of dataFiles) writeFileSync(join(outdir, DATA_DIR, name), json);

writeFileSync(join(outdir, 'native-import.cjs'), '// Node\'s own import(), for the bundle (see src/migrations/native-import.ts).\nexports.nativeImport = (url) => import(url);\n');
writeFileSync(
  join(outdir, 'cli.cjs'),
  "// bin/retort's module: the command line, from the bundle (see src/bundle-loader.ts).\n" +
    "const { commandKind, loadBundle } = require('./loader.cjs');\n\nconst argv = process.argv.slice(2);\n" +
    'loadBundle(commandKind(argv)).runCli(argv).then((code) => {\n  process.exitCode = code;\n});\n',
);
// the library's names, as the per-module build exports them (the bundle's entry adds runCli)
const names = Object.keys(await import(`${root}dist/index.js`)).sort();
writeFileSync(
  join(outdir, 'index.js'),
  "// The package's entry: the library, from the bundle (see src/bundle-loader.ts).\n" +
    "import { loadBundle } from './loader.cjs';\n\nconst retort = loadBundle('library');\n\n" +
    `export const {\n${names.map((n) => `  ${n},\n`).join('')}} = retort;\n`,
);
