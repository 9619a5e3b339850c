import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AmbiguousRevisionError, MultipleHeadsError, RevisionNotFoundError, RevisionTargetError } from '../../src/errors/index.js';
import { RevisionGraph } from '../../src/migrations/revision-graph.js';
import { formatTarget, parseTarget } from '../../src/migrations/revision-target.js';
import { branched, ids, rev } from './revision-fixtures.js';

// 1a2b3c4d5e6f <- 1a2b99aa0000 <- 7c7c7c7c7c7c <- 8d8d8d8d8d8d (label tip on the last)
const chain = RevisionGraph.build([
  rev('1a2b3c4d5e6f'),
  rev('1a2b99aa0000', ['1a2b3c4d5e6f']),
  rev('7c7c7c7c7c7c', ['1a2b99aa0000']),
  rev('8d8d8d8d8d8d', ['7c7c7c7c7c7c'], { branchLabels: ['tip'] }),
]);
const [r1, r2, r3, r4] = ['1a2b3c4d5e6f', '1a2b99aa0000', '7c7c7c7c7c7c', '8d8d8d8d8d8d'];

describe('parsing targets', () => {
  it('reads symbols, labels and relative forms into kind-tagged data', () => {
    assert.deepEqual(parseTarget('head'), { kind: 'head', branch: null });
    assert.deepEqual(parseTarget('feature@heads'), { kind: 'heads', branch: 'feature' });
    assert.deepEqual(parseTarget('ae10'), { kind: 'ref', ref: 'ae10', branch: null });
    assert.deepEqual(parseTarget('+2'), { kind: 'relative', anchor: null, steps: 2, branch: null });
    assert.deepEqual(parseTarget('feature@-1'), { kind: 'relative', anchor: null, steps: -1, branch: 'feature' });
    assert.deepEqual(parseTarget('head-3'), { kind: 'relative', anchor: 'head', steps: -3, branch: null });
    assert.deepEqual(parseTarget('my-feature@head'), { kind: 'head', branch: 'my-feature' });
    for (const text of ['head', 'feature@heads', 'ae10+1', 'x@-2', 'base']) assert.equal(formatTarget(parseTarget(text)), text);
  });

  it('rejects what is not a target', () => {
    assert.throws(() => parseTarget(''), RevisionTargetError);
    assert.throws(() => parseTarget('a@b@c'), /more than one "@"/);
    assert.throws(() => parseTarget('feature@'), RevisionTargetError);
    assert.throws(() => parseTarget('a b'), /not a revision target/);
  });
});

describe('resolving ids, prefixes and symbols', () => {
  it('resolves full ids, unique prefixes, labels, head, heads and base', () => {
    assert.deepEqual(chain.resolve(r3), [r3]);
    assert.deepEqual(chain.resolve('7c7'), [r3]);
    assert.deepEqual(chain.resolve('1a2b3'), [r1]);
    assert.deepEqual(chain.resolve('tip'), [r4]);
    assert.deepEqual(chain.resolve('head'), [r4]);
    assert.deepEqual(chain.resolve('heads'), [r4]);
    assert.deepEqual(chain.resolve('base'), []);
    assert.equal(chain.resolveOne('head'), r4);
    assert.equal(chain.resolveOne('base'), null);
  });

  it('lists the candidates of an ambiguous prefix', () => {
    const err = captured(() => chain.resolve('1a2b'));
    assert.ok(err instanceof AmbiguousRevisionError);
    assert.deepEqual(err.candidates, [r1, r2]);
    assert.equal(err.message, `revision prefix "1a2b" is ambiguous: it matches ${r1}, ${r2}`);
  });

  it('says when nothing matches, and when a prefix is too short', () => {
    const none = captured(() => chain.resolve('ffff'));
    assert.ok(none instanceof RevisionNotFoundError);
    assert.equal(none.message, 'no revision or branch label "ffff"');
    assert.match(captured(() => chain.resolve('7c')).message, /at least 3 characters/);
    assert.match(captured(() => chain.resolve('nope@head')).message, /no branch label or revision "nope"/);
  });

  it('resolves label@head, label@heads, label@rev, and refuses a revision off the branch', () => {
    const g = RevisionGraph.build(branched);
    assert.deepEqual(g.resolve('feature@head'), ['f2']);
    assert.deepEqual(g.resolve('trunk@heads'), ['m2']);
    assert.deepEqual(g.resolve('heads'), ['f2', 'm2']);
    assert.deepEqual(g.resolve('feature@f1'), ['f1']);
    assert.deepEqual(g.resolve('feature@a'), ['a']);
    assert.deepEqual(g.resolve('f1@head'), ['f2']);
    assert.throws(() => g.resolve('feature@m1'), /revision "m1" is not on branch "feature"/);
    const err = captured(() => g.resolveOne('heads'));
    assert.ok(err instanceof MultipleHeadsError);
    assert.match(captured(() => g.resolve('a@head')).message, /multiple heads are present for "a@head" \(f2, m2\)/);
  });
});

