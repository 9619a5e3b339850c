/**
 * The schema state of an offline (`--sql`) run: some ops need the table as it is (SQLite
 * rebuilds, MySQL MODIFY), and offline there is no database to read it from. It is rebuilt by
 * replaying, in memory, the upgrade of every migration applied at the start heads, oldest first,
 * through a migration context whose sink drops the statements: the same facade and ops as a
 * real run, applied to a snapshot with `applyOperation`. Raw `op.execute` SQL changes nothing
 * in the replayed snapshot, so the snapshot is partial: an op on a table it lacks changes nothing,
 * and only an op whose SQL needs such a table's definition fails (naming the reason).
 */
import type { Dialect } from '../engine/dialect.js';
import { MigrationContext } from '../operations/context.js';
import { Operations } from '../operations/facade.js';
import { OfflineSchemaState } from '../operations/schema-state.js';
import type { StatementSink } from '../operations/sinks.js';
import { ScriptError } from '../errors/index.js';
import type { ScriptDirectory } from './script-directory.js';

const DISCARD: StatementSink = { run: () => Promise.resolve() };

/**
 * The schema after the migrations applied at `heads` (empty: an empty schema).
 *
 * @example
 * ```ts
 * const state = await replayState(scripts, sqliteDialect, ['3f2a9c1d7b04']);
 * await state.table(null, 'post'); // the post table as the migrations built it
 * ```
 */
export async function replayState(scripts: ScriptDirectory, dialect: Dialect, heads: readonly string[]): Promise<OfflineSchemaState> {
  // partial: tables made outside the migrations (an adopted database, raw SQL) are not in it
  const state = new OfflineSchemaState(undefined, { partial: true });
  if (heads.length === 0) return state;
  const applied = scripts.graph.appliedRevisions(heads);
  for (const rev of scripts.graph.all()) {
    if (!applied.has(rev.id)) continue;
    const script = scripts.get(rev.id);
    const context = new MigrationContext({ dialect, sink: DISCARD, state });
    const upgrade = script.upgrade;
    try {
      await context.batch(async () => {
        await upgrade(new Operations(context));
      });
    } catch (e) {
      throw new ScriptError(script.path, `cannot replay its upgrade to build the offline schema state: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
  return state;
}
