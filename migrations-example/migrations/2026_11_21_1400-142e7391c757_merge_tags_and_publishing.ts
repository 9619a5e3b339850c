import type { Operations } from 'retort';

export const revision = '142e7391c757';
export const parent = ['1d4bd20ed8ee', 'e3cad4ea21a7'];
export const message = 'merge tags and publishing';
export const createdAt = '2026-11-21T14:00:33.687Z';

export async function upgrade(op: Operations): Promise<void> {
  // no changes
}

export async function downgrade(op: Operations): Promise<void> {
  // no changes
}
