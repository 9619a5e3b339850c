import type { Operations } from 'retort';

export const revision = '622242d07af3';
export const parent = '5c00694432c6';
export const message = 'rename user name to display_name';
export const createdAt = '2026-11-21T13:59:56.300Z';

export async function upgrade(op: Operations): Promise<void> {
  await op.renameColumn('user', 'name', 'display_name');
}

export async function downgrade(op: Operations): Promise<void> {
  await op.renameColumn('user', 'display_name', 'name');
}
