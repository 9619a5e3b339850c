import type { ColumnSnapshot, SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import type { ColumnComparator, TableComparator } from './comparator.js';
import type { CompareDialect, CompareHook, CompareHookContext, CompareWarning } from './compare-options.js';
import type { RenameView } from './rename-view.js';

/** What every comparator gets: both sides (filtered), the dialect, renames, the hook. */
export interface SchemaCompareContext {
  readonly dialect: CompareDialect;
  /** The models' schema, filtered. */
  readonly target: SchemaSnapshot;
  /** The database's schema, filtered, seen through the decided renames (target names). */
  readonly current: SchemaSnapshot;
  /** The database's schema, filtered, with its own names. */
  readonly database: SchemaSnapshot;
  /** Database tables left out by include / exclude / ignoreTables (still there, not compared). */
  readonly skippedTables: readonly TableSnapshot[];
  readonly renames: RenameView;
  /** Tables on both sides (current through the renames), by target name. */
  readonly pairs: readonly TablePair[];
  /** Tables only the models have, by name. */
  readonly addedTables: readonly TableSnapshot[];
  /** Tables only the database has (not renamed), with the database's names, by name. */
  readonly droppedTables: readonly TableSnapshot[];
  readonly tableComparators: readonly TableComparator[];
  readonly columnComparators: readonly ColumnComparator[];
  /** The target is a reflected database (see `CompareOptions.targetIsDatabase`). */
  readonly targetIsDatabase: boolean;
  /** Asks the hook; `builtIn` decides when it answers `'default'` (or there is no hook). */
  differs(hookContext: CompareHookContext, builtIn: () => boolean): boolean;
  /** For a presence check (one side null): false when the hook says `'same'` (leave it alone). */
  keeps(hookContext: CompareHookContext): boolean;
  warn(table: string | null, message: string): void;
  /** Marks an object (of either side) as handled; later comparators skip claimed objects. */
  claim(object: object): void;
  claimed(object: object): boolean;
}

/** A table of the models and the same table in the database (through the renames). */
export interface TablePair {
  readonly target: TableSnapshot;
  readonly current: TableSnapshot;
}

/** One table present on both sides. */
export interface TableCompareContext {
  readonly schema: SchemaCompareContext;
  readonly dialect: CompareDialect;
  readonly target: TableSnapshot;
  /** The database's table through the renames (target names). */
  readonly current: TableSnapshot;
  /** The database's table with its own names: what drop ops carry. */
  readonly database: TableSnapshot;
  /** The schema ops on this table name. */
  readonly opSchema: string | null;
}

/** One column present on both sides (current through the renames). */
export interface ColumnCompareContext {
  readonly table: TableCompareContext;
  readonly dialect: CompareDialect;
  readonly target: ColumnSnapshot;
  readonly current: ColumnSnapshot;
}

/** Builds the schema context. */
export function createSchemaContext(init: {
  dialect: CompareDialect;
  target: SchemaSnapshot;
  current: SchemaSnapshot;
  database: SchemaSnapshot;
  skippedTables: readonly TableSnapshot[];
  renames: RenameView;
  pairs: readonly TablePair[];
  addedTables: readonly TableSnapshot[];
  droppedTables: readonly TableSnapshot[];
  tableComparators: readonly TableComparator[];
  columnComparators: readonly ColumnComparator[];
  targetIsDatabase: boolean;
  hook: CompareHook | undefined;
  onWarning: ((warning: CompareWarning) => void) | undefined;
}): SchemaCompareContext {
  const claims = new WeakSet<object>();
  const { hook, onWarning, ...rest } = init;
  return {
    ...rest,
    differs(hookContext, builtIn) {
      const answer = hook?.(hookContext) ?? 'default';
      return answer === 'default' ? builtIn() : answer === 'different';
    },
    keeps(hookContext) {
      return (hook?.(hookContext) ?? 'default') !== 'same';
    },
    warn(table, message) {
      onWarning?.({ table, message });
    },
    claim(object) {
      claims.add(object);
    },
    claimed(object) {
      return claims.has(object);
    },
  };
}

/** Builds the context of one table pair. */
export function createTableContext(schema: SchemaCompareContext, target: TableSnapshot, current: TableSnapshot): TableCompareContext {
  return {
    schema,
    dialect: schema.dialect,
    target,
    current,
    database: schema.renames.original(current),
    opSchema: target.schema,
  };
}
