/**
 * What `check` and `autogenerate` share: the models' schema and the database's, read for one
 * engine, with the compare options of the configuration (the version tables left out, `include`
 * / `exclude` applied), and the database's migration status.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { CompareOptions } from '../autogenerate/compare-options.js';
import type { Engine } from '../engine/types.js';
import { ConfigError } from '../errors/index.js';
import { inspect } from '../reflect/inspect.js';
import type { MetaData } from '../schema/metadata.js';
import { defaultNamingConvention } from '../schema/naming-convention.js';
import type { SchemaSnapshot } from '../schema/snapshot.js';
import { loadScripts, type CallSettings, type MigrationApiOptions } from './api-context.js';
import { current, type CurrentResult } from './api-status.js';
import { loadModels } from './models-loader.js';
import { ScriptDirectory } from './script-directory.js';
import { versionTableNames } from './version-table-sql.js';

/** Options of the calls that compare the models with a database. */
export interface ModelsCompareOptions extends MigrationApiOptions {
  /** The models module (absolute, or relative to `cwd`); default the config's `models`. */
  readonly models?: string;
  /** A MetaData to compare instead of loading the models module. */
  readonly metadata?: MetaData;
}

/** The two sides of a comparison and how to compare them. */
export interface ComparisonSides {
  /** The models' schema (after `include` / `exclude`: see `compareOptions`). */
  readonly target: SchemaSnapshot;
  /** The database's schema. */
  readonly current: SchemaSnapshot;
  /** dialect, ignoreTables (the version tables), include, exclude. */
  readonly compareOptions: CompareOptions;
}

/**
 * The call's scripts; a migrations folder that does not exist yet counts as empty (a project
 * whose first revision is being generated).
 *
 * @example
 * ```ts
 * const scripts = await loadScriptsOrEmpty(options, settings);
 * scripts.graph.heads; // [] before the first revision
 * ```
 */
export function loadScriptsOrEmpty(options: MigrationApiOptions, settings: CallSettings): Promise<ScriptDirectory> {
  if (!options.scripts && !existsSync(settings.directory)) return Promise.resolve(ScriptDirectory.fromScripts(settings.directory, []));
  return loadScripts(options, settings);
}

/**
 * The database's migration status for a call whose scripts and engine are resolved.
 *
 * @example
 * ```ts
 * const { upToDate, heads } = await statusOf(options, settings, engine, scripts);
 * ```
 */
export function statusOf(options: MigrationApiOptions, settings: CallSettings, engine: Engine, scripts: ScriptDirectory): Promise<CurrentResult> {
  return current({ ...options, engine, config: settings.config, scripts, versionTable: settings.versionTable });
}

/** The MetaData of the call: the given one, or the models module's. */
async function metadataOf(options: ModelsCompareOptions, settings: CallSettings): Promise<MetaData> {
  if (options.metadata) return options.metadata;
  const path = options.models === undefined ? settings.config.models : isAbsolute(options.models) ? options.models : resolve(options.cwd ?? process.cwd(), options.models);
  if (path === null) throw new ConfigError('no models module: set "models" in retort.config.ts or pass --models');
  return (await loadModels(path)).metadata;
}

/**
 * Reads both sides: the models' snapshot for the engine's dialect and the database's schema.
 *
 * @example
 * ```ts
 * const { target, current, compareOptions } = await readSides(engine, options, settings);
 * const ops = compare(target, current, compareOptions);
 * ```
 */
export async function readSides(engine: Engine, options: ModelsCompareOptions, settings: CallSettings): Promise<ComparisonSides> {
  // the catalog queries go out first: the models load and snapshot while the database answers them
  const reflected = inspect(engine);
  let target: SchemaSnapshot;
  let schema: string | null;
  try {
    target = modelsSnapshot(await metadataOf(options, settings), engine, settings);
    schema = modelsSchema(target);
  } catch (error) {
    reflected.catch(() => undefined);
    throw error;
  }
  // models whose tables all live in one named schema are compared with that schema's tables
  if (schema !== null) reflected.catch(() => undefined);
  const current = schema === null ? await reflected : await inspect(engine, { schema });
  const { include, exclude } = settings.config;
  const compareOptions: CompareOptions = {
    dialect: engine.dialect,
    ignoreTables: versionTableNames(settings.versionTable),
    ...(include === null ? {} : { include }),
    ...(exclude === null ? {} : { exclude }),
  };
  return { target, current, compareOptions };
}

/**
 * The one named schema (PostgreSQL schema, MySQL database) every table of the models lives in, or
 * null when they live in the connection's default one. Compare pairs tables by name within one
 * schema, so models whose tables span several are refused rather than compared with the wrong one.
 */
function modelsSchema(target: SchemaSnapshot): string | null {
  const schemas = [...new Set(target.tables.map((t) => t.schema))];
  if (schemas.length <= 1) return schemas[0] ?? null;
  const names = schemas.map((s) => (s === null ? '(default)' : s)).sort().join(', ');
  throw new ConfigError(
    `the models' tables live in several schemas (${names}): check and autogenerate compare the tables of one schema; `
    + 'keep one MetaData (one models module and project) per schema, and refer to the other schemas\' tables by name (.references(\'schema.table.column\'))',
  );
}

/** The models' snapshot; the configured convention (over the default one) names the constraints of models whose MetaData declares none. */
function modelsSnapshot(metadata: MetaData, engine: Engine, settings: CallSettings): SchemaSnapshot {
  const convention = settings.config.namingConvention;
  const snapshotOptions = convention !== null && !metadata.declaresNamingConvention
    ? { namingConvention: { ...defaultNamingConvention, ...convention } }
    : {};
  return metadata.snapshot(engine.dialect, snapshotOptions);
}
