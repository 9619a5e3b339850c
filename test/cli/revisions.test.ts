// The CLI's revision commands end to end on each dialect: revision (plain, --head, --branch-label),
// current, history, heads, branches, show (text and --json), stamp, two heads, merge.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { createEngine, inspect, type Engine } from '../../src/index.js';
import { hasStackTrace } from '../helpers/cli.js';
import { forEachDialect, selectedDialects } from '../helpers/databases.js';
import { createProject, writtenId, type Project } from './project.js';

const A = 'a1a1a1a1a1a1';
const B = 'b2b2b2b2b2b2';

const CREATE_AUTHOR = `import type { Operations } from 'retort';
import { column } from 'retort';

export const revision = '${A}';
export const parent = null;
export const message = 'create author';
export const createdAt = '2026-01-01T00:00:00.000Z';

export async function upgrade(op: Operations): Promise<void> {
  await op.createTable('author', { id: column.integer().primaryKey(), name: column.string(100).notNull() });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable('author');
}
`;

const ADD_EMAIL = `import type { Operations } from 'retort';
import { column } from 'retort';

export const revision = '${B}';
export const parent = '${A}';
export const message = 'add author email';
export const createdAt = '2026-01-02T00:00:00.000Z';

export async function upgrade(op: Operations): Promise<void> {
  await op.addColumn('author', 'email', column.string(255));
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropColumn('author', 'email');
}
`;

