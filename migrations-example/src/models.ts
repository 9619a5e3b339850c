import { MetaData, Model, column, relationship, sql } from 'retort';

// A small blog: users write posts, readers comment, posts carry tags (many-to-many).
// retort compares these tables with the database (`retort check`) and writes the migration
// between them (`retort revision --autogenerate -m "..."`).
export const metadata = new MetaData();
const Base = Model.base(metadata);

/** A mixin: every table that spreads it gets created_at / updated_at. */
const timestamps = {
  createdAt: column.dateTime({ timezone: true }).notNull().serverDefault(sql`CURRENT_TIMESTAMP`),
  updatedAt: column.dateTime({ timezone: true }),
};

export class User extends Base.table({            // table "user" (a reserved word: always quoted)
  id: column.integer().primaryKey(),
  email: column.string(255).notNull().unique(),
  displayName: column.string(100),            // column "display_name" (was "name")
  ...timestamps,
}) {
  static posts = relationship(() => Post, { backPopulates: 'author' });
}

export class Post extends Base.table({
  id: column.integer().primaryKey(),
  authorId: column.integer().notNull().references(() => User.columns.id, { onDelete: 'cascade' }),
  title: column.string(200).notNull(),
  summary: column.string(300),
  body: column.text(),
  publishedAt: column.dateTime({ timezone: true }).index(),
  ...timestamps,
}) {
  static author = relationship(() => User, { backPopulates: 'posts' });
  static comments = relationship(() => Comment, { backPopulates: 'post' });
  static tags = relationship(() => Tag, { secondary: 'post_tag' });   // creates the association table post_tag
}

export class Comment extends Base.table({
  id: column.integer().primaryKey(),
  postId: column.integer().notNull().references(() => Post.columns.id, { onDelete: 'cascade' }),
  authorId: column.integer().references(() => User.columns.id, { onDelete: 'set null' }),
  body: column.text().notNull(),
  ...timestamps,
}) {
  static post = relationship(() => Post, { backPopulates: 'comments' });
}

export class Tag extends Base.table({
  id: column.integer().primaryKey(),
  name: column.string(50).notNull().unique(),
}) {}
