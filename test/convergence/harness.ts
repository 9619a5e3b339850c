/**
 * The convergence matrix (DESIGN.md invariants 2 and 3) through the path users run: createAll(A)
 * with rows, reflect, compare(B, reflected), render the ops into a real migration file (parent
 * null) with `writeRevision`, then `upgrade` and `downgrade` through the runner (jiti loads the
 * file, the op facade builds the ops, the dialect compiles them). After the upgrade the database
 * must be B exactly (compare empty, field-by-field equal) with the rows of surviving tables kept;
 * after the downgrade it must be A again.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { compare } from '../../src/autogenerate/compare.js';
import type { RenameDecisions } from '../../src/autogenerate/compare-options.js';
import { createEngine, type Engine } from '../../src/index.js';
import { downgrade, upgrade } from '../../src/migrations/api.js';
import { writeRevision } from '../../src/migrations/revision-writer.js';
import { DEFAULT_VERSION_TABLE } from '../../src/migrations/config.js';
import { maskDuration, scriptStatements } from '../migrations/runner-helpers.js';
import { onlineOnlyStatements } from '../../src/migrations/runner.js';
import { versionTableNames } from '../../src/migrations/version-table-sql.js';
import { reverseAll } from '../../src/operations/reverse.js';
import type { Operation, OperationKind } from '../../src/operations/operation.js';
import { inspect } from '../../src/reflect/inspect.js';
import { MetaData } from '../../src/schema/metadata.js';
import { Table, type TableItem } from '../../src/schema/table.js';
import type { ColumnsShape } from '../../src/schema/column-types.js';
import { metadataFromSnapshot } from '../../src/schema/from-snapshot.js';
import { emptySnapshot, type ColumnSnapshot, type SchemaSnapshot } from '../../src/schema/snapshot.js';
import type { TypeSpec } from '../../src/schema/type-spec.js';
import { forEachDialect, type DialectContext, type TestDialect } from '../helpers/databases.js';
import { snapshotDifferences } from '../helpers/snapshot-equivalence.js';

/** A value a seed row can hold. */
export type SeedValue = string | number | boolean | null;

/** Rows to insert, by table (in insertion order: parents first), keyed by database column name. */
export type Seed = Readonly<Record<string, readonly Readonly<Record<string, SeedValue>>[]>>;

/** When a scenario's `check` runs: after the upgrade, after the downgrade. */
export type Phase = 'upgraded' | 'downgraded';

/** One row of the matrix: from schema A to schema B and back. */
export interface Scenario {
  readonly name: string;
  /** Schema A: created with createAll, seeded, then migrated. */
  readonly before: (dialect: TestDialect) => MetaData;
  /** Schema B: what the migration must produce. */
  readonly after: (dialect: TestDialect) => MetaData;
  /** Rows inserted into A before migrating. */
  readonly seed?: (dialect: TestDialect) => Seed;
  /** Extra assertions on the data after the upgrade and after the downgrade. */
  readonly check?: (engine: Engine, phase: Phase, dialect: TestDialect) => Promise<void>;
  readonly renames?: RenameDecisions;
  /** Op kinds compare must produce for A -> B (each must appear; others may too). */
  readonly ops?: readonly OperationKind[];
  /** Only on these dialects (the feature exists only there). */
  readonly dialects?: readonly TestDialect[];
}

const VERSION_TABLES = versionTableNames(DEFAULT_VERSION_TABLE);

/** The scenarios that apply to a dialect. */
export function scenariosFor(scenarios: readonly Scenario[], dialect: TestDialect): Scenario[] {
  return scenarios.filter((s) => s.dialects === undefined || s.dialects.includes(dialect));
}

/** Schemas checked for "no change" (createAll, then compare finds nothing), by name. */
export type NoChangeSchemas = Readonly<Record<string, (dialect: TestDialect) => MetaData>>;

/**
 * Declares the matrix of `scenarios` on each selected dialect: one test per scenario, run in
 * order, each on a database of its own; first, a "no change" test of each of `noChange`.
 */
