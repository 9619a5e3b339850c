import type { DdlCompiler, DialectCapabilities } from '../engine/dialect.js';
import type { Engine, Executor } from '../engine/types.js';
import { existenceQueries } from './existence-queries.js';
import type { EnumSnapshot, ForeignKeySnapshot, IndexSnapshot, SchemaSnapshot, TableSnapshot } from './snapshot.js';
import { planCreate, sortTables } from './sort-tables.js';

/** Options of `createAll`. */
export interface CreateAllOptions {
  /** Skip tables and enums that exist already (one bulk query per kind and schema). */
  readonly checkFirst?: boolean;
}

/** Options of `dropAll`. */
export interface DropAllOptions {
  /** Drop only the tables and enums that exist. */
  readonly checkFirst?: boolean;
}

/** One step of createAll / dropAll, as data; {@link stepStatements} turns it into SQL. */
export type SchemaStep =
  | { readonly kind: 'createEnum'; readonly enumType: EnumSnapshot }
  | { readonly kind: 'createTable'; readonly table: TableSnapshot; readonly omitForeignKeys: readonly ForeignKeySnapshot[] }
  | { readonly kind: 'createIndex'; readonly table: TableSnapshot; readonly index: IndexSnapshot }
  | { readonly kind: 'addForeignKey'; readonly table: TableSnapshot; readonly fk: ForeignKeySnapshot }
  | { readonly kind: 'dropForeignKey'; readonly table: TableSnapshot; readonly fk: ForeignKeySnapshot }
  | { readonly kind: 'dropTable'; readonly table: TableSnapshot }
  | { readonly kind: 'dropEnum'; readonly enumType: EnumSnapshot };

/** Names that exist in the database, by schema (`''` for the current one). */
export interface ExistingObjects {
  readonly tables: ReadonlySet<string>;
  readonly enums: ReadonlySet<string>;
}

function qualified(schema: string | null, name: string): string {
  return `${schema ?? ''}\u0000${name}`;
}

/**
 * The steps of createAll, in order: enums, tables in foreign-key order (cycle foreign keys
 * left out), their indexes, then the cycle foreign keys. With `existing`, objects that exist are
 * skipped, and so are indexes and deferred foreign keys of tables that existed.
 */
export function createAllSteps(
  snapshot: SchemaSnapshot,
  capabilities: Pick<DialectCapabilities, 'alterConstraints'>,
  existing?: ExistingObjects,
): SchemaStep[] {
  const plan = planCreate(snapshot, capabilities);
  const isNew = (t: TableSnapshot): boolean => !existing?.tables.has(qualified(t.schema, t.name));
  const steps: SchemaStep[] = [];
  for (const e of snapshot.enums) {
    if (!existing?.enums.has(qualified(e.schema, e.name))) steps.push({ kind: 'createEnum', enumType: e });
  }
  const created = plan.tables.filter(isNew);
  for (const table of created) {
    const omit = plan.deferredForeignKeys.filter((d) => d.table === table).map((d) => d.fk);
    steps.push({ kind: 'createTable', table, omitForeignKeys: omit });
  }
  for (const table of created) for (const index of table.indexes) steps.push({ kind: 'createIndex', table, index });
  for (const d of plan.deferredForeignKeys) if (created.includes(d.table)) steps.push({ kind: 'addForeignKey', table: d.table, fk: d.fk });
  return steps;
}

/**
 * The steps of dropAll, in order: the foreign keys that close cycles (where constraints can be
 * altered), the tables in reverse foreign-key order, then the enums. With `existing`, only what
 * exists is dropped.
 */
export function dropAllSteps(
  snapshot: SchemaSnapshot,
  capabilities: Pick<DialectCapabilities, 'alterConstraints'>,
  existing?: ExistingObjects,
): SchemaStep[] {
  const { order, cycleForeignKeys } = sortTables(snapshot);
  const exists = (t: TableSnapshot): boolean => !existing || existing.tables.has(qualified(t.schema, t.name));
  const steps: SchemaStep[] = [];
  if (capabilities.alterConstraints !== false) {
    for (const d of cycleForeignKeys) if (exists(d.table)) steps.push({ kind: 'dropForeignKey', table: d.table, fk: d.fk });
  }
  for (const table of [...order].reverse()) if (exists(table)) steps.push({ kind: 'dropTable', table });
  for (const e of snapshot.enums) {
    if (!existing || existing.enums.has(qualified(e.schema, e.name))) steps.push({ kind: 'dropEnum', enumType: e });
  }
  return steps;
}

