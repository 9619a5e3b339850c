/**
 * Table rebuilds for dialects that cannot alter a table in place (SQLite: capabilities
 * `alterColumn` / `alterConstraints` false), the 12-step way of
 * https://www.sqlite.org/lang_altertable.html#otheralter:
 *
 * 1. a guard that fails when `PRAGMA foreign_keys` is ON (expect no rows),
 * 2. CREATE TABLE `_retort_tmp_<table>` in the new shape (generated columns included),
 * 3. `INSERT INTO tmp (cols) SELECT cols FROM old` for the columns kept (renamed ones mapped;
 *    generated columns are left out on both sides: the new table computes them),
 * 4. DROP TABLE old, 5. ALTER TABLE tmp RENAME TO old, 6. CREATE INDEX for each index, and the
 * triggers again, 7. `ALTER TABLE old RENAME COLUMN c TO c` (SQLite checks the views and triggers),
 * 8. `PRAGMA foreign_key_check("<table>")` (expect no rows).
 *
 * Consecutive ops on one table are merged into one rebuild (see `rebuildRunLength`).
 *
 * CONTRACT FOR THE MIGRATION RUNNER. Foreign keys must be OFF during a rebuild: with them ON,
 * `DROP TABLE old` runs the ON DELETE actions of child tables (CASCADE deletes their rows) and
 * the rename rewrites their references. `PRAGMA foreign_keys` is a no-op inside a transaction, so
 * on such a dialect the runner, on the migration's connection:
 * - reads `PRAGMA foreign_keys`, runs `PRAGMA foreign_keys=OFF` BEFORE it begins the migration's
 *   transaction (and outside any transaction),
 * - runs the migration's statements in the transaction (the `foreign_key_check` statements are
 *   among them and fail the migration, so the transaction rolls back, when rows are orphaned),
 * - after COMMIT or ROLLBACK, restores the value it read (`PRAGMA foreign_keys=ON`), on every
 *   path (try/finally).
 * The guard statement makes a rebuild fail before it touches data when this was not done.
 * Views on a rebuilt table are not recreated (retort does not model them, and they survive).
 * A second guard refuses a table with triggers (DROP TABLE would take them along) or with
 * generated columns that the table's definition does not hold (added with op.execute).
 */
import { OperationError } from '../errors/index.js';
import type { Dialect } from '../engine/dialect.js';
import type { ColumnSnapshot, DefaultSpec, TableSnapshot } from '../schema/snapshot.js';
import { applyOperation } from './apply.js';
import { mentionsIdentifier } from './sql-identifiers.js';
import type { Operation } from './operation.js';
import type { Statement } from './statement.js';
import { statements } from './statement.js';
import { describeOperation, operationTable, qualifiedName, sameSchema, type TableName } from './target.js';

/** Prefix of the temporary table of a rebuild. */
export const REBUILD_TABLE_PREFIX = '_retort_tmp_';

/** True when the dialect rebuilds tables for what it cannot alter in place. */
export function rebuildsTables(dialect: Dialect): boolean {
  return !dialect.capabilities.alterColumn || !dialect.capabilities.alterConstraints;
}

const CONSTANT = /^\s*(NULL|TRUE|FALSE|[-+]?\d+(\.\d+)?([eE][-+]?\d+)?|'([^']|'')*'|[xX]'[0-9A-Fa-f]*')\s*$/;

function isConstant(value: DefaultSpec | null): boolean {
  return value === null || value.kind === 'literal' || CONSTANT.test(value.sql);
}

/** True when the column is part of a key, index or constraint of its table. */
function isInvolved(table: TableSnapshot, name: string): boolean {
  const mentions = (text: string | null): boolean => text !== null && mentionsIdentifier(text, name);
  return Boolean(table.primaryKey?.columns.includes(name))
    || table.uniques.some((u) => u.columns.includes(name))
    || table.foreignKeys.some((fk) => fk.columns.includes(name))
    || table.checks.some((c) => mentions(c.expression))
    || table.indexes.some((ix) => ix.columns.includes(name) || mentions(ix.where) || (ix.expressions ?? []).some(mentions))
    || table.foreignKeys.some((fk) => fk.referredTable === table.name && fk.referredColumns.includes(name));
}

