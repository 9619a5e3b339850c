/**
 * Parsing of revision targets (`head`, `feature@head`, `a81c`, `-1`, `rev+2`, ...) into
 * kind-tagged data, before they are resolved against a graph.
 */
import { RevisionError, RevisionTargetError } from '../errors/index.js';

/**
 * A parsed target. `branch` is the part before `@` (a branch label, or a revision standing for
 * the branch it is on), or null.
 */
export type TargetSpec =
  | { readonly kind: 'base'; readonly branch: string | null }
  | { readonly kind: 'head'; readonly branch: string | null }
  | { readonly kind: 'heads'; readonly branch: string | null }
  /** A full id, an id prefix or a branch label. */
  | { readonly kind: 'ref'; readonly ref: string; readonly branch: string | null }
  /** `+N` / `-N` from `anchor` (`rev+N`, `head-N`), or from the current heads when anchor is null. */
  | { readonly kind: 'relative'; readonly anchor: string | null; readonly steps: number; readonly branch: string | null };

const RELATIVE = /^(?:([^@]+)@)?(\w+)?([+-]\d+)$/;
const PART = /^[A-Za-z0-9_.-]+$/;

function checkPart(target: string, part: string): string {
  if (!PART.test(part)) {
    throw new RevisionTargetError(target, `"${target}" is not a revision target: "${part}" is not a revision id, prefix or branch label`);
  }
  return part;
}

function symbolic(name: string, branch: string | null, target: string): TargetSpec {
  switch (name) {
    case 'base':
    case 'head':
    case 'heads':
      return { kind: name, branch };
    default:
      return { kind: 'ref', ref: checkPart(target, name), branch };
  }
}

/**
 * Parses a target string.
 *
 * @example
 * ```ts
 * parseTarget('feature@head'); // { kind: 'head', branch: 'feature' }
 * parseTarget('a81c-2');       // { kind: 'relative', anchor: 'a81c', steps: -2, branch: null }
 * parseTarget('+1');           // { kind: 'relative', anchor: null, steps: 1, branch: null }
 * ```
 */
export function parseTarget(target: string): TargetSpec {
  const text = target.trim();
  if (text === '') throw new RevisionTargetError(target, 'an empty string is not a revision target');
  const rel = RELATIVE.exec(text);
  if (rel) {
    const [, branch, anchor, steps] = rel;
    return {
      kind: 'relative',
      anchor: anchor ?? null,
      steps: Number(steps),
      branch: branch === undefined ? null : checkPart(target, branch),
    };
  }
  const parts = text.split('@');
  if (parts.length > 2) throw new RevisionTargetError(target, `"${target}" is not a revision target: it has more than one "@"`);
  const [first = '', second] = parts;
  if (second === undefined) return symbolic(first, null, target);
  const branch = checkPart(target, first);
  return symbolic(second, branch, target);
}

/** The target written back as text (for messages). */
export function formatTarget(spec: TargetSpec): string {
  const prefix = spec.branch === null ? '' : `${spec.branch}@`;
  switch (spec.kind) {
    case 'base':
    case 'head':
    case 'heads':
      return prefix + spec.kind;
    case 'ref':
      return prefix + spec.ref;
    case 'relative':
      return `${prefix}${spec.anchor ?? ''}${spec.steps >= 0 ? '+' : ''}${spec.steps}`;
    default:
      return assertNever(spec);
  }
}

/** Exhaustiveness check for switches over kind-tagged unions. */
export function assertNever(value: never): never {
  throw new RevisionError(`unexpected value ${JSON.stringify(value)}`);
}
