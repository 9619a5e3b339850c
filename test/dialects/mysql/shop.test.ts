// Reflection of a hand-written shop schema (test/fixtures/shop/mysql.sql, 31 tables and a view),
// every fact checked against the catalogs read directly: columns (order, type, nullability,
// default, AUTO_INCREMENT, comment), primary keys, foreign keys with actions, indexes, uniques,
// checks, comments, views.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { mysqlDialect } from '../../../src/dialects/mysql/index.js';
import { createEngine, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import type { IndexSnapshot, SchemaSnapshot, TableSnapshot } from '../../../src/schema/snapshot.js';
import type { TypeSpec } from '../../../src/schema/type-spec.js';
import { forEachDialect } from '../../helpers/databases.js';
import { catalogRows, checkFacts, commentFacts, foreignKeyFacts, indexFacts, isMariadb, tableNames, withoutWidth } from './catalog.js';
import { loadShop, SHOP_TABLE_COUNT } from './shop-schema.js';

const sorted = <V>(m: Map<string, V>): [string, V][] => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The COLUMN_TYPE a reflected type stands for, written the catalog's way (no display width). */
function typeText(type: TypeSpec, mariadb: boolean): string {
  if (type.kind === 'json' && mariadb) return 'longtext';
  return mysqlDialect.types.compile(type).toLowerCase().replace(/,\s+/g, ',');
}

function table(snapshot: SchemaSnapshot, name: string): TableSnapshot {
  const t = snapshot.tables.find((x) => x.name === name);
  assert.ok(t, `table ${name} reflected`);
  return t;
}

function indexText(ix: IndexSnapshot): string {
  const parts = (ix.expressions ?? ix.columns.map((c) => `\`${c}\``)).map((e) => e.replace(/`/g, '').replace(/ DESC$/, ''));
  const type = ix.method === null ? '' : `${ix.method.toUpperCase()} `;
  return `${ix.unique ? 'unique ' : ''}${type}(${parts.join(',')})`;
}

forEachDialect('reflection of the shop schema', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let engine: Engine;
  let snapshot: SchemaSnapshot;
  let mariadb = true;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('shop'));
    await loadShop(engine);
    mariadb = await isMariadb(engine);
    snapshot = await inspect(engine);
  });
  after(() => engine.dispose());

  it('lists every table, sorted, and the view apart', async () => {
    const names = snapshot.tables.map((t) => t.name);
    assert.equal(names.length, SHOP_TABLE_COUNT);
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    assert.deepEqual([...names].sort(), await tableNames(engine));
    const views = await catalogRows(engine, 'SELECT TABLE_NAME AS n, VIEW_DEFINITION AS d, TABLE_SCHEMA AS s FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()');
    // the catalog's text, without the qualifier of the view's own database
    assert.deepEqual(snapshot.views.map(({ uses: _, ...v }) => v), views.map((v) => ({ name: String(v.n), schema: null, definition: String(v.d).split(`\`${String(v.s)}\`.`).join('') })));
    // what the view reads, through its aliases (FROM orders o JOIN customer c)
    assert.deepEqual(snapshot.views[0]?.uses?.map((u) => `${u.table}.${u.column ?? '*'}`),
      ['customer.email', 'customer.id', 'orders.customer_id', 'orders.id', 'orders.order_number', 'orders.status', 'orders.total']);
    assert.equal(snapshot.schema, null);
    assert.ok(snapshot.tables.every((t) => t.schema === null));
  });

  it('reads every column: order, type, nullability, default, AUTO_INCREMENT, comment', async () => {
    const rows = await catalogRows(engine, 'SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLUMN_TYPE AS type, IS_NULLABLE AS n, COLUMN_DEFAULT AS d,'
      + ' EXTRA AS e, COLUMN_COMMENT AS cm FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION');
    const catalog = new Map<string, string[]>();
    for (const r of rows) {
      const d = r.d === null || r.d === 'NULL' ? 'none' : String(r.d);
      const fact = `${withoutWidth(String(r.type))} ${r.n === 'YES' ? 'null' : 'not null'} default=${d} ai=${/auto_increment/i.test(String(r.e))} comment=${String(r.cm)}`;
      const list = catalog.get(String(r.t)) ?? [];
      list.push(`${String(r.c)}: ${fact}`);
      catalog.set(String(r.t), list);
    }
    for (const t of snapshot.tables) {
      const reflected = t.columns.map((c) => {
        const d = c.default === null ? 'none' : c.default.kind === 'expression' ? c.default.sql : String(c.default.value);
        return `${c.name}: ${typeText(c.type, mariadb)} ${c.nullable ? 'null' : 'not null'} default=${d} ai=${c.autoincrement} comment=${c.comment ?? ''}`;
      });
      assert.deepEqual(reflected, catalog.get(t.name), t.name);
    }
  });

  it('maps the catalog types to generic kinds', () => {
    const type = (t: string, c: string): TypeSpec => table(snapshot, t).columns.find((x) => x.name === c)!.type;
    assert.deepEqual(type('customer', 'id'), { kind: 'integer', unsigned: true });
    assert.deepEqual(type('customer', 'marketing_opt_in'), { kind: 'boolean' });
    assert.deepEqual(type('review', 'is_verified'), { kind: 'boolean' });
    assert.deepEqual(type('review', 'rating'), { kind: 'tinyint' });
    assert.deepEqual(type('customer', 'status'), { kind: 'enum', name: null, values: ['active', 'suspended', 'closed'] });
    assert.deepEqual(type('customer', 'created_at'), { kind: 'datetime', timezone: true });
    assert.deepEqual(type('product', 'created_at'), { kind: 'datetime', timezone: false, precision: 6 });
    assert.deepEqual(type('product', 'price'), { kind: 'numeric', precision: 10, scale: 2 });
    assert.deepEqual(type('product', 'attributes'), { kind: 'json' });
    assert.deepEqual(type('product', 'description'), { kind: 'mediumtext' });
    assert.deepEqual(type('cart', 'session_token'), { kind: 'char', length: 36 });
    assert.deepEqual(type('gift_card', 'code'), { kind: 'binary', length: 16 });
    assert.equal(type('gift_card', 'flags').kind, 'custom');
    assert.equal(type('gift_card', 'secret').kind, 'custom');
    assert.deepEqual(type('purchase_order', 'flags'), { kind: 'custom', sql: "set('urgent','fragile','oversize')" });
  });

  it('reads primary keys in key order, without names', async () => {
    const facts = await indexFacts(engine);
    for (const t of snapshot.tables) {
      const primary = facts.get(`${t.name}.PRIMARY`);
      assert.equal(t.primaryKey === null ? undefined : `unique (${t.primaryKey.columns.join(',')})`, primary, t.name);
      if (t.primaryKey) assert.equal(t.primaryKey.name, null);
    }
    assert.deepEqual(table(snapshot, 'inventory').primaryKey?.columns, ['warehouse_id', 'product_id']);
  });

  it('reads every foreign key with its columns, referred table and actions', async () => {
    const reflected = new Map<string, string>();
    for (const t of snapshot.tables) {
      for (const f of t.foreignKeys) {
        assert.equal(f.referredSchema, null);
        assert.equal(f.deferrable, false);
        reflected.set(`${t.name}.${f.name ?? '?'}`, `(${f.columns.join(',')}) -> ${f.referredTable}(${f.referredColumns.join(',')}) ${f.onDelete ?? '-'}/${f.onUpdate ?? '-'}`);
      }
    }
    assert.deepEqual(sorted(reflected), sorted(await foreignKeyFacts(engine)));
    assert.ok(reflected.has('address.address_ibfk_1'), 'an unnamed FK keeps the name InnoDB gave it');
  });

  it('reads unique indexes as unique constraints, the other indexes as indexes', async () => {
    const reflected = new Map<string, string>();
    for (const t of snapshot.tables) {
      for (const u of t.uniques) reflected.set(`${t.name}.${u.name ?? '?'}`, `unique (${u.columns.join(',')})`);
      for (const ix of t.indexes) reflected.set(`${t.name}.${ix.name}`, indexText(ix));
    }
    const catalog = new Map([...await indexFacts(engine)].filter(([k]) => !k.endsWith('.PRIMARY')));
    assert.deepEqual(sorted(reflected), sorted(catalog));

    const review = table(snapshot, 'review');
    assert.deepEqual(review.uniques, [{ name: 'product_id', columns: ['product_id', 'customer_id'] }]);
    const product = table(snapshot, 'product');
    const byName = (name: string): IndexSnapshot | undefined => product.indexes.find((i) => i.name === name);
    assert.deepEqual(byName('ix_product_name_prefix')?.expressions, ['`name`(20)']);
    assert.equal(byName('ft_product_text')?.method, 'fulltext');
    assert.deepEqual(byName('fk_product_brand')?.columns, ['brand_id'], 'InnoDB index of a foreign key');
    const latest = table(snapshot, 'price_history').indexes.find((i) => i.name === 'ix_price_history_latest');
    assert.deepEqual(latest?.expressions, ['`product_id`', '`valid_from` DESC']);
    assert.deepEqual(latest?.columns, ['product_id']);
  });

  it('reads every check constraint (MariaDB JSON checks become the json type)', async () => {
    const reflected = new Map<string, string>();
    for (const t of snapshot.tables) for (const c of t.checks) reflected.set(`${t.name}.${c.name ?? '?'}`, c.expression);
    const catalog = await checkFacts(engine, mariadb);
    const jsonChecks = [...catalog.keys()].filter((k) => /json_valid/.test(catalog.get(k)!));
    if (mariadb) assert.deepEqual(jsonChecks.sort(), ['audit_log.new_data', 'audit_log.old_data', 'product.attributes']);
    for (const k of jsonChecks) catalog.delete(k);
    assert.deepEqual(sorted(reflected), sorted(catalog));
    assert.ok(reflected.has('review.rating'), 'a column-level check is named after its column');
    assert.ok([...reflected.keys()].some((k) => k.startsWith('product.') && !k.endsWith('ck_product_price')), 'an unnamed check keeps its generated name');
  });

  it('reads table and column comments', async () => {
    const reflected = new Map<string, string>();
    for (const t of snapshot.tables) {
      if (t.comment !== null) reflected.set(t.name, t.comment);
      for (const c of t.columns) if (c.comment !== null) reflected.set(`${t.name}.${c.name}`, c.comment);
    }
    assert.deepEqual(sorted(reflected), sorted(await commentFacts(engine)));
    assert.equal(table(snapshot, 'brand').comment, null);
  });

  it('keeps defaults comparable: the normalizer reads catalog spellings', () => {
    const column = (t: string, c: string) => table(snapshot, t).columns.find((x) => x.name === c)!;
    const key = (t: string, c: string): string | null => mysqlDialect.normalizer.defaultValue(column(t, c).default, column(t, c));
    assert.equal(key('customer', 'marketing_opt_in'), '0');
    assert.equal(key('customer', 'loyalty_points'), '0');
    assert.equal(key('review', 'is_verified'), '1');
    assert.equal(key('orders', 'discount'), '0');
    assert.equal(key('orders', 'note'), "'customer''s note: none'");
    assert.equal(key('customer', 'created_at'), 'CURRENT_TIMESTAMP');
    assert.equal(key('inventory', 'updated_at'), 'CURRENT_TIMESTAMP');
    assert.equal(key('audit_log', 'changed_at'), 'CURRENT_TIMESTAMP(3)');
    assert.equal(key('customer', 'updated_at'), null);
    assert.equal(key('product_image', 'alt_text'), "''");
  });

  it('returns a frozen snapshot', () => {
    assert.ok(Object.isFrozen(snapshot));
    assert.ok(Object.isFrozen(snapshot.tables[0]!.columns[0]!.type));
  });
});
