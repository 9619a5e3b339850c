import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../src/index.js';
import { hasStackTrace, retort } from '../helpers/cli.js';
import { forEachDialect } from '../helpers/databases.js';

forEachDialect('retort diff', (ctx) => {
  let fromUrl: string;
  let toUrl: string;
  let from: Engine;
  let to: Engine;
  const q = (name: string): string => (ctx.dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
  const author = `CREATE TABLE ${q('author')} (${q('id')} INTEGER NOT NULL, ${q('name')} VARCHAR(100) NOT NULL, CONSTRAINT ${q('pk_author')} PRIMARY KEY (${q('id')}))`;
  // FROM has a collated column that TO has with the default collation; TO has a generated column more
  const collation = { postgresql: '"C"', mysql: 'utf8mb4_bin', sqlite: 'NOCASE' }[ctx.dialect];
  const code = (collate: boolean): string => `${q('code')} VARCHAR(20)${collate ? ` COLLATE ${collation}` : ''}`;
  const nameLength = `${q('name_len')} INTEGER GENERATED ALWAYS AS (length(${q('name')})) STORED`;

  before(async () => {
    fromUrl = await ctx.freshUrl('difffrom');
    toUrl = await ctx.freshUrl('diffto');
    from = createEngine(fromUrl);
    to = createEngine(toUrl);
    await from.execute(author.replace(`NOT NULL, CONSTRAINT`, `NOT NULL, ${code(true)}, CONSTRAINT`));
    await from.execute(`INSERT INTO ${q('author')} (${q('id')}, ${q('name')}) VALUES (1, 'Ann')`);
    await from.execute(`CREATE TABLE ${q('old_table')} (${q('id')} INTEGER NOT NULL, CONSTRAINT ${q('pk_old_table')} PRIMARY KEY (${q('id')}))`);
    await to.execute(author.replace(`${q('name')} VARCHAR(100) NOT NULL`, `${q('name')} VARCHAR(100) NOT NULL, ${code(false)}, ${q('bio')} TEXT, ${nameLength}`));
    await to.execute(`CREATE INDEX ${q('ix_author_name')} ON ${q('author')} (${q('name')})`);
    await to.execute(
      `CREATE TABLE ${q('book')} (${q('id')} INTEGER NOT NULL, ${q('author_id')} INTEGER NOT NULL, CONSTRAINT ${q('pk_book')} PRIMARY KEY (${q('id')}),` +
        ` CONSTRAINT ${q('fk_book_author_id_author')} FOREIGN KEY (${q('author_id')}) REFERENCES ${q('author')} (${q('id')}) ON DELETE CASCADE)`,
    );
  });
  after(async () => {
    await from.dispose();
    await to.dispose();
  });

  it('lists the changes that turn FROM into TO and exits 1', async () => {
    const r = await retort(['diff', '--from', fromUrl, '--to', toUrl]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /\+ column author\.bio/);
    assert.match(r.stdout, /~ column author\.code: collation \S+ -> default/);
    assert.match(r.stdout, /\+ column author\.name_len INT(EGER)? GENERATED \(.*\) STORED/);
    assert.match(r.stdout, /\+ index ix_author_name/);
    assert.match(r.stdout, /\+ table book/);
    assert.match(r.stdout, /- table old_table/);
  });

  it('--sql prints DDL that, applied to FROM, makes it equal to TO (then diff exits 0)', async () => {
    const r = await retort(['diff', '--from', fromUrl, '--to', toUrl, '--sql']);
    assert.equal(r.code, 1, r.stderr);
    // the script holds its own BEGIN / COMMIT (and PRAGMAs on SQLite): run it on one connection
    await from.withConnection(async (conn) => {
      for (const statement of r.stdout.split(/;\n/).map((s) => s.trim().replace(/;$/, '')).filter(Boolean)) {
        await conn.execute(statement);
      }
    });
    const again = await retort(['diff', '--from', fromUrl, '--to', toUrl]);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /no differences/);
    const { rows } = await from.execute(`SELECT ${q('name')}, ${q('name_len')} FROM ${q('author')}`);
    assert.deepEqual(rows.map((row) => [row.name, Number(row.name_len)]), [['Ann', 3]]);
  });

  // SQLite only: PostgreSQL and MySQL name every constraint
  if (ctx.dialect === 'sqlite') {
    it('--sql changes the unnamed foreign keys, uniques and checks of SQLite (a rebuild), keeping the rows', async () => {
      const urls = [await ctx.freshUrl('diffunnamed1'), await ctx.freshUrl('diffunnamed2')];
      const engines = urls.map((url) => createEngine(url));
      try {
        const child = (onDelete: string, unique: string, check: string): string =>
          `CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id)${onDelete}, code TEXT, qty INT, UNIQUE (${unique}), CHECK (${check}))`;
        for (const engine of engines) await engine.execute('CREATE TABLE parent (id INTEGER PRIMARY KEY)');
        await engines[0]!.execute(child('', 'code', 'qty > 0'));
        await engines[1]!.execute(child(' ON DELETE CASCADE', 'code, qty', 'qty >= 0'));
        await engines[0]!.execute('INSERT INTO parent (id) VALUES (1)');
        await engines[0]!.execute("INSERT INTO child (id, parent_id, code, qty) VALUES (1, 1, 'a', 2)");
        const r = await retort(['diff', '--from', urls[0]!, '--to', urls[1]!, '--sql']);
        assert.equal(r.code, 1, r.stderr);
        await engines[0]!.withConnection(async (conn) => {
          for (const statement of r.stdout.split(/;\n/).map((s) => s.trim().replace(/;$/, '')).filter(Boolean)) await conn.execute(statement);
        });
        const again = await retort(['diff', '--from', urls[0]!, '--to', urls[1]!]);
        assert.equal(again.code, 0, again.stdout + again.stderr);
        assert.deepEqual((await engines[0]!.execute('SELECT id, parent_id, code, qty FROM child')).rows, [{ id: 1, parent_id: 1, code: 'a', qty: 2 }]);
      } finally {
        await Promise.all(engines.map((engine) => engine.dispose()));
      }
    });
  }

  it('a generated expression that differs, and a view one side has, are warnings on stderr and exit 1', async () => {
    const urls = [await ctx.freshUrl('diffgen1'), await ctx.freshUrl('diffgen2')];
    for (const [i, url] of urls.entries()) {
      const engine = createEngine(url);
      try {
        const expression = i === 0 ? `${q('a')} * 2` : `${q('a')} * 3`;
        await engine.execute(`CREATE TABLE ${q('g')} (${q('a')} INTEGER NOT NULL, ${q('b')} INTEGER GENERATED ALWAYS AS (${expression}) STORED, PRIMARY KEY (${q('a')}))`);
        if (i === 1) await engine.execute(`CREATE VIEW ${q('gv')} AS SELECT ${q('a')} FROM ${q('g')}`);
      } finally {
        await engine.dispose();
      }
    }
    const r = await retort(['diff', '--from', urls[0]!, '--to', urls[1]!]);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.equal(r.stdout.trim(), '');
    assert.match(r.stderr, /^warning: g: generated column b: its expression changes from .* to .*3/m);
    assert.match(r.stderr, /^warning: view gv: only the target has it; retort does not manage views/m);
  });

  it('a likely rename is a warning naming --rename, which keeps the data in the --sql script; drops are flagged destructive', async () => {
    const urls = [await ctx.freshUrl('diffren1'), await ctx.freshUrl('diffren2')];
    const engines = urls.map((url) => createEngine(url));
    try {
      const post = (body: string): string => `CREATE TABLE ${q('post')} (${q('id')} INTEGER NOT NULL, ${q(body)} VARCHAR(200), PRIMARY KEY (${q('id')}))`;
      await engines[0]!.execute(post('body'));
      await engines[0]!.execute(`CREATE TABLE ${q('draft')} (${q('id')} INTEGER NOT NULL, PRIMARY KEY (${q('id')}))`);
      await engines[0]!.execute(`INSERT INTO ${q('post')} (${q('id')}, ${q('body')}) VALUES (1, 'kept')`);
      await engines[1]!.execute(post('content'));

      const plain = await retort(['diff', '--from', urls[0]!, '--to', urls[1]!]);
      assert.equal(plain.code, 1, plain.stderr);
      assert.match(plain.stdout, /- column post\.body/);
      assert.match(plain.stderr, /^warning: "body" -> "content" looked like a rename; generated as drop \+ add\. Re-run with --rename post\.body:content to keep the data\.$/m);
      assert.match(plain.stderr, /^warning: destructive: drops column post\.body and its data; if it was renamed, --rename post\.body:content keeps the data$/m);
      assert.match(plain.stderr, /^warning: destructive: drops table draft and all its rows$/m);

      const renamed = await retort(['diff', '--from', urls[0]!, '--to', urls[1]!, '--sql', '--rename', 'post.body:content']);
      assert.equal(renamed.code, 1, renamed.stderr);
      assert.doesNotMatch(renamed.stderr, /looked like a rename|drops column/);
      assert.match(renamed.stdout, /RENAME COLUMN/);
      await engines[0]!.withConnection(async (conn) => {
        for (const statement of renamed.stdout.split(/;\n/).map((s) => s.trim().replace(/;$/, '')).filter(Boolean)) await conn.execute(statement);
      });
      const { rows } = await engines[0]!.execute(`SELECT ${q('content')} FROM ${q('post')}`);
      assert.deepEqual(rows.map((row) => row.content), ['kept']);
      const again = await retort(['diff', '--from', urls[0]!, '--to', urls[1]!]);
      assert.equal(again.code, 0, again.stdout + again.stderr);

      const bad = await retort(['diff', '--from', urls[0]!, '--to', urls[1]!, '--rename', 'post.body']);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /invalid --rename "post\.body"/);
    } finally {
      await Promise.all(engines.map((e) => e.dispose()));
    }
  });

  it('errors exit 2 with one line and no stack trace', async () => {
    const bad = await retort(['diff', '--from', 'nosuch://x', '--to', toUrl]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^retort: error: /);
    assert.ok(!hasStackTrace(bad.stderr));
    const other = ctx.dialect === 'sqlite' ? 'postgresql://postgres@127.0.0.1:5432/postgres' : 'sqlite://:memory:';
    const mixed = await retort(['diff', '--from', other, '--to', toUrl]);
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /one dialect/);
  });

  it("retort's version tables are not part of the schema: a migrated database and a hand-made one of the same tables have no differences", async () => {
    const migrated = await ctx.freshUrl('diff_migrated');
    const plain = await ctx.freshUrl('diff_plain');
    const dir = mkdtempSync(join(tmpdir(), 'retort-diff-version-'));
    try {
      mkdirSync(join(dir, 'migrations'));
      writeFileSync(join(dir, 'migrations', '0001_author.ts'), `export const revision = 'a1';\nexport const parent = null;\nexport const message = 'author';\n`
        + `export async function upgrade(op) { await op.execute(${JSON.stringify(author)}); }\nexport async function downgrade(op) { await op.dropTable('author'); }\n`);
      const up = await retort(['upgrade', 'head', '--url', migrated, '--migrations', join(dir, 'migrations')]);
      assert.equal(up.code, 0, up.stderr);
      const engine = createEngine(plain);
      try {
        await engine.execute(author);
      } finally {
        await engine.dispose();
      }
      for (const [a, b] of [[migrated, plain], [plain, migrated]] as const) {
        const r = await retort(['diff', '--from', a, '--to', b]);
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.equal(r.stdout, 'no differences\n');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

