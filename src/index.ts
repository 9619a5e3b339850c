/**
 * retort: migration-centric schema management for TypeScript. This is the public entry point;
 * importing it registers the built-in dialects (their npm drivers load only on first connect).
 * Besides the engine, schema and ORM it exports what every `retort` command runs: `upgrade`,
 * `downgrade`, `current`, `stamp`, `history`, `heads`, `revision`, `merge`, `autogenerate`,
 * `check`, and the pieces under them (`inspect`, `compare`, `renderMigration`, `loadConfig`).
 *
 * @example
 * ```ts
 * import { createEngine, sql, upgrade, check } from 'retort';
 * const engine = createEngine(process.env.DATABASE_URL ?? 'sqlite:///app.db');
 * const { rows } = await engine.execute(sql`SELECT ${1} AS one`);
 * await upgrade({ engine });
 * const { matches } = await check({ engine });
 * await engine.dispose();
 * ```
 */
import './dialects/index.js';

export * from './errors/index.js';
export { sql, isSql, type SqlFragment } from './sql/sql.js';
export { createEngine } from './engine/engine.js';
export { DatabaseUrl, parseUrl, type DatabaseUrlParts } from './engine/url.js';
export { registerDialect, getDialect, listDialects } from './engine/registry.js';
export { mysqlDialect, postgresDialect, sqliteDialect } from './dialects/index.js';
export type * from './engine/types.js';
export type * from './engine/dialect.js';
export type * from './schema/snapshot.js';
export type * from './schema/type-spec.js';
export * from './schema/index.js';
export * from './orm/index.js';
export { Operations } from './operations/facade.js';
export type { Operation, OperationKind } from './operations/operation.js';
export { reverse, reverseAll } from './operations/reverse.js';
export { inspect, inspectTable } from './reflect/inspect.js';
export { toSchemaDocument } from './reflect/json-document.js';
export {
  assertNoDestructiveChanges,
  compare,
  declineRenames,
  describeDifferences,
  describeOperation,
  describeOperations,
  describeRenameCandidate,
  findDestructiveChanges,
  findRenameCandidates,
  formatRenameFlag,
  nullCheckQuery,
  parseRenameFlags,
  renderMigration,
  resolveRenames,
  resolverFromDecisions,
} from './autogenerate/index.js';
export type {
  ColumnRename,
  CompareHook,
  CompareHookContext,
  CompareOptions,
  CompareWarning,
  DestructiveChange,
  NullCheck,
  ObjectDifference,
  RenameCandidate,
  RenameDecisions,
  RenameResolver,
  RenderMigrationInput,
  ResolvedRenames,
  TableRename,
} from './autogenerate/index.js';
export * from './migrations/index.js';
