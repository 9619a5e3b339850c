// Helpers for the migrations tests: temporary folders of migration files written at test time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** A new temporary folder, removed after the test file's tests. */
export function tempDir(label = 'scripts'): string {
  const dir = mkdtempSync(join(tmpdir(), `retort-${label}-`));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes files (name -> text) into `dir`. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

export interface MigrationSource {
  readonly id: string;
  readonly parent: string | readonly string[] | null;
  readonly message?: string;
  /** Body lines of upgrade / downgrade (already awaited calls on `op`). */
  readonly up?: readonly string[];
  readonly down?: readonly string[];
  /** Extra export lines (`export const transaction = false;`). */
  readonly extra?: readonly string[];
}

/** The text of a migration file in the contract's format. */
export function migrationSource(m: MigrationSource): string {
  const parent = m.parent === null ? 'null' : JSON.stringify(m.parent);
  return [
    `import type { Operations } from 'retort';`,
    `import { column, sql } from 'retort';`,
    `void column; void sql;`,
    `export const revision = '${m.id}';`,
    `export const parent = ${parent};`,
    `export const message = ${JSON.stringify(m.message ?? `migration ${m.id}`)};`,
    `export const createdAt = '2026-01-01T00:00:00.000Z';`,
    ...(m.extra ?? []),
    `export async function upgrade(op: Operations): Promise<void> {`,
    ...(m.up ?? []).map((l) => `  ${l}`),
    `}`,
    `export async function downgrade(op: Operations): Promise<void> {`,
    ...(m.down ?? []).map((l) => `  ${l}`),
    `}`,
    '',
  ].join('\n');
}

/** Writes migrations as `<nnn>_<id>.ts` files (in the given order) into `dir`. */
export function writeMigrations(dir: string, migrations: readonly MigrationSource[]): void {
  migrations.forEach((m, i) => writeFileSync(join(dir, `${String(i).padStart(3, '0')}_${m.id}.ts`), migrationSource(m)));
}
