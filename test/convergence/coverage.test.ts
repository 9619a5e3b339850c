// The convergence matrix covers every migration op kind: each (but raw `execute`) is one that some
// scenario states compare must produce, on some dialect (the matrix checks that it does).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { OperationKind } from '../../src/operations/operation.js';
import { columnScenarios } from './scenarios-columns.js';
import { constraintScenarios } from './scenarios-constraints.js';
import { rebuildScenarios } from './scenarios-rebuilds.js';
import { tableScenarios } from './scenarios-tables.js';

const KINDS = [
  'createTable', 'dropTable', 'renameTable', 'setTableComment', 'addColumn', 'dropColumn', 'renameColumn', 'alterColumn',
  'createIndex', 'dropIndex', 'addPrimaryKey', 'dropPrimaryKey', 'addForeignKey', 'dropForeignKey', 'addUnique', 'dropUnique',
  'addCheck', 'dropCheck', 'createEnum', 'dropEnum', 'addEnumValue', 'dropEnumValue', 'execute',
] as const satisfies readonly OperationKind[];

// a new op kind does not compile until it is listed here
const everyKindListed: [Exclude<OperationKind, (typeof KINDS)[number]>] extends [never] ? true : false = true;

it('the convergence matrix has a scenario for every op kind but execute, and 30 scenarios or more', () => {
  assert.ok(everyKindListed);
  const scenarios = [...columnScenarios, ...tableScenarios, ...constraintScenarios, ...rebuildScenarios];
  const covered = new Set(scenarios.flatMap((s) => s.ops ?? []));
  assert.deepEqual(KINDS.filter((k) => k !== 'execute' && !covered.has(k)), []);
  assert.ok(scenarios.length >= 30, `${scenarios.length} scenarios`);
  assert.equal(new Set(scenarios.map((s) => s.name)).size, scenarios.length, 'scenario names are unique');
});
