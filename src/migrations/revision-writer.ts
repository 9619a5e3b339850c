/**
 * Writing a new migration file into the script directory.
 */
import * as crypto from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ScriptError } from '../errors/index.js';
import { generateRevisionId, migrationFileName, type RandomSource } from './revision-id.js';
import { renderRevision, type RevisionTemplate } from './revision-template.js';

export interface WriteRevisionOptions {
  /** The migrations folder (created when missing). */
  readonly directory: string;
  /** The revision id; default a new random one. */
  readonly id?: string;
  /** Parent revisions: empty for a base, several for a merge. */
  readonly parents: readonly string[];
  readonly message: string;
  readonly branchLabels?: readonly string[];
  readonly dependsOn?: readonly string[];
  /**
   * The whole file text, e.g. from autogenerate's `renderMigration` (given the same id, parents,
   * message and date). Default: an empty revision from {@link renderRevision}.
   */
  readonly render?: (header: RevisionTemplate) => string;
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
 * Writes a new migration file named by `migrationFileName`. Never overwrites a file.
 *
 * @example
 * ```ts
 * const { path, id } = await writeRevision({ directory: '/app/migrations', parents: graph.heads, message: 'add post summary' });
 * ```
 */
export async function writeRevision(options: WriteRevisionOptions): Promise<WrittenRevision> {
  const date = options.date ?? new Date();
  const id = options.id ?? generateRevisionId(options.random ?? crypto);
  const header: RevisionTemplate = {
    id,
    parents: options.parents,
    message: options.message,
    createdAt: date.toISOString(),
    ...(options.branchLabels ? { branchLabels: options.branchLabels } : {}),
    ...(options.dependsOn ? { dependsOn: options.dependsOn } : {}),
  };
  const source = (options.render ?? renderRevision)(header);
  await mkdir(options.directory, { recursive: true });
  const path = join(options.directory, migrationFileName({ id, message: options.message, date }));
  try {
    await writeFile(path, source, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ScriptError(path, 'a file with this name already exists', { cause: e });
    throw e;
  }
  return { id, path, source };
}
