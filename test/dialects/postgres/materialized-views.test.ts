// PostgreSQL materialized views are not plain views: reflect names them as such (with WITH NO DATA
// when they hold no rows, and their indexes, which REFRESH ... CONCURRENTLY needs), `retort diff`
// suggests the CREATE MATERIALIZED VIEW that makes them (a user who ran a CREATE VIEW got a plain
// view), and the warnings about a change a view blocks name them as materialized views.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import type { SchemaDocument } from '../../../src/reflect/json-document.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { retort } from '../../helpers/cli.js';
import { describePostgres } from './helpers.js';

const FILM = 'CREATE TABLE film (id integer PRIMARY KEY, title text, rating integer);';

describePostgres('materialized views', (ctx) => {
  let url: string;
  let engine: Engine;
  before(async () => {
    url = await ctx.freshUrl('pg_matview');
    engine = createEngine(url);
    await engine.execute(`${FILM}
      INSERT INTO film VALUES (1, 'a', 3), (2, 'b', 3);
      CREATE MATERIALIZED VIEW film_stats AS SELECT rating, count(*) AS n FROM film GROUP BY rating;
      CREATE UNIQUE INDEX film_stats_rating ON film_stats (rating);
      CREATE INDEX film_stats_big ON film_stats (n) WHERE n > 1;
      CREATE MATERIALIZED VIEW film_titles AS SELECT title FROM film WITH NO DATA;
      CREATE VIEW film_list AS SELECT id, title FROM film;`);
  });
  after(() => engine.dispose());

  it('retort reflect lists them as materialized views, with WITH NO DATA and their indexes', async () => {
    const r = await retort(['reflect', '--url', url]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /: 1 table, 1 view, 2 materialized views\n/);
    assert.ok(r.stdout.includes([
      'view film_list',
      'materialized view film_stats',
      '  INDEX film_stats_big (n) WHERE (n > 1)',
      '  UNIQUE INDEX film_stats_rating (rating)',
      'materialized view film_titles (WITH NO DATA)',
    ].join('\n')), r.stdout);
  });

  it('retort reflect --json says materialized, populated and lists the indexes', async () => {
    const r = await retort(['reflect', '--json', '--url', url]);
    assert.equal(r.code, 0, r.stderr);
    const views = (JSON.parse(r.stdout) as SchemaDocument).views;
    const brief = views.map((v) => [v.name, v.materialized, v.populated, v.indexes.map((ix) => `${ix.name}${ix.unique ? ' unique' : ''}`)]);
    assert.deepEqual(brief, [
      ['film_list', false, null, []],
      ['film_stats', true, true, ['film_stats_big', 'film_stats_rating unique']],
      ['film_titles', true, false, []],
    ]);
  });

  it('retort diff suggests CREATE MATERIALIZED VIEW (and its indexes), which makes the same materialized view', async () => {
    const fromUrl = await ctx.freshUrl('pg_matview_from');
    const from = createEngine(fromUrl);
    try {
      await from.execute(FILM);
      const r = await retort(['diff', '--from', fromUrl, '--to', url]);
      const suggested = (name: string): string => {
        const m = new RegExp(`^warning: materialized view ${name}: only the target has it; retort does not manage materialized views: create it with op\\.execute \\((.*)\\)$`, 'm').exec(r.stderr);
        assert.ok(m, r.stderr);
        return m[1]!;
      };
      const stats = suggested('film_stats');
      assert.equal(stats, 'CREATE MATERIALIZED VIEW "film_stats" AS SELECT film.rating, count(*) AS n FROM film GROUP BY film.rating; '
        + 'CREATE INDEX "film_stats_big" ON "film_stats" ("n") WHERE (n > 1); CREATE UNIQUE INDEX "film_stats_rating" ON "film_stats" ("rating")');
      const titles = suggested('film_titles');
      assert.match(titles, / WITH NO DATA$/);
      assert.match(r.stderr, /^warning: view film_list: only the target has it; retort does not manage views: create it with op\.execute \(CREATE VIEW "film_list" AS SELECT film\.id, film\.title FROM film\)$/m);
      // what the user runs gives the same objects: nothing left to warn about
      await from.execute(`${stats}; ${titles}`);
      const after = await inspect(from);
      assert.deepEqual(after.views.filter((v) => v.materialized !== undefined), (await inspect(engine)).views.filter((v) => v.materialized !== undefined));
      const again = await retort(['diff', '--from', fromUrl, '--to', url]);
      assert.doesNotMatch(again.stderr, /materialized view/);
    } finally {
      await from.dispose();
    }
  });

  it('a view plain on one side and materialized on the other differs', async () => {
    const fromUrl = await ctx.freshUrl('pg_matview_plain');
    const from = createEngine(fromUrl);
    try {
      await from.execute(`${FILM} CREATE VIEW film_titles AS SELECT title FROM film;`);
      const r = await retort(['diff', '--from', fromUrl, '--to', url]);
      assert.match(r.stderr, /^warning: materialized view film_titles: its definition differs \(a view in the database, a materialized view in the target\) \(target: CREATE MATERIALIZED VIEW "film_titles" AS SELECT film\.title FROM film WITH NO DATA\); retort does not manage views: replace it with op\.execute$/m);
    } finally {
      await from.dispose();
    }
  });

  it('a column type change a materialized view blocks is named as one', async () => {
    const toUrl = await ctx.freshUrl('pg_matview_to');
    const to = createEngine(toUrl);
    try {
      await to.execute('CREATE TABLE film (id integer PRIMARY KEY, title varchar(50), rating bigint)');
      const r = await retort(['diff', '--from', url, '--to', toUrl]);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /^warning: film: column film\.rating is read by materialized view film_stats: PostgreSQL cannot change its type/m);
      assert.match(r.stderr, /^warning: film: column film\.title is read by view film_list, materialized view film_titles: /m);
    } finally {
      await to.dispose();
    }
  });
});
