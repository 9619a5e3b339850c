/**
 * The built-in dialects, registered on import (all three loaded; `./builtin.js` registers them
 * to be loaded on first use). Adding a dialect is adding a folder under `src/dialects/` and a
 * line here and in `./builtin.js`.
 */
import './builtin.js';
import { registerDialect } from '../engine/registry.js';
import { mysqlDialect } from './mysql/index.js';
import { postgresDialect } from './postgres/index.js';
import { sqliteDialect } from './sqlite/index.js';

registerDialect(postgresDialect);
registerDialect(mysqlDialect);
registerDialect(sqliteDialect);

export { mysqlDialect, postgresDialect, sqliteDialect };
