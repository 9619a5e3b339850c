import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SchemaError } from '../../src/errors/index.js';
import {
  CheckConstraint,
  column,
  ForeignKeyConstraint,
  Index,
  MetaData,
  PrimaryKeyConstraint,
  Table,
  UniqueConstraint,
} from '../../src/schema/index.js';

/** Asserts that `fn` throws a SchemaError whose message matches every pattern. */
function refuses(fn: () => unknown, ...patterns: RegExp[]): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof SchemaError, `a SchemaError, got ${String(e)}`);
    assert.equal(e.code, 'SCHEMA_INVALID');
    for (const p of patterns) assert.match(e.message, p);
    return true;
  });
}

function withParent(): MetaData {
  const md = new MetaData();
  new Table(md, 'parent', { id: column.integer().primaryKey(), code: column.string(10).notNull() });
  return md;
}

describe('schema validation', () => {
  test('two keys mapping to one database column name', () => {
    refuses(() => new Table(new MetaData(), 'post', { authorId: column.integer(), author_id: column.integer() }),
      /table "post"/, /"authorId" and "author_id"/, /"author_id"/);
    refuses(() => new Table(new MetaData(), 'post', { a: column.integer().name('x'), b: column.integer().name('x') }), /table "post"/, /"x"/);
  });

  test('a table defined twice in one MetaData (models and tables alike)', () => {
    const md = new MetaData();
    new Table(md, 'tag', { id: column.integer() });
    refuses(() => new Table(md, 'tag', { id: column.integer() }), /table "tag" is defined twice/);
    assert.doesNotThrow(() => new Table(md, 'tag', { id: column.integer() }, { schema: 'other' }));
  });

  test('a foreign key to an unknown table', () => {
    const md = withParent();
    new Table(md, 'child', { id: column.integer().primaryKey(), pId: column.integer().references('nowhere.id') });
    refuses(() => md.snapshot('sqlite'), /table "child", foreign key \(p_id\) refers to unknown table "nowhere"/);
  });

  test('a foreign key to an unknown column', () => {
    const md = withParent();
    new Table(md, 'child', { id: column.integer().primaryKey(), pId: column.integer().references('parent.nope') });
    refuses(() => md.snapshot('sqlite'), /table "child", foreign key \(p_id\) refers to unknown column "nope" of table "parent"/);
  });

  test('a composite foreign key whose column count differs', () => {
    const md = withParent();
    new Table(md, 'child', { id: column.integer().primaryKey(), a: column.integer(), b: column.integer() },
      new ForeignKeyConstraint(['a', 'b'], 'parent'));
    refuses(() => md.snapshot('postgresql'), /table "child", foreign key \(a, b\): 2 column\(s\) refer to 1 column\(s\) of table "parent"/);
    refuses(() => new ForeignKeyConstraint(['a', 'b'], 'parent', ['id']), /2 column\(s\) refer to 1/);
  });

  test('a reference function that returns something else, or throws', () => {
    const md = withParent();
    new Table(md, 'child', { id: column.integer().primaryKey(), pId: column.integer().references(() => 42) });
    refuses(() => md.snapshot('postgresql'), /table "child", foreign key \(p_id\): the reference function returned number/);
    const md2 = withParent();
    new Table(md2, 'child', { pId: column.integer().references(() => { throw new Error('boom'); }) });
    refuses(() => md2.snapshot('postgresql'), /table "child", foreign key \(p_id\): the reference function threw: boom/);
  });

  test('a foreign key into another MetaData', () => {
    const other = withParent();
    const md = new MetaData();
    const parent = other.table('parent');
    new Table(md, 'child', { pId: column.integer().references(() => parent.columns.id) });
    refuses(() => md.snapshot('postgresql'), /refers to table "parent" of another MetaData/);
  });

  test('constraints and indexes on unknown columns', () => {
    const cols = { id: column.integer().primaryKey() };
    refuses(() => new Table(new MetaData(), 't', cols, new Index(null, ['nope'])), /table "t": index refers to unknown column "nope"/);
    refuses(() => new Table(new MetaData(), 't', cols, new Index('ix_t', ['id'], { include: ['nope'] })), /table "t": index "ix_t" include refers to unknown column "nope"/);
    refuses(() => new Table(new MetaData(), 't', cols, new UniqueConstraint(['nope'])), /table "t": unique constraint refers to unknown column "nope"/);
    refuses(() => new Table(new MetaData(), 't', cols, new ForeignKeyConstraint(['nope'], 'x')), /table "t": foreign key refers to unknown column "nope"/);
    refuses(() => new Table(new MetaData(), 't', { a: column.integer() }, new PrimaryKeyConstraint(['nope'])), /primary key refers to unknown column "nope"/);
  });

  test('an enum without values', () => {
    refuses(() => column.enum([], { name: 'empty' }), /enum\(\{ name: 'empty' \}\): an enum needs at least one value/);
  });

  test('a string without length on MySQL', () => {
    const md = new MetaData();
    new Table(md, 'post', { id: column.integer().primaryKey(), title: column.string() });
    refuses(() => md.snapshot('mysql'), /table "post", column "title": a string needs a length on mysql/);
    assert.doesNotThrow(() => md.snapshot('postgresql'));
  });

  test('a column without a type (custom(\'\')) anywhere but SQLite', () => {
    const md = new MetaData();
    new Table(md, 'legacy', { id: column.integer().primaryKey(), extra: column.custom('') });
    refuses(() => md.snapshot('postgresql'), /table "legacy", column "extra": a column without a type \(custom\(''\)\) exists only on sqlite, not on postgresql/);
    refuses(() => md.snapshot('mysql'), /column "extra": a column without a type/);
    assert.equal(md.snapshot('sqlite').tables[0]!.columns[1]!.type.kind, 'custom');
  });

  test('a primary key column declared nullable: SQLite keeps such columns (a legacy of its early versions), the others refuse it', () => {
    const md = new MetaData();
    new Table(md, 't', { id: column.integer().primaryKey().nullable() });
    new Table(md, 'pair', { a: column.text().nullable(), b: column.text() }, new PrimaryKeyConstraint(['a', 'b']));
    for (const dialect of ['postgresql', 'mysql']) {
      refuses(() => md.snapshot(dialect), /table "pair", column "a": a primary key column cannot be declared nullable \(only SQLite keeps such columns\)|table "t", column "id": a primary key column/);
    }
    const sqlite = md.snapshot('sqlite');
    assert.deepEqual(sqlite.tables.map((t) => t.columns.map((c) => `${c.name}:${c.nullable}`)), [['a:true', 'b:false'], ['id:true']]);
  });

  test('a PrimaryKeyConstraint that disagrees with .primaryKey() columns', () => {
    refuses(() => new Table(new MetaData(), 't', { a: column.integer().primaryKey(), b: column.integer() }, new PrimaryKeyConstraint(['b'])), /disagrees/);
  });

  test('duplicate constraint names within a table', () => {
    const md = new MetaData();
    new Table(md, 't', { a: column.integer().unique('dup'), b: column.integer() }, new CheckConstraint('b > 0', 'dup'));
    refuses(() => md.snapshot('postgresql'), /table "t": the name "dup" is used by both the unique \(a\) and the check \(b > 0\)/);
  });

  test('.unique().index() on a column is one unique index', () => {
    const md = new MetaData();
    new Table(md, 't', { a: column.integer().unique().index() });
    const t = md.snapshot('postgresql').tables[0];
    assert.deepEqual(t?.uniques, []);
    assert.deepEqual(t?.indexes.map((i) => [i.name, i.columns, i.unique]), [['ix_t_a', ['a'], true]]);
  });

  test('generated names that collide', () => {
    const md = new MetaData();
    new Table(md, 't', { a: column.integer().unique() }, new UniqueConstraint(['a']));
    refuses(() => md.snapshot('sqlite'), /"uq_t_a"/);
  });

  test('index names must differ across the tables of a schema', () => {
    const md = new MetaData();
    new Table(md, 'a', { x: column.integer().index('ix_x') });
    new Table(md, 'b', { x: column.integer().index('ix_x') });
    refuses(() => md.snapshot('postgresql'), /the name "ix_x" is used by both table "a" index \(x\) and table "b" index \(x\)/);
    refuses(() => md.snapshot('sqlite'), /the name "ix_x" is used by both/);
  });

  test('MySQL keeps index and unique names per table, foreign key names per database', () => {
    const md = new MetaData();
    new Table(md, 'a', { id: column.integer().primaryKey(), x: column.integer().index('ix_x'), y: column.integer().unique('uq_y') });
    new Table(md, 'b', { id: column.integer().primaryKey(), x: column.integer().index('ix_x'), y: column.integer().unique('uq_y') });
    assert.deepEqual(md.snapshot('mysql').tables.map((t) => t.indexes.map((i) => i.name)), [['ix_x'], ['ix_x']]);
    new Table(md, 'c', { id: column.integer().primaryKey(), a: column.integer().references('a.id', { name: 'fk_parent' }) });
    new Table(md, 'd', { id: column.integer().primaryKey(), a: column.integer().references('a.id', { name: 'fk_parent' }) });
    refuses(() => md.snapshot('mysql'), /the name "fk_parent" is used by both table "c" foreign key \(a\) and table "d" foreign key \(a\)/);
  });

  test('odd inputs: not a builder, unknown table option, partial index on mysql', () => {
    refuses(() => new Table(new MetaData(), 't', { a: 42 as unknown as ReturnType<typeof column.integer> }), /"a" is not a column builder/);
    refuses(() => new Table(new MetaData(), 't', { a: column.integer() }, { comments: 'x' } as never), /unknown table option "comments"/);
    const md = new MetaData();
    new Table(md, 't', { a: column.integer() }, new Index(null, ['a'], { where: 'a > 0' }));
    refuses(() => md.snapshot('mysql'), /partial indexes/);
  });
});

