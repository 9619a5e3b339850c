/**
 * Finding and loading `retort.config.ts` (or `.mts`, `.js`, `.mjs`), then applying overrides:
 * the environment's `DATABASE_URL` first, then the CLI flags.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ConfigError, RetortError } from '../errors/index.js';
import {
  checkTransactionMode,
  checkVersionTable,
  resolveConfig,
  validateConfig,
  type RetortConfig,
  type ResolvedConfig,
  type TransactionMode,
} from './config.js';
import { loadModule } from './module-loader.js';

/** The config file names looked for, in this order. */
export const CONFIG_FILE_NAMES: readonly string[] = ['retort.config.ts', 'retort.config.mts', 'retort.config.js', 'retort.config.mjs'];

/** Values given on the command line (or by a caller); each wins over the file and the environment. */
export interface ConfigOverrides {
  readonly url?: string;
  readonly models?: string;
  readonly migrations?: string;
  readonly versionTable?: string;
  readonly transaction?: TransactionMode;
}

export interface LoadConfigOptions {
  /** The folder to look in and to resolve relative flag paths against. Default `process.cwd()`. */
  readonly cwd?: string;
  /** An explicit config file (relative to cwd); it must exist. */
  readonly configPath?: string;
  readonly overrides?: ConfigOverrides;
  /** The environment to read `DATABASE_URL` from. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Loads the project configuration. Without a config file the defaults apply (flags can give
 * everything needed). Throws ConfigError naming the file and the problem.
 *
 * @example
 * ```ts
 * const config = await loadConfig({ cwd: process.cwd(), overrides: { url: 'sqlite:///dev.db' } });
 * config.migrations; // '/app/migrations'
 * ```
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const env = options.env ?? process.env;
  const file = findConfigFile(cwd, options.configPath);
  const declared = file === null ? {} : await readConfigFile(file);
  const root = file === null ? cwd : dirname(file);
  const base = resolveConfig(declared, root, file);
  return applyOverrides(base, cwd, env, options.overrides ?? {});
}

/** The config file to load: the given one (which must exist), or the first known name in `cwd`. */
export function findConfigFile(cwd: string, configPath?: string): string | null {
  if (configPath !== undefined) {
    const path = isAbsolute(configPath) ? configPath : resolve(cwd, configPath);
    if (!existsSync(path) || !statSync(path).isFile()) throw new ConfigError(`${path}: config file not found`);
    return path;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(cwd, name);
    if (existsSync(path)) return path;
  }
  return null;
}

async function readConfigFile(file: string): Promise<RetortConfig> {
  let exports: Readonly<Record<string, unknown>>;
  try {
    exports = await loadModule(file);
  } catch (e) {
    if (e instanceof RetortError) throw new ConfigError(`${file}: ${e.message}`, { cause: e });
    throw new ConfigError(`${file}: cannot load the config file: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const config = exports.default ?? exports.config;
  if (config === undefined) {
    throw new ConfigError(`${file}: the config file has no default export (export default defineConfig({ ... }))`);
  }
  validateConfig(config, file);
  return config;
}

function applyOverrides(
  base: ResolvedConfig,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  flags: ConfigOverrides,
): ResolvedConfig {
  const envUrl = env.DATABASE_URL;
  const url = flags.url ?? (envUrl !== undefined && envUrl !== '' ? envUrl : base.url);
  const fromCwd = (p: string): string => (isAbsolute(p) ? p : resolve(cwd, p));
  return Object.freeze({
    ...base,
    url,
    models: flags.models === undefined ? base.models : fromCwd(flags.models),
    migrations: flags.migrations === undefined ? base.migrations : fromCwd(flags.migrations),
    versionTable: flags.versionTable === undefined ? base.versionTable : checkVersionTable(flags.versionTable, '--version-table'),
    transaction: flags.transaction === undefined ? base.transaction : checkTransactionMode(flags.transaction, '--transaction'),
  });
}
