/**
 * The configuration a command runs with: `loadConfig` (retort.config.ts in the working folder, or
 * `--config`), with `DATABASE_URL` and the command's flags (`--url`, `--migrations`, `--models`,
 * `--transaction`) applied over it.
 */
import { isAbsolute, relative } from 'node:path';
import type { ResolvedConfig } from '../migrations/config.js';
import { ConfigError } from '../errors/index.js';
import { loadConfig } from '../migrations/config-load.js';
import type { CommandArgs } from './command.js';
import type { CliIO } from './io.js';

function stringFlag(args: CommandArgs, key: string): string | undefined {
  const value = args[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Loads the configuration for a command: the config file (`--config`, else retort.config.* in the
 * working folder, else none), then `DATABASE_URL`, then the flags.
 *
 * @example
 * ```ts
 * const config = await commandConfig(args, io);
 * const url = requireUrl(config);
 * ```
 */
export async function commandConfig(args: CommandArgs, io: CliIO): Promise<ResolvedConfig> {
  const url = stringFlag(args, 'url');
  const migrations = stringFlag(args, 'migrations');
  const models = stringFlag(args, 'models');
  const transaction = stringFlag(args, 'transaction');
  const configPath = stringFlag(args, 'config');
  return loadConfig({
    cwd: io.cwd,
    env: io.env,
    ...(configPath === undefined ? {} : { configPath }),
    overrides: {
      ...(url === undefined ? {} : { url }),
      ...(migrations === undefined ? {} : { migrations }),
      ...(models === undefined ? {} : { models }),
      ...(transaction === 'each' || transaction === 'all' ? { transaction } : {}),
    },
  });
}

/**
 * The database URL of the configuration; a ConfigError that says how to give one when none.
 *
 * @example
 * ```ts
 * const url = requireUrl(await commandConfig(args, io)); // 'sqlite:///app.db'
 * ```
 */
export function requireUrl(config: ResolvedConfig): string {
  if (config.url === null || config.url === '') {
    throw new ConfigError('no database URL: pass --url, set DATABASE_URL, or set "url" in retort.config.ts');
  }
  return config.url;
}

/**
 * `path` relative to the working folder when it is inside it, for messages.
 *
 * @example
 * ```ts
 * shownPath('/app/migrations/x.ts', { cwd: '/app' }); // 'migrations/x.ts'
 * ```
 */
export function shownPath(path: string, io: Pick<CliIO, 'cwd'>): string {
  const rel = relative(io.cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
