/** A throwaway retort project folder for the CLI tests: runs `retort` in it, writes its models. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { retort, type CliRun } from '../helpers/cli.js';

export interface Project {
  readonly dir: string;
  /** Runs `retort <args>` in the project folder. */
  run(args: readonly string[], env?: Record<string, string>): Promise<CliRun>;
  /** Replaces src/models.ts. */
  writeModels(source: string): void;
  /** The migration files, sorted by name. */
  migrations(): string[];
  /** The text of the migration file whose name contains `id`. */
  migration(id: string): string;
  remove(): void;
}

export function createProject(label: string): Project {
  const dir = mkdtempSync(join(tmpdir(), `retort-cli-${label}-`));
  const migrationsDir = join(dir, 'migrations');
  const migrations = (): string => readdirSync(migrationsDir).filter((n) => n.endsWith('.ts')).sort().join('\n');
  return {
    dir,
    run: (args, env) => retort(args, { cwd: dir, ...(env ? { env } : {}) }),
    writeModels: (source) => writeFileSync(join(dir, 'src', 'models.ts'), source),
    migrations: () => (migrations() === '' ? [] : migrations().split('\n')),
    migration: (id) => {
      const name = readdirSync(migrationsDir).find((n) => n.includes(id));
      if (name === undefined) throw new Error(`no migration file with ${id}`);
      return readFileSync(join(migrationsDir, name), 'utf8');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The revision id of the file a `revision` / `merge` run says it wrote. */
export function writtenId(run: CliRun): string {
  const match = /^wrote migrations\/\d{4}_\d\d_\d\d_\d{4}-([0-9a-f]{12})_\w+\.ts$/m.exec(run.stdout);
  if (!match?.[1]) throw new Error(`no "wrote migrations/..." line in:\n${run.stdout}\n${run.stderr}`);
  return match[1];
}

/** Escapes text for a RegExp. */
export function re(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
