import type { Operation } from '../operations/operation.js';
import type { SchemaSnapshot } from '../schema/snapshot.js';
import type { CompareWarning } from './compare-options.js';

/**
 * Warnings for the MariaDB system-versioned tables (`WITH SYSTEM VERSIONING`) whose columns or
 * unique keys the ops change, in the upgrade or in its reverse: the server refuses such an ALTER
 * TABLE (error 4119) unless the session sets `system_versioning_alter_history = KEEP`. retort
 * leaves that choice to the user (the history rows change along), so the warning, on stderr and at
 * the top of the migration, names the statement to run first. One warning per table.
 *
 * @example
 * ```ts
 * // price: system-versioned table: MariaDB refuses to change its columns unless the session allows it:
 * //   run op.execute("SET @@system_versioning_alter_history = 'KEEP'") first (in upgrade and downgrade; ...)
 * ```
 */
export function systemVersionedAlterWarnings(ops: readonly Operation[], database: SchemaSnapshot): CompareWarning[] {
  const versioned = new Map(database.tables.filter((t) => t.systemVersioning === true).map((t) => [t.name, t]));
  if (versioned.size === 0) return [];
  const warned = new Set<string>();
  const warnings: CompareWarning[] = [];
  for (const op of ops) {
    if (!('table' in op) || typeof op.table !== 'string') continue;
    const table = versioned.get(op.table);
    if (table === undefined || warned.has(table.name)) continue;
    const refused = op.kind === 'addColumn' || op.kind === 'dropColumn' || op.kind === 'alterColumn' || op.kind === 'addUnique' || op.kind === 'dropUnique'
      || (op.kind === 'createIndex' && op.index.unique)
      || (op.kind === 'dropIndex' && table.indexes.some((ix) => ix.name === op.name && ix.unique));
    if (!refused) continue;
    warned.add(table.name);
    warnings.push({
      table: table.name,
      message: `system-versioned table: MariaDB refuses to change its columns unless the session allows it: `
        + `run op.execute("SET @@system_versioning_alter_history = 'KEEP'") first (in upgrade and downgrade; the history rows change along)`,
    });
  }
  return warnings;
}
