// Generated columns, collations and GENERATED ALWAYS identities on PostgreSQL: the DDL text (pure),
// then on a real database: models created with .computed() / .collate() / .identity({ always })
// reflect with the same fields, hand-written DDL reflects as expected (plain columns get no new
// keys), alterColumn through the op facade changes collation and identity kind, and a generated
// column computes its value.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEngine, postgresDialect, type Engine } from '../../../src/index.js';
import { MigrationContext } from '../../../src/operations/context.js';
import { Operations } from '../../../src/operations/facade.js';
import { OnlineSchemaState } from '../../../src/operations/online-schema-state.js';
import { ExecutorSink } from '../../../src/operations/sinks.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { column, MetaData, Table } from '../../../src/schema/index.js';
import type { ColumnSnapshot, TableSnapshot } from '../../../src/schema/snapshot.js';
import { sql } from '../../../src/sql/sql.js';
import { describePostgres } from './helpers.js';

const ddl = postgresDialect.ddl;

function col(table: TableSnapshot | undefined, name: string): ColumnSnapshot {
  const c = table?.columns.find((x) => x.name === name);
  assert.ok(c, `column ${name}`);
  return c;
}

/** The optional keys of a column and their values (what this feature adds to a snapshot). */
function extras(c: ColumnSnapshot): Partial<ColumnSnapshot> {
  const { computed, collation, onUpdate, identityAlways } = c;
  return Object.fromEntries(Object.entries({ computed, collation, onUpdate, identityAlways }).filter(([, v]) => v !== undefined));
}

function orderModel(): MetaData {
  const md = new MetaData();
  new Table(md, 'order_line', {
    id: column.integer().primaryKey().identity({ always: true }),
    code: column.string(20).notNull().collate('C'),
    label: column.text().collate('POSIX'),
    price: column.numeric(10, 2).notNull(),
    qty: column.numeric(10, 2).notNull(),
    total: column.numeric().computed(sql`price * qty`, { stored: true }),
    // PostgreSQL 15 has no VIRTUAL generated columns: written STORED
    doubled: column.numeric().computed('qty + qty'),
    touched: column.dateTime().onUpdate(sql`CURRENT_TIMESTAMP`),
  });
  return md;
}

describe('postgresql DDL: generated columns, collations, identity kinds', () => {
  const table = orderModel().snapshot(postgresDialect).tables[0]!;

  it('writes COLLATE after the type, GENERATED ALWAYS AS (...) STORED, GENERATED ALWAYS AS IDENTITY, nothing for ON UPDATE', () => {
    assert.deepEqual(ddl.createTable(table), [[
      'CREATE TABLE "order_line" (',
      '  "id" INTEGER GENERATED ALWAYS AS IDENTITY NOT NULL,',
      '  "code" VARCHAR(20) COLLATE "C" NOT NULL,',
      '  "label" TEXT COLLATE "POSIX",',
      '  "price" NUMERIC(10, 2) NOT NULL,',
      '  "qty" NUMERIC(10, 2) NOT NULL,',
      '  "total" NUMERIC GENERATED ALWAYS AS (price * qty) STORED,',
      '  "doubled" NUMERIC GENERATED ALWAYS AS (qty + qty) STORED,',
      '  "touched" TIMESTAMP,',
      '  CONSTRAINT "pk_order_line" PRIMARY KEY ("id")',
      ')',
    ].join('\n')]);
  });

  it('writes a qualified collation as it is, and a bare one quoted as one name', () => {
    const label = col(table, 'label');
    assert.deepEqual(ddl.addColumn(table, { ...label, collation: '"public"."mine"' }), ['ALTER TABLE "order_line" ADD COLUMN "label" TEXT COLLATE "public"."mine"']);
    assert.deepEqual(ddl.addColumn(table, { ...label, collation: 'C.utf8' }), ['ALTER TABLE "order_line" ADD COLUMN "label" TEXT COLLATE "C.utf8"']);
  });

  it('alters the collation with TYPE ... COLLATE, keeps it across a type change, and drops it with TYPE alone', () => {
    const code = col(table, 'code');
    const plain = { ...code, collation: undefined };
    delete plain.collation;
    assert.deepEqual(ddl.alterColumn(table, plain, code, { collation: true }), ['ALTER TABLE "order_line" ALTER COLUMN "code" TYPE VARCHAR(20) COLLATE "C"']);
    assert.deepEqual(ddl.alterColumn(table, code, plain, { collation: true }), ['ALTER TABLE "order_line" ALTER COLUMN "code" TYPE VARCHAR(20)']);
    assert.deepEqual(ddl.alterColumn(table, code, { ...code, type: { kind: 'text' } }, { type: true }), ['ALTER TABLE "order_line" ALTER COLUMN "code" TYPE TEXT COLLATE "C"']);
    assert.deepEqual(ddl.alterColumn(table, plain, { ...code, type: { kind: 'text' }, nullable: true }, { type: true, collation: true, nullable: true }), [
      'ALTER TABLE "order_line" ALTER COLUMN "code" TYPE TEXT COLLATE "C", ALTER COLUMN "code" DROP NOT NULL',
    ]);
  });

  it('sets the identity kind of an identity column, and adds an identity with its kind', () => {
    const id = col(table, 'id');
    const byDefault = { ...id };
    delete (byDefault as { identityAlways?: true }).identityAlways;
    assert.deepEqual(ddl.alterColumn(table, id, byDefault, { identityAlways: true }), ['ALTER TABLE "order_line" ALTER COLUMN "id" SET GENERATED BY DEFAULT']);
    // a column of no kind may be a serial (reflection cannot tell): a DO block makes a serial an identity first
    const always = ddl.alterColumn(table, byDefault, id, { identityAlways: true });
    assert.equal(always.length, 2);
    assert.match(always[0]!, /^DO \$\$ BEGIN IF \(SELECT a\.attidentity .*\) = '' AND .* IS NOT NULL THEN .*ADD GENERATED BY DEFAULT AS IDENTITY; .* END IF; END \$\$$/);
    assert.equal(always[1], 'ALTER TABLE "order_line" ALTER COLUMN "id" SET GENERATED ALWAYS');
    const none = { ...byDefault, autoincrement: false };
    assert.deepEqual(ddl.alterColumn(table, none, id, { autoincrement: true, identityAlways: true })[0],
      'ALTER TABLE "order_line" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY');
  });

  it('writes nothing for ON UPDATE', () => {
    const touched = col(table, 'touched');
    assert.deepEqual(ddl.alterColumn(table, touched, { ...touched, onUpdate: 'now()' }, { onUpdate: true }), []);
  });
});

