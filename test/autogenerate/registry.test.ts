import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TableComparator } from '../../src/autogenerate/comparator.js';
import { compare } from '../../src/autogenerate/compare.js';
import { defaultComparators } from '../../src/autogenerate/comparators/index.js';
import { testDialect } from '../helpers/compare-dialects.js';
import { blog, ix } from '../helpers/snapshots.js';

describe('the comparator registry', () => {
  it('adding a comparison is one comparator and one registration; claims relieve later comparators', () => {
    const seen: string[] = [];
    const ignoreTitleIndexes: TableComparator = {
      id: 'ignore-title-indexes',
      scope: 'table',
      compare(ctx) {
        seen.push(ctx.target.name);
        for (const ix of ctx.current.indexes) if (ix.columns.includes('title')) ctx.schema.claim(ix);
      },
    };
    const registry = defaultComparators().register(ignoreTitleIndexes, { before: 'indexes', dialects: ['postgresql'] });
    const current = { ...blog(), tables: blog().tables.map((x) => (x.name === 'post' ? { ...x, indexes: [...x.indexes, ix('ix_post_title', ['title'])] } : x)) };
    const pg = testDialect('postgresql');
    assert.deepEqual(compare(blog(), current, { dialect: pg, comparators: registry }), []);
    assert.deepEqual(seen, ['post', 'user']);
    // other dialects do not run it; the default registry is untouched
    assert.equal(compare(blog(), current, { dialect: testDialect('sqlite'), comparators: registry }).length, 1);
    assert.equal(compare(blog(), current, { dialect: pg }).length, 1);
  });

  it('column comparators are registered the same way', () => {
    const registry = defaultComparators().register({
      id: 'always-comment',
      scope: 'column',
      compare: ({ target }) => (target.name === 'body' ? { changes: { comment: 'x' }, previous: { comment: null } } : null),
    });
    const ops = compare(blog(), blog(), { dialect: testDialect('sqlite'), comparators: registry });
    assert.deepEqual(ops.map((o) => o.kind), ['alterColumn']);
  });
});
