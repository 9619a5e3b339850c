// The rename prompt of `retort revision --autogenerate` on a terminal, with streams standing in
// for the terminal.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { askLine, promptRenameResolver, renameQuestion } from '../../src/cli/prompt.js';
import type { RenameCandidate } from '../../src/index.js';

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