/**
 * True when the op has to be carried out by rebuilding its table on this dialect. For
 * dropColumn on such a dialect, `table` (its current definition) is required.
 *
 * SQLite does in place: ADD COLUMN (see `addsInPlace`), RENAME COLUMN / TABLE, DROP COLUMN of a
 * column no key, index or constraint involves, CREATE / DROP INDEX. Everything else that changes
 * a table is a rebuild, an alterColumn of a collation included; an alterColumn of what SQLite
 * does not store (comment, MySQL's onUpdate, PostgreSQL's identityAlways) is nothing.
 *
 * @example
 * ```ts
 * needsRebuild({ kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { nullable: false } }, sqliteDialect); // true
 * ```
 */
export function needsRebuild(op: Operation, dialect: Dialect, table?: TableSnapshot): boolean {
  const caps = dialect.capabilities;
  switch (op.kind) {
    case 'addColumn':
      return !caps.alterColumn && (!addsInPlace(op.column) || op.primaryKey !== undefined);
    case 'alterColumn':
      return !caps.alterColumn && effectiveAlterations(op, dialect).length > 0;
    case 'dropColumn':
      if (caps.alterConstraints) return false;
      if (!table) throw new OperationError(`${describeOperation(op)}: deciding how to drop the column needs the table's definition`);
      return isInvolved(table, op.name);
    case 'addPrimaryKey':
    case 'dropPrimaryKey':
    case 'addForeignKey':
    case 'dropForeignKey':
    case 'addUnique':
    case 'dropUnique':
    case 'addCheck':
    case 'dropCheck':
      return !caps.alterConstraints;
    default:
      return false;
  }
}

/**
 * True when SQLite's ALTER TABLE ADD COLUMN takes the column whatever rows the table holds: a
 * VIRTUAL generated column (SQLite checks its NOT NULL on the rows), or a plain column with a
 * constant default that is not NULL when the column is NOT NULL. Not a STORED generated column
 * (SQLite computes no values for rows already there: it refuses the column unless the table is
 * empty).
 *
 * @example
 * ```ts
 * addsInPlace({ ...column, computed: { sql: 'a * 2', stored: false }, nullable: false }); // true
 * addsInPlace({ ...column, computed: { sql: 'a * 2', stored: true } });                  // false
 * ```
 */
function addsInPlace(column: ColumnSnapshot): boolean {
  if (column.computed !== undefined) return !column.computed.stored;
  return isConstant(column.default) && (column.nullable || column.default !== null);
}

/**
 * The keys an alterColumn changes that the dialect stores: comments, ON UPDATE, identity kinds
 * and invisibility only where it keeps them (capabilities `comments`, `columnOnUpdate`,
 * `identityKinds`, `invisibleColumns`).
 *
 * @example
 * ```ts
 * effectiveAlterations({ kind: 'alterColumn', schema: null, table: 't', name: 'c', changes: { onUpdate: 'CURRENT_TIMESTAMP', collation: 'NOCASE' } }, sqliteDialect); // ['collation']
 * ```
 */
export function effectiveAlterations(op: Extract<Operation, { kind: 'alterColumn' }>, dialect: Dialect): string[] {
  const caps = dialect.capabilities;
  const kept: Readonly<Record<string, boolean>> = { comment: caps.comments, onUpdate: caps.columnOnUpdate, identityAlways: caps.identityKinds, invisible: caps.invisibleColumns };
  return Object.entries(op.changes)
    .filter(([key, value]) => value !== undefined && kept[key] !== false)
    .map(([key]) => key);
}

const JOINS = new Set<Operation['kind']>([
  'addColumn', 'dropColumn', 'alterColumn', 'setTableComment', 'createIndex', 'dropIndex',
  'addPrimaryKey', 'dropPrimaryKey', 'addForeignKey', 'dropForeignKey', 'addUnique', 'dropUnique', 'addCheck', 'dropCheck',
]);

