// Triggers, functions and procedures: retort lists them without managing them, as Alembic leaves
// them to op.execute. `retort reflect` shows a table's triggers under it and the schema's
// functions and procedures (PostgreSQL, MySQL) at the end, in the tree and the JSON document;
// `retort diff` between two databases warns about those only one side has, naming the statement
// that creates each, which run after the script makes the databases the same. Against models the
// database's are left alone.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { compare, createEngine, MetaData, type Engine } from '../../src/index.js';
import { inspect } from '../../src/reflect/inspect.js';
import { retort } from '../helpers/cli.js';
import { forEachDialect, type TestDialect } from '../helpers/databases.js';
import { unfrozenPaths } from '../helpers/snapshots.js';

const TABLES = [
  'CREATE TABLE film (id INTEGER PRIMARY KEY, title VARCHAR(100) NOT NULL, hits INTEGER NOT NULL DEFAULT 0)',
  'CREATE TABLE film_log (id INTEGER PRIMARY KEY, film_id INTEGER, note VARCHAR(100))',
];

/** The objects of each dialect, one statement each (a MySQL body needs no DELIMITER through the API). */
const OBJECTS: Record<TestDialect, readonly string[]> = {
  sqlite: [
    "CREATE TRIGGER log_film AFTER INSERT ON film BEGIN INSERT INTO film_log (film_id, note) VALUES (NEW.id, 'added'); END",
  ],
  postgresql: [
    "CREATE FUNCTION log_film() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO film_log (id, film_id, note) VALUES (NEW.id, NEW.id, 'added'); RETURN NEW; END $$",
    'CREATE TRIGGER log_film AFTER INSERT ON film FOR EACH ROW EXECUTE FUNCTION log_film()',
    'CREATE FUNCTION film_count(p_min integer, p_max integer) RETURNS integer LANGUAGE sql STABLE AS $$ SELECT count(*)::int FROM film WHERE id > p_min AND id <= p_max $$',
    'CREATE PROCEDURE touch_film(p_id integer) LANGUAGE sql AS $$ UPDATE film SET hits = hits + 1 WHERE id = p_id $$',
    "CREATE FUNCTION concat_step(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN $1 = '' THEN $2 ELSE $1 || ', ' || $2 END $$",
    "CREATE AGGREGATE group_concat(text) (SFUNC = concat_step, STYPE = text, INITCOND = '')",
  ],
  mysql: [
    "CREATE TRIGGER log_film AFTER INSERT ON film FOR EACH ROW INSERT INTO film_log (id, film_id, note) VALUES (NEW.id, NEW.id, 'added')",
    'CREATE FUNCTION film_count(p_min INT, p_max INT) RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) FROM film WHERE id > p_min AND id <= p_max)',
    'CREATE PROCEDURE touch_film(IN p_id INT) BEGIN UPDATE film SET hits = hits + 1 WHERE id = p_id; END',
  ],
};

/** The statements `retort diff` warnings name (`create it with op.execute (...)`), in their order. */
function statementsOf(stderr: string): string[] {
  return stderr.split(/^warning: /m).flatMap((w) => {
    const m = /create it with op\.execute \(([\s\S]*)\)\s*$/.exec(w);
    return m ? [m[1]!] : [];
  });
}

async function run(url: string, statements: readonly string[]): Promise<void> {
  const engine = createEngine(url);
  try {
    await engine.withConnection(async (conn) => {
      for (const sql of statements) await conn.execute(sql);
    });
  } finally {
    await engine.dispose();
  }
}