describe('ON CONFLICT clauses (SQLite only)', () => {
  function models(): MetaData {
    const md = new MetaData();
    new Table(md, 't', { id: column.integer().primaryKey({ onConflict: 'ignore' }), name: column.text().unique({ onConflict: 'replace' }) });
    return md;
  }

  test('are kept in a SQLite snapshot, refused for the other dialects with the table and constraint named', () => {
    const t = models().snapshot('sqlite').tables[0]!;
    assert.deepEqual([t.primaryKey, t.uniques], [
      { name: 'pk_t', columns: ['id'], onConflict: 'IGNORE' },
      [{ name: 'uq_t_name', columns: ['name'], onConflict: 'REPLACE' }],
    ]);
    refuses(() => models().snapshot('postgresql'), /table "t", primary key \(id\)/, /ON CONFLICT IGNORE/, /sqlite only/);
    const md = new MetaData();
    new Table(md, 'u', { a: column.integer() }, new UniqueConstraint(['a'], { onConflict: 'FAIL' }));
    refuses(() => md.snapshot('mysql'), /table "u", unique constraint \(a\)/, /sqlite only, not on mysql/);
  });

  test('an unknown resolution, a unique index, and two clauses for one key are refused', () => {
    refuses(() => new UniqueConstraint(['a'], { onConflict: 'merge' as never }), /unknown onConflict "merge"/, /REPLACE/);
    refuses(() => new Table(new MetaData(), 't', { a: column.integer().unique({ onConflict: 'replace' }).index() }), /unique index/);
    refuses(() => new Table(new MetaData(), 't', {
      a: column.integer().primaryKey({ onConflict: 'replace' }),
      b: column.integer().primaryKey({ onConflict: 'ignore' }),
    }), /different onConflict/);
  });
});
