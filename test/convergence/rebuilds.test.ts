// The convergence matrix, enums and table rebuilds: PostgreSQL enum types, MySQL inline enums, and
// changes SQLite rebuilds tables for, with rows and foreign keys in and out.
import { convergenceMatrix } from './harness.js';
import { rebuildScenarios } from './scenarios-rebuilds.js';

convergenceMatrix('convergence: enums and rebuilds', rebuildScenarios);
