import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DuplicateBranchLabelError,
  DuplicateRevisionError,
  InvalidRevisionError,
  MissingRevisionError,
  MultipleHeadsError,
  RevisionCycleError,
  RevisionNotFoundError,
  RevisionStepError,
  RevisionTargetError,
} from '../../src/errors/index.js';
import { RevisionGraph } from '../../src/migrations/revision-graph.js';
import { branched, dependent, ids, merged, rev, VersionTableModel } from './revision-fixtures.js';

const linear = [rev('a'), rev('b', ['a'], { message: 'add post' }), rev('c', ['b']), rev('d', ['c'])];

describe('building the graph', () => {
  it('derives heads, bases, children and the oldest-first order of a linear chain', () => {
    const g = RevisionGraph.build(linear);
    assert.deepEqual(g.heads, ['d']);
    assert.deepEqual(g.bases, ['a']);
    assert.deepEqual(g.children('b'), ['c']);
    assert.equal(g.get('b').message, 'add post');
    assert.equal(g.get('b').source, 'migrations/b.ts');
    assert.deepEqual(g.all().map((r) => r.id), ['a', 'b', 'c', 'd']);
    assert.equal(g.isBranchPoint('b'), false);
    assert.equal(g.isMergePoint('b'), false);
    assert.deepEqual(g.branches, []);
    assert.throws(() => g.get('zzz'), RevisionNotFoundError);
  });

  it('names both files of a duplicated revision id', () => {
    const err = captured(() => RevisionGraph.build([rev('a'), { id: 'a', parents: [], source: 'migrations/copy_of_a.ts' }]));
    assert.ok(err instanceof DuplicateRevisionError);
    assert.equal(err.code, 'REVISION_DUPLICATE');
    assert.match(err.message, /"a"/);
    assert.match(err.message, /migrations\/a\.ts/);
    assert.match(err.message, /migrations\/copy_of_a\.ts/);
  });

  it('names the revision, its file and the missing parent or dependency', () => {
    const parent = captured(() => RevisionGraph.build([rev('a'), rev('b', ['nope'])]));
    assert.ok(parent instanceof MissingRevisionError);
    assert.equal(parent.message, 'revision "b" (migrations/b.ts) names parent revision "nope", but no migration file declares it');
    const dep = captured(() => RevisionGraph.build([rev('a'), rev('b', ['a'], { dependsOn: ['gone'] })]));
    assert.ok(dep instanceof MissingRevisionError);
    assert.equal(dep.message, 'revision "b" (migrations/b.ts) depends on revision "gone", but no migration file declares it');
  });

  it('names the revisions of a cycle, through parents or dependencies', () => {
    const err = captured(() => RevisionGraph.build([rev('r'), rev('a', ['c']), rev('b', ['a']), rev('c', ['b'])]));
    assert.ok(err instanceof RevisionCycleError);
    assert.deepEqual(err.revisions, ['a', 'c', 'b', 'a']);
    assert.match(err.message, /cycle through a -> c -> b -> a/);
    assert.match(err.message, /migrations\/b\.ts/);
    const self = captured(() => RevisionGraph.build([rev('a', ['a'])]));
    assert.ok(self instanceof RevisionCycleError);
    assert.deepEqual(self.revisions, ['a', 'a']);
    const viaDep = captured(() => RevisionGraph.build([rev('a', [], { dependsOn: ['b'] }), rev('b', ['a'])]));
    assert.ok(viaDep instanceof RevisionCycleError);
  });

  it('rejects a branch label declared twice or equal to a revision id', () => {
    const twice = captured(() =>
      RevisionGraph.build([rev('a', [], { branchLabels: ['main'] }), rev('b', ['a'], { branchLabels: ['main'] })]),
    );
    assert.ok(twice instanceof DuplicateBranchLabelError);
    assert.equal(twice.code, 'REVISION_LABEL_DUPLICATE');
    assert.match(twice.message, /"main" is declared by revision "a" \(migrations\/a\.ts\) and by revision "b" \(migrations\/b\.ts\)/);
    const clash = captured(() => RevisionGraph.build([rev('a'), rev('b', ['a'], { branchLabels: ['a'] })]));
    assert.ok(clash instanceof DuplicateBranchLabelError);
    assert.match(clash.message, /is also the id of revision "a"/);
  });

  it('rejects ids and labels that targets could not name', () => {
    assert.throws(() => RevisionGraph.build([rev('ab-cd')]), InvalidRevisionError);
    assert.throws(() => RevisionGraph.build([rev('head')]), /not valid/);
    assert.throws(() => RevisionGraph.build([rev('a', [], { branchLabels: ['x@y'] })]), InvalidRevisionError);
    assert.throws(() => RevisionGraph.build([rev('a', [], { branchLabels: ['v-2'] })]), InvalidRevisionError);
  });

  it('is empty-safe: no heads, and every plan is empty', () => {
    const g = RevisionGraph.build([]);
    assert.deepEqual(g.heads, []);
    assert.deepEqual(g.resolve('head'), []);
    assert.deepEqual(g.planUpgrade([], 'heads'), []);
    assert.deepEqual(g.planDowngrade([], 'base'), []);
  });
});

