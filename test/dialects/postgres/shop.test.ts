// A hand-written shop schema (test/fixtures/shop/postgresql.sql) loaded with raw SQL, reflected
// with inspect(), and every fact checked against the catalogs read directly in this test
// (information_schema and pg_catalog functions the introspector does not use for the same facts).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, postgresDialect, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import type { ColumnSnapshot, SchemaSnapshot, TableSnapshot } from '../../../src/schema/snapshot.js';
import type { TypeSpec } from '../../../src/schema/type-spec.js';
import { catalogEnums, catalogTableComments, describePostgres, SHOP_SQL } from './helpers.js';

/** How format_type() spells a type, written independently of the introspector's parser. */
function formatType(t: TypeSpec): string {
  const p = (n: number | null | undefined): string => (n === null || n === undefined ? '' : `(${n})`);
  const tz = (on: boolean): string => (on ? ' with time zone' : ' without time zone');
  switch (t.kind) {
    case 'integer': return 'integer';
    case 'smallint': return 'smallint';
    case 'bigint': return 'bigint';
    case 'boolean': return 'boolean';
    case 'string': return `character varying${p(t.length)}`;
    case 'char': return `character${p(t.length)}`;
    case 'text': return 'text';
    case 'numeric': return t.precision === null ? 'numeric' : `numeric(${t.precision},${t.scale ?? 0})`;
    case 'float': return 'real';
    case 'double': return 'double precision';
    case 'date': return 'date';
    case 'time': return `time${p(t.precision)}${tz(t.timezone)}`;
    case 'datetime': return `timestamp${p(t.precision)}${tz(t.timezone)}`;
    case 'json': return 'json';
    case 'jsonb': return 'jsonb';
    case 'uuid': return 'uuid';
    case 'binary': return 'bytea';
    case 'inet': return 'inet';
    case 'enum': return /^[a-z_][a-z0-9_]*$/.test(t.name ?? '') ? (t.name ?? '') : `"${t.name ?? ''}"`;
    case 'array': return `${formatType(t.of)}[]`;
    case 'custom': return t.sql;
    default: return `unexpected ${t.kind}`;
  }
}

