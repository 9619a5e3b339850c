// Convergence scenarios about enums (PostgreSQL named types, MySQL inline values) and the
// changes SQLite carries out by rebuilding tables with rows and foreign keys in and out
// (run on every dialect: what is a rebuild on SQLite is an ALTER elsewhere).
import assert from 'node:assert/strict';
import {
  CheckConstraint,
  column,
  ForeignKeyConstraint,
  Index,
  UniqueConstraint,
  type ColumnsShape,
  type Engine,
  type MetaData,
  type TableItem,
} from '../../src/index.js';
import { schema, table, type Scenario } from './harness.js';

const ticket = (status: ColumnsShape = {}) => schema((m) => table(m, 'ticket', { id: column.integer().primaryKey(), title: column.string(40).notNull(), ...status }));

const tickets = () => ({ ticket: [{ id: 1, title: 'a', status: 'open' }, { id: 2, title: 'b', status: 'closed' }, { id: 3, title: 'c', status: null }] });

/** author <- post (ON DELETE CASCADE) <- comment (ON DELETE CASCADE), with `post` as given. */
function blog(post: ColumnsShape, postItems: TableItem[] = [], authorName = column.string(50).notNull()): MetaData {
  return schema((m) => {
    table(m, 'author', { id: column.integer().primaryKey(), name: authorName });
    table(m, 'post', { id: column.integer().primaryKey(), ...post }, ...postItems);
    table(m, 'comment', {
      id: column.integer().primaryKey(),
      postId: column.integer().notNull().references('post.id', { onDelete: 'cascade' }),
      body: column.string(200).notNull(),
    });
  });
}

const postColumns = (): ColumnsShape => ({
  authorId: column.integer().notNull().references('author.id', { onDelete: 'cascade' }),
  title: column.string(100).notNull(),
});

const blogRows = (post: (id: number, author: number) => Record<string, string | number | null> = () => ({})) => () => ({
  author: [{ id: 1, name: 'ann' }, { id: 2, name: 'bob' }],
  post: [{ id: 10, author_id: 1, title: 'one', ...post(10, 1) }, { id: 11, author_id: 1, title: 'two', ...post(11, 1) }, { id: 12, author_id: 2, title: 'three', ...post(12, 2) }],
  comment: [{ id: 100, post_id: 10, body: 'nice' }, { id: 101, post_id: 10, body: 'meh' }, { id: 102, post_id: 12, body: 'wow' }],
});

async function count(engine: Engine, table: string): Promise<number> {
  const { rows } = await engine.execute(`SELECT COUNT(*) AS n FROM ${engine.dialect.quoteIdentifier(table)}`);
  return Number(rows[0]?.n);
}

/** At the very end: deleting an author still cascades to its posts and their comments. */
async function cascadeStillWorks(engine: Engine, phase: string): Promise<void> {
  if (phase !== 'downgraded') return;
  await engine.execute('DELETE FROM author WHERE id = 1');
  assert.deepEqual([await count(engine, 'post'), await count(engine, 'comment')], [1, 1], 'the cascade reaches post and comment');
}

