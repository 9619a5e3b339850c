import type {
  CheckSnapshot,
  ColumnSnapshot,
  ForeignKeySnapshot,
  IndexSnapshot,
  PrimaryKeySnapshot,
  TableSnapshot,
  UniqueSnapshot,
} from '../../schema/snapshot.js';
import { byCodePoint, byNameNullsLast } from './catalog-values.js';

/** A table being assembled from the catalog rows (mutable until {@link finishTable}). */
export interface TableDraft {
  readonly name: string;
  readonly comment: string | null;
  /** Columns with their ordinal positions, in the order the rows came. */
  readonly columns: { ordinal: number; column: ColumnSnapshot }[];
  /** Column position by name, to find a column a constraint names. */
  readonly columnIndex: Map<string, number>;
  primaryKey: PrimaryKeySnapshot | null;
  readonly foreignKeys: ForeignKeySnapshot[];
  readonly uniques: UniqueSnapshot[];
  readonly checks: CheckSnapshot[];
  readonly indexes: IndexSnapshot[];
}

/** A new, empty table draft. */
export function tableDraft(name: string, comment: string | null): TableDraft {
  return { name, comment, columns: [], columnIndex: new Map(), primaryKey: null, foreignKeys: [], uniques: [], checks: [], indexes: [] };
}

/** Adds a column to a draft. */
export function addColumn(draft: TableDraft, ordinal: number, column: ColumnSnapshot): void {
  draft.columnIndex.set(column.name, draft.columns.length);
  draft.columns.push({ ordinal, column });
}

/** The draft as a TableSnapshot: columns in ordinal order, constraints sorted by name. */
export function finishTable(draft: TableDraft, schema: string | null): TableSnapshot {
  const cols = draft.columns;
  let sorted = true;
  for (let i = 1; i < cols.length && sorted; i++) sorted = cols[i - 1]!.ordinal < cols[i]!.ordinal;
  if (!sorted) cols.sort((a, b) => a.ordinal - b.ordinal);
  return {
    name: draft.name,
    schema,
    comment: draft.comment,
    columns: cols.map((c) => c.column),
    primaryKey: draft.primaryKey,
    foreignKeys: draft.foreignKeys.sort(byNameNullsLast),
    uniques: draft.uniques.sort(byNameNullsLast),
    checks: draft.checks.sort(byNameNullsLast),
    indexes: draft.indexes.sort((a, b) => byCodePoint(a.name, b.name)),
  };
}
