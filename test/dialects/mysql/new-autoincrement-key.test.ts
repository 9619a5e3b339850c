// A table keyed by a natural key (country.code) gets a new AUTO_INCREMENT id as its primary key,
// the code becoming a unique key, on a table with rows. MySQL refuses an AUTO_INCREMENT column
// that is not a key (error 1075), so `ADD COLUMN id ... AUTO_INCREMENT` then `ADD PRIMARY KEY (id)`
// failed halfway (the old key already dropped); and the way back, `DROP PRIMARY KEY` of the
// AUTO_INCREMENT column, too. Now the column comes with its key in one statement and goes with it;
// through the CLI: the file, upgrade (rows numbered), check, downgrade to the table as it was.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mysqlDialect } from '../../../src/dialects/mysql/index.js';
import { postgresDialect } from '../../../src/dialects/postgres/index.js';
import { compileOperation } from '../../../src/operations/index.js';
import { createEngine, type Engine } from '../../../src/index.js';
import { forEachDialect } from '../../helpers/databases.js';
import { createProject, writtenId, type Project } from '../../cli/project.js';
import { catalogRows } from './catalog.js';

const NATURAL = `import { MetaData, Table, column } from 'retort';
export const metadata = new MetaData();
new Table(metadata, 'country', { code: column.char(2).primaryKey(), name: column.string(50) });
`;
const SURROGATE = `import { MetaData, Table, column } from 'retort';
export const metadata = new MetaData();
new Table(metadata, 'country', { id: column.integer().primaryKey(), code: column.char(2).notNull().unique(), name: column.string(50) });
`;

forEachDialect('a new AUTO_INCREMENT primary key on a table with rows', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let url: string;
  let engine: Engine;
  let project: Project;
  const showCreate = async (): Promise<string> => String((await catalogRows(engine, 'SHOW CREATE TABLE country'))[0]!['Create Table']).replace(/ AUTO_INCREMENT=\d+/, '');

  before(async () => {
    url = await ctx.freshUrl('newaikey');
    engine = createEngine(url);
    await engine.execute('CREATE TABLE country (code CHAR(2) NOT NULL PRIMARY KEY, name VARCHAR(50))');
    await engine.execute("INSERT INTO country VALUES ('de', 'Germany'), ('fr', NULL), ('it', 'Italy')");
    project = createProject('newaikey');
    await project.run(['init', '--url', url]);
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('the column comes with its key in one statement, and goes with it on the way back', async () => {
    project.writeModels(NATURAL);
    assert.equal((await project.run(['check'])).code, 0);
    const before = await showCreate();
    project.writeModels(SURROGATE);
    const r = await project.run(['revision', '--autogenerate', '-m', 'surrogate key']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ {2}\+ column country\.id INT NOT NULL AUTOINCREMENT PRIMARY KEY$/m);
    const file = project.migration(writtenId(r));
    assert.match(file, /await op\.dropPrimaryKey\(null, 'country'\);\n {2}await op\.addColumn\('country', 'id', column\.integer\(\)\.notNull\(\)\.autoincrement\(\), \{\s*primaryKey: true,?\s*\}\);/);
    assert.doesNotMatch(file.slice(0, file.indexOf('downgrade')), /createPrimaryKey/);
    const up = await project.run(['upgrade', 'head']);
    assert.equal(up.code, 0, up.stderr);
    assert.deepEqual((await catalogRows(engine, 'SELECT id, code FROM country ORDER BY id')).map((row) => [Number(row.id), row.code]), [[1, 'de'], [2, 'fr'], [3, 'it']]);
    const check = await project.run(['check']);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    const down = await project.run(['downgrade', 'base']);
    assert.equal(down.code, 0, down.stderr);
    assert.equal(await showCreate(), before);
    assert.equal((await catalogRows(engine, 'SELECT COUNT(*) AS n FROM country'))[0]!.n, 3);
  });

  it('autogenerate of the way back (models with the natural key again) drops the column with its key', async () => {
    assert.equal((await project.run(['upgrade', 'head'])).code, 0);
    project.writeModels(NATURAL);
    const r = await project.run(['revision', '--autogenerate', '-m', 'natural key again']);
    assert.equal(r.code, 0, r.stderr);
    const file = project.migration(writtenId(r));
    assert.doesNotMatch(file.slice(0, file.indexOf('downgrade')), /dropPrimaryKey/);
    const up = await project.run(['upgrade', 'head']);
    assert.equal(up.code, 0, up.stderr);
    assert.equal((await project.run(['check'])).code, 0);
    const down = await project.run(['downgrade', '-1']);
    assert.equal(down.code, 0, down.stderr);
    assert.match(await showCreate(), /`id` int\(11\) NOT NULL AUTO_INCREMENT,[\s\S]*PRIMARY KEY \(`id`\)/);
  });
});

describe('op.addColumn(..., { primaryKey }) compiles to one statement', () => {
  it('MySQL and PostgreSQL: ADD COLUMN and ADD PRIMARY KEY in one ALTER TABLE', () => {
    const op = {
      kind: 'addColumn', schema: null, table: 'country', primaryKey: { name: null, columns: ['id'] },
      column: { name: 'id', type: { kind: 'integer' }, nullable: false, default: null, autoincrement: true, comment: null },
    } as const;
    assert.deepEqual(compileOperation(op, { dialect: mysqlDialect }).map((s) => s.sql), [
      'ALTER TABLE `country` ADD COLUMN `id` INT NOT NULL AUTO_INCREMENT, ADD PRIMARY KEY (`id`)',
    ]);
    assert.deepEqual(compileOperation({ ...op, primaryKey: { name: 'pk_country', columns: ['id'] } }, { dialect: postgresDialect }).map((s) => s.sql), [
      'ALTER TABLE "country" ADD COLUMN "id" INTEGER GENERATED BY DEFAULT AS IDENTITY NOT NULL, ADD CONSTRAINT "pk_country" PRIMARY KEY ("id")',
    ]);
  });
});
