// A legacy MySQL schema written by hand, the way old dumps are: index names reused from table to
// table (MySQL keeps them per table), a SPATIAL index, views over the tables. `retort diff` from an
// empty database gives a script that applies and leaves nothing to do, two copies of the schema in
// databases of other names have no differences, and MetaData.reflect + createAll reproduce it.
// Then models with key prefixes (`KEY (meta_key(191))`), which the server keeps as the whole
// column once the prefix is as long as the column.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { compare, type CompareWarning } from '../../../src/autogenerate/index.js';
import { createEngine, MetaData, type Engine } from '../../../src/index.js';
import { compileOperations } from '../../../src/operations/index.js';
import { reverseAll } from '../../../src/operations/reverse.js';
import type { Operation } from '../../../src/operations/operation.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { column, Index, Table } from '../../../src/schema/index.js';
import type { SchemaSnapshot } from '../../../src/schema/snapshot.js';
import { sql } from '../../../src/sql/sql.js';
import { retort } from '../../helpers/cli.js';
import { forEachDialect } from '../../helpers/databases.js';

const LEGACY = [
  'CREATE TABLE depot (depot_id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT, label VARCHAR(40) NOT NULL,'
    + ' spot GEOMETRY NOT NULL, PRIMARY KEY (depot_id), SPATIAL KEY idx_spot (spot)) ENGINE=InnoDB',
  'CREATE TABLE truck (truck_id INT NOT NULL AUTO_INCREMENT, depot_id SMALLINT UNSIGNED NOT NULL, plate VARCHAR(12) NOT NULL,'
    + ' PRIMARY KEY (truck_id), KEY idx_fk_depot_id (depot_id), KEY idx_plate (plate),'
    + ' CONSTRAINT fk_truck_depot FOREIGN KEY (depot_id) REFERENCES depot (depot_id) ON DELETE RESTRICT ON UPDATE CASCADE) ENGINE=InnoDB',
  'CREATE TABLE driver (driver_id INT NOT NULL AUTO_INCREMENT, depot_id SMALLINT UNSIGNED NOT NULL, plate VARCHAR(12),'
    + ' PRIMARY KEY (driver_id), KEY idx_fk_depot_id (depot_id), UNIQUE KEY idx_plate (plate),'
    + ' CONSTRAINT fk_driver_depot FOREIGN KEY (depot_id) REFERENCES depot (depot_id) ON DELETE RESTRICT ON UPDATE CASCADE) ENGINE=InnoDB',
  "CREATE VIEW depot_trucks AS SELECT d.label AS depot, t.plate AS plate, 'x`.`y' AS odd FROM depot AS d JOIN truck AS t ON t.depot_id = d.depot_id",
];

async function load(engine: Engine): Promise<void> {
  await engine.withConnection(async (conn) => {
    for (const statement of LEGACY) await conn.execute(statement);
  });
}

/** Runs a `retort diff --sql` script statement by statement. */
async function apply(engine: Engine, script: string): Promise<void> {
  await engine.withConnection(async (conn) => {
    for (const statement of script.split(/;\n/).map((s) => s.trim().replace(/;$/, '')).filter(Boolean)) await conn.execute(statement);
  });
}

