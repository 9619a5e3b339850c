import type { ColumnChanges, CreateTableOptions, DdlCompiler } from '../../engine/dialect.js';
import { OperationError } from '../../errors/index.js';
import type {
  CheckSnapshot,
  ColumnSnapshot,
  ComputedSpec,
  DefaultSpec,
  ForeignKeySnapshot,
  IndexSnapshot,
  PrimaryKeySnapshot,
  TableSnapshot,
  UniqueSnapshot,
} from '../../schema/snapshot.js';
import type { TypeSpec } from '../../schema/type-spec.js';
import { BaseDdlCompiler } from '../base/ddl-compiler.js';
import { renderMysqlDefault } from './default-sql.js';
import { indexElementSql } from './index-elements.js';
import { mysqlLiteral, mysqlQuoteIdentifier } from './quoting.js';
import { parseColumnType } from './type-parser.js';
import { mysqlTypeCompiler } from './type-compiler.js';

/** Index methods that are a kind of index (`CREATE FULLTEXT INDEX`) rather than `USING ...`. */
const INDEX_KINDS = new Set(['fulltext', 'spatial']);

/**
 * The clause of a generated column.
 *
 * @example
 * ```ts
 * generatedClause({ sql: '`price` * `qty`', stored: true }); // ' GENERATED ALWAYS AS (`price` * `qty`) STORED'
 * ```
 */
/** MariaDB's period columns of a system-versioned table: `GENERATED ALWAYS AS ROW START` / `ROW END`. */
const ROW_PERIOD = /^row\s+(start|end)$/i;

function generatedClause(computed: ComputedSpec): string {
  const period = ROW_PERIOD.exec(computed.sql.trim());
  if (period) return ` GENERATED ALWAYS AS ROW ${period[1]!.toUpperCase()}`;
  return ` GENERATED ALWAYS AS (${computed.sql}) ${computed.stored ? 'STORED' : 'VIRTUAL'}`;
}

/** The column generated as ROW START (or ROW END) of a system-versioned table, if any. */
function periodColumn(table: TableSnapshot, bound: 'start' | 'end'): string | undefined {
  return table.columns.find((c) => c.computed !== undefined && ROW_PERIOD.exec(c.computed.sql.trim())?.[1]?.toLowerCase() === bound)?.name;
}

function isTimestamp(type: TypeSpec): boolean {
  const t = type.kind === 'custom' ? parseColumnType(type.sql) : type;
  return t.kind === 'datetime' && t.timezone;
}

/**
 * DDL for MySQL 8 and MariaDB 10.5+, written in the forms both accept:
 * - backtick-quoted identifiers; `ENGINE` left to the server's default unless the table names one;
 * - columns: `` `c` TYPE [COLLATE c] [GENERATED ALWAYS AS (sql) VIRTUAL|STORED] [NULL|NOT NULL]
 *   [DEFAULT x] [ON UPDATE x] [AUTO_INCREMENT] [COMMENT '...'] ``, with an explicit `NULL` on
 *   nullable TIMESTAMP columns (servers with `explicit_defaults_for_timestamp` off would make
 *   them NOT NULL); defaults as {@link renderMysqlDefault} writes them; generated columns
 *   without NULL / NOT NULL (MariaDB accepts neither there);
 * - the primary key without a name (MySQL calls every primary key PRIMARY);
 * - table engine `ENGINE=x`, collation `COLLATE=x` and comment `COMMENT='...'` after the column list, column comments inline;
 * - `ALTER TABLE t MODIFY COLUMN <full definition>` for every column change (MySQL has no
 *   per-attribute ALTER for type, nullability or comment), restating what stays;
 * - drops: `DROP FOREIGN KEY`, `DROP INDEX` (unique constraints), `DROP PRIMARY KEY`,
 *   `DROP CONSTRAINT` (checks: MariaDB, MySQL 8.0.19+), `DROP INDEX name ON t`;
 * - no partial indexes, deferrable foreign keys or SET DEFAULT actions (OperationError);
 *   expression index elements become functional key parts `((expr))` (MySQL 8.0.13+ only).
 *
 * @example
 * ```ts
 * mysqlDdlCompiler.dropForeignKey(post, fk); // ['ALTER TABLE `post` DROP FOREIGN KEY `fk_post_author_id_user`']
 * ```
 */
