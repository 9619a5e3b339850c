// The CLI end to end on each dialect, one project per dialect through a sequence of steps:
// init, revision --autogenerate, upgrade, check, renames (flag, declined, --fail-on-destructive),
// a drop, and check's unified diff.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { createEngine, inspect, type Engine } from '../../src/index.js';
import { hasStackTrace } from '../helpers/cli.js';
import { forEachDialect, selectedDialects } from '../helpers/databases.js';
import { MODELS_V1, MODELS_V2, MODELS_V3 } from './models-fixtures.js';
import { createProject, re, writtenId, type Project } from './project.js';

forEachDialect('retort revision --autogenerate, upgrade, check', (ctx) => {
  // what does not depend on the database (init's refusal, the empty project) is checked on one dialect
  const once = ctx.dialect === selectedDialects()[0];
  let url: string;
  let engine: Engine;
  let project: Project;
  const revs: string[] = [];
  const q = (name: string): string => (ctx.dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);

  before(async () => {
    url = await ctx.freshUrl('cliauto');
    engine = createEngine(url);
    project = createProject('auto');
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('init writes the config, the migrations folder and starter models, and refuses to overwrite', async () => {
    const r = await project.run(['init', '--url', url]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^wrote retort\.config\.ts$/m);
    assert.match(r.stdout, /^wrote src\/models\.ts$/m);
    const config = readFileSync(join(project.dir, 'retort.config.ts'), 'utf8');
    assert.match(config, /defineConfig\(\{/);
    assert.ok(config.includes(`url: ${JSON.stringify(url)}`));
    assert.match(config, /models: '\.\/src\/models\.ts'/);
    assert.ok(existsSync(join(project.dir, 'migrations')));
    assert.match(readFileSync(join(project.dir, 'src/models.ts'), 'utf8'), /export const metadata = new MetaData\(\)/);
    if (!once) return;

    const again = await project.run(['init']);
    assert.equal(again.code, 1);
    assert.equal(again.stderr, 'retort: error: retort.config.ts already exists; pass --force to overwrite it\n');
    assert.ok(readFileSync(join(project.dir, 'retort.config.ts'), 'utf8').includes(url), 'the config is untouched');

    const forced = await project.run(['init', '--force', '--url', url]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, /^kept src\/models\.ts \(already there\)$/m);

    // a password is never written into the config file (nor printed)
    const secret = await project.run(['init', '--force', '--url', 'postgresql://app:s3cr%40t@db.example:5432/app']);
    assert.equal(secret.code, 0, secret.stderr);
    assert.match(secret.stdout, /^note: the password of --url is not written there: set DATABASE_URL to the whole URL$/m);
    const written = readFileSync(join(project.dir, 'retort.config.ts'), 'utf8');
    assert.ok(written.includes('url: "postgresql://app@db.example:5432/app"'), written);
    assert.ok(!written.includes('s3cr') && !secret.stdout.includes('s3cr'));
    const bad = await project.run(['init', '--force', '--url', 'oracle://x@y/z']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^retort: error: .*oracle/);
    await project.run(['init', '--force', '--url', url]);
  });

  if (once) it('the starter project: check matches with 0 tables, autogenerate writes nothing', async () => {
    const check = await project.run(['check']);
    assert.equal(check.code, 0, check.stderr);
    assert.equal(check.stdout, 'models match the database (0 tables)\n');
    const r = await project.run(['revision', '--autogenerate', '-m', 'nothing']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^no changes detected/m);
    assert.deepEqual(project.migrations(), []);
  });

  it('autogenerate writes the first migration; check refuses before upgrade; upgrade applies it; check passes', async () => {
    project.writeModels(MODELS_V1);
    const r = await project.run(['revision', '--autogenerate', '-m', 'create tables']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    for (const table of ['author', 'post', 'tag']) assert.match(r.stdout, new RegExp(`^  \\+ table ${table}$`, 'm'));
    revs.push(writtenId(r));
    const source = project.migration(revs[0]!);
    assert.match(source, /^export const parent = null;$/m);
    assert.match(source, /await op\.createTable\('post', \{/);
    assert.match(source, /await op\.createTable\('tag', \{/);
    assert.match(source, /referredTable: 'author'/);
    assert.match(source, /await op\.dropTable\('post'\);/);

    const early = await project.run(['check']);
    assert.equal(early.code, 1);
    assert.match(early.stderr, new RegExp(`^not at head: the database is at <base>, head is ${revs[0]} \\(1 pending\\): run retort upgrade$`, 'm'));

    const up = await project.run(['upgrade']);
    assert.equal(up.code, 0, up.stderr);
    assert.match(up.stdout, new RegExp(`^upgrading <base> -> ${revs[0]} \\(1 migration\\)$`, 'm'));
    assert.match(up.stdout, new RegExp(`^<base> -> ${revs[0]}  create tables  \\(\\d+ ms\\)$`, 'm'));
    const tables = (await inspect(engine)).tables.map((t) => t.name);
    assert.deepEqual(tables, ['author', 'post', 'retort_version', 'retort_version_history', 'tag']);

    const check = await project.run(['check']);
    assert.equal(check.code, 0, check.stderr);
    assert.equal(check.stdout, 'models match the database (3 tables)\n');
    if (once) assert.equal((await project.run(['upgrade'])).stdout, 'already at head\n');
  });

  it('a likely rename in a run without a terminal never waits: --fail-on-destructive writes nothing; otherwise drop + add with warnings', async () => {
    await engine.execute(`INSERT INTO ${q('author')} (${q('id')}, ${q('name')}) VALUES (1, 'Ann')`);
    await engine.execute(`INSERT INTO ${q('post')} (${q('id')}, ${q('author_id')}, ${q('title')}, ${q('body')}) VALUES (1, 1, 'Hi', 'hello')`);
    project.writeModels(MODELS_V2);

    const refused = await project.run(['autogenerate', '-m', 'rename body', '--fail-on-destructive']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^retort: error: the migration has 1 destructive change \(drops column post\.body and its data; if it was renamed, --rename post\.body:content keeps the data\); nothing written\n$/);
    assert.equal(project.migrations().length, 1, 'nothing written');

    const r = await project.run(['revision', '--autogenerate', '-m', 'rename body']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ {2}\+ column post\.content TEXT$/m);
    assert.match(r.stdout, /^ {2}- column post\.body$/m);
    assert.match(r.stderr, /^warning: "body" -> "content" looked like a rename; generated as drop \+ add\. Re-run with --rename post\.body:content to keep the data\.$/m);
    assert.match(r.stderr, /^warning: destructive: drops column post\.body and its data$/m);
    const id = writtenId(r);
    assert.match(project.migration(id), /await op\.dropColumn\('post', 'body'\);/);
    rmSync(join(project.dir, 'migrations', project.migrations().find((n) => n.includes(id)) ?? ''));
  });

  it('--rename turns the drop + add into a rename that keeps the data', async () => {
    const r = await project.run(['revision', '--autogenerate', '-m', 'rename body', '--rename', 'post.body:content']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^ {2}~ column post\.body -> content \(renamed\)$/m);
    assert.match(r.stdout, /^ {2}\+ column post\.summary VARCHAR\(300\)$/m);
    revs.push(writtenId(r));
    const source = project.migration(revs[1]!);
    assert.match(source, new RegExp(`^export const parent = '${revs[0]}';$`, 'm'));
    assert.match(source, /await op\.renameColumn\('post', 'body', 'content'\);/);
    assert.match(source, /await op\.renameColumn\('post', 'content', 'body'\);/);

    const up = await project.run(['upgrade']);
    assert.equal(up.code, 0, up.stderr);
    assert.match(up.stdout, new RegExp(`^${revs[0]} -> ${revs[1]}  rename body  \\(\\d+ ms\\)$`, 'm'));
    const { rows } = await engine.execute(`SELECT ${q('content')} FROM ${q('post')} WHERE ${q('id')} = 1`);
    assert.deepEqual(rows.map((row) => row.content), ['hello']);
    const check = await project.run(['check']);
    assert.equal(check.code, 0, check.stdout + check.stderr);
  });

  it('check exits 1 with a unified diff when the models differ; a drop warns on stderr', async () => {
    project.writeModels(MODELS_V3);
    const check = await project.run(['check']);
    assert.equal(check.code, 1);
    assert.match(check.stdout, /^models and database differ \(1 change\)/);
    assert.match(check.stdout, /^--- database: post\n\+\+\+ models: post\n@@ /m);
    assert.match(check.stdout, /^-  column summary VARCHAR\(300\)$/m);
    assert.match(check.stdout, /^ {3}column content TEXT$/m);
    if (once) {
      const json = await project.run(['check', '--json']);
      assert.equal(json.code, 1);
      const result = JSON.parse(json.stdout) as { matches: boolean; upToDate: boolean; differences: { name: string; patch: string }[] };
      assert.equal(result.matches, false);
      assert.equal(result.upToDate, true);
      assert.deepEqual(result.differences.map((d) => d.name), ['post']);
    }

    const r = await project.run(['autogenerate', '-m', 'drop summary']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ {2}- column post\.summary$/m);
    assert.equal(r.stderr, 'warning: destructive: drops column post.summary and its data\n');
    revs.push(writtenId(r));
    assert.match(project.migration(revs[2]!), /\/\/ WARNING: .*drops column post\.summary/);
    const up = await project.run(['upgrade']);
    assert.equal(up.code, 0, up.stderr);
  });

  it('downgrade -1 and base print each step; upgrade goes back to head', async () => {
    const one = await project.run(['downgrade', '-1']);
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, new RegExp(`^downgrading ${revs[2]} -> ${revs[1]} \\(1 migration\\)$`, 'm'));
    assert.match(one.stdout, new RegExp(`^${revs[2]} -> ${revs[1]}  drop summary  \\(\\d+ ms\\)$`, 'm'));
    const current = await project.run(['current']);
    assert.equal(current.stdout, `${revs[1]}  rename body\n1 pending migration: run retort upgrade\n`);

    const base = await project.run(['downgrade', 'base']);
    assert.equal(base.code, 0, base.stderr);
    assert.match(base.stdout, new RegExp(`^${revs[1]} -> ${revs[0]}  rename body  \\(\\d+ ms\\)\\n${revs[0]} -> <base>  create tables  \\(\\d+ ms\\)$`, 'm'));
    assert.equal((await project.run(['current'])).stdout, '(base)\n3 pending migrations: run retort upgrade\n');
    assert.deepEqual((await inspect(engine)).tables.map((t) => t.name), ['retort_version', 'retort_version_history']);

    const up = await project.run(['upgrade', 'head']);
    assert.equal(up.code, 0, up.stderr);
    assert.equal(up.stdout.split('\n').filter((l) => / {2}\(\d+ ms\)$/.test(l)).length, 3);
    assert.equal(hasStackTrace(up.stderr), false);
  });

  it('upgrade --sql prints the script and connects to nothing', async () => {
    const unreachable = ctx.dialect === 'sqlite' ? 'sqlite:////nonexistent-retort-dir/app.db' : url.replace(/:(3306|5432)\//, ':1/');
    const r = await project.run(['upgrade', '--sql', '--url', unreachable]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, new RegExp(`CREATE TABLE ${re(q('post'))}`));
    assert.doesNotMatch(r.stdout, /^upgrading/m);
    const down = await project.run(['downgrade', `${revs[2]}:${revs[1]}`, '--sql', '--url', unreachable]);
    assert.equal(down.code, 0, down.stderr);
    assert.match(down.stdout, new RegExp(`ADD (COLUMN )?${re(q('summary'))}`));
  });
});
