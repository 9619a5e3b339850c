// Generated columns, collations and ON UPDATE on MySQL / MariaDB: the column definitions the DDL
// compiler writes (pure), then on the real server: models created with .computed() / .collate() /
// .onUpdate() reflect back exactly; hand-written DDL (Sakila's last_update, VIRTUAL / STORED /
// PERSISTENT generated columns, a COLLATE utf8mb4_bin column) reflects to the right snapshot with
// no new keys on plain columns; an alterColumn of another attribute keeps ON UPDATE and the
// collation (MODIFY restates the whole column); rows show generated values and ON UPDATE at work.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compare } from '../../../src/autogenerate/index.js';
import { mysqlDialect } from '../../../src/dialects/mysql/index.js';
import { reflectComputed, reflectOnUpdate } from '../../../src/dialects/mysql/introspector-columns.js';
import { createEngine, type Engine } from '../../../src/index.js';
import { compileOperation, ExecutorSink, MigrationContext, OnlineSchemaState } from '../../../src/operations/index.js';
import { Operations } from '../../../src/operations/facade.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { column, MetaData, Table } from '../../../src/schema/index.js';
import type { ColumnSnapshot, TableSnapshot } from '../../../src/schema/snapshot.js';
import { sql } from '../../../src/sql/sql.js';
import { forEachDialect } from '../../helpers/databases.js';
import { col, table } from '../../helpers/snapshots.js';

const ddl = mysqlDialect.ddl;
const TIMESTAMP = { kind: 'datetime', timezone: true } as const;
const NOW = { kind: 'expression', sql: 'CURRENT_TIMESTAMP' } as const;

describe('mysql DDL: collation, generated columns, ON UPDATE', () => {
  const lastUpdate: ColumnSnapshot = { ...col('last_update', TIMESTAMP, { nullable: false, default: NOW }), onUpdate: 'CURRENT_TIMESTAMP' };
  const name: ColumnSnapshot = { ...col('name', { kind: 'string', length: 50 }, { nullable: false, comment: 'n' }), collation: 'utf8mb4_bin' };
  const total: ColumnSnapshot = { ...col('total', { kind: 'integer' }, { nullable: false }), computed: { sql: '`price` * `qty`', stored: true } };
  const stamp: ColumnSnapshot = { ...col('stamp', TIMESTAMP), computed: { sql: 'from_unixtime(`secs`)', stored: false }, comment: 'c' };
  const t = table('film', [lastUpdate, name, total, stamp]);

  it('writes the clauses in MySQL order', () => {
    assert.equal(ddl.columnDefinition(t, lastUpdate), '`last_update` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP');
    assert.equal(ddl.columnDefinition(t, name), "`name` VARCHAR(50) COLLATE utf8mb4_bin NOT NULL COMMENT 'n'");
    assert.equal(ddl.columnDefinition(t, { ...name, computed: { sql: 'upper(`code`)', stored: false } }),
      "`name` VARCHAR(50) COLLATE utf8mb4_bin GENERATED ALWAYS AS (upper(`code`)) VIRTUAL COMMENT 'n'");
  });

  it('writes generated columns without NULL / NOT NULL (MariaDB refuses both), TIMESTAMP ones included', () => {
    assert.equal(ddl.columnDefinition(t, total), '`total` INT GENERATED ALWAYS AS (`price` * `qty`) STORED');
    assert.equal(ddl.columnDefinition(t, stamp), "`stamp` TIMESTAMP GENERATED ALWAYS AS (from_unixtime(`secs`)) VIRTUAL COMMENT 'c'");
  });

  it('MODIFY restates ON UPDATE and the collation; changes of them alone produce a MODIFY', () => {
    assert.deepEqual(ddl.alterColumn(t, lastUpdate, { ...lastUpdate, comment: 'x' }, { comment: true }), [
      "ALTER TABLE `film` MODIFY COLUMN `last_update` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'x'",
    ]);
    const { onUpdate: _, ...withoutOnUpdate } = lastUpdate;
    assert.deepEqual(ddl.alterColumn(t, lastUpdate, withoutOnUpdate, { onUpdate: true }), [
      'ALTER TABLE `film` MODIFY COLUMN `last_update` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP',
    ]);
    assert.deepEqual(ddl.alterColumn(t, name, { ...name, collation: 'utf8mb4_general_ci' }, { collation: true }), [
      "ALTER TABLE `film` MODIFY COLUMN `name` VARCHAR(50) COLLATE utf8mb4_general_ci NOT NULL COMMENT 'n'",
    ]);
    // PostgreSQL's identity kind is no MySQL change: compiling the op gives nothing
    const op = { kind: 'alterColumn', schema: null, table: 'film', name: 'name', changes: { identityAlways: true } } as const;
    assert.deepEqual(compileOperation(op, { dialect: mysqlDialect, table: t }), []);
  });
});

