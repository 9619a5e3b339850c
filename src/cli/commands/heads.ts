/** `retort heads [--json]`: the heads of the migration files (not the database's: see current). */
import type { CommandArgs } from '../command.js';
import { commandConfig } from '../config.js';
import type { CliIO } from '../io.js';
import { revisionMarks } from '../revision-text.js';

export async function run(args: CommandArgs, io: CliIO): Promise<number> {
  const config = await commandConfig(args, io);
  const { heads } = await import('../../migrations/api-status.js');
  const found = await heads({ config });
  if (args.json === true) io.out(JSON.stringify(found, null, 2));
  else if (found.length > 0) io.out(found.map((h) => `${h.revision}${revisionMarks(h)}, ${h.message}`).join('\n'));
  else io.out('no revisions');
  return 0;
}