forEachDialect('retort revision, current, history, heads, branches, show, stamp, merge', (ctx) => {
  const filesOnce = ctx.dialect === selectedDialects()[0];
  let url: string;
  let engine: Engine;
  let project: Project;
  let third = '';

  before(async () => {
    url = await ctx.freshUrl('clirevs');
    engine = createEngine(url);
    project = createProject('revs');
    const init = await project.run(['init', '--url', url]);
    assert.equal(init.code, 0, init.stderr);
    writeFileSync(join(project.dir, 'migrations', `2026_01_01_0000-${A}_create_author.ts`), CREATE_AUTHOR);
    writeFileSync(join(project.dir, 'migrations', `2026_01_02_0000-${B}_add_author_email.ts`), ADD_EMAIL);
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('revision -m writes an empty revision after the head; upgrade runs all three', async () => {
    const r = await project.run(['revision', '-m', 'third step']);
    assert.equal(r.code, 0, r.stderr);
    third = writtenId(r);
    assert.match(r.stdout, new RegExp(`^${B} -> ${third}$`, 'm'));
    const source = project.migration(third);
    assert.match(source, new RegExp(`^export const parent = '${B}';$`, 'm'));
    assert.match(source, /^export const message = 'third step';$/m);
    assert.match(source, /^ {2}\/\/ no changes$/m);

    const up = await project.run(['upgrade']);
    assert.equal(up.code, 0, up.stderr);
    assert.match(up.stdout, new RegExp(`^upgrading <base> -> ${third} \\(3 migrations\\)$`, 'm'));
    assert.match(up.stdout, new RegExp(`^<base> -> ${A}  create author  \\(\\d+ ms\\)\\n${A} -> ${B}  add author email  \\(\\d+ ms\\)\\n${B} -> ${third}  third step  \\(\\d+ ms\\)$`, 'm'));
    const author = (await inspect(engine)).tables.find((t) => t.name === 'author');
    assert.deepEqual(author?.columns.map((c) => c.name), ['id', 'name', 'email']);
  });

  it('current, as text and --json', async () => {
    const current = await project.run(['current']);
    assert.equal(current.code, 0, current.stderr);
    assert.equal(current.stdout, `${third} (head)  third step\n`);
    const currentJson = JSON.parse((await project.run(['current', '--json'])).stdout) as { heads: { revision: string; isHead: boolean }[]; upToDate: boolean; pending: unknown[] };
    assert.deepEqual(currentJson.heads.map((h) => [h.revision, h.isHead]), [[third, true]]);
    assert.equal(currentJson.upToDate, true);
    assert.deepEqual(currentJson.pending, []);
  });

  // history, heads, branches and show read only the migration files: checked on one dialect
  if (filesOnce) it('history, heads, branches and show, as text and --json', async () => {
    const history = await project.run(['history']);
    assert.equal(history.code, 0, history.stderr);
    assert.equal(history.stdout, `${B} -> ${third} (head), third step\n${A} -> ${B}, add author email\n<base> -> ${A}, create author\n`);
    const range = await project.run(['history', '-r', `${A}:${B}`]);
    assert.equal(range.stdout, `${A} -> ${B}, add author email\n<base> -> ${A}, create author\n`);
    const historyJson = JSON.parse((await project.run(['history', '--json'])).stdout) as { revision: string; parents: string[] }[];
    assert.deepEqual(historyJson.map((r) => [r.revision, r.parents]), [[third, [B]], [B, [A]], [A, []]]);

    const heads = await project.run(['heads']);
    assert.equal(heads.stdout, `${third} (head), third step\n`);
    assert.deepEqual((JSON.parse((await project.run(['heads', '--json'])).stdout) as { revision: string }[]).map((h) => h.revision), [third]);
    assert.equal((await project.run(['branches'])).stdout, 'no branch points\n');
    assert.deepEqual(JSON.parse((await project.run(['branches', '--json'])).stdout), []);

    const show = await project.run(['show', B.slice(0, 6)]);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, new RegExp(`^revision: +${B}$`, 'm'));
    assert.match(show.stdout, new RegExp(`^parents: +${A}$`, 'm'));
    assert.match(show.stdout, new RegExp(`^children: +${third}$`, 'm'));
    assert.match(show.stdout, new RegExp(`^path: +migrations/2026_01_02_0000-${B}_add_author_email\\.ts$`, 'm'));
    assert.match(show.stdout, /^date: +2026-01-02T00:00:00\.000Z$/m);
    assert.match(show.stdout, /^message: +add author email$/m);
    const showJson = JSON.parse((await project.run(['show', 'head', '--json'])).stdout) as { revision: string; parents: string[]; isHead: boolean };
    assert.deepEqual([showJson.revision, showJson.parents, showJson.isHead], [third, [B], true]);
  });

  it('stamp moves the version table without running migrations; --sql only prints', async () => {
    const base = await project.run(['stamp', 'base']);
    assert.equal(base.code, 0, base.stderr);
    assert.equal(base.stdout, `stamped ${third} -> <base>\n`);
    assert.equal((await project.run(['current'])).stdout, '(base)\n3 pending migrations: run retort upgrade\n');
    assert.ok((await inspect(engine)).tables.some((t) => t.name === 'author'), 'nothing ran');

    const script = await project.run(['stamp', 'head', '--sql']);
    assert.equal(script.code, 0, script.stderr);
    assert.match(script.stdout, new RegExp(`INSERT INTO .*retort_version.*'${third}'`));
    assert.match((await project.run(['current'])).stdout, /^\(base\)$/m);

    const head = await project.run(['stamp', 'head']);
    assert.equal(head.stdout, `stamped <base> -> ${third}\n`);
    assert.equal((await project.run(['current'])).stdout, `${third} (head)  third step\n`);
  });

  it('two heads: upgrade head names them and suggests merge; merge joins them; upgrade runs both branches', async () => {
    const left = writtenId(await project.run(['revision', '-m', 'left']));
    const rightRun = await project.run(['revision', '-m', 'right', '--head', third.slice(0, 5), '--branch-label', 'feature']);
    assert.equal(rightRun.code, 0, rightRun.stderr);
    assert.match(rightRun.stdout, new RegExp(`^${third} -> [0-9a-f]{12}$`, 'm'));
    const right = writtenId(rightRun);
    const [first, second] = [left, right].sort();

    if (filesOnce) {
      const heads = await project.run(['heads']);
      assert.equal(heads.stdout, [`${left} (head), left`, `${right} (feature) (head), right`].sort().join('\n') + '\n');
      const branches = await project.run(['branches']);
      assert.equal(branches.stdout, `${third} (branchpoint), third step\n` + [`  -> ${left} (head), left`, `  -> ${right} (feature) (head), right`].sort().join('\n') + '\n');
      const another = await project.run(['revision', '-m', 'another']);
      assert.equal(another.code, 1);
      assert.match(another.stderr, /^retort: error: multiple heads are present .*pass --head to choose the parent of the new revision, or join them with "retort merge"\n$/);
    }

    const up = await project.run(['upgrade']);
    assert.equal(up.code, 1);
    assert.equal(up.stderr, `retort: error: multiple heads are present for "head" (${first}, ${second}); name one of them, use "heads", or join them with "retort merge"\n`);
    assert.equal(hasStackTrace(up.stderr), false);

    const feature = await project.run(['upgrade', 'feature@head']);
    assert.equal(feature.code, 0, feature.stderr);
    assert.match(feature.stdout, new RegExp(`^${third} -> ${right}  right  \\(\\d+ ms\\)$`, 'm'));
    assert.equal((await project.run(['current'])).stdout, `${right} (head)  right\n1 pending migration: run retort upgrade\n`);

    const merge = await project.run(['merge', '-m', 'join']);
    assert.equal(merge.code, 0, merge.stderr);
    const merged = writtenId(merge);
    assert.match(merge.stdout, new RegExp(`^merged \\(${first}, ${second}\\) -> ${merged}$`, 'm'));
    assert.match(project.migration(merged), new RegExp(`export const parent = \\['${first}', '${second}'\\];`));
    if (filesOnce) assert.equal((await project.run(['history'])).stdout.split('\n')[0], `(${first}, ${second}) -> ${merged} (feature) (head) (mergepoint), join`);

    const upAll = await project.run(['upgrade']);
    assert.equal(upAll.code, 0, upAll.stderr);
    assert.match(upAll.stdout, new RegExp(`^${third} -> ${left}  left  \\(\\d+ ms\\)$`, 'm'));
    assert.match(upAll.stdout, new RegExp(`^\\(${first}, ${second}\\) -> ${merged}  join  \\(\\d+ ms\\)$`, 'm'));
    assert.equal((await project.run(['current'])).stdout, `${merged} (head)  join\n`);

    if (filesOnce) {
      const nothing = await project.run(['merge', '-m', 'again']);
      assert.equal(nothing.code, 1);
      assert.equal(nothing.stderr, `retort: error: nothing to merge: there is only one head (${merged}); a merge joins two or more heads\n`);
    }
  });
});
