/**
 * The programmatic migration API, part 1: upgrade and downgrade (online, or `--sql`). What the
 * CLI commands call, and what applications and tests call directly. Every call resolves its
 * configuration (see `MigrationApiOptions`), throws typed errors, and reports progress through
 * `onEvent`; none prints. The runner (and with it the ops layer and umzug) is imported on the
 * first call, so that read-only commands do not pay for it.
 */
import { ConfigError } from '../errors/index.js';
import { dialectOf, loadScripts, prewarm, resolveSettings, withEngine, type MigrationApiOptions } from './api-context.js';
import type { TransactionMode } from './config.js';
import { createMigrationLock } from './lock.js';
import type { Direction } from './revision.js';
import type { MigrateResult } from './runner-events.js';
import type { ScriptDirectory } from './script-directory.js';

/** Options of {@link upgrade} and {@link downgrade}. */
export interface MigrateOptions extends MigrationApiOptions {
  /**
   * Where to go. Upgrade default `head`; downgrade requires one (`-1`, `base`, a revision, ...).
   * With `sql: true`, `from:to` starts the script at `from` instead of base (upgrade) or the heads
   * (downgrade), as Alembic's `upgrade a:b --sql`.
   */
  readonly target?: string;
  /** Write the SQL script instead of running it (`--sql`); no connection is made. */
  readonly sql?: boolean;
  /** Override the config's transaction mode. */
  readonly transaction?: TransactionMode;
}

function splitRange(target: string, sql: boolean): { from: string | null; to: string } {
  const i = target.indexOf(':');
  if (i < 0) return { from: null, to: target };
  if (!sql) throw new ConfigError(`"${target}": a from:to range is only for --sql output; online runs start from the database's heads`);
  return { from: target.slice(0, i), to: target.slice(i + 1) };
}

async function migrate(direction: Direction, options: MigrateOptions, target: string): Promise<MigrateResult> {
  const settings = await resolveSettings(options);
  const sql = options.sql === true;
  const range = splitRange(target, sql);
  const common = (scripts: ScriptDirectory) => ({
    scripts,
    direction,
    target: range.to,
    versionTable: settings.versionTable,
    transaction: settings.transaction,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  if (sql) {
    const [scripts, { runOffline }] = await Promise.all([loadScripts(options, settings), import('./runner.js')]);
    const fromHeads = scripts.graph.resolve(range.from ?? (direction === 'up' ? 'base' : 'heads'));
    return runOffline({ ...common(scripts), dialect: await dialectOf(options, settings.config), fromHeads });
  }
  return withEngine(options, settings.config, async (engine) => {
    // the lock's connection and the migrating one open while the files load
    const [scripts, { runOnline }] = await Promise.all([
      loadScripts(options, settings),
      import('./runner.js'),
      prewarm(engine, createMigrationLock(engine, { versionTable: settings.versionTable }).scope === 'session' ? 2 : 1),
    ]);
    return runOnline({ ...common(scripts), engine, ...(options.lockTimeoutMs !== undefined ? { lockTimeoutMs: options.lockTimeoutMs } : {}) });
  });
}

/**
 * Upgrades the database to `target` (default `head`), or with `sql: true` returns the script.
 *
 * @example
 * ```ts
 * const result = await upgrade({ url: 'sqlite:///app.db', onEvent: (e) => log(e) });
 * const { sql } = await upgrade({ url: 'postgresql://localhost/app', target: 'base:head', sql: true });
 * ```
 */
export function upgrade(options: MigrateOptions = {}): Promise<MigrateResult> {
  return migrate('up', options, options.target ?? 'head');
}

/**
 * Downgrades the database to `target` (`-1`, `base`, a revision, `feature@-1`, ...).
 *
 * @example
 * ```ts
 * await downgrade({ engine, target: '-1' });
 * ```
 */
export function downgrade(options: MigrateOptions & { readonly target: string }): Promise<MigrateResult> {
  if (typeof options.target !== 'string' || options.target === '') {
    return Promise.reject(new ConfigError('downgrade needs a target: -1, base, or a revision'));
  }
  return migrate('down', options, options.target);
}

