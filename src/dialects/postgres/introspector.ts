import type { IntrospectOptions, Introspector } from '../../engine/dialect.js';
import type { Executor } from '../../engine/types.js';
import { ReflectionError } from '../../errors/index.js';
import { deepFreeze, type SchemaSnapshot, type TableSnapshot, type ViewSnapshot } from '../../schema/snapshot.js';
import {
  addConstraint,
  byName,
  columnSnapshot,
  emptyParts,
  enumTypes,
  exclusionsOf,
  indexSnapshot,
  type TableParts,
} from './introspector-build.js';
import {
  COLUMNS_SQL,
  CONSTRAINTS_SQL,
  ENUMS_SQL,
  INDEXES_SQL,
  relationsSql,
  SCHEMA_SQL,
  SCHEMAS_WITH_TABLES_SQL,
  type ColumnRow,
  type ConstraintRow,
  type EnumRow,
  type IndexRow,
  type RelationRow,
  type SchemaRow,
} from './introspector-queries.js';

/** Puts a table's columns in ordinal order (the rows come unordered; they rarely need moving). */
function inOrdinalOrder(table: TableParts): void {
  const nums = table.numbers;
  let sorted = true;
  for (let i = 1; i < nums.length && sorted; i++) sorted = nums[i - 1]! < nums[i]!;
  if (sorted) return;
  const order = nums.map((n, i) => [n, table.columns[i]!] as const).sort((a, b) => a[0] - b[0]);
  table.columns.splice(0, table.columns.length, ...order.map(([, c]) => c));
}

async function readSchema(executor: Executor, schema: string | null): Promise<SchemaRow> {
  const row = (await executor.execute<SchemaRow>(SCHEMA_SQL, [schema])).rows[0];
  if (row === undefined) {
    throw new ReflectionError(schema === null
      ? 'no current schema: none of the schemas on the search_path exists'
      : `schema "${schema}" does not exist`);
  }
  return row;
}

function nonEmpty(list: readonly string[] | undefined): list is readonly string[] {
  return list !== undefined && list.length > 0;
}

/**
 * Reads a PostgreSQL schema in six catalog queries whatever its size: the schema (with its
 * sequences no column owns, its domains and its functions, listed, not managed), its relations
 * (tables with their triggers, and views; `include` / `exclude` applied there as parameters), its enum types, then
 * columns, constraints and indexes of all the tables at once (by oid). Rows are assembled in one
 * pass each (maps by table oid). Tables come sorted by name, columns in ordinal order, constraints
 * and indexes by name. Names of other schemas' objects keep their schema (foreign keys'
 * `referredSchema`; enum types of another schema become `custom` types named with it).
 *
 * @example
 * ```ts
 * const snap = await postgresIntrospector.introspect(conn, { schema: 'app', exclude: ['retort_version'] });
 * ```
 */
