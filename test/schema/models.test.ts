import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SchemaError } from '../../src/errors/index.js';
import { isModelClass, Model, relationship } from '../../src/orm/index.js';
import { column, findTable, MetaData, Table, UniqueConstraint } from '../../src/schema/index.js';
import { sql } from '../../src/sql/sql.js';

const timestamps = {
  createdAt: column.dateTime().notNull().serverDefault(sql`CURRENT_TIMESTAMP`),
  updatedAt: column.dateTime(),
};

describe('model classes', () => {
  test('table names: snake_case of the class name, or tableName', () => {
    const md = new MetaData();
    const Base = Model.base(md);
    class User extends Base.table({ id: column.integer().primaryKey() }) {}
    class BlogPost extends Base.table({ id: column.integer().primaryKey() }) {}
    class HTTPResponse extends Base.table({ id: column.integer().primaryKey() }) {}
    class OAuth2Token extends Base.table({ id: column.integer().primaryKey() }) {}
    class Person extends Base.table({ id: column.integer().primaryKey() }, { tableName: 'people' }) {}
    class Box extends Base.table({ id: column.integer().primaryKey() }) {
      static override tableName = 'boxes';
    }
    md.registerModels(User, BlogPost, HTTPResponse, OAuth2Token, Person, Box);
    assert.deepEqual([User, BlogPost, HTTPResponse, OAuth2Token, Person, Box].map((m) => m.tableName),
      ['user', 'blog_post', 'http_response', 'o_auth2_token', 'people', 'boxes']);
    assert.deepEqual(md.tables.map((t) => t.name).sort(), ['blog_post', 'boxes', 'http_response', 'o_auth2_token', 'people', 'user']);
  });

  test('static side: table, columns (typed refs), metadata; instances take a partial init', () => {
    const md = new MetaData();
    const Base = Model.base(md);
    class Post extends Base.table({ id: column.integer().primaryKey(), authorId: column.integer().notNull(), title: column.string(200).notNull() }) {}
    assert.ok(Post.table instanceof Table);
    assert.equal(Post.table.metadata, md);
    assert.equal(Post.metadata, md);
    assert.equal(Post.columns.authorId.name, 'author_id');
    assert.equal(Post.columns.authorId.table, Post.table);
    const post = new Post({ title: 'Hello' });
    assert.ok(post instanceof Post);
    assert.equal(post.title, 'Hello');
    assert.ok(isModelClass(Post, md));
    assert.ok(!isModelClass(Post, new MetaData()));
  });

  test('binding happens on first use: new, .columns, references reaching the class', () => {
    const md = new MetaData();
    const Base = Model.base(md);
    class Author extends Base.table({ id: column.integer().primaryKey() }) {}
    class Article extends Base.table({
      id: column.integer().primaryKey(),
      authorId: column.integer().references(() => Author.columns.id),
    }) {}
    void new Article();
    // Author is reached through Article's reference when the schema resolves.
    assert.deepEqual(md.tables.map((t) => t.name).sort(), ['article', 'author']);
  });

  test('mixins: one object of builders spread into several classes', () => {
    const md = new MetaData();
    const Base = Model.base(md);
    class A extends Base.table({ id: column.integer().primaryKey(), ...timestamps }) {}
    class B extends Base.table({ id: column.integer().primaryKey(), name: column.string(20), ...timestamps }) {}
    md.registerModels(A, B);
    const snap = md.snapshot('postgresql');
    assert.deepEqual(findTable(snap, 'a')?.columns.map((c) => c.name), ['id', 'created_at', 'updated_at']);
    assert.deepEqual(findTable(snap, 'b')?.columns.map((c) => c.name), ['id', 'name', 'created_at', 'updated_at']);
    assert.deepEqual(findTable(snap, 'b')?.columns[2]?.default, { kind: 'expression', sql: 'CURRENT_TIMESTAMP' });
  });

  test('options: comment, schema, constraints with keys or database names', () => {
    const md = new MetaData();
    const Base = Model.base(md);
    class Slugged extends Base.table({
      id: column.integer().primaryKey(), ownerId: column.integer(), slug: column.string(40),
    }, { comment: 'x', schema: 'app', constraints: [new UniqueConstraint(['ownerId', 'slug'])] }) {}
    assert.equal(Slugged.table.schema, 'app');
    const t = md.snapshot('postgresql').tables[0];
    assert.deepEqual([t?.comment, t?.schema, t?.uniques[0]?.name, t?.uniques[0]?.columns], ['x', 'app', 'uq_slugged_owner_id_slug', ['owner_id', 'slug']]);
  });

  test('registerModels with a module-namespace-like object ignores other exports', () => {
    const md = new MetaData();
    const Base = Model.base(md);
    class Lonely extends Base.table({ id: column.integer().primaryKey() }) {}
    md.registerModels({ Lonely, metadata: md, helper: () => 1, answer: 42 });
    assert.deepEqual(md.tables.map((t) => t.name), ['lonely']);
    assert.throws(() => md.registerModels(() => 1), /not a model class of this MetaData/);
  });

  test('several MetaData side by side, nothing shared', () => {
    const one = new MetaData();
    const two = new MetaData();
    class Thing extends Model.base(one).table({ id: column.integer().primaryKey() }) {}
    class Thing2 extends Model.base(two).table({ id: column.integer().primaryKey() }, { tableName: 'thing' }) {}
    one.registerModels(Thing);
    assert.throws(() => two.registerModels(Thing), /not a model class of this MetaData/);
    assert.deepEqual(one.tables.map((t) => t.name), ['thing']);
    assert.deepEqual(two.tables.map((t) => t.name), ['thing']);
    assert.notEqual(Thing.table, Thing2.table);
  });
});

