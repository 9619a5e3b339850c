/**
 * `retort branches [--json]`: the revisions several revisions build on, each with its children:
 *
 * ```
 * a0a0a0a0a0a0 (branchpoint), create user
 *   -> b1b1b1b1b1b1 (head), add post
 *   -> b2b2b2b2b2b2 (head), add tag
 * ```
 */
import type { RevisionInfo } from '../../migrations/api-status.js';
import type { CommandArgs } from '../command.js';
import { commandConfig } from '../config.js';
import type { CliIO } from '../io.js';
import { revisionMarks } from '../revision-text.js';

export async function run(args: CommandArgs, io: CliIO): Promise<number> {
  const config = await commandConfig(args, io);
  const { history } = await import('../../migrations/api-status.js');
  const all = await history({ config });
  const branches = all
    .filter((r) => r.isBranchPoint)
    .map((r) => ({ ...r, children: all.filter((c) => c.parents.includes(r.revision)).sort((a, b) => a.revision.localeCompare(b.revision)) }));
  if (args.json === true) {
    const brief = (r: RevisionInfo) => ({ revision: r.revision, message: r.message, isHead: r.isHead, branchLabels: r.branchLabels });
    io.out(JSON.stringify(branches.map((b) => ({ ...brief(b), children: b.children.map(brief) })), null, 2));
    return 0;
  }
  if (branches.length === 0) io.out('no branch points');
  for (const b of branches) {
    io.out(`${b.revision}${revisionMarks(b)}, ${b.message}`);
    for (const c of b.children) io.out(`  -> ${c.revision}${revisionMarks(c)}, ${c.message}`);
  }
  return 0;
}
