/**
 * Loading the project's models module (`models` in retort.config.ts) with the loader the runner
 * uses for migration files: jiti for TypeScript, native `import()` for JavaScript, and `retort`
 * mapped to the running instance, so the module's `MetaData` and model classes are this retort's.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { ConfigError, RetortError } from '../errors/index.js';
import type { MetaData } from '../schema/metadata.js';
import type { SchemaSnapshot } from '../schema/snapshot.js';
import type { SnapshotTarget } from '../schema/snapshot-target.js';
import { loadModule, type ModuleExports } from './module-loader.js';

/** A loaded models module. */
export interface LoadedModels {
  /** The module's MetaData, every exported model class registered with it. */
  readonly metadata: MetaData;
  /** Absolute path of the module. */
  readonly path: string;
}

/** True for a MetaData object (of this retort, or of another copy of it). */
function isMetaData(value: unknown): value is MetaData {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<'snapshot' | 'registerModels' | 'createAll', unknown>>;
  return typeof candidate.snapshot === 'function' && typeof candidate.registerModels === 'function' && typeof candidate.createAll === 'function';
}

/**
 * The MetaData of a models module's exports: `metadata` when it is one, else the only exported
 * MetaData. Throws ConfigError naming the file when there is none, or several and no `metadata`.
 */
export function pickMetaData(exports: ModuleExports, file: string): MetaData {
  const named = exports.metadata;
  if (isMetaData(named)) return named;
  const found = Object.entries(exports).filter(([, value]) => isMetaData(value));
  const only = found[0];
  if (found.length === 1 && only !== undefined) return only[1] as MetaData;
  if (found.length === 0) {
    const hint = named === undefined ? '' : ' ("metadata" is not a MetaData)';
    throw new ConfigError(`${file}: the models module exports no MetaData${hint}; add \`export const metadata = new MetaData()\``);
  }
  const names = found.map(([name]) => name).join(', ');
  throw new ConfigError(`${file}: the models module exports several MetaData objects (${names}); export the one to compare as \`metadata\``);
}

/**
 * Loads a models module and returns its MetaData with every exported model class bound to it
 * (`metadata.registerModels(module)`), so models nothing refers to are not missed. A RetortError
 * thrown while the module loads (a SchemaError in a declaration) keeps its message; any other
 * failure becomes a ConfigError naming the file.
 *
 * @example
 * ```ts
 * const { metadata } = await loadModels('/app/src/models.ts');
 * metadata.snapshot('postgresql').tables.map((t) => t.name); // ['blog_post', 'user']
 * ```
 */
export async function loadModels(path: string): Promise<LoadedModels> {
  const file = displayPath(path);
  if (!existsSync(path)) throw new ConfigError(`${file}: models module not found (set "models" in retort.config.ts or pass --models)`);
  let exports: ModuleExports;
  try {
    exports = await loadModule(path);
  } catch (e) {
    if (e instanceof RetortError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new ConfigError(`${file}: cannot load the models module: ${message.split('\n')[0] ?? message}`, { cause: e });
  }
  const metadata = pickMetaData(exports, file);
  metadata.registerModels(exports);
  return { metadata, path };
}

/**
 * Loads a models module and returns its schema for a dialect (a Dialect object or its name).
 * Throws the SchemaError of a model that cannot be right (it names the table and column).
 *
 * @example
 * ```ts
 * const target = await modelsSnapshot('/app/src/models.ts', engine.dialect);
 * ```
 */
export async function modelsSnapshot(path: string, dialect: SnapshotTarget | string): Promise<SchemaSnapshot> {
  const { metadata } = await loadModels(path);
  return metadata.snapshot(dialect);
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}