export const rebuildScenarios: readonly Scenario[] = [
  {
    name: 'PostgreSQL enum created with a new column',
    dialects: ['postgresql'],
    before: () => ticket(),
    after: () => ticket({ priority: column.enum(['low', 'high'], { name: 'ticket_priority' }).notNull().serverDefault('low') }),
    seed: () => ({ ticket: [{ id: 1, title: 'a' }] }),
    ops: ['createEnum', 'addColumn'],
  },
  {
    name: 'PostgreSQL enum dropped with its column',
    dialects: ['postgresql'],
    before: () => ticket({ status: column.enum(['open', 'closed'], { name: 'ticket_status' }) }),
    after: () => ticket(),
    seed: tickets,
    ops: ['dropColumn', 'dropEnum'],
  },
  {
    name: 'PostgreSQL enum value added in the middle and at the end',
    dialects: ['postgresql'],
    before: () => ticket({ status: column.enum(['open', 'closed'], { name: 'ticket_status' }).serverDefault('open') }),
    after: () => ticket({ status: column.enum(['open', 'pending', 'closed', 'archived'], { name: 'ticket_status' }).serverDefault('open') }),
    seed: tickets,
    ops: ['addEnumValue'],
  },
  {
    name: 'PostgreSQL enum value removed (no row uses it)',
    dialects: ['postgresql'],
    before: () => ticket({ status: column.enum(['open', 'pending', 'closed'], { name: 'ticket_status' }).notNull().serverDefault('open') }),
    after: () => ticket({ status: column.enum(['open', 'closed'], { name: 'ticket_status' }).notNull().serverDefault('open') }),
    seed: () => ({ ticket: [{ id: 1, title: 'a', status: 'open' }, { id: 2, title: 'b', status: 'closed' }] }),
    ops: ['dropEnumValue'],
  },
  {
    name: 'PostgreSQL varchar column becomes an enum, its default kept',
    dialects: ['postgresql'],
    before: () => ticket({ status: column.string(10).notNull().serverDefault('open') }),
    after: () => ticket({ status: column.enum(['open', 'closed'], { name: 'ticket_status' }).notNull().serverDefault('open') }),
    seed: () => ({ ticket: [{ id: 1, title: 'a', status: 'open' }, { id: 2, title: 'b', status: 'closed' }] }),
    ops: ['createEnum', 'alterColumn'],
  },
  {
    name: 'PostgreSQL enum value removed from a type two tables use, one as an array',
    dialects: ['postgresql'],
    before: () => schema((m) => {
      const status = () => column.enum(['open', 'pending', 'closed'], { name: 'ticket_status' });
      table(m, 'ticket', { id: column.integer().primaryKey(), status: status().notNull().serverDefault('pending') });
      table(m, 'board', { id: column.integer().primaryKey(), shown: column.array(status()) });
    }),
    after: () => schema((m) => {
      const status = () => column.enum(['open', 'closed'], { name: 'ticket_status' });
      table(m, 'ticket', { id: column.integer().primaryKey(), status: status().notNull().serverDefault('open') });
      table(m, 'board', { id: column.integer().primaryKey(), shown: column.array(status()) });
    }),
    seed: () => ({ ticket: [{ id: 1, status: 'open' }, { id: 2, status: 'closed' }], board: [{ id: 1, shown: '{open,closed}' }, { id: 2, shown: null }] }),
    ops: ['dropEnumValue', 'alterColumn'],
  },
  {
    name: 'MySQL inline enum values changed',
    dialects: ['mysql'],
    before: () => ticket({ status: column.enum(['open', 'closed']).serverDefault('open') }),
    after: () => ticket({ status: column.enum(['open', 'pending', 'closed', 'archived']).serverDefault('pending') }),
    seed: tickets,
    ops: ['alterColumn'],
  },
  {
    name: 'enum column added to a table with rows',
    before: () => ticket(),
    after: () => ticket({ status: column.enum(['open', 'closed'], { name: 'ticket_status' }).notNull().serverDefault('open') }),
    seed: () => ({ ticket: [{ id: 1, title: 'a' }, { id: 2, title: 'b' }] }),
    ops: ['addColumn'],
  },
  {
    name: 'type of a parent column altered: ON DELETE CASCADE children keep their rows',
    before: () => blog(postColumns()),
    after: () => blog(postColumns(), [], column.string(120).notNull()),
    seed: blogRows(),
    ops: ['alterColumn'],
    check: (engine, phase) => cascadeStillWorks(engine, phase),
  },
  {
    name: 'columns of a child table dropped, its foreign key column among them',
    before: () => blog({ ...postColumns(), editorId: column.integer().references('author.id', { onDelete: 'set null' }), legacy: column.string(20) }),
    after: () => blog(postColumns()),
    seed: blogRows((id) => ({ editor_id: 2, legacy: `l${id}` })),
    ops: ['dropColumn', 'dropForeignKey'],
    check: (engine, phase) => cascadeStillWorks(engine, phase),
  },
  {
    name: 'foreign key added to a table with rows that is itself referred to',
    before: () => blog({ authorId: column.integer().notNull(), title: column.string(100).notNull() }),
    after: () => blog(postColumns()),
    seed: blogRows(),
    ops: ['addForeignKey'],
    async check(engine, phase) {
      if (phase === 'upgraded') await assert.rejects(engine.execute("INSERT INTO post (id, author_id, title) VALUES (99, 42, 'x')"), 'the new FK is enforced');
      else assert.equal(await count(engine, 'comment'), 3);
    },
  },
  {
    name: 'many changes at once in one table (one SQLite rebuild)',
    before: () => blog({
      ...postColumns(),
      body: column.text(),
      slug: column.string(40),
      views: column.integer(),
      status: column.string(10).notNull().serverDefault('draft'),
      legacy: column.string(20),
    }, [new Index('ix_post_slug', ['slug'])]),
    after: () => blog({
      ...postColumns(),
      content: column.text(),
      slug: column.string(80).notNull(),
      views: column.bigInteger().notNull().serverDefault(0),
      status: column.string(10).notNull().serverDefault('published'),
      editorId: column.integer(),
      summary: column.string(200),
    }, [
      new UniqueConstraint(['slug']),
      new Index('ix_post_title_status', ['title', 'status']),
      new CheckConstraint('views >= 0', 'ck_post_views'),
      new ForeignKeyConstraint(['editorId'], 'author', ['id'], { name: 'fk_post_editor', onDelete: 'set null' }),
    ]),
    renames: { columns: [{ table: 'post', from: 'body', to: 'content' }] },
    seed: blogRows((id) => ({ body: `body ${id}`, slug: `s${id}`, views: id, status: 'draft', legacy: 'x' })),
    ops: ['renameColumn', 'alterColumn', 'addColumn', 'dropColumn', 'dropIndex', 'createIndex', 'addUnique', 'addCheck', 'addForeignKey'],
    check: (engine, phase) => cascadeStillWorks(engine, phase),
  },
];
