// Convergence scenarios about tables: create, drop, rename, comments, FK cycles between new
// tables, and the whole schema fixture (created from nothing, and changed with rows in it).
import { CheckConstraint, column, Index, MetaData } from '../../src/index.js';
import { Model, relationship } from '../../src/orm/index.js';
import { buildSchemaFixture, quoteFor } from '../fixtures/schema-fixture.js';
import type { TestDialect } from '../helpers/databases.js';
import { editSchema, newColumn, schema, table, type Scenario, type Seed } from './harness.js';

/** author <- post: the base most table scenarios start from. */
function blog(m: MetaData): void {
  table(m, 'author', { id: column.integer().primaryKey(), name: column.string(50).notNull() });
  table(m, 'post', {
    id: column.integer().primaryKey(),
    authorId: column.integer().notNull().references('author.id', { onDelete: 'cascade' }),
    title: column.string(100).notNull(),
  }, new Index(null, ['title']));
}

const blogRows = () => ({
  author: [{ id: 1, name: 'ann' }, { id: 2, name: 'bob' }],
  post: [{ id: 10, author_id: 1, title: 'first' }, { id: 11, author_id: 1, title: 'second' }, { id: 12, author_id: 2, title: 'third' }],
});

/** Two model classes; `related` adds the note -> member foreign key, a unique e-mail and an index. */
function models(related: boolean): MetaData {
  const metadata = new MetaData();
  const Base = Model.base(metadata);
  class Member extends Base.table({
    id: column.integer().primaryKey(),
    email: related ? column.string(100).notNull().unique() : column.string(100).notNull(),
  }) {}
  class Note extends Base.table({
    id: column.integer().primaryKey(),
    memberId: related ? column.integer().notNull().references(() => Member.columns.id, { onDelete: 'cascade' }).index() : column.integer().notNull(),
    text: column.string(200),
  }) {}
  class RelatedNote extends Note {
    static member = relationship(() => Member);
  }
  metadata.registerModels(Member, related ? RelatedNote : Note);
  return metadata;
}

/** The fixture with changes in its oddest tables (spaces, quotes, reserved words, non-ASCII) and its most referred one. */
function changedFixture(dialect: TestDialect): MetaData {
  return editSchema(buildSchemaFixture(dialect), dialect, (snapshot) => ({
    ...snapshot,
    tables: snapshot.tables.map((t) => {
      if (t.name === 'line item') {
        return {
          ...t,
          columns: [...t.columns.map((c) => (c.name === 'nick"name' ? { ...c, type: { kind: 'string', length: 60 } as const } : c)), newColumn('the note', { kind: 'text' })],
        };
      }
      if (t.name === 'select') return { ...t, indexes: [...t.indexes, { name: 'ix_select_group_order', columns: ['group', 'order'], unique: false, expressions: null, where: null, method: null }] };
      if (t.name === 'café') return { ...t, columns: t.columns.map((c) => (c.name === 'größe' ? { ...c, default: { kind: 'literal', value: 'klein' } as const } : c)) };
      if (t.name === 'user') return { ...t, columns: t.columns.map((c) => (c.name === 'display_name' ? { ...c, type: { kind: 'string', length: 150 } as const } : c)) };
      return t;
    }),
  }));
}

function fixtureRows(): Seed {
  return {
    user: [{ id: 1, email: 'ann@example.com', display_name: 'Ann' }, { id: 2, email: 'bob@example.com', display_name: null }],
    employee: [{ id: 1, user_id: 1, hired_on: '2024-01-02' }, { id: 2, user_id: 2, hired_on: '2024-03-04' }],
    order: [{ id: 1, user_id: 1, placed_at: '2024-05-06 07:08:09' }],
    'line item': [{ id: 1, 'order id': 1, 'unit price': '9.99', 'nick"name': 'q"uote' }, { id: 2, 'order id': 1, 'unit price': '0.50', "o'brien": 'x' }],
    select: [{ id: 1, from: 'here', group: 2, order: 3 }],
    café: [{ id: 1, größe: 'groß', naïve: true }],
  };
}

