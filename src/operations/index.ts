/**
 * Migration operations: the op data, its reverse, its effect on a schema snapshot, its
 * statements per dialect, and the context + `op` facade that run migrations online or offline.
 */
export type * from './operation.js';
export { assertNever } from './operation.js';
export { reverse, reverseAll } from './reverse.js';
export { applyOperation, applyOperations } from './apply.js';
export type { CompileContext } from './compile.js';
export { compileOperation, compileOperations, needsSnapshot, needsTable } from './compile.js';
export type { Statement } from './statement.js';
export { mustRunOutsideTransaction } from './statement.js';
export { REBUILD_TABLE_PREFIX, compileRebuild, needsRebuild, rebuildsTables } from './sqlite-rebuild.js';
export type { StatementSink, ExecutorSinkOptions, SqlTextSinkOptions } from './sinks.js';
export { ExecutorSink, SqlTextSink } from './sinks.js';
export type { SchemaState } from './schema-state.js';
export { OfflineSchemaState } from './schema-state.js';
export type { OnlineSchemaStateOptions } from './online-schema-state.js';
export { OnlineSchemaState } from './online-schema-state.js';
export type { MigrationContextOptions } from './context.js';
export { MigrationContext } from './context.js';
export type { AlterColumnChanges, CreateIndexOptions, InSchema } from './facade.js';
export { Operations } from './facade.js';
export type { AnyColumn, CreateTableDeclaration, ForeignKeyDeclaration, ForeignKeyOptions, IndexDeclaration, ReferentialAction } from './facade-tables.js';
export { operationTable, describeOperation } from './target.js';
