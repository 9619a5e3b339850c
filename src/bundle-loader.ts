/**
 * Loads retort's built bundle (dist/bundle/retort.cjs, the driver files it requires on first
 * connect, and jiti's core when a TypeScript file loads) through a V8 code cache: what Node 22's
 * `module.enableCompileCache()` does, which Node 20 lacks. Without it, every `retort` process
 * spends tens of milliseconds compiling the same megabyte of JavaScript; with it, V8 deserialises
 * the functions a command ran last time. The large modules jiti evaluates (a models module of a
 * thousand tables) get a cache too, one per module file.
 *
 * bin/retort (through dist/bundle/cli.cjs) and the package's ES module entry (dist/bundle/index.js),
 * both written by scripts/bundle.mjs, call {@link loadBundle}; retort's own modules never import
 * this one. The first process of a kind (a command name, or `library` for an application importing
 * retort) compiles as usual and, at exit, writes the code V8 compiled to
 * `dist/bundle/.cache/<file>-<kind>-<key>.bin` (written to a temporary name and renamed, so a
 * concurrent process reads a whole file or none); the key hashes the file's text, Node's version
 * and the architecture. A cache that V8 rejects is written again; a folder that cannot be written
 * leaves retort as fast as it was without one. `NODE_DISABLE_COMPILE_CACHE=1` (Node 22's switch
 * for its own cache) turns it off.
 *
 * The cached files are compiled as scripts without a dynamic-import callback, so they must not
 * call `import()`: the bundle turns its imports into `require` calls, and the one that must stay
 * (a user's ES module: src/migrations/native-import.ts) lives in a file Node compiles itself.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm, { Script, type ScriptOptions } from 'node:vm';

/** The bundle's folder (this module is bundled into dist/bundle/loader.cjs). */
const BUNDLE_DIR = dirname(fileURLToPath(import.meta.url));
/** The files compiled with a cache: the bundle, and the drivers it requires on first connect. */
const CACHED_FILES = new Set(['retort.cjs', 'pg.cjs', 'mysql2.cjs', 'better-sqlite3.cjs']);
/**
 * jiti's core (190 KB, required when the first TypeScript file loads), cached too: it calls no
 * `import()` (that is in jiti's entry, lib/jiti.cjs, which Node compiles itself).
 */
const JITI_CORE = `${sep}jiti${sep}dist${sep}jiti.cjs`;
/**
 * The start of the code jiti compiles for a module it evaluates (`vm.runInThisContext`, in
 * dist/jiti.cjs): a large one (a models module of a thousand tables is ~1 MB of top-level code,
 * which V8 compiles eagerly) is compiled through the cache too, one cache file per module file.
 * jiti has turned the module's `import()`s into calls of its own `jitiImport`.
 */
const JITI_WRAPPER = /^\((?:async )?function \(exports, require, module, __filename, __dirname, jitiImport, jitiESMResolve\) \{/;
const JITI_MODULE_MIN = 64 * 1024;

type Loader = (module: Module, filename: string) => void;
type CompiledWrapper = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

/** A script compiled without a usable cache, whose code is written to `file` at exit. */
interface Unsaved {
  readonly script: Script;
  readonly file: string;
}

let installed = false;

/** The kind of process, for the cache's name: the command (`current`, `upgrade`, ...) or `cli`. */
export function commandKind(argv: readonly string[]): string {
  return argv.find((a) => /^[a-z][a-z-]*$/.test(a)) ?? 'cli';
}

/**
 * The bundle's exports (the library, and `runCli`), loaded through the code cache of `kind`.
 *
 * @example
 * ```js
 * const retort = loadBundle('library');
 * const engine = retort.createEngine('sqlite://');
 * ```
 */
export function loadBundle(kind: string): Record<string, unknown> {
  if (!installed && !process.env.NODE_DISABLE_COMPILE_CACHE) install(kind);
  installed = true;
  return createRequire(join(BUNDLE_DIR, 'retort.cjs'))('./retort.cjs') as Record<string, unknown>;
}

/**
 * Compiles the bundle's `.cjs` files and jiti's core through the cache, and the large modules jiti
 * evaluates (see {@link JITI_WRAPPER}); anything else loads as before.
 */
function install(kind: string): void {
  const cacheDir = join(BUNDLE_DIR, '.cache');
  const unsaved: Unsaved[] = [];
  /** `code` compiled as `filename`, through the cache file named `name-<hash of the code>.bin`. */
  const compile = (code: string, filename: string, name: string, options: ScriptOptions = {}): Script => {
    const key = createHash('sha1').update(`${process.version}\0${process.arch}\0`).update(code).digest('hex').slice(0, 16);
    const file = join(cacheDir, `${name}-${key}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      // not cached yet
    }
    const script = new Script(code, { ...options, filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected === true) unsaved.push({ script, file });
    return script;
  };

  const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;
  // Node 20 loads `.cjs` files with the `.js` loader (it has no `.cjs` entry of its own)
  const original = (extensions['.cjs'] ?? extensions['.js']) as Loader;
  extensions['.cjs'] = (module, filename) => {
    const ours = dirname(filename) === BUNDLE_DIR && CACHED_FILES.has(basename(filename));
    if (!ours && !filename.endsWith(JITI_CORE)) return original(module, filename);
    const source = readFileSync(filename, 'utf8');
    // Node's CommonJS wrapper, on the source's first line so that line numbers hold
    const code = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
    const wrapper = compile(code, filename, `${ours ? basename(filename, '.cjs') : 'jiti'}-${kind}`).runInThisContext() as CompiledWrapper;
    wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
  };

  const runInThisContext = vm.runInThisContext;
  vm.runInThisContext = function (this: unknown, ...args: Parameters<typeof vm.runInThisContext>): unknown {
    const [code, options] = args;
    if (typeof code !== 'string' || code.length < JITI_MODULE_MIN || typeof options !== 'object' || typeof options.filename !== 'string' || !JITI_WRAPPER.test(code)) {
      return runInThisContext.apply(this, args);
    }
    const { filename, lineOffset, displayErrors } = options;
    const name = `module-${createHash('sha1').update(filename).digest('hex').slice(0, 8)}`;
    return compile(code, filename, name, { lineOffset }).runInThisContext({ displayErrors });
  } as typeof vm.runInThisContext;

  process.once('exit', () => {
    for (const { script, file } of unsaved) save(script, file);
  });
}

/** Writes the code `script` compiled so far to `file`, replacing older caches of its file and kind. */
function save(script: Script, file: string): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true });
    const prefix = basename(file).replace(/[0-9a-f]+\.bin$/, '');
    for (const old of readdirSync(dir)) if (old.startsWith(prefix) && old.endsWith('.bin')) rmSync(join(dir, old), { force: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
  } catch {
    // a read-only install: no cache, retort runs as it would without one
  }
}
