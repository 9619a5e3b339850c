import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare } from '../../src/autogenerate/compare.js';
import {
  declineRenames,
  describeRenameCandidate,
  findRenameCandidates,
  parseRenameFlags,
  resolveRenames,
  resolverFromDecisions,
  type RenameCandidate,
} from '../../src/autogenerate/renames.js';
import { AutogenerateError } from '../../src/errors/index.js';
import { testDialect } from '../helpers/compare-dialects.js';
import { col, snapshot, t, table } from '../helpers/snapshots.js';

const dialect = testDialect('postgresql');
const id = () => col('id', t.integer, { nullable: false });
const current = snapshot([
  table('post', [id(), col('body', t.text), col('flag', t.boolean)]),
  table('tag', [id(), col('label', t.string(50))]),
]);
const target = snapshot([
  table('post', [id(), col('content', t.text), col('summary', t.string(200)), col('flag2', t.boolean, { nullable: false })]),
  table('label', [id(), col('label', t.string(50))]),
]);

describe('rename candidates', () => {
  it('pairs a dropped and an added column of the same canonical type and nullability, and tables of the same shape', () => {
    assert.deepEqual(findRenameCandidates(target, current, { dialect }), [
      { kind: 'table', schema: null, from: 'tag', to: 'label' },
      { kind: 'column', schema: null, table: 'post', from: 'body', to: 'content' },
    ]);
  });

  it('a synonym counts as the same type; a decided rename is not proposed again', () => {
    const cur = snapshot([table('post', [id(), col('n', t.custom('int4'))])]);
    const tgt = snapshot([table('post', [id(), col('m', t.integer)])]);
    assert.equal(findRenameCandidates(tgt, cur, { dialect }).length, 1);
    assert.deepEqual(findRenameCandidates(tgt, cur, { dialect, renames: { columns: [{ table: 'post', from: 'n', to: 'm' }] } }), []);
  });

  it('resolved candidates become renameTable / renameColumn ops, keeping the data', async () => {
    const candidates = findRenameCandidates(target, current, { dialect });
    const { renames, unresolved } = await resolveRenames(candidates, () => Promise.resolve(true));
    assert.deepEqual(unresolved, []);
    const ops = compare(target, current, { dialect, renames });
    assert.deepEqual(ops.filter((o) => o.kind === 'renameTable' || o.kind === 'renameColumn'), [
      { kind: 'renameTable', schema: null, from: 'tag', to: 'label' },
      { kind: 'renameColumn', schema: null, table: 'post', from: 'body', to: 'content' },
    ]);
    assert.ok(!ops.some((o) => o.kind === 'dropTable' || (o.kind === 'dropColumn' && o.name === 'body')));
  });

  it('unresolved candidates stay drop + add, with a warning that names the flag', async () => {
    const candidates = findRenameCandidates(target, current, { dialect });
    const { renames, unresolved } = await resolveRenames(candidates);
    assert.deepEqual(renames, { tables: [], columns: [] });
    assert.equal(unresolved.length, 2);
    const ops = compare(target, current, { dialect, renames });
    assert.ok(ops.some((o) => o.kind === 'dropColumn' && o.name === 'body'));
    assert.ok(ops.some((o) => o.kind === 'addColumn' && o.column.name === 'content'));
    assert.equal(describeRenameCandidate(unresolved[1] as RenameCandidate),
      '"body" -> "content" looked like a rename; generated as drop + add. Re-run with --rename post.body:content to keep the data.');
  });

  it('asks once per name: after a yes, candidates with the same column are not asked', async () => {
    const cur = snapshot([table('p', [col('a', t.text)])]);
    const tgt = snapshot([table('p', [col('b', t.text), col('c', t.text)])]);
    const asked: string[] = [];
    const { renames, unresolved } = await resolveRenames(findRenameCandidates(tgt, cur, { dialect }), (c) => {
      asked.push(`${c.from}->${c.to}`);
      return Promise.resolve(true);
    });
    assert.deepEqual(asked, ['a->b']);
    assert.deepEqual(renames.columns, [{ table: 'p', from: 'a', to: 'b' }]);
    assert.deepEqual(unresolved, []);
  });

  it('flags: parsed, used as answers, and checked by compare', async () => {
    const flags = parseRenameFlags(['tag:label', 'post.body:content']);
    assert.deepEqual(flags, { tables: [{ from: 'tag', to: 'label' }], columns: [{ table: 'post', from: 'body', to: 'content' }] });
    const { renames } = await resolveRenames(findRenameCandidates(target, current, { dialect }), resolverFromDecisions(flags));
    assert.deepEqual(renames, flags);
    assert.throws(() => parseRenameFlags(['nonsense']), (e: unknown) => e instanceof AutogenerateError && e.code === 'RENAME_INVALID');
    // a column's flag may name its schema, as autogenerate describes changes of models in a named schema
    assert.deepEqual(parseRenameFlags(['sales.post.body:content']), { tables: [], columns: [{ table: 'post', from: 'body', to: 'content' }] });
    for (const bad of ['a.b.c.d:e', 'a..b:c', '.a:b', 'a.:b', 'a.b:c.d']) {
      assert.throws(() => parseRenameFlags([bad]), (e: unknown) => e instanceof AutogenerateError && e.code === 'RENAME_INVALID', bad);
    }
    assert.throws(
      () => compare(target, current, { dialect, renames: { columns: [{ table: 'post', from: 'nope', to: 'content' }] } }),
      (e: unknown) => e instanceof AutogenerateError && e.code === 'RENAME_INVALID' && /post\.nope/.test(e.message),
    );
  });

  it('a rename naming a column or table whose case differs says which name there is', () => {
    const message = (renames: Parameters<typeof compare>[2]['renames']): string => {
      try {
        compare(target, current, { dialect, ...(renames ? { renames } : {}) });
      } catch (e) {
        assert.ok(e instanceof AutogenerateError && e.code === 'RENAME_INVALID');
        return e.message;
      }
      return assert.fail('no error');
    };
    // a model's key Content is the column "content" (snake_cased): the user wrote the key
    assert.match(message({ columns: [{ table: 'post', from: 'body', to: 'Content' }] }),
      /column "post\.Content" is not in the models; it has "content" \(a column key is snake_cased unless \.name\(\) says otherwise\)$/);
    assert.match(message({ columns: [{ table: 'post', from: 'Body', to: 'content' }] }), /column "post\.Body" is not in the database; it has "body"$/);
    assert.match(message({ tables: [{ from: 'Tag', to: 'label' }] }), /table "Tag" is not in the database; it has "tag"$/);
    assert.match(message({ tables: [{ from: 'tag', to: 'Label' }] }), /table "Label" is not in the models; it has "label"$/);
  });

  it('the default resolver never waits', async () => {
    assert.equal(await declineRenames({ kind: 'table', schema: null, from: 'a', to: 'b' }), false);
  });
});
