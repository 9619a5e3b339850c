/**
 * Validation of migration files' revision declarations, and the derived edges (children,
 * dependents). Used by `RevisionGraph.build`; pure.
 */
import {
  DuplicateBranchLabelError,
  DuplicateRevisionError,
  InvalidRevisionError,
  MissingRevisionError,
  RevisionCycleError,
} from '../errors/index.js';
import type { Revision, RevisionInput } from './revision.js';

/** Words with a meaning of their own in targets; no revision id or branch label may be one. */
export const RESERVED_REVISION_WORDS: readonly string[] = ['base', 'current', 'head', 'heads'];

const ID_PATTERN = /^[A-Za-z0-9_]+$/;
const LABEL_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const LOOKS_RELATIVE = /[+-]\d+$/;

/** The validated revisions and branch labels, ready for the graph. */
export interface BuiltRevisions {
  /** Revisions by id, in id order. */
  readonly revisions: ReadonlyMap<string, Revision>;
  /** Branch label -> the revision that declares it, in label order. */
  readonly labels: ReadonlyMap<string, string>;
}

function describeSource(input: RevisionInput): string {
  return input.source ?? '<no file>';
}

function where(input: RevisionInput): string {
  return input.source === undefined ? '' : ` (${input.source})`;
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function checkId(input: RevisionInput): void {
  if (!ID_PATTERN.test(input.id) || RESERVED_REVISION_WORDS.includes(input.id)) {
    throw new InvalidRevisionError(
      `revision id "${input.id}"${where(input)} is not valid: use letters, digits and "_" only, ` +
        `and none of ${RESERVED_REVISION_WORDS.join(', ')}`,
    );
  }
}

function checkLabel(input: RevisionInput, label: string): void {
  if (!LABEL_PATTERN.test(label) || LOOKS_RELATIVE.test(label) || RESERVED_REVISION_WORDS.includes(label)) {
    throw new InvalidRevisionError(
      `branch label "${label}" of revision "${input.id}"${where(input)} is not valid: start with a letter or "_", ` +
        `use letters, digits, "_", "." and "-", do not end in +N or -N, and use none of ${RESERVED_REVISION_WORDS.join(', ')}`,
    );
  }
}

function indexById(inputs: readonly RevisionInput[]): Map<string, RevisionInput> {
  const byId = new Map<string, RevisionInput[]>();
  for (const input of inputs) {
    checkId(input);
    const list = byId.get(input.id);
    if (list) list.push(input);
    else byId.set(input.id, [input]);
  }
  const result = new Map<string, RevisionInput>();
  for (const id of [...byId.keys()].sort()) {
    const list = byId.get(id) ?? [];
    if (list.length > 1) throw new DuplicateRevisionError(id, list.map(describeSource));
    const only = list[0];
    if (only) result.set(id, only);
  }
  return result;
}

function indexLabels(byId: ReadonlyMap<string, RevisionInput>): Map<string, string> {
  const labels = new Map<string, string>();
  for (const input of byId.values()) {
    for (const label of dedupe(input.branchLabels ?? [])) {
      checkLabel(input, label);
      const other = labels.get(label);
      if (other !== undefined) {
        const otherInput = byId.get(other);
        throw new DuplicateBranchLabelError(
          label,
          [other, input.id],
          `branch label "${label}" is declared by revision "${other}"${otherInput ? where(otherInput) : ''} ` +
            `and by revision "${input.id}"${where(input)}`,
        );
      }
      const sameAsId = byId.get(label);
      if (sameAsId !== undefined) {
        throw new DuplicateBranchLabelError(
          label,
          [input.id, label],
          `branch label "${label}" of revision "${input.id}"${where(input)} is also the id of revision "${label}"${where(sameAsId)}`,
        );
      }
      labels.set(label, input.id);
    }
  }
  return new Map([...labels.entries()].sort(([a], [b]) => compareIds(a, b)));
}

/** Orders ids by code unit, so results do not depend on the locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Edges {
  readonly parents: string[];
  readonly dependsOn: string[];
}

function resolveEdges(
  byId: ReadonlyMap<string, RevisionInput>,
  labels: ReadonlyMap<string, string>,
): Map<string, Edges> {
  const edges = new Map<string, Edges>();
  for (const input of byId.values()) {
    const parents = dedupe(input.parents);
    for (const parent of parents) {
      if (!byId.has(parent)) throw new MissingRevisionError(input.id, parent, input.source, 'parent');
    }
    const dependsOn: string[] = [];
    for (const dep of dedupe(input.dependsOn ?? [])) {
      const id = byId.has(dep) ? dep : labels.get(dep);
      if (id === undefined) throw new MissingRevisionError(input.id, dep, input.source, 'dependency');
      if (!parents.includes(id) && !dependsOn.includes(id)) dependsOn.push(id);
    }
    edges.set(input.id, { parents, dependsOn });
  }
  return edges;
}

/** Finds a cycle over parent and dependency edges (iterative DFS); returns it closed, or null. */
function findCycle(edges: ReadonlyMap<string, Edges>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const down = (id: string): string[] => {
    const e = edges.get(id);
    return e ? [...e.parents, ...e.dependsOn].sort(compareIds) : [];
  };
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const stack: { id: string; next: string[] }[] = [{ id: start, next: down(start) }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (!frame) break;
      const nextId = frame.next.shift();
      if (nextId === undefined) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      const seen = state.get(nextId);
      if (seen === 'open') {
        const path = stack.map((f) => f.id);
        return closeCycle(path.slice(path.indexOf(nextId)));
      }
      if (seen === undefined) {
        state.set(nextId, 'open');
        stack.push({ id: nextId, next: down(nextId) });
      }
    }
  }
  return null;
}

