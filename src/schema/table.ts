import { SchemaError } from '../errors/index.js';
import { isColumnBuilder, type ColumnBuilder } from './column-builder.js';
import type { ColumnsShape } from './column-types.js';
import { Column } from './column.js';
import {
  CheckConstraint,
  ForeignKeyConstraint,
  Index,
  isConstraint,
  keyConstraintOptions,
  PrimaryKeyConstraint,
  UniqueConstraint,
  type Constraint,
} from './constraints.js';
import type { MetaData } from './metadata.js';
import { snakeCase } from './snake-case.js';
import type { TableSnapshotOptions } from './snapshot.js';

/** Table-level options, given as a plain object among a Table's items (the dialect ones: see {@link TableSnapshotOptions}). */
export interface TableOptions extends TableSnapshotOptions {
  readonly comment?: string;
  /** PostgreSQL schema / MySQL database; default: the MetaData's schema. */
  readonly schema?: string;
}

/** What a Table accepts after its columns: constraints, indexes and an options object. */
export type TableItem = Constraint | TableOptions;

/** The typed columns of a table, by key. */
export type TableColumns<C extends ColumnsShape> = {
  readonly [K in keyof C]: C[K] extends ColumnBuilder<infer T, infer N> ? Column<T, N> : never;
};

/**
 * A database table: columns declared with builders, plus constraints and indexes. Column keys
 * become database names by snake_case unless a column has `.name()`. Column-level `.unique()`,
 * `.index()` and `.references()` become table-level constraints (`.unique().index()` together
 * make one unique index). The table registers itself in its {@link MetaData}.
 *
 * @example
 * ```ts
 * const postTag = new Table(metadata, 'post_tag', {
 *   postId: column.integer().primaryKey().references('post.id', { onDelete: 'cascade' }),
 *   tagId: column.integer().primaryKey().references(() => Tag.columns.id),
 * }, new Index(null, ['tagId']), { comment: 'tags of posts' });
 * postTag.columns.postId.name; // 'post_id'
 * ```
 */
export class Table<C extends ColumnsShape = ColumnsShape> {
  readonly metadata: MetaData;
  readonly name: string;
  readonly schema: string | null;
  readonly comment: string | null;
  /** Dialect table options as declared (`strict`, `withoutRowid`, `sqliteAutoincrement`, `partitionBy`, `collation`, `engine`, `systemVersioning`, `rowFormat`); only the declared keys. */
  readonly snapshotOptions: TableSnapshotOptions;
  /** The columns by TypeScript key. */
  readonly columns: TableColumns<C>;
  /** The columns in declaration order. */
  readonly columnList: readonly Column[];
  /** The primary key over database column names, or null when the table has none. */
  readonly primaryKey: PrimaryKeyConstraint | null;
  /** Foreign keys; local columns are database names, referred ones are resolved later. */
  readonly foreignKeys: readonly ForeignKeyConstraint[];
  readonly uniques: readonly UniqueConstraint[];
  readonly checks: readonly CheckConstraint[];
  /** Indexes; column elements are database names. */
  readonly indexes: readonly Index[];
  /** The columns by database name, for lookups in constant time (by key: {@link columns}). */
  readonly #byName = new Map<string, Column>();

