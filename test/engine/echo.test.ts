import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { inspect } from 'node:util';
import { createEngine, sql, type Engine, type QueryEvent } from '../../src/index.js';
import { forEachDialect } from '../helpers/databases.js';
import { SECRET, urlWithPassword } from '../helpers/password-url.js';

forEachDialect('echo and query events', (ctx) => {
  let url: string;
  let cleanup: () => Promise<void>;

  before(async () => {
    ({ url, cleanup } = await urlWithPassword(ctx, 'echo'));
  });
  after(() => cleanup());

  it('echo: fn gets one line per statement with its params, and never the password', async () => {
    const lines: string[] = [];
    const engine = createEngine(url, { echo: (line) => lines.push(line) });
    try {
      await engine.execute('SELECT ? AS a,\n       ? AS b', [1, 'two']);
      await engine.execute(sql`SELECT ${'x'} AS c`);
      await engine.transaction(async (tx) => void (await tx.execute('SELECT 1')));
    } finally {
      await engine.dispose();
    }
    assert.match(lines[0]!, /^\[retort\] connected to .+ \(backend \S+\)$/);
    if (ctx.dialect !== 'sqlite') assert.match(lines[0]!, /:\*\*\*@/, 'the connect line shows the masked URL');
    assert.deepEqual(lines.slice(1), [
      '[retort] SELECT ? AS a, ? AS b -- params: [1, "two"]',
      '[retort] SELECT ? AS c -- params: ["x"]',
      '[retort] BEGIN',
      '[retort] SELECT 1',
      '[retort] COMMIT',
    ]);
    for (const line of lines) assert.ok(!line.includes(SECRET), `echo line shows the password: ${line}`);
  });

  it('echo: true writes the lines to stderr', async () => {
    const written: string[] = [];
    const original = process.stderr.write;
    const engine = createEngine(url, { echo: true });
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      await engine.execute('SELECT ? AS a', [42]);
    } finally {
      process.stderr.write = original;
      await engine.dispose();
    }
    const text = written.join('');
    assert.match(text, /^\[retort\] SELECT \? AS a -- params: \[42\]$/m);
    assert.ok(!text.includes(SECRET));
  });

  it('onQuery listeners see sql, params and backend id until they unsubscribe', async () => {
    const engine: Engine = createEngine(url);
    const events: QueryEvent[] = [];
    try {
      const off = engine.onQuery((e) => events.push(e));
      await engine.execute('SELECT ? AS n', [7]);
      off();
      await engine.execute('SELECT 2');
      const backend = await engine.withConnection(async (c) => c.backendId);
      assert.deepEqual(events, [{ sql: 'SELECT ? AS n', params: [7], backendId: backend }]);
    } finally {
      await engine.dispose();
    }
  });

  it('inspecting an engine shows the masked URL only', async () => {
    const engine = createEngine(url);
    try {
      await engine.execute('SELECT 1');
      const text = inspect(engine, { depth: 10, showHidden: true }) + inspect(await engine.connect().then(async (c) => (await c.release(), c)));
      assert.ok(!text.includes(SECRET), text);
      assert.match(text, /^Engine </);
    } finally {
      await engine.dispose();
    }
  });
});
