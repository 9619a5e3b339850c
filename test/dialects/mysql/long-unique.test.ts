// A unique key on a VARCHAR too long for InnoDB's 3072-byte key under utf8mb4 (VARCHAR(1000): 4000
// bytes). MariaDB enforces it with a HASH index of its own ("long unique", as for TEXT); the
// catalog says INDEX_TYPE HASH, which reflection read as a unique index USING HASH, not as the
// unique constraint the models declare, so the downgrade's op.dropUnique found no such constraint
// and stopped. Through the CLI on a table with rows: upgrade, check, reflect, downgrade. A plain
// index on such a column (or on TEXT) MariaDB keeps as a prefix of its own choosing (`email`(768)),
// which `retort check` reported as a change forever; it is the index the models declare.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { forEachDialect } from '../../helpers/databases.js';
import { createProject, writtenId, type Project } from '../../cli/project.js';
import { catalogRows, isMariadb } from './catalog.js';

const MODELS = (email: string, latin: string): string => `import { MetaData, Table, column } from 'retort';
export const metadata = new MetaData();
new Table(metadata, 'member', {
  id: column.integer().primaryKey(),
  email: ${email},
  code: ${latin},
});
`;

forEachDialect('a unique key longer than InnoDB keys (MariaDB long unique)', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let url: string;
  let engine: Engine;
  let project: Project;
  let mariadb = true;

  before(async () => {
    url = await ctx.freshUrl('longuq');
    engine = createEngine(url);
    mariadb = await isMariadb(engine);
    await engine.execute('CREATE TABLE member (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(1000), code VARCHAR(2000) CHARACTER SET latin1)');
    await engine.execute("INSERT INTO member (email, code) VALUES ('a@x', 'a'), ('b@x', 'b'), (NULL, NULL)");
    project = createProject('longuq');
    await project.run(['init', '--url', url]);
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('upgrade adds it, check matches, reflect shows a unique key, downgrade drops it', async (t) => {
    if (!mariadb) return t.skip('MySQL 8 refuses such a key (too long)');
    project.writeModels(MODELS('column.string(1000)', "column.string(2000).collate('latin1_swedish_ci')"));
    assert.equal((await project.run(['check'])).code, 0);
    project.writeModels(MODELS('column.string(1000).unique()', "column.string(2000).collate('latin1_swedish_ci').unique()"));
    const r = await project.run(['revision', '--autogenerate', '-m', 'unique email']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(project.migration(writtenId(r)), /op\.createUnique\('uq_member_email', 'member', \['email'\]\)/);
    const up = await project.run(['upgrade', 'head']);
    assert.equal(up.code, 0, up.stderr);
    const check = await project.run(['check']);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    const reflect = await project.run(['reflect']);
    assert.match(reflect.stdout, /^ {2}UNIQUE uq_member_email \(email\)$/m);
    // latin1: 2000 bytes fit a BTREE key: an ordinary unique key
    assert.match(reflect.stdout, /^ {2}UNIQUE uq_member_code \(code\)$/m);
    const down = await project.run(['downgrade', 'base']);
    assert.equal(down.code, 0, down.stderr);
    assert.deepEqual((await catalogRows(engine, "SELECT INDEX_NAME AS n FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'member' ORDER BY 1")).map((row) => row.n), ['PRIMARY']);
  });

  it('a plain index on a column too long for a key: MariaDB keeps a prefix; check matches, downgrade drops it', async (t) => {
    if (!mariadb) return t.skip('MySQL 8 refuses such a key (too long)');
    const noteUrl = await ctx.freshUrl('longix');
    const note = createEngine(noteUrl);
    const other = createProject('longix');
    try {
      await note.execute('CREATE TABLE note (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(1000), body TEXT)');
      await note.execute("INSERT INTO note (email, body) VALUES ('a@x', 'hello')");
      await other.run(['init', '--url', noteUrl]);
      other.writeModels(`import { MetaData, Table, Index, column } from 'retort';
export const metadata = new MetaData();
new Table(metadata, 'note', { id: column.integer().primaryKey(), email: column.string(1000), body: column.text() },
  new Index('ix_note_email', ['email']), new Index('ix_note_body', ['body']));
`);
      const r = await other.run(['revision', '--autogenerate', '-m', 'note indexes']);
      assert.equal(r.code, 0, r.stderr);
      const up = await other.run(['upgrade', 'head']);
      assert.equal(up.code, 0, up.stderr);
      const keys = async (): Promise<string[]> => (await catalogRows(note, "SELECT CONCAT(INDEX_NAME, ':', COALESCE(SUB_PART, '')) AS k FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'note' ORDER BY 1")).map((row) => String(row.k));
      assert.deepEqual(await keys(), ['ix_note_body:768', 'ix_note_email:768', 'PRIMARY:']);
      const check = await other.run(['check']);
      assert.equal(check.code, 0, check.stdout + check.stderr);
      const down = await other.run(['downgrade', 'base']);
      assert.equal(down.code, 0, down.stderr);
      assert.deepEqual(await keys(), ['PRIMARY:']);
    } finally {
      await note.dispose();
      other.remove();
    }
  });
});
