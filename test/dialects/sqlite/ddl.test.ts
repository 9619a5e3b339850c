// Exact DDL text of the SQLite dialect for representative tables (pure), and, on a real database,
// what that DDL makes SQLite do with autoincrement keys.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { sqliteDialect } from '../../../src/dialects/sqlite/index.js';
import { OperationError } from '../../../src/errors/index.js';
import type { ColumnSnapshot, ForeignKeySnapshot, IndexSnapshot, TableSnapshot } from '../../../src/schema/snapshot.js';
import type { TypeSpec } from '../../../src/schema/type-spec.js';
import { forSqlite } from './helpers.js';

const ddl = sqliteDialect.ddl;

function col(name: string, type: TypeSpec, extra: Partial<ColumnSnapshot> = {}): ColumnSnapshot {
  return { name, type, nullable: true, default: null, autoincrement: false, comment: null, ...extra };
}

function table(name: string, columns: ColumnSnapshot[], extra: Partial<TableSnapshot> = {}): TableSnapshot {
  return { name, schema: null, comment: null, columns, primaryKey: null, foreignKeys: [], uniques: [], checks: [], indexes: [], ...extra };
}

function fk(name: string | null, columns: string[], referredTable: string, referredColumns: string[], extra: Partial<ForeignKeySnapshot> = {}): ForeignKeySnapshot {
  return { name, columns, referredSchema: null, referredTable, referredColumns, onDelete: null, onUpdate: null, deferrable: false, initiallyDeferred: false, ...extra };
}

function index(name: string, columns: string[], extra: Partial<IndexSnapshot> = {}): IndexSnapshot {
  return { name, columns, expressions: null, unique: false, where: null, method: null, ...extra };
}

const id = col('id', { kind: 'integer' }, { nullable: false, autoincrement: true });

