// The example blog of migrations-example/ (the README's first command) on every dialect: its
// whole history up to head, down to base and up again, with `retort check` passing at head.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { createEngine } from '../../src/index.js';
import { inspect } from '../../src/reflect/inspect.js';
import { projectRoot } from '../helpers/cli.js';
import { forEachDialect } from '../helpers/databases.js';

function runExample(url: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(projectRoot, 'migrations-example/run.mjs')], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: url } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

forEachDialect('migrations-example', (ctx) => {
  it('runs its history up, down and up again, and check passes at head', async () => {
    assert.ok(existsSync(join(projectRoot, 'dist/bundle/cli.cjs')), 'retort is not built: run npm run build');
    const url = await ctx.freshUrl('example');
    const r = await runExample(url);
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /upgrading <base> -> [0-9a-f]{12} \(8 migrations\)/);
    assert.match(r.stdout, /downgrading [0-9a-f]{12} -> <base> \(8 migrations\)/);
    assert.equal(r.stdout.match(/models match the database \(5 tables\)/g)?.length, 2);
    assert.match(r.stdout, /\(mergepoint\), merge tags and publishing/);

    const engine = createEngine(url);
    try {
      const tables = (await inspect(engine)).tables.map((t) => t.name);
      assert.deepEqual(tables, ['comment', 'post', 'post_tag', 'retort_version', 'retort_version_history', 'tag', 'user']);
    } finally {
      await engine.dispose();
    }
  });
});
