/**
 * Loads retort's built bundle (dist/bundle/retort.cjs, the driver files it requires on first
 * connect, and jiti's core when a TypeScript file loads) through a V8 code cache: what Node 22's `module.enableCompileCache()` does, which
 * Node 20 lacks. Without it, every `retort` process spends tens of milliseconds compiling the same
 * megabyte of JavaScript; with it, V8 deserialises the functions a command ran last time.
 *
 * bin/retort and the package's ES module entry (dist/bundle/cli.cjs, dist/bundle/index.js, both
 * written by scripts/bundle.mjs) call {@link loadBundle}; retort's own modules never import this
 * one. The first process of a kind (a command name, or `library` for an application importing
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
import { Script } from 'node:vm';

/** The bundle's folder (this module is bundled into dist/bundle/loader.cjs). */
const BUNDLE_DIR = dirname(fileURLToPath(import.meta.url));
/** The files compiled with a cache: the bundle, and the drivers it requires on first connect. */
const CACHED_FILES = new Set(['retort.cjs', 'pg.cjs', 'mysql2.cjs', 'better-sqlite3.cjs']);
/**
 * jiti's core (190 KB, required when the first TypeScript file loads), cached too: it calls no
 * `import()` (that is in jiti's entry, lib/jiti.cjs, which Node compiles itself).
 */
const JITI_CORE = `${sep}jiti${sep}dist${sep}jiti.cjs`;

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

/** Compiles the bundle's `.cjs` files and jiti's core through the cache; any other `.cjs` file loads as before. */
function install(kind: string): void {
  const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;
  // Node 20 loads `.cjs` files with the `.js` loader (it has no `.cjs` entry of its own)
  const original = (extensions['.cjs'] ?? extensions['.js']) as Loader;
  const cacheDir = join(BUNDLE_DIR, '.cache');
  const unsaved: Unsaved[] = [];
  extensions['.cjs'] = (module, filename) => {
    const ours = dirname(filename) === BUNDLE_DIR && CACHED_FILES.has(basename(filename));
    if (!ours && !filename.endsWith(JITI_CORE)) return original(module, filename);
    const source = readFileSync(filename, 'utf8');
    const key = createHash('sha1').update(`${process.version}\0${process.arch}\0`).update(source).digest('hex').slice(0, 16);
    const file = join(cacheDir, `${ours ? basename(filename, '.cjs') : 'jiti'}-${kind}-${key}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      // not cached yet
    }
    // Node's CommonJS wrapper, on the source's first line so that line numbers hold
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected === true) unsaved.push({ script, file });
    const wrapper = script.runInThisContext() as CompiledWrapper;
    wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
  };
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