describePostgres('generated columns, collations and identity kinds on the server', (ctx) => {
  let engine: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('pg_extras'));
  });
  after(() => engine.dispose());

  async function table(name: string): Promise<TableSnapshot> {
    const t = (await inspect(engine, { include: [name] })).tables[0];
    assert.ok(t, `table ${name}`);
    return t;
  }

  it('createAll of a model reflects the same generated columns, collations and identity kind', async () => {
    const md = orderModel();
    await md.createAll(engine);
    const model = md.snapshot(postgresDialect).tables[0]!;
    const reflected = await table('order_line');
    assert.deepEqual(reflected.columns.map((c) => [c.name, extras(c)]), [
      ['id', { identityAlways: true }],
      ['code', { collation: 'C' }],
      ['label', { collation: 'POSIX' }],
      ['price', {}],
      ['qty', {}],
      ['total', { computed: { sql: 'price * qty', stored: true } }],
      ['doubled', { computed: { sql: 'qty + qty', stored: true } }],
      ['touched', {}],
    ]);
    // everything but VIRTUAL (created STORED) and ON UPDATE (MySQL only) round-trips exactly
    for (const name of ['id', 'code', 'label', 'total']) assert.deepEqual(extras(col(reflected, name)), extras(col(model, name)), name);
    assert.equal(col(reflected, 'total').default, null);
    assert.equal(col(reflected, 'id').autoincrement, true);
  });

  it('a generated column computes its value and refuses one; an ALWAYS identity refuses an explicit id', async () => {
    await engine.execute('INSERT INTO order_line (code, price, qty) VALUES (?, ?, ?)', ['b', '2.50', '4']);
    assert.deepEqual((await engine.execute('SELECT total::text AS total, doubled::text AS doubled FROM order_line')).rows, [{ total: '10.0000', doubled: '8.00' }]);
    await assert.rejects(engine.execute("INSERT INTO order_line (code, price, qty, total) VALUES ('c', 1, 1, 5)"), /cannot insert a non-DEFAULT value into column "total"/);
    await assert.rejects(engine.execute("INSERT INTO order_line (id, code, price, qty) VALUES (9, 'c', 1, 1)"), /cannot insert a non-DEFAULT value into column "id"/);
  });

  it('reflects hand-written DDL: generated expressions, ALWAYS identity, collations on varchar, text[], domains; plain columns get no new keys', async () => {
    await engine.execute(`CREATE DOMAIN code_c AS text COLLATE "C";
      CREATE SCHEMA extra;
      CREATE COLLATION extra."My Coll" (locale = 'C');
      CREATE TABLE hand (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        n integer GENERATED BY DEFAULT AS IDENTITY,
        s serial,
        qty integer NOT NULL DEFAULT 1,
        twice integer GENERATED ALWAYS AS (qty * 2 + 1) STORED NOT NULL,
        lowered text GENERATED ALWAYS AS (lower(name)) STORED,
        name varchar(40) COLLATE "C",
        tags text[] COLLATE "C",
        plain text,
        explicit_default text COLLATE "default",
        dom code_c,
        dom_default code_c COLLATE "default",
        doms code_c[],
        other text COLLATE extra."My Coll",
        utf text COLLATE "C.utf8"
      )`);
    const t = await table('hand');
    assert.deepEqual(t.columns.map((c) => [c.name, extras(c)]), [
      ['id', { identityAlways: true }],
      ['n', {}],
      ['s', {}],
      ['qty', {}],
      ['twice', { computed: { sql: '(qty * 2) + 1', stored: true } }],
      ['lowered', { computed: { sql: 'lower((name)::text)', stored: true } }],
      ['name', { collation: 'C' }],
      ['tags', { collation: 'C' }],
      ['plain', {}],
      ['explicit_default', {}],
      // the domain's own collation is its type's; the database default on it is not
      ['dom', {}],
      ['dom_default', { collation: 'default' }],
      ['doms', {}],
      ['other', { collation: '"extra"."My Coll"' }],
      ['utf', { collation: 'C.utf8' }],
    ]);
    // plain columns have exactly the keys they had before
    for (const name of ['n', 's', 'qty', 'plain']) {
      assert.deepEqual(Object.keys(col(t, name)), ['name', 'type', 'nullable', 'default', 'autoincrement', 'comment'], name);
    }
    assert.equal(col(t, 'twice').default, null);
    assert.equal(col(t, 'twice').nullable, false);
    assert.deepEqual(col(t, 'tags').type, { kind: 'array', of: { kind: 'text' } });
    // the DDL of a reflected collation names the same collation again
    await engine.execute(ddl.addColumn(t, { ...col(t, 'plain'), name: 'again', collation: '"extra"."My Coll"' })[0]!);
    assert.deepEqual(extras(col(await table('hand'), 'again')), { collation: '"extra"."My Coll"' });
  });

  it('alterColumn through the op facade changes the collation and the identity kind; the rows stay', async () => {
    await engine.execute(`CREATE TABLE tag (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, code varchar(10) NOT NULL DEFAULT 'x',
        n integer NOT NULL);
      INSERT INTO tag (code, n) VALUES ('b', 1), ('a', 2), ('B', 3)`);
    const run = (body: (op: Operations) => Promise<void>): Promise<void> => engine.transaction(async (tx) => {
      await body(new Operations(new MigrationContext({ dialect: tx.dialect, sink: new ExecutorSink(tx), state: new OnlineSchemaState(tx) })));
    });
    const codes = async (): Promise<string[]> => (await engine.execute<{ code: string }>('SELECT code FROM tag ORDER BY code')).rows.map((r) => r.code);

    await run(async (op) => {
      await op.alterColumn('tag', 'code', { collation: 'C' });
      await op.alterColumn('tag', 'id', { identityAlways: true });
    });
    let t = await table('tag');
    assert.deepEqual(extras(col(t, 'code')), { collation: 'C' });
    assert.deepEqual(col(t, 'code').default, { kind: 'expression', sql: "'x'::character varying" });
    assert.deepEqual(extras(col(t, 'id')), { identityAlways: true });
    assert.deepEqual(await codes(), ['B', 'a', 'b']);
    await assert.rejects(engine.execute("INSERT INTO tag (id, code, n) VALUES (10, 'c', 4)"), /cannot insert a non-DEFAULT value into column "id"/);

    await run(async (op) => {
      await op.alterColumn('tag', 'code', { collation: null, type: column.string(20) });
      await op.alterColumn('tag', 'id', { identityAlways: false });
      await op.alterColumn('tag', 'n', { autoincrement: true, identityAlways: true });
    });
    t = await table('tag');
    assert.deepEqual(extras(col(t, 'code')), {});
    assert.deepEqual(col(t, 'code').type, { kind: 'string', length: 20 });
    assert.deepEqual(extras(col(t, 'id')), {});
    assert.deepEqual([col(t, 'n').autoincrement, extras(col(t, 'n'))], [true, { identityAlways: true }]);
    await engine.execute("INSERT INTO tag (id, code) VALUES (10, 'c')");
    assert.deepEqual((await engine.execute('SELECT n FROM tag WHERE id = 10')).rows, [{ n: 4 }]);
  });
});
