import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OperationError } from '../../src/errors/index.js';
import type { Operation, OperationKind } from '../../src/operations/operation.js';
import { reverse, reverseAll } from '../../src/operations/reverse.js';
import { blogSnapshot, col, str } from './helpers.js';

const post = blogSnapshot().tables.find((t) => t.name === 'post')!;
const fk = post.foreignKeys[0]!;
const ix = post.indexes[0]!;
const summary = col('summary', str(300));

/** One op of every kind, each carrying everything its reverse needs. */
const complete: Operation[] = [
  { kind: 'createTable', table: post },
  { kind: 'dropTable', schema: null, name: 'post', table: post },
  { kind: 'renameTable', schema: null, from: 'post', to: 'article' },
  { kind: 'setTableComment', schema: null, table: 'post', comment: 'posts', previous: null },
  { kind: 'addColumn', schema: null, table: 'post', column: summary },
  { kind: 'dropColumn', schema: null, table: 'post', name: 'summary', column: summary },
  { kind: 'renameColumn', schema: null, table: 'post', from: 'body', to: 'content' },
  {
    kind: 'alterColumn', schema: null, table: 'post', name: 'title',
    changes: { type: str(300), nullable: true, default: { kind: 'literal', value: 'x' } },
    previous: { type: str(200), nullable: false, default: null },
  },
  { kind: 'createIndex', schema: null, table: 'post', index: ix },
  { kind: 'dropIndex', schema: null, table: 'post', name: ix.name, index: ix },
  { kind: 'addPrimaryKey', schema: null, table: 'post', primaryKey: { name: 'pk_post', columns: ['id'] } },
  { kind: 'dropPrimaryKey', schema: null, table: 'post', name: 'pk_post', primaryKey: { name: 'pk_post', columns: ['id'] } },
  { kind: 'addForeignKey', schema: null, table: 'post', foreignKey: fk },
  { kind: 'dropForeignKey', schema: null, table: 'post', name: fk.name!, foreignKey: fk },
  { kind: 'addUnique', schema: null, table: 'post', unique: { name: 'uq_post_title', columns: ['title'] } },
  { kind: 'dropUnique', schema: null, table: 'post', name: 'uq_post_title', unique: { name: 'uq_post_title', columns: ['title'] } },
  { kind: 'addCheck', schema: null, table: 'post', check: { name: 'ck_x', expression: 'id > 0' } },
  { kind: 'dropCheck', schema: null, table: 'post', name: 'ck_x', check: { name: 'ck_x', expression: 'id > 0' } },
  { kind: 'createEnum', enum: { name: 'post_status', schema: null, values: ['draft', 'published'] } },
  { kind: 'dropEnum', schema: null, name: 'post_status', enum: { name: 'post_status', schema: null, values: ['draft', 'published'] } },
  { kind: 'addEnumValue', schema: null, name: 'post_status', value: 'archived', after: 'published' },
  { kind: 'dropEnumValue', schema: null, name: 'post_status', value: 'archived', before: 'draft' },
  { kind: 'execute', sql: 'UPDATE post SET body = 1', reverseSql: 'UPDATE post SET body = 0' },
];

const ALL_KINDS: Record<OperationKind, true> = {
  createTable: true, dropTable: true, renameTable: true, setTableComment: true, addColumn: true, dropColumn: true,
  renameColumn: true, alterColumn: true, createIndex: true, dropIndex: true, addPrimaryKey: true, dropPrimaryKey: true,
  addForeignKey: true, dropForeignKey: true, addUnique: true, dropUnique: true, addCheck: true, dropCheck: true,
  createEnum: true, dropEnum: true, addEnumValue: true, dropEnumValue: true, execute: true,
};

const INVERSE: Record<OperationKind, OperationKind> = {
  createTable: 'dropTable', dropTable: 'createTable', renameTable: 'renameTable', setTableComment: 'setTableComment',
  addColumn: 'dropColumn', dropColumn: 'addColumn', renameColumn: 'renameColumn', alterColumn: 'alterColumn',
  createIndex: 'dropIndex', dropIndex: 'createIndex', addPrimaryKey: 'dropPrimaryKey', dropPrimaryKey: 'addPrimaryKey',
  addForeignKey: 'dropForeignKey', dropForeignKey: 'addForeignKey', addUnique: 'dropUnique', dropUnique: 'addUnique',
  addCheck: 'dropCheck', dropCheck: 'addCheck', createEnum: 'dropEnum', dropEnum: 'createEnum',
  addEnumValue: 'dropEnumValue', dropEnumValue: 'addEnumValue', execute: 'execute',
};

