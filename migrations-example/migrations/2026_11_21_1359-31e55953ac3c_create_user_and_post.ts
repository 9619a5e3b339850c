import type { Operations } from 'retort';
import { column, sql } from 'retort';

export const revision = '31e55953ac3c';
export const parent = null;
export const message = 'create user and post';
export const createdAt = '2026-11-21T13:59:49.139Z';

export async function upgrade(op: Operations): Promise<void> {
  await op.createTable('user', {
    id: column.integer().notNull().autoincrement(),
    email: column.string(255).notNull(),
    name: column.string(100),
    created_at: column.dateTime({ timezone: true }).notNull().serverDefault(sql`CURRENT_TIMESTAMP`),
    updated_at: column.dateTime({ timezone: true }),
  }, {
    primaryKey: { name: 'pk_user', columns: ['id'] },
    uniques: [{ name: 'uq_user_email', columns: ['email'] }],
  });
  await op.createTable('post', {
    id: column.integer().notNull().autoincrement(),
    author_id: column.integer().notNull(),
    title: column.string(200).notNull(),
    body: column.text(),
    created_at: column.dateTime({ timezone: true }).notNull().serverDefault(sql`CURRENT_TIMESTAMP`),
    updated_at: column.dateTime({ timezone: true }),
  }, {
    primaryKey: { name: 'pk_post', columns: ['id'] },
    foreignKeys: [
      {
        name: 'fk_post_author_id_user',
        columns: ['author_id'],
        referredTable: 'user',
        referredColumns: ['id'],
        onDelete: 'CASCADE',
      },
    ],
  });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable('post');
  await op.dropTable('user');
}
