import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, parseUrl, type Engine } from '../../src/index.js';
import type { SchemaDocument } from '../../src/reflect/json-document.js';
import { hasStackTrace, retort } from '../helpers/cli.js';
import { forEachDialect } from '../helpers/databases.js';
import { SECRET, urlWithPassword } from '../helpers/password-url.js';

forEachDialect('retort reflect', (ctx) => {
  let url: string;
  let engine: Engine;
  const q = (name: string): string => (ctx.dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);

  before(async () => {
    url = await ctx.freshUrl('reflectcli');
    engine = createEngine(url);
    await engine.execute(`CREATE TABLE ${q('author')} (${q('id')} INTEGER NOT NULL PRIMARY KEY, ${q('name')} VARCHAR(100) NOT NULL)`);
    await engine.execute(
      `CREATE TABLE ${q('book')} (${q('id')} INTEGER NOT NULL PRIMARY KEY, ${q('author_id')} INTEGER NOT NULL, ${q('pages')} INTEGER DEFAULT 1,` +
        ` CONSTRAINT ${q('fk_book_author')} FOREIGN KEY (${q('author_id')}) REFERENCES ${q('author')} (${q('id')}) ON DELETE CASCADE,` +
        ` CONSTRAINT ${q('ck_book_pages')} CHECK (${q('pages')} > 0))`,
    );
    await engine.execute(`CREATE INDEX ${q('ix_book_author_id')} ON ${q('book')} (${q('author_id')})`);
  });
  after(() => engine.dispose());

  it('prints a readable tree of the tables', async () => {
    const r = await retort(['reflect', '--url', url]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /: 2 tables/);
    assert.match(r.stdout, /^table author$/m);
    assert.match(r.stdout, /^table book$/m);
    assert.match(r.stdout, /^\s+author_id\s+INT\w*\s+NOT NULL$/m);
    assert.match(r.stdout, /FOREIGN KEY fk_book_author \(author_id\) -> author \(id\) ON DELETE CASCADE/);
    assert.match(r.stdout, /CHECK ck_book_pages/);
    assert.match(r.stdout, /INDEX ix_book_author_id \(author_id\)/);
  });

  it('--json prints the documented document; --include and --exclude filter tables', async () => {
    const r = await retort(['reflect', '--url', url, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as SchemaDocument;
    assert.equal(doc.format, 'retort.schema/1');
    assert.equal(doc.dialect, ctx.dialect);
    assert.deepEqual(doc.tables.map((t) => t.name), ['author', 'book']);
    const book = doc.tables[1]!;
    assert.deepEqual(book.columns.map((c) => [c.name, c.nullable]), [['id', false], ['author_id', false], ['pages', true]]);
    assert.deepEqual(book.primaryKey?.columns, ['id']);
    assert.deepEqual(book.foreignKeys.map((f) => [f.name, f.referredTable, f.onDelete]), [['fk_book_author', 'author', 'CASCADE']]);
    assert.deepEqual(book.checkConstraints.map((c) => c.name), ['ck_book_pages']);

    const only = JSON.parse((await retort(['reflect', '--url', url, '--json', '--include', 'book'])).stdout) as SchemaDocument;
    assert.deepEqual(only.tables.map((t) => t.name), ['book']);
    const without = JSON.parse((await retort(['reflect', '--url', url, '--json', '--exclude', 'book'])).stdout) as SchemaDocument;
    assert.deepEqual(without.tables.map((t) => t.name), ['author']);
  });

  if (ctx.dialect !== 'sqlite') {
    it('an unreachable server is one clear line, exit 1, no password', async () => {
      const bad = parseUrl(url).with({ port: 1, password: SECRET }).toUnmaskedString();
      const r = await retort(['reflect', '--url', bad]);
      assert.equal(r.code, 1);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /^retort: error: cannot connect to /);
      assert.ok(!r.stderr.includes(SECRET) && !r.stdout.includes(SECRET));
      assert.ok(!hasStackTrace(r.stderr));
    });
  }

  if (ctx.dialect === 'mysql') {
    it('bad credentials are one clear line, exit 1, no password', async () => {
      const { url: withPassword, cleanup } = await urlWithPassword(ctx, 'reflbad');
      try {
        const wrong = withPassword.replace(SECRET, `${SECRET}x`);
        const r = await retort(['reflect', '--url', wrong]);
        assert.equal(r.code, 1);
        assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
        assert.ok(!r.stderr.includes(SECRET));
      } finally {
        await cleanup();
      }
    });
  }

  if (ctx.dialect === 'postgresql' || ctx.dialect === 'mysql') {
    it('an unknown schema is one clear line, exit 1', async () => {
      const r = await retort(['reflect', '--url', url, '--schema', 'no_such_schema']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /^retort: error: .*no_such_schema/);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    });
  }
});
