// The convergence matrix, tables: create, drop, rename, comments, FK cycles, model classes, the
// schema fixture; and "no change" for the whole schema fixture (each scenario's A is checked the
// same way before it is migrated).
import { buildSchemaFixture } from '../fixtures/schema-fixture.js';
import { convergenceMatrix } from './harness.js';
import { tableScenarios } from './scenarios-tables.js';

convergenceMatrix('convergence: tables', tableScenarios, { 'the schema fixture': buildSchemaFixture });
