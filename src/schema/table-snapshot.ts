import { SchemaError } from '../errors/index.js';
import { checkColumnExtras, resolveAutoincrement, resolveNullable } from './column-snapshot.js';
import { conflictExtras } from './conflict-clause.js';
import { NO_EXTRAS } from './column-def.js';
import type { ResolvedForeignKey } from './fk-resolve.js';
import { exceedsIdentifierLimit, identifierLength, shortenIdentifier } from './identifier.js';
import { indexExtras } from './index-extras.js';
import {
  applyNamingConvention,
  checkConstraintName,
  columnsMentioned,
  defaultNamingConvention,
  expressionLabel,
  templateUses,
  type ConventionColumn,
  type ConventionSubject,
  type NamingConvention,
} from './naming-convention.js';
import type {
  CheckSnapshot,
  ColumnSnapshot,
  ForeignKeySnapshot,
  IndexSnapshot,
  PrimaryKeySnapshot,
  TableSnapshot,
  UniqueSnapshot,
} from './snapshot.js';
import { deepFreeze } from './snapshot.js';
import type { ResolvedTarget } from './snapshot-target.js';
import type { Table } from './table.js';

/** Throws when a name the user chose is longer than the database keeps. */
export function checkIdentifier(name: string, limit: number | null, what: string, target: string): void {
  if (exceedsIdentifierLimit(name, limit)) {
    throw new SchemaError(`${what}: the name "${name}" is ${identifierLength(name)} bytes long; ${target} keeps at most ${limit}`);
  }
}

