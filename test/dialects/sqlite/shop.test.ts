// Reflection of a hand-written SQLite schema (test/fixtures/shop/sqlite.sql, 32 tables, a view and
// a trigger): every fact inspect() gives is checked against SQLite's catalog read directly in the
// test (pragmas, sqlite_master), and what only the SQL text holds against what the file declares.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import type { SchemaSnapshot, TableSnapshot } from '../../../src/schema/snapshot.js';
import type { TypeSpec } from '../../../src/schema/type-spec.js';
import { forSqlite, masterSql, SHOP_SQL, tableInfo, tableNames, type PragmaColumn } from './helpers.js';

/** Every declared type the file uses, lower-cased, and the TypeSpec it must read as. */
const TYPES: Record<string, TypeSpec> = {
  integer: { kind: 'integer' }, int: { kind: 'integer' }, bigint: { kind: 'bigint' }, smallint: { kind: 'smallint' },
  text: { kind: 'text' }, clob: { kind: 'text' }, boolean: { kind: 'boolean' }, real: { kind: 'float' }, double: { kind: 'double' },
  'char(1)': { kind: 'char', length: 1 }, 'char(2)': { kind: 'char', length: 2 }, 'char(3)': { kind: 'char', length: 3 }, 'char(12)': { kind: 'char', length: 12 },
  'numeric(10, 2)': { kind: 'numeric', precision: 10, scale: 2 }, 'numeric(12, 2)': { kind: 'numeric', precision: 12, scale: 2 },
  'decimal(10, 2)': { kind: 'numeric', precision: 10, scale: 2 },
  date: { kind: 'date' }, datetime: { kind: 'datetime', timezone: false }, timestamp: { kind: 'datetime', timezone: false },
  json: { kind: 'json' }, blob: { kind: 'binary' }, uuid: { kind: 'custom', sql: 'uuid' },
  ...Object.fromEntries([10, 12, 20, 30, 40, 50, 60, 80, 100, 120, 200, 320].map((n) => [`varchar(${n})`, { kind: 'string', length: n }])),
};

/** Names only the text gives: primary keys, uniques (by columns), foreign keys (by columns); unlisted ones are unnamed. */
const PRIMARY_KEY_NAMES: Record<string, string> = { inventory: 'pk_inventory' };
const UNIQUE_NAMES: Record<string, string> = {
  'category(parent_id,slug)': 'uq_category_parent_slug', 'product(sku)': 'uq_product_sku', 'tag(label)': 'uq tag label',
  'order_line(order_id,variant_id)': 'uq_order_line_variant',
};
const FOREIGN_KEY_NAMES: Record<string, string> = {
  'product(category_id)': 'fk_product_category', 'order_line(order_id)': 'fk_order_line_order', 'order_line(variant_id)': 'fk_order_line_variant',
  'refund(payment_id)': 'fk_refund_payment',
};
const DEFERRED = ['payment(order_id)'];

/** Every CHECK of the file: `table: name: expression`. */
const CHECKS = [
  "audit_log: -: action in ('I', 'U', 'D')",
  "brand: -: website LIKE 'https://%'",
  'cart_item: -: quantity > 0',
  'coupon: ck_coupon_one_discount: (percent_off is null) <> (amount_off is null)',
  'coupon: -: percent_off between 1 and 100',
  'customer: -: loyalty_points >= 0',
  "customer_address: -: kind in ('shipping', 'billing')",
  'inventory: -: quantity >= 0',
  'inventory: -: reserved <= quantity',
  "order: -: status in ('pending', 'paid', 'shipped', 'delivered', 'cancelled')",
  'order_line: -: quantity > 0',
  "payment: -: status in ('authorized', 'captured', 'failed', 'refunded')",
  'price: -: amount > 0',
  'price_list: -: valid_to is null or valid_to > valid_from',
  'product: ck_product_list_price: list_price >= 0',
  "product: ck_product_status: status in ('draft', 'active', 'retired')",
  'refund: ck_refund_amount: amount > 0',
  'review: -: rating between 1 and 5',
  'shipment: -: delivered_at is null or shipped_at is not null',
];