describe('branches', () => {
  const g = RevisionGraph.build(branched);

  it('reports heads, branch points and labels', () => {
    assert.deepEqual(g.heads, ['f2', 'm2']);
    assert.equal(g.isBranchPoint('a'), true);
    assert.deepEqual(g.branches, [{ id: 'a', children: ['f1', 'm1'] }]);
    assert.deepEqual([...g.labels], [['feature', 'f1'], ['trunk', 'm1']]);
    assert.deepEqual(g.labelsOf('f2'), ['feature']);
    assert.deepEqual(g.labelsOf('a'), []);
  });

  it('refuses "head" with several heads, naming them and suggesting a merge', () => {
    const err = captured(() => g.planUpgrade([], 'head'));
    assert.ok(err instanceof MultipleHeadsError);
    assert.deepEqual(err.heads, ['f2', 'm2']);
    assert.match(err.message, /f2, m2/);
    assert.match(err.message, /retort merge/);
  });

  it('upgrades "heads" one branch after the other, with the version table following', () => {
    const plan = g.planUpgrade([], 'heads');
    assert.deepEqual(ids(plan), ['a', 'f1', 'f2', 'm1', 'm2']);
    assert.deepEqual(plan.map((s) => s.toHeads), [['a'], ['f1'], ['f2'], ['f2', 'm1'], ['f2', 'm2']]);
    assert.deepEqual(new VersionTableModel(branched, []).runAll(plan), ['f2', 'm2']);
  });

  it('upgrades one branch and leaves the other where it is', () => {
    const feature = g.planUpgrade([], 'feature@head');
    assert.deepEqual(ids(feature), ['a', 'f1', 'f2']);
    const trunk = g.planUpgrade(['f2'], 'trunk@head');
    assert.deepEqual(ids(trunk), ['m1', 'm2']);
    assert.deepEqual(new VersionTableModel(branched, ['f2']).runAll(trunk), ['f2', 'm2']);
    assert.deepEqual(ids(g.planUpgrade(['f2'], 'm2')), ['m1', 'm2']);
  });

  it('downgrades below a branch point down both branches, keeping the point while a branch needs it', () => {
    const plan = g.planDowngrade(['f2', 'm2'], 'a');
    assert.deepEqual(ids(plan), ['f2', 'f1', 'm2', 'm1']);
    assert.deepEqual(plan.map((s) => s.toHeads), [['f1', 'm2'], ['m2'], ['m1'], ['a']]);
    assert.deepEqual(new VersionTableModel(branched, ['f2', 'm2']).runAll(plan), ['a']);
    assert.deepEqual(ids(g.planDowngrade(['f2', 'm2'], 'base')), ['f2', 'f1', 'm2', 'm1', 'a']);
  });

  it('downgrades one branch with label@-N or head@-N, and refuses a bare -1 from two heads', () => {
    assert.deepEqual(ids(g.planDowngrade(['f2', 'm2'], 'feature@-1')), ['f2']);
    assert.deepEqual(ids(g.planDowngrade(['f2', 'm2'], 'm2@-1')), ['m2']);
    const both = g.planDowngrade(['f2', 'm2'], 'feature@-2');
    assert.deepEqual(ids(both), ['f2', 'f1']);
    assert.deepEqual(both.at(-1)?.toHeads, ['m2']);
    const err = captured(() => g.planDowngrade(['f2', 'm2'], '-1'));
    assert.ok(err instanceof RevisionTargetError);
    assert.match(err.message, /several heads \(f2, m2\)/);
  });
});

