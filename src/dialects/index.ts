/**
 * The built-in dialects, registered on import. Adding a dialect is adding a folder under
 * `src/dialects/` and one line here.
 */
import { registerDialect } from '../engine/registry.js';
import { mysqlDialect } from './mysql/index.js';
import { postgresDialect } from './postgres/index.js';
import { sqliteDialect } from './sqlite/index.js';

registerDialect(postgresDialect);
registerDialect(mysqlDialect);
registerDialect(sqliteDialect);

export { mysqlDialect, postgresDialect, sqliteDialect };
