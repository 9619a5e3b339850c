// The hand-written shop schema of test/fixtures/shop/mysql.sql, loaded with its raw statements.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../../../src/index.js';

const FILE = fileURLToPath(new URL('../../fixtures/shop/mysql.sql', import.meta.url));

/** The statements of the shop schema: `--` comment lines dropped, split at `;` ending a line. */
export function shopStatements(): string[] {
  const text = readFileSync(FILE, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  return text.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean);
}

/** Runs the shop schema's statements on an engine (one connection, in file order). */
export async function loadShop(engine: Engine): Promise<void> {
  await engine.withConnection(async (conn) => {
    for (const statement of shopStatements()) await conn.execute(statement);
  });
}

/** Tables of the shop schema (without the view). */
export const SHOP_TABLE_COUNT = 31;
