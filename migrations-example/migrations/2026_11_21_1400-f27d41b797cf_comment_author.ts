import type { Operations } from 'retort';
import { column } from 'retort';

export const revision = 'f27d41b797cf';
export const parent = '142e7391c757';
export const message = 'comment author';
export const createdAt = '2026-11-21T14:00:35.830Z';

export async function upgrade(op: Operations): Promise<void> {
  await op.addColumn('comment', 'author_id', column.integer());
  await op.createForeignKey(
    'fk_comment_author_id_user',
    'comment',
    ['author_id'],
    'user',
    ['id'],
    { onDelete: 'SET NULL' },
  );
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropForeignKey('fk_comment_author_id_user', 'comment');
  await op.dropColumn('comment', 'author_id');
}
