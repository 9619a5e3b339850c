import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SchemaError } from '../../src/errors/index.js';
import { column, findTable, Index, MetaData, Table, type SchemaSnapshot, type TableSnapshot } from '../../src/schema/index.js';
import { sql } from '../../src/sql/sql.js';
import { buildSchemaFixture, LONG_TABLE_NAME, type FixtureDialect } from '../fixtures/schema-fixture.js';

const DIALECTS: FixtureDialect[] = ['postgresql', 'mysql', 'sqlite'];

function table(snap: SchemaSnapshot, name: string): TableSnapshot {
  const t = findTable(snap, name);
  assert.ok(t, `table ${name} is in the snapshot`);
  return t;
}

function names<T extends { name: string | null }>(list: readonly T[]): (string | null)[] {
  return list.map((x) => x.name);
}

describe('snapshot of the fixture schema', () => {
  for (const dialect of DIALECTS) {
    describe(dialect, () => {
      const snap = buildSchemaFixture(dialect).snapshot(dialect);

      test('is deterministic, frozen and JSON-able', () => {
        assert.deepEqual(buildSchemaFixture(dialect).snapshot(dialect), snap);
        assert.ok(Object.isFrozen(snap) && Object.isFrozen(snap.tables[0]) && Object.isFrozen(snap.tables[0]?.columns[0]));
        assert.deepEqual(JSON.parse(JSON.stringify(snap)), snap);
      });

      test('tables sorted by name; constraints by name with unnamed last; indexes by name', () => {
        const tableNames = snap.tables.map((t) => t.name);
        assert.deepEqual(tableNames, [...tableNames].sort());
        for (const t of snap.tables) {
          for (const list of [t.foreignKeys, t.uniques, t.checks, t.indexes] as const) {
            const named = names(list as readonly { name: string | null }[]).filter((n): n is string => n !== null);
            assert.deepEqual(named, [...named].sort(), `${t.name}: sorted names`);
          }
        }
      });

      test('column names are snake_case of keys unless named; order is declaration order', () => {
        assert.deepEqual(table(snap, 'user').columns.map((c) => c.name), ['id', 'email', 'display_name', 'is_active', 'created_at', 'updated_at']);
        assert.deepEqual(table(snap, 'line item').columns.map((c) => c.name), ['id', 'order id', 'unit price', 'nick"name', "o'brien"]);
        assert.deepEqual(table(snap, 'MixedCase').columns.map((c) => c.name), ['Id', 'CamelColumn', 'lower_column']);
        assert.deepEqual(table(snap, 'café').columns.map((c) => c.name), ['id', 'größe', 'naïve']);
      });

      test('primary keys, composite keys and autoincrement', () => {
        const orderItem = table(snap, 'order_item');
        assert.deepEqual(orderItem.primaryKey?.columns, ['order_id', 'product_id']);
        assert.ok(orderItem.columns.every((c) => !c.autoincrement));
        assert.deepEqual(table(snap, 'product_tag').primaryKey?.columns, ['product_id', 'tag_id']);
        assert.equal(table(snap, 'user').columns[0]?.autoincrement, true);
        assert.equal(table(snap, 'audit_log').columns[0]?.autoincrement, true, 'bigint primary key');
        assert.equal(table(snap, 'app_setting').columns[0]?.autoincrement, false, 'string primary key');
        assert.equal(table(snap, 'app_setting').columns[2]?.autoincrement, false, 'explicit autoincrement(false)');
        assert.equal(table(snap, 'user').primaryKey?.name, dialect === 'mysql' ? null : 'pk_user');
      });

      test('foreign keys: names, actions, self-reference, cycle, deferrable', () => {
        const employee = table(snap, 'employee');
        assert.deepEqual(employee.foreignKeys.map((f) => [f.name, f.columns, f.referredTable, f.referredColumns, f.onDelete]), [
          ['fk_employee_department_id_department', ['department_id'], 'department', ['id'], 'SET NULL'],
          ['fk_employee_manager_id_employee', ['manager_id'], 'employee', ['id'], 'SET NULL'],
          ['fk_employee_user_id_user', ['user_id'], 'user', ['id'], 'CASCADE'],
        ]);
        const product = table(snap, 'product');
        assert.equal(product.foreignKeys[0]?.onDelete, 'RESTRICT');
        assert.equal(product.foreignKeys[0]?.onUpdate, 'CASCADE');
        assert.equal(table(snap, 'order').foreignKeys[0]?.onDelete, 'NO ACTION');
        const account = table(snap, 'account').foreignKeys[0];
        if (dialect === 'mysql') assert.deepEqual([account?.onDelete, account?.deferrable], ['SET NULL', false]);
        else assert.deepEqual([account?.onDelete, account?.deferrable, account?.initiallyDeferred], ['SET DEFAULT', true, true]);
        assert.equal(table(snap, 'line item').foreignKeys[0]?.name, 'fk_line item_order id_order');
        assert.ok(table(snap, 'order_item').foreignKeys.every((f) => f.referredSchema === null));
      });

      test('uniques, checks and indexes', () => {
        assert.deepEqual(table(snap, 'category').uniques, [{ name: 'uq_category_parent_id_slug', columns: ['parent_id', 'slug'] }]);
        assert.deepEqual(names(table(snap, 'product').uniques), ['uq_product_sku_code']);
        assert.match(table(snap, 'employee').checks[0]?.name ?? '', /^ck_employee_salary_[0-9a-f]{8}$/);
        assert.deepEqual(table(snap, 'order_item').checks, [{ name: 'ck_order_item_quantity_positive', expression: 'quantity > 0' }]);
        assert.deepEqual(table(snap, 'product').indexes, [
          { name: 'ix_product_category_id_name', columns: ['category_id', 'name'], expressions: null, unique: false, where: null, method: null },
        ]);
        assert.deepEqual(names(table(snap, 'select').indexes), ['ix_select_from']);
        const audit = table(snap, 'audit_log').indexes;
        if (dialect === 'mysql') assert.equal(audit.length, 1);
        else assert.deepEqual(audit.find((i) => i.name === 'ix_audit_log_severe')?.where, 'severity > 2');
      });

      test('defaults and comments', () => {
        const user = table(snap, 'user');
        assert.deepEqual(user.columns.find((c) => c.name === 'is_active')?.default, { kind: 'literal', value: true });
        assert.deepEqual(user.columns.find((c) => c.name === 'created_at')?.default, { kind: 'expression', sql: 'CURRENT_TIMESTAMP' });
        assert.deepEqual(table(snap, 'order').columns.find((c) => c.name === 'note')?.default, { kind: 'literal', value: "it's new" });
        assert.equal(user.comment, dialect === 'sqlite' ? null : "people who log in; it's a reserved word");
        assert.equal(user.columns[1]?.comment, dialect === 'sqlite' ? null : 'login e-mail');
      });

      test('long generated names are shortened to the dialect limit', () => {
        const long = table(snap, LONG_TABLE_NAME);
        const generated = [...names(long.foreignKeys), ...names(long.indexes)] as string[];
        for (const n of generated) {
          if (dialect === 'sqlite') assert.ok(n.length > 64);
          else assert.equal(n.length, dialect === 'postgresql' ? 63 : 64, n);
        }
      });

      test(`enums: ${dialect === 'postgresql' ? 'listed once each' : 'inline only'}`, () => {
        if (dialect === 'postgresql') {
          assert.deepEqual(snap.enums, [
            { name: 'order_status', schema: null, values: ['new', 'paid', 'shipped', 'cancelled'] },
            { name: 'product_status', schema: null, values: ['draft', 'active', 'retired'] },
          ]);
        } else {
          assert.deepEqual(snap.enums, []);
        }
        assert.deepEqual(table(snap, 'product').columns.find((c) => c.name === 'status')?.type, { kind: 'enum', values: ['draft', 'active', 'retired'], name: 'product_status' });
      });
    });
  }

  test('dialect-specific tables appear only for their dialect', () => {
    assert.ok(findTable(buildSchemaFixture('postgresql').snapshot('postgresql'), 'pg_extras'));
    assert.equal(findTable(buildSchemaFixture('mysql').snapshot('mysql'), 'pg_extras'), undefined);
    const pg = table(buildSchemaFixture('postgresql').snapshot('postgresql'), 'pg_extras');
    assert.deepEqual(pg.indexes.find((i) => i.name === 'ix_pg_extras_lower_email'), {
      name: 'ix_pg_extras_lower_email', columns: [], expressions: ['lower(email)'], unique: true, where: null, method: null,
    });
    assert.equal(pg.indexes.find((i) => i.name === 'ix_pg_extras_doc')?.method, 'gin');
    assert.deepEqual(pg.indexes.find((i) => i.name === 'ix_pg_extras_address'), {
      name: 'ix_pg_extras_address', columns: ['address'], expressions: null, unique: true, where: null, method: null,
      include: ['seen_at', 'email'], nullsNotDistinct: true,
    });
  });
});

