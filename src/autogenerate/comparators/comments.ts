import type { ColumnComparator, TableComparator } from '../comparator.js';
import type { CompareDialect } from '../compare-options.js';
import { commentKey } from '../normalize.js';

/** Characters beyond U+FFFF (emoji): MySQL and MariaDB keep comments in utf8mb3, which stores each as `?`. */
const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;

/** A comment as the database keeps it (MySQL: characters beyond U+FFFF become `?`), for comparing. */
function storedComment(dialect: CompareDialect, comment: string | null): string | null {
  const key = commentKey(comment);
  return key !== null && dialect.name === 'mysql' ? key.replace(ASTRAL, '?') : key;
}

/** The warning (after `what`, which names a column) for a model's comment the database cannot keep as written, or null. */
function unstorable(dialect: CompareDialect, what: string, comment: string | null): string | null {
  if (dialect.name !== 'mysql' || comment === null) return null;
  const lost = [...new Set(comment.match(ASTRAL) ?? [])];
  return lost.length === 0 ? null : `${what}its comment holds ${lost.join(' ')}, which MySQL / MariaDB store as '?' (comments are utf8mb3)`;
}

/**
 * Column comments, on dialects that store them (`capabilities.comments`), as the database keeps
 * them: on MySQL a model's emoji is the `?` the server stored (a warning says so), not a change.
 */
export const columnCommentComparator: ColumnComparator = {
  id: 'column-comment',
  scope: 'column',
  when: (dialect) => dialect.capabilities.comments,
  compare({ table, dialect, target, current }) {
    const warning = unstorable(dialect, `column ${target.name}: `, target.comment);
    if (warning !== null) table.schema.warn(table.target.name, warning);
    const differs = table.schema.differs(
      { kind: 'comment', table: table.target.name, name: target.name, target, current },
      () => storedComment(dialect, target.comment) !== storedComment(dialect, current.comment),
    );
    return differs ? { changes: { comment: commentKey(target.comment) }, previous: { comment: commentKey(current.comment) } } : null;
  },
};

/** Table comments, on dialects that store them (`capabilities.comments`), as for columns. */
export const tableCommentComparator: TableComparator = {
  id: 'table-comment',
  scope: 'table',
  when: (dialect) => dialect.capabilities.comments,
  compare(ctx, plan) {
    const { target, current } = ctx;
    const warning = unstorable(ctx.dialect, '', target.comment);
    if (warning !== null) ctx.schema.warn(target.name, warning);
    const differs = ctx.schema.differs(
      { kind: 'tableComment', table: target.name, name: target.name, target, current },
      () => storedComment(ctx.dialect, target.comment) !== storedComment(ctx.dialect, current.comment),
    );
    if (!differs) return;
    plan.add('columns', {
      kind: 'setTableComment',
      schema: ctx.opSchema,
      table: target.name,
      comment: commentKey(target.comment),
      previous: commentKey(current.comment),
    });
  },
};