export const postgresIntrospector: Introspector = Object.freeze({
  async introspect(executor: Executor, options: IntrospectOptions = {}): Promise<SchemaSnapshot> {
    const schemaOption = options.schema ?? null;
    const schemaRow = await readSchema(executor, schemaOption);
    const schemaName = schemaRow.name;
    // an empty include list means no tables (only the listed ones are wanted)
    const include = options.include;
    const exclude = options.exclude;
    const params: unknown[] = [schemaRow.oid];
    if (include !== undefined) params.push(include);
    if (nonEmpty(exclude)) params.push(exclude);
    const relations = (await executor.execute<RelationRow>(relationsSql(include !== undefined, nonEmpty(exclude)), params)).rows;

    const tableRows = relations.filter((r) => r.kind === 'r' || r.kind === 'p');
    const viewRows = relations.filter((r) => r.kind === 'v' || r.kind === 'm');

    const enumRows = (await executor.execute<EnumRow>(ENUMS_SQL, [schemaRow.oid])).rows;
    const enums = enumRows
      .map((r) => Object.freeze({ name: r.name, schema: schemaOption, values: Object.freeze(r.values) }))
      .sort(byName);

    const parts = new Map<number, TableParts>();
    for (const r of tableRows) parts.set(r.oid, emptyParts());
    // a materialized view's columns (for the names its indexes use) and indexes are read with the tables'
    const matviews = new Map<number, TableParts>();
    for (const r of viewRows) if (r.kind === 'm') matviews.set(r.oid, emptyParts());
    const oids = [...parts.keys()];
    const read = [...oids, ...matviews.keys()];
    const holder = (rel: number): TableParts | undefined => parts.get(rel) ?? matviews.get(rel);
    if (read.length > 0) {
      const ctx = { schemaName, enums: enumTypes(enumRows) };
      for (const row of (await executor.execute<ColumnRow>(COLUMNS_SQL, [read])).rows) {
        const table = holder(row.rel);
        if (table === undefined) continue;
        table.columns.push(columnSnapshot(row, ctx));
        table.numbers.push(row.num);
        table.names.set(row.num, row.name);
      }
      for (const table of parts.values()) inOrdinalOrder(table);
      if (oids.length > 0) {
        for (const row of (await executor.execute<ConstraintRow>(CONSTRAINTS_SQL, [oids, oids])).rows) {
          const table = parts.get(row.rel);
          if (table !== undefined) addConstraint(table, row, schemaName, parts);
        }
      }
      const opclasses = new Map(Object.entries(schemaRow.opclasses ?? {}));
      for (const row of (await executor.execute<IndexRow>(INDEXES_SQL, [read])).rows) {
        const table = holder(row.rel);
        if (table !== undefined) table.indexes.push(indexSnapshot(row, table, opclasses));
      }
    }

    const views: ViewSnapshot[] = viewRows
      .map((r) => Object.freeze({
        name: r.name,
        schema: schemaOption,
        definition: r.definition,
        ...(r.uses !== null ? { uses: Object.freeze(r.uses.map((u) => Object.freeze({ schema: u.schema === schemaName ? null : u.schema, table: u.table, column: u.column }))) } : {}),
        ...(r.kind === 'm' ? { materialized: Object.freeze({ populated: r.populated !== false, indexes: Object.freeze((matviews.get(r.oid)?.indexes ?? []).sort(byName)) }) } : {}),
      }))
      .sort(byName);

    const tables: TableSnapshot[] = tableRows.map((r) => {
      const p = parts.get(r.oid) ?? emptyParts();
      // every piece is frozen already (see introspector-build.ts); deepFreeze below stops at them
      return Object.freeze({
        name: r.name,
        schema: schemaOption,
        comment: r.comment,
        columns: Object.freeze(p.columns),
        primaryKey: p.primaryKey,
        foreignKeys: Object.freeze(p.foreignKeys.sort(byName)),
        uniques: Object.freeze(p.uniques.sort(byName)),
        checks: Object.freeze(p.checks.sort(byName)),
        indexes: Object.freeze(p.indexes.sort(byName)),
        ...(r.kind === 'p' && r.definition !== null ? { partitionBy: r.definition } : {}),
        ...(r.triggers !== null ? { triggers: Object.freeze(r.triggers.map((t) => Object.freeze({ name: t.name, sql: t.sql }))) } : {}),
        ...(p.exclusions.length > 0 ? { exclusions: exclusionsOf(p, r.name, schemaOption) } : {}),
        ...(r.partitions !== null ? { partitions: Object.freeze(r.partitions.map((x) => Object.freeze({ name: x.name, sql: x.sql }))) } : {}),
        ...(r.inherits !== null ? { inherits: Object.freeze(r.inherits.map((x) => Object.freeze({ schema: x.schema === schemaName ? null : x.schema, table: x.table, columns: Object.freeze(x.columns ?? []) }))) } : {}),
      });
    }).sort(byName);

    const defined = (rows: SchemaRow['sequences']) => (rows ?? []).map((r) => ({ name: r.name, schema: schemaOption, definition: r.definition }));
    const routines = (schemaRow.routines ?? []).map((r) => ({
      name: r.name,
      schema: schemaOption,
      kind: r.kind === 'p' ? ('procedure' as const) : r.kind === 'a' ? ('aggregate' as const) : ('function' as const),
      arguments: r.arguments,
      returns: r.returns,
      definition: r.definition.trim(),
    }));
    // what a view of another schema reads keeps its schema unless it is this one (as a view's own uses)
    const dependentViews = (schemaRow.dependent_views ?? []).map((r) => ({
      name: r.name,
      schema: r.schema,
      definition: null,
      ...(r.kind === 'm' ? { materialized: { populated: true, indexes: [] } } : {}),
      uses: (r.uses ?? []).map((u) => ({ schema: u.schema === schemaName ? null : u.schema, table: u.table, column: u.column })),
    }));
    return deepFreeze({
      schema: schemaOption,
      tables,
      enums,
      views,
      ...(dependentViews.length > 0 ? { dependentViews } : {}),
      sequences: defined(schemaRow.sequences),
      domains: defined(schemaRow.domains),
      extensionTypes: (schemaRow.extension_types ?? []).map((t) => ({ name: t.name, schema: t.schema, extension: t.extension })),
      routines,
    });
  },

  async schemasWithTables(executor: Executor): Promise<readonly { readonly schema: string; readonly tables: number }[]> {
    return (await executor.execute<{ schema: string; tables: number }>(SCHEMAS_WITH_TABLES_SQL)).rows;
  },
});