describe('SQLite DDL text', () => {
  it('writes every column type with its default, comments left out', () => {
    const t = table('every_type', [
      col('id', { kind: 'bigint' }, { nullable: false, autoincrement: true, comment: 'not stored' }),
      col('small', { kind: 'smallint' }, { default: { kind: 'literal', value: -1 } }),
      col('flag', { kind: 'boolean' }, { nullable: false, default: { kind: 'literal', value: true } }),
      col('title', { kind: 'string', length: 200 }, { default: { kind: 'literal', value: "it's" } }),
      col('code', { kind: 'char', length: 3 }),
      col('body', { kind: 'text' }),
      col('price', { kind: 'numeric', precision: 10, scale: 2 }, { default: { kind: 'literal', value: 0 } }),
      col('ratio', { kind: 'float' }),
      col('score', { kind: 'double' }),
      col('born', { kind: 'date' }, { default: { kind: 'expression', sql: 'CURRENT_DATE' } }),
      col('opens', { kind: 'time', timezone: false }),
      col('seen', { kind: 'datetime', timezone: true, precision: 3 }, { nullable: false, default: { kind: 'expression', sql: 'CURRENT_TIMESTAMP' } }),
      col('doc', { kind: 'json' }),
      col('token', { kind: 'uuid' }, { default: { kind: 'expression', sql: 'lower(hex(randomblob(16)))' } }),
      col('data', { kind: 'binary' }, { default: { kind: 'expression', sql: "x'00'" } }),
      col('state', { kind: 'enum', values: ['draft', 'published'], name: 'state' }, { default: { kind: 'literal', value: 'draft' } }),
      col('tags', { kind: 'array', of: { kind: 'text' } }),
      col('geo', { kind: 'custom', sql: 'GEOMETRY' }, { default: { kind: 'expression', sql: '(1 + 1)' } }),
    ], { primaryKey: { name: 'pk_every_type', columns: ['id'] }, comment: 'not stored either' });
    assert.deepEqual(ddl.createTable(t), [
      'CREATE TABLE "every_type" (\n'
      + '  "id" INTEGER NOT NULL,\n'
      + '  "small" SMALLINT DEFAULT -1,\n'
      + '  "flag" BOOLEAN DEFAULT 1 NOT NULL,\n'
      + '  "title" VARCHAR(200) DEFAULT \'it\'\'s\',\n'
      + '  "code" CHAR(3),\n'
      + '  "body" TEXT,\n'
      + '  "price" NUMERIC(10, 2) DEFAULT 0,\n'
      + '  "ratio" REAL,\n'
      + '  "score" DOUBLE,\n'
      + '  "born" DATE DEFAULT CURRENT_DATE,\n'
      + '  "opens" TIME,\n'
      + '  "seen" DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,\n'
      + '  "doc" JSON,\n'
      + '  "token" CHAR(36) DEFAULT (lower(hex(randomblob(16)))),\n'
      + '  "data" BLOB DEFAULT x\'00\',\n'
      + '  "state" VARCHAR(9) DEFAULT \'draft\',\n'
      + '  "tags" JSON,\n'
      + '  "geo" GEOMETRY DEFAULT (1 + 1),\n'
      + '  CONSTRAINT "pk_every_type" PRIMARY KEY ("id")\n'
      + ')',
    ]);
  });

  it('writes a composite key, uniques, checks and foreign keys with actions and deferral, inline', () => {
    const t = table('order_item', [
      col('order_id', { kind: 'integer' }, { nullable: false }),
      col('product_id', { kind: 'integer' }, { nullable: false }),
      col('qty', { kind: 'integer' }, { nullable: false, default: { kind: 'literal', value: 1 } }),
    ], {
      primaryKey: { name: null, columns: ['order_id', 'product_id'] },
      uniques: [{ name: 'uq_order_item_product_id', columns: ['product_id'] }, { name: null, columns: ['qty', 'order_id'] }],
      checks: [{ name: 'ck_order_item_qty', expression: 'qty > 0' }],
      foreignKeys: [
        fk('fk_order_item_order_id_order', ['order_id'], 'order', ['id'], { onDelete: 'CASCADE', onUpdate: 'RESTRICT' }),
        fk(null, ['product_id'], 'product', ['id'], { onDelete: 'SET DEFAULT', deferrable: true, initiallyDeferred: true }),
      ],
    });
    assert.deepEqual(ddl.createTable(t), [
      'CREATE TABLE "order_item" (\n'
      + '  "order_id" INTEGER NOT NULL,\n'
      + '  "product_id" INTEGER NOT NULL,\n'
      + '  "qty" INTEGER DEFAULT 1 NOT NULL,\n'
      + '  PRIMARY KEY ("order_id", "product_id"),\n'
      + '  CONSTRAINT "uq_order_item_product_id" UNIQUE ("product_id"),\n'
      + '  UNIQUE ("qty", "order_id"),\n'
      + '  CONSTRAINT "ck_order_item_qty" CHECK (qty > 0),\n'
      + '  CONSTRAINT "fk_order_item_order_id_order" FOREIGN KEY ("order_id") REFERENCES "order" ("id") ON DELETE CASCADE ON UPDATE RESTRICT,\n'
      + '  FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE SET DEFAULT DEFERRABLE INITIALLY DEFERRED\n'
      + ')',
    ]);
    // leaving out foreign keys is honoured (createAll never asks it on SQLite; the op layer may)
    assert.doesNotMatch(ddl.createTable(t, { omitForeignKeys: [t.foreignKeys[0]!] })[0]!, /fk_order_item_order_id_order/);
  });

  it('writes autoincrement keys as the rowid (INTEGER), and other sole INTEGER keys as INT', () => {
    const big = table('a', [col('id', { kind: 'bigint' }, { nullable: false, autoincrement: true })], { primaryKey: { name: null, columns: ['id'] } });
    assert.match(ddl.createTable(big)[0]!, /"id" INTEGER NOT NULL,\n {2}PRIMARY KEY \("id"\)/);
    const manual = table('b', [col('id', { kind: 'integer' }, { nullable: false })], { primaryKey: { name: null, columns: ['id'] } });
    assert.match(ddl.createTable(manual)[0]!, /"id" INT NOT NULL/);
    const custom = table('c', [col('id', { kind: 'custom', sql: 'integer' }, { nullable: false })], { primaryKey: { name: null, columns: ['id'] } });
    assert.match(ddl.createTable(custom)[0]!, /"id" INT NOT NULL/);
    const composite = table('d', [col('a', { kind: 'integer' }, { nullable: false }), col('b', { kind: 'integer' }, { nullable: false })], { primaryKey: { name: null, columns: ['a', 'b'] } });
    assert.match(ddl.createTable(composite)[0]!, /"a" INTEGER NOT NULL/);
    const notKey = table('e', [id, col('n', { kind: 'integer' }, { autoincrement: true })], { primaryKey: { name: null, columns: ['id'] } });
    assert.throws(() => ddl.createTable(notKey), (e: unknown) => e instanceof OperationError && /"n" of table "e" cannot autoincrement/.test(e.message));
  });

  it('quotes odd identifiers everywhere', () => {
    const t = table('line "item"', [col('order id', { kind: 'integer' }, { nullable: false }), col('größe', { kind: 'text' })], {
      primaryKey: { name: 'pk line', columns: ['order id'] },
      foreignKeys: [fk('fk "x"', ['order id'], 'select', ['group'])],
      indexes: [index('ix größe', ['größe'])],
    });
    assert.deepEqual(ddl.createTable(t), [
      'CREATE TABLE "line ""item""" (\n  "order id" INT NOT NULL,\n  "größe" TEXT,\n  CONSTRAINT "pk line" PRIMARY KEY ("order id"),\n'
      + '  CONSTRAINT "fk ""x""" FOREIGN KEY ("order id") REFERENCES "select" ("group")\n)',
    ]);
    assert.deepEqual(ddl.createIndex(t, t.indexes[0]!), ['CREATE INDEX "ix größe" ON "line ""item""" ("größe")']);
  });

  it('writes unique, partial and expression indexes, and drops indexes by name', () => {
    const t = table('user', [id, col('email', { kind: 'string', length: 255 })]);
    assert.deepEqual(ddl.createIndex(t, index('ix_user_email', ['email'], { unique: true, where: 'email IS NOT NULL' })), [
      'CREATE UNIQUE INDEX "ix_user_email" ON "user" ("email") WHERE email IS NOT NULL',
    ]);
    assert.deepEqual(ddl.createIndex(t, index('ix_user_lower_email', [], { expressions: ['lower(email)', '"id" DESC'] })), [
      'CREATE INDEX "ix_user_lower_email" ON "user" (lower(email), "id" DESC)',
    ]);
    assert.deepEqual(ddl.createIndex(t, index('ix_btree', ['email'], { method: 'btree' })), ['CREATE INDEX "ix_btree" ON "user" ("email")']);
    assert.throws(() => ddl.createIndex(t, index('ix_gin', ['email'], { method: 'gin' })), OperationError);
    assert.deepEqual(ddl.dropIndex(t, index('ix_user_email', ['email'])), ['DROP INDEX "ix_user_email"']);
  });

  it('writes the ALTER TABLE statements SQLite has, and refuses what it lacks', () => {
    const t = table('post', [id, col('title', { kind: 'string', length: 200 })], { primaryKey: { name: null, columns: ['id'] } });
    const title = t.columns[1]!;
    assert.deepEqual(ddl.renameTable(t, 'article'), ['ALTER TABLE "post" RENAME TO "article"']);
    assert.deepEqual(ddl.renameColumn(t, title, 'headline'), ['ALTER TABLE "post" RENAME COLUMN "title" TO "headline"']);
    assert.deepEqual(ddl.dropColumn(t, title), ['ALTER TABLE "post" DROP COLUMN "title"']);
    assert.deepEqual(ddl.dropTable(t), ['DROP TABLE "post"']);
    assert.deepEqual(ddl.addColumn(t, col('views', { kind: 'integer' }, { nullable: false, default: { kind: 'literal', value: 0 } })), [
      'ALTER TABLE "post" ADD COLUMN "views" INTEGER DEFAULT 0 NOT NULL',
    ]);
    assert.deepEqual(ddl.setTableComment(t, 'ignored'), []);
    const refuses = (f: () => unknown, pattern: RegExp): void => assert.throws(f, (e: unknown) => e instanceof OperationError && pattern.test(e.message));
    refuses(() => ddl.addColumn(t, col('at', { kind: 'datetime', timezone: false }, { default: { kind: 'expression', sql: 'CURRENT_TIMESTAMP' } })), /not a constant.*rebuilding the table/);
    refuses(() => ddl.addColumn(t, col('n', { kind: 'integer' }, { nullable: false })), /NOT NULL column needs a non-NULL default/);
    refuses(() => ddl.alterColumn(t, title, { ...title, nullable: false }, { nullable: true }), /no ALTER COLUMN \(table "post", column "title": nullable\).*rebuilding the table/);
    refuses(() => ddl.addPrimaryKey(t, { name: null, columns: ['id'] }), /cannot add a primary key/);
    refuses(() => ddl.dropForeignKey(t, fk('fk', ['id'], 'x', ['id'])), /cannot drop a foreign key/);
    refuses(() => ddl.addUnique(t, { name: 'uq', columns: ['title'] }), /cannot add a unique constraint/);
    refuses(() => ddl.addCheck(t, { name: 'ck', expression: 'id > 0' }), /cannot add a check constraint/);
    refuses(() => ddl.createEnum({ name: 'e', schema: null, values: ['a'] }), /no named enum types/);
  });
});