describe('mysql reflection of EXTRA and GENERATION_EXPRESSION (MariaDB and MySQL 8 spellings)', () => {
  it('reads ON UPDATE in one spelling, keeping a fractional precision', () => {
    assert.equal(reflectOnUpdate('on update current_timestamp()'), 'CURRENT_TIMESTAMP');
    assert.equal(reflectOnUpdate('on update CURRENT_TIMESTAMP'), 'CURRENT_TIMESTAMP');
    assert.equal(reflectOnUpdate('DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)'), 'CURRENT_TIMESTAMP(3)');
    assert.equal(reflectOnUpdate('on update current_timestamp(6)'), 'CURRENT_TIMESTAMP(6)');
    assert.equal(reflectOnUpdate('DEFAULT_GENERATED'), null);
    assert.equal(reflectOnUpdate(''), null);
  });

  it('reads generated columns; DEFAULT_GENERATED is not one', () => {
    assert.deepEqual(reflectComputed('VIRTUAL GENERATED', '`price` * `qty`', true), { sql: '`price` * `qty`', stored: false });
    assert.deepEqual(reflectComputed('PERSISTENT GENERATED', '`a` + 1', true), { sql: '`a` + 1', stored: true });
    assert.deepEqual(reflectComputed('STORED GENERATED', "(concat(`a`,_utf8mb4\\' \\'))", false), { sql: "concat(`a`,_utf8mb4' ')", stored: true });
    assert.deepEqual(reflectComputed('STORED GENERATED', "concat(`a`,' x\\'y')", true), { sql: "concat(`a`,' x\\'y')", stored: true });
    assert.equal(reflectComputed('DEFAULT_GENERATED', '', false), null);
    assert.equal(reflectComputed('', null, true), null);
  });
});

/** Runs op-facade calls online on the engine, as a migration does. */
async function migrate(engine: Engine, body: (op: Operations) => Promise<void>): Promise<void> {
  await engine.withConnection(async (conn) => {
    const ctx = new MigrationContext({ dialect: conn.dialect, sink: new ExecutorSink(conn), state: new OnlineSchemaState(conn) });
    await body(new Operations(ctx));
  });
}

async function reflectTable(engine: Engine, name: string): Promise<TableSnapshot> {
  const t = (await inspect(engine, { include: [name] })).tables[0];
  assert.ok(t, `table ${name}`);
  return t;
}

function columnOf(t: TableSnapshot, name: string): ColumnSnapshot {
  const c = t.columns.find((x) => x.name === name);
  assert.ok(c, `column ${name}`);
  return c;
}

/** The optional keys of a column, as a plain object (absent keys absent). */
function extras(c: ColumnSnapshot): Record<string, unknown> {
  const { computed, collation, onUpdate, identityAlways } = c;
  return Object.fromEntries(Object.entries({ computed, collation, onUpdate, identityAlways }).filter(([, v]) => v !== undefined));
}

