/** `retort stamp <rev> [--sql]`: records revisions in the version table without running them. */
import type { CommandArgs } from '../command.js';
import { commandConfig, requireUrl } from '../config.js';
import type { CliIO } from '../io.js';
import { revisionList } from '../revision-text.js';

export async function run(args: CommandArgs, io: CliIO): Promise<number> {
  const config = await commandConfig(args, io);
  const url = requireUrl(config);
  const { stamp } = await import('../../migrations/api-stamp.js');
  const targets = Array.isArray(args.revision) ? args.revision.map(String) : [String(args.revision)];
  const result = await stamp({ config, url, target: targets.join(' '), sql: args.sql === true });
  if (args.sql === true) io.out(result.sql ?? '');
  else io.out(`stamped ${revisionList(result.fromHeads)} -> ${revisionList(result.heads)}`);
  return 0;
}