/**
 * How many ops, from `ops[start]` (an op that needs a rebuild of `target`), one rebuild carries
 * out: the following ops on the same table that a rebuild can express join it. A renameColumn
 * never joins: SQLite's own RENAME COLUMN rewrites what names the column outside the table's
 * definition (views, triggers, other tables' foreign keys); a copy into a table with the new
 * name would leave them naming a column that is gone.
 *
 * @example
 * ```ts
 * rebuildRunLength([alterTitle, dropBody, addIndex, createOtherTable], 0, post, sqlite); // 3
 * ```
 */
export function rebuildRunLength(ops: readonly Operation[], start: number, target: TableName, dialect: Dialect): number {
  let n = 1;
  if (!rebuildsTables(dialect)) return n;
  for (let i = start + 1; i < ops.length; i++) {
    const op = ops[i]!;
    const t = operationTable(op);
    if (!t || t.name !== target.name || !sameSchema(t.schema, target.schema, null)) break;
    if (!JOINS.has(op.kind)) break;
    n++;
  }
  return n;
}

/**
 * The statements of one rebuild of `table` (its definition before the ops) that carries out
 * `ops`, in order. Throws an OperationError for a NOT NULL column added without a default (the
 * rows already there would have no value).
 *
 * @example
 * ```ts
 * compileRebuild(sqliteDialect, post, [{ kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { nullable: false } }]);
 * ```
 */
export function compileRebuild(dialect: Dialect, table: TableSnapshot, ops: readonly Operation[]): Statement[] {
  const { ddl } = dialect;
  let shape = table;
  /** New column name -> the old column its values come from (null: a new column). */
  const origin = new Map<string, string | null>(table.columns.map((c) => [c.name, c.name]));
  const guards: Statement[] = [];
  for (const op of ops) {
    const target = operationTable(op);
    if (!target || target.name !== table.name) {
      throw new OperationError(`${describeOperation(op)}: cannot be part of a rebuild of table "${table.name}"`);
    }
    if (op.kind === 'addColumn' && !addableToRows(op.column)) guards.push(emptyTableGuard(table, op, dialect));
    shape = applyOperation({ schema: table.schema, tables: [shape], enums: [], views: [] }, op).tables[0]!;
    if (op.kind === 'addColumn') origin.set(op.column.name, null);
    else if (op.kind === 'dropColumn') origin.delete(op.name);
    else if (op.kind === 'renameColumn') {
      origin.set(op.to, origin.get(op.from) ?? null);
      origin.delete(op.from);
    }
  }
  const wasRowid = (c: ColumnSnapshot): boolean => table.columns.some((x) => x.name === origin.get(c.name) && x.autoincrement);
  const tmp: TableSnapshot = { ...withoutLostRowid(shape, wasRowid), name: `${REBUILD_TABLE_PREFIX}${table.name}` };
  const kept = shape.columns.filter((c) => (origin.get(c.name) ?? null) !== null && c.computed === undefined);
  const q = (name: string): string => dialect.quoteIdentifier(name);
  const out: Statement[] = [foreignKeysOffGuard(table), unmodelledGuard(table, dialect.quoteIdentifier), ...guards];
  out.push(...statements(ddl.createTable(tmp)));
  if (kept.length > 0) {
    out.push(...statements([
      `INSERT INTO ${ddl.tableName(tmp)} (${kept.map((c) => q(c.name)).join(', ')}) ` +
        `SELECT ${kept.map((c) => q(origin.get(c.name)!)).join(', ')} FROM ${ddl.tableName(table)}`,
    ]));
  }
  // the row follows the table through a rebuild without AUTOINCREMENT too (the key dropped and added
  // again): SQLite keeps and renames it, and the rebuild that brings AUTOINCREMENT back finds it
  const autoincrement = (t: TableSnapshot): boolean => Boolean(t.sqliteAutoincrement) && t.columns.some((c) => c.autoincrement);
  if (autoincrement(table) || autoincrement(tmp)) out.push(...statements(carrySequence(table, tmp, dialect)));
  out.push(...statements(ddl.dropTable(table)));
  // SQLite re-checks every view and trigger at ALTER TABLE RENAME; a view reading the table
  // would fail it while the table is briefly missing. The legacy rename skips that check.
  out.push(...statements(['PRAGMA legacy_alter_table=ON', ...ddl.renameTable(tmp, table.name), 'PRAGMA legacy_alter_table=OFF']));
  for (const index of shape.indexes) out.push(...statements(ddl.createIndex(shape, index)));
  // DROP TABLE took the table's triggers along: the ones reflected are created again as they were
  for (const trigger of table.triggers ?? []) out.push(...statements([trigger.sql]));
  out.push(...statements(schemaCheck(shape, dialect)));
  const prefix = table.schema ? `${q(table.schema)}.` : '';
  out.push(Object.freeze({
    sql: `PRAGMA ${prefix}foreign_key_check(${q(table.name)})`,
    transactional: true,
    expect: 'noRows' as const,
    expectMessage: `after rebuilding table "${qualifiedName(table.schema, table.name)}", some of its rows refer to rows that do not exist`,
  }));
  return out;
}

