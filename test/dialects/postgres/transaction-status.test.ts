// pg rejects a failed query at the server's ErrorResponse, before the ReadyForQuery that says
// whether a transaction is open. When the two come in separate packets (a busy machine), the
// transaction state read at once was the one from before the query: a connection whose
// transaction had failed looked idle, went back to the pool, and the next checkout got
// "current transaction is aborted", and a failed statement sent with a deferred BEGIN was
// reported as that BEGIN's error instead of its own. A proxy that hands the server's bytes over one at a time
// makes the split certain.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { createEngine, parseUrl, type Engine } from '../../../src/index.js';
import { describePostgres } from './helpers.js';

/** A TCP proxy to `port` that passes the server's bytes to the client one at a time, a macrotask apart. */
function tricklingProxy(host: string, port: number): Promise<{ server: Server; port: number }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(port, host);
    client.setNoDelay(true); // each byte its own packet (Nagle would join them again)
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    let queue = Promise.resolve();
    upstream.on('data', (chunk: Buffer) => {
      upstream.pause();
      queue = queue.then(async () => {
        for (const byte of chunk) {
          if (client.destroyed) return;
          client.write(Buffer.of(byte));
          await new Promise((resolve) => setImmediate(resolve));
        }
        upstream.resume();
      });
    });
    const close = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  server.on('close', () => {
    for (const s of sockets) s.destroy();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

describePostgres('transaction state after a failed statement', (ctx) => {
  let engine: Engine;
  let proxy: Server;
  before(async () => {
    const url = parseUrl(await ctx.freshUrl('pg_txstatus'));
    const started = await tricklingProxy(url.host ?? '127.0.0.1', url.port ?? 5432);
    proxy = started.server;
    engine = createEngine(url.with({ host: '127.0.0.1', port: started.port }).toUnmaskedString(), { pool: { max: 1 } });
    await engine.execute('CREATE TABLE item (id integer PRIMARY KEY)');
  });
  after(async () => {
    await engine.dispose();
    proxy.close();
  });

  it('is read after the server says it, so a failed transaction is not taken for an idle connection', async () => {
    const conn = await engine.connect();
    try {
      // one query string: the status before it was idle
      await assert.rejects(conn.executeScript(['BEGIN', 'INSERT INTO item (id) VALUES (1)', 'INSERT INTO item (id) VALUES (1)', 'COMMIT']), { name: 'DriverError' });
      assert.equal(conn.inTransaction, true, 'the failed transaction is still open');
    } finally {
      await conn.release();
    }
    // released with its transaction open: the pool rolled it back, the next checkout is clean
    const { rows } = await engine.execute('SELECT COUNT(*)::int AS n FROM item');
    assert.equal(rows[0]?.n, 0);
  });

  it('a joined BEGIN whose statement fails leaves the failed transaction open, without sending BEGIN again', async () => {
    const conn = await engine.connect();
    try {
      await conn.execute('INSERT INTO item (id) VALUES (7)');
      await conn.execute('BEGIN');
      await assert.rejects(conn.execute('INSERT INTO item (id) VALUES (7)'), (e: Error) => /duplicate key/.test(e.message));
      assert.equal(conn.inTransaction, true);
      await conn.execute('ROLLBACK');
      assert.equal(conn.inTransaction, false);
    } finally {
      await conn.release();
    }
    const { rows } = await engine.execute('SELECT id FROM item');
    assert.deepEqual(rows.map((r) => r.id), [7]);
  });
});
