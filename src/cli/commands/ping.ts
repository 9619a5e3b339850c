import { commandConfig, requireUrl } from '../config.js';
import type { CommandArgs } from '../command.js';
import { commandEngine } from '../engine.js';
import type { CliIO } from '../io.js';

/** `retort ping`: connects, prints the masked URL and the server's version. */
export async function run(args: CommandArgs, io: CliIO): Promise<void> {
  const engine = await commandEngine(requireUrl(await commandConfig(args, io)));
  try {
    const started = performance.now();
    const { rows } = await engine.execute(engine.dialect.serverVersionSql);
    const ms = Math.round(performance.now() - started);
    const version = rows[0] ? Object.values(rows[0])[0] : undefined;
    io.out(`connected to ${engine.url.toString()} in ${ms} ms`);
    io.out(`server: ${engine.dialect.name} ${String(version ?? 'unknown version')}`);
  } finally {
    await engine.dispose();
  }
}
