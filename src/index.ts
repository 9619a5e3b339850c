/**
 * retort's public API. Minimal for now: each layer's own index lists what it exports.
 */
export * from './errors/index.js';
export { isSql, sql, type SqlFragment } from './sql/sql.js';
export * from './schema/index.js';
export * from './orm/index.js';
export { Operations } from './operations/facade.js';
