// DESIGN.md invariant 4 over the convergence matrix (columns and tables; constraints and rebuilds
// are in offline-sql-constraints.test.ts, so that the two run in parallel): for every scenario, the
// `--sql` script of the migration A -> B, upgrade and downgrade, is statement for statement what
// the online run executes.
import { offlineMatrix } from './harness.js';
import { columnScenarios } from './scenarios-columns.js';
import { tableScenarios } from './scenarios-tables.js';

offlineMatrix('--sql script = online statements: columns and tables', [...columnScenarios, ...tableScenarios]);
