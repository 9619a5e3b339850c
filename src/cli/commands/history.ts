/** `retort history [-r lower:upper] [--json]`: the migration files' revisions, newest first. */
import type { CommandArgs } from '../command.js';
import { commandConfig } from '../config.js';
import type { CliIO } from '../io.js';
import { historyLine } from '../revision-text.js';

export async function run(args: CommandArgs, io: CliIO): Promise<number> {
  const config = await commandConfig(args, io);
  const { history } = await import('../../migrations/api-status.js');
  const range = typeof args.range === 'string' ? args.range : undefined;
  const revisions = await history({ config, ...(range === undefined ? {} : { range }) });
  if (args.json === true) io.out(JSON.stringify(revisions, null, 2));
  else if (revisions.length > 0) io.out(revisions.map(historyLine).join('\n'));
  else io.out('no revisions');
  return 0;
}
