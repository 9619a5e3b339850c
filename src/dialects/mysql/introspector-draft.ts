import type {
  CheckSnapshot,
  ColumnSnapshot,
  ForeignKeySnapshot,
  IndexSnapshot,
  PrimaryKeySnapshot,
  TableSnapshot,
  TriggerSnapshot,
  UniqueSnapshot,
} from '../../schema/snapshot.js';
import { byCodePoint, byNameNullsLast } from './catalog-values.js';

/** A table being assembled from the catalog rows (mutable until {@link finishTable}). */
export interface TableDraft {
  readonly name: string;
  readonly comment: string | null;
  /** The table's default collation (TABLE_COLLATION): columns that have it carry no `collation`. */
  readonly collation: string | null;
  /** The table's storage engine (ENGINE). */
  readonly engine: string | null;
  /** MariaDB: TABLE_TYPE is 'SYSTEM VERSIONED'. */
  readonly systemVersioning: boolean;
  /** The ROW_FORMAT its CREATE TABLE gave (upper case), null when none. */
  rowFormat: string | null;
  /** Columns with their ordinal positions, in the order the rows came. */
  readonly columns: { ordinal: number; column: ColumnSnapshot }[];
  /** Column position by name, to find a column a constraint names. */
  readonly columnIndex: Map<string, number>;
  primaryKey: PrimaryKeySnapshot | null;
  readonly foreignKeys: ForeignKeySnapshot[];
  readonly uniques: UniqueSnapshot[];
  readonly checks: CheckSnapshot[];
  readonly indexes: IndexSnapshot[];
  readonly triggers: TriggerSnapshot[];
}

/** What a table has when it says nothing: the database's collation, the server's storage engine and InnoDB row format. */
export interface TableDefaults {
  readonly collation: string | null;
  readonly engine: string | null;
  readonly rowFormat?: string | null;
}

/** True when the table's ROW_FORMAT is the one an InnoDB table gets without saying (innodb_default_row_format). */
function defaultRowFormat(draft: TableDraft, defaults: TableDefaults): boolean {
  const innodb = (draft.engine ?? defaults.engine ?? '').toLowerCase() === 'innodb';
  return innodb && draft.rowFormat?.toLowerCase() === defaults.rowFormat?.toLowerCase();
}

/** A new, empty table draft. */
export function tableDraft(name: string, comment: string | null, collation: string | null, engine: string | null, systemVersioning = false): TableDraft {
  return { name, comment, collation, engine, systemVersioning, rowFormat: null, columns: [], columnIndex: new Map(), primaryKey: null, foreignKeys: [], uniques: [], checks: [], indexes: [], triggers: [] };
}

/** Adds a column to a draft. */
export function addColumn(draft: TableDraft, ordinal: number, column: ColumnSnapshot): void {
  draft.columnIndex.set(column.name, draft.columns.length);
  draft.columns.push({ ordinal, column });
}

/** Freezes every element of a list (each already frozen inside) and the list itself. */
function frozenList<T>(items: T[]): readonly T[] {
  for (const item of items) Object.freeze(item);
  return Object.freeze(items);
}

/**
 * The draft as a frozen TableSnapshot: columns in ordinal order, constraints sorted by name.
 * Frozen here, part by part, as it is built (columns and their types and defaults arrive frozen),
 * so that the final deepFreeze of the snapshot stops at each table instead of walking it again.
 * The table's collation and engine are kept when they are not the database's / server's defaults.
 */
export function finishTable(draft: TableDraft, schema: string | null, defaults: TableDefaults): TableSnapshot {
  const cols = draft.columns;
  let sorted = true;
  for (let i = 1; i < cols.length && sorted; i++) sorted = cols[i - 1]!.ordinal < cols[i]!.ordinal;
  if (!sorted) cols.sort((a, b) => a.ordinal - b.ordinal);
  const pk = draft.primaryKey;
  if (pk) Object.freeze(pk.columns);
  for (const fk of draft.foreignKeys) {
    Object.freeze(fk.columns);
    Object.freeze(fk.referredColumns);
  }
  for (const u of draft.uniques) Object.freeze(u.columns);
  for (const ix of draft.indexes) {
    Object.freeze(ix.columns);
    if (ix.expressions) Object.freeze(ix.expressions);
  }
  return Object.freeze({
    name: draft.name,
    schema,
    comment: draft.comment,
    columns: Object.freeze(cols.map((c) => c.column)),
    primaryKey: pk ? Object.freeze(pk) : null,
    foreignKeys: frozenList(draft.foreignKeys.sort(byNameNullsLast)),
    uniques: frozenList(draft.uniques.sort(byNameNullsLast)),
    checks: frozenList(draft.checks.sort(byNameNullsLast)),
    indexes: frozenList(draft.indexes.sort((a, b) => byCodePoint(a.name, b.name))),
    ...(draft.triggers.length > 0 ? { triggers: frozenList(draft.triggers.sort((a, b) => byCodePoint(a.name, b.name))) } : {}),
    ...(draft.collation !== null && draft.collation !== defaults.collation ? { collation: draft.collation } : {}),
    ...(draft.engine !== null && draft.engine.toLowerCase() !== defaults.engine?.toLowerCase() ? { engine: draft.engine } : {}),
    ...(draft.systemVersioning ? { systemVersioning: true } : {}),
    ...(draft.rowFormat !== null && !defaultRowFormat(draft, defaults) ? { rowFormat: draft.rowFormat } : {}),
  });
}
