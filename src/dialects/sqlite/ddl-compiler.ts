import { OperationError } from '../../errors/index.js';
import type { ColumnChanges, DdlCompiler } from '../../engine/dialect.js';
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
import { isIntegerType } from '../../schema/type-spec.js';
import { BaseDdlCompiler, type DdlDialectParts } from '../base/ddl-compiler.js';
import { defaultForm, isBareDefault } from './default-text.js';

const REBUILD = 'the operations layer carries it out by rebuilding the table (src/operations/sqlite-rebuild.ts)';

/**
 * The clause of a generated column.
 *
 * @example
 * ```ts
 * generatedClause({ sql: 'price * qty', stored: true }); // 'GENERATED ALWAYS AS (price * qty) STORED'
 * ```
 */
export function generatedClause(computed: ComputedSpec): string {
  return `GENERATED ALWAYS AS (${computed.sql}) ${computed.stored ? 'STORED' : 'VIRTUAL'}`;
}

/** True when the table's primary key is exactly this one column. */
function isSoleKey(table: TableSnapshot, column: ColumnSnapshot): boolean {
  const pk = table.primaryKey;
  return pk !== null && pk.columns.length === 1 && pk.columns[0] === column.name;
}

/**
 * SQLite DDL. What differs from standard SQL:
 * - An autoincrement column is the rowid: its type is written `INTEGER` (whatever integer kind it
 *   was declared with) and the table's primary key is that one column (`PRIMARY KEY ("id")` as a
 *   table constraint makes an INTEGER column the rowid too). No AUTOINCREMENT keyword (it only
 *   stops rowids of deleted rows from being reused, at a cost). A single-column INTEGER key that
 *   must NOT autoincrement is written `INT`, which SQLite does not make the rowid.
 * - Defaults that are not a literal or CURRENT_* keyword are written `DEFAULT (expr)`.
 * - A column definition is `"name" TYPE [COLLATE "name"] [GENERATED ALWAYS AS (sql) VIRTUAL |
 *   STORED] [DEFAULT ...] [NOT NULL]` (SQLite takes column constraints in any order). MySQL's
 *   ON UPDATE and PostgreSQL's identity ALWAYS are not SQLite: ignored.
 * - ADD COLUMN of a STORED generated column is refused (SQLite refuses it on a table with rows);
 *   a VIRTUAL one is added in place.
 * - A PRIMARY KEY or UNIQUE constraint with `onConflict` ends in `ON CONFLICT REPLACE` (or
 *   ROLLBACK, ABORT, FAIL, IGNORE); other dialects refuse such a constraint.
 * - Table options `WITHOUT ROWID` and `STRICT` follow the closing parenthesis; a column of a STRICT
 *   table whose type SQLite's strict tables refuse (VARCHAR(50), BOOLEAN, ...) is an OperationError.
 * - No comments (skipped), no named enums, no index methods.
 * - Foreign keys are always inline (SQLite accepts keys to tables that do not exist yet).
 * - No ALTER COLUMN and no ADD / DROP CONSTRAINT: those throw an OperationError; the operations
 *   layer rebuilds the table instead, through createTable / dropTable / renameTable / createIndex.
 *
 * @example
 * ```ts
 * sqliteDdlCompiler.dropIndex(post, ix); // ['DROP INDEX "ix_post_title"']
 * ```
 */
/** The column types a STRICT table accepts. */
const STRICT_TYPES: ReadonlySet<string> = new Set(['INT', 'INTEGER', 'REAL', 'TEXT', 'BLOB', 'ANY']);

export class SqliteDdlCompiler extends BaseDdlCompiler {
  constructor(dialect: DdlDialectParts) {
    super(dialect);
  }

  protected override columnType(table: TableSnapshot, column: ColumnSnapshot): string {
    if (column.autoincrement) {
      if (!isSoleKey(table, column) || !isIntegerType(column.type)) {
        throw new OperationError(
          `sqlite: column "${column.name}" of table "${table.name}" cannot autoincrement: only a single-column integer primary key can (it becomes the rowid)`,
        );
      }
      return 'INTEGER';
    }
    const type = this.dialect.types.compile(column.type);
    if (table.strict && !STRICT_TYPES.has(type.trim().toUpperCase())) {
      throw new OperationError(
        `sqlite: column "${column.name}" of STRICT table "${table.name}" has type ${type}; a STRICT table takes INT, INTEGER, REAL, TEXT, BLOB or ANY`
        + ' (declare column.integer(), column.text(), column.largeBinary() or column.custom(\'REAL\'))',
      );
    }
    // `INTEGER` as the sole key column would make it the rowid, which autoincrements.
    return isSoleKey(table, column) && type.trim().toUpperCase() === 'INTEGER' ? 'INT' : type;
  }

  /** The table options after the closing parenthesis: `WITHOUT ROWID`, `STRICT`. */
  protected override tableSuffix(table: TableSnapshot): string {
    const options = [...(table.withoutRowid ? ['WITHOUT ROWID'] : []), ...(table.strict ? ['STRICT'] : [])];
    return options.length > 0 ? ` ${options.join(', ')}` : '';
  }

  /** None: the rowid autoincrements (the base class asks for it; columnDefinition writes no clause). */
  protected autoincrementClause(): string {
    return '';
  }

  /** With `sqliteAutoincrement`, the rowid key is written in its column: `PRIMARY KEY AUTOINCREMENT`. */
  protected override primaryKeyIsInline(table: TableSnapshot): boolean {
    return table.sqliteAutoincrement === true && table.columns.some((c) => c.autoincrement);
  }

