// `retort check`, `revision --autogenerate` and `diff` on a SQLite file with a large catalog (past
// the size from which its catalog is read in a worker thread while the models load): the same
// answers as on a small one. SQLite only: the worker is SQLite's (test/reflect/concurrent-inspect
// compares the snapshots on every dialect).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../src/index.js';
import { loadModule } from '../../src/migrations/module-loader.js';
import { forEachDialect } from '../helpers/databases.js';
import { createProject, type Project } from './project.js';

const TABLES = 260;

/** Models of TABLES tables, each with an index, a check and a foreign key to the one before. */
function models(extraColumn: boolean): string {
  const lines = [
    "import { CheckConstraint, Index, MetaData, Table, column } from 'retort';",
    'export const metadata = new MetaData();',
  ];
  for (let i = 0; i < TABLES; i++) {
    const t = `t${String(i).padStart(3, '0')}`;
    const parent = i === 0 ? '' : `  parentId: column.integer().references('t${String(i - 1).padStart(3, '0')}.id', { onDelete: 'cascade' }),\n`;
    const extra = extraColumn && i === 123 ? '  note: column.text(),\n' : '';
    lines.push(`new Table(metadata, '${t}', {\n  id: column.integer().primaryKey(),\n  name: column.string(40).serverDefault('x'),\n`
      + `  qty: column.integer().notNull(),\n${parent}${extra}}, new Index('ix_${t}_name', ['name']), new CheckConstraint('qty >= 0', 'ck_${t}_qty'));`);
  }
  return `${lines.join('\n')}\n`;
}

forEachDialect('the CLI on a large SQLite catalog', (ctx) => {
  if (ctx.dialect !== 'sqlite') return;
  let url: string;
  let engine: Engine;
  let project: Project;
  before(async () => {
    url = await ctx.freshUrl('large_catalog');
    engine = createEngine(url);
    project = createProject('large');
    const init = await project.run(['init', '--url', url]);
    assert.equal(init.code, 0, init.stderr);
    project.writeModels(models(false));
    const { metadata } = (await loadModule(join(project.dir, 'src', 'models.ts'))) as { metadata: { createAll(e: Engine): Promise<void> } };
    await metadata.createAll(engine);
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('check finds no difference, then the one column the models add', async () => {
    const same = await project.run(['check']);
    assert.equal(same.code, 0, same.stdout + same.stderr);
    project.writeModels(models(true));
    const differs = await project.run(['check']);
    assert.equal(differs.code, 1, differs.stderr);
    assert.match(differs.stdout, /t123/);
    assert.match(differs.stdout, /note/);
    const revision = await project.run(['revision', '--autogenerate', '-m', 'add note']);
    assert.equal(revision.code, 0, revision.stderr);
    assert.equal(project.migrations().length, 1);
    const text = readFileSync(join(project.dir, 'migrations', project.migrations()[0]!), 'utf8');
    assert.match(text, /op\.addColumn\('t123', /);
    assert.equal((text.match(/op\.\w+\(/g) ?? []).length, 2, `one op each way:\n${text}`);
  });

  it('diff between two large files shows the one difference', async () => {
    const copy = join(project.dir, 'copy.db');
    await engine.execute(`VACUUM INTO '${copy}'`);
    const other = createEngine(`sqlite:///${copy}`);
    try {
      await other.execute('ALTER TABLE t200 ADD COLUMN extra INTEGER');
    } finally {
      await other.dispose();
    }
    const r = await project.run(['diff', '--from', url, '--to', `sqlite:///${copy}`]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /t200/);
    assert.match(r.stdout, /extra/);
    assert.doesNotMatch(r.stdout, /t1\d\d|t0\d\d/);
  });
});
