// MariaDB sequences (CREATE SEQUENCE, 10.3+), as a database nobody documented has them: a column
// whose default takes the next value (`DEFAULT (NEXT VALUE FOR ticket_seq)`). The catalog lists a
// sequence among the tables (TABLE_TYPE 'SEQUENCE') and qualifies the default with the database
// (`nextval(`shop`.`ticket_seq`)`). Reflection lists the sequence (not as a table), reads the
// default relative to its own database, `retort diff` names the CREATE SEQUENCE to run first, and
// autogenerate from models of MetaData.reflect onto a database without it warns, instead of a
// migration whose default silently takes numbers from the sequence of the database it came from.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { column, createEngine, MetaData, sql, Table, type Engine } from '../../../src/index.js';
import { compare } from '../../../src/autogenerate/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { retort } from '../../helpers/cli.js';
import { forEachDialect } from '../../helpers/databases.js';
import { isMariadb } from './catalog.js';

forEachDialect('MariaDB sequences', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let url: string;
  let engine: Engine;
  let mariadb = true;
  before(async () => {
    url = await ctx.freshUrl('maria_seq');
    engine = createEngine(url);
    mariadb = await isMariadb(engine);
    if (!mariadb) return;
    await engine.withConnection(async (conn) => {
      await conn.execute('CREATE SEQUENCE ticket_seq START WITH 100 INCREMENT BY 5');
      await conn.execute('CREATE TABLE ticket (id INT NOT NULL PRIMARY KEY, no BIGINT NOT NULL DEFAULT (NEXT VALUE FOR ticket_seq))');
      await conn.execute('INSERT INTO ticket (id) VALUES (1), (2)');
    });
  });
  after(() => engine.dispose());

  it('reflect lists the sequence, not as a table, and reads the default without the database name', async (t) => {
    if (!mariadb) return t.skip('MySQL has no sequences');
    const database = /\/([^/?]+)(?:\?|$)/.exec(url)![1]!;
    const r = await retort(['reflect', '--url', url]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /: 1 table, 1 sequence\n/);
    assert.match(r.stdout, /^sequence ticket_seq START WITH 100 MINVALUE 1 MAXVALUE 9223372036854775806 INCREMENT BY 5 CACHE 1000 NOCYCLE$/m);
    assert.doesNotMatch(r.stdout, /^table ticket_seq/m);
    assert.match(r.stdout, /DEFAULT nextval\(`ticket_seq`\)/);
    assert.ok(!r.stdout.split('\n').slice(1).join('\n').includes(database), r.stdout);
  });

  it('diff from an empty database names the CREATE SEQUENCE to run first', async (t) => {
    if (!mariadb) return t.skip('MySQL has no sequences');
    const emptyUrl = await ctx.freshUrl('maria_seq_empty');
    const r = await retort(['diff', '--from', emptyUrl, '--to', url]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^warning: sequence ticket_seq: only the target has it; retort does not manage sequences: create it with op\.execute \(CREATE SEQUENCE `ticket_seq` START WITH 100 MINVALUE 1 MAXVALUE 9223372036854775806 INCREMENT BY 5 CACHE 1000 NOCYCLE\)$/m);
    // a copy with the sequence: nothing to say
    const copyUrl = await ctx.freshUrl('maria_seq_copy');
    const copy = createEngine(copyUrl);
    try {
      await copy.execute('CREATE SEQUENCE ticket_seq START WITH 100 INCREMENT BY 5');
      await copy.execute('CREATE TABLE ticket (id INT NOT NULL PRIMARY KEY, no BIGINT NOT NULL DEFAULT (NEXT VALUE FOR ticket_seq))');
      const same = await retort(['diff', '--from', copyUrl, '--to', url]);
      assert.deepEqual([same.code, same.stdout.trim(), same.stderr], [0, 'no differences', '']);
    } finally {
      await copy.dispose();
    }
  });

  it('autogenerate from MetaData.reflect onto a database without the sequence warns, and the default names no other database', async (t) => {
    if (!mariadb) return t.skip('MySQL has no sequences');
    const models = await MetaData.reflect(engine);
    const ticketNo = models.snapshot('mysql').tables.find((x) => x.name === 'ticket')!.columns.find((c) => c.name === 'no')!;
    assert.deepEqual(ticketNo.default, { kind: 'expression', sql: 'nextval(`ticket_seq`)' });
    const other = createEngine(await ctx.freshUrl('maria_seq_onto'));
    try {
      const warnings: string[] = [];
      compare(models.snapshot('mysql'), await inspect(other), { dialect: other.dialect, onWarning: (w) => void warnings.push(w.message) });
      assert.deepEqual(warnings, [
        'column ticket.no: its default calls nextval(`ticket_seq`), a sequence the database does not have; '
          + 'retort does not manage sequences: create it first with op.execute (CREATE SEQUENCE `ticket_seq`)',
      ]);
      // with the sequence there, no warning, and the models match their own database
      const onto = await inspect(engine);
      const none: string[] = [];
      assert.deepEqual(compare(models.snapshot('mysql'), onto, { dialect: engine.dialect, onWarning: (w) => void none.push(w.message) }), []);
      assert.deepEqual(none, []);
      // a model written by hand says NEXT VALUE FOR, as the CREATE TABLE did: the same default
      const written = new MetaData();
      new Table(written, 'ticket', {
        id: column.integer().primaryKey().autoincrement(false),
        no: column.bigInteger().notNull().serverDefault(sql`NEXT VALUE FOR ticket_seq`),
      });
      assert.deepEqual(compare(written.snapshot('mysql'), onto, { dialect: engine.dialect }), []);
    } finally {
      await other.dispose();
    }
  });
});