/** Indexes whose elements are not plain columns, or that are partial. */
const SPECIAL_INDEXES: Record<string, { expressions: string[] | null; where: string | null }> = {
  ix_customer_email: { expressions: ['lower(email)'], where: null },
  uq_customer_email_live: { expressions: null, where: 'deleted_at IS NULL' },
  uq_customer_address_default: { expressions: null, where: 'is_default = 1' },
  ix_product_active: { expressions: ['created_at DESC'], where: "status = 'active'" },
  uq_coupon_code: { expressions: ['code COLLATE nocase'], where: null },
  ix_order_open: { expressions: null, where: "status IN ('pending', 'paid')" },
  ix_shipment_tracking: { expressions: ['upper(tracking_number)'], where: 'tracking_number IS NOT NULL' },
};

interface IndexFacts { table: string; name: string; origin: string; unique: number; partial: number; columns: string | null; sql: string | null }
interface ForeignKeyFacts { table: string; id: number; cols: string; parent: string; tos: string | null; del: string; upd: string }

const action = (a: string): string | null => (a === 'NO ACTION' ? null : a);

forSqlite('reflection of the hand-written shop schema', (ctx) => {
  let engine: Engine;
  let snapshot: SchemaSnapshot;
  let indexes: IndexFacts[];
  let foreignKeys: ForeignKeyFacts[];
  const table = (name: string): TableSnapshot => snapshot.tables.find((t) => t.name === name)!;

  before(async () => {
    engine = createEngine(await ctx.freshUrl('shop'));
    await engine.execute(SHOP_SQL);
    snapshot = await inspect(engine);
    indexes = (await engine.execute<IndexFacts>(
      'SELECT m.name AS "table", il.name AS name, il.origin AS origin, il."unique" AS "unique", il.partial AS partial,'
      + " (SELECT group_concat(coalesce(ii.name, '?'), ',') FROM pragma_index_info(il.name) ii) AS columns,"
      + " (SELECT s.sql FROM sqlite_master s WHERE s.name = il.name) AS sql FROM sqlite_master m JOIN pragma_index_list(m.name) il WHERE m.type = 'table'",
    )).rows;
    foreignKeys = (await engine.execute<ForeignKeyFacts>(
      'SELECT m.name AS "table", f.id AS id, group_concat(f."from", \',\') AS cols, f."table" AS parent, group_concat(f."to", \',\') AS tos,'
      + " f.on_delete AS del, f.on_update AS upd FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' GROUP BY m.name, f.id",
    )).rows;
  });
  after(() => engine.dispose());

  it('lists every table, sorted, and the view apart with its SELECT', async () => {
    assert.equal(snapshot.tables.length, 32);
    assert.deepEqual(snapshot.tables.map((t) => t.name), await tableNames(engine));
    assert.deepEqual(snapshot.views.map((v) => v.name), ['customer_order_totals']);
    assert.match(snapshot.views[0]!.definition ?? '', /^SELECT c\.id AS customer_id, count\(o\.id\)[\s\S]*GROUP BY c\.id$/);
    assert.equal(snapshot.schema, null);
    assert.deepEqual(snapshot.enums, []);
    assert.ok(Object.isFrozen(snapshot.tables[0]!.columns[0]!.type), 'frozen');
  });

  it('reads every column as the catalog has it: order, type, nullability, default, autoincrement', async () => {
    for (const t of snapshot.tables) {
      const cols: PragmaColumn[] = await tableInfo(engine, t.name);
      const keyIndex = indexes.some((ix) => ix.table === t.name && ix.origin === 'pk');
      const keyCols = cols.filter((c) => c.pk > 0);
      const rowid = keyCols.length === 1 && keyCols[0]!.type.toLowerCase() === 'integer' && !keyIndex ? keyCols[0]!.name : null;
      const withoutRowid = /\)\s*without rowid\s*$/i.test((await masterSql(engine, t.name)) ?? '');
      assert.deepEqual(t.columns.map((c) => c.name), cols.map((c) => c.name), t.name);
      for (const [i, c] of t.columns.entries()) {
        const p = cols[i]!;
        const where = `${t.name}.${c.name}`;
        assert.deepEqual(c.type, TYPES[p.type.toLowerCase()], `${where}: type ${p.type}`);
        assert.equal(c.nullable, p.notnull === 0 && c.name !== rowid && !(withoutRowid && p.pk > 0), `${where}: nullable`);
        assert.deepEqual(c.default, p.dflt_value === null ? null : { kind: 'expression', sql: p.dflt_value }, `${where}: default`);
        assert.equal(c.autoincrement, c.name === rowid, `${where}: autoincrement`);
        assert.equal(c.comment, null);
      }
      assert.equal(t.comment, null);
    }
    // spot checks of the rules above on the file's own spellings
    assert.deepEqual(table('customer').columns.find((c) => c.name === 'public_id')!.default, { kind: 'expression', sql: 'lower(hex(randomblob(16)))' });
    assert.equal(table('product_stats').columns[0]!.autoincrement, true, 'an INTEGER PRIMARY KEY that is also a foreign key is still the rowid');
    assert.equal(table('country').columns[0]!.nullable, false, 'WITHOUT ROWID keys are NOT NULL');
    assert.equal(table('setting').columns[0]!.nullable, true, 'a rowid table lets a non-INTEGER key hold NULL');
  });

  it('reads primary keys in key order, with the name the text gives', async () => {
    for (const t of snapshot.tables) {
      const cols = (await tableInfo(engine, t.name)).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      assert.deepEqual(t.primaryKey, cols.length ? { name: PRIMARY_KEY_NAMES[t.name] ?? null, columns: cols.map((c) => c.name) } : null, t.name);
    }
  });

  it('reads every foreign key: columns, parent, actions; names and DEFERRABLE from the text', () => {
    const fromCatalog = foreignKeys.map((f) => {
      const parent = table(f.parent);
      const tos = f.tos ?? parent.primaryKey!.columns.join(',');
      return `${f.table}(${f.cols}) -> ${f.parent}(${tos}) ${action(f.del)}/${action(f.upd)}`;
    }).sort();
    const reflected = snapshot.tables.flatMap((t) => t.foreignKeys.map((f) => `${t.name}(${f.columns.join(',')}) -> ${f.referredTable}(${f.referredColumns.join(',')}) ${f.onDelete}/${f.onUpdate}`)).sort();
    assert.deepEqual(reflected, fromCatalog);
    assert.equal(reflected.length, 37);
    for (const t of snapshot.tables) {
      for (const f of t.foreignKeys) {
        const key = `${t.name}(${f.columns.join(',')})`;
        assert.equal(f.name, FOREIGN_KEY_NAMES[key] ?? null, `${key} name`);
        assert.equal(f.deferrable && f.initiallyDeferred, DEFERRED.includes(key), `${key} deferral`);
        assert.equal(f.referredSchema, null);
      }
    }
  });

  it('reads unique constraints from their automatic indexes, named where the text names them', () => {
    const fromCatalog = indexes.filter((ix) => ix.origin === 'u').map((ix) => `${ix.table}(${ix.columns})`).sort();
    const reflected = snapshot.tables.flatMap((t) => t.uniques.map((u) => `${t.name}(${u.columns.join(',')})`)).sort();
    assert.deepEqual(reflected, fromCatalog);
    for (const t of snapshot.tables) for (const u of t.uniques) assert.equal(u.name, UNIQUE_NAMES[`${t.name}(${u.columns.join(',')})`] ?? null);
  });

  it('reads CREATE INDEX indexes: unique, columns, expressions and partial predicates', () => {
    const created = indexes.filter((ix) => ix.origin === 'c');
    const reflected = snapshot.tables.flatMap((t) => t.indexes.map((ix) => ({ t: t.name, ix })));
    assert.deepEqual(reflected.map((r) => r.ix.name).sort(), created.map((ix) => ix.name).sort());
    for (const { t, ix } of reflected) {
      const facts = created.find((c) => c.name === ix.name)!;
      assert.equal(facts.table, t);
      assert.equal(ix.unique, facts.unique === 1, `${ix.name} unique`);
      assert.equal(ix.where !== null, facts.partial === 1, `${ix.name} partial`);
      assert.equal(ix.method, null);
      const special = SPECIAL_INDEXES[ix.name];
      if (special) {
        assert.deepEqual({ expressions: ix.expressions, where: ix.where }, special, ix.name);
        if (ix.where) assert.ok(facts.sql!.endsWith(`WHERE ${ix.where}`));
      } else {
        assert.deepEqual(ix.columns, facts.columns!.split(','), ix.name);
        assert.equal(ix.expressions, null);
      }
    }
  });

  it('reads every CHECK with its name, verbatim', async () => {
    const reflected = snapshot.tables.flatMap((t) => t.checks.map((c) => `${t.name}: ${c.name ?? '-'}: ${c.expression}`)).sort();
    assert.deepEqual(reflected, [...CHECKS].sort());
    for (const t of snapshot.tables) {
      const text = (await masterSql(engine, t.name)) ?? '';
      for (const c of t.checks) assert.ok(text.includes(c.expression), `${t.name}: ${c.expression}`);
    }
  });
});
