/**
 * `retort check [--json]`: do the models match the database? Exit 0 `models match the database
 * (18 tables)`; exit 1 with each differing table or enum as a unified diff, or when the database
 * is not at head. Checksum drift is a warning on stderr.
 */
import { describeDrift } from '../../migrations/checksum-drift.js';
import type { CommandArgs } from '../command.js';
import { commandConfig, requireUrl } from '../config.js';
import { dialectOfUrl } from '../engine.js';
import type { CliIO } from '../io.js';
import { revisionList } from '../revision-text.js';

export async function run(args: CommandArgs, io: CliIO): Promise<number> {
  const config = await commandConfig(args, io);
  const url = requireUrl(config);
  const { check } = await import('../../migrations/api-check.js');
  const result = await check({ config, url });
  for (const d of result.drift) io.err(`warning: ${describeDrift(d)}`);
  for (const w of result.warnings) io.err(`warning: ${w.table === null ? '' : `${w.table}: `}${w.message}`);
  if (args.json === true) {
    io.out(JSON.stringify(result, null, 2));
    return result.matches ? 0 : 1;
  }
  if (!result.upToDate) {
    const at = revisionList(result.heads.map((h) => h.revision));
    io.err(`not at head: the database is at ${at}, head is ${revisionList(result.graphHeads)} (${result.pending.length} pending): run retort upgrade`);
    return 1;
  }
  const tables = result.tables === 1 ? '1 table' : `${result.tables ?? 0} tables`;
  if (result.matches) {
    io.out(`models match the database (${tables})`);
    return 0;
  }
  const count = result.operations.length === 1 ? '1 change' : `${result.operations.length} changes`;
  io.out(`models and database differ (${count}); retort revision --autogenerate -m "..." writes the migration\n`);
  for (const d of result.differences) io.out(d.patch);
  if (result.differences.length === 0) {
    const { describeOperations } = await import('../../autogenerate/describe.js');
    io.out(describeOperations(result.operations, await dialectOfUrl(url)).join('\n'));
  }
  return 1;
}

