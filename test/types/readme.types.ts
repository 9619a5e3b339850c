/**
 * The README's code, compiled by `tsc --noEmit` (part of `npm test`) through the package's own name:
 * when the public API drifts from what the README shows, the type check fails. Nothing here runs.
 */
import {
  CheckConstraint,
  createEngine,
  current,
  check,
  defineConfig,
  ForeignKeyConstraint,
  Index,
  MetaData,
  Model,
  PrimaryKeyConstraint,
  Table,
  UniqueConstraint,
  column,
  relationship,
  sql,
  upgrade,
  type Operations,
} from 'retort';

export const metadata = new MetaData();
const Base = Model.base(metadata);

const timestamps = {
  createdAt: column.dateTime({ timezone: true }).notNull().serverDefault(sql`CURRENT_TIMESTAMP`),
  updatedAt: column.dateTime({ timezone: true }),
};

export class User extends Base.table({
  id: column.integer().primaryKey(),
  email: column.string(255).notNull().unique(),
  displayName: column.string(100),
  ...timestamps,
}) {
  static posts = relationship(() => BlogPost, { backPopulates: 'author' });
}

export class BlogPost extends Base.table({
  id: column.integer().primaryKey(),
  authorId: column.integer().notNull().references(() => User.columns.id, { onDelete: 'cascade' }),
  title: column.string(200).notNull(),
  status: column.enum(['draft', 'published'], { name: 'post_status' }).notNull().serverDefault('draft'),
  body: column.text(),
  ...timestamps,
}) {
  static author = relationship(() => User, { backPopulates: 'posts' });
  static tags = relationship(() => Tag, { secondary: 'post_tag' });
}

export class Tag extends Base.table({ id: column.integer().primaryKey(), label: column.string(50).notNull().unique() }) {}

const post = new BlogPost();
export const title: string = post.title;
export const body: string | null = post.body;
export const status: 'draft' | 'published' = post.status;

export const orderLine = new Table(metadata, 'order_line', {
  orderId: column.integer().notNull(),
  lineNo: column.integer().notNull(),
  sku: column.string(40).notNull(),
  qty: column.integer().notNull(),
  active: column.boolean().notNull(),
},
new PrimaryKeyConstraint(['order_id', 'line_no']),
new ForeignKeyConstraint(['sku'], 'product', ['sku']),
new UniqueConstraint(['order_id', 'sku']),
new CheckConstraint('qty > 0', 'positive_qty'),
new Index(null, ['sku'], { unique: true, where: 'active' }),
{ comment: 'lines of an order' });

export async function engineExample(): Promise<void> {
  const engine = createEngine('postgresql://app:secret@127.0.0.1:5432/app', {
    pool: { max: 10, acquireTimeoutMs: 30_000, idleTimeoutMs: 30_000, recycleMs: 3_600_000, prePing: true },
    echo: true,
  });
  await engine.execute('INSERT INTO tag (label) VALUES (?)', ['news']);
  await engine.transaction(async (tx) => {
    await tx.execute(sql`UPDATE tag SET label = ${'World'} WHERE id = ${1}`);
    await tx.transaction(async () => undefined);
  });
  await metadata.createAll(engine, { checkFirst: true });
  await metadata.dropAll(engine);
  await engine.dispose();
}

export const config = defineConfig({
  url: process.env.DATABASE_URL ?? 'sqlite:///app.db',
  models: './src/models.ts',
  migrations: './migrations',
  versionTable: 'retort_version',
  transaction: 'each',
});

export async function upgradeMigration(op: Operations): Promise<void> {
  await op.addColumn('blog_post', 'summary', column.string(300));
  await op.createIndex('ix_blog_post_author_id', 'blog_post', ['author_id']);
}

export async function programmatic(url: string): Promise<boolean> {
  await upgrade({ url, target: 'head' });
  const status = await current({ url });
  const result = await check({ url });
  return status.upToDate && result.matches;
}
