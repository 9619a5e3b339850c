import { AutogenerateError } from '../errors/index.js';
import type { SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import { mentionsIdentifier, renameIdentifier } from '../operations/sql-identifiers.js';
import type { ColumnRename, RenameDecisions, TableRename } from './compare-options.js';

/**
 * The current (database) snapshot seen through the decided renames: tables and columns carry
 * their target names, and so do the column lists of keys, indexes and FKs (FKs' referred tables
 * and columns too), and generated columns' expressions (every dialect's RENAME COLUMN rewrites
 * them). Other SQL text (checks, index expressions) is left as it is. Objects that needed no
 * renaming keep their identity; {@link RenameView.original} maps a renamed one back.
 */
export interface RenameView {
  readonly snapshot: SchemaSnapshot;
  /** Table renames, checked against both snapshots. */
  readonly tables: readonly TableRename[];
  /** Column renames, checked, keyed by the table's target name. */
  readonly columns: ReadonlyMap<string, readonly ColumnRename[]>;
  /** The object as the database has it, for an object of {@link RenameView.snapshot}. */
  original<T extends object>(renamed: T): T;
  /** The database name of a table, given its target name. */
  originalTableName(targetName: string): string;
}

/**
 * Applies decided renames to the current snapshot. Throws AutogenerateError (code
 * `RENAME_INVALID`) for a rename that does not fit the two snapshots.
 */
export function applyRenames(target: SchemaSnapshot, current: SchemaSnapshot, decisions: RenameDecisions | undefined): RenameView {
  const targetNames = new Set(target.tables.map((t) => t.name));
  const currentByName = new Map(current.tables.map((t) => [t.name, t]));
  const tableTo = new Map<string, string>();
  const tableFrom = new Map<string, string>();
  for (const r of decisions?.tables ?? []) {
    if (!currentByName.has(r.from)) invalid(`table "${r.from}" is not in the database${alike(r.from, currentByName.keys())}`);
    if (!targetNames.has(r.to)) invalid(`table "${r.to}" is not in the models${alike(r.to, targetNames)}`);
    if (currentByName.has(r.to)) invalid(`table "${r.to}" already exists in the database`);
    if (tableTo.has(r.from) || tableFrom.has(r.to)) invalid(`table "${r.from}" or "${r.to}" is renamed twice`);
    tableTo.set(r.from, r.to);
    tableFrom.set(r.to, r.from);
  }

  const targetByName = new Map(target.tables.map((t) => [t.name, t]));
  const columnsByTable = new Map<string, ColumnRename[]>();
  for (const r of decisions?.columns ?? []) {
    const targetName = targetByName.has(r.table) ? r.table : (tableTo.get(r.table) ?? r.table);
    const targetTable = targetByName.get(targetName);
    const currentTable = currentByName.get(tableFrom.get(targetName) ?? targetName);
    if (targetTable === undefined || currentTable === undefined) invalid(`table "${r.table}" is not on both sides`);
    if (!currentTable.columns.some((c) => c.name === r.from)) invalid(`column "${r.table}.${r.from}" is not in the database${alike(r.from, currentTable.columns.map((c) => c.name))}`);
    if (!targetTable.columns.some((c) => c.name === r.to)) {
      invalid(`column "${r.table}.${r.to}" is not in the models${alike(r.to, targetTable.columns.map((c) => c.name), ' (a column key is snake_cased unless .name() says otherwise)')}`);
    }
    if (currentTable.columns.some((c) => c.name === r.to)) invalid(`column "${r.table}.${r.to}" already exists in the database`);
    const list = columnsByTable.get(targetName) ?? [];
    if (list.some((x) => x.from === r.from || x.to === r.to)) invalid(`column "${r.table}.${r.from}" or "${r.to}" is renamed twice`);
    list.push({ table: targetName, from: r.from, to: r.to });
    columnsByTable.set(targetName, list);
  }

  const origin = new WeakMap<object, object>();
  const columnMaps = new Map<string, ReadonlyMap<string, string>>();
  const columnMap = (currentTableName: string): ReadonlyMap<string, string> => {
    let map = columnMaps.get(currentTableName);
    if (map === undefined) {
      const list = columnsByTable.get(tableTo.get(currentTableName) ?? currentTableName) ?? [];
      map = new Map(list.map((r) => [r.from, r.to]));
      columnMaps.set(currentTableName, map);
    }
    return map;
  };
  const mapColumns = (names: readonly string[], map: ReadonlyMap<string, string>): readonly string[] => names.map((n) => map.get(n) ?? n);
  const changed = (a: readonly string[], b: readonly string[]): boolean => a.some((x, i) => x !== b[i]);
  const track = <T extends object>(original: T, renamed: T): T => {
    origin.set(renamed, original);
    return renamed;
  };

  const renameTable = (t: TableSnapshot): TableSnapshot => {
    const own = columnMap(t.name);
    const name = tableTo.get(t.name) ?? t.name;
    let dirty = name !== t.name;
    const columns = t.columns.map((c) => {
      const to = own.get(c.name);
      const computed = c.computed && renameAll(c.computed.sql, own) !== c.computed.sql ? { ...c.computed, sql: renameAll(c.computed.sql, own) } : c.computed;
      if (to === undefined && computed === c.computed) return c;
      dirty = true;
      return track(c, { ...c, name: to ?? c.name, ...(computed ? { computed } : {}) });
    });
    const primaryKey = t.primaryKey && changed(mapColumns(t.primaryKey.columns, own), t.primaryKey.columns)
      ? track(t.primaryKey, { ...t.primaryKey, columns: mapColumns(t.primaryKey.columns, own) })
      : t.primaryKey;
    const foreignKeys = t.foreignKeys.map((fk) => {
      const referredTable = tableTo.get(fk.referredTable) ?? fk.referredTable;
      const columns = mapColumns(fk.columns, own);
      const referredColumns = mapColumns(fk.referredColumns, columnMap(fk.referredTable));
      if (referredTable === fk.referredTable && !changed(columns, fk.columns) && !changed(referredColumns, fk.referredColumns)) return fk;
      return track(fk, { ...fk, columns, referredTable, referredColumns });
    });
    const uniques = t.uniques.map((u) => (changed(mapColumns(u.columns, own), u.columns) ? track(u, { ...u, columns: mapColumns(u.columns, own) }) : u));
    const indexes = t.indexes.map((ix) => (changed(mapColumns(ix.columns, own), ix.columns) ? track(ix, { ...ix, columns: mapColumns(ix.columns, own) }) : ix));
    dirty ||= primaryKey !== t.primaryKey || foreignKeys.some((x, i) => x !== t.foreignKeys[i])
      || uniques.some((x, i) => x !== t.uniques[i]) || indexes.some((x, i) => x !== t.indexes[i]);
    return dirty ? track(t, { ...t, name, columns, primaryKey, foreignKeys, uniques, indexes }) : t;
  };

  // without renames every object stays as it is: no need to look at each one
  const renaming = tableTo.size > 0 || columnsByTable.size > 0;
  const tables = (renaming ? current.tables.map(renameTable) : [...current.tables]).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const snapshot: SchemaSnapshot = { ...current, tables };
  return {
    snapshot,
    tables: [...tableTo].map(([from, to]) => ({ from, to })),
    columns: columnsByTable,
    original: <T extends object>(renamed: T): T => (origin.get(renamed) as T | undefined) ?? renamed,
    originalTableName: (targetName: string): string => tableFrom.get(targetName) ?? targetName,
  };
}

/** The SQL text with the columns renamed, all at once (a swap of two names stays a swap). */
function renameAll(text: string, renames: ReadonlyMap<string, string>): string {
  const mentioned = [...renames].filter(([from]) => mentionsIdentifier(text, from));
  if (mentioned.length === 0) return text;
  // through placeholders no column is named, so that a rename does not catch another one's result
  const placeholder = (i: number): string => `__retort_rename_${i}__`;
  let out = mentioned.reduce((acc, [from], i) => renameIdentifier(acc, from, placeholder(i)), text);
  mentioned.forEach(([, to], i) => (out = renameIdentifier(out, placeholder(i), to)));
  return out;
}

function invalid(message: string): never {
  throw new AutogenerateError(`invalid rename: ${message}`, { code: 'RENAME_INVALID' });
}

/**
 * ` (it has "heading")`: a name of the list that differs from `name` only in case (names are case
 * sensitive; a quoted mixed-case name and a model's snake_cased key are easily confused); empty when none.
 */
function alike(name: string, names: Iterable<string>, why = ''): string {
  const lower = name.toLowerCase();
  for (const other of names) if (other !== name && other.toLowerCase() === lower) return `; it has "${other}"${why}`;
  return '';
}