  constructor(metadata: MetaData, name: string, columns: C, ...items: TableItem[]) {
    if (typeof name !== 'string' || name === '') throw new SchemaError('Table: the table name must be a non-empty string');
    this.metadata = metadata;
    this.name = name;
    const options = mergeOptions(name, items);
    this.schema = options.schema ?? metadata.schema;
    this.comment = options.comment ?? null;
    this.snapshotOptions = Object.freeze(pickTableOptions(options));

    // built without a prototype, then given Object's: an object with its own set of keys per table
    // would otherwise make V8 create a chain of hidden classes for every table (a fifth of the
    // construction time of a 1000-table module); the result is the same plain frozen object
    const byKey = Object.create(null) as Record<string, Column>;
    const list: Column[] = [];
    if (typeof columns !== 'object' || columns === null) throw new SchemaError(`table "${name}": columns must be an object of column builders`);
    for (const key of Object.keys(columns)) {
      const builder: unknown = columns[key];
      if (!isColumnBuilder(builder)) throw new SchemaError(`table "${name}": "${key}" is not a column builder (use column.integer(), column.string(), ...)`);
      const dbName = builder.def.name ?? snakeCase(key);
      const clash = this.#byName.get(dbName);
      if (clash) throw new SchemaError(`table "${name}": columns "${clash.key}" and "${key}" both have the database name "${dbName}"`);
      const col = new Column(this as unknown as Table, key, dbName, builder);
      byKey[key] = col;
      list.push(col);
      this.#byName.set(dbName, col);
    }
    if (list.length === 0) throw new SchemaError(`table "${name}": a table needs at least one column`);
    this.columns = Object.freeze(Object.setPrototypeOf(byKey, Object.prototype) as Record<string, Column>) as TableColumns<C>;
    this.columnList = Object.freeze(list);

    const constraints = items.filter(isConstraint);
    // a key column declared nullable is refused by snapshot(), but on SQLite (which keeps such columns)
    this.primaryKey = this.resolvePrimaryKey(constraints.filter((c) => c instanceof PrimaryKeyConstraint));

    const fks: ForeignKeyConstraint[] = [];
    const uniques: UniqueConstraint[] = [];
    const indexes: Index[] = [];
    for (const col of list) {
      const def = col.def;
      if (def.unique && def.index) {
        if (def.unique.onConflict) {
          throw new SchemaError(`table "${name}", column "${col.name}": .unique({ onConflict }).index() is a unique index, which has no ON CONFLICT clause; drop .index()`);
        }
        // `.unique().index()` is one unique index, as in SQLAlchemy, not a constraint plus an index.
        indexes.push(new Index(def.index.name ?? def.unique.name, [col.name], { unique: true }));
      } else if (def.unique) {
        uniques.push(new UniqueConstraint([col.name], keyConstraintOptions({ name: def.unique.name, onConflict: def.unique.onConflict ?? null })));
      } else if (def.index) {
        indexes.push(new Index(def.index.name, [col.name]));
      }
      const ref = def.references;
      if (ref) {
        const options = {
          ...(ref.onDelete ? { onDelete: ref.onDelete } : {}),
          ...(ref.onUpdate ? { onUpdate: ref.onUpdate } : {}),
          deferrable: ref.deferrable,
          initiallyDeferred: ref.initiallyDeferred,
          ...(ref.name ? { name: ref.name } : {}),
        };
        if (typeof ref.target === 'string') {
          const parts = ref.target.split('.');
          const refColumn = parts.pop() as string;
          fks.push(new ForeignKeyConstraint([col.name], parts.join('.'), [refColumn], options));
        } else {
          fks.push(new ForeignKeyConstraint([col.name], ref.target, null, options));
        }
      }
    }
    // a constraint that already names database columns is kept as it is (they are immutable)
    for (const c of constraints) {
      if (c instanceof ForeignKeyConstraint) {
        const names = this.resolveColumns(c.columns, 'foreign key');
        fks.push(sameNames(names, c.columns) ? c : c.withColumns(names));
      } else if (c instanceof UniqueConstraint) {
        const names = this.resolveColumns(c.columns, 'unique constraint');
        uniques.push(sameNames(names, c.columns) ? c : new UniqueConstraint(names, keyConstraintOptions(c)));
      } else if (c instanceof Index) indexes.push(this.resolveIndex(c));
    }
    this.foreignKeys = Object.freeze(fks);
    this.uniques = Object.freeze(uniques);
    // Checks are kept as declared: their expressions use database names and are not parsed.
    this.checks = Object.freeze(constraints.filter((c): c is CheckConstraint => c instanceof CheckConstraint));
    this.indexes = Object.freeze(indexes);
    Object.freeze(this);
    metadata.addTable(this as unknown as Table);
  }

  /** Alias of {@link columns}. */
  get c(): TableColumns<C> {
    return this.columns;
  }

  /** `schema.name`, or `name` when the table has no schema. */
  get qualifiedName(): string {
    return this.schema === null ? this.name : `${this.schema}.${this.name}`;
  }

  /** The column with this TypeScript key or database name (key first). */
  column(keyOrName: string): Column | undefined {
    const byKey = this.columns as Readonly<Record<string, Column>>;
    return (Object.hasOwn(byKey, keyOrName) ? byKey[keyOrName] : undefined) ?? this.#byName.get(keyOrName);
  }

  /** The database name of a column given by key or database name; throws for an unknown column. */
  columnName(keyOrName: string, what: string): string {
    const col = this.column(keyOrName);
    if (!col) {
      throw new SchemaError(`table "${this.name}": ${what} refers to unknown column "${keyOrName}" (columns: ${this.columnList.map((c) => c.name).join(', ')})`);
    }
    return col.name;
  }

