import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SchemaError } from '../../src/errors/index.js';
import { column, toColumnSnapshot, type TypeSpec } from '../../src/schema/index.js';
import { sql } from '../../src/sql/sql.js';

describe('column factory: every type gives its TypeSpec', () => {
  const cases: [string, ReturnType<typeof column.text> | { def: { type: TypeSpec } }, TypeSpec][] = [
    ['integer', column.integer(), { kind: 'integer' }],
    ['smallInteger', column.smallInteger(), { kind: 'smallint' }],
    ['bigInteger', column.bigInteger(), { kind: 'bigint' }],
    ['boolean', column.boolean(), { kind: 'boolean' }],
    ['string(200)', column.string(200), { kind: 'string', length: 200 }],
    ['string()', column.string(), { kind: 'string', length: null }],
    ['char(3)', column.char(3), { kind: 'char', length: 3 }],
    ['text', column.text(), { kind: 'text' }],
    ['numeric(10,2)', column.numeric(10, 2), { kind: 'numeric', precision: 10, scale: 2 }],
    ['numeric()', column.numeric(), { kind: 'numeric', precision: null, scale: null }],
    ['float', column.float(), { kind: 'float' }],
    ['double', column.double(), { kind: 'double' }],
    ['date', column.date(), { kind: 'date' }],
    ['time', column.time(), { kind: 'time', timezone: false }],
    ['time tz', column.time({ timezone: true }), { kind: 'time', timezone: true }],
    ['dateTime', column.dateTime(), { kind: 'datetime', timezone: false }],
    ['dateTime tz p3', column.dateTime({ timezone: true, precision: 3 }), { kind: 'datetime', timezone: true, precision: 3 }],
    ['json', column.json(), { kind: 'json' }],
    ['uuid', column.uuid(), { kind: 'uuid' }],
    ['largeBinary', column.largeBinary(), { kind: 'binary' }],
    ['enum', column.enum(['a', 'b'], { name: 'ab' }), { kind: 'enum', values: ['a', 'b'], name: 'ab' }],
    ['enum unnamed', column.enum(['a']), { kind: 'enum', values: ['a'], name: null }],
    ['jsonb', column.jsonb(), { kind: 'jsonb' }],
    ['array', column.array(column.integer()), { kind: 'array', of: { kind: 'integer' } }],
    ['timestamptz', column.timestamptz(), { kind: 'datetime', timezone: true }],
    ['inet', column.inet(), { kind: 'inet' }],
    ['tinyint', column.tinyint(), { kind: 'tinyint' }],
    ['mediumint', column.mediumint(), { kind: 'mediumint' }],
    ['tinytext', column.tinytext(), { kind: 'tinytext' }],
    ['mediumtext', column.mediumtext(), { kind: 'mediumtext' }],
    ['longtext', column.longtext(), { kind: 'longtext' }],
    ['custom', column.custom('TSVECTOR'), { kind: 'custom', sql: 'TSVECTOR' }],
    ['unsigned', column.integer().unsigned(), { kind: 'integer', unsigned: true }],
  ];
  for (const [name, builder, type] of cases) {
    test(name, () => assert.deepEqual(builder.def.type, type));
  }
});