describe('merges', () => {
  const g = RevisionGraph.build(merged);

  it('marks the merge point and has one head', () => {
    assert.equal(g.isMergePoint('mg'), true);
    assert.deepEqual(g.heads, ['n']);
    assert.deepEqual(g.resolve('head'), ['n']);
  });

  it('applies the merge once, after both parents, and the version table collapses to one row', () => {
    const plan = g.planUpgrade([], 'head');
    assert.deepEqual(ids(plan), ['a', 'b1', 'b2', 'c1', 'mg', 'n']);
    assert.deepEqual(plan.map((s) => s.toHeads), [['a'], ['b1'], ['b2'], ['b2', 'c1'], ['mg'], ['n']]);
    assert.deepEqual(new VersionTableModel(merged, []).runAll(plan), ['n']);
    assert.deepEqual(ids(g.planUpgrade(['b2'], 'head')), ['c1', 'mg', 'n']);
    assert.deepEqual(ids(g.planUpgrade(['b1', 'c1'], 'mg')), ['b2', 'mg']);
  });

  it('downgrades through the merge down each branch', () => {
    const plan = g.planDowngrade(['n'], 'a');
    assert.deepEqual(ids(plan), ['n', 'mg', 'b2', 'b1', 'c1']);
    assert.deepEqual(plan.map((s) => s.toHeads), [['mg'], ['b2', 'c1'], ['b1', 'c1'], ['c1'], ['a']]);
    assert.deepEqual(new VersionTableModel(merged, ['n']).runAll(plan), ['a']);
  });

  it('downgrades to a revision on one side of the merge, keeping the other side', () => {
    const plan = g.planDowngrade(['n'], 'b1');
    assert.deepEqual(ids(plan), ['n', 'mg', 'b2']);
    assert.deepEqual(new VersionTableModel(merged, ['n']).runAll(plan), ['b1', 'c1']);
  });

  it('refuses to walk down through a merge with -N', () => {
    assert.deepEqual(ids(g.planDowngrade(['n'], '-1')), ['n']);
    assert.throws(() => g.planDowngrade(['n'], '-2'), /"mg" merges b2, c1/);
  });
});