  override columnDefinition(table: TableSnapshot, column: ColumnSnapshot): string {
    let def = `${this.q(column.name)} ${this.columnType(table, column)}`;
    if (column.autoincrement && this.primaryKeyIsInline(table) && table.primaryKey) {
      def += ` ${this.constraintPrefix(table.primaryKey.name)}PRIMARY KEY${this.conflictClause(table.primaryKey)} AUTOINCREMENT`;
    }
    if (column.collation !== undefined) def += ` COLLATE ${this.q(column.collation)}`;
    if (column.computed !== undefined) def += ` ${generatedClause(column.computed)}`;
    if (column.default !== null && !column.autoincrement) def += ` DEFAULT ${this.renderDefault(column.default, column)}`;
    if (!column.nullable) def += ' NOT NULL';
    return def;
  }

  /** ` ON CONFLICT REPLACE` (and the others) after a PRIMARY KEY or UNIQUE constraint that declares one. */
  protected override conflictClause(c: PrimaryKeySnapshot | UniqueSnapshot): string {
    return c.onConflict === undefined ? '' : ` ON CONFLICT ${c.onConflict}`;
  }

  override renderDefault(value: DefaultSpec, _column: ColumnSnapshot): string {
    if (value.kind === 'literal') return this.dialect.literal(value.value);
    const sql = value.sql.trim();
    return isBareDefault(sql) ? sql : `(${sql})`;
  }

  override setTableComment(): string[] {
    return [];
  }

  override addColumn(table: TableSnapshot, column: ColumnSnapshot): string[] {
    const problem = addColumnProblem(column);
    if (problem !== null) throw new OperationError(`sqlite: cannot ADD COLUMN "${column.name}" to table "${table.name}": ${problem}; ${REBUILD}`);
    return super.addColumn(table, column);
  }

  alterColumn(table: TableSnapshot, from: ColumnSnapshot, _to: ColumnSnapshot, changes: ColumnChanges): string[] {
    const keys = Object.keys(changes).filter((k) => changes[k as keyof ColumnChanges]).join(', ');
    throw new OperationError(`sqlite has no ALTER COLUMN (table "${table.name}", column "${from.name}": ${keys}); ${REBUILD}`);
  }

  override createIndex(table: TableSnapshot, index: IndexSnapshot): string[] {
    if (index.method !== null && index.method.trim().toLowerCase() !== 'btree') {
      throw new OperationError(`sqlite has no index methods (index "${index.name}" USING ${index.method})`);
    }
    return super.createIndex(table, { ...index, method: null });
  }

  override addPrimaryKey(table: TableSnapshot, _pk: PrimaryKeySnapshot): string[] {
    return this.noAlterConstraint(table, 'add a primary key');
  }

  override dropPrimaryKey(table: TableSnapshot, _pk: PrimaryKeySnapshot): string[] {
    return this.noAlterConstraint(table, 'drop a primary key');
  }

  override addForeignKey(table: TableSnapshot, _fk: ForeignKeySnapshot): string[] {
    return this.noAlterConstraint(table, 'add a foreign key');
  }

  override dropForeignKey(table: TableSnapshot, _fk: ForeignKeySnapshot): string[] {
    return this.noAlterConstraint(table, 'drop a foreign key');
  }

  override addUnique(table: TableSnapshot, _unique: UniqueSnapshot): string[] {
    return this.noAlterConstraint(table, 'add a unique constraint');
  }

  override dropUnique(table: TableSnapshot, _unique: UniqueSnapshot): string[] {
    return this.noAlterConstraint(table, 'drop a unique constraint');
  }

  override addCheck(table: TableSnapshot, _check: CheckSnapshot): string[] {
    return this.noAlterConstraint(table, 'add a check constraint');
  }

  override dropCheck(table: TableSnapshot, _check: CheckSnapshot): string[] {
    return this.noAlterConstraint(table, 'drop a check constraint');
  }

  private noAlterConstraint(table: TableSnapshot, what: string): never {
    throw new OperationError(`sqlite cannot ${what} on an existing table ("${table.name}"); ${REBUILD}`);
  }
}

/** Why SQLite refuses ADD COLUMN for this column, or null when it takes it. */
function addColumnProblem(column: ColumnSnapshot): string | null {
  if (column.autoincrement) return 'an autoincrement column is the primary key';
  if (column.computed !== undefined) return column.computed.stored ? 'SQLite adds no STORED generated column to a table with rows' : null;
  const value = column.default;
  const form = value === null ? null : value.kind === 'literal' ? null : defaultForm(value.sql);
  if (form !== null && (form.kind === 'expression' || form.kind === 'keyword')) return `its default (${value?.kind === 'expression' ? value.sql : ''}) is not a constant`;
  if (!column.nullable && (value === null || form?.kind === 'null')) return 'a NOT NULL column needs a non-NULL default';
  return null;
}

/**
 * Builds the SQLite DDL compiler over the dialect's quoting, literals and types.
 *
 * @example
 * ```ts
 * const ddl = createSqliteDdlCompiler({ name: 'sqlite', quoteIdentifier, literal, types: sqliteTypeCompiler });
 * ```
 */
export function createSqliteDdlCompiler(dialect: DdlDialectParts): DdlCompiler {
  return new SqliteDdlCompiler(dialect);
}
