// The rename prompt of `retort revision --autogenerate` on a terminal, with streams standing in
// for the terminal.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { askLine, promptRenameResolver, renameQuestion } from '../../src/cli/prompt.js';
import type { RenameCandidate } from '../../src/index.js';
import { MODELS_V1, MODELS_V3 } from './models-fixtures.js';
import { createProject } from './project.js';

const column: RenameCandidate = { kind: 'column', schema: null, table: 'post', from: 'body', to: 'content' };
const table: RenameCandidate = { kind: 'table', schema: null, from: 'post', to: 'article' };

function terminal(answer: string | null): { input: PassThrough; output: PassThrough; written: () => string } {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  setImmediate(() => (answer === null ? input.end() : input.write(`${answer}\n`)));
  return { input, output, written: () => text };
}

describe('rename prompt', () => {
  it('asks "rename post.body -> post.content? [y/N]" and accepts y / yes', async () => {
    assert.equal(renameQuestion(column), 'rename post.body -> post.content? [y/N] ');
    assert.equal(renameQuestion(table), 'rename table post -> article? [y/N] ');
    for (const [answer, expected] of [['y', true], ['YES', true], ['n', false], ['', false], ['maybe', false]] as const) {
      const t = terminal(answer);
      const resolver = promptRenameResolver((q) => askLine(q, t.input, t.output));
      assert.equal(await resolver(column), expected, `answer ${JSON.stringify(answer)}`);
      assert.equal(t.written(), 'rename post.body -> post.content? [y/N] ');
    }
  });

  it('input that ends without an answer declines instead of waiting', async () => {
    const t = terminal(null);
    assert.equal(await promptRenameResolver((q) => askLine(q, t.input, t.output))(table), false);
  });
});

/** `script` (util-linux) runs a command on a pseudo-terminal; the test needs it. */
function scriptAvailable(): boolean {
  return spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Runs `retort <args>` in `cwd` on a pseudo-terminal, typing `typed`. */
function retortOnTerminal(args: readonly string[], cwd: string, typed: string, env: Record<string, string> = {}): Promise<string> {
  const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
  const tsx = fileURLToPath(import.meta.resolve('tsx'));
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, '--import', tsx, main, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd, env: { ...process.env, CI: '', DATABASE_URL: '', ...env } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('close', () => (clearTimeout(timer), resolve(out)));
    child.stdin.end(typed);
  });
}

describe('rename prompt on a terminal', { skip: scriptAvailable() ? false : 'needs the `script` command' }, () => {
  it('asks on a terminal and renames on y; with CI set it does not ask', async () => {
    const project = createProject('tty');
    try {
      assert.equal((await project.run(['init', '--url', 'sqlite:///app.db'])).code, 0);
      project.writeModels(MODELS_V1);
      assert.equal((await project.run(['autogenerate', '-m', 'create'])).code, 0);
      assert.equal((await project.run(['upgrade'])).code, 0);
      project.writeModels(MODELS_V3);

      const asked = await retortOnTerminal(['autogenerate', '-m', 'rename'], project.dir, 'y\r');
      assert.match(asked, /rename post\.body -> post\.content\? \[y\/N\]/);
      assert.match(asked, /~ column post\.body -> content \(renamed\)/);
      const id = /wrote migrations\/\S+-([0-9a-f]{12})_rename\.ts/.exec(asked)?.[1] ?? '';
      assert.match(project.migration(id), /await op\.renameColumn\('post', 'body', 'content'\);/);
      rmSync(join(project.dir, 'migrations', project.migrations().find((n) => n.includes(id)) ?? ''));

      const ci = await retortOnTerminal(['autogenerate', '-m', 'rename'], project.dir, 'y\r', { CI: 'true' });
      assert.doesNotMatch(ci, /\[y\/N\]/);
      assert.match(ci, /warning: "body" -> "content" looked like a rename/);
    } finally {
      project.remove();
    }
  });
});
