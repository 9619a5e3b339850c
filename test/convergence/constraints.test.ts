// The convergence matrix, constraints: indexes, uniques, checks, foreign keys, primary keys.
import { convergenceMatrix } from './harness.js';
import { constraintScenarios } from './scenarios-constraints.js';

convergenceMatrix('convergence: constraints', constraintScenarios);
