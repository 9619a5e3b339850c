/**
 * Versioned migrations: configuration, the script directory, the revision graph, and the runner's
 * programmatic API (upgrade, downgrade, current, stamp, history, heads, check, autogenerate,
 * revision, merge).
 *
 * @example
 * ```ts
 * import { upgrade, current } from 'retort';
 * const result = await upgrade({ url: process.env.DATABASE_URL, target: 'head' });
 * const { heads, pending, drift } = await current();
 * ```
 */
export { defineConfig, DEFAULT_MIGRATIONS_DIR, DEFAULT_VERSION_TABLE } from './config.js';
export type { ConfigRenames, ResolvedConfig, RetortConfig, TableNameFilter, TransactionMode } from './config.js';
export { CONFIG_FILE_NAMES, findConfigFile, loadConfig } from './config-load.js';
export type { ConfigOverrides, LoadConfigOptions } from './config-load.js';
export { upgrade, downgrade } from './api.js';
export type { MigrateOptions } from './api.js';
export { appliedHistory, current, heads, history } from './api-status.js';
export type { CurrentResult, HeadInfo, RevisionInfo } from './api-status.js';
export { stamp } from './api-stamp.js';
export { check } from './api-check.js';
export type { CheckOptions, CheckResult } from './api-check.js';
export { autogenerate } from './api-autogenerate.js';
export type { AutogenerateOptions, AutogenerateResult, AutogenerateWarning } from './api-autogenerate.js';
export { merge, revision } from './api-revision.js';
export type { MergeOptions, NewRevision, NewRevisionOptions, RevisionOptions } from './api-revision.js';
export type { ModelsCompareOptions } from './models-compare.js';
export { loadModels, modelsSnapshot, pickMetaData } from './models-loader.js';
export type { LoadedModels } from './models-loader.js';
export type { StampOptions, StampResult } from './api-stamp.js';
export type { MigrationApiOptions } from './api-context.js';
export type {
  LockAcquiredEvent,
  LockWaitEvent,
  MigrateResult,
  MigrationEvent,
  MigrationListener,
  MigrationWarningCode,
  MigrationWarningEvent,
  PlanEvent,
  PlannedStep,
  StepFinishEvent,
  StepResult,
  StepStartEvent,
} from './runner-events.js';
export type { ChecksumDrift } from './checksum-drift.js';
export { describeDrift } from './checksum-drift.js';
export { ScriptDirectory, checksumOf, isMigrationFileName, listMigrationFiles, loadMigrationScript } from './script-directory.js';
export type { MigrationFunction, MigrationScript } from './migration-script.js';
export { writeRevision } from './revision-writer.js';
export type { RevisionBody, WriteRevisionOptions, WrittenRevision } from './revision-writer.js';
export { runOffline, runOnline, onlineOnlyStatements } from './runner.js';
export type { OfflineRunOptions, OnlineRunOptions, RunOptions } from './runner.js';
export type { HistoryRow } from './version-table.js';
export type { HistoryDirection } from './version-table-sql.js';
export { historyTableName, versionTableNames } from './version-table-sql.js';
export { RevisionGraph } from './revision-graph.js';