function columnLine(table: TableSnapshot, c: ColumnSnapshot): string {
  return `${table.name}.${c.name} ${formatType(c.type)}${c.nullable ? '' : ' NOT NULL'}${c.autoincrement ? ' AUTO' : ''}`
    + `${c.default ? ` DEFAULT ${c.default.kind === 'expression' ? c.default.sql : String(c.default.value)}` : ''}`
    + `${c.comment === null ? '' : ` COMMENT ${c.comment}`}`;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const key = (e: string | null): string | null => (e === null ? null : postgresDialect.normalizer.expression(e));

async function rows<R>(engine: Engine, sqlText: string): Promise<R[]> {
  return (await engine.execute<R>(sqlText)).rows;
}

describePostgres('reflection of a hand-written shop schema', (ctx) => {
  let engine: Engine;
  let snap: SchemaSnapshot;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('pg_shop'));
    await engine.execute(SHOP_SQL);
    snap = await inspect(engine);
  });
  after(() => engine.dispose());

  it('lists the 29 tables and the 2 views apart', async () => {
    const tables = await rows<{ n: string }>(engine, "SELECT table_name AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
    assert.equal(snap.tables.length, 29);
    assert.deepEqual(snap.tables.map((t) => t.name), tables.map((r) => r.n).sort(byText));
    assert.deepEqual(snap.views.map((v) => v.name), ['daily_sales', 'product_stock']);
    assert.match(snap.views[1]?.definition ?? '', /sum\(i\.quantity - i\.reserved\)/);
  });

  it('reads every column: type, nullability, autoincrement, default verbatim, comment', async () => {
    const catalog = await rows<{ line: string }>(engine, `SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
        || CASE WHEN pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL THEN ' AUTO' ELSE '' END
        || CASE WHEN a.attgenerated = '' AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NULL
             THEN COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') ELSE '' END
        || COALESCE(' COMMENT ' || col_description(c.oid, a.attnum), '') AS line
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
      ORDER BY c.relname COLLATE "C", a.attnum`);
    assert.deepEqual(snap.tables.flatMap((t) => t.columns.map((c) => columnLine(t, c))), catalog.map((r) => r.line));
  });

  it('reads the generic kinds out of the catalog spellings', () => {
    const type = (table: string, column: string): TypeSpec | undefined =>
      snap.tables.find((t) => t.name === table)?.columns.find((c) => c.name === column)?.type;
    assert.deepEqual(type('customer', 'loyalty_points'), { kind: 'integer' }); // int4
    assert.deepEqual(type('customer', 'marketing_opt_in'), { kind: 'boolean' }); // bool
    assert.deepEqual(type('customer', 'email'), { kind: 'custom', sql: 'citext' });
    assert.deepEqual(type('product', 'cost'), { kind: 'numeric', precision: null, scale: null });
    assert.deepEqual(type('product', 'tags'), { kind: 'array', of: { kind: 'text' } });
    assert.deepEqual(type('product', 'published_at'), { kind: 'datetime', timezone: false, precision: 0 });
    assert.deepEqual(type('audit_log', 'at'), { kind: 'datetime', timezone: true, precision: 3 });
    assert.deepEqual(type('employee', 'shift_end'), { kind: 'time', timezone: true });
    assert.deepEqual(type('newsletter_subscription', 'topics'), { kind: 'array', of: { kind: 'string', length: 30 } });
    assert.deepEqual(type('shipment', 'state'), { kind: 'enum', name: 'Shipment State', values: ['label created', 'in transit', 'delivered', 'lost'] });
    assert.deepEqual(type('shipment', 'transit_time'), { kind: 'custom', sql: 'interval' });
    const auto = snap.tables.flatMap((t) => t.columns.filter((c) => c.autoincrement).map((c) => `${t.name}.${c.name}`));
    assert.deepEqual(auto.length, 15); // serial, smallserial, bigserial and identity (ALWAYS and BY DEFAULT) alike
  });

  it('reads primary keys, unique constraints and foreign keys with their actions, in key order', async () => {
    const kcu = await rows<{ t: string; name: string; kind: string; cols: string; ref: string | null; del: string | null; upd: string | null; deferral: string }>(engine, `
      SELECT tc.table_name AS t, tc.constraint_name AS name, tc.constraint_type AS kind,
        (SELECT string_agg(k.column_name, ',' ORDER BY k.ordinal_position) FROM information_schema.key_column_usage k
          WHERE k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name) AS cols,
        (SELECT u.table_name || '(' || string_agg(u.column_name, ',' ORDER BY k.ordinal_position) || ')'
          FROM information_schema.key_column_usage k
          JOIN information_schema.referential_constraints r ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name
          JOIN information_schema.key_column_usage u ON u.constraint_schema = r.unique_constraint_schema AND u.constraint_name = r.unique_constraint_name
            AND u.ordinal_position = k.position_in_unique_constraint
          WHERE k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name
          GROUP BY u.table_name) AS ref,
        r.delete_rule AS del, r.update_rule AS upd,
        tc.is_deferrable || '/' || tc.initially_deferred AS deferral
      FROM information_schema.table_constraints tc
      LEFT JOIN information_schema.referential_constraints r ON r.constraint_schema = tc.constraint_schema AND r.constraint_name = tc.constraint_name
      WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')`);
    const action = (a: string | null): string => a ?? 'NO ACTION';
    const expected = kcu.map((r) => r.kind === 'FOREIGN KEY'
      ? `${r.t} FK ${r.name} (${r.cols})->${r.ref} del=${r.del} upd=${r.upd} ${r.deferral}`
      : `${r.t} ${r.kind === 'UNIQUE' ? 'UQ' : 'PK'} ${r.name} (${r.cols})`).sort(byText);
    const yn = (b: boolean): string => (b ? 'YES' : 'NO');
    const actual = snap.tables.flatMap((t) => [
      ...(t.primaryKey ? [`${t.name} PK ${t.primaryKey.name} (${t.primaryKey.columns.join(',')})`] : []),
      ...t.uniques.map((u) => `${t.name} UQ ${u.name} (${u.columns.join(',')})`),
      ...t.foreignKeys.map((f) => `${t.name} FK ${f.name} (${f.columns.join(',')})->${f.referredTable}(${f.referredColumns.join(',')})`
        + ` del=${action(f.onDelete)} upd=${action(f.onUpdate)} ${yn(f.deferrable)}/${yn(f.initiallyDeferred)}`),
    ]).sort(byText);
    assert.deepEqual(actual, expected);
    assert.ok(actual.includes('shipment_item FK shipment_item_order_id_line_no_fkey (order_id,line_no)->order_line(order_id,line_no) del=CASCADE upd=NO ACTION NO/NO'));
    assert.ok(actual.includes('order_line FK order_line_order_fk (order_id)->order(id) del=CASCADE upd=NO ACTION YES/YES'));
    assert.equal(snap.tables.find((t) => t.name === 'tax_rate')?.primaryKey, null);
  });

  it('reads check constraints with their expressions', async () => {
    const checks = await rows<{ line: string }>(engine, `SELECT tc.table_name || ' ' || tc.constraint_name AS line, cc.check_clause AS clause
      FROM information_schema.table_constraints tc
      JOIN information_schema.check_constraints cc ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name
      WHERE tc.table_schema = 'public' AND tc.constraint_type = 'CHECK' AND tc.constraint_name NOT LIKE '%_not_null'`);
    const expected = (checks as unknown as { line: string; clause: string }[]).map((r) => `${r.line} ${key(r.clause)}`).sort(byText);
    const actual = snap.tables.flatMap((t) => t.checks.map((c) => `${t.name} ${c.name} ${key(c.expression)}`)).sort(byText);
    assert.deepEqual(actual, expected);
    assert.equal(actual.length, 21);
  });

  it('reads indexes: unique, method, elements in order with sort options and operator classes, predicate', async () => {
    const defs = await rows<{ name: string; def: string }>(engine, `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = 'public' AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints tc
        WHERE tc.constraint_schema = 'public' AND tc.constraint_name = i.indexname AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE'))`);
    const expected = defs.map(({ def }) => {
      const m = /^CREATE (UNIQUE )?INDEX (.+?) ON public\.(.+?) USING (\w+) \((.*?)\)(?: WHERE (.*))?$/.exec(def);
      assert.ok(m, def);
      const elements = m[5]!;
      const predicate = m[6] ?? null;
      const method = m[4] === 'btree' ? '' : m[4]!;
      return `${m[3]!.replace(/"/g, '')} ${m[2]!.replace(/"/g, '')} ${m[1] ? 'unique ' : ''}${method} (${key(elements)}) ${key(predicate)}`;
    }).sort(byText);
    const actual = snap.tables.flatMap((t) => t.indexes.map((ix) => {
      const elements = (ix.expressions ?? ix.columns.map((c) => `"${c}"`)).join(', ');
      return `${t.name} ${ix.name} ${ix.unique ? 'unique ' : ''}${ix.method ?? ''} (${key(elements)}) ${key(ix.where)}`;
    })).sort(byText);
    assert.deepEqual(actual, expected);
    const product = snap.tables.find((t) => t.name === 'product');
    assert.deepEqual(product?.indexes.find((i) => i.name === 'product_published_idx'), {
      name: 'product_published_idx', columns: ['id'], expressions: ['"published_at" DESC NULLS LAST', '"id"'], unique: false, where: 'is_published', method: null,
    });
    assert.deepEqual(product?.indexes.find((i) => i.name === 'product_attributes_idx')?.expressions, ['"attributes" jsonb_path_ops']);
    assert.equal(product?.indexes.find((i) => i.name === 'product_gift_idx')?.where, "(attributes ? 'gift'::text)");
  });

  it('reads table comments and enum types with their values in order', async () => {
    assert.deepEqual(snap.tables.filter((t) => t.comment !== null).map((t) => `${t.name} ${t.comment}`).sort(byText), await catalogTableComments(engine));
    assert.deepEqual(snap.enums.map((e) => `${e.name}(${e.values.join(',')})`), await catalogEnums(engine));
  });

  it('compiles every reflected type to DDL text that reads back as the same canonical type (enums aside)', () => {
    const types = postgresDialect.types;
    for (const t of snap.tables) {
      for (const c of t.columns) {
        if (c.type.kind === 'enum' || (c.type.kind === 'array' && c.type.of.kind === 'enum')) continue;
        assert.equal(types.canonical({ kind: 'custom', sql: types.compile(c.type) }), types.canonical(c.type), `${t.name}.${c.name}`);
      }
    }
  });
});