forSqlite('SQLite DDL on a real database', (ctx) => {
  let engine: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('ddl'));
  });
  after(() => engine.dispose());

  it('makes an autoincrement key the rowid: rows inserted without it get ids', async () => {
    const t = table('auto', [col('id', { kind: 'bigint' }, { nullable: false, autoincrement: true }), col('v', { kind: 'text' })], { primaryKey: { name: 'pk_auto', columns: ['id'] } });
    for (const s of ddl.createTable(t)) await engine.execute(s);
    await engine.execute("INSERT INTO auto (v) VALUES ('a'), ('b')");
    await engine.execute("INSERT INTO auto (id, v) VALUES (10, 'c')");
    const rows = (await engine.execute<{ id: number; r: number }>('SELECT id, rowid AS r FROM auto ORDER BY id')).rows;
    assert.deepEqual(rows, [{ id: 1, r: 1 }, { id: 2, r: 2 }, { id: 10, r: 10 }], 'id is the rowid');
  });

  it('keeps a non-autoincrement INTEGER key out of the rowid: a row needs its id', async () => {
    const t = table('manual', [col('id', { kind: 'integer' }, { nullable: false }), col('v', { kind: 'text' })], { primaryKey: { name: null, columns: ['id'] } });
    for (const s of ddl.createTable(t)) await engine.execute(s);
    await assert.rejects(engine.execute("INSERT INTO manual (v) VALUES ('a')"), /NOT NULL constraint failed: manual\.id/);
    await engine.execute("INSERT INTO manual (id, v) VALUES (7, 'a')");
    const rows = (await engine.execute<{ id: number; r: number }>('SELECT id, rowid AS r FROM manual')).rows;
    assert.deepEqual(rows, [{ id: 7, r: 1 }], 'id is not the rowid');
  });

  it('runs every default it writes', async () => {
    const t = table('defaults', [
      id,
      col('token', { kind: 'uuid' }, { default: { kind: 'expression', sql: 'lower(hex(randomblob(18)))' } }),
      col('at', { kind: 'datetime', timezone: false }, { default: { kind: 'expression', sql: "datetime('now')" } }),
      col('n', { kind: 'integer' }, { default: { kind: 'expression', sql: '-3' } }),
      col('flag', { kind: 'boolean' }, { default: { kind: 'literal', value: false } }),
      col('s', { kind: 'text' }, { default: { kind: 'literal', value: "o'brien" } }),
    ], { primaryKey: { name: null, columns: ['id'] } });
    for (const s of ddl.createTable(t)) await engine.execute(s);
    await engine.execute('INSERT INTO defaults DEFAULT VALUES');
    const row = (await engine.execute<Record<string, unknown>>('SELECT * FROM defaults')).rows[0]!;
    assert.match(String(row.token), /^[0-9a-f]{36}$/);
    assert.match(String(row.at), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.deepEqual([row.n, row.flag, row.s], [-3, 0, "o'brien"]);
  });
});