describe('unbound models', () => {
  test('snapshot() names the model, its columns and where it was declared, and how to fix it', () => {
    const md = new MetaData();
    const Base = Model.base(md);
    class Forgotten extends Base.table({ id: column.integer().primaryKey(), label: column.string(10) }) {}
    void Forgotten;
    assert.throws(() => md.snapshot('sqlite'), (e: unknown) => {
      assert.ok(e instanceof SchemaError);
      assert.match(e.message, /1 model\(s\) are not bound/);
      assert.match(e.message, /declared at .*models\.test\.ts:\d+ with columns \(id, label\)/);
      assert.match(e.message, /registerModels/);
      assert.match(e.message, /tableName/);
      return true;
    });
    md.registerModels(Forgotten);
    assert.equal(md.snapshot('sqlite').tables[0]?.name, 'forgotten');
  });

  test('using the generated base directly, or extending it twice, is refused', () => {
    const md = new MetaData();
    const Base = Model.base(md);
    const Generated = Base.table({ id: column.integer().primaryKey() });
    assert.throws(() => Generated.table, /used directly/);
    class One extends Generated {}
    class Two extends Generated {}
    assert.equal(One.tableName, 'one');
    assert.throws(() => Two.tableName, /extended by two classes \(One and Two\)/);
  });

  test('a subclass of a model class shares its table', () => {
    const md = new MetaData();
    class Animal extends Model.base(md).table({ id: column.integer().primaryKey() }) {}
    class Dog extends Animal {}
    assert.equal(Dog.table, Animal.table);
    assert.equal(Dog.tableName, 'animal');
  });
});