describe('dependsOn', () => {
  const g = RevisionGraph.build(dependent);

  it('orders dependencies first without making them parents', () => {
    assert.deepEqual(g.heads, ['x2', 'y2']);
    assert.deepEqual(g.bases, ['x1', 'y1']);
    assert.equal(g.isBranchPoint('x2'), false);
    assert.deepEqual(g.get('x2').dependents, ['y2']);
    const plan = g.planUpgrade([], 'y2');
    assert.deepEqual(ids(plan), ['x1', 'x2', 'y1', 'y2']);
    assert.deepEqual(plan.map((s) => s.toHeads), [['x1'], ['x2'], ['x2', 'y1'], ['y2']]);
    assert.deepEqual(new VersionTableModel(dependent, []).runAll(plan), ['y2']);
    assert.deepEqual(ids(g.planUpgrade([], 'y1')), ['y1']);
    assert.deepEqual(ids(g.planUpgrade(['y1'], 'y2')), ['x1', 'x2', 'y2']);
  });

  it('resolves a dependency given as a branch label', () => {
    const h = RevisionGraph.build([rev('x1', [], { branchLabels: ['xs'] }), rev('y1'), rev('y2', ['y1'], { dependsOn: ['xs'] })]);
    assert.deepEqual(h.get('y2').dependsOn, ['x1']);
    assert.deepEqual(ids(h.planUpgrade([], 'y2')), ['x1', 'y1', 'y2']);
  });

  it('reverts the dependents of what a downgrade removes', () => {
    const plan = g.planDowngrade(['y2'], 'x1');
    assert.deepEqual(ids(plan), ['y2', 'x2']);
    assert.deepEqual(new VersionTableModel(dependent, ['y2']).runAll(plan), ['x1', 'y1']);
    assert.deepEqual(new VersionTableModel(dependent, ['y2']).runAll(g.planDowngrade(['y2'], 'y1')), ['x2', 'y1']);
  });

  it('downgrades one root of several to base with label@base', () => {
    const plan = g.planDowngrade(['y2'], 'xs@base');
    assert.deepEqual(ids(plan), ['y2', 'x2', 'x1']);
    assert.deepEqual(new VersionTableModel(dependent, ['y2']).runAll(plan), ['y1']);
  });

  it('treats a head applied only as a dependency as reached, and will not downgrade to it', () => {
    assert.deepEqual(g.planUpgrade(['y2'], 'heads'), []);
    assert.deepEqual(g.planUpgrade(['y2'], 'x2'), []);
    assert.throws(() => g.planDowngrade(['y2'], 'x2'), /applied because "y2" depends on it/);
  });
});

describe('impossible targets', () => {
  const g = RevisionGraph.build(linear);

  it('refuses to upgrade to a revision below the current head', () => {
    const err = captured(() => g.planUpgrade(['c'], 'b'));
    assert.ok(err instanceof RevisionTargetError);
    assert.equal(err.message, 'cannot upgrade to "b": revision "b" is already applied, below the current head c; use "retort downgrade b" to go back to it');
    assert.throws(() => g.planUpgrade(['c'], 'base'), /use "retort downgrade base"/);
    assert.throws(() => g.planUpgrade(['c'], '-1'), /use "retort downgrade -1"/);
    assert.deepEqual(g.planUpgrade(['c'], 'c'), []);
  });

  it('refuses to downgrade to a revision that is not applied', () => {
    const err = captured(() => g.planDowngrade(['b'], 'd'));
    assert.ok(err instanceof RevisionTargetError);
    assert.equal(err.message, 'cannot downgrade to "d": revision "d" is not applied (current heads: b); use "retort upgrade d" to reach it');
    assert.throws(() => g.planDowngrade(['b'], '+1'), /use "retort upgrade \+1"/);
    assert.throws(() => g.planDowngrade([], '-1'), /the database is at base/);
    assert.deepEqual(g.planDowngrade(['b'], 'b'), []);
  });

  it('names a stored revision no file declares', () => {
    assert.throws(() => g.planUpgrade(['gone'], 'head'), /the database records revision "gone", but no migration file declares it/);
  });
});

