// Convergence scenarios about indexes and constraints: indexes (multi-column, unique, partial,
// expression), unique constraints, checks, foreign keys (actions, composite, self-reference,
// deferrable) and primary keys.
import assert from 'node:assert/strict';
import {
  CheckConstraint,
  column,
  ForeignKeyConstraint,
  Index,
  PrimaryKeyConstraint,
  sql,
  UniqueConstraint,
  type Engine,
  type MetaData,
  type TableItem,
} from '../../src/index.js';
import { schema, table, type Scenario } from './harness.js';

/** product(id, sku, name, price, stock) with the given constraints and indexes. */
function product(...items: TableItem[]): MetaData {
  return schema((m) => table(m, 'product', {
    id: column.integer().primaryKey(),
    sku: column.string(20).notNull(),
    name: column.string(100).notNull(),
    price: column.numeric(10, 2).notNull(),
    stock: column.integer().notNull().serverDefault(0),
  }, ...items));
}

const products = () => ({
  product: [
    { id: 1, sku: 'A-1', name: 'apple', price: '1.20', stock: 10 },
    { id: 2, sku: 'B-2', name: 'banana', price: '0.50', stock: 0 },
    { id: 3, sku: 'C-3', name: 'cherry', price: '7.00', stock: 3 },
  ],
});

/** customer <- purchase, with the purchase FK declared by `reference`. */
function shop(reference: (m: MetaData) => void = () => undefined, purchaseItems: TableItem[] = []): MetaData {
  return schema((m) => {
    table(m, 'customer', { id: column.integer().primaryKey(), name: column.string(50).notNull() });
    table(m, 'purchase', {
      id: column.integer().primaryKey(),
      customerId: column.integer(),
      amount: column.integer().notNull(),
    }, ...purchaseItems);
    reference(m);
  });
}

const shopRows = () => ({
  customer: [{ id: 1, name: 'ann' }, { id: 2, name: 'bob' }],
  purchase: [{ id: 1, customer_id: 1, amount: 5 }, { id: 2, customer_id: 2, amount: 7 }, { id: 3, customer_id: null, amount: 1 }],
});

/** Rows the database refuses: the expected constraint is there. */
async function refuses(engine: Engine, statement: string, what: string): Promise<void> {
  await assert.rejects(engine.execute(statement), `${what} is enforced`);
}