describe('relative targets', () => {
  it('counts +N and -N from the current heads', () => {
    assert.deepEqual(chain.resolve('+1'), [r1]);
    assert.deepEqual(chain.resolve('+2', { current: [] }), [r2]);
    assert.deepEqual(chain.resolve('+1', { current: [r2] }), [r3]);
    assert.deepEqual(chain.resolve('-1', { current: [r3] }), [r2]);
    assert.deepEqual(chain.resolve('-3', { current: [r3] }), []);
    assert.throws(() => chain.resolve('-4', { current: [r3] }), /goes below base after 3 of 4 steps/);
    assert.throws(() => chain.resolve('+3', { current: [r2] }), /goes past the top of the graph: "8d8d8d8d8d8d" is a head after 2 of 3 steps/);
    assert.throws(() => chain.resolve('-1', { current: [] }), /the database is at base/);
    assert.throws(() => chain.resolve('+0', { current: [r2] }), /moves no step/);
  });

  it('counts from a named revision: rev+N, rev-N, head-N, label-N', () => {
    assert.deepEqual(chain.resolve('1a2b3+2'), [r3]);
    assert.deepEqual(chain.resolve(`${r3}-2`), [r1]);
    assert.deepEqual(chain.resolve('head-1'), [r3]);
    assert.deepEqual(chain.resolve('head-4'), []);
    assert.deepEqual(chain.resolve('tip-2'), [r2]);
    assert.deepEqual(chain.labelsOf(r1), ['tip'], 'a label spreads down its unbranched stem');
    assert.deepEqual(chain.resolve('base+1'), [r1]);
  });

  it('plans relative upgrades and downgrades', () => {
    assert.deepEqual(ids(chain.planUpgrade([r1], '+2')), [r2, r3]);
    assert.deepEqual(ids(chain.planDowngrade([r4], '-2')), [r4, r3]);
    assert.deepEqual(ids(chain.planDowngrade([r4], 'head-1')), [r4]);
    assert.deepEqual(ids(chain.planUpgrade([], 'head-1')), [r1, r2, r3]);
  });

  it('needs a branch to walk up from a branch point, and takes it from label@+N', () => {
    const g = RevisionGraph.build(branched);
    const err = captured(() => g.resolve('+1', { current: ['a'] }));
    assert.ok(err instanceof RevisionTargetError);
    assert.match(err.message, /"a" is a branch point with children f1, m1/);
    assert.deepEqual(g.resolve('feature@+1', { current: ['a'] }), ['f1']);
    assert.deepEqual(g.resolve('trunk@+2', { current: ['a'] }), ['m2']);
    assert.deepEqual(g.resolve('feature@+1', { current: ['m2'] }), ['f1']);
    assert.deepEqual(g.resolve('feature@+1', { current: ['f1', 'm2'] }), ['f2']);
    assert.deepEqual(g.resolve('trunk@+1', { current: [] }), ['a']);
    assert.throws(() => g.resolve('a+1'), /branch point/);
    assert.deepEqual(g.resolve('f1@a+1'), ['f1']);
  });

  it('refuses +N from several current heads, and walks label@-N down its branch', () => {
    const g = RevisionGraph.build(branched);
    assert.throws(() => g.resolve('+1', { current: ['f1', 'm1'] }), /several heads \(f1, m1\); count from one of them \(e\.g\. "f1\+1"\)/);
    assert.deepEqual(g.resolve('f1+1', { current: ['f1', 'm1'] }), ['f2']);
    assert.deepEqual(g.resolve('trunk@-1', { current: ['f2', 'm2'] }), ['m1']);
    assert.deepEqual(g.resolve('trunk@-2', { current: ['f2', 'm2'] }), ['a']);
    assert.deepEqual(ids(g.planUpgrade(['f2', 'm1'], 'trunk@+1')), ['m2']);
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
