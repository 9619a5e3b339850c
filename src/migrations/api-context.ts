/**
 * What every programmatic migration call resolves first: the configuration, the script
 * directory, and the engine (given, or created from a URL and disposed afterwards) or, offline,
 * only the dialect.
 */
import { resolve } from 'node:path';
import { createEngineFor, dialectOfUrl } from '../dialects/builtin.js';
import type { Dialect } from '../engine/dialect.js';
import type { Engine } from '../engine/types.js';
import { ConfigError } from '../errors/index.js';
import { checkTransactionMode, checkVersionTable, type ResolvedConfig, type TransactionMode } from './config.js';
import { loadConfig } from './config-load.js';
import type { MigrationListener } from './runner-events.js';
import { ScriptDirectory } from './script-directory.js';

/** Options shared by the programmatic migration calls. Explicit options win over `config`. */
export interface MigrationApiOptions {
  /** An engine to run on; it is not disposed. */
  readonly engine?: Engine;
  /** A database URL: an engine is created for the call and disposed at its end. */
  readonly url?: string;
  /** A configuration from `loadConfig`; default: `loadConfig({ cwd })`. */
  readonly config?: ResolvedConfig;
  /** Where to look for `retort.config.ts` when `config` is not given. Default `process.cwd()`. */
  readonly cwd?: string;
  /** The migrations folder (absolute, or relative to cwd); default from the config. */
  readonly migrations?: string;
  /** Scripts already loaded (skips loading the folder). */
  readonly scripts?: ScriptDirectory;
  readonly versionTable?: string;
  /** Receives progress and warnings; library code never prints. */
  readonly onEvent?: MigrationListener;
  /** How long to wait for another process's migration lock, in ms. Default 10 minutes. */
  readonly lockTimeoutMs?: number;
}

/** The resolved settings of a call. */
export interface CallSettings {
  readonly config: ResolvedConfig;
  /** The migrations folder, absolute. */
  readonly directory: string;
  readonly versionTable: string;
  readonly transaction: TransactionMode;
}

/** The resolved pieces of a call, scripts loaded. */
export interface ApiContext extends CallSettings {
  readonly scripts: ScriptDirectory;
}

/** Loads the configuration (unless given) and resolves the call's settings. */
export async function resolveSettings(options: MigrationApiOptions & { readonly transaction?: TransactionMode }): Promise<CallSettings> {
  const config =
    options.config ??
    (await loadConfig({
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      ...(options.migrations !== undefined ? { overrides: { migrations: options.migrations } } : {}),
    }));
  return {
    config,
    directory: options.migrations !== undefined && options.config !== undefined ? resolvePath(options.cwd, options.migrations) : config.migrations,
    versionTable: options.versionTable === undefined ? config.versionTable : checkVersionTable(options.versionTable, 'versionTable'),
    transaction: options.transaction === undefined ? config.transaction : checkTransactionMode(options.transaction, 'transaction'),
  };
}

/** The call's scripts: the given ones, or the migrations folder loaded. */
export function loadScripts(options: MigrationApiOptions, settings: CallSettings): Promise<ScriptDirectory> {
  return options.scripts ? Promise.resolve(options.scripts) : ScriptDirectory.load(settings.directory);
}

/** Loads the configuration (unless given) and the scripts (unless given). */
export async function resolveApiContext(options: MigrationApiOptions & { readonly transaction?: TransactionMode }): Promise<ApiContext> {
  const settings = await resolveSettings(options);
  return { ...settings, scripts: await loadScripts(options, settings) };
}

/**
 * Opens `count` connections of the engine and returns them to its pool, so that the TCP and
 * login round trips overlap with loading the migration files. Failures surface later, on use.
 */
export async function prewarm(engine: Engine, count: number): Promise<void> {
  // each connection goes back at once, so that a pool smaller than `count` does not wait on itself
  await Promise.allSettled(Array.from({ length: count }, () => engine.connect().then((c) => c.release())));
}

function resolvePath(cwd: string | undefined, path: string): string {
  return resolve(cwd ?? process.cwd(), path);
}

function urlOf(options: MigrationApiOptions, config: ResolvedConfig): string {
  const url = options.url ?? config.url;
  if (url === null || url === undefined || url === '') {
    throw new ConfigError('no database URL: pass { url } or { engine }, set DATABASE_URL, or set "url" in retort.config.ts');
  }
  return url;
}

/**
 * Runs `fn` with the call's engine: the given one, or one created from the URL and disposed
 * afterwards.
 */
export async function withEngine<T>(options: MigrationApiOptions, config: ResolvedConfig, fn: (engine: Engine) => Promise<T>): Promise<T> {
  if (options.engine) return fn(options.engine);
  const engine = await createEngineFor(urlOf(options, config));
  try {
    return await fn(engine);
  } finally {
    await engine.dispose();
  }
}

/** The dialect of the call, without connecting (for `--sql`). */
export async function dialectOf(options: MigrationApiOptions, config: ResolvedConfig): Promise<Dialect> {
  if (options.engine) return options.engine.dialect;
  return dialectOfUrl(urlOf(options, config));
}