/** The SQL statements of one step. */
export function stepStatements(step: SchemaStep, ddl: DdlCompiler): string[] {
  switch (step.kind) {
    case 'createEnum': return ddl.createEnum(step.enumType);
    case 'createTable': return ddl.createTable(step.table, { omitForeignKeys: step.omitForeignKeys });
    case 'createIndex': return ddl.createIndex(step.table, step.index);
    case 'addForeignKey': return ddl.addForeignKey(step.table, step.fk);
    case 'dropForeignKey': return ddl.dropForeignKey(step.table, step.fk);
    case 'dropTable': return ddl.dropTable(step.table);
    case 'dropEnum': return ddl.dropEnum(step.enumType);
    default: {
      const never: never = step;
      throw new Error(`unknown step ${JSON.stringify(never)}`);
    }
  }
}

function names(rows: readonly Record<string, unknown>[]): string[] {
  return rows.map((r) => String(r.name ?? r.NAME));
}

/** Reads which of the snapshot's tables and enums exist: one query per kind and schema. */
async function readExisting(snapshot: SchemaSnapshot, executor: Executor): Promise<ExistingObjects> {
  const dialect = executor.dialect;
  const queries = existenceQueries(dialect.name);
  const tables = new Set<string>();
  const enums = new Set<string>();
  const quote = (n: string): string => dialect.quoteIdentifier(n);
  for (const schema of new Set(snapshot.tables.map((t) => t.schema))) {
    const q = queries.tables(schema, quote);
    for (const name of names((await executor.execute(q.sql, q.params)).rows)) tables.add(qualified(schema, name));
  }
  if (queries.enums) {
    for (const schema of new Set(snapshot.enums.map((e) => e.schema))) {
      const q = queries.enums(schema);
      for (const name of names((await executor.execute(q.sql, q.params)).rows)) enums.add(qualified(schema, name));
    }
  }
  return { tables, enums };
}

/** Runs `fn` in one transaction where DDL is transactional, else on one connection. */
async function withDdlExecutor(engine: Engine, fn: (executor: Executor) => Promise<void>): Promise<void> {
  if (engine.dialect.capabilities.transactionalDdl) await engine.transaction((tx) => fn(tx));
  else await engine.withConnection((conn) => fn(conn));
}

async function run(
  snapshot: SchemaSnapshot,
  engine: Engine,
  checkFirst: boolean,
  steps: (existing: ExistingObjects | undefined) => SchemaStep[],
): Promise<void> {
  await withDdlExecutor(engine, async (executor) => {
    const existing = checkFirst ? await readExisting(snapshot, executor) : undefined;
    for (const step of steps(existing)) {
      for (const statement of stepStatements(step, engine.dialect.ddl)) await executor.execute(statement);
    }
  });
}

/**
 * Creates a snapshot's enums, tables, indexes and foreign keys on an engine, in one transaction
 * where the dialect's DDL is transactional. `MetaData.createAll` calls it with its snapshot.
 */
export function createAll(snapshot: SchemaSnapshot, engine: Engine, options: CreateAllOptions = {}): Promise<void> {
  const caps = engine.dialect.capabilities;
  return run(snapshot, engine, options.checkFirst === true, (existing) => createAllSteps(snapshot, caps, existing));
}

/** Drops a snapshot's tables and enums from an engine. `MetaData.dropAll` calls it with its snapshot. */
export function dropAll(snapshot: SchemaSnapshot, engine: Engine, options: DropAllOptions = {}): Promise<void> {
  const caps = engine.dialect.capabilities;
  return run(snapshot, engine, options.checkFirst === true, (existing) => dropAllSteps(snapshot, caps, existing));
}
