import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare } from '../../src/autogenerate/compare.js';
import { assertNoDestructiveChanges, findDestructiveChanges, nullCheckQuery } from '../../src/autogenerate/destructive.js';
import { typeChangeRisk } from '../../src/autogenerate/type-narrowing.js';
import { AutogenerateError } from '../../src/errors/index.js';
import type { TypeSpec } from '../../src/schema/type-spec.js';
import { testDialect } from '../helpers/compare-dialects.js';
import { col, enumType, snapshot, t, table } from '../helpers/snapshots.js';

const pg = testDialect('postgresql');
const mysql = testDialect('mysql');

function alter(from: TypeSpec, to: TypeSpec) {
  return compare(snapshot([table('a', [col('x', to)])]), snapshot([table('a', [col('x', from)])]), { dialect: pg });
}

describe('destructive changes', () => {
  it('dropping a table or a column', () => {
    const ops = compare(snapshot([table('a', [col('x', t.integer)])]), snapshot([table('a', [col('x', t.integer), col('y', t.text)]), table('b', [])]), { dialect: pg });
    assert.deepEqual(findDestructiveChanges(ops, { dialect: pg }).map((d) => d.reason), [
      'drops table b and all its rows',
      'drops column a.y and its data',
    ]);
  });

  it('narrowing types is destructive; widening is not', () => {
    const narrowing: [TypeSpec, TypeSpec][] = [
      [t.string(300), t.string(200)],
      [t.string(null), t.string(200)],
      [t.text, t.string(1000)],
      [t.numeric(10, 2), t.numeric(8, 2)],
      [t.numeric(10, 4), t.numeric(10, 2)],
      [t.numeric(10, 2), t.numeric(10, 4)],
      [t.bigint, t.integer],
      [{ kind: 'integer' }, { kind: 'smallint' }],
      [t.numeric(10, 2), t.integer],
      [{ kind: 'double' }, { kind: 'float' }],
      [{ kind: 'datetime', timezone: false }, { kind: 'date' }],
      [t.text, t.integer],
      [t.custom('tsvector'), t.custom('box')],
      [{ kind: 'enum', name: null, values: ['a', 'b'] }, { kind: 'enum', name: null, values: ['a'] }],
    ];
    for (const [from, to] of narrowing) {
      const d = findDestructiveChanges(alter(from, to), { dialect: pg });
      assert.equal(d.length, 1, `${JSON.stringify(from)} -> ${JSON.stringify(to)}`);
    }
    const widening: [TypeSpec, TypeSpec][] = [
      [t.string(200), t.string(300)],
      [t.string(200), t.text],
      [t.integer, t.bigint],
      [{ kind: 'smallint' }, t.integer],
      [t.numeric(8, 2), t.numeric(10, 2)],
      [t.integer, t.numeric(12, 2)],
      [t.integer, t.text],
      [{ kind: 'date' }, { kind: 'datetime', timezone: false }],
      [{ kind: 'json' }, { kind: 'jsonb' }],
      [{ kind: 'float' }, { kind: 'double' }],
      [{ kind: 'enum', name: null, values: ['a'] }, { kind: 'enum', name: null, values: ['a', 'b'] }],
      [{ kind: 'enum', name: null, values: ['draft'] }, t.string(20)],
      [{ kind: 'uuid' }, t.string(36)],
    ];
    for (const [from, to] of widening) {
      assert.deepEqual(findDestructiveChanges(alter(from, to), { dialect: pg }), [], `${JSON.stringify(from)} -> ${JSON.stringify(to)}`);
    }
  });

  it('says what narrows', () => {
    assert.equal(typeChangeRisk(t.string(300), t.string(200), pg), 'shortens VARCHAR(300) to VARCHAR(200): longer values are cut or rejected');
    assert.match(typeChangeRisk({ kind: 'integer', unsigned: true }, t.integer, mysql) ?? '', /large values do not fit/);
    assert.match(typeChangeRisk(t.integer, { kind: 'integer', unsigned: true }, mysql) ?? '', /negative values/);
    // MySQL TEXT holds 64 KiB: VARCHAR(70000) is wider, VARCHAR(1000) narrower
    assert.equal(typeChangeRisk(t.text, t.string(70000), mysql), null);
    assert.notEqual(typeChangeRisk(t.text, t.string(1000), mysql), null);
    // a MySQL SET keeps each row's members that the new list still has
    const set = (sql: string) => ({ kind: 'custom', sql }) as const;
    assert.equal(typeChangeRisk(set("set('a','b')"), set("set('a','b','it''s')"), mysql), null);
    assert.equal(typeChangeRisk(set("set('a','b','c')"), set("set('c','a')"), mysql), "removes set values 'b': rows holding them lose them");
    assert.match(typeChangeRisk(set("set('a')"), t.string(10), mysql) ?? '', /values may not fit/);
    assert.match(typeChangeRisk(set('geometry'), set('point'), mysql) ?? '', /existing values may not convert/);
  });

  it('NOT NULL on an existing column asks for a NULL check', () => {
    const ops = compare(snapshot([table('post', [col('title', t.text, { nullable: false })])]), snapshot([table('post', [col('title', t.text)])]), { dialect: pg });
    const [d] = findDestructiveChanges(ops, { dialect: pg });
    assert.deepEqual(d?.needsNullCheck, { schema: null, table: 'post', column: 'title' });
    assert.equal(nullCheckQuery({ schema: null, table: 'post', column: 'title' }, { quoteIdentifier: (n) => `"${n}"` }),
      'SELECT 1 FROM "post" WHERE "title" IS NULL LIMIT 1');
  });

  it('dropping an enum value; adding one is safe', () => {
    const ops = compare(snapshot([], [enumType('s', ['a', 'c'])]), snapshot([], [enumType('s', ['a', 'b'])]), { dialect: pg });
    assert.deepEqual(findDestructiveChanges(ops, { dialect: pg }).map((d) => d.op.kind), ['dropEnumValue']);
  });

  it('--fail-on-destructive throws a coded error listing the reasons', () => {
    const ops = compare(snapshot([]), snapshot([table('b', [])]), { dialect: pg });
    assert.doesNotThrow(() => assertNoDestructiveChanges([]));
    assert.throws(() => assertNoDestructiveChanges(findDestructiveChanges(ops, { dialect: pg })),
      (e: unknown) => e instanceof AutogenerateError && e.code === 'DESTRUCTIVE_CHANGES' && e.message.includes('drops table b'));
  });
});