export function convergenceMatrix(title: string, scenarios: readonly Scenario[], noChange: NoChangeSchemas = {}): void {
  forEachDialect(title, (ctx) => {
    for (const [name, build] of Object.entries(noChange)) {
      it(`no change: ${name}`, () => runNoChange(ctx, build));
    }
    for (const scenario of scenariosFor(scenarios, ctx.dialect)) {
      it(scenario.name, () => runScenario(ctx, scenario));
    }
  });
}

/** Reads the live schema without the version tables. */
export function reflect(engine: Engine): Promise<SchemaSnapshot> {
  return inspect(engine, { exclude: [...VERSION_TABLES] });
}

/** compare() as autogenerate calls it against a migrated database. */
export function diff(target: SchemaSnapshot, reflected: SchemaSnapshot, engine: Engine, renames?: RenameDecisions): Operation[] {
  return compare(target, reflected, { dialect: engine.dialect, ignoreTables: VERSION_TABLES, ...(renames ? { renames } : {}) });
}

/** Asserts that the database is `expected` exactly: no ops to get there, every field equal. */
export async function assertSchema(engine: Engine, expected: SchemaSnapshot, what: string): Promise<SchemaSnapshot> {
  const reflected = await reflect(engine);
  assert.deepEqual(diff(expected, reflected, engine), [], `${what}: compare finds changes left`);
  assert.deepEqual(snapshotDifferences(expected, reflected, engine.dialect), [], `${what}: reflected schema differs`);
  return reflected;
}

/** A new temporary folder; the caller removes it. */
export function tempMigrations(): string {
  return mkdtempSync(join(tmpdir(), 'retort-matrix-'));
}

/** createAll(M) on a fresh database, then compare(M, reflected) is empty and every field equal. */
async function runNoChange(ctx: DialectContext, build: (dialect: TestDialect) => MetaData): Promise<void> {
  const engine = createEngine(await ctx.freshUrl('nochange'));
  try {
    const metadata = build(ctx.dialect);
    await metadata.createAll(engine);
    await assertSchema(engine, metadata.snapshot(engine.dialect), 'after createAll');
  } finally {
    await engine.dispose();
  }
}

