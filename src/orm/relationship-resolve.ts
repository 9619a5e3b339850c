import { SchemaError } from '../errors/index.js';
import { newColumnBuilder } from '../schema/column-builder.js';
import type { AnyColumnBuilder } from '../schema/column-types.js';
import { isColumn, type Column } from '../schema/column.js';
import { resolveForeignKey, type ResolvedForeignKey } from '../schema/fk-resolve.js';
import { isTable, Table } from '../schema/table.js';
import type { ModelEntry, ModelRegistry } from './model-registry.js';
import { isRelationship, type Relationship, type ResolvedRelationship } from './relationship.js';

/** Association tables retort created, by table, with the pair of tables they join. */
const created = new WeakMap<Table, readonly [Table, Table]>();

function foreignKeysBetween(registry: ModelRegistry, from: Table, to: Table): ResolvedForeignKey[] {
  return from.foreignKeys.map((fk) => resolveForeignKey(registry.metadata, from, fk)).filter((r) => r.referredTable === to);
}

/** The local columns the `foreignKey` option names, as `table.column` strings. */
function wantedColumns(where: string, option: unknown, tables: readonly Table[]): Set<string> | null {
  if (option === undefined) return null;
  const out = new Set<string>();
  const add = (c: Column): void => void out.add(`${c.table.qualifiedName}\u0000${c.name}`);
  if (typeof option === 'string') {
    for (const t of tables) {
      const col = t.column(option);
      if (col) add(col);
    }
    if (out.size === 0) throw new SchemaError(`${where}: foreignKey "${option}" is not a column of ${tables.map((t) => `"${t.name}"`).join(' or ')}`);
    return out;
  }
  if (typeof option !== 'function') throw new SchemaError(`${where}: foreignKey must be a column name or a function returning columns`);
  let value: unknown;
  try {
    value = (option as () => unknown)();
  } catch (e) {
    throw new SchemaError(`${where}: the foreignKey function threw: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const cols = Array.isArray(value) ? value : [value];
  if (cols.length === 0 || !cols.every(isColumn)) throw new SchemaError(`${where}: the foreignKey function must return a column or columns`);
  for (const c of cols) add(c);
  return out;
}

function matches(r: ResolvedForeignKey, wanted: Set<string> | null): boolean {
  return wanted === null || r.fk.columns.some((c) => wanted.has(`${r.table.qualifiedName}\u0000${c}`));
}

function targetEntry(registry: ModelRegistry, where: string, rel: Relationship): ModelEntry {
  let target: unknown;
  try {
    target = rel.target();
  } catch (e) {
    throw new SchemaError(`${where}: the target function threw: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const entry = registry.entryOf(target);
  if (!entry || typeof target !== 'function' || target === entry.generated) {
    throw new SchemaError(`${where}: the target must be a model class of the same MetaData (() => User)`);
  }
  registry.bind(entry, target);
  return entry;
}

function associationTable(registry: ModelRegistry, where: string, name: string, left: Table, right: Table): Table {
  const existing = registry.metadata.tablesUnresolved.find((t) => t.name === name && t.schema === left.schema);
  if (existing) {
    const pair = created.get(existing);
    if (!pair || (pair[0] === left && pair[1] === right) || (pair[0] === right && pair[1] === left)) return existing;
    throw new SchemaError(`${where}: secondary "${name}" already joins "${pair[0].name}" and "${pair[1].name}"`);
  }
  if (left === right) {
    throw new SchemaError(`${where}: a self-referential many-to-many needs an explicit association Table: secondary: () => table`);
  }
  const columns: Record<string, AnyColumnBuilder> = {};
  for (const side of [left, right]) {
    if (!side.primaryKey) throw new SchemaError(`${where}: table "${side.name}" has no primary key to refer to`);
    for (const pkName of side.primaryKey.columns) {
      const pkCol = side.column(pkName) as Column;
      const dbName = `${side.name}_${pkName}`;
      if (columns[dbName]) throw new SchemaError(`${where}: the association table "${name}" would have two columns named "${dbName}"`);
      columns[dbName] = newColumnBuilder(pkCol.def.type)
        .name(dbName)
        .primaryKey()
        .references(() => pkCol, { onDelete: 'cascade' });
    }
  }
  const table = new Table(registry.metadata, name, columns, ...(left.schema !== registry.metadata.schema && left.schema !== null ? [{ schema: left.schema }] : []));
  created.set(table, [left, right]);
  return table;
}

function secondaryTable(registry: ModelRegistry, where: string, rel: Relationship, left: Table, right: Table): Table {
  const secondary = rel.options.secondary;
  if (typeof secondary === 'string') return associationTable(registry, where, secondary, left, right);
  let value: unknown;
  try {
    value = (secondary as () => unknown)();
  } catch (e) {
    throw new SchemaError(`${where}: the secondary function threw: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const table = isTable(value) ? value : isTable((value as { table?: unknown } | null)?.table) ? (value as { table: Table }).table : null;
  if (!table) throw new SchemaError(`${where}: secondary must return a Table (or be a table name)`);
  const toLeft = foreignKeysBetween(registry, table, left);
  const toRight = foreignKeysBetween(registry, table, right);
  if (toLeft.length === 0 || toRight.length === 0 || (left === right && toLeft.length < 2)) {
    throw new SchemaError(`${where}: the association table "${table.name}" needs foreign keys to both "${left.name}" and "${right.name}"`);
  }
  return table;
}

/**
 * Resolves one relationship: finds the foreign key(s) linking the two tables (or the association
 * table, created when `secondary` is a name) and checks `backPopulates`.
 */
export function resolveRelationship(registry: ModelRegistry, owner: ModelEntry, key: string, rel: Relationship): ResolvedRelationship {
  const ownerName = owner.bound?.name ?? owner.table?.name ?? '?';
  const where = `relationship ${ownerName}.${key}`;
  const left = owner.table as Table;
  const target = targetEntry(registry, where, rel);
  const right = target.table as Table;

  let result: ResolvedRelationship;
  if (rel.options.secondary !== undefined) {
    const secondary = secondaryTable(registry, where, rel, left, right);
    result = { key, direction: 'manyToMany', secondary, foreignKeyTable: secondary };
  } else {
    const wanted = wantedColumns(where, rel.options.foreignKey, [left, right]);
    const children = foreignKeysBetween(registry, right, left).filter((r) => matches(r, wanted));
    const parents = left === right ? [] : foreignKeysBetween(registry, left, right).filter((r) => matches(r, wanted));
    const all = [...children, ...parents];
    if (all.length === 0) {
      throw new SchemaError(
        `${where}: no foreign key links table "${left.name}" and table "${right.name}"${wanted ? ' through the given foreignKey' : ''}; `
        + 'add .references() to the column of the child table, or use secondary for many-to-many',
      );
    }
    if (all.length > 1) {
      throw new SchemaError(
        `${where}: ${all.length} foreign keys link "${left.name}" and "${right.name}" (${all.map((r) => `${r.table.name}(${r.fk.columns.join(', ')})`).join(', ')}); choose one with foreignKey`,
      );
    }
    const found = all[0] as ResolvedForeignKey;
    const direction = left === right ? 'selfReferential' : children.length === 1 ? 'oneToMany' : 'manyToOne';
    result = { key, direction, secondary: null, foreignKeyTable: found.table };
  }

  const back = rel.options.backPopulates;
  if (back !== undefined && target.bound) {
    const other = (target.bound as unknown as Record<string, unknown>)[back];
    if (!isRelationship(other)) {
      throw new SchemaError(`${where}: backPopulates "${back}", but ${target.bound.name}.${back} is not a relationship`);
    }
    const otherTarget = registry.entryOf(safeCall(other.target));
    if (otherTarget !== owner) {
      throw new SchemaError(`${where}: backPopulates "${back}", but ${target.bound.name}.${back} does not point back at ${ownerName}`);
    }
  }
  return result;
}

function safeCall(fn: () => unknown): unknown {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