forEachDialect('a hand-written legacy MySQL schema', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let legacyUrl: string;
  let legacy: Engine;
  before(async () => {
    legacyUrl = await ctx.freshUrl('legacy');
    legacy = createEngine(legacyUrl);
    await load(legacy);
  });
  after(() => legacy.dispose());

  it('reads a SPATIAL index as its column, without the 32 the catalog gives as SUB_PART', async () => {
    const depot = (await inspect(legacy)).tables.find((t) => t.name === 'depot')!;
    assert.deepEqual(depot.indexes.map((i) => [i.name, i.columns, i.expressions, i.method]), [['idx_spot', ['spot'], null, 'spatial']]);
  });

  it('diff --sql from an empty database applies, then the databases differ only in the view', async () => {
    const emptyUrl = await ctx.freshUrl('legacy_empty');
    const empty = createEngine(emptyUrl);
    try {
      const r = await retort(['diff', '--from', emptyUrl, '--to', legacyUrl, '--sql']);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /CREATE SPATIAL INDEX `idx_spot` ON `depot` \(`spot`\);/);
      await apply(empty, r.stdout);
      const again = await retort(['diff', '--from', emptyUrl, '--to', legacyUrl]);
      assert.equal(again.stdout, '');
      assert.equal(again.stderr, 'warning: view depot_trucks: only the target has it; retort does not manage views: create it with op.execute\n');
    } finally {
      await empty.dispose();
    }
  });

  it('a copy in a database of another name has no differences, views included', async () => {
    const copyUrl = await ctx.freshUrl('legacy_copy');
    const copy = createEngine(copyUrl);
    try {
      await load(copy);
      const [a, b] = await Promise.all([inspect(legacy), inspect(copy)]);
      const view = a.views[0]!.definition!;
      assert.doesNotMatch(view, /`\w*legacy\w*`\./, 'no qualifier of the own database');
      assert.match(view, /'x`\.`y'/, 'string literals are left alone');
      assert.equal(view, b.views[0]!.definition);
      const r = await retort(['diff', '--from', copyUrl, '--to', legacyUrl]);
      assert.deepEqual([r.code, r.stdout.trim(), r.stderr], [0, 'no differences', '']);
    } finally {
      await copy.dispose();
    }
  });

  it('MetaData.reflect then createAll on a fresh database: index names repeated across tables, nothing to compare', async () => {
    const fresh = createEngine(await ctx.freshUrl('legacy_fresh'));
    try {
      const metadata = await MetaData.reflect(legacy);
      await metadata.createAll(fresh);
      const created = await inspect(fresh);
      assert.deepEqual(compare(metadata.snapshot('mysql'), created, { dialect: fresh.dialect }), []);
      const warnings: CompareWarning[] = [];
      const ops = compare(await inspect(legacy), created, { dialect: fresh.dialect, targetIsDatabase: true, onWarning: (w) => void warnings.push(w) });
      assert.deepEqual(ops, []);
      assert.deepEqual(warnings.map((w) => w.message), ['view depot_trucks: only the target has it; retort does not manage views: create it with op.execute']);
    } finally {
      await fresh.dispose();
    }
  });

  /** A key-value table whose key column is `keyLength` long, indexed on its first 191 characters. */
  function meta(keyLength: number): MetaData {
    const metadata = new MetaData();
    new Table(metadata, 'user_meta', {
      id: column.bigInteger().unsigned().primaryKey(),
      metaKey: column.string(keyLength),
      code: column.char(8).notNull(),
    }, new Index('ix_meta_key', [sql`\`meta_key\`(191)`]), new Index('ix_code', [sql`code(8) DESC`, sql`id ASC`]));
    return metadata;
  }

  async function migrate(db: Engine, ops: readonly Operation[], before: SchemaSnapshot): Promise<void> {
    await db.withConnection(async (conn) => {
      for (const s of compileOperations(ops, { dialect: db.dialect, snapshot: before })) await conn.execute(s.sql);
    });
  }

  it('a key prefix as long as its column is the column: no change after createAll, and a column shortened to the prefix converges and goes back', async () => {
    const db = createEngine(await ctx.freshUrl('legacy_prefix'));
    try {
      await meta(191).createAll(db);
      const created = await inspect(db);
      assert.deepEqual(created.tables[0]!.indexes.map((i) => [i.name, i.columns, i.expressions]), [
        ['ix_code', ['id'], ['`code` DESC', '`id`']],
        ['ix_meta_key', ['meta_key'], null],
      ]);
      assert.deepEqual(compare(meta(191).snapshot(db.dialect), created, { dialect: db.dialect }), []);

      await db.execute('DROP TABLE user_meta');
      await meta(255).createAll(db);
      const wide = await inspect(db);
      assert.deepEqual(wide.tables[0]!.indexes.find((i) => i.name === 'ix_meta_key')?.expressions, ['`meta_key`(191)']);
      const ops = compare(meta(191).snapshot(db.dialect), wide, { dialect: db.dialect });
      assert.deepEqual(ops.map((op) => op.kind), ['dropIndex', 'alterColumn', 'createIndex']);
      await migrate(db, ops, wide);
      const narrow = await inspect(db);
      assert.deepEqual(compare(meta(191).snapshot(db.dialect), narrow, { dialect: db.dialect }), []);
      await migrate(db, reverseAll(ops), narrow);
      assert.deepEqual((await inspect(db)).tables, wide.tables);
    } finally {
      await db.dispose();
    }
  });
});
