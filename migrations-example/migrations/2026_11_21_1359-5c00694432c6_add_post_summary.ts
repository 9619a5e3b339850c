import type { Operations } from 'retort';
import { column } from 'retort';

export const revision = '5c00694432c6';
export const parent = 'bed3dc2a9b0a';
export const message = 'add post summary';
export const createdAt = '2026-11-21T13:59:53.627Z';

export async function upgrade(op: Operations): Promise<void> {
  await op.addColumn('post', 'summary', column.string(300));
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropColumn('post', 'summary');
}
