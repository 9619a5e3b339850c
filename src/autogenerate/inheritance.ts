import type { Operation } from '../operations/operation.js';
import type { InheritanceSnapshot, SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import type { CompareWarning } from './compare-options.js';

/**
 * Warnings for the ops that PostgreSQL table inheritance (`CREATE TABLE capital (...) INHERITS
 * (city)`) refuses or carries further, found from the tables' reflected `inherits`. retort does
 * not manage inheritance (models cannot declare it): the migration is written as it is and the
 * warning, at the top of its upgrade and on stderr, says what happens. PostgreSQL refuses to drop,
 * retype or rename a column a child has from its parent ('cannot drop inherited column'), to
 * drop NOT NULL where the parent's column has it, and to drop a parent while a child inherits
 * from it; a change to the parent's column is made in every child too (which models declaring
 * the child's column apart do not expect).
 *
 * @example
 * ```ts
 * // column capital.population is inherited from city: PostgreSQL cannot drop it from capital alone;
 * //   drop it from city (every table inheriting it loses it) or detach capital first (ALTER TABLE capital NO INHERIT city) (op.execute)
 * ```
 */
export function inheritanceWarnings(ops: readonly Operation[], database: SchemaSnapshot): CompareWarning[] {
  const children = database.tables.filter((t) => t.inherits !== undefined && t.inherits.length > 0);
  if (children.length === 0) return [];
  const own = (schema: string | null): string | null => schema ?? database.schema;
  const label = (schema: string | null, name: string): string => (schema === null || schema === database.schema ? name : `${schema}.${name}`);
  const tableOf = (schema: string | null, name: string): TableSnapshot | undefined =>
    database.tables.find((t) => t.name === name && own(t.schema) === own(schema));
  /** The parents a table's column comes from. */
  const parentsOf = (schema: string | null, table: string, column: string): InheritanceSnapshot[] =>
    (tableOf(schema, table)?.inherits ?? []).filter((p) => p.columns.includes(column));
  /** The tables that have a column from this table's column (or, column null, that inherit from it at all). */
  const heirsOf = (schema: string | null, table: string, column: string | null): TableSnapshot[] =>
    children.filter((c) => c.inherits!.some((p) => p.table === table && own(p.schema ?? c.schema) === own(schema) && (column === null || p.columns.includes(column))));
  const parentNames = (list: readonly InheritanceSnapshot[]): string => list.map((p) => label(p.schema, p.table)).join(', ');
  const heirNames = (list: readonly TableSnapshot[]): string => list.map((t) => label(t.schema, t.name)).join(', ');

  const warnings: CompareWarning[] = [];
  const push = (table: string, message: string): void => {
    warnings.push({ table, message });
  };
  for (const op of ops) {
    if (op.kind === 'dropTable') {
      const heirs = heirsOf(op.schema, op.name, null);
      if (heirs.length > 0) push(op.name, `table ${op.name} is inherited by ${heirNames(heirs)}: PostgreSQL cannot drop it while they inherit from it; drop them first or detach them (ALTER TABLE ... NO INHERIT ${op.name}) (op.execute)`);
      continue;
    }
    if (op.kind !== 'dropColumn' && op.kind !== 'alterColumn' && op.kind !== 'renameColumn') continue;
    const column = op.kind === 'renameColumn' ? op.from : op.name;
    const what = `column ${op.table}.${column}`;
    const parents = parentsOf(op.schema, op.table, column);
    const retyped = op.kind === 'alterColumn' && op.changes.type !== undefined;
    if (parents.length > 0) {
      const from = parentNames(parents);
      const detach = `detach ${op.table} first (ALTER TABLE ${op.table} NO INHERIT ${from.split(', ')[0]}) (op.execute)`;
      if (op.kind === 'dropColumn') push(op.table, `${what} is inherited from ${from}: PostgreSQL cannot drop it from ${op.table} alone; drop it from ${from} (every table inheriting it loses it) or ${detach}`);
      else if (op.kind === 'renameColumn') push(op.table, `${what} is inherited from ${from}: PostgreSQL cannot rename it in ${op.table} alone; rename it in ${from} (every table inheriting it follows) or ${detach}`);
      else if (retyped) push(op.table, `${what} is inherited from ${from}: PostgreSQL cannot change its type in ${op.table} alone; change it in ${from} (every table inheriting it follows) or ${detach}`);
      if (op.kind === 'alterColumn' && op.changes.nullable === true) {
        const notNull = parents.filter((p) => tableOf(p.schema ?? op.schema, p.table)?.columns.find((c) => c.name === column)?.nullable === false);
        if (notNull.length > 0) push(op.table, `${what} is inherited from ${parentNames(notNull)}, where it is NOT NULL: PostgreSQL cannot drop NOT NULL in ${op.table} alone`);
      }
    }
    const heirs = heirsOf(op.schema, op.table, column);
    if (heirs.length > 0 && (op.kind !== 'alterColumn' || retyped)) {
      const change = op.kind === 'dropColumn' ? 'drops it from' : op.kind === 'renameColumn' ? 'renames it in' : 'changes its type in';
      const kept = op.kind === 'dropColumn' ? ` (where ${heirs.length === 1 ? 'it declares' : 'they declare'} the column itself too, it is kept)` : '';
      push(op.table, `${what} is inherited by ${heirNames(heirs)}: PostgreSQL ${change} ${heirNames(heirs)} too${kept}`);
    }
  }
  return warnings;
}
