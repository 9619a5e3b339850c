import type { Dialect } from '../engine/dialect.js';
import type { Operation } from '../operations/operation.js';
import type { SchemaSnapshot, ViewSnapshot } from '../schema/snapshot.js';
import type { CompareWarning } from './compare-options.js';

/**
 * Warnings for the ops that a view reading what they change stands in the way of, or does not
 * survive. Found from the views' `uses` (PostgreSQL and MySQL reflection record them); retort does
 * not manage views, so the migration is written as it is and the warning, at the top of its
 * upgrade and on stderr, says what to add. Where views hold on to what they read
 * (`capabilities.viewsBindColumns`, PostgreSQL), the server refuses a column's type change, a
 * dropped column or table ("cannot alter type of a column used by a view or rule"), and renames
 * carry over. Elsewhere (MySQL) a dropped or renamed column or table leaves the view broken: every
 * read of it fails. SQLite views carry no `uses`: its ALTER TABLE refuses such a change at upgrade.
 *
 * @example
 * ```ts
 * // column film.title is read by view film_list: PostgreSQL cannot change its type while the view
 * //   exists; drop the view before this change and create it again after (op.execute)
 * ```
 */
export function viewDependencyWarnings(ops: readonly Operation[], database: SchemaSnapshot, dialect: Pick<Dialect, 'capabilities'>): CompareWarning[] {
  // the schema's own views, and (PostgreSQL) those of other schemas that read its tables
  const views = [...database.views, ...(database.dependentViews ?? [])].filter((v) => v.uses !== undefined && v.uses.length > 0);
  if (views.length === 0) return [];
  const own = (schema: string | null): string | null => schema ?? database.schema;
  const readers = (schema: string | null, table: string, column: string | null): ViewSnapshot[] =>
    views.filter((v) => v.uses!.some((u) => own(u.schema) === own(schema) && u.table === table && (column === null || u.column === column)));
  const label = (v: ViewSnapshot): string => (v.schema === null || v.schema === database.schema ? v.name : `${v.schema}.${v.name}`);
  // `view a`, `materialized views b, c`, or each with its kind when they are of both kinds
  const kind = (v: ViewSnapshot): string => (v.materialized !== undefined ? 'materialized view' : 'view');
  const names = (found: readonly ViewSnapshot[]): string => (found.every((v) => kind(v) === kind(found[0]!))
    ? `${kind(found[0]!)}${found.length === 1 ? '' : 's'} ${found.map(label).join(', ')}`
    : found.map((v) => `${kind(v)} ${label(v)}`).join(', '));
  const refusal = dialect.capabilities.viewsBindColumns ? boundRefusal : brokenView;

  const warnings: CompareWarning[] = [];
  for (const op of ops) {
    const change = refusal(op);
    if (change === null) continue;
    const found = readers(change.schema, change.table, change.column);
    if (found.length > 0) {
      const what = change.column === null ? `table ${change.table}` : `column ${change.table}.${change.column}`;
      warnings.push({ table: change.table, message: `${what} is read by ${names(found)}: ${change.message(found.length)}` });
    }
  }
  return warnings;
}

/** What an op changes (a column, or a whole table) and what the database does about the views reading it. */
interface ViewBreakingChange {
  readonly schema: string | null;
  readonly table: string;
  readonly column: string | null;
  readonly message: (views: number) => string;
}

/** PostgreSQL: the server refuses the op while the view exists. */
function boundRefusal(op: Operation): ViewBreakingChange | null {
  if (op.kind === 'alterColumn' && op.changes.type !== undefined) {
    return { schema: op.schema, table: op.table, column: op.name, message: () => 'PostgreSQL cannot change its type while the view exists; drop the view before this change and create it again after (op.execute)' };
  }
  const message = (): string => 'PostgreSQL cannot drop it while the view exists; drop or change the view first (op.execute)';
  if (op.kind === 'dropColumn') return { schema: op.schema, table: op.table, column: op.name, message };
  if (op.kind === 'dropTable') return { schema: op.schema, table: op.name, column: null, message };
  return null;
}

/** MySQL: the op runs and the view is left reading what is gone. */
function brokenView(op: Operation): ViewBreakingChange | null {
  const broken = (done: string, fix: (them: string) => string) => (views: number): string => {
    const them = views === 1 ? 'view' : 'views';
    return `MySQL ${done} and leaves the ${them} broken (an error on every read); ${fix(them)} (op.execute)`;
  };
  const dropped = broken('drops it', (them) => `change or drop the ${them} with it`);
  const renamed = broken('renames it', (them) => `create the ${them} again after the rename`);
  if (op.kind === 'dropColumn') return { schema: op.schema, table: op.table, column: op.name, message: dropped };
  if (op.kind === 'dropTable') return { schema: op.schema, table: op.name, column: null, message: dropped };
  if (op.kind === 'renameColumn') return { schema: op.schema, table: op.table, column: op.from, message: renamed };
  if (op.kind === 'renameTable') return { schema: op.schema, table: op.from, column: null, message: renamed };
  return null;
}