const KEYWORDS = new Set((
  'ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH AUTOINCREMENT BEFORE BEGIN BETWEEN BY CASCADE CASE CAST ' +
  'CHECK COLLATE COLUMN COMMIT CONFLICT CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE ' +
  'DEFAULT DEFERRABLE DEFERRED DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS EXPLAIN ' +
  'FAIL FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP GROUPS HAVING IF IGNORE IMMEDIATE IN INDEX INDEXED ' +
  'INITIALLY INNER INSERT INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LAST LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT ' +
  'NOTHING NOTNULL NULL NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE ' +
  'RECURSIVE REFERENCES REGEXP REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK ROW ROWS SAVEPOINT SELECT SET ' +
  'TABLE TEMP TEMPORARY THEN TIES TO TRANSACTION TRIGGER UNBOUNDED UNION UNIQUE UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN ' +
  'WHERE WINDOW WITH WITHOUT'
).split(' '));

/**
 * The legacy rename of a rebuild checks no view nor trigger. `ALTER TABLE t RENAME COLUMN c TO c`
 * changes nothing but has SQLite check them all against the new table: one that reads a column the
 * rebuild dropped fails it ('error in view v: no such column: note', as an in-place DROP COLUMN
 * would) instead of being left broken. The new name is written bare, so that SQLite keeps each
 * reference to the column as it is written (a quoted new name would quote them all); a column
 * whose name needs quotes is the last resort.
 */
function schemaCheck(shape: TableSnapshot, dialect: Dialect): string[] {
  const bare = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !KEYWORDS.has(name.toUpperCase());
  const column = shape.columns.find((c) => bare(c.name)) ?? shape.columns[0];
  if (!column) return [];
  if (!bare(column.name)) return dialect.ddl.renameColumn(shape, column, column.name);
  return [`ALTER TABLE ${dialect.ddl.tableName(shape)} RENAME COLUMN ${dialect.quoteIdentifier(column.name)} TO ${column.name}`];
}

/**
 * With AUTOINCREMENT on the old or the new table, the old table's high-water mark in
 * `sqlite_sequence` moves to the new one (the copy alone would set it to the largest id left, and
 * ids of deleted rows would come back; DROP TABLE of the old one would delete it); ALTER TABLE
 * RENAME renames the row. Nothing when the old table had none.
 */
function carrySequence(table: TableSnapshot, tmp: TableSnapshot, dialect: Dialect): string[] {
  const seq = table.schema ? `${dialect.quoteIdentifier(table.schema)}.sqlite_sequence` : 'sqlite_sequence';
  const name = (t: TableSnapshot): string => dialect.literal(t.name);
  return [
    `DELETE FROM ${seq} WHERE name = ${name(tmp)} AND EXISTS (SELECT 1 FROM ${seq} WHERE name = ${name(table)})`,
    `UPDATE ${seq} SET name = ${name(tmp)} WHERE name = ${name(table)}`,
  ];
}

