import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare } from '../../src/autogenerate/compare.js';
import { describeDifferences } from '../../src/autogenerate/describe-differences.js';
import { describeOperations } from '../../src/autogenerate/describe.js';
import { postgresDialect } from '../../src/index.js';
import type { SchemaSnapshot } from '../../src/schema/snapshot.js';
import { testDialect } from '../helpers/compare-dialects.js';
import { blog, col, enumType, expr, fk, ix, lit, snapshot, t, table, uq } from '../helpers/snapshots.js';

const pg = testDialect('postgresql');

function changedBlog(): SchemaSnapshot {
  const b = blog();
  return {
    ...b,
    tables: [
      ...b.tables.map((x) => (x.name === 'post'
        ? {
            ...x,
            columns: x.columns.filter((c) => c.name !== 'body').map((c) => (c.name === 'title' ? { ...c, type: t.string(300), default: lit('untitled') } : c))
              .concat([col('summary', t.string(300), { nullable: false, default: expr('CURRENT_TIMESTAMP') })]),
            indexes: [ix('ix_post_title', ['title'], { unique: true })],
          }
        : x)),
      table('tag', [col('id', t.integer, { nullable: false })]),
    ],
    enums: [enumType('mood', ['ok', 'sad'])],
  };
}

describe('describeOperations', () => {
  it('one readable line per op', () => {
    const ops = compare(changedBlog(), blog(), { dialect: pg });
    assert.deepEqual(describeOperations(ops, pg), [
      "+ enum mood ('ok', 'sad')",
      '- index ix_post_author_id on post (author_id)',
      "~ column post.title: VARCHAR(200) -> VARCHAR(300), default none -> 'untitled'",
      '+ column post.summary VARCHAR(300) NOT NULL DEFAULT CURRENT_TIMESTAMP',
      '- column post.body',
      '+ unique index ix_post_title on post (title)',
      '+ table tag',
    ]);
  });

  it('FKs, renames, enum values, uniques', () => {
    const ops = compare(
      snapshot([table('b', [col('x', t.integer), col('y', t.integer)], { foreignKeys: [fk('fk_b_x', ['x'], 'a', ['id'], { onDelete: 'CASCADE' })], uniques: [uq('uq_b_y', ['y'])] })],
        [enumType('s', ['a', 'b'])]),
      snapshot([table('a', [col('x', t.integer), col('y', t.integer)])], [enumType('s', ['a'])]),
      { dialect: pg, renames: { tables: [{ from: 'a', to: 'b' }] } },
    );
    assert.deepEqual(describeOperations(ops, pg), [
      "+ enum value s 'b'",
      '~ table a -> b (renamed)',
      '+ unique uq_b_y on b (y)',
      '+ foreign key fk_b_x on b (x) -> a (id) ON DELETE CASCADE',
    ]);
  });
});

describe('describeDifferences', () => {
  it('each differing table and enum as a unified diff, database to models', () => {
    const ops = compare(changedBlog(), blog(), { dialect: pg });
    const diffs = describeDifferences(changedBlog(), blog(), ops, pg);
    assert.deepEqual(diffs.map((d) => `${d.kind} ${d.name}`), ['enum mood', 'table post', 'table tag']);
    assert.equal(diffs[1]?.patch, `--- database: post
+++ models: post
@@ -1,8 +1,8 @@
 table post
   column id INTEGER NOT NULL AUTOINCREMENT
   column author_id INTEGER NOT NULL
-  column title VARCHAR(200) NOT NULL
-  column body TEXT
+  column title VARCHAR(300) NOT NULL DEFAULT 'untitled'
+  column summary VARCHAR(300) NOT NULL DEFAULT CURRENT_TIMESTAMP
   primary key pk_post (id)
   foreign key fk_post_author_id_user (author_id) -> user (id) on delete CASCADE on update NO ACTION
-  index ix_post_author_id (author_id)
+  unique index ix_post_title (title)
`);
    assert.match(diffs[0]?.patch ?? '', /\+enum mood\n\+ {2}'ok'\n\+ {2}'sad'/);
  });

  it('shows nothing for spellings that only differ before normalisation', () => {
    const declared = snapshot([table('a', [col('s', t.string(5), { default: lit('x') }), col('n', t.integer)], { uniques: [uq(null, ['s'])] })]);
    const reflected = snapshot([table('a', [col('s', t.string(5), { default: expr("'x'::character varying") }), col('n', t.bigint)],
      { uniques: [uq('a_s_key', ['s'])] })]);
    const ops = compare(declared, reflected, { dialect: pg });
    const [d] = describeDifferences(declared, reflected, ops, pg);
    assert.equal(d?.patch.split('\n').filter((l) => /^[-+] /.test(l)).join('\n'), '-  column n BIGINT\n+  column n INTEGER');
  });

  it('shows expressions as written (not as their comparison keys), one spelling where both sides mean the same', () => {
    const declared = snapshot([table('person', [col('email', t.text), col('qty', t.integer)], {
      checks: [{ name: 'ck_qty', expression: 'qty > 0' }],
      indexes: [ix('ix_email', [], { expressions: ['lower(email)'] }), ix('ix_upper', [], { expressions: ['upper(email)'], where: 'qty > 0' })],
    })]);
    const reflected = snapshot([table('person', [col('email', t.text), col('qty', t.integer)], {
      checks: [{ name: 'ck_qty', expression: '(qty > 0)' }],
      indexes: [ix('ix_email', [], { expressions: ['lower((email)::text)'] }), ix('ix_upper', [], { expressions: ['lower(email)'], where: '(qty > 0)' })],
    })]);
    // the real dialect, whose comparison keys drop parentheses and spaces
    const ops = compare(declared, reflected, { dialect: postgresDialect });
    const [d] = describeDifferences(declared, reflected, ops, postgresDialect);
    const patch = d?.patch ?? '';
    assert.match(patch, /^ {3}check ck_qty \(qty > 0\)$/m);
    assert.match(patch, /^ {3}index ix_email \(lower\(email\)\)$/m);
    assert.equal(patch.split('\n').filter((l) => /^[-+] /.test(l)).join('\n'),
      '-  index ix_upper (lower(email)) where qty > 0\n+  index ix_upper (upper(email)) where qty > 0');
  });
});

describe('describeOperations: generated columns, collations, ON UPDATE, identity kinds', () => {
  it('adds and alterations name the parts', () => {
    const my = testDialect('mysql');
    const ops = [
      { kind: 'addColumn', schema: null, table: 'film', column: { ...col('x2', t.integer), computed: { sql: 'rate * 2', stored: false } } },
      { kind: 'addColumn', schema: null, table: 'film', column: { ...col('at', t.integer, { default: expr('CURRENT_TIMESTAMP') }), onUpdate: 'CURRENT_TIMESTAMP', collation: 'utf8mb4_bin' } },
      { kind: 'alterColumn', schema: null, table: 'film', name: 'code', changes: { collation: 'utf8mb4_bin', onUpdate: null }, previous: { collation: null, onUpdate: 'CURRENT_TIMESTAMP' } },
      { kind: 'alterColumn', schema: null, table: 'film', name: 'id', changes: { identityAlways: true }, previous: { identityAlways: false } },
    ] as const;
    assert.deepEqual(describeOperations(ops, my), [
      '+ column film.x2 INTEGER GENERATED (rate * 2) VIRTUAL',
      '+ column film.at INTEGER COLLATE utf8mb4_bin DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP',
      '~ column film.code: collation default -> utf8mb4_bin, on update CURRENT_TIMESTAMP -> none',
      '~ column film.id: identity BY DEFAULT -> ALWAYS',
    ]);
  });
});
