/**
 * The programmatic migration API, part 5: new migration files. `revision` writes an empty
 * revision (to fill in by hand), `merge` a revision joining heads. Neither reads the database;
 * see `autogenerate` for a revision generated from the models.
 */
import { ConfigError, MultipleHeadsError, RevisionTargetError } from '../errors/index.js';
import { resolveSettings, type MigrationApiOptions } from './api-context.js';
import { loadScriptsOrEmpty } from './models-compare.js';
import type { RevisionGraph } from './revision-graph.js';
import { writeRevision, type WrittenRevision } from './revision-writer.js';

/** What a new revision declares besides its parents. */
export interface NewRevisionOptions extends MigrationApiOptions {
  readonly message: string;
  /** Branch labels the new revision declares (`feature`, then `feature@head` names its branch). */
  readonly branchLabels?: readonly string[];
  /** Revisions (ids, prefixes or labels) that must run first without being parents. */
  readonly dependsOn?: readonly string[];
  /** The clock (file name and `createdAt`); default now. */
  readonly date?: Date;
}

/** A revision file written by {@link revision} or {@link merge}. */
export interface NewRevision extends WrittenRevision {
  /** The parents it declares (none: a new base). */
  readonly parents: readonly string[];
}

/** Options of {@link revision}. */
export interface RevisionOptions extends NewRevisionOptions {
  /**
   * The revision to build on: a revision (id, prefix, label, `label@head`), or `base` for a new
   * root. Default: the single head. Building on a revision that is not a head starts a branch.
   */
  readonly head?: string;
}

/**
 * The message of a new revision, trimmed; throws ConfigError when there is none.
 *
 * @example
 * ```ts
 * checkMessage('  add post summary '); // 'add post summary'
 * ```
 */
export function checkMessage(message: unknown): string {
  if (typeof message !== 'string' || message.trim() === '') throw new ConfigError('a revision needs a message (-m "add post summary")');
  return message.trim();
}

/**
 * The parents of a new revision: `head` resolved (none for `base`), else the graph's single
 * head. Throws MultipleHeadsError when the graph has several heads and `head` is not given.
 *
 * @example
 * ```ts
 * chooseParents(scripts.graph, undefined); // ['a81c0e5f22d9'] (the single head)
 * chooseParents(scripts.graph, 'base');    // [] (a new root)
 * ```
 */
export function chooseParents(graph: RevisionGraph, head: string | undefined): readonly string[] {
  if (head !== undefined) {
    const id = graph.resolveOne(head);
    return id === null ? [] : [id];
  }
  if (graph.heads.length > 1) {
    throw new MultipleHeadsError(graph.heads, 'head', 'pass --head to choose the parent of the new revision, or join them with "retort merge"');
  }
  return graph.heads;
}

/**
 * `dependsOn` resolved to revision ids (each must name one revision).
 *
 * @example
 * ```ts
 * resolveDependsOn(scripts.graph, ['a81c']); // ['a81c0e5f22d9']
 * ```
 */
export function resolveDependsOn(graph: RevisionGraph, dependsOn: readonly string[] | undefined): readonly string[] {
  return (dependsOn ?? []).map((d) => {
    const id = graph.resolveOne(d);
    if (id === null) throw new ConfigError(`dependsOn "${d}" names no revision`);
    return id;
  });
}

/**
 * Writes an empty revision after the single head (or after `head`), to fill in by hand.
 *
 * @example
 * ```ts
 * const { path } = await revision({ message: 'backfill slugs' });
 * const branch = await revision({ message: 'experiment', head: 'a81c', branchLabels: ['experiment'] });
 * ```
 */
export async function revision(options: RevisionOptions): Promise<NewRevision> {
  const message = checkMessage(options.message);
  const settings = await resolveSettings(options);
  const scripts = await loadScriptsOrEmpty(options, settings);
  const graph = scripts.graph;
  const parents = chooseParents(graph, options.head);
  return writeNew(settings.directory, graph, parents, message, options);
}

/** Options of {@link merge}. */
export interface MergeOptions extends NewRevisionOptions {
  /** The revisions to join (ids, prefixes, labels); default every head. At least two. */
  readonly revisions?: readonly string[];
}

/**
 * Writes a merge revision whose parents are the given revisions (default: every head), so that
 * `upgrade head` has one head to go to again. Throws RevisionTargetError when fewer than two
 * revisions would be joined (one being an ancestor of another counts once).
 *
 * @example
 * ```ts
 * const { id } = await merge({ message: 'merge feature and main' });
 * ```
 */
export async function merge(options: MergeOptions): Promise<NewRevision> {
  const message = checkMessage(options.message);
  const settings = await resolveSettings(options);
  const scripts = await loadScriptsOrEmpty(options, settings);
  const graph = scripts.graph;
  const given = options.revisions ?? [];
  const parents = given.length === 0 ? graph.heads : graph.normalizeHeads(given.flatMap((r) => graph.resolve(r)));
  if (parents.length < 2) {
    const what = given.length > 0
      ? `"${given.join(' ')}" ${parents.length === 0 ? 'names no revision' : `comes down to one revision (${parents.join('')})`}`
      : graph.heads.length === 0 ? 'there are no revisions' : `there is only one head (${graph.heads.join('')})`;
    throw new RevisionTargetError(given.join(' ') || 'heads', `nothing to merge: ${what}; a merge joins two or more heads`);
  }
  return writeNew(settings.directory, graph, parents, message, options);
}

/** Writes the revision file of a new (or merge) revision with the given parents. */
async function writeNew(
  directory: string,
  graph: RevisionGraph,
  parents: readonly string[],
  message: string,
  options: NewRevisionOptions,
): Promise<NewRevision> {
  const written = await writeRevision({
    directory,
    parents,
    message,
    ...(options.branchLabels?.length ? { branchLabels: options.branchLabels } : {}),
    ...(options.dependsOn?.length ? { dependsOn: resolveDependsOn(graph, options.dependsOn) } : {}),
    ...(options.date ? { date: options.date } : {}),
  });
  return { ...written, parents };
}
