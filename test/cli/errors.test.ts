// What the CLI says when something is wrong: one line on stderr, `retort: error: ...`, exit 1
// (2 for a wrong command line), no stack trace, never a password.
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseUrl } from '../../src/index.js';
import { hasStackTrace, type CliRun } from '../helpers/cli.js';
import { forEachDialect } from '../helpers/databases.js';
import { SECRET, urlWithPassword } from '../helpers/password-url.js';
import { MODELS_V1 } from './models-fixtures.js';
import { createProject, type Project } from './project.js';

const A = 'a1a1a1a1a1a1';
const B = 'b2b2b2b2b2b2';

function migration(id: string, parent: string | null, message: string, table: string): string {
  return `import type { Operations } from 'retort';
import { column } from 'retort';

export const revision = '${id}';
export const parent = ${parent === null ? 'null' : `'${parent}'`};
export const message = '${message}';

export async function upgrade(op: Operations): Promise<void> {
  await op.createTable('${table}', { id: column.integer().primaryKey() });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable('${table}');
}
`;
}

/** Exit 1 and exactly one line on stderr, `retort: error: ...` matching `message`. */
function assertOneLineError(r: CliRun, message: RegExp): void {
  assert.equal(r.code, 1, `exit code; stdout: ${r.stdout}; stderr: ${r.stderr}`);
  assert.match(r.stderr, /^retort: error: [^\n]+\n$/, `one line: ${r.stderr}`);
  assert.match(r.stderr, message);
  assert.equal(hasStackTrace(r.stderr), false);
}