export const tableScenarios: readonly Scenario[] = [
  {
    name: 'create a table that refers to an existing one',
    before: () => schema(blog),
    after: () => schema((m) => {
      blog(m);
      table(m, 'comment', {
        id: column.integer().primaryKey(),
        postId: column.integer().notNull().references('post.id', { onDelete: 'cascade' }),
        authorId: column.integer().references('author.id', { onDelete: 'set null' }),
        body: column.text().notNull(),
      }, new Index(null, ['postId', 'authorId']), { comment: 'comments' });
    }),
    seed: blogRows,
    ops: ['createTable'],
  },
  {
    name: 'drop a table that refers to others, with rows',
    before: () => schema((m) => {
      blog(m);
      table(m, 'tag', { id: column.integer().primaryKey(), postId: column.integer().references('post.id'), label: column.string(20).notNull().unique() });
    }),
    after: () => schema(blog),
    seed: () => ({ ...blogRows(), tag: [{ id: 1, post_id: 10, label: 'x' }] }),
    ops: ['dropTable'],
  },
  {
    name: 'rename a table that others refer to, with rows',
    before: () => schema(blog),
    after: () => schema((m) => {
      table(m, 'writer', { id: column.integer().primaryKey(), name: column.string(50).notNull() });
      table(m, 'post', {
        id: column.integer().primaryKey(),
        authorId: column.integer().notNull().references('writer.id', { onDelete: 'cascade' }),
        title: column.string(100).notNull(),
      }, new Index(null, ['title']));
    }),
    renames: { tables: [{ from: 'author', to: 'writer' }] },
    seed: blogRows,
    ops: ['renameTable'],
  },
  {
    name: 'rename a column used by an index, a unique, a check and a foreign key',
    before: (dialect) => schema((m) => {
      table(m, 'author', { id: column.integer().primaryKey(), name: column.string(50).notNull() });
      table(m, 'book', {
        id: column.integer().primaryKey(),
        writerId: column.integer().references('author.id', { onDelete: 'cascade' }).index('ix_book_writer'),
        isbn: column.string(20).notNull().unique('uq_book_isbn'),
        pages: column.integer().notNull(),
      }, new CheckConstraint(`${quoteFor(dialect, 'pages')} > 0`, 'ck_book_pages'));
    }),
    after: (dialect) => schema((m) => {
      table(m, 'author', { id: column.integer().primaryKey(), name: column.string(50).notNull() });
      table(m, 'book', {
        id: column.integer().primaryKey(),
        authorId: column.integer().references('author.id', { onDelete: 'cascade', name: 'fk_book_writer_id_author' }).index('ix_book_writer'),
        code: column.string(20).notNull().unique('uq_book_isbn'),
        pageCount: column.integer().notNull(),
      }, new CheckConstraint(`${quoteFor(dialect, 'page_count')} > 0`, 'ck_book_pages'));
    }),
    renames: { columns: [{ table: 'book', from: 'writer_id', to: 'author_id' }, { table: 'book', from: 'isbn', to: 'code' }, { table: 'book', from: 'pages', to: 'page_count' }] },
    seed: () => ({ author: [{ id: 1, name: 'ann' }], book: [{ id: 1, writer_id: 1, isbn: '978-1', pages: 100 }, { id: 2, writer_id: null, isbn: '978-2', pages: 3 }] }),
    ops: ['renameColumn'],
  },
  {
    name: 'rename a table and its columns at once; the table refers to itself',
    before: () => schema((m) => table(m, 'node', {
      id: column.integer().primaryKey(),
      parent: column.integer().references('node.id', { onDelete: 'cascade' }),
      label: column.string(30),
    }, new Index(null, ['label']))),
    after: () => schema((m) => table(m, 'tree_node', {
      id: column.integer().primaryKey(),
      parentId: column.integer().references('tree_node.id', { onDelete: 'cascade' }),
      title: column.string(30),
    }, new Index(null, ['title']))),
    renames: { tables: [{ from: 'node', to: 'tree_node' }], columns: [{ table: 'tree_node', from: 'parent', to: 'parent_id' }, { table: 'tree_node', from: 'label', to: 'title' }] },
    seed: () => ({ node: [{ id: 1, parent: null, label: 'root' }, { id: 2, parent: 1, label: 'leaf' }, { id: 3, parent: 2, label: 'leaf' }] }),
    ops: ['renameTable', 'renameColumn'],
  },
  {
    name: 'rename a parent column that other tables refer to',
    before: () => schema(blog),
    after: () => schema((m) => {
      table(m, 'author', { authorId: column.integer().primaryKey(), name: column.string(50).notNull() });
      table(m, 'post', {
        id: column.integer().primaryKey(),
        authorId: column.integer().notNull().references('author.author_id', { onDelete: 'cascade' }),
        title: column.string(100).notNull(),
      }, new Index(null, ['title']));
    }),
    renames: { columns: [{ table: 'author', from: 'id', to: 'author_id' }] },
    seed: blogRows,
    ops: ['renameColumn'],
  },
  {
    name: 'drop a parent table: the foreign key of its child goes first',
    before: () => schema((m) => {
      blog(m);
      table(m, 'category', { id: column.integer().primaryKey(), label: column.string(20) });
      table(m, 'entry', { id: column.integer().primaryKey(), categoryId: column.integer().references('category.id', { onDelete: 'set null' }) });
    }),
    after: () => schema((m) => {
      blog(m);
      table(m, 'entry', { id: column.integer().primaryKey(), categoryId: column.integer() });
    }),
    seed: () => ({ ...blogRows(), category: [{ id: 1, label: 'x' }], entry: [{ id: 1, category_id: null }, { id: 2, category_id: null }] }),
    ops: ['dropForeignKey', 'dropTable'],
  },
  {
    name: 'model classes: a relationship gets its foreign key, columns unique and indexed',
    before: () => models(false),
    after: () => models(true),
    seed: () => ({ member: [{ id: 1, email: 'a@x' }, { id: 2, email: 'b@x' }], note: [{ id: 1, member_id: 1, text: 'hi' }, { id: 2, member_id: 2, text: 'yo' }] }),
    ops: ['addForeignKey', 'addUnique', 'createIndex'],
  },
  {
    name: 'table comments added, changed and removed',
    dialects: ['postgresql', 'mysql'],
    before: () => schema((m) => {
      table(m, 'a', { id: column.integer().primaryKey() });
      table(m, 'b', { id: column.integer().primaryKey() }, { comment: 'old' });
      table(m, 'c', { id: column.integer().primaryKey() }, { comment: 'goes away' });
    }),
    after: () => schema((m) => {
      table(m, 'a', { id: column.integer().primaryKey() }, { comment: "added, it's new" });
      table(m, 'b', { id: column.integer().primaryKey() }, { comment: 'changed' });
      table(m, 'c', { id: column.integer().primaryKey() });
    }),
    seed: () => ({ a: [{ id: 1 }], b: [{ id: 2 }], c: [{ id: 3 }] }),
    ops: ['setTableComment'],
  },
  {
    name: 'two new tables in a foreign key cycle',
    before: () => schema(blog),
    after: () => schema((m) => {
      blog(m);
      table(m, 'team', {
        id: column.integer().primaryKey(),
        captainId: column.integer().references('player.id', { onDelete: 'set null' }),
      });
      table(m, 'player', {
        id: column.integer().primaryKey(),
        teamId: column.integer().references('team.id', { onDelete: 'cascade' }),
        authorId: column.integer().references('author.id'),
      });
    }),
    seed: blogRows,
    ops: ['createTable'],
  },
  {
    name: 'the schema fixture with rows: odd names changed, a referred table rebuilt',
    before: (dialect) => buildSchemaFixture(dialect),
    after: changedFixture,
    seed: fixtureRows,
    ops: ['alterColumn', 'addColumn', 'createIndex'],
  },
  {
    name: 'the whole schema fixture created from nothing and dropped again',
    before: () => new MetaData(),
    after: (dialect) => buildSchemaFixture(dialect),
    ops: ['createTable'],
  },
];
