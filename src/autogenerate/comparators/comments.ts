import type { ColumnComparator, TableComparator } from '../comparator.js';
import { commentKey } from '../normalize.js';

/** Column comments, on dialects that store them (`capabilities.comments`). */
export const columnCommentComparator: ColumnComparator = {
  id: 'column-comment',
  scope: 'column',
  when: (dialect) => dialect.capabilities.comments,
  compare({ table, target, current }) {
    const differs = table.schema.differs(
      { kind: 'comment', table: table.target.name, name: target.name, target, current },
      () => commentKey(target.comment) !== commentKey(current.comment),
    );
    return differs ? { changes: { comment: commentKey(target.comment) }, previous: { comment: commentKey(current.comment) } } : null;
  },
};

/** Table comments, on dialects that store them (`capabilities.comments`). */
export const tableCommentComparator: TableComparator = {
  id: 'table-comment',
  scope: 'table',
  when: (dialect) => dialect.capabilities.comments,
  compare(ctx, plan) {
    const { target, current } = ctx;
    const differs = ctx.schema.differs(
      { kind: 'tableComment', table: target.name, name: target.name, target, current },
      () => commentKey(target.comment) !== commentKey(current.comment),
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
