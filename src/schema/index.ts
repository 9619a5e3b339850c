/**
 * The schema layer: column builders, tables, constraints, naming conventions, MetaData, the
 * snapshot model, foreign-key ordering and createAll / dropAll.
 */
export { column, type EnumOptions, type TemporalOptions } from './column-factory.js';
export { ColumnBuilder, isColumnBuilder, toDefaultSpec, type ServerDefaultInput } from './column-builder.js';
export type { AnyColumnBuilder, ColumnBaseValue, ColumnsShape, ColumnValue, RowOf } from './column-types.js';
export type { ClientDefault, ColumnDef, ForeignKeyOptions, LazyReference, Nullability, ReferenceDef, ReferentialAction } from './column-def.js';
export { resolveAutoincrement, resolveNullable, toColumnSnapshot, type ColumnContext } from './column-snapshot.js';
export { Column, isColumn } from './column.js';
export {
  CheckConstraint,
  ForeignKeyConstraint,
  Index,
  isConstraint,
  PrimaryKeyConstraint,
  UniqueConstraint,
  type Constraint,
  type IndexOptions,
  type KeyConstraintOptions,
} from './constraints.js';
export { toConflictResolution, type ConflictAction } from './conflict-clause.js';
export { isTable, Table, type TableColumns, type TableItem, type TableOptions } from './table.js';
export { MetaData, type MetaDataExtension, type MetaDataOptions } from './metadata.js';
export {
  applyNamingConvention,
  checkConstraintName,
  defaultNamingConvention,
  expressionLabel,
  type ConventionKind,
  type ConventionSubject,
  type NamingConvention,
} from './naming-convention.js';
export { shortenIdentifier } from './identifier.js';
export { snakeCase } from './snake-case.js';
export { resolveForeignKey, type ResolvedForeignKey } from './fk-resolve.js';
export { resolveTarget, type ResolvedTarget, type SnapshotTarget } from './snapshot-target.js';
export { buildSchemaSnapshot } from './schema-snapshot.js';
export { dependencyOrder, planCreate, referredTable, sortTables, type CreatePlan, type TableForeignKey } from './sort-tables.js';
export {
  createAll,
  createAllSteps,
  dropAll,
  dropAllSteps,
  stepStatements,
  type CreateAllOptions,
  type DropAllOptions,
  type ExistingObjects,
  type SchemaStep,
} from './create-all.js';
export { existenceQueries, registerExistenceQueries, type ExistenceQueries, type ExistenceQuery } from './existence-queries.js';
export { builderFromSnapshot, metadataFromSnapshot, type FromSnapshotOptions } from './from-snapshot.js';
export * from './snapshot.js';
export * from './type-spec.js';
