// DESIGN.md invariant 4 over the convergence matrix (constraints, enums and rebuilds; columns and
// tables are in offline-sql-columns-tables.test.ts): for every scenario, the `--sql` script of the
// migration A -> B, upgrade and downgrade, is statement for statement what the online run executes.
import { offlineMatrix } from './harness.js';
import { constraintScenarios } from './scenarios-constraints.js';
import { rebuildScenarios } from './scenarios-rebuilds.js';

offlineMatrix('--sql script = online statements: constraints, enums and rebuilds', [...constraintScenarios, ...rebuildScenarios]);
