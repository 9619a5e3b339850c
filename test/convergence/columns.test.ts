// The convergence matrix, columns: add, drop, rename, types, nullability, defaults, comments, autoincrement.
import { convergenceMatrix } from './harness.js';
import { columnScenarios } from './scenarios-columns.js';

convergenceMatrix('convergence: columns', columnScenarios);