  private resolveColumns(columns: readonly string[], what: string): string[] {
    const names = columns.map((c) => this.columnName(c, what));
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) throw new SchemaError(`table "${this.name}": ${what} lists column "${dup}" twice`);
    return names;
  }

  private resolveIndex(index: Index): Index {
    const what = `index${index.name ? ` "${index.name}"` : ''}`;
    const elements = index.elements.map((e) => (typeof e === 'string' ? this.columnName(e, what) : e));
    const include = index.include.length === 0 ? index.include : index.include.map((c) => this.columnName(c, `${what} include`));
    if (include === index.include && elements.every((e, i) => e === index.elements[i])) return index;
    return new Index(index.name, elements, {
      unique: index.unique,
      ...(index.where !== null ? { where: index.where } : {}),
      ...(index.method !== null ? { method: index.method } : {}),
      include,
      nullsNotDistinct: index.nullsNotDistinct,
    });
  }

  private resolvePrimaryKey(declared: PrimaryKeyConstraint[]): PrimaryKeyConstraint | null {
    const flaggedColumns = this.columnList.filter((c) => c.def.primaryKey);
    const flagged = flaggedColumns.map((c) => c.name);
    const flaggedConflicts = new Set(flaggedColumns.map((c) => c.def.primaryKeyOnConflict ?? null));
    if (flaggedConflicts.size > 1) {
      throw new SchemaError(`table "${this.name}": the columns marked .primaryKey() (${flagged.join(', ')}) declare different onConflict clauses; one key has one`);
    }
    const flaggedConflict = [...flaggedConflicts][0] ?? null;
    if (declared.length > 1) throw new SchemaError(`table "${this.name}": more than one PrimaryKeyConstraint`);
    const pk = declared[0];
    if (pk) {
      const names = this.resolveColumns(pk.columns, 'primary key');
      if (flagged.length > 0 && (flagged.length !== names.length || flagged.some((n) => !names.includes(n)))) {
        throw new SchemaError(
          `table "${this.name}": the PrimaryKeyConstraint (${names.join(', ')}) disagrees with the columns marked .primaryKey() (${flagged.join(', ')})`,
        );
      }
      if (flaggedConflict !== null && pk.onConflict !== flaggedConflict) {
        throw new SchemaError(`table "${this.name}": the PrimaryKeyConstraint and .primaryKey({ onConflict }) disagree; declare the clause once`);
      }
      return sameNames(names, pk.columns) ? pk : new PrimaryKeyConstraint(names, keyConstraintOptions(pk));
    }
    return flagged.length > 0 ? new PrimaryKeyConstraint(flagged, keyConstraintOptions({ name: null, onConflict: flaggedConflict })) : null;
  }
}

/** The dialect table options (SQLite's, PostgreSQL's partition key, MySQL's collation and engine, MariaDB's system versioning), carried into the snapshot as declared. */
const SNAPSHOT_TABLE_OPTIONS = ['strict', 'withoutRowid', 'sqliteAutoincrement', 'partitionBy', 'collation', 'engine', 'systemVersioning', 'rowFormat'] as const satisfies readonly (keyof TableSnapshotOptions)[];

/** The dialect table options `source` has (a model's options, a table snapshot), only those set. */
export function pickTableOptions(source: TableSnapshotOptions): TableSnapshotOptions {
  const picked: Record<string, unknown> = {};
  for (const k of SNAPSHOT_TABLE_OPTIONS) if (source[k] !== undefined) picked[k] = source[k];
  return picked as TableSnapshotOptions;
}

const TABLE_OPTION_KEYS: ReadonlySet<string> = new Set<keyof TableOptions>(['comment', 'schema', ...SNAPSHOT_TABLE_OPTIONS]);

function mergeOptions(table: string, items: readonly TableItem[]): TableOptions {
  let merged: { -readonly [K in keyof TableOptions]: TableOptions[K] } = {};
  for (const item of items) {
    if (isConstraint(item)) continue;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new SchemaError(`table "${table}": expected constraints, indexes or an options object after the columns`);
    }
    for (const key of Object.keys(item)) {
      if (!TABLE_OPTION_KEYS.has(key)) throw new SchemaError(`table "${table}": unknown table option "${key}"`);
    }
    merged = { ...merged, ...item };
  }
  return merged;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** True when `value` is a {@link Table}. */
export function isTable(value: unknown): value is Table {
  return value instanceof Table;
}
