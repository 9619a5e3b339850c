import type { Operations } from 'retort';
import { column } from 'retort';

export const revision = 'e3cad4ea21a7';
export const parent = '622242d07af3';
export const message = 'index post published_at';
export const createdAt = '2026-11-21T14:00:32.337Z';

export async function upgrade(op: Operations): Promise<void> {
  await op.addColumn('post', 'published_at', column.dateTime({ timezone: true }));
  await op.createIndex('ix_post_published_at', 'post', ['published_at']);
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropIndex('ix_post_published_at', 'post');
  await op.dropColumn('post', 'published_at');
}