describe('relationships', () => {
  test('one-to-many / many-to-one need a foreign key between the tables', () => {
    const md = new MetaData();
    const Base = Model.base(md);
    class Writer extends Base.table({ id: column.integer().primaryKey() }) {
      static books = relationship(() => Book, { backPopulates: 'writer' });
    }
    class Book extends Base.table({ id: column.integer().primaryKey(), writerId: column.integer().references(() => Writer.columns.id) }) {
      static writer = relationship(() => Writer, { backPopulates: 'books' });
    }
    md.registerModels(Writer, Book);
    md.resolve();
    assert.equal(Writer.books.resolved?.direction, 'oneToMany');
    assert.equal(Book.writer.resolved?.direction, 'manyToOne');
    assert.equal(Book.writer.resolved?.foreignKeyTable, Book.table);
  });

  test('no foreign key: a clear error', () => {
    const md = new MetaData();
    const Base = Model.base(md);
    class Left extends Base.table({ id: column.integer().primaryKey() }) {
      static rights = relationship(() => Right);
    }
    class Right extends Base.table({ id: column.integer().primaryKey() }) {}
    md.registerModels(Left, Right);
    assert.throws(() => md.snapshot('sqlite'), /relationship Left\.rights: no foreign key links table "left" and table "right"/);
  });

  test('two foreign keys: foreignKey chooses, otherwise an error', () => {
    const build = (withChoice: boolean): MetaData => {
      const md = new MetaData();
      const Base = Model.base(md);
      class Person extends Base.table({ id: column.integer().primaryKey() }) {}
      class Letter extends Base.table({
        id: column.integer().primaryKey(),
        senderId: column.integer().references(() => Person.columns.id),
        recipientId: column.integer().references(() => Person.columns.id),
      }) {
        static sender = relationship(() => Person, withChoice ? { foreignKey: () => Letter.columns.senderId } : {});
      }
      md.registerModels(Letter);
      return md;
    };
    assert.throws(() => build(false).snapshot('sqlite'), /relationship Letter\.sender: 2 foreign keys link "letter" and "person".*choose one with foreignKey/);
    assert.doesNotThrow(() => build(true).snapshot('sqlite'));
  });

  test('backPopulates must name a relationship pointing back', () => {
    const md = new MetaData();
    const Base = Model.base(md);
    class Owner extends Base.table({ id: column.integer().primaryKey() }) {
      static pets = relationship(() => Pet, { backPopulates: 'owner' });
    }
    class Pet extends Base.table({ id: column.integer().primaryKey(), ownerId: column.integer().references(() => Owner.columns.id) }) {}
    md.registerModels(Owner, Pet);
    assert.throws(() => md.snapshot('sqlite'), /relationship Owner\.pets: backPopulates "owner", but Pet\.owner is not a relationship/);
  });

  test('many-to-many with a secondary name creates the association table once, with cascading FKs', () => {
    const md = new MetaData();
    const Base = Model.base(md);
    class Post extends Base.table({ id: column.integer().primaryKey(), ...timestamps }) {
      static tags = relationship(() => Tag, { secondary: 'post_tag', backPopulates: 'posts' });
    }
    class Tag extends Base.table({ code: column.string(20).primaryKey() }) {
      static posts = relationship(() => Post, { secondary: 'post_tag', backPopulates: 'tags' });
    }
    md.registerModels(Post, Tag);
    const snap = md.snapshot('postgresql');
    assert.deepEqual(snap.tables.map((t) => t.name), ['post', 'post_tag', 'tag']);
    const assoc = findTable(snap, 'post_tag');
    assert.deepEqual(assoc?.columns.map((c) => [c.name, c.type, c.nullable, c.autoincrement]), [
      ['post_id', { kind: 'integer' }, false, false],
      ['tag_code', { kind: 'string', length: 20 }, false, false],
    ]);
    assert.deepEqual(assoc?.primaryKey, { name: 'pk_post_tag', columns: ['post_id', 'tag_code'] });
    assert.deepEqual(assoc?.foreignKeys.map((f) => [f.name, f.columns, f.referredTable, f.referredColumns, f.onDelete]), [
      ['fk_post_tag_post_id_post', ['post_id'], 'post', ['id'], 'CASCADE'],
      ['fk_post_tag_tag_code_tag', ['tag_code'], 'tag', ['code'], 'CASCADE'],
    ]);
    assert.equal(Post.tags.resolved?.direction, 'manyToMany');
    assert.equal(Post.tags.resolved?.secondary, Tag.posts.resolved?.secondary);
    // Resolving again changes nothing.
    assert.deepEqual(md.snapshot('postgresql'), snap);
  });

  test('many-to-many with an existing Table must have FKs to both sides', () => {
    const md = new MetaData();
    const Base = Model.base(md);
    class Student extends Base.table({ id: column.integer().primaryKey() }) {
      static courses = relationship(() => Course, { secondary: () => enrollment });
      static clubs = relationship(() => Course, { secondary: () => notAssoc });
    }
    class Course extends Base.table({ id: column.integer().primaryKey() }) {}
    const enrollment = new Table(md, 'enrollment', {
      studentId: column.integer().primaryKey().references(() => Student.columns.id),
      courseId: column.integer().primaryKey().references(() => Course.columns.id),
    });
    const notAssoc = new Table(md, 'not_assoc', { studentId: column.integer().references(() => Student.columns.id) });
    md.registerModels(Student, Course);
    assert.throws(() => md.snapshot('sqlite'), /relationship Student\.clubs: the association table "not_assoc" needs foreign keys to both "student" and "course"/);
  });

  test('a relationship whose target is not a model', () => {
    const md = new MetaData();
    class Solo extends Model.base(md).table({ id: column.integer().primaryKey() }) {
      static bad = relationship(() => Table);
    }
    md.registerModels(Solo);
    assert.throws(() => md.snapshot('sqlite'), /relationship Solo\.bad: the target must be a model class of the same MetaData/);
  });

  test('relationships bind the models they reach', () => {
    const md = new MetaData();
    const Base = Model.base(md);
    class Hub extends Base.table({ id: column.integer().primaryKey() }) {
      static spokes = relationship(() => Spoke);
    }
    class Spoke extends Base.table({ id: column.integer().primaryKey(), hubId: column.integer().references(() => Hub.columns.id) }) {}
    md.registerModels(Hub);
    assert.deepEqual(md.tables.map((t) => t.name).sort(), ['hub', 'spoke']);
    void Spoke;
  });
});
