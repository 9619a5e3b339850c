import type { Operation } from '../operations/operation.js';
import type { SchemaSnapshot, ViewSnapshot } from '../schema/snapshot.js';
import type { CompareWarning } from './compare-options.js';

/**
 * Warnings for the ops PostgreSQL refuses while a view reads what they change: a column's type
 * change, a dropped column, a dropped table (the server's "cannot alter type of a column used by a
 * view or rule"). Found from the views' `uses` (PostgreSQL reflection records them); retort does
 * not manage views, so the migration is written as it is and the warning, at the top of its
 * upgrade and on stderr, says what to add. Nothing on other dialects (their views carry no `uses`).
 *
 * @example
 * ```ts
 * // column film.title is read by view film_list: PostgreSQL cannot change its type while the view
 * //   exists; drop the view before this change and create it again after (op.execute)
 * ```
 */
export function viewDependencyWarnings(ops: readonly Operation[], database: SchemaSnapshot): CompareWarning[] {
  const views = database.views.filter((v) => v.uses !== undefined && v.uses.length > 0);
  if (views.length === 0) return [];
  const own = (schema: string | null): string | null => schema ?? database.schema;
  const readers = (schema: string | null, table: string, column: string | null): ViewSnapshot[] =>
    views.filter((v) => v.uses!.some((u) => own(u.schema) === own(schema) && u.table === table && (column === null || u.column === column)));
  const names = (found: readonly ViewSnapshot[]): string => `${found.length === 1 ? 'view' : 'views'} ${found.map((v) => v.name).join(', ')}`;

  const warnings: CompareWarning[] = [];
  for (const op of ops) {
    // what the op changes (a column, or a whole table) and what PostgreSQL refuses about it
    let table: string;
    let column: string | null;
    let refusal: string;
    if (op.kind === 'alterColumn' && op.changes.type !== undefined) {
      [table, column] = [op.table, op.name];
      refusal = 'PostgreSQL cannot change its type while the view exists; drop the view before this change and create it again after (op.execute)';
    } else if (op.kind === 'dropColumn') {
      [table, column] = [op.table, op.name];
      refusal = 'PostgreSQL cannot drop it while the view exists; drop or change the view first (op.execute)';
    } else if (op.kind === 'dropTable') {
      [table, column] = [op.name, null];
      refusal = 'PostgreSQL cannot drop it while the view exists; drop or change the view first (op.execute)';
    } else {
      continue;
    }
    const found = readers(op.schema, table, column);
    if (found.length > 0) {
      const what = column === null ? `table ${table}` : `column ${table}.${column}`;
      warnings.push({ table, message: `${what} is read by ${names(found)}: ${refusal}` });
    }
  }
  return warnings;
}
