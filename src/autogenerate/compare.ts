import type { Operation } from '../operations/operation.js';
import { deepFreeze, type SchemaSnapshot, type TableSnapshot } from '../schema/snapshot.js';
import { defaultComparators } from './comparators/index.js';
import { createSchemaContext, createTableContext, type TablePair } from './compare-context.js';
import type { CompareOptions } from './compare-options.js';
import { missingSequenceWarnings } from './missing-sequences.js';
import { inheritanceWarnings } from './inheritance.js';
import { missingTypeWarnings } from './missing-types.js';
import { systemVersionedAlterWarnings } from './system-versioning.js';
import { byText } from './normalize.js';
import { OperationPlan } from './operation-plan.js';
import { applyRenames } from './rename-view.js';
import { tablePredicate } from './table-filter.js';
import { viewDependencyWarnings } from './view-dependencies.js';

/**
 * The operations that turn `current` (what the database has, reflected) into `target` (what the
 * models declare). Pure and synchronous: two snapshots in, frozen ops out, in an order that can run
 * (see `PHASES` in operation-plan.ts): enums first, then drops of FKs, constraints and tables,
 * renames, column changes, new constraints, new tables parents first, new FKs, and removed enums
 * last. Every op carries what `reverse()` needs to build the downgrade.
 *
 * Only decided renames (`options.renames`) become renames; see `findRenameCandidates` and
 * `resolveRenames` for finding and deciding them.
 *
 * @example
 * ```ts
 * const ops = compare(metadata.snapshot({ dialect: 'postgresql' }), await inspect(engine), {
 *   dialect: engine.dialect,
 *   ignoreTables: ['retort_version'],
 *   renames: { columns: [{ table: 'post', from: 'body', to: 'content' }] },
 * });
 * ```
 */
export function compare(target: SchemaSnapshot, current: SchemaSnapshot, options: CompareOptions): Operation[] {
  const keep = tablePredicate(options);
  const filteredTarget: SchemaSnapshot = { ...target, tables: sortedTables(target.tables.filter((t) => keep(t.name))) };
  const database: SchemaSnapshot = { ...current, tables: sortedTables(current.tables.filter((t) => keep(t.name))) };
  const skippedTables = current.tables.filter((t) => !keep(t.name));
  const renames = applyRenames(filteredTarget, database, options.renames);
  const seen = renames.snapshot;

  const currentByName = new Map(seen.tables.map((t) => [t.name, t]));
  const pairs: TablePair[] = [];
  const addedTables: TableSnapshot[] = [];
  for (const t of filteredTarget.tables) {
    const c = currentByName.get(t.name);
    if (c === undefined) addedTables.push(t);
    else pairs.push({ target: t, current: c });
  }
  const targetNames = new Set(filteredTarget.tables.map((t) => t.name));
  const droppedTables = seen.tables.filter((t) => !targetNames.has(t.name)).map((t) => renames.original(t));

  const registry = options.comparators ?? defaultComparators();
  const context = createSchemaContext({
    dialect: options.dialect,
    target: filteredTarget,
    current: seen,
    database,
    skippedTables,
    renames,
    pairs,
    addedTables,
    droppedTables,
    tableComparators: registry.tableComparators(options.dialect),
    columnComparators: registry.columnComparators(options.dialect),
    targetIsDatabase: options.targetIsDatabase === true,
    hook: options.hook,
    onWarning: options.onWarning,
  });

  const plan = new OperationPlan();
  for (const comparator of registry.schemaComparators(options.dialect)) comparator.compare(context, plan);
  for (const pair of pairs) {
    const tableContext = createTableContext(context, pair.target, pair.current);
    for (const comparator of context.tableComparators) comparator.compare(tableContext, plan);
  }
  const ops = plan.ops();
  if (options.onWarning) {
    // between two databases the sequences and domains comparators name those only the target has
    const models = options.targetIsDatabase !== true;
    const sequences = models ? missingSequenceWarnings(ops, database) : [];
    const types = models ? missingTypeWarnings(ops, database, target) : [];
    for (const warning of [...viewDependencyWarnings(ops, database, options.dialect), ...inheritanceWarnings(ops, database), ...sequences, ...types, ...systemVersionedAlterWarnings(ops, database)]) options.onWarning(warning);
  }
  return ops.map((op) => deepFreeze(op));
}

function sortedTables(tables: readonly TableSnapshot[]): TableSnapshot[] {
  return [...tables].sort((a, b) => byText(a.name, b.name));
}