/** Rotates a cycle so its smallest id comes first, and repeats that id at the end. */
function closeCycle(cycle: string[]): string[] {
  const smallest = [...cycle].sort(compareIds)[0];
  const at = smallest === undefined ? 0 : cycle.indexOf(smallest);
  const rotated = [...cycle.slice(at), ...cycle.slice(0, at)];
  const first = rotated[0];
  return first === undefined ? rotated : [...rotated, first];
}

/**
 * Validates revision declarations and derives the graph's edges. Throws, in this order of
 * checks: {@link InvalidRevisionError}, {@link DuplicateRevisionError},
 * {@link DuplicateBranchLabelError}, {@link MissingRevisionError}, {@link RevisionCycleError}.
 *
 * @example
 * ```ts
 * const { revisions, labels } = buildRevisions([{ id: 'a1', parents: [] }, { id: 'b2', parents: ['a1'] }]);
 * revisions.get('a1')?.children; // ['b2']
 * ```
 */
export function buildRevisions(inputs: readonly RevisionInput[]): BuiltRevisions {
  const byId = indexById(inputs);
  const labels = indexLabels(byId);
  const edges = resolveEdges(byId, labels);
  const cycle = findCycle(edges);
  if (cycle) {
    const files = dedupe(cycle.map((id) => byId.get(id)?.source).filter((s): s is string => s !== undefined));
    throw new RevisionCycleError(cycle, files);
  }

  const children = new Map<string, string[]>();
  const dependents = new Map<string, string[]>();
  for (const [id, e] of edges) {
    for (const p of e.parents) children.set(p, [...(children.get(p) ?? []), id]);
    for (const d of e.dependsOn) dependents.set(d, [...(dependents.get(d) ?? []), id]);
  }

  const revisions = new Map<string, Revision>();
  for (const [id, input] of byId) {
    const e = edges.get(id) ?? { parents: [], dependsOn: [] };
    revisions.set(
      id,
      Object.freeze({
        kind: 'revision' as const,
        id,
        parents: Object.freeze(e.parents),
        dependsOn: Object.freeze(e.dependsOn),
        branchLabels: Object.freeze(dedupe(input.branchLabels ?? [])),
        message: input.message ?? null,
        source: input.source ?? null,
        children: Object.freeze((children.get(id) ?? []).sort(compareIds)),
        dependents: Object.freeze((dependents.get(id) ?? []).sort(compareIds)),
      }),
    );
  }
  return { revisions, labels };
}
