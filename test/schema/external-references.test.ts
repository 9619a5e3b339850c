// A foreign key to a table of another schema (PostgreSQL) or database (MySQL) that the models do
// not declare, such as Supabase's auth.users: the database has it and other code manages it.
// Models from MetaData.reflect carry such keys; they used to fail with 'refers to unknown table
// "auth.users"' in check and autogenerate. Now the key refers to it by name and columns.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compare } from '../../src/autogenerate/index.js';
import { SchemaError } from '../../src/errors/index.js';
import { column, createEngine, ForeignKeyConstraint, MetaData, parseUrl, Table, type Engine } from '../../src/index.js';
import { inspect } from '../../src/reflect/inspect.js';
import { forEachDialect } from '../helpers/databases.js';

describe('foreign keys to a table the models do not declare', () => {
  it('a schema-qualified reference with columns is kept by name; anything else unknown is an error', () => {
    const metadata = new MetaData();
    new Table(metadata, 'profile', {
      id: column.integer().primaryKey(),
      owner: column.uuid().notNull().references('auth.users.id', { onDelete: 'cascade' }),
    });
    const [fk] = metadata.snapshot('postgresql').tables[0]!.foreignKeys;
    assert.deepEqual({ ...fk }, {
      name: 'fk_profile_owner_users', columns: ['owner'], referredSchema: 'auth', referredTable: 'users', referredColumns: ['id'],
      onDelete: 'CASCADE', onUpdate: null, deferrable: false, initiallyDeferred: false,
    });
    assert.deepEqual(metadata.sortedTables.map((t) => t.name), ['profile']);

    const noColumns = new MetaData();
    new Table(noColumns, 'profile', { id: column.integer().primaryKey(), owner: column.uuid() }, new ForeignKeyConstraint(['owner'], 'auth.users'));
    assert.throws(() => noColumns.snapshot('postgresql'), (e: unknown) => e instanceof SchemaError
      && e.message === 'table "profile", foreign key (owner) refers to table "auth.users", which the models do not declare: name its columns (\'auth.users.id\')');
    // the table's own schema (or none) must hold what it names
    const unknown = new MetaData();
    new Table(unknown, 'profile', { id: column.integer().primaryKey(), owner: column.integer().references('nosuch.id') });
    assert.throws(() => unknown.snapshot('postgresql'), /refers to unknown table "nosuch"/);
  });
});

forEachDialect('a foreign key to another schema, reflected', (ctx) => {
  if (ctx.dialect === 'sqlite') return; // one database per file: no other schema to refer to
  let engine: Engine;
  let empty: Engine;
  let other: string;
  before(async () => {
    const url = await ctx.freshUrl('extref');
    engine = createEngine(url);
    empty = createEngine(await ctx.freshUrl('extref_empty'));
    if (ctx.dialect === 'postgresql') {
      other = 'auth';
      for (const e of [engine, empty]) await e.execute('CREATE SCHEMA auth; CREATE TABLE auth.users (id uuid PRIMARY KEY)');
    } else {
      other = parseUrl(await ctx.freshUrl('extref_auth')).database!;
      await engine.execute(`CREATE TABLE \`${other}\`.users (id CHAR(36) PRIMARY KEY)`);
    }
    const uuid = ctx.dialect === 'postgresql' ? 'uuid' : 'CHAR(36)';
    await engine.execute(`CREATE TABLE profile (id INTEGER PRIMARY KEY, owner ${uuid} NOT NULL,
      CONSTRAINT fk_owner FOREIGN KEY (owner) REFERENCES ${ctx.dialect === 'postgresql' ? 'auth' : `\`${other}\``}.users (id) ON DELETE CASCADE)`);
  });
  after(async () => {
    await engine.dispose();
    await empty.dispose();
  });

  it('MetaData.reflect gives models that compare equal to the database; createAll builds the key elsewhere', async () => {
    const metadata = await MetaData.reflect(engine);
    const database = await inspect(engine);
    assert.deepEqual(database.tables.map((t) => t.name), ['profile']);
    assert.deepEqual(compare(metadata.snapshot(engine.dialect), database, { dialect: engine.dialect }), []);
    const fk = database.tables[0]!.foreignKeys[0]!;
    assert.deepEqual([fk.referredSchema, fk.referredTable, fk.referredColumns], [other, 'users', ['id']]);

    // another database (PostgreSQL: with its own auth.users; MySQL: of the same server): the models build the key there
    await metadata.createAll(empty);
    const rebuilt = await inspect(empty);
    assert.deepEqual(compare(metadata.snapshot(empty.dialect), rebuilt, { dialect: empty.dialect }), []);
    assert.equal(rebuilt.tables[0]!.foreignKeys[0]!.referredSchema, other);
  });
});
