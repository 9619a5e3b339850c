import { SchemaError } from '../errors/index.js';
import { isColumn, type Column } from './column.js';
import type { ForeignKeyConstraint } from './constraints.js';
import type { MetaData } from './metadata.js';
import { isTable, type Table } from './table.js';

/** A foreign key with its referred table and columns looked up. */
export interface ResolvedForeignKey {
  readonly fk: ForeignKeyConstraint;
  readonly table: Table;
  /**
   * The referred table of the models, or null for a table of another schema that they do not
   * declare (`'auth.users.id'`, a table the database has and other code manages).
   */
  readonly referredTable: Table | null;
  /** The referred table's schema (null: the default one) and name. */
  readonly referredSchema: string | null;
  readonly referredName: string;
  /** Database names, in the order of `fk.columns`. */
  readonly referredColumns: readonly string[];
}

function describe(table: Table, fk: ForeignKeyConstraint): string {
  return `table "${table.name}", foreign key (${fk.columns.join(', ')})`;
}

function asTable(value: unknown): Table | undefined {
  if (isTable(value)) return value;
  if ((typeof value === 'function' || typeof value === 'object') && value !== null) {
    const inner = (value as { table?: unknown }).table;
    if (isTable(inner)) return inner;
  }
  return undefined;
}

function callReference(table: Table, fk: ForeignKeyConstraint, fn: () => unknown): unknown {
  try {
    return fn();
  } catch (e) {
    throw new SchemaError(`${describe(table, fk)}: the reference function threw: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/**
 * Finds the table a string reference names: `'table'` or `'schema.table'`. A table of another
 * schema that the models do not declare is outside them (null), when the key names its columns.
 */
function tableByName(metadata: MetaData, from: Table, ref: string, fk: ForeignKeyConstraint): Table | { schema: string; name: string } {
  const dot = ref.indexOf('.');
  const explicitSchema = dot >= 0 ? ref.slice(0, dot) : undefined;
  const name = dot >= 0 ? ref.slice(dot + 1) : ref;
  const all = metadata.tablesNamed(name);
  const found = explicitSchema !== undefined
    ? all.find((t) => t.schema === explicitSchema)
    : (all.find((t) => t.schema === from.schema) ?? (all.length === 1 ? all[0] : undefined));
  if (!found) {
    // A dotted name may also be a table whose own name contains a dot.
    const literal = metadata.tablesNamed(ref)[0];
    if (literal) return literal;
    if (explicitSchema !== undefined && explicitSchema !== from.schema) {
      if (fk.referredColumns) return { schema: explicitSchema, name };
      throw new SchemaError(`${describe(from, fk)} refers to table "${ref}", which the models do not declare: name its columns ('${ref}.id')`);
    }
    throw new SchemaError(`${describe(from, fk)} refers to unknown table "${ref}"`);
  }
  return found;
}

/**
 * Looks up the referred table and columns of a foreign key of `table`, calling its reference
 * function if it has one. Throws a SchemaError naming the table and columns when the target
 * does not exist, lies in another MetaData, or its column count differs.
 */
export function resolveForeignKey(metadata: MetaData, table: Table, fk: ForeignKeyConstraint): ResolvedForeignKey {
  let referredTable: Table;
  let columns: readonly string[] | null = null;
  if (typeof fk.referred === 'string') {
    const found = tableByName(metadata, table, fk.referred, fk);
    if (!isTable(found)) {
      // outside the models: the database has it, with the columns the key names
      const referredColumns = sameCount(table, fk, fk.referredColumns as readonly string[], fk.referred);
      return { fk, table, referredTable: null, referredSchema: found.schema, referredName: found.name, referredColumns };
    }
    referredTable = found;
  } else {
    const value = callReference(table, fk, fk.referred as () => unknown);
    if (isColumn(value)) {
      referredTable = value.table;
      columns = [value.name];
    } else if (Array.isArray(value) && value.length > 0 && value.every(isColumn)) {
      const cols = value as Column[];
      referredTable = (cols[0] as Column).table;
      if (cols.some((c) => c.table !== referredTable)) throw new SchemaError(`${describe(table, fk)}: the referred columns belong to different tables`);
      columns = cols.map((c) => c.name);
    } else {
      const t = asTable(value);
      if (!t) {
        throw new SchemaError(
          `${describe(table, fk)}: the reference function returned ${value === undefined ? 'undefined' : typeof value}; return a column (() => User.columns.id), a table or a model class`,
        );
      }
      referredTable = t;
    }
  }
  if (referredTable.metadata !== metadata) {
    throw new SchemaError(`${describe(table, fk)} refers to table "${referredTable.name}" of another MetaData`);
  }
  if (columns === null) {
    if (fk.referredColumns) {
      columns = fk.referredColumns.map((c) => {
        const col = referredTable.column(c);
        if (!col) throw new SchemaError(`${describe(table, fk)} refers to unknown column "${c}" of table "${referredTable.name}"`);
        return col.name;
      });
    } else if (referredTable.primaryKey) {
      columns = referredTable.primaryKey.columns;
    } else {
      throw new SchemaError(`${describe(table, fk)}: table "${referredTable.name}" has no primary key; name the referred columns`);
    }
  }
  const referredColumns = sameCount(table, fk, columns, referredTable.name);
  return { fk, table, referredTable, referredSchema: referredTable.schema, referredName: referredTable.name, referredColumns };
}

/** The referred columns, when there are as many as the key's own; else a SchemaError naming both. */
function sameCount(table: Table, fk: ForeignKeyConstraint, columns: readonly string[], referred: string): readonly string[] {
  if (columns.length !== fk.columns.length) {
    throw new SchemaError(`${describe(table, fk)}: ${fk.columns.length} column(s) refer to ${columns.length} column(s) of table "${referred}" (${columns.join(', ')})`);
  }
  return columns;
}
