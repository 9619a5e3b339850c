/**
 * Resolution of parsed targets against a revision graph, following Alembic's rules for
 * symbols, prefixes, branch labels and relative targets.
 */
import { AmbiguousRevisionError, MultipleHeadsError, RevisionNotFoundError, RevisionTargetError } from '../errors/index.js';
import { compareIds } from './revision-build.js';
import type { RevisionGraph } from './revision-graph.js';
import { assertNever, parseTarget } from './revision-target.js';
import type { TargetSpec } from './revision-target.js';
import type { ResolveContext } from './revision.js';

/** The fewest characters a partial revision id must have to be matched as a prefix. */
export const MIN_PREFIX_LENGTH = 3;

/** A resolved target. */
export interface Resolution {
  readonly spec: TargetSpec;
  /** The revisions named, sorted; empty means base. */
  readonly ids: readonly string[];
  /**
   * The revision standing for the branch the target was restricted to (`label@...`, or the
   * current head a plain `-N` walks down from), or null. A downgrade only goes down that branch.
   */
  readonly branch: string | null;
}

/**
 * Parses and resolves a target. See `RevisionGraph.resolve` for the accepted forms.
 *
 * @example
 * ```ts
 * resolveTarget(graph, 'feature@head', {}).ids; // ['c3c3c3']
 * ```
 */
export function resolveTarget(graph: RevisionGraph, target: string, context: ResolveContext): Resolution {
  return resolveSpec(graph, parseTarget(target), target, context);
}

/** Resolves a target that must name at most one revision; null is base. */
export function resolveOne(graph: RevisionGraph, target: string, context: ResolveContext): string | null {
  const { ids } = resolveTarget(graph, target, context);
  if (ids.length > 1) throw new MultipleHeadsError(ids, target);
  return ids[0] ?? null;
}

/** Resolves an already parsed target; `target` is the original text, for messages. */
export function resolveSpec(graph: RevisionGraph, spec: TargetSpec, target: string, context: ResolveContext): Resolution {
  const branch = spec.branch === null ? null : resolveBranch(graph, spec.branch);
  const done = (ids: readonly (string | null)[], restrict: string | null = branch): Resolution => ({
    spec,
    ids: ids.filter((id): id is string => id !== null).sort(compareIds),
    branch: restrict,
  });
  switch (spec.kind) {
    case 'base':
      return done([]);
    case 'head':
      return done([singleHead(graph, branch, target)]);
    case 'heads':
      return done(headsOn(graph, branch));
    case 'ref':
      return done([resolveRef(graph, spec.ref, branch, spec.branch)]);
    case 'relative': {
      if (spec.anchor !== null) {
        const start = resolveAnchor(graph, spec.anchor, branch, spec.branch, target);
        if (spec.steps >= 0) return done([walkUp(graph, start, spec.steps, branch, target)]);
        return done([walkDown(graph, start, -spec.steps, target)]);
      }
      const current = graph.normalizeHeads(context.current ?? []);
      if (spec.steps > 0) return done([walkUp(graph, upStart(graph, current, branch, target, spec.steps), spec.steps, branch, target)]);
      if (spec.steps < 0) {
        const start = downStart(graph, current, branch, target);
        return done([walkDown(graph, start, -spec.steps, target)], branch ?? start);
      }
      throw new RevisionTargetError(target, `"${target}" moves no step; use +N or -N with N at least 1`);
    }
    default:
      return assertNever(spec);
  }
}

/** A branch label's revision, or the revision a branch name stands for (`rev@head`). */
export function resolveBranch(graph: RevisionGraph, name: string): string {
  const labelled = graph.labels.get(name);
  if (labelled !== undefined) return labelled;
  try {
    return resolveRef(graph, name, null, null);
  } catch (e) {
    if (e instanceof RevisionNotFoundError) {
      throw new RevisionNotFoundError(name, `no branch label or revision "${name}"`);
    }
    throw e;
  }
}

/** Heads on the branch of `branch` (all heads when null), sorted. */
export function headsOn(graph: RevisionGraph, branch: string | null): readonly string[] {
  return branch === null ? graph.heads : graph.heads.filter((h) => graph.sharesLineage(h, branch));
}

function singleHead(graph: RevisionGraph, branch: string | null, argument: string): string | null {
  const heads = headsOn(graph, branch);
  if (heads.length > 1) throw new MultipleHeadsError(heads, argument);
  return heads[0] ?? null;
}

function onBranch(graph: RevisionGraph, id: string, branch: string | null): boolean {
  return branch === null || graph.sharesLineage(id, branch);
}