describe('toColumnSnapshot', () => {
  test('a plain column is nullable, without default, not autoincrement', () => {
    assert.deepEqual(toColumnSnapshot('summary', column.text()), {
      name: 'summary', type: { kind: 'text' }, nullable: true, default: null, autoincrement: false, comment: null,
    });
  });

  test('modifiers: notNull, server defaults (literal and sql), comment', () => {
    assert.deepEqual(toColumnSnapshot('title', column.string(200).notNull().serverDefault("it's").comment('the title')), {
      name: 'title', type: { kind: 'string', length: 200 }, nullable: false,
      default: { kind: 'literal', value: "it's" }, autoincrement: false, comment: 'the title',
    });
    assert.deepEqual(toColumnSnapshot('n', column.integer().serverDefault(42)).default, { kind: 'literal', value: 42 });
    assert.deepEqual(toColumnSnapshot('b', column.boolean().serverDefault(false)).default, { kind: 'literal', value: false });
    assert.deepEqual(toColumnSnapshot('t', column.dateTime().serverDefault(sql`CURRENT_TIMESTAMP`)).default, { kind: 'expression', sql: 'CURRENT_TIMESTAMP' });
    assert.equal(toColumnSnapshot('t', column.integer().serverDefault(1).serverDefault(null)).default, null);
  });

  test('primaryKey implies NOT NULL; an integer primary key autoincrements by default', () => {
    const snap = toColumnSnapshot('id', column.integer().primaryKey());
    assert.equal(snap.nullable, false);
    assert.equal(snap.autoincrement, true);
  });

  test("the 'auto' rule: not for composite keys, foreign keys, non-integers; explicit wins", () => {
    assert.equal(toColumnSnapshot('id', column.integer().primaryKey(), { primaryKeyColumns: 2 }).autoincrement, false);
    assert.equal(toColumnSnapshot('id', column.integer().primaryKey().references('user.id')).autoincrement, false);
    assert.equal(toColumnSnapshot('id', column.string(10).primaryKey()).autoincrement, false);
    assert.equal(toColumnSnapshot('id', column.integer().primaryKey().autoincrement(false)).autoincrement, false);
    assert.equal(toColumnSnapshot('n', column.integer().autoincrement()).autoincrement, true);
    assert.equal(toColumnSnapshot('n', column.bigInteger().identity()).autoincrement, true);
  });

  test('the snapshot is frozen', () => {
    const snap = toColumnSnapshot('x', column.enum(['a', 'b'], { name: 'e' }));
    assert.ok(Object.isFrozen(snap));
    assert.ok(Object.isFrozen(snap.type));
  });

  test('a primary key declared nullable is refused', () => {
    assert.throws(() => toColumnSnapshot('id', column.integer().primaryKey().nullable()), (e) => e instanceof SchemaError && /"id".*primary key.*nullable/.test(e.message));
  });
});

describe('builders are immutable', () => {
  test('each modifier returns a new builder and leaves the old one as it was', () => {
    const base = column.string(50);
    const required = base.notNull();
    const named = required.name('x').unique('uq_x').index();
    assert.notEqual(base, required);
    assert.equal(base.def.nullability, 'default');
    assert.equal(required.def.nullability, 'notNull');
    assert.equal(required.def.name, null);
    assert.equal(required.def.unique, null);
    assert.deepEqual(named.def.unique, { name: 'uq_x' });
    assert.deepEqual(named.def.index, { name: null });
    assert.ok(Object.isFrozen(base.def));
  });

  test('client defaults are kept as values or functions', () => {
    const now = (): Date => new Date(0);
    assert.deepEqual(column.integer().default(3).def.clientDefault, { kind: 'value', value: 3 });
    const fn = column.dateTime().default(now).def.clientDefault;
    assert.equal(fn?.kind, 'function');
  });

  test('references: string and function targets, actions normalised', () => {
    const ref = column.integer().references('user.id', { onDelete: 'cascade', onUpdate: 'SET NULL', initiallyDeferred: true, name: 'fk_x' }).def.references;
    assert.deepEqual({ ...ref }, {
      target: 'user.id', onDelete: 'CASCADE', onUpdate: 'SET NULL', deferrable: true, initiallyDeferred: true, name: 'fk_x',
    });
  });
});

describe('builder errors', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['enum without values', () => column.enum([]), /at least one value/],
    ['enum with a repeated value', () => column.enum(['a', 'a']), /listed twice/],
    ['string(0)', () => column.string(0), /positive integer/],
    ['numeric scale without precision', () => column.numeric(undefined, 2), /scale needs a precision/],
    ['unsigned text', () => column.text().unsigned(), /only integer/],
    ['unknown action', () => column.integer().references('a.b', { onDelete: 'explode' as 'cascade' }), /unknown referential action "explode"/],
    ['reference without a column', () => column.integer().references('user'), /"table.column"/],
    ['server default with parameters', () => column.integer().serverDefault(sql`${1}`), /cannot bind parameters/],
    ['server default NaN', () => column.float().serverDefault(Number.NaN), /finite/],
    ['custom without SQL', () => column.custom(' '), /non-empty/],
  ];
  for (const [name, fn, message] of cases) {
    test(name, () => assert.throws(fn, (e) => e instanceof SchemaError && message.test(e.message)));
  }
});
