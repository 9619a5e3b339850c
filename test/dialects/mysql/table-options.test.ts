// MySQL table options: a table's own default collation (a latin1 table in a utf8mb4 database) and
// storage engine (MyISAM) are kept by reflection (columns sharing the table's collation carry
// none), a table recreated from the reflected schema gets them back, models declare them, and
// compare warns where a declared one (or, between databases, any) differs.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { compare } from '../../../src/autogenerate/index.js';
import { column, createEngine, MetaData, metadataFromSnapshot, Table, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { forEachDialect } from '../../helpers/databases.js';

function models(collation?: string): MetaData {
  const metadata = new MetaData();
  new Table(metadata, 'legacy', { id: column.integer().primaryKey(), name: column.string(40) }, collation === undefined ? {} : { collation });
  return metadata;
}

forEachDialect('MySQL table collations', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let engine: Engine;
  let copy: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('tablecoll'));
    copy = createEngine(await ctx.freshUrl('tablecoll_copy'));
    await engine.execute('CREATE TABLE legacy (id INT NOT NULL PRIMARY KEY, name VARCHAR(40)) DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci');
  });
  after(async () => {
    await engine.dispose();
    await copy.dispose();
  });

  it('reflection keeps the table collation; a table recreated from it has latin1 columns again', async () => {
    const snapshot = await inspect(engine);
    const legacy = snapshot.tables[0]!;
    assert.equal(legacy.collation, 'latin1_swedish_ci');
    assert.equal(legacy.columns[1]?.collation, undefined, 'the column shares the table collation');
    await metadataFromSnapshot(snapshot, { foreignKeysNeedIndex: true }).createAll(copy);
    const { rows } = await copy.execute<{ c: string }>(
      "SELECT CHARACTER_SET_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy' AND COLUMN_NAME = 'name'",
    );
    assert.deepEqual(rows, [{ c: 'latin1' }]);
    assert.deepEqual(compare(snapshot, await inspect(copy), { dialect: engine.dialect, targetIsDatabase: true }), []);
  });

  it('models: a declared collation is compared (a warning), an undeclared one is left alone', async () => {
    const reflected = await inspect(engine);
    const warnings = (md: MetaData, targetIsDatabase = false): string[] => {
      const out: string[] = [];
      compare(md.snapshot('mysql'), reflected, { dialect: engine.dialect, targetIsDatabase, onWarning: (w) => out.push(w.message) });
      return out;
    };
    assert.deepEqual(warnings(models('latin1_swedish_ci')), []);
    assert.deepEqual(warnings(models()), []);
    assert.match(warnings(models('utf8mb4_bin')).join('\n'), /table collation: the model has utf8mb4_bin, the database latin1_swedish_ci/);
    assert.match(warnings(models(), true).join('\n'), /table collation: the target has the database's default, the database latin1_swedish_ci/);
  });

  it('a model column declaring the collation it has by default (table or database) is no change', async () => {
    const reflected = await inspect(engine);
    const { rows } = await engine.execute<{ c: string }>('SELECT @@collation_database AS c');
    const databaseDefault = rows[0]!.c;
    assert.equal(reflected.collation, databaseDefault);
    const declared = (collation: string, tableCollation?: string): MetaData => {
      const metadata = new MetaData();
      new Table(metadata, 'legacy', { id: column.integer().primaryKey().autoincrement(false), name: column.string(40).collate(collation) }, tableCollation ? { collation: tableCollation } : {});
      return metadata;
    };
    assert.deepEqual(compare(declared('latin1_swedish_ci').snapshot('mysql'), reflected, { dialect: engine.dialect }), [], 'the table default');
    assert.equal(compare(declared('latin1_bin').snapshot('mysql'), reflected, { dialect: engine.dialect }).length, 1);
    await engine.execute('CREATE TABLE plain (id INT NOT NULL PRIMARY KEY, name VARCHAR(40))');
    const withPlain = await inspect(engine, { include: ['plain'] });
    const plain = new MetaData();
    new Table(plain, 'plain', { id: column.integer().primaryKey().autoincrement(false), name: column.string(40).collate(databaseDefault) });
    assert.deepEqual(compare(plain.snapshot('mysql'), withPlain, { dialect: engine.dialect }), [], 'the database default');
    await engine.execute('DROP TABLE plain');
  });

  it('a MyISAM table keeps its engine through reflection and recreation; InnoDB tables carry none', async () => {
    const source = createEngine(await ctx.freshUrl('tableengine'));
    const target = createEngine(await ctx.freshUrl('tableengine_copy'));
    try {
      await source.execute('CREATE TABLE words (id INT NOT NULL PRIMARY KEY, body TEXT, FULLTEXT KEY ft_body (body)) ENGINE=MyISAM');
      await source.execute('CREATE TABLE plain (id INT NOT NULL PRIMARY KEY)');
      const snapshot = await inspect(source);
      assert.deepEqual(snapshot.tables.map((t) => [t.name, t.engine]), [['plain', undefined], ['words', 'MyISAM']]);
      await metadataFromSnapshot(snapshot, { foreignKeysNeedIndex: true }).createAll(target);
      const { rows } = await target.execute<{ e: string }>("SELECT ENGINE AS e FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'words'");
      assert.deepEqual(rows, [{ e: 'MyISAM' }]);
      assert.deepEqual(compare(snapshot, await inspect(target), { dialect: source.dialect, targetIsDatabase: true }), []);
      const warnings: string[] = [];
      const innodb = { ...snapshot, tables: snapshot.tables.map((t) => (t.name === 'words' ? { ...t, engine: 'InnoDB' } : t)) };
      compare(innodb, snapshot, { dialect: source.dialect, onWarning: (w) => warnings.push(w.message) });
      assert.match(warnings.join('\n'), /table engine: the model has InnoDB, the database MyISAM/);
    } finally {
      await source.dispose();
      await target.dispose();
    }
  });

  it('createAll writes COLLATE= for a model that declares it', async () => {
    const fresh = createEngine(await ctx.freshUrl('tablecoll_model'));
    try {
      await models('latin1_swedish_ci').createAll(fresh);
      assert.equal((await inspect(fresh)).tables[0]?.collation, 'latin1_swedish_ci');
    } finally {
      await fresh.dispose();
    }
  });
});
