/**
 * `retort show <rev> [--json]`: one revision (an id, a prefix, `head`, a branch label, `-1` ...):
 * its parents, children, file, date, message, branch labels and dependencies.
 */
import type { CommandArgs } from '../command.js';
import { commandConfig, shownPath } from '../config.js';
import type { CliIO } from '../io.js';
import { revisionList, revisionMarks } from '../revision-text.js';

export async function run(args: CommandArgs, io: CliIO): Promise<number> {
  const config = await commandConfig(args, io);
  const { ScriptDirectory } = await import('../../migrations/script-directory.js');
  const scripts = await ScriptDirectory.load(config.migrations);
  const graph = scripts.graph;
  const target = String(args.revision);
  const id = graph.resolveOne(target);
  if (id === null) {
    io.out(args.json === true ? 'null' : '<base>: no revision (the empty database)');
    return 0;
  }
  const script = scripts.get(id);
  const info = {
    revision: id,
    parents: script.parents,
    children: graph.children(id),
    message: script.message,
    path: script.path,
    createdAt: script.createdAt,
    branchLabels: graph.labelsOf(id),
    dependsOn: script.dependsOn,
    transaction: script.transaction,
    isHead: graph.isHead(id),
    isBranchPoint: graph.isBranchPoint(id),
    isMergePoint: graph.isMergePoint(id),
  };
  if (args.json === true) {
    io.out(JSON.stringify(info, null, 2));
    return 0;
  }
  const lines: [string, string][] = [
    ['revision', `${id}${revisionMarks(info)}`],
    ['parents', revisionList(info.parents)],
    ['children', info.children.length === 0 ? '(none)' : info.children.join(', ')],
    ['path', shownPath(info.path, io)],
    ['date', info.createdAt ?? '(not given)'],
    ['branch labels', info.branchLabels.length === 0 ? '(none)' : info.branchLabels.join(', ')],
    ['depends on', info.dependsOn.length === 0 ? '(none)' : info.dependsOn.join(', ')],
  ];
  if (!info.transaction) lines.push(['transaction', 'no (runs outside a transaction)']);
  lines.push(['message', info.message]);
  for (const [label, value] of lines) io.out(`${`${label}:`.padEnd(15)}${value}`);
  return 0;
}