function resolveRef(graph: RevisionGraph, ref: string, branch: string | null, branchName: string | null): string {
  const exact = graph.has(ref) ? ref : graph.labels.get(ref);
  if (exact !== undefined) {
    if (!onBranch(graph, exact, branch)) {
      throw new RevisionTargetError(ref, `revision "${exact}" is not on branch "${branchName ?? ''}"`);
    }
    return exact;
  }
  const where = branchName === null ? '' : ` on branch "${branchName}"`;
  if (ref.length < MIN_PREFIX_LENGTH) {
    throw new RevisionNotFoundError(
      ref,
      `no revision or branch label "${ref}"${where}; a partial revision id needs at least ${MIN_PREFIX_LENGTH} characters`,
    );
  }
  const candidates = graph.ids.filter((id) => id.startsWith(ref) && onBranch(graph, id, branch)).sort(compareIds);
  const [only] = candidates;
  if (only === undefined) throw new RevisionNotFoundError(ref, `no revision or branch label "${ref}"${where}`);
  if (candidates.length > 1) throw new AmbiguousRevisionError(ref, candidates);
  return only;
}

function resolveAnchor(graph: RevisionGraph, anchor: string, branch: string | null, branchName: string | null, target: string): string | null {
  switch (anchor) {
    case 'base':
      return null;
    case 'head':
      return singleHead(graph, branch, target);
    case 'heads': {
      const heads = headsOn(graph, branch);
      if (heads.length > 1) throw new MultipleHeadsError(heads, target);
      return heads[0] ?? null;
    }
    default:
      return resolveRef(graph, anchor, branch, branchName);
  }
}

/** Where `+N` starts: the one current head (on the branch), or base. */
function upStart(graph: RevisionGraph, current: readonly string[], branch: string | null, target: string, steps: number): string | null {
  let starts = current.filter((h) => onBranch(graph, h, branch));
  if (branch !== null && starts.length === 0) {
    // the branch has no current head: start from the newest applied revisions on it, else base
    const applied = [...graph.appliedRevisions(current)].filter((id) => graph.sharesLineage(id, branch));
    starts = tips(graph, applied);
  }
  if (starts.length > 1) {
    throw new RevisionTargetError(
      target,
      `"${target}" is ambiguous: the database has several heads (${starts.join(', ')}); ` +
        `count from one of them (e.g. "${starts[0] ?? ''}+${steps}") or use a branch label ("label@+N")`,
    );
  }
  return starts[0] ?? null;
}

/** Where `-N` starts: the one current head (on the branch). */
function downStart(graph: RevisionGraph, current: readonly string[], branch: string | null, target: string): string {
  if (current.length === 0) {
    throw new RevisionTargetError(target, `"${target}" goes down from the current revision, but the database is at base`);
  }
  let starts = current.filter((h) => onBranch(graph, h, branch));
  if (branch !== null && starts.length === 0) {
    const applied = [...graph.appliedRevisions(current)].filter((id) => graph.sharesLineage(id, branch));
    starts = tips(graph, applied);
  }
  const [only] = starts;
  if (only === undefined) {
    throw new RevisionTargetError(target, `"${target}": no applied revision is on branch "${branch ?? ''}"`);
  }
  if (starts.length > 1) {
    throw new RevisionTargetError(
      target,
      `"${target}" is ambiguous: the database has several heads (${starts.join(', ')}); ` +
        `name the one to go down from (e.g. "${only}@-1") or use a branch label ("label@-N")`,
    );
  }
  return only;
}

/** The members of `ids` that no other member descends from through parents, sorted. */
function tips(graph: RevisionGraph, ids: readonly string[]): string[] {
  const set = new Set(ids);
  return ids.filter((id) => !graph.children(id).some((c) => set.has(c))).sort(compareIds);
}

function walkUp(graph: RevisionGraph, start: string | null, steps: number, branch: string | null, target: string): string | null {
  let at = start;
  for (let i = 0; i < steps; i++) {
    const next = (at === null ? graph.bases : graph.children(at)).filter((id) => onBranch(graph, id, branch));
    const [only] = next;
    if (only === undefined) {
      throw new RevisionTargetError(
        target,
        `"${target}" goes past the top of the graph: ${at === null ? 'there are no revisions' : `"${at}" is a head`} after ${i} of ${steps} steps`,
      );
    }
    if (next.length > 1) {
      throw new RevisionTargetError(
        target,
        `"${target}" is ambiguous: ${at === null ? 'the graph has several bases' : `"${at}" is a branch point with children`} ` +
          `${next.join(', ')}; name the branch with a label or revision ("${only}@+N")`,
      );
    }
    at = only;
  }
  return at;
}

function walkDown(graph: RevisionGraph, start: string | null, steps: number, target: string): string | null {
  let at = start;
  for (let i = 0; i < steps; i++) {
    if (at === null) {
      throw new RevisionTargetError(target, `"${target}" goes below base after ${i} of ${steps} steps`);
    }
    const parents = graph.get(at).parents;
    if (parents.length > 1) {
      throw new RevisionTargetError(
        target,
        `"${target}" is ambiguous: "${at}" merges ${parents.join(', ')}; name the revision to go to instead`,
      );
    }
    at = parents[0] ?? null;
  }
  return at;
}
