// Property-style tests over random revision graphs (seeded PRNG, so every run sees the same graphs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RevisionTargetError } from '../../src/errors/index.js';
import { RevisionGraph } from '../../src/migrations/revision-graph.js';
import { generateRevisionId } from '../../src/migrations/revision-id.js';
import type { RevisionInput } from '../../src/migrations/revision.js';
import { seeded, VersionTableModel } from './revision-fixtures.js';

const SEEDS = 150;

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  assert.ok(item !== undefined);
  return item;
}

/** A random DAG: bases, plain revisions, merges, and some cross-branch dependencies. */
function randomRevisions(random: () => number): RevisionInput[] {
  const n = 1 + Math.floor(random() * 18);
  const made: RevisionInput[] = [];
  for (let i = 0; i < n; i++) {
    let id = generateRevisionId(random);
    while (made.some((r) => r.id === id)) id = generateRevisionId(random);
    const earlier = made.map((r) => r.id);
    const roll = random();
    let parents: string[] = [];
    if (earlier.length > 0 && roll >= 0.1) parents = [pick(random, earlier)];
    if (earlier.length > 1 && roll >= 0.8) {
      const other = pick(random, earlier.filter((e) => e !== parents[0]));
      parents.push(other);
    }
    const others = earlier.filter((e) => !parents.includes(e));
    const dependsOn = others.length > 0 && random() < 0.15 ? [pick(random, others)] : [];
    made.push({ id, parents, dependsOn });
  }
  return made;
}

/** Everything that needs `id` (children and dependents), transitively, computed from the inputs. */
function above(inputs: readonly RevisionInput[], starts: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...starts];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    for (const r of inputs) if (r.parents.includes(id) || (r.dependsOn ?? []).includes(id)) todo.push(r.id);
  }
  return seen;
}

function below(inputs: readonly RevisionInput[], id: string): Set<string> {
  const byId = new Map(inputs.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const todo = [id];
  for (let at = todo.pop(); at !== undefined; at = todo.pop()) {
    if (seen.has(at)) continue;
    seen.add(at);
    const r = byId.get(at);
    if (r) todo.push(...r.parents, ...(r.dependsOn ?? []));
  }
  return seen;
}

/** Revisions nothing needs: the version table rows once everything is applied. */
function finalHeads(inputs: readonly RevisionInput[]): string[] {
  const needed = new Set(inputs.flatMap((r) => [...r.parents, ...(r.dependsOn ?? [])]));
  return inputs.map((r) => r.id).filter((id) => !needed.has(id)).sort();
}

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

describe('random revision graphs', () => {
  it('upgrade base -> heads then downgrade -> base visit every revision exactly once each way', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = seeded(seed);
      const inputs = randomRevisions(random);
      const graph = RevisionGraph.build(inputs);
      const all = sorted(inputs.map((r) => r.id));

      const up = graph.planUpgrade([], 'heads');
      const upModel = new VersionTableModel(inputs, []);
      const top = upModel.runAll(up);
      assert.deepEqual(sorted(upModel.visited), all, `seed ${seed}: upgrade visits`);
      assert.deepEqual(top, finalHeads(inputs), `seed ${seed}: heads after upgrade`);
      assert.deepEqual(graph.planUpgrade(top, 'heads'), [], `seed ${seed}: nothing left to upgrade`);

      const down = graph.planDowngrade(top, 'base');
      const downModel = new VersionTableModel(inputs, top);
      assert.deepEqual(downModel.runAll(down), [], `seed ${seed}: heads after downgrade`);
      assert.deepEqual(sorted(downModel.visited), all, `seed ${seed}: downgrade visits`);
      assert.ok(down.every((s) => s.direction === 'down') && up.every((s) => s.direction === 'up'));

      assert.deepEqual(graph.planUpgrade([], 'heads'), up, `seed ${seed}: deterministic`);
    }
  });

  it('upgrading to one revision applies exactly what it needs, and the rest later', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = seeded(seed * 7919);
      const inputs = randomRevisions(random);
      const graph = RevisionGraph.build(inputs);
      const target = pick(random, inputs).id;

      const first = new VersionTableModel(inputs, []);
      assert.deepEqual(first.runAll(graph.planUpgrade([], target)), [target], `seed ${seed}: rows at ${target}`);
      assert.deepEqual(sorted(first.visited), sorted(below(inputs, target)), `seed ${seed}: applied for ${target}`);

      const rest = new VersionTableModel(inputs, [target]);
      assert.deepEqual(rest.runAll(graph.planUpgrade([target], 'heads')), finalHeads(inputs), `seed ${seed}: rest`);
      assert.deepEqual(sorted([...first.visited, ...rest.visited]), sorted(inputs.map((r) => r.id)), `seed ${seed}: no repeats`);
    }
  });

  it('downgrading to a revision reverts exactly what descends from its children', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = seeded(seed * 104729);
      const inputs = randomRevisions(random);
      const graph = RevisionGraph.build(inputs);
      const top = finalHeads(inputs);
      const target = pick(random, inputs).id;
      const children = inputs.filter((r) => r.parents.includes(target)).map((r) => r.id);
      const expected = above(inputs, children);

      if (expected.size === 0 && !top.includes(target)) {
        assert.throws(() => graph.planDowngrade(top, target), RevisionTargetError, `seed ${seed}`);
        continue;
      }
      const model = new VersionTableModel(inputs, top);
      model.runAll(graph.planDowngrade(top, target));
      assert.deepEqual(sorted(model.visited), sorted(expected), `seed ${seed}: reverted for ${target}`);
      assert.ok(model.applied.has(target), `seed ${seed}: ${target} stays applied`);
    }
  });
});
