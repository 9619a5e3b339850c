/**
 * Fixtures for the revision graph tests: small graphs, a seeded PRNG, and a version table model
 * written independently of src/migrations/revision-heads.ts, to check plans against.
 */
import assert from 'node:assert/strict';
import { headsChange } from '../../src/migrations/revision-heads.js';
import type { MigrationStep, RevisionInput } from '../../src/migrations/revision.js';

/** Shorthand for a revision declaration. */
export function rev(id: string, parents: readonly string[] = [], extra: Partial<RevisionInput> = {}): RevisionInput {
  return { id, parents, source: `migrations/${id}.ts`, ...extra };
}

/** a <- f1 <- f2 (label feature on f1) and a <- m1 <- m2 (label trunk on m1): two open branches. */
export const branched: readonly RevisionInput[] = [
  rev('a'),
  rev('f1', ['a'], { branchLabels: ['feature'] }),
  rev('f2', ['f1']),
  rev('m1', ['a'], { branchLabels: ['trunk'] }),
  rev('m2', ['m1']),
];

/** a <- b1 <- b2, a <- c1, merge mg(b2, c1) <- n. */
export const merged: readonly RevisionInput[] = [
  rev('a'),
  rev('b1', ['a']),
  rev('b2', ['b1']),
  rev('c1', ['a']),
  rev('mg', ['b2', 'c1'], { message: 'merge' }),
  rev('n', ['mg']),
];

/** Two roots: x1 <- x2 (label xs on x1) and y1 <- y2, where y2 depends on x2. */
export const dependent: readonly RevisionInput[] = [
  rev('x1', [], { branchLabels: ['xs'] }),
  rev('x2', ['x1']),
  rev('y1'),
  rev('y2', ['y1'], { dependsOn: ['x2'] }),
];

/** mulberry32: a small seeded PRNG returning numbers in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A version table and the applied set, kept the naive way: a revision may run up only when all
 * its parents and dependencies are applied, down only when nothing applied needs it; the heads
 * are the applied revisions no applied revision needs. Rows change by the step's heads diff.
 */
export class VersionTableModel {
  readonly applied = new Set<string>();
  rows: string[];
  readonly visited: string[] = [];
  readonly #needs: ReadonlyMap<string, readonly string[]>;

  constructor(inputs: readonly RevisionInput[], rows: readonly string[]) {
    this.#needs = new Map(inputs.map((r) => [r.id, [...r.parents, ...(r.dependsOn ?? [])]]));
    this.rows = [...rows];
    const todo = [...rows];
    for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
      if (this.applied.has(id)) continue;
      this.applied.add(id);
      todo.push(...this.#need(id));
    }
  }

  #need(id: string): readonly string[] {
    const needs = this.#needs.get(id);
    assert.ok(needs, `unknown revision ${id}`);
    return needs;
  }

  /** The heads implied by the applied set, sorted. */
  expectedHeads(): string[] {
    const needed = new Set([...this.applied].flatMap((id) => this.#need(id)));
    return [...this.applied].filter((id) => !needed.has(id)).sort();
  }

  /** Checks and applies one step of a plan. */
  run(step: MigrationStep): void {
    assert.deepEqual([...step.fromHeads], [...this.rows].sort(), `fromHeads of ${step.revision} ${step.direction}`);
    if (step.direction === 'up') {
      assert.ok(!this.applied.has(step.revision), `${step.revision} applied twice`);
      for (const n of this.#need(step.revision)) assert.ok(this.applied.has(n), `${step.revision} before ${n}`);
      this.applied.add(step.revision);
    } else {
      assert.ok(this.applied.has(step.revision), `${step.revision} reverted but not applied`);
      for (const other of this.applied) {
        assert.ok(!this.#need(other).includes(step.revision), `${step.revision} reverted before ${other}`);
      }
      this.applied.delete(step.revision);
    }
    const change = headsChange(step.fromHeads, step.toHeads);
    for (const row of change.removed) {
      assert.equal(this.rows.filter((r) => r === row).length, 1, `delete row ${row}`);
      this.rows = this.rows.filter((r) => r !== row);
    }
    for (const row of change.added) {
      assert.ok(!this.rows.includes(row), `insert row ${row} twice`);
      this.rows.push(row);
    }
    assert.deepEqual([...this.rows].sort(), this.expectedHeads(), `version table after ${step.revision} ${step.direction}`);
    this.visited.push(step.revision);
  }

  /** Runs a whole plan and returns the final rows, sorted. */
  runAll(steps: readonly MigrationStep[]): string[] {
    for (const step of steps) this.run(step);
    return [...this.rows].sort();
  }
}

/** The ids of a plan's steps. */
export function ids(steps: readonly MigrationStep[]): string[] {
  return steps.map((s) => s.revision);
}
