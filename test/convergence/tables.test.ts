// The convergence matrix, tables: create, drop, rename, comments, FK cycles, the schema fixture.
import { convergenceMatrix } from './harness.js';
import { tableScenarios } from './scenarios-tables.js';

convergenceMatrix('convergence: tables', tableScenarios);
