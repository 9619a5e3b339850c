// PostgreSQL partitioned tables: a model's partitionBy is written by createAll and by a generated
// migration, reflection reads the key back (partitions are not listed as tables), autogenerate
// sees no change, a database-to-database diff warns where partitioning differs, and the other
// dialects refuse a partitioned table with an error naming it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { compare } from '../../../src/autogenerate/index.js';
import { autogenerate, check, column, createEngine, MetaData, mysqlDialect, OperationError, sqliteDialect, Table, upgrade, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { retort } from '../../helpers/cli.js';
import { describePostgres } from './helpers.js';

function models(): MetaData {
  const metadata = new MetaData();
  new Table(metadata, 'payment', {
    id: column.bigInteger().notNull(),
    paidAt: column.dateTime({ timezone: true }).notNull(),
    amount: column.numeric(7, 2).notNull(),
  }, { partitionBy: 'RANGE (paid_at)' });
  return metadata;
}

describePostgres('partitioned tables', (ctx) => {
  let url: string;
  let engine: Engine;
  let dir: string;
  const options = () => ({ engine, cwd: dir, migrations: join(dir, 'migrations') });

  before(async () => {
    url = await ctx.freshUrl('pg_partitioned');
    engine = createEngine(url);
    dir = mkdtempSync(join(tmpdir(), 'retort-partitioned-'));
  });
  after(async () => {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a generated migration creates the partitioned table; reflection reads its key, not its partitions', async () => {
    const first = await autogenerate({ ...options(), metadata: models(), message: 'payments' });
    assert.match(first.written?.source ?? '', /partitionBy: 'RANGE \(paid_at\)'/);
    await upgrade(options());
    await engine.execute("CREATE TABLE payment_2026 PARTITION OF payment FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
    await engine.execute("INSERT INTO payment (id, paid_at, amount) VALUES (1, '2026-05-01', 9.5)");
    const snapshot = await inspect(engine);
    const tables = snapshot.tables.filter((t) => !t.name.startsWith('retort_version'));
    assert.deepEqual(tables.map((t) => [t.name, t.partitionBy]), [['payment', 'RANGE (paid_at)']]);
    assert.deepEqual((await check({ ...options(), metadata: models() })).operations, []);
  });

  it('a model that is not partitioned leaves the key alone; a database diff warns about it', async () => {
    const plain = new MetaData();
    new Table(plain, 'payment', { id: column.bigInteger().notNull(), paidAt: column.dateTime({ timezone: true }).notNull(), amount: column.numeric(7, 2).notNull() });
    const reflected = await inspect(engine, { include: ['payment'] });
    const quiet: string[] = [];
    assert.deepEqual(compare(plain.snapshot('postgresql'), reflected, { dialect: engine.dialect, onWarning: (w) => quiet.push(w.message) }), []);
    assert.deepEqual(quiet, []);
    const warnings: string[] = [];
    compare(plain.snapshot('postgresql'), reflected, { dialect: engine.dialect, targetIsDatabase: true, onWarning: (w) => warnings.push(w.message) });
    assert.match(warnings.join('\n'), /partitioning: the target is not partitioned, the database PARTITION BY RANGE \(paid_at\)/);
  });

  it('reflection lists the partitions; retort diff warns about those only the target has, with the statement that makes each', async () => {
    await engine.execute("CREATE TABLE payment_2025 PARTITION OF payment FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')");
    const payment = (await inspect(engine, { include: ['payment'] })).tables[0]!;
    assert.deepEqual(payment.partitions?.map((x) => x.name), ['payment_2025', 'payment_2026']);
    // the bounds as the session's time zone shows them
    assert.match(payment.partitions?.[1]?.sql ?? '', /^CREATE TABLE payment_2026 PARTITION OF payment FOR VALUES FROM \('20\d\d-\d\d-\d\d [^']+'\) TO \('20\d\d-[^']+'\)$/);
    const tree = await retort(['reflect', '--url', url]);
    assert.match(tree.stdout, /^  PARTITION payment_2026 FOR VALUES FROM \('[^']+'\) TO \('[^']+'\)$/m);

    const empty = await ctx.freshUrl('pg_partitioned_empty');
    const r = await retort(['diff', '--from', empty, '--to', url, '--sql']);
    assert.equal(r.code, 1, r.stderr);
    const statements = [...r.stderr.matchAll(/^warning: partition payment_\d+ of payment: only the target has it; retort does not manage partitions: create it with op\.execute \((.*)\)$/gm)].map((m) => m[1]!);
    assert.equal(statements.length, 2, r.stderr);
    const target = createEngine(empty);
    try {
      await target.execute(r.stdout);
      for (const statement of statements) await target.execute(statement);
    } finally {
      await target.dispose();
    }
    const again = await retort(['diff', '--from', empty, '--to', url]);
    assert.doesNotMatch(again.stderr, /partition payment_/);
  });

  it('MySQL and SQLite refuse a partitioned table, naming it', () => {
    const table = models().snapshot('postgresql').tables[0]!;
    for (const dialect of [mysqlDialect, sqliteDialect]) {
      assert.throws(() => dialect.ddl.createTable(table), (e: unknown) => e instanceof OperationError && /table "payment" is PARTITION BY RANGE \(paid_at\)/.test(e.message));
    }
  });
});
