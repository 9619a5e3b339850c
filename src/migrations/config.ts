/**
 * The project configuration (`retort.config.ts`): what `defineConfig` accepts and what
 * `loadConfig` resolves it to. Used by the CLI and by the programmatic API alike.
 */
import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from '../errors/index.js';

/** How migrations are grouped into transactions (on dialects whose DDL is transactional). */
export type TransactionMode = 'each' | 'all';

/** Table names, or a predicate over a table name. */
export type TableNameFilter = readonly string[] | ((name: string) => boolean);

/** Renames that autogenerate turns into rename ops instead of drop + add. */
export interface ConfigRenames {
  readonly tables?: readonly { readonly from: string; readonly to: string }[];
  readonly columns?: readonly { readonly table: string; readonly from: string; readonly to: string }[];
}

/**
 * What a `retort.config.ts` declares. Paths are relative to the config file's folder.
 *
 * @example
 * ```ts
 * import { defineConfig } from 'retort';
 * export default defineConfig({
 *   url: process.env.DATABASE_URL ?? 'sqlite:///app.db',
 *   models: './src/models.ts',
 *   migrations: './migrations',
 * });
 * ```
 */
export interface RetortConfig {
  /** The database URL. `DATABASE_URL` and `--url` override it. */
  readonly url?: string;
  /** A module exporting `metadata` (the models autogenerate compares with). */
  readonly models?: string;
  /** The folder of migration files. Default `./migrations`. */
  readonly migrations?: string;
  /** The table holding the current heads. Default `retort_version`; history goes to `<name>_history`. */
  readonly versionTable?: string;
  /** `each` (default): one transaction per migration; `all`: one for the whole run. */
  readonly transaction?: TransactionMode;
  /** Naming convention templates autogenerate uses (`pk`, `fk`, `uq`, `ck`, `ix`). */
  readonly namingConvention?: Readonly<Record<string, string>>;
  /** Renames autogenerate applies without asking. */
  readonly renames?: ConfigRenames;
  /** Only these tables are compared by autogenerate. */
  readonly include?: TableNameFilter;
  /** These tables are left out of autogenerate. */
  readonly exclude?: TableNameFilter;
}

/** A configuration with every default applied and every path absolute. */
export interface ResolvedConfig {
  /** The database URL, or null when neither the file, the environment nor a flag gives one. */
  readonly url: string | null;
  /** Absolute path of the models module, or null. */
  readonly models: string | null;
  /** Absolute path of the migrations folder. */
  readonly migrations: string;
  readonly versionTable: string;
  readonly transaction: TransactionMode;
  readonly namingConvention: Readonly<Record<string, string>> | null;
  readonly renames: ConfigRenames | null;
  readonly include: TableNameFilter | null;
  readonly exclude: TableNameFilter | null;
  /** The config file that was loaded, or null when none was found. */
  readonly configFile: string | null;
  /** The folder relative paths were resolved against (the config file's folder, or cwd). */
  readonly root: string;
}

/** The default name of the version table. */
export const DEFAULT_VERSION_TABLE = 'retort_version';

/** The default migrations folder, relative to the config file. */
export const DEFAULT_MIGRATIONS_DIR = './migrations';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Leaves room for the `_history` suffix within PostgreSQL's 63-character identifiers. */
const MAX_VERSION_TABLE_LENGTH = 55;
const KEYS: ReadonlySet<string> = new Set([
  'url',
  'models',
  'migrations',
  'versionTable',
  'transaction',
  'namingConvention',
  'renames',
  'include',
  'exclude',
]);

/**
 * Declares a configuration with type checking; returns it unchanged (validated).
 *
 * @example
 * ```ts
 * export default defineConfig({ url: 'sqlite:///app.db', migrations: './db/migrations', transaction: 'all' });
 * ```
 */
export function defineConfig(config: RetortConfig): RetortConfig {
  validateConfig(config, 'defineConfig()');
  return config;
}

/**
 * Checks a configuration object; throws ConfigError naming `where` (the file) and the problem.
 */
export function validateConfig(config: unknown, where: string): asserts config is RetortConfig {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new ConfigError(`${where}: the configuration must be an object (export default defineConfig({ ... }))`);
  }
  const record = config as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KEYS.has(key)) throw new ConfigError(`${where}: unknown option "${key}" (known: ${[...KEYS].join(', ')})`);
  }
  for (const key of ['url', 'models', 'migrations'] as const) {
    const value = record[key];
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw new ConfigError(`${where}: "${key}" must be a non-empty string`);
    }
  }
  if (record.versionTable !== undefined) checkVersionTable(record.versionTable, where);
  if (record.transaction !== undefined) checkTransactionMode(record.transaction, where);
  for (const key of ['include', 'exclude'] as const) {
    const value = record[key];
    if (value === undefined || typeof value === 'function') continue;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw new ConfigError(`${where}: "${key}" must be a list of table names or a function (name) => boolean`);
    }
  }
  const naming = record.namingConvention;
  if (naming !== undefined && (typeof naming !== 'object' || naming === null || Object.values(naming).some((v) => typeof v !== 'string'))) {
    throw new ConfigError(`${where}: "namingConvention" must map kinds (pk, fk, uq, ck, ix) to template strings`);
  }
  const renames = record.renames;
  if (renames !== undefined && (typeof renames !== 'object' || renames === null)) {
    throw new ConfigError(`${where}: "renames" must be an object { tables?, columns? }`);
  }
}

/** Throws ConfigError unless `value` is a usable version table name. */
export function checkVersionTable(value: unknown, where: string): string {
  if (typeof value !== 'string' || !IDENTIFIER.test(value) || value.length > MAX_VERSION_TABLE_LENGTH) {
    throw new ConfigError(
      `${where}: "versionTable" must be a name of letters, digits and _ (not starting with a digit), at most ${MAX_VERSION_TABLE_LENGTH} characters; got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Throws ConfigError unless `value` is `each` or `all`. */
export function checkTransactionMode(value: unknown, where: string): TransactionMode {
  if (value !== 'each' && value !== 'all') {
    throw new ConfigError(`${where}: "transaction" must be "each" or "all"; got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Applies the defaults to a validated configuration, resolving paths against `root`. */
export function resolveConfig(config: RetortConfig, root: string, configFile: string | null): ResolvedConfig {
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(root, p));
  return Object.freeze({
    url: config.url ?? null,
    models: config.models === undefined ? null : abs(config.models),
    migrations: abs(config.migrations ?? DEFAULT_MIGRATIONS_DIR),
    versionTable: config.versionTable ?? DEFAULT_VERSION_TABLE,
    transaction: config.transaction ?? 'each',
    namingConvention: config.namingConvention ?? null,
    renames: config.renames ?? null,
    include: config.include ?? null,
    exclude: config.exclude ?? null,
    configFile,
    root,
  });
}
