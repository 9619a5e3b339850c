/**
 * `pg`, loaded with a `navigator` stub in place (see `./pg-navigator.ts`). ES modules evaluate in
 * the order of their imports and, without top-level await, in one synchronous step: the stub is
 * defined, pg runs, the stub is removed, and nothing else runs in between. The driver imports
 * this module on first connect; the CLI bundle carries pg inside it, as a chunk of its own.
 */
import { restoreNavigator } from './pg-navigator.js';
import pg from 'pg';

restoreNavigator();

export default pg;
