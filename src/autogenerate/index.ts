// autogenerate: compare two schema snapshots into migration ops, decide renames, classify
// destructive changes, describe the differences, and render a migration file.
export { compare } from './compare.js';
export type {
  ColumnRename,
  CompareDialect,
  CompareHook,
  CompareHookContext,
  CompareHookObjects,
  CompareKind,
  CompareOptions,
  CompareWarning,
  RenameDecisions,
  TableFilter,
  TableRename,
} from './compare-options.js';
export { ComparatorRegistry } from './comparator.js';
export type { ColumnChange, ColumnComparator, Comparator, RegisterOptions, SchemaComparator, TableComparator } from './comparator.js';
export type { ColumnCompareContext, SchemaCompareContext, TableCompareContext, TablePair } from './compare-context.js';
export { defaultComparators } from './comparators/index.js';
export { OperationPlan, PHASES, type Phase } from './operation-plan.js';
export {
  declineRenames,
  describeRenameCandidate,
  findRenameCandidates,
  formatRenameFlag,
  parseRenameFlags,
  resolveRenames,
  resolverFromDecisions,
  type FindRenamesOptions,
  type RenameCandidate,
  type RenameResolver,
  type ResolvedRenames,
} from './renames.js';
export { assertNoDestructiveChanges, findDestructiveChanges, nullCheckQuery, type DestructiveChange, type NullCheck } from './destructive.js';
export { typeChangeRisk } from './type-narrowing.js';
export { describeColumn, describeOperation, describeOperations } from './describe.js';
export { describeDifferences, type ObjectDifference } from './describe-differences.js';
export { renderMigration, type RenderMigrationInput } from './render/migration.js';
export { operationRenderers, renderOperationCall, type OperationRenderer, type OperationRenderers } from './render/operations.js';
export { renderColumn, renderDefault, renderType } from './render/column.js';
export { RenderContext, type RenderImport } from './render/render-context.js';
export { flat, print, type Code } from './render/code.js';
