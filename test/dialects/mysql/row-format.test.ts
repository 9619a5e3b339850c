// ROW_FORMAT (InnoDB COMPRESSED, REDUNDANT, ...) given by a CREATE TABLE. It was not reflected:
// models from MetaData.reflect created the table with the server's default row format, and
// `retort diff` between the two saw no difference. Now reflect shows it when it is not InnoDB's
// default (a ROW_FORMAT=DYNAMIC written out is that default: nothing to show), `{ rowFormat }`
// creates it, and diff warns when the two sides differ.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, MetaData, type Engine } from '../../../src/index.js';
import { retort } from '../../helpers/cli.js';
import { forEachDialect } from '../../helpers/databases.js';
import { catalogRows } from './catalog.js';

forEachDialect('ROW_FORMAT', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let url: string;
  let engine: Engine;

  before(async () => {
    url = await ctx.freshUrl('rowformat');
    engine = createEngine(url);
    await engine.execute('CREATE TABLE archive (id INT NOT NULL PRIMARY KEY, body TEXT) ROW_FORMAT=COMPRESSED');
    await engine.execute('CREATE TABLE plain (id INT NOT NULL PRIMARY KEY) ROW_FORMAT=DYNAMIC');
    await engine.execute("INSERT INTO archive VALUES (1, 'x')");
  });
  after(() => engine.dispose());

  it('reflect shows a row format that is not the default; a copy from MetaData.reflect has it; diff names a difference', async () => {
    const r = await retort(['reflect', '--url', url]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^table archive \(ROW_FORMAT COMPRESSED\)$/m);
    assert.match(r.stdout, /^table plain$/m);
    const copyUrl = await ctx.freshUrl('rowformat_copy');
    const copy = createEngine(copyUrl);
    try {
      await (await MetaData.reflect(engine)).createAll(copy);
      const created = String((await catalogRows(copy, 'SHOW CREATE TABLE archive'))[0]!['Create Table']);
      assert.match(created, /ROW_FORMAT=COMPRESSED/);
      const same = await retort(['diff', '--from', copyUrl, '--to', url]);
      assert.deepEqual([same.code, same.stdout.trim(), same.stderr], [0, 'no differences', '']);
      await copy.execute('ALTER TABLE archive ROW_FORMAT=DYNAMIC');
      const d = await retort(['diff', '--from', copyUrl, '--to', url]);
      assert.match(d.stderr, /^warning: archive: row format: the target has ROW_FORMAT COMPRESSED, the database InnoDB's default row format; ALTER TABLE \.\.\. ROW_FORMAT = \.\.\. in this migration$/m);
    } finally {
      await copy.dispose();
    }
  });
});
