/** What the data says about destructive changes: `autogenerate` and `retort diff` share it. */
import { nullCheckQuery, type DestructiveChange } from '../autogenerate/destructive.js';
import type { Engine } from '../engine/types.js';

/**
 * The destructive changes, without the NOT NULL ones whose column holds no NULL in the database
 * `engine` reaches (the database the changes apply to).
 *
 * @example
 * ```ts
 * const destructive = await confirmDestructive(engine, findDestructiveChanges(ops, { dialect: engine.dialect }));
 * ```
 */
export async function confirmDestructive(engine: Engine, changes: readonly DestructiveChange[]): Promise<DestructiveChange[]> {
  const kept: DestructiveChange[] = [];
  for (const change of changes) {
    const check = change.needsNullCheck;
    if (check === undefined) {
      kept.push(change);
      continue;
    }
    const hasNull = await engine.execute(nullCheckQuery(check, engine.dialect)).then(
      ({ rows }) => rows.length > 0,
      () => true, // the table is renamed or created in the same migration: keep the warning
    );
    if (hasNull) kept.push(change);
  }
  return kept;
}
