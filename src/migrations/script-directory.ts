/**
 * The folder of migration files: lists them, loads each module, checks its declarations,
 * computes its checksum and builds the revision graph. The folder and its (small) files are read
 * synchronously: loading Node's fs/promises would cost every command more than the reads.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, RetortError, ScriptError } from '../errors/index.js';
import { readMigrationScript, toRevisionInput, type MigrationScript } from './migration-script.js';
import type { Operations } from '../operations/facade.js';
import { loadModule } from './module-loader.js';
import { readDeclarations } from './script-declarations.js';
import { RevisionGraph } from './revision-graph.js';

const MIGRATION_FILE = /\.(ts|mts|js|mjs)$/;

/**
 * True for names the script directory loads: `*.ts`, `*.mts`, `*.js`, `*.mjs`, but not
 * declaration files (`.d.ts`) nor names starting with `_` or `.` (helpers, editor files).
 */
export function isMigrationFileName(name: string): boolean {
  return MIGRATION_FILE.test(name) && !/\.d\.m?ts$/.test(name) && !name.startsWith('_') && !name.startsWith('.');
}

/** sha256 of some bytes, lowercase hex: the checksum of a migration file. */
export function checksumOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The migration files of a folder, sorted by name, as absolute paths. Throws ConfigError when
 * the folder does not exist.
 */
export async function listMigrationFiles(directory: string): Promise<string[]> {
  let names: string[];
  try {
    const entries = readdirSync(directory, { withFileTypes: true });
    names = entries.filter((e) => e.isFile() && isMigrationFileName(e.name)).map((e) => e.name);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ConfigError(`migrations folder ${directory} does not exist (retort init creates it; or set "migrations" in retort.config.ts, or pass --migrations)`, { cause: e });
    }
    throw e;
  }
  return names.sort().map((name) => join(directory, name));
}

/**
 * Reads one migration file and checks it. Throws ScriptError naming the file. When its
 * declarations can be read from its text (see readDeclarations), the module itself is loaded
 * only when `upgrade`, `downgrade` or `load` is first called; else at once.
 */
export async function loadMigrationScript(path: string): Promise<MigrationScript> {
  const bytes = readFileSync(path);
  const checksum = checksumOf(bytes);
  const declared = readDeclarations(bytes.toString('utf8'));
  if (declared === null) return readMigrationScript(path, await importScript(path), checksum);
  let loaded: Promise<MigrationScript> | undefined;
  const load = (): Promise<MigrationScript> =>
    (loaded ??= importScript(path).then((exports) => {
      const script = readMigrationScript(path, exports, checksum);
      for (const key of Object.keys(declared)) {
        if (JSON.stringify(exports[key]) !== JSON.stringify(declared[key])) {
          throw new ScriptError(path, `"${key}" is ${JSON.stringify(exports[key])} when the module runs, not ${JSON.stringify(declared[key])} as its text says`);
        }
      }
      return script;
    }));
  const script = readMigrationScript(
    path,
    {
      ...declared,
      upgrade: async (op: Operations) => (await load()).upgrade(op),
      downgrade: async (op: Operations) => (await load()).downgrade(op),
    },
    checksum,
  );
  return Object.freeze({ ...script, load: async () => void (await load()) });
}

/** A migration module's exports; ScriptError naming the file when it does not load. */
async function importScript(path: string): Promise<Readonly<Record<string, unknown>>> {
  try {
    return await loadModule(path);
  } catch (e) {
    if (e instanceof RetortError) throw new ScriptError(path, `cannot load: ${e.message}`, { cause: e });
    throw new ScriptError(path, `cannot load: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/** Loads the modules of the scripts whose text was read only (before a run, so that a broken file stops it before it starts). */
export async function loadModules(scripts: readonly MigrationScript[]): Promise<void> {
  await Promise.all(scripts.map((s) => s.load?.()));
}

/**
 * The migration scripts of a folder and their revision graph.
 *
 * @example
 * ```ts
 * const scripts = await ScriptDirectory.load('/app/migrations');
 * scripts.graph.heads;               // ['a81c0e5f22d9']
 * scripts.get('a81c0e5f22d9').path;  // '/app/migrations/2026_11_21_1015-a81c0e5f22d9_add_post_summary.ts'
 * ```
 */
export class ScriptDirectory {
  readonly #byRevision: ReadonlyMap<string, MigrationScript>;

  private constructor(
    /** The folder, absolute. */
    readonly directory: string,
    /** Every script, in file name order. */
    readonly scripts: readonly MigrationScript[],
    readonly graph: RevisionGraph,
  ) {
    this.#byRevision = new Map(scripts.map((s) => [s.revision, s]));
  }

  /**
   * Lists, loads and checks every migration file of `directory` and builds the graph. Throws
   * ScriptError for a file that does not load or declares something malformed, and the graph's
   * errors (duplicate revisions, missing parents, cycles), which name the files.
   */
  static async load(directory: string): Promise<ScriptDirectory> {
    const files = await listMigrationFiles(directory);
    const scripts = await Promise.all(files.map((f) => loadMigrationScript(f)));
    return ScriptDirectory.fromScripts(directory, scripts);
  }

  /** Builds a directory from scripts already loaded (tests, tools). */
  static fromScripts(directory: string, scripts: readonly MigrationScript[]): ScriptDirectory {
    const graph = RevisionGraph.build(scripts.map(toRevisionInput));
    return new ScriptDirectory(directory, Object.freeze([...scripts]), graph);
  }

  /** True when a script declares exactly this revision id. */
  has(revision: string): boolean {
    return this.#byRevision.has(revision);
  }

  /** The script of a revision id. Throws ScriptError when none declares it. */
  get(revision: string): MigrationScript {
    const script = this.#byRevision.get(revision);
    if (!script) throw new ScriptError(this.directory, `no migration file declares revision "${revision}"`);
    return script;
  }
}