describe('reverse', () => {
  test('the sample list covers every op kind', () => {
    assert.deepEqual(new Set(complete.map((op) => op.kind)), new Set(Object.keys(ALL_KINDS)));
  });

  for (const op of complete) {
    test(`${op.kind}: reverses to ${INVERSE[op.kind]}, and back to itself`, () => {
      const r = reverse(op);
      assert.equal(r.kind, INVERSE[op.kind]);
      assert.ok(Object.isFrozen(r));
      assert.deepStrictEqual(reverse(r), op);
    });
  }

  test('swaps names, values and positions', () => {
    assert.deepStrictEqual(reverse({ kind: 'renameTable', schema: 's', from: 'a', to: 'b' }), { kind: 'renameTable', schema: 's', from: 'b', to: 'a' });
    assert.deepStrictEqual(reverse(complete[7]!), {
      kind: 'alterColumn', schema: null, table: 'post', name: 'title',
      changes: { type: str(200), nullable: false, default: null },
      previous: { type: str(300), nullable: true, default: { kind: 'literal', value: 'x' } },
    });
    assert.deepStrictEqual(reverse({ kind: 'setTableComment', schema: null, table: 'post', comment: null, previous: 'old' }),
      { kind: 'setTableComment', schema: null, table: 'post', comment: 'old', previous: null });
    assert.deepStrictEqual(reverse({ kind: 'addEnumValue', schema: null, name: 'e', value: 'v' }), { kind: 'dropEnumValue', schema: null, name: 'e', value: 'v' });
  });

  test('reverse of createTable with omitted FKs drops the table as it stands without them', () => {
    const r = reverse({ kind: 'createTable', table: post, omitForeignKeys: [fk.name!] });
    assert.equal(r.kind, 'dropTable');
    assert.deepEqual(r.kind === 'dropTable' && r.table?.foreignKeys, []);
  });

  const incomplete: [string, Operation, RegExp][] = [
    ['dropTable', { kind: 'dropTable', schema: null, name: 'post' }, /dropTable post.*"table" field/],
    ['dropColumn', { kind: 'dropColumn', schema: null, table: 'post', name: 'summary' }, /dropColumn post\.summary.*dropped column's definition/],
    ['alterColumn', { kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { nullable: true } }, /alterColumn post\.title.*previous\.nullable/],
    ['alterColumn (partial previous)', { kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { nullable: true, type: str() }, previous: { nullable: false } }, /previous\.type/],
    ['setTableComment', { kind: 'setTableComment', schema: null, table: 'post', comment: 'x' }, /comment before/],
    ['dropIndex', { kind: 'dropIndex', schema: null, table: 'post', name: 'ix' }, /"index" field/],
    ['dropPrimaryKey', { kind: 'dropPrimaryKey', schema: null, table: 'post', name: 'pk' }, /"primaryKey" field/],
    ['dropForeignKey', { kind: 'dropForeignKey', schema: null, table: 'post', name: 'fk' }, /"foreignKey" field/],
    ['dropUnique', { kind: 'dropUnique', schema: null, table: 'post', name: 'uq' }, /"unique" field/],
    ['dropCheck', { kind: 'dropCheck', schema: null, table: 'post', name: 'ck' }, /"check" field/],
    ['dropEnum', { kind: 'dropEnum', schema: null, name: 'e' }, /"enum" field/],
    ['execute', { kind: 'execute', sql: 'DELETE FROM post' }, /execute DELETE FROM post.*reverseSql/],
  ];
  for (const [title, op, message] of incomplete) {
    test(`${title} without what its reverse needs throws an OperationError naming the op`, () => {
      assert.throws(() => reverse(op), (e: unknown) => e instanceof OperationError && message.test(e.message));
    });
  }

  test('an unnamed constraint added is reversed by a drop that carries it (found by what it is), and back', () => {
    const unnamedFk = { ...fk, name: null };
    const unique = { name: null, columns: ['title'] };
    const check = { name: null, expression: 'id > 0' };
    const cases: [Operation, Operation][] = [
      [{ kind: 'addForeignKey', schema: null, table: 'post', foreignKey: unnamedFk }, { kind: 'dropForeignKey', schema: null, table: 'post', name: '', foreignKey: unnamedFk }],
      [{ kind: 'addUnique', schema: null, table: 'post', unique }, { kind: 'dropUnique', schema: null, table: 'post', name: '', unique }],
      [{ kind: 'addCheck', schema: null, table: 'post', check }, { kind: 'dropCheck', schema: null, table: 'post', name: '', check }],
    ];
    for (const [add, drop] of cases) {
      assert.deepStrictEqual(reverse(add), drop);
      assert.deepStrictEqual(reverse(drop), add);
    }
  });

  test('reverseAll reverses the order and each op', () => {
    const ops: Operation[] = [
      { kind: 'addColumn', schema: null, table: 'post', column: summary },
      { kind: 'renameColumn', schema: null, table: 'post', from: 'body', to: 'content' },
    ];
    assert.deepStrictEqual(reverseAll(ops), [
      { kind: 'renameColumn', schema: null, table: 'post', from: 'content', to: 'body' },
      { kind: 'dropColumn', schema: null, table: 'post', name: 'summary', column: summary },
    ]);
  });
});