describe('retort CLI errors', () => {
  let project: Project;
  before(() => {
    project = createProject('errors');
    mkdirSync(join(project.dir, 'migrations'));
    mkdirSync(join(project.dir, 'src'));
    writeFileSync(join(project.dir, 'retort.config.ts'), `export default { url: 'sqlite:///app.db', models: './src/models.ts' };\n`);
    writeFileSync(join(project.dir, 'migrations', `001-${A}_one.ts`), migration(A, null, 'one', 'one'));
    writeFileSync(join(project.dir, 'migrations', `002-${B}_two.ts`), migration(B, A, 'two', 'two'));
  });
  after(() => project.remove());

  it('an unknown revision', async () => {
    assertOneLineError(await project.run(['upgrade', 'zzzzzz']), /no revision or branch label "zzzzzz"/);
    assertOneLineError(await project.run(['show', 'nosuch']), /no revision or branch label "nosuch"/);
  });

  it('a bad URL and an unknown dialect', async () => {
    assertOneLineError(await project.run(['current', '--url', 'notaurl']), /"notaurl" is not a database URL/);
    assertOneLineError(await project.run(['upgrade', '--url', 'oracle://h/db']), /unknown dialect "oracle": known dialects are postgresql/);
  });

  it('no URL, no migrations folder', async () => {
    const blank = createProject('blank');
    try {
      assertOneLineError(await blank.run(['current']), /no database URL: pass --url, set DATABASE_URL, or set "url" in retort\.config\.ts/);
      assertOneLineError(await blank.run(['history']), /migrations folder .* does not exist \(retort init creates it/);
    } finally {
      blank.remove();
    }
  });

  it('a wrong command line exits 2 with the usage', async () => {
    const noTarget = await project.run(['downgrade']);
    assert.equal(noTarget.code, 2);
    assert.match(noTarget.stderr, /retort: error: Not enough non-option arguments/);
    const noMessage = await project.run(['revision']);
    assert.equal(noMessage.code, 2);
    assert.match(noMessage.stderr, /retort: error: Missing required argument: message/);
  });

  it('models that cannot be loaded or cannot be right', async () => {
    const models = join(project.dir, 'src', 'models.ts');
    assertOneLineError(await project.run(['check', '--url', 'sqlite://:memory:', '--migrations', 'none']), /src\/models\.ts: models module not found/);
    writeFileSync(models, `export const answer = 42;\n`);
    assertOneLineError(await project.run(['check', '--url', 'sqlite://:memory:', '--migrations', 'none']), /src\/models\.ts: the models module exports no MetaData; add `export const metadata = new MetaData\(\)`/);
    writeFileSync(models, `import { MetaData } from 'retort';\nexport const a = new MetaData();\nexport const b = new MetaData();\n`);
    assertOneLineError(await project.run(['check', '--url', 'sqlite://:memory:', '--migrations', 'none']), /exports several MetaData objects \(a, b\)/);
    writeFileSync(models, `import { MetaData, Model, column } from 'retort';
export const metadata = new MetaData();
const Base = Model.base(metadata);
export class Post extends Base.table({ id: column.integer().primaryKey(), authorId: column.integer().references('nobody.id') }) {}
`);
    assertOneLineError(await project.run(['check', '--url', 'sqlite://:memory:', '--migrations', 'none']), /nobody/);
    writeFileSync(models, `export const = ;\n`);
    assertOneLineError(await project.run(['check', '--url', 'sqlite://:memory:', '--migrations', 'none']), /src\/models\.ts: cannot load the models module/);
  });

  it('autogenerate refuses a database that is not at head', async () => {
    writeFileSync(join(project.dir, 'src', 'models.ts'), MODELS_V1);
    const r = await project.run(['revision', '--autogenerate', '-m', 'more', '--url', `sqlite:///${join(project.dir, 'behind.db')}`]);
    assertOneLineError(r, new RegExp(`the database is not up to date \\(at <base>, head is ${B}\\): run retort upgrade first$`, 'm'));
  });

  it('a changed applied migration is a warning of current, upgrade and check', async () => {
    const db = `sqlite:///${join(project.dir, 'drift.db')}`;
    assert.equal((await project.run(['upgrade', '--url', db])).code, 0);
    appendFileSync(join(project.dir, 'migrations', `001-${A}_one.ts`), '// edited after it was applied\n');
    for (const args of [['current'], ['upgrade'], ['check']]) {
      const r = await project.run([...args, '--url', db]);
      assert.match(r.stderr, new RegExp(`^warning: revision ${A} was changed after it was applied \\(\\S*migrations/001-${A}_one\\.ts: checksum [0-9a-f]{12}, applied as [0-9a-f]{12}\\)$`, 'm'), `${args[0]}: ${r.stderr}`);
    }
  });

  it('a missing parent file', async () => {
    writeFileSync(join(project.dir, 'migrations', `003-c3c3c3c3c3c3_three.ts`), migration('c3c3c3c3c3c3', 'ffffffffffff', 'three', 'three'));
    assertOneLineError(await project.run(['history']), /c3c3c3c3c3c3.*ffffffffffff/);
    assertOneLineError(await project.run(['upgrade']), /c3c3c3c3c3c3.*ffffffffffff/);
  });
});

forEachDialect('retort CLI errors never show the password', (ctx) => {
  let url: string;
  let cleanup: () => Promise<void>;
  let project: Project;
  before(async () => {
    ({ url, cleanup } = await urlWithPassword(ctx, 'clierr'));
    project = createProject('pw');
    mkdirSync(join(project.dir, 'migrations'));
    writeFileSync(join(project.dir, 'migrations', `001-${A}_one.ts`), migration(A, null, 'one', 'one'));
  });
  after(async () => {
    project.remove();
    await cleanup();
  });

  it('an unknown target and an unreachable server: one line, no password', async () => {
    const unknown = await project.run(['upgrade', 'nosuch'], { DATABASE_URL: url });
    assertOneLineError(unknown, /no revision or branch label "nosuch"/);
    const up = await project.run(['upgrade'], { DATABASE_URL: url });
    assert.equal(up.code, 0, up.stderr);
    assert.ok(!up.stdout.includes(SECRET) && !up.stderr.includes(SECRET));
    if (ctx.dialect !== 'sqlite') {
      const bad = parseUrl(url).with({ port: 1 }).toUnmaskedString();
      const r = await project.run(['current', '--url', bad]);
      assertOneLineError(r, /cannot connect to .*:\*\*\*@/);
      assert.ok(!r.stderr.includes(SECRET));
    }
  });
});
