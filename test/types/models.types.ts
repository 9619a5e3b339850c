/**
 * Compile-time checks of the types inferred from column declarations. Nothing here runs: `tsc
 * --noEmit` (part of `npm test`) fails when inference breaks, either because an assignment
 * stops compiling or because a `@ts-expect-error` line stops being an error.
 */
import { Model, relationship, type InstanceOf } from '../../src/orm/index.js';
import { column, MetaData, Table, type Column, type ColumnValue, type RowOf } from '../../src/schema/index.js';
import { sql } from '../../src/sql/sql.js';

/** True only when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function expectType<T extends true>(_: T): void {}

// ---- builders
expectType<Equal<ColumnValue<ReturnType<typeof column.text>>, string | null>>(true);
const requiredTitle = column.string(200).notNull();
expectType<Equal<ColumnValue<typeof requiredTitle>, string>>(true);
const idColumn = column.integer().primaryKey();
expectType<Equal<ColumnValue<typeof idColumn>, number>>(true);
const backToNullable = column.integer().notNull().nullable();
expectType<Equal<ColumnValue<typeof backToNullable>, number | null>>(true);
const status = column.enum(['draft', 'published'] as const).notNull();
expectType<Equal<ColumnValue<typeof status>, 'draft' | 'published'>>(true);
const statusNoAsConst = column.enum(['a', 'b']);
expectType<Equal<ColumnValue<typeof statusNoAsConst>, 'a' | 'b' | null>>(true);
const doc = column.json<{ a: number }>().notNull();
expectType<Equal<ColumnValue<typeof doc>, { a: number }>>(true);
const scores = column.array(column.integer()).notNull();
expectType<Equal<ColumnValue<typeof scores>, number[]>>(true);
const tags = column.array(column.enum(['x', 'y'])).notNull();
expectType<Equal<ColumnValue<typeof tags>, ('x' | 'y')[]>>(true);
const vector = column.custom<Float32Array>('VECTOR(3)').notNull();
expectType<Equal<ColumnValue<typeof vector>, Float32Array>>(true);

// Every type's value.
const all = {
  integer: column.integer().notNull(),
  smallInteger: column.smallInteger().notNull(),
  bigInteger: column.bigInteger().notNull(),
  boolean: column.boolean().notNull(),
  string: column.string(10).notNull(),
  char: column.char(2).notNull(),
  text: column.text().notNull(),
  numeric: column.numeric(10, 2).notNull(),
  float: column.float().notNull(),
  double: column.double().notNull(),
  date: column.date().notNull(),
  time: column.time().notNull(),
  dateTime: column.dateTime().notNull(),
  json: column.json().notNull(),
  uuid: column.uuid().notNull(),
  largeBinary: column.largeBinary().notNull(),
  jsonb: column.jsonb<string[]>().notNull(),
  timestamptz: column.timestamptz().notNull(),
  inet: column.inet().notNull(),
  tinyint: column.tinyint().unsigned().notNull(),
  mediumint: column.mediumint().notNull(),
  tinytext: column.tinytext().notNull(),
  mediumtext: column.mediumtext().notNull(),
  longtext: column.longtext().notNull(),
};
expectType<Equal<RowOf<typeof all>, {
  integer: number; smallInteger: number; bigInteger: bigint; boolean: boolean; string: string; char: string;
  text: string; numeric: string; float: number; double: number; date: string; time: string; dateTime: Date;
  json: unknown; uuid: string; largeBinary: Uint8Array; jsonb: string[]; timestamptz: Date; inet: string;
  tinyint: number; mediumint: number; tinytext: string; mediumtext: string; longtext: string;
}>>(true);

// Client defaults are typed by the column.
column.integer().default(3);
column.dateTime().default(() => new Date());
// @ts-expect-error a string is not a number
column.integer().default('3');

// ---- models
const metadata = new MetaData();
const Base = Model.base(metadata);
const timestamps = {
  createdAt: column.dateTime().notNull().serverDefault(sql`CURRENT_TIMESTAMP`),
  updatedAt: column.dateTime(),
};

export class User extends Base.table({
  id: column.integer().primaryKey(),
  email: column.string(255).notNull().unique(),
  displayName: column.string(100),
  // A reference to a class declared later that refers back: must not break inference (TS2506).
  favouritePostId: column.integer().references(() => BlogPost.columns.id),
  ...timestamps,
}) {
  static posts = relationship(() => BlogPost, { backPopulates: 'author' });
}

export class BlogPost extends Base.table({
  id: column.integer().primaryKey(),
  authorId: column.integer().notNull().references(() => User.columns.id, { onDelete: 'cascade' }),
  parentId: column.integer().references(() => BlogPost.columns.id),
  title: column.string(200).notNull(),
  summary: column.text(),
  status: column.enum(['draft', 'published'], { name: 'post_status' }).notNull().serverDefault('draft'),
  meta: column.json<{ words: number }>(),
  ...timestamps,
}) {
  static author = relationship(() => User, { backPopulates: 'posts' });

  /** Methods on model classes see the typed columns. */
  headline(): string {
    return `${this.title} (${this.status})`;
  }
}

const post = new BlogPost({ title: 'Hello' });
const title: string = post.title;
const summary: string | null = post.summary;
const postStatus: 'draft' | 'published' = post.status;
const createdAt: Date = post.createdAt;
const updatedAt: Date | null = post.updatedAt;
const words: number | undefined = post.meta?.words;
const headline: string = post.headline();
expectType<Equal<typeof post.id, number>>(true);
expectType<Equal<typeof post.authorId, number>>(true);
expectType<Equal<typeof post.parentId, number | null>>(true);
expectType<Equal<InstanceOf<typeof User>['displayName'], string | null>>(true);
void [title, summary, postStatus, createdAt, updatedAt, words, headline];

// @ts-expect-error summary may be null
const notNullSummary: string = post.summary;
// @ts-expect-error no such column
void post.nope;
// @ts-expect-error status is a closed union
post.status = 'archived';
// @ts-expect-error init is typed by the columns
void new BlogPost({ title: 42 });
void notNullSummary;

// Static side.
const authorIdColumn: Column<number, false> = BlogPost.columns.authorId;
const usersTable: Table = User.table;
const tableName: string = BlogPost.tableName;
const postAuthor: typeof User = BlogPost.author.target();
void [authorIdColumn, usersTable, tableName, postAuthor];
// @ts-expect-error no such column on the static side either
void BlogPost.columns.nope;

// Plain tables are typed too.
const postTag = new Table(metadata, 'post_tag', {
  postId: column.integer().primaryKey().references(() => BlogPost.columns.id),
  tagId: column.integer().primaryKey(),
});
const tagIdColumn: Column<number, false> = postTag.columns.tagId;
void tagIdColumn;