/** Orders by name with unnamed entries last, ties broken by a stable key. */
export function byNameNullsLast<T extends { readonly name: string | null }>(key: (x: T) => string) {
  return (a: T, b: T): number => {
    if (a.name !== null && b.name !== null) return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    if (a.name !== null) return -1;
    if (b.name !== null) return 1;
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

/** What a convention is given about one constraint or index; built only when it is needed. */
type LazySubject = () => Omit<ConventionSubject, 'kind' | 'tableName'>;

class Namer {
  constructor(
    private readonly table: Table,
    private readonly convention: NamingConvention,
    private readonly target: ResolvedTarget,
  ) {}

  name(kind: keyof NamingConvention, explicit: string | null, subject: LazySubject): string | null {
    if (explicit !== null) {
      const limit = this.target.maxIdentifierLength;
      if (exceedsIdentifierLimit(explicit, limit)) {
        const what = `table "${this.table.name}", ${kind} (${subject().columns.map((c) => c.name).join(', ')})`;
        checkIdentifier(explicit, limit, what, this.target.name);
      }
      return explicit;
    }
    const template = this.convention[kind] ?? (kind === 'ix' ? defaultNamingConvention.ix : undefined);
    if (template === undefined) return null;
    const full = applyNamingConvention(template, { ...subject(), kind, tableName: this.table.name });
    return shortenIdentifier(full, this.target.maxIdentifierLength);
  }

  uses(kind: keyof NamingConvention, tokenName: string): boolean {
    const template = this.convention[kind];
    return template !== undefined && templateUses(template, tokenName);
  }
}

const freeze = Object.freeze;

/**
 * The {@link TableSnapshot} of a table for one target: names from the naming convention (long
 * ones shortened), autoincrement resolved, constraints sorted by name (nulls last), indexes by
 * name. The foreign keys are given resolved. The snapshot is deeply frozen as it is built (types
 * and defaults come frozen from the column builders).
 */
export function buildTableSnapshot(
  table: Table,
  foreignKeys: readonly ResolvedForeignKey[],
  convention: NamingConvention,
  target: ResolvedTarget,
): TableSnapshot {
  const limit = target.maxIdentifierLength;
  if (exceedsIdentifierLimit(table.name, limit)) checkIdentifier(table.name, limit, `table "${table.name}"`, target.name);
  const namer = new Namer(table, convention, target);
  const conventionColumn = (name: string): ConventionColumn => ({ name, key: table.column(name)?.key ?? name });
  const pkColumns = table.primaryKey?.columns ?? [];
  const fkColumns = new Set<string>();
  for (const r of foreignKeys) for (const c of r.fk.columns) fkColumns.add(c);

  const columns: ColumnSnapshot[] = table.columnList.map((col) => {
    const def = col.def;
    if (exceedsIdentifierLimit(col.name, limit)) checkIdentifier(col.name, limit, `table "${table.name}", column "${col.name}"`, target.name);
    const inPrimaryKey = pkColumns.includes(col.name);
    // the message only matters for a nullable primary key column, which resolveNullable refuses but on SQLite
    const where = inPrimaryKey ? `table "${table.name}", column "${col.name}"` : '';
    // 'auto' is never true outside the primary key
    const autoincrement = def.autoincrement !== 'auto'
      ? def.autoincrement
      : inPrimaryKey && resolveAutoincrement(def, { inPrimaryKey, primaryKeyColumns: pkColumns.length, inForeignKey: fkColumns.has(col.name) });
    if (def.extras !== NO_EXTRAS) checkColumnExtras(def, autoincrement, `table "${table.name}", column "${col.name}"`);
    if (def.extras.invisible === true && target.name !== 'mysql') {
      throw new SchemaError(`table "${table.name}", column "${col.name}": invisible() (INVISIBLE) exists on mysql only, not on ${target.name}`);
    }
    return freeze({
      name: col.name,
      type: deepFreeze(def.type),
      nullable: resolveNullable(def, inPrimaryKey, where, target.nullablePrimaryKeys),
      default: deepFreeze(def.serverDefault),
      autoincrement,
      comment: def.comment,
      ...def.extras,
    });
  });

  const checkConflict = (onConflict: string | null, what: string): void => {
    if (onConflict !== null && !target.conflictClauses) {
      throw new SchemaError(`table "${table.name}", ${what}: onConflict (ON CONFLICT ${onConflict}) exists on sqlite only, not on ${target.name}`);
    }
  };
  let primaryKey: PrimaryKeySnapshot | null = null;
  if (table.primaryKey) {
    const name = namer.name('pk', table.primaryKey.name, () => ({ columns: pkColumns.map(conventionColumn) }));
    checkConflict(table.primaryKey.onConflict, `primary key (${pkColumns.join(', ')})`);
    primaryKey = freeze({ name: target.namedPrimaryKeys ? name : null, columns: freeze([...pkColumns]), ...conflictExtras(table.primaryKey.onConflict) });
  }

  const fks: ForeignKeySnapshot[] = foreignKeys.map((r) => freeze({
    name: namer.name('fk', r.fk.name, () => ({
      columns: r.fk.columns.map(conventionColumn),
      referredTableName: r.referredName,
      referredColumns: r.referredColumns,
    })),
    columns: freeze([...r.fk.columns]),
    referredSchema: r.referredSchema === table.schema ? null : r.referredSchema,
    referredTable: r.referredName,
    referredColumns: freeze([...r.referredColumns]),
    onDelete: r.fk.onDelete,
    onUpdate: r.fk.onUpdate,
    deferrable: r.fk.deferrable,
    initiallyDeferred: r.fk.initiallyDeferred,
  }));

  const uniques: UniqueSnapshot[] = table.uniques.map((u) => {
    checkConflict(u.onConflict, `unique constraint (${u.columns.join(', ')})`);
    return freeze({
      name: namer.name('uq', u.name, () => ({ columns: u.columns.map(conventionColumn) })),
      columns: freeze([...u.columns]),
      ...conflictExtras(u.onConflict),
    });
  });

  const columnNames = table.columnList.map((c) => c.name);
  const checks: CheckSnapshot[] = table.checks.map((c) => {
    const subject: LazySubject = () => {
      const mentioned = columnsMentioned(c.expression, columnNames).map(conventionColumn);
      const constraintName = c.name === null && namer.uses('ck', 'constraint_name') ? checkConstraintName(c.expression, columnNames) : undefined;
      return { columns: mentioned, ...(constraintName !== undefined ? { constraintName } : {}) };
    };
    return freeze({ name: namer.name('ck', c.name, subject), expression: c.expression });
  });

  const indexes: IndexSnapshot[] = table.indexes.map((ix) => {
    const hasExpression = ix.elements.some((e) => typeof e !== 'string');
    const subject: LazySubject = () => ({
      columns: ix.elements.map((e) => (typeof e === 'string' ? conventionColumn(e) : { name: expressionLabel(e.expression), key: expressionLabel(e.expression) })),
    });
    const name = namer.name('ix', ix.name, subject);
    if (name === null) throw new SchemaError(`table "${table.name}": an index needs a name`);
    if (ix.where !== null && target.name === 'mysql') {
      throw new SchemaError(`table "${table.name}", index "${name}": partial indexes (where) do not exist on mysql`);
    }
    return freeze({
      name,
      columns: freeze(ix.elements.filter((e): e is string => typeof e === 'string')),
      expressions: hasExpression ? freeze(ix.elements.map((e) => (typeof e === 'string' ? target.quoteIdentifier(e) : e.expression))) : null,
      unique: ix.unique,
      where: ix.where,
      method: ix.method,
      ...indexExtras(ix.include, ix.nullsNotDistinct),
    });
  });

  return freeze({
    name: table.name,
    schema: table.schema,
    comment: table.comment,
    columns: freeze(columns),
    primaryKey,
    foreignKeys: freeze(fks.sort(byNameNullsLast((f) => `${f.columns.join(',')}>${f.referredTable}`))),
    uniques: freeze(uniques.sort(byNameNullsLast((u) => u.columns.join(',')))),
    checks: freeze(checks.sort(byNameNullsLast((c) => c.expression))),
    indexes: freeze(indexes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))),
    ...table.snapshotOptions,
  });
}
