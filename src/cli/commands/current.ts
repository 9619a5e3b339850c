/**
 * `retort current [--json] [--verbose]`: the database's current heads with their messages,
 * `(base)` when none, what is pending; checksum drift as warnings on stderr.
 */
import { current } from '../../migrations/api-status.js';
import { describeDrift } from '../../migrations/checksum-drift.js';
import type { CommandArgs } from '../command.js';
import { commandConfig, requireUrl, shownPath } from '../config.js';
import { scriptsWhileConnecting } from '../connect-early.js';
import type { CliIO } from '../io.js';
import { stepArrow } from '../run-printer.js';

export async function run(args: CommandArgs, io: CliIO): Promise<number> {
  const config = await commandConfig(args, io);
  const url = requireUrl(config);
  const { engine, scripts } = await scriptsWhileConnecting(url, config.migrations, () => 1);
  let result: Awaited<ReturnType<typeof current>>;
  try {
    result = await current({ config, engine, scripts });
  } finally {
    await engine.dispose();
  }
  for (const d of result.drift) io.err(`warning: ${describeDrift(d)}`);
  if (args.json === true) {
    io.out(JSON.stringify(result, null, 2));
    return 0;
  }
  if (result.heads.length === 0) io.out('(base)');
  for (const head of result.heads) {
    io.out(`${head.revision}${head.isHead ? ' (head)' : ''}  ${head.message ?? ''}`.trimEnd());
    if (args.verbose === true && head.path !== null) io.out(`  ${shownPath(head.path, io)}`);
  }
  const pending = result.pending.length;
  if (pending > 0) {
    io.out(`${pending} pending ${pending === 1 ? 'migration' : 'migrations'}: run retort upgrade`);
    if (args.verbose === true) for (const step of result.pending) io.out(`  ${stepArrow(step, scripts)}  ${step.message}`);
  } else if (args.verbose === true) {
    io.out('up to date');
  }
  return 0;
}
