/** `retort merge -m MSG [revs...]`: writes a revision joining heads (default: all of them). */
import type { CommandArgs } from '../command.js';
import { commandConfig, shownPath } from '../config.js';
import type { CliIO } from '../io.js';
import { revisionList } from '../revision-text.js';
import { revisionFlags } from './revision-flags.js';

export async function run(args: CommandArgs, io: CliIO): Promise<number> {
  const config = await commandConfig(args, io);
  const { merge } = await import('../../migrations/api-revision.js');
  const revisions = Array.isArray(args.revisions) ? args.revisions.map(String) : [];
  const written = await merge({ config, ...revisionFlags(args), revisions });
  io.out(`merged ${revisionList(written.parents)} -> ${written.id}`);
  io.out(`wrote ${shownPath(written.path, io)}`);
  return 0;
}
