/** Versions of a small models module, as the CLI tests write them into a project's src/models.ts. */

const HEADER = `import { MetaData, Model, column } from 'retort';

export const metadata = new MetaData();
const Base = Model.base(metadata);

export class Author extends Base.table({
  id: column.integer().primaryKey(),
  name: column.string(100).notNull(),
}) {}

// nothing refers to Tag: the loader's registerModels binds it
export class Tag extends Base.table({
  id: column.integer().primaryKey(),
  label: column.string(50).notNull(),
}) {}
`;

function post(columns: string): string {
  return `${HEADER}
export class Post extends Base.table({
  id: column.integer().primaryKey(),
  authorId: column.integer().notNull().references(() => Author.columns.id),
  title: column.string(200).notNull(),
${columns}
}) {}
`;
}

/** author, tag, post (with body). */
export const MODELS_V1 = post('  body: column.text(),');
/** post.body renamed to content, post.summary added. */
export const MODELS_V2 = post('  content: column.text(),\n  summary: column.string(300),');
/** post.summary dropped. */
export const MODELS_V3 = post('  content: column.text(),');
