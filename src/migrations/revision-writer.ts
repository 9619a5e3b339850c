/**
 * Writing a new migration file into the script directory. The text comes from autogenerate's
 * `renderMigration` (the migration file format of CONTRACTS.md): with ops for `retort revision
 * --autogenerate`, or an empty revision (`// no changes` bodies) for a hand-written one or a merge.
 */
import * as crypto from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMigration, type RenderMigrationInput } from '../autogenerate/render/migration.js';
import { ScriptError } from '../errors/index.js';
import { generateRevisionId, migrationFileName, type RandomSource } from './revision-id.js';

/** What `renderMigration` takes besides the header the writer fills in (ops, warnings, ...). */
export type RevisionBody = Partial<Omit<RenderMigrationInput, 'revision' | 'parents' | 'message' | 'createdAt'>>;

export interface WriteRevisionOptions extends RevisionBody {
  /** The migrations folder (created when missing). */
  readonly directory: string;
  /** The revision id (12 lowercase hex characters); default a new random one. */
  readonly id?: string;
  /** Parent revisions: empty for a base, several for a merge (usually the graph's heads). */
  readonly parents: readonly string[];
  readonly message: string;
  /** The clock; default now. */
  readonly date?: Date;
  /** Randomness for the id; default node's crypto. */
  readonly random?: RandomSource;
}

/** The file written by {@link writeRevision}. */
export interface WrittenRevision {
  readonly id: string;
  /** Absolute path of the new file. */
  readonly path: string;
  readonly source: string;
}

/**
 * Renders a migration with `renderMigration` and writes it, named by `migrationFileName`. Never
 * overwrites a file (ScriptError when the name is taken).
 *
 * @example
 * ```ts
 * // retort revision -m "add post summary" --autogenerate
 * const { path } = await writeRevision({ directory, parents: graph.heads, message: 'add post summary', upgradeOps: ops, downgradeOps: reverseAll(ops) });
 * // retort merge heads
 * await writeRevision({ directory, parents: graph.heads, message: 'merge heads' });
 * ```
 */
export async function writeRevision(options: WriteRevisionOptions): Promise<WrittenRevision> {
  const { directory, id: givenId, parents, message, date: givenDate, random, ...body } = options;
  const date = givenDate ?? new Date();
  const id = givenId ?? generateRevisionId(random ?? crypto);
  const source = renderMigration({ upgradeOps: [], downgradeOps: [], ...body, revision: id, parents, message, createdAt: date });
  mkdirSync(directory, { recursive: true });
  const path = join(directory, migrationFileName({ id, message, date }));
  try {
    writeFileSync(path, source, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ScriptError(path, 'a file with this name already exists', { cause: e });
    throw e;
  }
  return { id, path, source };
}