forEachDialect('triggers, functions and procedures', (ctx) => {
  const routines = ctx.dialect !== 'sqlite';
  let url: string;
  let engine: Engine;
  before(async () => {
    url = await ctx.freshUrl('trg_src');
    await run(url, [...TABLES, ...OBJECTS[ctx.dialect]]);
    engine = createEngine(url);
  });
  after(() => engine.dispose());

  it('reflection lists a table\'s triggers with their CREATE text, and the functions and procedures', async () => {
    const snap = await inspect(engine);
    const film = snap.tables.find((t) => t.name === 'film');
    assert.deepEqual(film?.triggers?.map((t) => t.name), ['log_film']);
    assert.match(film!.triggers![0]!.sql, /^CREATE TRIGGER .*log_film.* AFTER INSERT ON .*film/is);
    assert.equal(snap.tables.find((t) => t.name === 'film_log')?.triggers, undefined);
    assert.deepEqual(unfrozenPaths(snap), [], 'the snapshot is frozen all the way down');
    if (!routines) return;
    assert.deepEqual(snap.routines?.map((r) => [r.kind, r.name]), ctx.dialect === 'postgresql'
      ? [['function', 'concat_step'], ['function', 'film_count'], ['aggregate', 'group_concat'], ['function', 'log_film'], ['procedure', 'touch_film']]
      : [['function', 'film_count'], ['procedure', 'touch_film']]);
    const count = snap.routines!.find((r) => r.name === 'film_count')!;
    assert.match(count.arguments, /^p_min int\S*, p_max int\S*$/i);
    assert.match(count.returns ?? '', /^int/i);
    assert.match(count.definition, /^CREATE (OR REPLACE )?FUNCTION .*film_count/i);
    assert.equal(snap.routines!.find((r) => r.name === 'touch_film')!.returns, null);
    if (ctx.dialect === 'postgresql') {
      // an aggregate's CREATE statement, put together from pg_aggregate (pg_get_functiondef refuses aggregates)
      assert.deepEqual({ ...snap.routines!.find((r) => r.name === 'group_concat')! }, {
        name: 'group_concat', schema: null, kind: 'aggregate', arguments: 'text', returns: 'text',
        definition: "CREATE AGGREGATE public.group_concat(text) (SFUNC = concat_step, STYPE = text, INITCOND = '')",
      });
    }
  });

  it('retort reflect shows them in the tree and the JSON document', async () => {
    const tree = await retort(['reflect', '--url', url]);
    assert.equal(tree.code, 0, tree.stderr);
    assert.match(tree.stdout, { sqlite: /: 2 tables, 1 trigger\n/, mysql: /: 2 tables, 1 trigger, 1 function, 1 procedure\n/,
      postgresql: /: 2 tables, 1 trigger, 3 functions, 1 procedure, 1 aggregate\n/ }[ctx.dialect]);
    assert.match(tree.stdout, /^table film\n(  .*\n)*  TRIGGER log_film AFTER INSERT( EXECUTE FUNCTION log_film\(\))?\n/m);
    if (routines) {
      assert.match(tree.stdout, /^function film_count\(p_min int\S*, p_max int\S*\) RETURNS int\S*$/im);
      assert.match(tree.stdout, /^procedure touch_film\((IN )?p_id int\S*\)$/im);
    }
    if (ctx.dialect === 'postgresql') assert.match(tree.stdout, /^aggregate group_concat\(text\) RETURNS text$/m);
    const json = await retort(['reflect', '--url', url, '--json']);
    const doc = JSON.parse(json.stdout) as { tables: { name: string; triggers: { name: string; sql: string }[] }[]; routines: { name: string; kind: string }[] };
    assert.deepEqual(doc.tables.map((t) => [t.name, t.triggers.map((tr) => tr.name)]), [['film', ['log_film']], ['film_log', []]]);
    assert.deepEqual(doc.routines.map((r) => r.name), routines ? (ctx.dialect === 'postgresql' ? ['concat_step', 'film_count', 'group_concat', 'log_film', 'touch_film'] : ['film_count', 'touch_film']) : []);
  });

  it('retort diff warns about those only one side has; the statements it names, run after the script, make the databases the same', async () => {
    const emptyUrl = await ctx.freshUrl('trg_empty');
    const r = await retort(['diff', '--from', emptyUrl, '--to', url, '--sql']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^warning: trigger log_film on film: only the target has it; retort does not manage triggers: create it with op\.execute \(CREATE TRIGGER /m);
    if (routines) {
      assert.match(r.stderr, /^warning: function film_count\(p_min int\S*, p_max int\S*\): only the target has it; retort does not manage functions: create it with op\.execute \(CREATE /im);
      assert.match(r.stderr, /^warning: procedure touch_film\((IN )?p_id int\S*\): only the target has it; retort does not manage procedures/im);
    }
    if (ctx.dialect === 'postgresql') {
      assert.match(r.stderr, /^warning: aggregate group_concat\(text\): only the target has it; retort does not manage aggregates: create it with op\.execute \(CREATE AGGREGATE public\.group_concat\(text\) /m);
    }
    const script = r.stdout.split(/;\n/).map((s) => s.trim().replace(/;$/, '')).filter((s) => s && !/^(BEGIN|COMMIT)$/i.test(s));
    const named = statementsOf(r.stderr);
    // the aggregate's statement comes after its state function's, so they run in that order
    assert.equal(named.length, routines ? (ctx.dialect === 'postgresql' ? 6 : 3) : 1);
    await run(emptyUrl, [...script, ...named]);
    const again = await retort(['diff', '--from', emptyUrl, '--to', url]);
    assert.equal(again.code, 0, again.stdout + again.stderr);

    const reverse = await retort(['diff', '--from', url, '--to', await ctx.freshUrl('trg_none')]);
    assert.match(reverse.stderr, /^warning: trigger log_film on film: only the database has it; retort does not manage triggers: drop it with op\.execute$/m);
    if (routines) assert.match(reverse.stderr, /^warning: function film_count\(.*\): only the database has it/m);
  });

  it('a trigger whose definition differs is a warning', async () => {
    const otherUrl = await ctx.freshUrl('trg_other');
    const changed = OBJECTS[ctx.dialect].map((s) => s.replace('AFTER INSERT', 'BEFORE DELETE').replace(/NEW\.id/g, ctx.dialect === 'postgresql' ? 'NEW.id' : 'OLD.id'));
    await run(otherUrl, [...TABLES, ...changed]);
    const r = await retort(['diff', '--from', otherUrl, '--to', url]);
    assert.match(r.stderr, /^warning: trigger log_film on film: its definition differs \(target: CREATE TRIGGER [\s\S]*AFTER INSERT[\s\S]*\); retort does not manage triggers: replace it with op\.execute$/m);
    assert.doesNotMatch(r.stderr, /function|procedure/);
  });

  it('against models, the database\'s triggers and routines are left alone', async () => {
    const models = await MetaData.reflect(engine);
    const warnings: string[] = [];
    const ops = compare(models.snapshot(ctx.dialect), await inspect(engine), { dialect: engine.dialect, onWarning: (w) => warnings.push(w.message) });
    assert.deepEqual(ops, []);
    assert.deepEqual(warnings, []);
  });
});