/** Runs one scenario on one dialect. */
export async function runScenario(ctx: DialectContext, scenario: Scenario): Promise<void> {
  const url = await ctx.freshUrl('matrix');
  const engine = createEngine(url);
  const directory = tempMigrations();
  try {
    const dialect = engine.dialect;
    const a = scenario.before(ctx.dialect).snapshot(dialect);
    const b = scenario.after(ctx.dialect).snapshot(dialect);
    await scenario.before(ctx.dialect).createAll(engine);
    await insertSeed(engine, scenario.seed?.(ctx.dialect) ?? {});
    const reflectedA = await assertSchema(engine, a, 'A after createAll');

    const ops = diff(b, reflectedA, engine, scenario.renames);
    assert.notDeepEqual(ops, [], 'compare(B, A) finds the change');
    const kinds = new Set(ops.map((op) => op.kind));
    for (const kind of scenario.ops ?? []) assert.ok(kinds.has(kind), `compare produces ${kind} (got ${[...kinds].join(', ')})`);
    await writeRevision({ directory, parents: [], message: scenario.name, upgradeOps: ops, downgradeOps: reverseAll(ops) });

    const rowsA = await survivingRows(engine, a, b, scenario.renames, 'from');
    if (scenario.seed) assert.ok(Object.values(rowsA).some((rows) => rows.length > 0), 'the seeded rows are in tables that survive');
    await upgrade({ url, migrations: directory, cwd: directory });
    await assertSchema(engine, b, 'B after upgrade');
    assert.deepEqual(await survivingRows(engine, a, b, scenario.renames, 'to'), rowsA, 'rows kept by the upgrade');
    await scenario.check?.(engine, 'upgraded', ctx.dialect);

    await downgrade({ url, migrations: directory, cwd: directory, target: 'base' });
    await assertSchema(engine, a, 'A after downgrade');
    assert.deepEqual(await survivingRows(engine, a, b, scenario.renames, 'from'), rowsA, 'rows kept by the downgrade');
    await scenario.check?.(engine, 'downgraded', ctx.dialect);
  } finally {
    await engine.dispose();
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Inserts the seed rows with `?` parameters. */
export async function insertSeed(engine: Engine, seed: Seed): Promise<void> {
  const q = (name: string): string => engine.dialect.quoteIdentifier(name);
  for (const [table, rows] of Object.entries(seed)) {
    for (const row of rows) {
      const names = Object.keys(row);
      const text = `INSERT INTO ${q(table)} (${names.map(q).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
      await engine.execute(text, names.map((n) => row[n] ?? null));
    }
  }
}

/** A column of A that is still there in B (`to` its name in B, after renames). */
interface SurvivingColumn {
  readonly from: string;
  readonly to: string;
}

interface SurvivingTable {
  readonly from: string;
  readonly to: string;
  readonly columns: readonly SurvivingColumn[];
}

/** The tables of A still there in B, with their columns still there, following renames. */
export function survivors(a: SchemaSnapshot, b: SchemaSnapshot, renames: RenameDecisions = {}): SurvivingTable[] {
  const out: SurvivingTable[] = [];
  for (const table of a.tables) {
    const to = renames.tables?.find((r) => r.from === table.name)?.to ?? table.name;
    const target = b.tables.find((t) => t.name === to);
    if (!target) continue;
    const columns: SurvivingColumn[] = [];
    for (const c of table.columns) {
      const renamed = renames.columns?.find((r) => (r.table === to || r.table === table.name) && r.from === c.name)?.to;
      const name = renamed ?? c.name;
      if (target.columns.some((x) => x.name === name)) columns.push({ from: c.name, to: name });
    }
    if (columns.length > 0) out.push({ from: table.name, to, columns });
  }
  return out;
}

/**
 * The rows of every table of A that survives into B, restricted to the surviving columns, read
 * under their A names (`side` 'from') or B names ('to'), as sorted lists of normalized values.
 */
async function survivingRows(engine: Engine, a: SchemaSnapshot, b: SchemaSnapshot, renames: RenameDecisions | undefined, side: 'from' | 'to'): Promise<Record<string, string[]>> {
  const q = (name: string): string => engine.dialect.quoteIdentifier(name);
  const out: Record<string, string[]> = {};
  for (const table of survivors(a, b, renames)) {
    const names = table.columns.map((c) => c[side]);
    const { rows } = await engine.execute(`SELECT ${names.map(q).join(', ')} FROM ${q(table[side])}`);
    out[table.from] = rows.map((row) => JSON.stringify(names.map((n) => normalizeValue(row[n])))).sort();
  }
  return out;
}

/** A driver value in a form that a widening type change keeps (1 = '1' = 1n, '1.50' = '1.5000'). */
export function normalizeValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `0x${value.toString('hex')}`;
  if (typeof value === 'string') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  return JSON.stringify(value);
}

/** A new MetaData filled by `build`. */
export function schema(build: (metadata: MetaData) => void): MetaData {
  const metadata = new MetaData();
  build(metadata);
  return metadata;
}

/** Declares a table in `metadata` (a shorter `new Table(...)`). */
export function table(metadata: MetaData, name: string, columns: ColumnsShape, ...items: TableItem[]): Table {
  return new Table(metadata, name, columns, ...items);
}

/** A MetaData equal to `metadata` with `edit` applied to its snapshot (for changes to a big schema such as the fixture). */
export function editSchema(metadata: MetaData, dialect: TestDialect, edit: (snapshot: SchemaSnapshot) => SchemaSnapshot): MetaData {
  return metadataFromSnapshot(edit(metadata.snapshot(dialect)));
}

/** A nullable column without default or comment, for {@link editSchema}. */
export function newColumn(name: string, type: TypeSpec): ColumnSnapshot {
  return { name, type, nullable: true, default: null, autoincrement: false, comment: null };
}


const CATALOG_READ = /^\s*(SELECT|WITH|PRAGMA|SHOW)\b/i;

/**
 * Runs `run` (an online migration) while recording the statements the engine executes, and
 * returns those the `--sql` script must contain too: without the runner's online-only statements
 * (lock, version-table reads) and without the catalog reads of the online schema state (reads
 * the script does not have), history durations masked.
 */
export async function onlineStatements(engine: Engine, script: readonly string[], run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = engine.onQuery((event) => seen.push(event.sql));
  try {
    await run();
  } finally {
    stop();
  }
  const skip = onlineOnlyStatements(engine, { versionTable: DEFAULT_VERSION_TABLE });
  const wanted = new Set(script);
  return seen.map(maskDuration).filter((sql) => !skip(sql) && (wanted.has(sql) || !CATALOG_READ.test(sql)));
}

/**
 * Invariant 4 for one scenario: A is created by a first migration (so that the `--sql` run can
 * replay it to know the tables), A -> B is a second one; the `--sql` script of its upgrade, then
 * of its downgrade, equals statement for statement what the online runs execute. Then both
 * migrations are undone (the first one's downgrade drops A): the database is left empty for the
 * next scenario.
 */
export async function runOfflineEquivalence(url: string, dialectName: TestDialect, scenario: Scenario): Promise<void> {
  const engine = createEngine(url);
  const directory = tempMigrations();
  try {
    const dialect = engine.dialect;
    const a = scenario.before(dialectName).snapshot(dialect);
    const b = scenario.after(dialectName).snapshot(dialect);
    const createA = diff(a, emptySnapshot(), engine);
    const base = await writeRevision({ directory, parents: [], message: 'create A', upgradeOps: createA, downgradeOps: reverseAll(createA) });
    await upgrade({ engine, migrations: directory, cwd: directory });
    const ops = diff(b, await reflect(engine), engine, scenario.renames);
    await writeRevision({ directory, parents: [base.id], message: scenario.name, upgradeOps: ops, downgradeOps: reverseAll(ops) });

    const up = await upgrade({ url, migrations: directory, cwd: directory, target: `${base.id}:head`, sql: true });
    const upScript = scriptStatements(up.sql ?? '').map(maskDuration);
    assert.deepEqual(await onlineStatements(engine, upScript, () => upgrade({ engine, migrations: directory, cwd: directory })), upScript, 'upgrade: --sql = online');

    const down = await downgrade({ url, migrations: directory, cwd: directory, target: `head:${base.id}`, sql: true });
    const downScript = scriptStatements(down.sql ?? '').map(maskDuration);
    const online = await onlineStatements(engine, downScript, () => downgrade({ engine, migrations: directory, cwd: directory, target: base.id }));
    assert.deepEqual(online, downScript, 'downgrade: --sql = online');

    await downgrade({ engine, migrations: directory, cwd: directory, target: 'base' });
    const left = await reflect(engine);
    assert.deepEqual([...left.tables.map((t) => t.name), ...left.enums.map((e) => e.name)], [], 'the first migration undone leaves nothing');
  } finally {
    await engine.dispose();
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * Declares the `--sql` = online test of each scenario on each selected dialect. The scenarios of
 * a dialect share a database, which each leaves empty (a failed one leaves it to itself: the next
 * one gets a fresh database).
 */
export function offlineMatrix(title: string, scenarios: readonly Scenario[]): void {
  forEachDialect(title, (ctx) => {
    let empty: string | null = null;
    for (const scenario of scenariosFor(scenarios, ctx.dialect)) {
      it(scenario.name, async () => {
        const url = empty ?? (await ctx.freshUrl('offline'));
        empty = null;
        await runOfflineEquivalence(url, ctx.dialect, scenario);
        empty = url;
      });
    }
  });
}