export const constraintScenarios: readonly Scenario[] = [
  {
    name: 'indexes: multi-column and unique added, one dropped',
    before: () => product(new Index('ix_product_name', ['name'])),
    after: () => product(new Index(null, ['name', 'price']), new Index('ix_product_sku', ['sku'], { unique: true })),
    seed: products,
    ops: ['createIndex', 'dropIndex'],
  },
  {
    name: 'partial index added',
    dialects: ['postgresql', 'sqlite'],
    before: () => product(),
    after: () => product(new Index('ix_product_in_stock', ['name'], { where: 'stock > 0' }), new Index('ix_product_sku_live', ['sku'], { unique: true, where: 'stock > 0' })),
    seed: products,
    ops: ['createIndex'],
  },
  {
    name: 'expression index added',
    dialects: ['postgresql', 'sqlite'],
    before: () => product(),
    after: () => product(new Index('ix_product_lower_name', [sql`lower(name)`], { unique: true }), new Index('ix_product_value', [sql`price * stock`, 'id'])),
    seed: products,
    ops: ['createIndex'],
  },
  {
    name: 'unique constraints added and dropped',
    before: () => product(new UniqueConstraint(['name'])),
    after: () => product(new UniqueConstraint(['sku']), new UniqueConstraint(['name', 'price'])),
    seed: products,
    ops: ['addUnique', 'dropUnique'],
    async check(engine, phase) {
      if (phase === 'upgraded') await refuses(engine, "INSERT INTO product (id, sku, name, price) VALUES (9, 'A-1', 'x', 1)", 'the unique sku');
    },
  },
  {
    name: 'check constraints added and dropped',
    before: () => product(new CheckConstraint('stock >= 0', 'ck_product_stock')),
    after: () => product(new CheckConstraint('price > 0', 'ck_product_price'), new CheckConstraint("sku <> ''", 'ck_product_sku')),
    seed: products,
    ops: ['addCheck', 'dropCheck'],
    async check(engine, phase) {
      if (phase === 'upgraded') await refuses(engine, "INSERT INTO product (id, sku, name, price) VALUES (9, 'Z', 'x', -1)", 'the price check');
      else await refuses(engine, "INSERT INTO product (id, sku, name, price, stock) VALUES (9, 'Z', 'x', 1, -1)", 'the stock check');
    },
  },
  {
    name: 'foreign key with ON DELETE / ON UPDATE added to a table with rows',
    before: () => shop(),
    after: () => shop(undefined, [new ForeignKeyConstraint(['customerId'], 'customer', ['id'], { onDelete: 'set null', onUpdate: 'cascade' })]),
    seed: shopRows,
    ops: ['addForeignKey'],
    async check(engine, phase) {
      if (phase === 'upgraded') await refuses(engine, 'INSERT INTO purchase (id, customer_id, amount) VALUES (9, 99, 1)', 'the new foreign key');
    },
  },
  {
    name: 'foreign key dropped',
    before: () => shop(undefined, [new ForeignKeyConstraint(['customerId'], 'customer', ['id'], { onDelete: 'cascade' })]),
    after: () => shop(),
    seed: shopRows,
    ops: ['dropForeignKey'],
  },
  {
    name: 'foreign key actions changed',
    before: () => shop(undefined, [new ForeignKeyConstraint(['customerId'], 'customer', ['id'], { onDelete: 'cascade' })]),
    after: () => shop(undefined, [new ForeignKeyConstraint(['customerId'], 'customer', ['id'], { onDelete: 'set null', onUpdate: 'restrict' })]),
    seed: shopRows,
    ops: ['dropForeignKey', 'addForeignKey'],
  },
  {
    name: 'deferrable foreign key added',
    dialects: ['postgresql', 'sqlite'],
    before: () => shop(),
    after: () => shop(undefined, [new ForeignKeyConstraint(['customerId'], 'customer', ['id'], { deferrable: true, initiallyDeferred: true })]),
    seed: shopRows,
    ops: ['addForeignKey'],
  },
  {
    name: 'composite foreign key added',
    before: () => schema((m) => {
      table(m, 'region', { country: column.char(2).primaryKey(), code: column.string(10).primaryKey(), name: column.string(50) });
      table(m, 'office', { id: column.integer().primaryKey(), country: column.char(2).notNull(), regionCode: column.string(10).notNull() });
    }),
    after: () => schema((m) => {
      table(m, 'region', { country: column.char(2).primaryKey(), code: column.string(10).primaryKey(), name: column.string(50) });
      table(m, 'office', { id: column.integer().primaryKey(), country: column.char(2).notNull(), regionCode: column.string(10).notNull() },
        new ForeignKeyConstraint(['country', 'regionCode'], 'region', ['country', 'code'], { onDelete: 'cascade' }));
    }),
    seed: () => ({
      region: [{ country: 'FR', code: 'IDF', name: 'Ile-de-France' }, { country: 'DE', code: 'BY', name: 'Bayern' }],
      office: [{ id: 1, country: 'FR', region_code: 'IDF' }, { id: 2, country: 'DE', region_code: 'BY' }],
    }),
    ops: ['addForeignKey'],
  },
  {
    name: 'self-referencing foreign key added',
    before: () => schema((m) => table(m, 'employee', { id: column.integer().primaryKey(), bossId: column.integer(), name: column.string(30) })),
    after: () => schema((m) => table(m, 'employee', {
      id: column.integer().primaryKey(),
      bossId: column.integer().references('employee.id', { onDelete: 'set null' }).index(),
      name: column.string(30),
    })),
    seed: () => ({ employee: [{ id: 1, boss_id: null, name: 'boss' }, { id: 2, boss_id: 1, name: 'staff' }, { id: 3, boss_id: 2, name: 'intern' }] }),
    ops: ['addForeignKey', 'createIndex'],
  },
  {
    name: 'constraints redefined under the same names (index, unique, check)',
    before: () => product(new Index('ix_product_lookup', ['name']), new UniqueConstraint(['sku'], { name: 'uq_product_code' }), new CheckConstraint('price >= 0', 'ck_product_price')),
    after: () => product(new Index('ix_product_lookup', ['name', 'sku']), new UniqueConstraint(['sku', 'name'], { name: 'uq_product_code' }), new CheckConstraint('price > 0 AND stock >= 0', 'ck_product_price')),
    seed: products,
    ops: ['dropIndex', 'createIndex', 'dropUnique', 'addUnique', 'dropCheck', 'addCheck'],
  },
  {
    name: 'a key referred to by a foreign key widened on both sides (int -> bigint)',
    dialects: ['postgresql', 'mysql'], // one integer type on SQLite
    before: () => schema((m) => {
      table(m, 'customer', { id: column.integer().primaryKey(), name: column.string(50).notNull() });
      table(m, 'purchase', { id: column.integer().primaryKey(), customerId: column.integer().notNull().references('customer.id', { onDelete: 'cascade' }) });
    }),
    after: () => schema((m) => {
      table(m, 'customer', { id: column.bigInteger().primaryKey(), name: column.string(50).notNull() });
      table(m, 'purchase', { id: column.integer().primaryKey(), customerId: column.bigInteger().notNull().references('customer.id', { onDelete: 'cascade' }) });
    }),
    seed: () => ({ customer: [{ id: 1, name: 'ann' }, { id: 2, name: 'bob' }], purchase: [{ id: 1, customer_id: 1 }, { id: 2, customer_id: 2 }, { id: 3, customer_id: 2 }] }),
    ops: ['alterColumn'],
    async check(engine, phase) {
      if (phase !== 'downgraded') return;
      await engine.execute('DELETE FROM customer WHERE id = 2');
      const { rows } = await engine.execute('SELECT id FROM purchase');
      assert.deepEqual(rows.map((r) => Number(r.id)), [1], 'the cascade still works');
    },
  },
  {
    name: 'primary key added to a table without one',
    before: () => schema((m) => table(m, 'event', { code: column.string(20).notNull(), at: column.integer().notNull(), label: column.string(40) })),
    after: () => schema((m) => table(m, 'event', { code: column.string(20).notNull(), at: column.integer().notNull(), label: column.string(40) },
      new PrimaryKeyConstraint(['code', 'at']))),
    seed: () => ({ event: [{ code: 'a', at: 1, label: 'x' }, { code: 'a', at: 2, label: null }, { code: 'b', at: 1, label: 'y' }] }),
    ops: ['addPrimaryKey'],
  },
  {
    name: 'primary key dropped',
    before: () => schema((m) => table(m, 'tagging', { tag: column.string(20).primaryKey(), item: column.integer().primaryKey() })),
    after: () => schema((m) => table(m, 'tagging', { tag: column.string(20).notNull(), item: column.integer().notNull() })),
    seed: () => ({ tagging: [{ tag: 'red', item: 1 }, { tag: 'red', item: 2 }] }),
    ops: ['dropPrimaryKey'],
  },
  {
    name: 'primary key changed from a surrogate id to a natural composite key',
    before: () => schema((m) => table(m, 'membership', {
      id: column.integer().primaryKey(),
      groupId: column.integer().notNull(),
      userId: column.integer().notNull(),
    })),
    after: () => schema((m) => table(m, 'membership', {
      id: column.integer().notNull(),
      groupId: column.integer().notNull(),
      userId: column.integer().notNull(),
    }, new PrimaryKeyConstraint(['groupId', 'userId']))),
    seed: () => ({ membership: [{ id: 1, group_id: 1, user_id: 1 }, { id: 2, group_id: 1, user_id: 2 }, { id: 3, group_id: 2, user_id: 1 }] }),
    ops: ['dropPrimaryKey', 'addPrimaryKey'],
  },
];