forEachDialect('generated columns, collation, ON UPDATE', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let engine: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('col_extras'));
    await engine.execute('ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  });
  after(() => engine.dispose());

  it('createAll of models with .computed() / .collate() / .onUpdate(), then reflect: the fields round-trip', async () => {
    const metadata = new MetaData();
    new Table(metadata, 'line', {
      id: column.integer().primaryKey(),
      price: column.integer().notNull(),
      qty: column.integer().notNull(),
      total: column.integer().computed(sql`\`price\` * \`qty\``, { stored: true }),
      double: column.integer().computed('`price` * 2'),
      code: column.string(20).notNull().collate('utf8mb4_bin'),
      label: column.string(20),
      changed: column.dateTime({ timezone: true }).notNull().serverDefault(sql`CURRENT_TIMESTAMP`).onUpdate(sql`CURRENT_TIMESTAMP`),
      changedMs: column.dateTime({ precision: 3 }).serverDefault(sql`CURRENT_TIMESTAMP(3)`).onUpdate(sql`CURRENT_TIMESTAMP(3)`),
    });
    await metadata.createAll(engine);
    const t = await reflectTable(engine, 'line');
    const declared = metadata.snapshot(engine.dialect).tables[0]!;
    assert.deepEqual(t.columns.map((c) => [c.name, extras(c)]), declared.columns.map((c) => [c.name, extras(c)]));
    assert.deepEqual(extras(columnOf(t, 'total')), { computed: { sql: '`price` * `qty`', stored: true } });
    assert.deepEqual(extras(columnOf(t, 'changed_ms')), { onUpdate: 'CURRENT_TIMESTAMP(3)' });
    assert.equal(columnOf(t, 'total').default, null);
    assert.deepEqual(compare(metadata.snapshot(engine.dialect), await inspect(engine), { dialect: engine.dialect }), []);

    await engine.execute("INSERT INTO line (id, price, qty, code) VALUES (1, 3, 4, 'a')");
    const rows = (await engine.execute('SELECT total, `double` FROM line')).rows;
    assert.deepEqual(rows, [{ total: 12, double: 6 }]);
  });

  it('reflects hand-written DDL: Sakila last_update, VIRTUAL / STORED / PERSISTENT, COLLATE; plain columns get no new keys', async () => {
    const mariadb = /mariadb/i.test(String((await engine.execute('SELECT VERSION() AS v')).rows[0]!.v));
    await engine.execute(`CREATE TABLE film (
      film_id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      title VARCHAR(128) NOT NULL,
      code VARCHAR(20) COLLATE utf8mb4_bin NOT NULL,
      same VARCHAR(20) COLLATE utf8mb4_unicode_ci,
      doc JSON,
      rate DECIMAL(4,2) NOT NULL DEFAULT 4.99,
      len SMALLINT,
      len2 INT AS (len * 2) VIRTUAL,
      title_uc VARCHAR(128) GENERATED ALWAYS AS (upper(concat(title, ' (', code, ')'))) STORED,
      ${mariadb ? 'len3 INT AS (len + 3) PERSISTENT,' : ''}
      last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
      touched DATETIME(6) NULL ON UPDATE CURRENT_TIMESTAMP(6)
    ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    const t = await reflectTable(engine, 'film');
    const got = Object.fromEntries(t.columns.map((c) => [c.name, extras(c)]));
    assert.deepEqual(got, {
      film_id: {},
      title: {},
      code: { collation: 'utf8mb4_bin' },
      same: {},
      doc: {},
      rate: {},
      len: {},
      len2: { computed: { sql: '`len` * 2', stored: false } },
      title_uc: { computed: { sql: columnOf(t, 'title_uc').computed!.sql, stored: true } },
      ...(mariadb ? { len3: { computed: { sql: '`len` + 3', stored: true } } } : {}),
      last_update: { onUpdate: 'CURRENT_TIMESTAMP' },
      touched: { onUpdate: 'CURRENT_TIMESTAMP(6)' },
    });
    // the catalog's spelling (MariaDB: ucase(concat(`title`,' (',`code`,')'))) is the declared expression
    const expression = mysqlDialect.normalizer.expression;
    assert.equal(expression(columnOf(t, 'title_uc').computed!.sql), expression("upper(concat(title, ' (', code, ')'))"));
    assert.deepEqual(columnOf(t, 'doc').type, { kind: 'json' });
    const lastUpdate = columnOf(t, 'last_update');
    assert.equal(lastUpdate.nullable, false);
    assert.equal(mysqlDialect.normalizer.defaultValue(lastUpdate.default, lastUpdate), 'CURRENT_TIMESTAMP');
    for (const c of t.columns.filter((x) => x.computed)) assert.equal(c.default, null);
    // a reflected plain column has exactly the keys it had before these fields existed
    assert.deepEqual(Object.keys(columnOf(t, 'title')), ['name', 'type', 'nullable', 'default', 'autoincrement', 'comment']);
  });

  it('alterColumn of nullability and comment keeps ON UPDATE and the collation; onUpdate null removes it', async () => {
    await engine.execute(`CREATE TABLE customer (
      id INT PRIMARY KEY,
      email VARCHAR(50) COLLATE utf8mb4_bin NULL,
      last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
    ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await migrate(engine, async (op) => {
      await op.alterColumn('customer', 'email', { nullable: false });
      await op.alterColumn('customer', 'last_update', { comment: 'changed on every update' });
    });
    let t = await reflectTable(engine, 'customer');
    assert.deepEqual([columnOf(t, 'email').nullable, extras(columnOf(t, 'email'))], [false, { collation: 'utf8mb4_bin' }]);
    assert.deepEqual([columnOf(t, 'last_update').comment, extras(columnOf(t, 'last_update'))], ['changed on every update', { onUpdate: 'CURRENT_TIMESTAMP' }]);

    await migrate(engine, async (op) => {
      await op.alterColumn('customer', 'email', { collation: null });
      await op.alterColumn('customer', 'last_update', { onUpdate: null });
    });
    t = await reflectTable(engine, 'customer');
    assert.deepEqual(extras(columnOf(t, 'email')), {});
    assert.deepEqual(extras(columnOf(t, 'last_update')), {});
    assert.equal(columnOf(t, 'last_update').comment, 'changed on every update');
    assert.equal(mysqlDialect.normalizer.defaultValue(columnOf(t, 'last_update').default, columnOf(t, 'last_update')), 'CURRENT_TIMESTAMP');

    await migrate(engine, (op) => op.alterColumn('customer', 'last_update', { onUpdate: 'CURRENT_TIMESTAMP' }));
    assert.deepEqual(extras(columnOf(await reflectTable(engine, 'customer'), 'last_update')), { onUpdate: 'CURRENT_TIMESTAMP' });
  });

  it('rows: ON UPDATE sets the time on update only; a generated column follows its inputs, also after a MODIFY of it', async () => {
    await engine.execute(`CREATE TABLE stock (
      id INT PRIMARY KEY,
      qty INT NOT NULL,
      twice INT AS (qty * 2) VIRTUAL,
      changed DATETIME NOT NULL DEFAULT '2000-01-01 00:00:00' ON UPDATE CURRENT_TIMESTAMP
    )`);
    await engine.execute('INSERT INTO stock (id, qty) VALUES (1, 5)');
    const before = (await engine.execute("SELECT twice, changed = '2000-01-01 00:00:00' AS untouched FROM stock")).rows;
    assert.deepEqual(before, [{ twice: 10, untouched: 1 }]);
    await migrate(engine, (op) => op.alterColumn('stock', 'twice', { comment: 'qty times two' }));
    const t = await reflectTable(engine, 'stock');
    assert.deepEqual([columnOf(t, 'twice').comment, extras(columnOf(t, 'twice'))], ['qty times two', { computed: { sql: '`qty` * 2', stored: false } }]);
    await engine.execute('UPDATE stock SET qty = 7 WHERE id = 1');
    const afterUpdate = (await engine.execute("SELECT twice, changed > '2000-01-01 00:00:00' AS touched FROM stock")).rows;
    assert.deepEqual(afterUpdate, [{ twice: 14, touched: 1 }]);
  });
});
