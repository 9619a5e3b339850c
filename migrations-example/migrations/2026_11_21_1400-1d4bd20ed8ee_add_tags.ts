import type { Operations } from 'retort';
import { column } from 'retort';

export const revision = '1d4bd20ed8ee';
export const parent = '622242d07af3';
export const message = 'add tags';
export const createdAt = '2026-11-21T14:00:00.521Z';

export async function upgrade(op: Operations): Promise<void> {
  await op.createTable('tag', {
    id: column.integer().notNull().autoincrement(),
    name: column.string(50).notNull(),
  }, {
    primaryKey: { name: 'pk_tag', columns: ['id'] },
    uniques: [{ name: 'uq_tag_name', columns: ['name'] }],
  });
  await op.createTable('post_tag', {
    post_id: column.integer().notNull(),
    tag_id: column.integer().notNull(),
  }, {
    primaryKey: { name: 'pk_post_tag', columns: ['post_id', 'tag_id'] },
    foreignKeys: [
      {
        name: 'fk_post_tag_post_id_post',
        columns: ['post_id'],
        referredTable: 'post',
        referredColumns: ['id'],
        onDelete: 'CASCADE',
      },
      {
        name: 'fk_post_tag_tag_id_tag',
        columns: ['tag_id'],
        referredTable: 'tag',
        referredColumns: ['id'],
        onDelete: 'CASCADE',
      },
    ],
  });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable('post_tag');
  await op.dropTable('tag');
}
