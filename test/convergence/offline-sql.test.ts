// DESIGN.md invariant 4 over the convergence matrix: for every scenario, the `--sql` script of the
// migration A -> B (upgrade and downgrade) is, statement for statement, what the online run executes.
import { offlineMatrix } from './harness.js';
import { columnScenarios } from './scenarios-columns.js';
import { constraintScenarios } from './scenarios-constraints.js';
import { rebuildScenarios } from './scenarios-rebuilds.js';
import { tableScenarios } from './scenarios-tables.js';

offlineMatrix('--sql script = online statements', [...columnScenarios, ...tableScenarios, ...constraintScenarios, ...rebuildScenarios]);
