import type { Operations } from 'retort';
import { column, sql } from 'retort';

export const revision = 'bed3dc2a9b0a';
export const parent = '31e55953ac3c';
export const message = 'add comment';
export const createdAt = '2026-11-21T13:59:51.230Z';

export async function upgrade(op: Operations): Promise<void> {
  await op.createTable('comment', {
    id: column.integer().notNull().autoincrement(),
    post_id: column.integer().notNull(),
    body: column.text().notNull(),
    created_at: column.dateTime({ timezone: true }).notNull().serverDefault(sql`CURRENT_TIMESTAMP`),
    updated_at: column.dateTime({ timezone: true }),
  }, {
    primaryKey: { name: 'pk_comment', columns: ['id'] },
    foreignKeys: [
      {
        name: 'fk_comment_post_id_post',
        columns: ['post_id'],
        referredTable: 'post',
        referredColumns: ['id'],
        onDelete: 'CASCADE',
      },
    ],
  });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable('comment');
}
