// Reflection options and costs on MySQL / MariaDB: include / exclude applied in the catalog
// queries, a constant number of queries whatever the number of tables, views listed apart,
// another database by name, unknown schema errors.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { ReflectionError } from '../../../src/errors/index.js';
import { createEngine, parseUrl, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { forEachDialect } from '../../helpers/databases.js';
import { loadShop } from './shop-schema.js';

async function run(engine: Engine, statements: readonly string[]): Promise<void> {
  await engine.withConnection(async (conn) => {
    for (const s of statements) await conn.execute(s);
  });
}

/** `n` tables, each with a PK, an FK to the previous one, an index, a unique and a check. */
function manyTables(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const fk = i === 0 ? '' : `, prev_id INT, CONSTRAINT fk_t${i} FOREIGN KEY (prev_id) REFERENCES t${i - 1} (id)`;
    out.push(`CREATE TABLE t${i} (id INT AUTO_INCREMENT PRIMARY KEY, code VARCHAR(20) NOT NULL UNIQUE, qty INT DEFAULT 0, `
      + `CONSTRAINT ck_t${i}_qty CHECK (qty >= 0), KEY ix_t${i}_qty (qty)${fk})`);
  }
  return out;
}

async function countQueries(engine: Engine, fn: () => Promise<unknown>): Promise<{ n: number; sql: string[]; params: unknown[][] }> {
  const sql: string[] = [];
  const params: unknown[][] = [];
  const off = engine.onQuery((e) => {
    sql.push(e.sql);
    params.push([...e.params]);
  });
  try {
    await fn();
  } finally {
    off();
  }
  return { n: sql.length, sql, params };
}

forEachDialect('reflection options and costs', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let shop: Engine;
  let shopDb: string;
  before(async () => {
    const url = await ctx.freshUrl('more_shop');
    shopDb = parseUrl(url).database!;
    shop = createEngine(url);
    await loadShop(shop);
  });
  after(() => shop.dispose());

  it('include reads only the named tables, in the SQL', async () => {
    const { sql, params } = await countQueries(shop, async () => {
      const s = await inspect(shop, { include: ['orders', 'order_line', 'v_order_summary'] });
      assert.deepEqual(s.tables.map((t) => t.name), ['order_line', 'orders']);
      assert.deepEqual(s.views.map((v) => v.name), ['v_order_summary']);
      const orders = s.tables[1]!;
      assert.equal(orders.columns.length, 13);
      assert.ok(orders.foreignKeys.some((f) => f.referredTable === 'customer'), 'FKs to tables outside the filter are kept');
    });
    const catalogQueries = sql.filter((s) => /information_schema\.(TABLES|COLUMNS|STATISTICS|KEY_COLUMN_USAGE|REFERENTIAL_CONSTRAINTS|CHECK_CONSTRAINTS|VIEWS)\b/.test(s) && !/SCHEMATA/.test(s));
    assert.ok(catalogQueries.length >= 6);
    for (let i = 0; i < sql.length; i++) {
      if (!catalogQueries.includes(sql[i]!)) continue;
      if (/CHECK_CONSTRAINTS/.test(sql[i]!) && !/TABLE_NAME/.test(sql[i]!)) continue; // MySQL 8: filtered through TABLE_CONSTRAINTS
      assert.match(sql[i]!, / IN \(\?\)/, sql[i]);
      assert.ok(params[i]!.some((p) => Array.isArray(p) && p.includes('orders')), `parameters of ${sql[i]}`);
    }
  });

  it('exclude leaves tables out, in the SQL', async () => {
    const { sql } = await countQueries(shop, async () => {
      const s = await inspect(shop, { exclude: ['audit_log', 'customer_audit'] });
      assert.equal(s.tables.length, 29);
      assert.ok(!s.tables.some((t) => t.name === 'audit_log' || t.name === 'customer_audit'));
    });
    assert.ok(sql.filter((s) => / NOT IN \(\?\)/.test(s)).length >= 6);
  });

  it('include and exclude together; an empty include reads nothing', async () => {
    const s = await inspect(shop, { include: ['orders', 'payment', 'refund'], exclude: ['payment'] });
    assert.deepEqual(s.tables.map((t) => t.name), ['orders', 'refund']);
    const none = await inspect(shop, { include: [] });
    assert.deepEqual(none.tables, []);
  });

  it('issues the same number of queries for 5 tables and for 60', async () => {
    const small = createEngine(await ctx.freshUrl('more_5'));
    const large = createEngine(await ctx.freshUrl('more_60'));
    try {
      await run(small, manyTables(5));
      await run(large, manyTables(60));
      let reflected = 0;
      const a = await countQueries(small, async () => {
        reflected = (await inspect(small)).tables.length;
      });
      assert.equal(reflected, 5);
      const b = await countQueries(large, async () => {
        const s = await inspect(large);
        reflected = s.tables.length;
        const t59 = s.tables.find((t) => t.name === 't59')!;
        assert.equal(t59.foreignKeys[0]?.referredTable, 't58');
        assert.equal(t59.checks[0]?.name, 'ck_t59_qty');
        assert.deepEqual(t59.uniques.map((u) => u.name), ['code']);
      });
      assert.equal(reflected, 60);
      assert.equal(a.n, b.n);
      assert.ok(a.n <= 8, `${a.n} queries: ${a.sql.join('\n')}`);
    } finally {
      await small.dispose();
      await large.dispose();
    }
  });

  it('reads another database by name: tables carry it, same-database FKs do not', async () => {
    const otherUrl = await ctx.freshUrl('more_other');
    const other = createEngine(otherUrl);
    const otherDb = parseUrl(otherUrl).database!;
    try {
      const q = (n: string): string => `\`${n}\``;
      await run(other, [
        'CREATE TABLE parent (id INT PRIMARY KEY)',
        'CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, customer_id INT UNSIGNED,'
          + ' CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id),'
          + ` CONSTRAINT fk_child_customer FOREIGN KEY (customer_id) REFERENCES ${q(shopDb)}.customer (id))`,
      ]);
      const s = await inspect(shop, { schema: otherDb });
      assert.equal(s.schema, otherDb);
      assert.deepEqual(s.tables.map((t) => [t.name, t.schema]), [['child', otherDb], ['parent', otherDb]]);
      const child = s.tables[0]!;
      const byName = new Map(child.foreignKeys.map((f) => [f.name, f]));
      assert.equal(byName.get('fk_child_parent')?.referredSchema, null);
      assert.equal(byName.get('fk_child_customer')?.referredSchema, shopDb);
      assert.equal(byName.get('fk_child_customer')?.referredTable, 'customer');
      // the DDL of a table in another database qualifies the table and its same-database FK
      assert.match(shop.dialect.ddl.createTable(child)[0]!, new RegExp(`REFERENCES \`${otherDb}\`\\.\`parent\``));
    } finally {
      await run(other, ['DROP TABLE IF EXISTS child']); // its FK into the shop database would block dropping that one
      await other.dispose();
    }
  });

  it('an unknown schema is a ReflectionError', async () => {
    await assert.rejects(inspect(shop, { schema: 'no_such_database_here' }), (e: unknown) =>
      e instanceof ReflectionError && e.message === 'schema "no_such_database_here" does not exist');
  });

  it('lists views apart from tables, with their definitions', async () => {
    const s = await inspect(shop);
    assert.deepEqual(s.views.map((v) => v.name), ['v_order_summary']);
    assert.match(s.views[0]!.definition ?? '', /^select /i);
    assert.ok(!s.tables.some((t) => t.name === 'v_order_summary'));
  });
});
