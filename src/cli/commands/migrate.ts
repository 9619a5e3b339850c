/**
 * `retort upgrade [target]` and `retort downgrade <target>`: run migrations, printing the plan and
 * each migration as it finishes; with `--sql`, print the script only (nothing connects).
 */
import { downgrade, upgrade } from '../../migrations/api.js';
import { createMigrationLock } from '../../migrations/lock.js';
import type { Direction } from '../../migrations/revision.js';
import type { MigrateResult } from '../../migrations/runner-events.js';
import { ScriptDirectory } from '../../migrations/script-directory.js';
import type { CommandArgs } from '../command.js';
import { commandConfig, requireUrl } from '../config.js';
import { scriptsWhileConnecting } from '../connect-early.js';
import type { CliIO } from '../io.js';
import { nothingToDo, runPrinter } from '../run-printer.js';

async function migrate(direction: Direction, args: CommandArgs, io: CliIO): Promise<number> {
  const config = await commandConfig(args, io);
  const url = requireUrl(config);
  const script = args.sql === true;
  const target = typeof args.target === 'string' ? args.target : 'head';
  let result: MigrateResult;
  if (script) {
    // --sql: nothing connects
    const scripts = await ScriptDirectory.load(config.migrations);
    const options = { config, url, scripts, sql: true, onEvent: runPrinter(io, scripts, { script }) };
    result = direction === 'up' ? await upgrade({ ...options, target }) : await downgrade({ ...options, target });
  } else {
    // the runner (the ops layer, umzug's loader), which upgrade() imports after the files have
    // loaded, loads meanwhile: in the gaps while chunks are read and the database answers
    import('../../migrations/runner.js').catch(() => undefined);
    // the lock's connection and the migrating one, as the API opens them
    const early = await scriptsWhileConnecting(url, config.migrations, (engine) =>
      createMigrationLock(engine, { versionTable: config.versionTable }).scope === 'session' ? 2 : 1,
    );
    try {
      const options = { config, engine: early.engine, scripts: early.scripts, onEvent: runPrinter(io, early.scripts, { script }) };
      result = direction === 'up' ? await upgrade({ ...options, target }) : await downgrade({ ...options, target });
    } finally {
      await early.engine.dispose();
    }
  }
  if (script) io.out(result.sql ?? '');
  else if (result.steps.length === 0) io.out(nothingToDo(result));
  return 0;
}

/** `retort upgrade`. */
export function runUpgrade(args: CommandArgs, io: CliIO): Promise<number> {
  return migrate('up', args, io);
}

/** `retort downgrade`. */
export function runDowngrade(args: CommandArgs, io: CliIO): Promise<number> {
  return migrate('down', args, io);
}
