/**
 * One migration file as the runner sees it: its declarations (read from the module's exports and
 * checked, each problem named with the file), its upgrade / downgrade functions and its checksum.
 */
import { ScriptError } from '../errors/index.js';
import type { Operations } from '../operations/facade.js';
import type { RevisionInput } from './revision.js';

/** The upgrade or downgrade function of a migration file; `op` is the `Operations` facade. */
export type MigrationFunction = (op: Operations) => Promise<void> | void;

/**
 * A loaded, validated migration file.
 *
 * @example
 * ```ts
 * const script = directory.get('a81c0e5f22d9');
 * script.parents;     // ['3f2a9c1d7b04']
 * script.transaction; // true unless the file says `export const transaction = false`
 * ```
 */
export interface MigrationScript {
  readonly revision: string;
  /** Parent revisions: empty for a base, several for a merge. */
  readonly parents: readonly string[];
  readonly message: string;
  /** The ISO date the file declares, or null. */
  readonly createdAt: string | null;
  readonly dependsOn: readonly string[];
  readonly branchLabels: readonly string[];
  /** False when the file opts out of running in a transaction. */
  readonly transaction: boolean;
  /** Absolute path of the file. */
  readonly path: string;
  /** sha256 of the file's bytes, lowercase hex. */
  readonly checksum: string;
  readonly upgrade: MigrationFunction;
  readonly downgrade: MigrationFunction;
  /**
   * Loads the module when only its text was read so far (its declarations are written as
   * literals): a ScriptError then says what is wrong with it. Absent when it is loaded already.
   */
  readonly load?: () => Promise<void>;
}

/** The longest revision id the version table can hold. */
export const MAX_REVISION_LENGTH = 32;

const REVISION = /^[A-Za-z0-9_]+$/;

/**
 * Reads and checks a migration module's exports. Throws ScriptError naming the file and the
 * export that is missing or malformed.
 *
 * @example
 * ```ts
 * const script = readMigrationScript(path, await loadModule(path), checksum);
 * ```
 */
export function readMigrationScript(path: string, exports: Readonly<Record<string, unknown>>, checksum: string): MigrationScript {
  const fail = (message: string): never => {
    throw new ScriptError(path, message);
  };
  const revision = exports.revision;
  if (revision === undefined) fail('missing `export const revision = \'<id>\'`');
  if (typeof revision !== 'string' || !REVISION.test(revision) || revision.length > MAX_REVISION_LENGTH) {
    return fail(`"revision" must be a string of letters, digits and _ (at most ${MAX_REVISION_LENGTH}); got ${describe(revision)}`);
  }
  const parents = readParents(exports, fail);
  const message = exports.message;
  if (message !== undefined && typeof message !== 'string') fail(`"message" must be a string; got ${describe(message)}`);
  const createdAt = exports.createdAt;
  if (createdAt !== undefined && createdAt !== null && (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)))) {
    fail(`"createdAt" must be an ISO date string; got ${describe(createdAt)}`);
  }
  const transaction = exports.transaction;
  if (transaction !== undefined && typeof transaction !== 'boolean') {
    fail(`"transaction" must be true or false; got ${describe(transaction)}`);
  }
  const upgrade = exports.upgrade;
  const downgrade = exports.downgrade;
  if (typeof upgrade !== 'function') fail(`missing \`export async function upgrade(op)\` (got ${describe(upgrade)})`);
  if (typeof downgrade !== 'function') fail(`missing \`export async function downgrade(op)\` (got ${describe(downgrade)})`);
  return Object.freeze({
    revision,
    parents,
    message: typeof message === 'string' ? message : '',
    createdAt: typeof createdAt === 'string' ? createdAt : null,
    dependsOn: readList(exports, 'dependsOn', fail),
    branchLabels: readList(exports, 'branchLabels', fail),
    transaction: transaction !== false,
    path,
    checksum,
    upgrade: upgrade as MigrationFunction,
    downgrade: downgrade as MigrationFunction,
  });
}

/** The graph input of a script. */
export function toRevisionInput(script: MigrationScript): RevisionInput {
  return {
    id: script.revision,
    parents: script.parents,
    dependsOn: script.dependsOn,
    branchLabels: script.branchLabels,
    message: script.message,
    source: script.path,
  };
}

function readParents(exports: Readonly<Record<string, unknown>>, fail: (message: string) => never): readonly string[] {
  if (!('parent' in exports)) {
    return fail('missing `export const parent = ...` (null for the first migration, a revision id, or a list of ids for a merge)');
  }
  const parent = exports.parent;
  if (parent === null) return [];
  if (typeof parent === 'string' && parent !== '') return [parent];
  if (Array.isArray(parent) && parent.length > 0 && parent.every((p) => typeof p === 'string' && p !== '')) {
    return Object.freeze([...(parent as string[])]);
  }
  return fail(`"parent" must be null, a revision id or a non-empty list of revision ids; got ${describe(parent)}`);
}

function readList(exports: Readonly<Record<string, unknown>>, key: string, fail: (message: string) => never): readonly string[] {
  const value = exports[key];
  if (value === undefined || value === null) return [];
  if (typeof value === 'string' && value !== '') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '')) return Object.freeze([...(value as string[])]);
  return fail(`"${key}" must be a list of strings; got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
