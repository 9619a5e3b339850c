// Convergence and reversibility of compare's ops, through the ops layer's applyOperations and
// reverseAll:
//   compare(target, applyOperations(current, compare(target, current))) is empty, and
//   applying reverseAll of those ops gives back a schema that compares equal to `current`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare } from '../../src/autogenerate/compare.js';
import type { RenameDecisions } from '../../src/autogenerate/compare-options.js';
import { applyOperations, reverseAll } from '../../src/operations/index.js';
import type { SchemaSnapshot } from '../../src/schema/snapshot.js';
import { testDialect, type TestDialectName } from '../helpers/compare-dialects.js';
import { blog, ck, col, enumType, expr, fk, ix, lit, pk, snapshot, t, table, uq } from '../helpers/snapshots.js';

const id = () => col('id', t.integer, { nullable: false });

function changed(): SchemaSnapshot {
  const b = blog();
  return {
    ...b,
    tables: [
      ...b.tables.map((x) => (x.name === 'post'
        ? {
            ...x,
            columns: x.columns.filter((c) => c.name !== 'body').map((c) => (c.name === 'title' ? { ...c, type: t.string(300), default: lit('untitled') } : c))
              .concat([col('summary', t.string(300), { default: expr('CURRENT_TIMESTAMP') })]),
            indexes: [ix('ix_post_title', ['title'], { unique: true })],
            checks: [ck('ck_post_id', 'id > 0')],
            comment: 'posts',
          }
        : { ...x, uniques: [uq('uq_user_email', ['email', 'id'])] })),
      table('tag', [id(), col('post_id', t.integer)], { primaryKey: pk('pk_tag', ['id']), foreignKeys: [fk('fk_tag_post', ['post_id'], 'post', ['id'])] }),
      table('a', [id(), col('b_id', t.integer)], { primaryKey: pk('pk_a', ['id']), foreignKeys: [fk('fk_a_b', ['b_id'], 'b', ['id'])] }),
      table('b', [id(), col('a_id', t.integer)], { primaryKey: pk('pk_b', ['id']), foreignKeys: [fk('fk_b_a', ['a_id'], 'a', ['id'])] }),
    ],
  };
}

const scenarios: { name: string; current: () => SchemaSnapshot; target: () => SchemaSnapshot; renames?: RenameDecisions; dialects?: TestDialectName[] }[] = [
  { name: 'empty -> blog', current: () => snapshot([]), target: blog },
  { name: 'blog -> empty', current: blog, target: () => snapshot([]) },
  { name: 'blog -> changed', current: blog, target: changed },
  { name: 'changed -> blog', current: changed, target: blog },
  {
    name: 'renames',
    current: blog,
    target: () => ({ ...blog(), tables: blog().tables.map((x) => (x.name === 'post'
      ? { ...x, name: 'article', columns: x.columns.map((c) => (c.name === 'body' ? { ...c, name: 'content' } : c)) }
      : x)) }),
    renames: { tables: [{ from: 'post', to: 'article' }], columns: [{ table: 'article', from: 'body', to: 'content' }] },
  },
  {
    name: 'enum values',
    current: () => snapshot([table('p', [col('s', { kind: 'enum', name: 's', values: ['a', 'b'] })])], [enumType('s', ['a', 'b']), enumType('gone', ['x'])]),
    target: () => snapshot([table('p', [col('s', { kind: 'enum', name: 's', values: ['z', 'a', 'm', 'b'] })])], [enumType('s', ['z', 'a', 'm', 'b']), enumType('new', ['y'])]),
    dialects: ['postgresql'],
  },
];

describe('compare converges and reverses through the ops layer', async () => {
  for (const dialectName of ['postgresql', 'mysql', 'sqlite'] as const) {
    const dialect = testDialect(dialectName);
    for (const s of scenarios) {
      if (s.dialects !== undefined && !s.dialects.includes(dialectName)) continue;
      it(`${s.name} (${dialectName})`, () => {
        const current = s.current();
        const target = s.target();
        const ops = compare(target, current, { dialect, ...(s.renames ? { renames: s.renames } : {}) });
        const applied = applyOperations(current, ops);
        assert.deepEqual(compare(target, applied, { dialect }), [], 'upgrade converges');
        const back = applyOperations(applied, reverseAll(ops));
        assert.deepEqual(compare(current, back, { dialect }), [], 'downgrade gives back the start');
      });
    }
  }
});