/**
 * The shape with autoincrement off for a column that autoincremented already (`wasRowid`) but is
 * no longer the table's only key column. On SQLite an autoincrement column is the rowid, which
 * exists only as the single-column integer primary key: a rebuild without that key (the key
 * dropped before a table rename and added again after it, as compare orders them) keeps the values
 * in a plain column. The schema state keeps the flag, so the rebuild that brings the key back makes
 * the column the rowid again. Autoincrement asked for anew without the key is still refused.
 */
function withoutLostRowid(shape: TableSnapshot, wasRowid: (column: ColumnSnapshot) => boolean): TableSnapshot {
  const key = shape.primaryKey?.columns.length === 1 ? shape.primaryKey.columns[0] : undefined;
  const lost = (c: ColumnSnapshot): boolean => c.autoincrement && c.name !== key && wasRowid(c);
  if (!shape.columns.some(lost)) return shape;
  return { ...shape, columns: shape.columns.map((c) => (lost(c) ? { ...c, autoincrement: false } : c)) };
}

/** False for a NOT NULL column without a server default: the rows already in the table would have no value. */
function addableToRows(column: ColumnSnapshot): boolean {
  return column.nullable || column.default !== null || column.autoincrement || column.computed !== undefined;
}

/**
 * A NOT NULL column without a server default (the downgrade of its drop, say) can be added only
 * to an empty table: the rebuild checks there is no row before it touches anything, and refuses
 * with what to do instead (as PostgreSQL and MySQL refuse such an ADD COLUMN on a table with rows).
 */
function emptyTableGuard(table: TableSnapshot, op: Operation, dialect: Dialect): Statement {
  return Object.freeze({
    sql: `SELECT 'a row' AS problem FROM ${dialect.ddl.tableName(table)} LIMIT 1`,
    transactional: true,
    expect: 'noRows' as const,
    expectMessage:
      `${describeOperation(op)}: cannot add a NOT NULL column without a server default to a table that has rows (they would have no value); ` +
      'give it a serverDefault, or add it nullable, fill it, and make it NOT NULL afterwards',
  });
}

const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/**
 * A rebuild recreates the table from its definition, which holds only the triggers and generated
 * columns retort knows of (reflected, or added with addColumn): DROP TABLE would take other
 * triggers along, and the new table would lack a generated column added behind retort's back
 * (op.execute) or have it as a plain one. Refuse instead of losing them silently; the triggers
 * and generated columns of the definition are recreated.
 */
function unmodelledGuard(table: TableSnapshot, quote: (name: string) => string): Statement {
  const literal = sqlString(table.name);
  const prefix = table.schema ? `${quote(table.schema)}.` : '';
  const notIn = (names: readonly string[]): string => (names.length > 0 ? ` AND name NOT IN (${names.map(sqlString).join(', ')})` : '');
  const computed = table.columns.filter((c) => c.computed !== undefined).map((c) => c.name);
  return Object.freeze({
    sql:
      `SELECT 'trigger ' || name AS problem FROM ${prefix}sqlite_master WHERE type = 'trigger' AND tbl_name = ${literal}` +
      `${notIn((table.triggers ?? []).map((t) => t.name))} ` +
      `UNION ALL SELECT 'generated column ' || name FROM pragma_table_xinfo(${literal}${table.schema ? `, ${sqlString(table.schema)}` : ''}) WHERE hidden IN (2, 3)` +
      notIn(computed),
    transactional: true,
    expect: 'noRows' as const,
    expectMessage:
      `rebuilding table "${qualifiedName(table.schema, table.name)}" would lose what its definition in retort does not carry ` +
      '(its triggers, its generated columns): drop them in the migration before this change (op.execute) and create them again after ' +
      '(a generated column added with addColumn is kept)',
  });
}

function foreignKeysOffGuard(table: TableSnapshot): Statement {
  return Object.freeze({
    sql: "SELECT 'foreign_keys is ON' AS problem FROM pragma_foreign_keys WHERE foreign_keys",
    transactional: true,
    expect: 'noRows' as const,
    expectMessage:
      `rebuilding table "${qualifiedName(table.schema, table.name)}" needs PRAGMA foreign_keys=OFF, set before the ` +
      "migration's transaction begins (with it ON, dropping the old table would run the ON DELETE actions of child tables)",
  });
}