export class MysqlDdlCompiler extends BaseDdlCompiler {
  /** The schema of the table whose foreign keys are being written (a referred schema of null means it). */
  #tableSchema: string | null = null;

  #inSchema<T>(schema: string | null, fn: () => T): T {
    const saved = this.#tableSchema;
    this.#tableSchema = schema;
    try {
      return fn();
    } finally {
      this.#tableSchema = saved;
    }
  }

  // ---- tables ------------------------------------------------------------------------------

  override createTable(table: TableSnapshot, options?: CreateTableOptions): string[] {
    return this.#inSchema(table.schema, () => super.createTable(table, options));
  }

  /** MariaDB: a system-versioned table whose period columns are named gets `PERIOD FOR SYSTEM_TIME (start, end)`. */
  protected override tableClauses(table: TableSnapshot): string[] {
    const start = periodColumn(table, 'start');
    const end = periodColumn(table, 'end');
    return start !== undefined && end !== undefined ? [`PERIOD FOR SYSTEM_TIME (${this.q(start)}, ${this.q(end)})`] : [];
  }

  protected override tableSuffix(table: TableSnapshot): string {
    const engine = table.engine !== undefined ? ` ENGINE=${table.engine}` : '';
    const collation = `${table.collation !== undefined ? ` COLLATE=${table.collation}` : ''}${table.rowFormat !== undefined ? ` ROW_FORMAT=${table.rowFormat}` : ''}`;
    const versioning = table.systemVersioning === true ? ' WITH SYSTEM VERSIONING' : '';
    return `${engine}${collation}${table.comment ? ` COMMENT=${this.dialect.literal(table.comment)}` : ''}${versioning}`;
  }

  override renameTable(table: TableSnapshot, newName: string): string[] {
    return [`RENAME TABLE ${this.tableName(table)} TO ${this.tableName({ name: newName, schema: table.schema })}`];
  }

  override setTableComment(table: TableSnapshot, comment: string | null): string[] {
    return [`ALTER TABLE ${this.tableName(table)} COMMENT = ${this.dialect.literal(comment ?? '')}`];
  }

  // ---- columns -----------------------------------------------------------------------------

  /**
   * `` `name` TYPE [COLLATE c] [GENERATED ALWAYS AS (sql) VIRTUAL|STORED] [NOT NULL|NULL]
   * [DEFAULT x] [ON UPDATE x] [INVISIBLE] [AUTO_INCREMENT] [COMMENT '...'] ``, the order MySQL documents.
   * A generated column gets no NULL / NOT NULL (MariaDB refuses both there; it is nullable),
   * no default and no AUTO_INCREMENT.
   *
   * @example
   * ```ts
   * ddl.columnDefinition(t, lastUpdate);
   * // '`last_update` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP'
   * ```
   */
  override columnDefinition(table: TableSnapshot, column: ColumnSnapshot): string {
    let def = `${this.q(column.name)} ${this.columnType(table, column)}`;
    if (column.collation !== undefined) def += ` COLLATE ${column.collation}`;
    const invisible = column.invisible === true ? ' INVISIBLE' : '';
    if (column.computed) return def + generatedClause(column.computed) + invisible + this.#commentClause(column);
    if (!column.nullable) def += ' NOT NULL';
    else if (isTimestamp(column.type)) def += ' NULL';
    if (column.default !== null && !column.autoincrement) def += ` DEFAULT ${this.renderDefault(column.default, column)}`;
    if (column.onUpdate !== undefined) def += ` ON UPDATE ${column.onUpdate}`;
    def += invisible;
    if (column.autoincrement) def += this.autoincrementClause();
    return def + this.#commentClause(column);
  }

  #commentClause(column: ColumnSnapshot): string {
    return column.comment ? ` COMMENT ${this.dialect.literal(column.comment)}` : '';
  }

  protected override autoincrementClause(): string {
    return ' AUTO_INCREMENT';
  }

  override renderDefault(value: DefaultSpec, column: ColumnSnapshot): string {
    return renderMysqlDefault(value, column.type, this.dialect.literal);
  }

  /**
   * `MODIFY COLUMN` with the whole new definition: MySQL restates a column to change any part of
   * it, so everything `to` keeps (collation, generation, ON UPDATE, INVISIBLE, comment) is written again.
   */
  override alterColumn(table: TableSnapshot, _from: ColumnSnapshot, to: ColumnSnapshot, changes: ColumnChanges): string[] {
    if (!Object.values(changes).some(Boolean)) return [];
    return [`ALTER TABLE ${this.tableName(table)} MODIFY COLUMN ${this.columnDefinition(table, to)}`];
  }

  // ---- indexes -----------------------------------------------------------------------------

  protected override indexElements(index: IndexSnapshot): string {
    return index.expressions ? index.expressions.map(indexElementSql).join(', ') : this.qList(index.columns);
  }

  override createIndex(table: TableSnapshot, index: IndexSnapshot): string[] {
    if (index.where !== null) {
      throw new OperationError(`mysql has no partial indexes: index "${index.name}" on table "${table.name}" has a WHERE clause`);
    }
    this.checkIndexExtras(table, index);
    const method = index.method?.trim().toLowerCase() ?? '';
    const kind = INDEX_KINDS.has(method) ? `${method.toUpperCase()} ` : index.unique ? 'UNIQUE ' : '';
    const using = method !== '' && !INDEX_KINDS.has(method) ? ` USING ${method.toUpperCase()}` : '';
    return [`CREATE ${kind}INDEX ${this.q(index.name)} ON ${this.tableName(table)} (${this.indexElements(index)})${using}`];
  }

  override dropIndex(table: TableSnapshot, index: IndexSnapshot): string[] {
    return [`DROP INDEX ${this.q(index.name)} ON ${this.tableName(table)}`];
  }

  // ---- constraints -------------------------------------------------------------------------

  protected override primaryKeyClause(pk: PrimaryKeySnapshot): string {
    return `PRIMARY KEY (${this.qList(pk.columns)})${this.conflictClause(pk, 'primary key')}`;
  }

  protected override foreignKeyClause(fk: ForeignKeySnapshot): string {
    const name = fk.name ?? `(${fk.columns.join(', ')})`;
    if (fk.deferrable) {
      throw new OperationError(`mysql has no deferrable foreign keys: foreign key ${name} -> ${fk.referredTable} is DEFERRABLE`);
    }
    if (fk.onDelete === 'SET DEFAULT' || fk.onUpdate === 'SET DEFAULT') {
      throw new OperationError(`mysql (InnoDB) refuses SET DEFAULT foreign key actions: foreign key ${name} -> ${fk.referredTable}`);
    }
    const referredSchema = fk.referredSchema ?? this.#tableSchema;
    return super.foreignKeyClause(referredSchema === fk.referredSchema ? fk : { ...fk, referredSchema });
  }

  override addForeignKey(table: TableSnapshot, fk: ForeignKeySnapshot): string[] {
    return this.#inSchema(table.schema, () => super.addForeignKey(table, fk));
  }

  override dropPrimaryKey(table: TableSnapshot, _pk: PrimaryKeySnapshot): string[] {
    return [`ALTER TABLE ${this.tableName(table)} DROP PRIMARY KEY`];
  }

  override dropForeignKey(table: TableSnapshot, fk: ForeignKeySnapshot): string[] {
    return [`ALTER TABLE ${this.tableName(table)} DROP FOREIGN KEY ${this.q(this.requireName(table, fk.name, 'foreign key'))}`];
  }

  override dropUnique(table: TableSnapshot, unique: UniqueSnapshot): string[] {
    return [`ALTER TABLE ${this.tableName(table)} DROP INDEX ${this.q(this.requireName(table, unique.name, 'unique constraint'))}`];
  }

  override dropCheck(table: TableSnapshot, check: CheckSnapshot): string[] {
    return [`ALTER TABLE ${this.tableName(table)} DROP CONSTRAINT ${this.q(this.requireName(table, check.name, 'check constraint'))}`];
  }

  private requireName(table: TableSnapshot, name: string | null, what: string): string {
    if (!name) throw new OperationError(`cannot drop an unnamed ${what} on table ${table.name}: give the constraint a name`);
    return name;
  }
}

/**
 * The MySQL / MariaDB DDL compiler.
 *
 * @example
 * ```ts
 * mysqlDdlCompiler.renameTable(post, 'article'); // ['RENAME TABLE `post` TO `article`']
 * ```
 */
export const mysqlDdlCompiler: DdlCompiler = new MysqlDdlCompiler({
  name: 'mysql',
  quoteIdentifier: mysqlQuoteIdentifier,
  literal: mysqlLiteral,
  types: mysqlTypeCompiler,
});
