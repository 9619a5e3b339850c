import { OperationError } from '../errors/index.js';
import type { SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import { findDropped } from './constraint-identity.js';
import type { Operation } from './operation.js';
import { describeOperation, qualifiedName, tableIndexOf } from './target.js';

/** An OperationError whose message starts with the op's description. */
export function opError(op: Operation, message: string): OperationError {
  return new OperationError(`${describeOperation(op)}: ${message}`);
}

/** Index of the op's table in the snapshot; throws when the table does not exist. */
export function requireTableIndex(snapshot: SchemaSnapshot, op: Operation, schema: string | null, name: string): number {
  const i = tableIndexOf(snapshot, schema, name);
  if (i < 0) throw opError(op, `table "${qualifiedName(schema, name)}" does not exist`);
  return i;
}

/** A snapshot with the table at `index` replaced. */
export function replaceTableAt(snapshot: SchemaSnapshot, index: number, table: TableSnapshot): SchemaSnapshot {
  const tables = [...snapshot.tables];
  tables[index] = table;
  return { ...snapshot, tables };
}

/** Applies `fn` to the op's table (which must exist). */
export function updateTable(
  snapshot: SchemaSnapshot,
  op: Operation,
  schema: string | null,
  name: string,
  fn: (table: TableSnapshot) => TableSnapshot,
): SchemaSnapshot {
  const i = requireTableIndex(snapshot, op, schema, name);
  return replaceTableAt(snapshot, i, fn(snapshot.tables[i]!));
}

/** Sorted by name, unnamed ones last (the snapshot's order for constraint and index lists). */
export function sortByName<T extends { readonly name: string | null }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    if (a.name === b.name) return 0;
    if (a.name === null) return 1;
    if (b.name === null) return -1;
    return a.name < b.name ? -1 : 1;
  });
}

/** Tables sorted by name, then schema. */
export function sortTables(tables: readonly TableSnapshot[]): TableSnapshot[] {
  return [...tables].sort((a, b) => (a.name === b.name ? (a.schema ?? '').localeCompare(b.schema ?? '') : a.name < b.name ? -1 : 1));
}

/** Throws unless every name in `columns` is a column of `table`. */
export function requireColumns(op: Operation, table: TableSnapshot, columns: readonly string[], what: string): void {
  for (const c of columns) {
    if (!table.columns.some((col) => col.name === c)) {
      throw opError(op, `${what} names column "${c}", which table "${table.name}" does not have`);
    }
  }
}

/** Throws when a named item with this name is already in the list. */
export function requireNewName(op: Operation, items: readonly { readonly name: string | null }[], name: string | null, what: string, table: string): void {
  if (name !== null && items.some((i) => i.name === name)) {
    throw opError(op, `table "${table}" already has ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} named "${name}"`);
  }
}

/** Index of the item with this name; throws when there is none. */
export function requireNamed(op: Operation, items: readonly { readonly name: string | null }[], name: string, what: string, table: string): number {
  const i = items.findIndex((item) => item.name === name);
  if (i < 0) throw opError(op, `table "${table}" has no ${what} named "${name}"`);
  return i;
}

/**
 * Index of the constraint a drop op removes (see `findDropped`: by name, or an unnamed one by
 * what it is). Throws when there is none.
 */
export function requireDropped<T extends { readonly name: string | null }>(
  op: Operation,
  items: readonly T[],
  name: string,
  given: T | undefined,
  identity: (item: T) => string,
  what: string,
  table: string,
): number {
  const i = findDropped(items, name, given, identity);
  if (i >= 0) return i;
  if (given === undefined || given.name !== null) return requireNamed(op, items, name, what, table);
  throw opError(op, `table "${table}" has no unnamed ${what} ${identity(given)}`);
}

/** A list without the item at `index`. */
export function without<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}
