import { createEngine } from '../../index.js';
import { resolveDatabaseUrl } from '../database-url.js';
import type { CommandArgs } from '../command.js';
import type { CliIO, GlobalArgs } from '../io.js';

/** `retort ping`: connects, prints the masked URL and the server's version. */
export async function run(args: CommandArgs, io: CliIO): Promise<void> {
  const engine = createEngine(await resolveDatabaseUrl(args as GlobalArgs, io), { pool: { max: 1, acquireTimeoutMs: 15_000 } });
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
