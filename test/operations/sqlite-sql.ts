// A minimal SQLite DDL compiler producing real SQL, standing in (in these tests only) for the
// sqlite dialect's compiler that another branch writes; and an executor over better-sqlite3.
import Database from 'better-sqlite3';
import type { DdlCompiler, Dialect } from '../../src/engine/dialect.js';
import type { Executor } from '../../src/engine/types.js';
import type { ColumnSnapshot, ForeignKeySnapshot, TableSnapshot } from '../../src/schema/snapshot.js';
import type { TypeSpec } from '../../src/schema/type-spec.js';
import { rewritePlaceholders } from '../../src/sql/placeholders.js';
import { recordingDialect } from './helpers.js';

const q = (n: string): string => `"${n.replaceAll('"', '""')}"`;
const lit = (v: string | number | boolean | bigint | null): string =>
  v === null ? 'NULL' : typeof v === 'string' ? `'${v.replaceAll("'", "''")}'` : typeof v === 'boolean' ? (v ? '1' : '0') : String(v);

function typeSql(t: TypeSpec): string {
  switch (t.kind) {
    case 'integer': return 'INTEGER';
    case 'string': return t.length ? `VARCHAR(${t.length})` : 'VARCHAR';
    case 'text': return 'TEXT';
    default: return t.kind.toUpperCase();
  }
}

function columnSql(c: ColumnSnapshot): string {
  let s = `${q(c.name)} ${typeSql(c.type)}`;
  if (c.default) s += ` DEFAULT ${c.default.kind === 'literal' ? lit(c.default.value) : c.default.sql}`;
  if (!c.nullable) s += ' NOT NULL';
  return s;
}

const named = (name: string | null): string => (name ? `CONSTRAINT ${q(name)} ` : '');
const list = (names: readonly string[]): string => names.map(q).join(', ');

function fkSql(fk: ForeignKeySnapshot): string {
  let s = `${named(fk.name)}FOREIGN KEY (${list(fk.columns)}) REFERENCES ${q(fk.referredTable)} (${list(fk.referredColumns)})`;
  if (fk.onDelete) s += ` ON DELETE ${fk.onDelete}`;
  return s;
}

const unsupported = (): never => {
  throw new Error('SQLite does this by a rebuild');
};

const name = (t: { name: string; schema: string | null }): string => (t.schema ? `${q(t.schema)}.${q(t.name)}` : q(t.name));

const ddl: DdlCompiler = {
  createTable: (t: TableSnapshot) => {
    const lines = t.columns.map(columnSql);
    if (t.primaryKey) lines.push(`${named(t.primaryKey.name)}PRIMARY KEY (${list(t.primaryKey.columns)})`);
    for (const u of t.uniques) lines.push(`${named(u.name)}UNIQUE (${list(u.columns)})`);
    for (const c of t.checks) lines.push(`${named(c.name)}CHECK (${c.expression})`);
    for (const fk of t.foreignKeys) lines.push(fkSql(fk));
    return [`CREATE TABLE ${name(t)} (${lines.join(', ')})`];
  },
  dropTable: (t) => [`DROP TABLE ${name(t)}`],
  renameTable: (t, to) => [`ALTER TABLE ${name(t)} RENAME TO ${q(to)}`],
  setTableComment: unsupported,
  addColumn: (t, c) => [`ALTER TABLE ${name(t)} ADD COLUMN ${columnSql(c)}`],
  dropColumn: (t, c) => [`ALTER TABLE ${name(t)} DROP COLUMN ${q(c.name)}`],
  renameColumn: (t, c, to) => [`ALTER TABLE ${name(t)} RENAME COLUMN ${q(c.name)} TO ${q(to)}`],
  alterColumn: unsupported,
  createIndex: (t, ix) => [`CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${q(ix.name)} ON ${name(t)} (${ix.expressions ? ix.expressions.join(', ') : list(ix.columns)})${ix.where ? ` WHERE ${ix.where}` : ''}`],
  dropIndex: (_t, ix) => [`DROP INDEX ${q(ix.name)}`],
  addPrimaryKey: unsupported,
  dropPrimaryKey: unsupported,
  addForeignKey: unsupported,
  dropForeignKey: unsupported,
  addUnique: unsupported,
  dropUnique: unsupported,
  addCheck: unsupported,
  dropCheck: unsupported,
  createEnum: unsupported,
  dropEnum: unsupported,
  addEnumValue: unsupported,
  columnDefinition: (_t, c) => columnSql(c),
  tableName: name,
};

/** A SQLite-like dialect whose DDL is real SQLite SQL. */
export function sqliteSqlDialect(): Dialect {
  return { ...recordingDialect('sqlite', { ddl }), quoteIdentifier: q, literal: lit };
}

/** An in-memory SQLite database and an executor over it (reading `??` as `?`, as the engine does). */
export function sqliteDatabase(dialect: Dialect): { db: Database.Database; executor: Executor } {
  const db = new Database(':memory:');
  const executor: Executor = {
    dialect,
    execute<R>(statement: string | { text: string }): Promise<{ rows: R[]; rowCount: number }> {
      const text = rewritePlaceholders(typeof statement === 'string' ? statement : statement.text, () => '?');
      const prepared = db.prepare(text);
      if (prepared.reader) {
        const rows = prepared.all() as R[];
        return Promise.resolve({ rows, rowCount: rows.length });
      }
      return Promise.resolve({ rows: [], rowCount: prepared.run().changes });
    },
  };
  return { db, executor };
}
