// Test helpers for the operations tests: snapshot builders and dialects whose DDL compiler
// records readable strings (a stand-in for a dialect's SQL generator, not for a database).
import type { DdlCompiler, Dialect, DialectCapabilities, Introspector } from '../../src/engine/dialect.js';
import type { ColumnSnapshot, SchemaSnapshot, TableSnapshot } from '../../src/schema/snapshot.js';
import { deepFreeze } from '../../src/schema/snapshot.js';
import type { TypeSpec } from '../../src/schema/type-spec.js';

export function col(name: string, type: TypeSpec = { kind: 'integer' }, extra: Partial<ColumnSnapshot> = {}): ColumnSnapshot {
  return { name, type, nullable: true, default: null, autoincrement: false, comment: null, ...extra };
}

export function tbl(name: string, columns: ColumnSnapshot[], extra: Partial<TableSnapshot> = {}): TableSnapshot {
  return deepFreeze({
    name,
    schema: null,
    comment: null,
    columns,
    primaryKey: null,
    foreignKeys: [],
    uniques: [],
    checks: [],
    indexes: [],
    ...extra,
  });
}

export function snap(tables: TableSnapshot[], extra: Partial<SchemaSnapshot> = {}): SchemaSnapshot {
  return deepFreeze({ schema: null, tables, enums: [], views: [], ...extra });
}

export const str = (length: number | null = 100): TypeSpec => ({ kind: 'string', length });

/** user(id pk, email unique) <- post(id pk, author_id fk cascade, title not null, body, ix on author_id, check). */
export function blogSnapshot(): SchemaSnapshot {
  const user = tbl('user', [col('id', { kind: 'integer' }, { nullable: false, autoincrement: true }), col('email', str(255), { nullable: false })], {
    primaryKey: { name: 'pk_user', columns: ['id'] },
    uniques: [{ name: 'uq_user_email', columns: ['email'] }],
  });
  const post = tbl(
    'post',
    [
      col('id', { kind: 'integer' }, { nullable: false, autoincrement: true }),
      col('author_id', { kind: 'integer' }, { nullable: false }),
      col('title', str(200), { nullable: false }),
      col('body', { kind: 'text' }),
    ],
    {
      primaryKey: { name: 'pk_post', columns: ['id'] },
      foreignKeys: [
        {
          name: 'fk_post_author_id_user',
          columns: ['author_id'],
          referredSchema: null,
          referredTable: 'user',
          referredColumns: ['id'],
          onDelete: 'CASCADE',
          onUpdate: null,
          deferrable: false,
          initiallyDeferred: false,
        },
      ],
      checks: [{ name: 'ck_post_title', expression: "length(title) > 0 AND title <> 'body'" }],
      indexes: [
        { name: 'ix_post_author_id', columns: ['author_id'], expressions: null, unique: false, where: null, method: null },
        { name: 'ix_post_lower_title', columns: [], expressions: ['lower("title")'], unique: false, where: null, method: null },
      ],
    },
  );
  return snap([post, user]);
}

const PG: DialectCapabilities = {
  transactionalDdl: true,
  schemas: true,
  comments: true,
  namedPrimaryKeys: true,
  partialIndexes: true,
  deferrableForeignKeys: true,
  namedEnums: true,
  inlineEnums: false,
  alterColumn: true,
  alterConstraints: true,
  uniqueConstraintIsIndex: false,
  foreignKeysNeedIndex: false,
  alterForeignKeyColumns: true,
  columnOnUpdate: false,
  identityKinds: true,
  invisibleColumns: false,
  autoincrementNeedsKey: false,
  viewsBindColumns: true,
  conflictClauses: false,
  maxIdentifierLength: 63,
};

export const capabilities = {
  postgresql: PG,
  mysql: { ...PG, transactionalDdl: false, schemas: false, namedPrimaryKeys: false, partialIndexes: false, deferrableForeignKeys: false, namedEnums: false, inlineEnums: true, uniqueConstraintIsIndex: true, foreignKeysNeedIndex: true, alterForeignKeyColumns: false, columnOnUpdate: true, identityKinds: false, invisibleColumns: true, autoincrementNeedsKey: true, viewsBindColumns: false, maxIdentifierLength: 64 },
  sqlite: { ...PG, schemas: false, comments: false, namedPrimaryKeys: false, namedEnums: false, alterColumn: false, alterConstraints: false, identityKinds: false, viewsBindColumns: false, conflictClauses: true, maxIdentifierLength: null },
} satisfies Record<string, DialectCapabilities>;

const cols = (names: readonly string[]): string => names.join(', ');