describe('snapshot targets', () => {
  test('a Dialect-like object is accepted; its quoting is used in index expressions', () => {
    const md = new MetaData();
    new Table(md, 't', { id: column.integer().primaryKey(), email: column.string(50) }, new Index(null, [sql`lower(email)`, 'email']));
    const target = { name: 'mysql', capabilities: { maxIdentifierLength: 64 }, quoteIdentifier: (n: string) => `[${n}]` };
    const t = md.snapshot(target).tables[0];
    assert.equal(t?.primaryKey?.name, null, 'mysql: primary keys are unnamed');
    assert.deepEqual(t?.indexes[0], {
      name: 'ix_t_lower_email_email', columns: ['email'], expressions: ['lower(email)', '[email]'], unique: false, where: null, method: null,
    });
  });

  test('an unknown dialect name is refused', () => {
    assert.throws(() => new MetaData().snapshot('oracle'), /unknown dialect "oracle"/);
  });

  test('the schema of the MetaData and of tables is kept; foreign keys within one schema have referredSchema null', () => {
    const md = new MetaData({ schema: 'app' });
    new Table(md, 'a', { id: column.integer().primaryKey() });
    new Table(md, 'b', { id: column.integer().primaryKey(), aId: column.integer().references('a.id') });
    new Table(md, 'c', { id: column.integer().primaryKey(), aId: column.integer().references('app.a.id') }, { schema: 'other' });
    const snap = md.snapshot('postgresql');
    assert.equal(snap.schema, 'app');
    assert.equal(table(snap, 'b').schema, 'app');
    assert.equal(table(snap, 'b').foreignKeys[0]?.referredSchema, null);
    assert.equal(table(snap, 'c').schema, 'other');
    assert.equal(table(snap, 'c').foreignKeys[0]?.referredSchema, 'app');
  });

  test('enums that share a name must agree; unnamed enums are refused on postgresql only', () => {
    const md = new MetaData();
    new Table(md, 'a', { s: column.enum(['x', 'y'], { name: 'st' }) });
    new Table(md, 'b', { s: column.enum(['x', 'y'], { name: 'st' }), t: column.array(column.enum(['p'], { name: 'pe' })) });
    assert.deepEqual(md.snapshot('postgresql').enums.map((e) => e.name), ['pe', 'st']);
    new Table(md, 'c', { s: column.enum(['y', 'x'], { name: 'st' }) });
    assert.throws(() => md.snapshot('postgresql'), (e) => e instanceof SchemaError && /enum "st".*different values.*table "c", column "s"/.test(e.message));
    const md2 = new MetaData();
    new Table(md2, 'a', { status: column.enum(['x']) });
    assert.throws(() => md2.snapshot('postgresql'), /table "a", column "status": enums are named types/);
    assert.doesNotThrow(() => md2.snapshot('mysql'));
  });
});
