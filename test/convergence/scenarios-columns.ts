// Convergence scenarios about columns: add, drop, rename, type changes, nullability, server
// defaults, comments, autoincrement.
import assert from 'node:assert/strict';
import { column, sql, type ColumnsShape } from '../../src/index.js';
import { schema, table, type Scenario } from './harness.js';

const people = [
  { id: 1, name: 'ann', age: 31 },
  { id: 2, name: 'bob', age: 42 },
  { id: 3, name: "o'hara", age: 25 },
];

const person = (extra: ColumnsShape = {}) => schema((m) => table(m, 'person', {
  id: column.integer().primaryKey(),
  name: column.string(50).notNull(),
  age: column.integer(),
  ...extra,
}));

export const columnScenarios: readonly Scenario[] = [
  {
    name: 'add columns: nullable, NOT NULL with a server default, NOT NULL with CURRENT_TIMESTAMP',
    before: () => person(),
    after: () => person({
      nickname: column.string(30),
      score: column.integer().notNull().serverDefault(7),
      joinedAt: column.dateTime().notNull().serverDefault(sql`CURRENT_TIMESTAMP`), // SQLite: not a constant, a rebuild
    }),
    seed: () => ({ person: people }),
    ops: ['addColumn'],
    async check(engine, phase) {
      if (phase !== 'upgraded') return;
      const { rows } = await engine.execute('SELECT score, joined_at FROM person');
      assert.deepEqual(rows.map((r) => Number(r.score)), [7, 7, 7], 'existing rows get the server default');
      assert.ok(rows.every((r) => r.joined_at !== null), 'and the CURRENT_TIMESTAMP one');
    },
  },
  {
    name: 'drop a column from a table with rows',
    before: () => person({ legacy: column.string(20).serverDefault('x') }),
    after: () => person(),
    seed: () => ({ person: people.map((p) => ({ ...p, legacy: `old ${p.id}` })) }),
    ops: ['dropColumn'],
  },
  {
    name: 'rename a column: its data moves with it',
    before: () => person({ body: column.text() }),
    after: () => person({ content: column.text() }),
    renames: { columns: [{ table: 'person', from: 'body', to: 'content' }] },
    seed: () => ({ person: people.map((p) => ({ ...p, body: `text of ${p.name}` })) }),
    ops: ['renameColumn'],
  },
  {
    name: 'widen types: varchar(50) -> varchar(200), int -> bigint, numeric(8,2) -> numeric(12,4)',
    before: () => schema((m) => table(m, 'item', {
      id: column.integer().primaryKey(),
      label: column.string(50).notNull(),
      hits: column.integer().notNull(),
      price: column.numeric(8, 2),
    })),
    after: () => schema((m) => table(m, 'item', {
      id: column.integer().primaryKey(),
      label: column.string(200).notNull(),
      hits: column.bigInteger().notNull(),
      price: column.numeric(12, 4),
    })),
    seed: () => ({ item: [{ id: 1, label: 'a', hits: 2147483647, price: '123456.78' }, { id: 2, label: 'b'.repeat(50), hits: 0, price: null }] }),
    ops: ['alterColumn'],
  },
  {
    name: 'text <-> varchar both ways',
    before: () => schema((m) => table(m, 'note', { id: column.integer().primaryKey(), title: column.text(), body: column.string(100) })),
    after: () => schema((m) => table(m, 'note', { id: column.integer().primaryKey(), title: column.string(500), body: column.text() })),
    seed: () => ({ note: [{ id: 1, title: 'hello', body: 'world' }, { id: 2, title: null, body: 'x'.repeat(100) }] }),
    ops: ['alterColumn'],
  },
  {
    name: 'integer -> varchar and back: the values convert',
    before: () => schema((m) => table(m, 'code', { id: column.integer().primaryKey(), value: column.integer().notNull(), extra: column.string(10) })),
    after: () => schema((m) => table(m, 'code', { id: column.integer().primaryKey(), value: column.string(20).notNull(), extra: column.string(10) })),
    seed: () => ({ code: [{ id: 1, value: 42, extra: 'a' }, { id: 2, value: -7, extra: null }] }),
    ops: ['alterColumn'],
  },
  {
    name: 'nullability both ways (NOT NULL on a column without NULLs)',
    before: () => schema((m) => table(m, 'task', { id: column.integer().primaryKey(), title: column.string(80), done: column.boolean().notNull() })),
    after: () => schema((m) => table(m, 'task', { id: column.integer().primaryKey(), title: column.string(80).notNull(), done: column.boolean() })),
    seed: () => ({ task: [{ id: 1, title: 'a', done: true }, { id: 2, title: 'b', done: false }] }),
    ops: ['alterColumn'],
  },
  {
    name: 'server defaults added, changed and dropped (literal, number, boolean, CURRENT_TIMESTAMP)',
    before: () => schema((m) => table(m, 'setting', {
      id: column.integer().primaryKey(),
      label: column.string(40),
      kind: column.string(20).notNull().serverDefault('plain'),
      level: column.integer().serverDefault(0),
      enabled: column.boolean().notNull().serverDefault(false),
      createdAt: column.dateTime().serverDefault(sql`CURRENT_TIMESTAMP`),
      flag: column.boolean(),
    })),
    after: () => schema((m) => table(m, 'setting', {
      id: column.integer().primaryKey(),
      label: column.string(40).serverDefault("it's new"),
      kind: column.string(20).notNull().serverDefault('fancy'),
      level: column.integer().serverDefault(42),
      enabled: column.boolean().notNull().serverDefault(true),
      createdAt: column.dateTime(),
      flag: column.boolean().serverDefault(true),
    })),
    seed: () => ({ setting: [{ id: 1, label: 'one', kind: 'x', level: 3, enabled: true, flag: null }] }),
    ops: ['alterColumn'],
    async check(engine, phase) {
      await engine.execute('INSERT INTO setting (id) VALUES (?)', [phase === 'upgraded' ? 10 : 11]);
      const { rows } = await engine.execute('SELECT label, kind, level FROM setting WHERE id >= 10');
      const expected = phase === 'upgraded' ? { label: "it's new", kind: 'fancy', level: 42 } : { label: null, kind: 'plain', level: 0 };
      assert.deepEqual(rows.map((r) => ({ label: r.label, kind: r.kind, level: Number(r.level) })), [expected]);
      await engine.execute('DELETE FROM setting WHERE id >= 10');
    },
  },
  {
    name: 'type and nullability changed on columns with defaults and comments (MySQL restates them)',
    before: (dialect) => schema((m) => table(m, 'account', {
      id: column.integer().primaryKey(),
      code: column.string(10).notNull().serverDefault('none').comment(dialect === 'sqlite' ? null : 'the code'),
      balance: column.numeric(8, 2).serverDefault(0).comment(dialect === 'sqlite' ? null : 'in euros'),
      active: column.boolean().serverDefault(true),
    })),
    after: (dialect) => schema((m) => table(m, 'account', {
      id: column.integer().primaryKey(),
      code: column.string(30).notNull().serverDefault('none').comment(dialect === 'sqlite' ? null : 'the code'),
      balance: column.numeric(12, 2).notNull().serverDefault(0).comment(dialect === 'sqlite' ? null : 'in euros'),
      active: column.boolean().notNull().serverDefault(true),
    })),
    seed: () => ({ account: [{ id: 1, code: 'a', balance: '10.50', active: true }, { id: 2, code: 'b', balance: '0.00', active: false }] }),
    ops: ['alterColumn'],
  },
  {
    name: 'column comments added, changed and removed',
    dialects: ['postgresql', 'mysql'],
    before: () => schema((m) => table(m, 'doc', {
      id: column.integer().primaryKey(),
      a: column.string(20),
      b: column.string(20).comment('old comment'),
      c: column.integer().notNull().serverDefault(1).comment('goes away'),
    })),
    after: () => schema((m) => table(m, 'doc', {
      id: column.integer().primaryKey(),
      a: column.string(20).comment("new 'quoted' comment"),
      b: column.string(20).comment('changed comment'),
      c: column.integer().notNull().serverDefault(1),
    })),
    seed: () => ({ doc: [{ id: 1, a: 'x', b: 'y', c: 5 }] }),
    ops: ['alterColumn'],
  },
  {
    name: 'autoincrement switched on and off',
    dialects: ['postgresql', 'mysql'],
    before: () => schema((m) => {
      table(m, 'counter', { id: column.integer().primaryKey().autoincrement(false), label: column.string(20) });
      table(m, 'ticket', { id: column.integer().primaryKey(), label: column.string(20) });
    }),
    after: () => schema((m) => {
      table(m, 'counter', { id: column.integer().primaryKey(), label: column.string(20) });
      table(m, 'ticket', { id: column.integer().primaryKey().autoincrement(false), label: column.string(20) });
    }),
    seed: () => ({ counter: [{ id: 5, label: 'five' }], ticket: [{ id: 1, label: 'one' }, { id: 2, label: 'two' }] }),
    ops: ['alterColumn'],
    async check(engine, phase) {
      if (phase !== 'upgraded') return;
      await engine.execute("INSERT INTO counter (label) VALUES ('auto')");
      const { rows } = await engine.execute("SELECT id FROM counter WHERE label = 'auto'");
      assert.equal(rows.length, 1, 'the new autoincrement column numbers rows');
      assert.ok(Number(rows[0]?.id) > 0);
      await engine.execute("DELETE FROM counter WHERE label = 'auto'");
    },
  },
];