/** A DDL compiler that returns readable strings such as `ADD COLUMN post.summary`. */
export function recordingDdl(): DdlCompiler {
  const name = (t: { name: string; schema: string | null }): string => (t.schema ? `${t.schema}.${t.name}` : t.name);
  return {
    createTable: (t, o) => {
      const omitted = (o?.omitForeignKeys ?? []).map((fk) => fk.name).join(', ');
      return [`CREATE TABLE ${name(t)} (${cols(t.columns.map((c) => c.name))})${omitted ? ` WITHOUT FK ${omitted}` : ''}`];
    },
    dropTable: (t) => [`DROP TABLE ${name(t)}`],
    renameTable: (t, to) => [`RENAME TABLE ${name(t)} TO ${to}`],
    setTableComment: (t, c) => [`COMMENT ON TABLE ${name(t)} IS ${c}`],
    addColumn: (t, c) => [`ADD COLUMN ${name(t)}.${c.name}`],
    dropColumn: (t, c) => [`DROP COLUMN ${name(t)}.${c.name}`],
    renameColumn: (t, c, to) => [`RENAME COLUMN ${name(t)}.${c.name} TO ${to}`],
    alterColumn: (t, from, to, changes) => [
      `ALTER COLUMN ${name(t)}.${from.name} ${Object.keys(changes).filter((k) => changes[k as keyof typeof changes]).join(',')} -> ${JSON.stringify({ type: to.type, nullable: to.nullable, default: to.default })}`,
    ],
    createIndex: (t, ix) => [`CREATE INDEX ${ix.name} ON ${name(t)} (${cols(ix.expressions ?? ix.columns)})`],
    dropIndex: (t, ix) => [`DROP INDEX ${ix.name} ON ${name(t)}`],
    addPrimaryKey: (t, pk) => [`ADD PRIMARY KEY ${pk.name} ON ${name(t)} (${cols(pk.columns)})`],
    dropPrimaryKey: (t, pk) => [`DROP PRIMARY KEY ${pk.name} ON ${name(t)}`],
    addForeignKey: (t, fk) => [`ADD FOREIGN KEY ${fk.name} ON ${name(t)} (${cols(fk.columns)}) -> ${fk.referredTable}`],
    dropForeignKey: (t, fk) => [`DROP FOREIGN KEY ${fk.name} ON ${name(t)}`],
    addUnique: (t, u) => [`ADD UNIQUE ${u.name} ON ${name(t)} (${cols(u.columns)})`],
    dropUnique: (t, u) => [`DROP UNIQUE ${u.name} ON ${name(t)}`],
    addCheck: (t, c) => [`ADD CHECK ${c.name} ON ${name(t)} (${c.expression})`],
    dropCheck: (t, c) => [`DROP CHECK ${c.name} ON ${name(t)}`],
    createEnum: (e) => [`CREATE TYPE ${name(e)} (${cols(e.values)})`],
    dropEnum: (e) => [`DROP TYPE ${name(e)}`],
    addEnumValue: (e, v, p) => [`ALTER TYPE ${name(e)} ADD VALUE ${v}${p?.before ? ` BEFORE ${p.before}` : ''}${p?.after ? ` AFTER ${p.after}` : ''}`],
    columnDefinition: (_t, c) => c.name,
    tableName: name,
  };
}

const noIntrospector: Introspector = {
  introspect: () => Promise.reject(new Error('this test dialect has no introspector')),
};

export function recordingDialect(
  kind: keyof typeof capabilities,
  options: { ddl?: DdlCompiler; introspector?: Introspector } = {},
): Dialect {
  return {
    name: kind,
    aliases: [],
    urlKind: kind === 'sqlite' ? 'file' : 'server',
    serverVersionSql: 'SELECT 1',
    capabilities: capabilities[kind],
    defaultPoolSize: () => 1,
    createDriver: () => Promise.reject(new Error('no driver in tests')),
    prepareSql: (text) => text,
    transactions: {
      begin: () => 'BEGIN',
      commit: 'COMMIT',
      rollback: 'ROLLBACK',
      savepoint: (n) => `SAVEPOINT ${n}`,
      releaseSavepoint: (n) => `RELEASE SAVEPOINT ${n}`,
      rollbackToSavepoint: (n) => `ROLLBACK TO SAVEPOINT ${n}`,
    },
    quoteIdentifier: (n) => `"${n.replaceAll('"', '""')}"`,
    literal: (v) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v.replaceAll("'", "''")}'` : String(v)),
    types: {
      compile: (t) => (t.kind === 'enum' && t.name ? `"${t.name}"` : t.kind === 'array' ? `${t.of.kind}[]` : t.kind.toUpperCase()),
      canonical: (t) => t.kind,
    },
    ddl: options.ddl ?? recordingDdl(),
    introspector: options.introspector ?? noIntrospector,
    normalizer: {
      defaultValue: (d) => (d === null ? null : d.kind === 'literal' ? String(d.value) : d.sql),
      expression: (s) => s,
      foreignKeyAction: (a) => a ?? 'NO ACTION',
    },
  };
}

/** An executor that records what it runs and answers from `answer` (default: no rows). */
export function recordingExecutor(dialect: Dialect, answer: (sql: string) => Record<string, unknown>[] = () => [], inTransaction = false) {
  const executed: string[] = [];
  return {
    executed,
    inTransaction,
    dialect,
    execute<R>(statement: string | { text: string }): Promise<{ rows: R[]; rowCount: number }> {
      const text = typeof statement === 'string' ? statement : statement.text;
      executed.push(text);
      const rows = answer(text) as R[];
      return Promise.resolve({ rows, rowCount: rows.length });
    },
  };
}

/** An introspector over a snapshot the test controls, counting and recording its calls. */
export function fakeIntrospector(database: () => SchemaSnapshot) {
  const calls: (readonly string[] | undefined)[] = [];
  const introspector: Introspector = {
    introspect: (_executor, options) => {
      calls.push(options?.include);
      const db = database();
      const include = options?.include;
      return Promise.resolve(deepFreeze({ ...db, tables: include ? db.tables.filter((t) => include.includes(t.name)) : db.tables }));
    },
  };
  return { introspector, calls };
}