describe('heads bookkeeping', () => {
  it('computes the heads after each step, for merges and branch points', () => {
    const m = RevisionGraph.build(merged);
    assert.deepEqual(m.applyStep(['b2', 'c1'], { revision: 'mg', direction: 'up' }), ['mg']);
    assert.deepEqual(m.applyStep(['mg'], { revision: 'mg', direction: 'down' }), ['b2', 'c1']);
    assert.deepEqual(m.applyStep(['b1', 'c1'], { revision: 'b1', direction: 'down' }), ['c1']);
    assert.deepEqual(m.applyStep(['c1'], { revision: 'b1', direction: 'up' }), ['b1', 'c1']);
    assert.deepEqual(m.applyStep([], { revision: 'a', direction: 'up' }), ['a']);
    assert.deepEqual(m.applyStep(['a'], { revision: 'a', direction: 'down' }), []);
  });

  it('refuses steps that do not fit the heads, saying why', () => {
    const m = RevisionGraph.build(merged);
    const early = captured(() => m.applyStep(['a'], { revision: 'b2', direction: 'up' }));
    assert.ok(early instanceof RevisionStepError);
    assert.match(early.message, /cannot apply "b2": its parent "b1" must be applied first \(current heads: a\)/);
    assert.throws(() => m.applyStep(['b2'], { revision: 'b1', direction: 'up' }), /already applied/);
    assert.throws(() => m.applyStep(['b2', 'c1'], { revision: 'a', direction: 'down' }), /"b1", "c1" still applied on top of it/);
    assert.throws(() => m.applyStep(['b1'], { revision: 'c1', direction: 'down' }), /"c1": it is not applied/);
  });

  it('normalizes stored heads that imply one another', () => {
    const m = RevisionGraph.build(merged);
    assert.deepEqual(m.normalizeHeads(['n', 'b1', 'n']), ['n']);
    assert.deepEqual(m.planUpgrade(['b1', 'b2'], 'b2'), []);
  });
});

describe('history', () => {
  const g = RevisionGraph.build(merged);

  it('lists everything newest first, or the revisions between two targets', () => {
    assert.deepEqual(g.history().map((r) => r.id), ['n', 'mg', 'c1', 'b2', 'b1', 'a']);
    assert.deepEqual(g.history('b1:').map((r) => r.id), ['n', 'mg', 'b2', 'b1']);
    assert.deepEqual(g.history(':b2').map((r) => r.id), ['b2', 'b1', 'a']);
    assert.deepEqual(g.history('current:', { current: ['mg'] }).map((r) => r.id), ['n', 'mg']);
    assert.throws(() => g.history('c1:b2'), /"c1" is not an ancestor of "b2"/);
    assert.throws(() => g.history('a'), /lower:upper/);
  });
});

describe('determinism', () => {
  it('plans identically whatever order the files come in', () => {
    const inputs = [...merged, rev('z', ['a']), rev('y', ['a'])];
    const reference = RevisionGraph.build(inputs);
    const orders = [[...inputs].reverse(), [...inputs].sort((p, q) => (p.id < q.id ? 1 : -1)), inputs.slice(3).concat(inputs.slice(0, 3))];
    for (const order of orders) {
      const g = RevisionGraph.build(order);
      assert.deepEqual(g.heads, reference.heads);
      assert.deepEqual(g.planUpgrade([], 'heads'), reference.planUpgrade([], 'heads'));
      assert.deepEqual(g.planDowngrade(['n', 'y', 'z'], 'base'), reference.planDowngrade(['n', 'y', 'z'], 'base'));
      assert.deepEqual(g.history(), reference.history());
    }
    assert.deepEqual(ids(reference.planUpgrade([], 'heads')), ['a', 'b1', 'b2', 'c1', 'mg', 'n', 'y', 'z']);
  });
});

describe('scale', () => {
  it('plans a chain of 3000 revisions both ways without deep recursion', () => {
    const chain = Array.from({ length: 3000 }, (_, i) => rev(`r${String(i).padStart(4, '0')}`, i === 0 ? [] : [`r${String(i - 1).padStart(4, '0')}`]));
    const g = RevisionGraph.build(chain);
    const up = g.planUpgrade([], 'head');
    assert.equal(up.length, 3000);
    assert.deepEqual(up.at(-1)?.toHeads, ['r2999']);
    assert.deepEqual(g.resolve('head-2999'), ['r0000']);
    assert.equal(g.planDowngrade(['r2999'], 'base').length, 3000);
    assert.equal(g.history().length, 3000);
  });
});

function captured(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    if (e instanceof Error) return e;
    throw e;
  }
  assert.fail('expected an error');
}
