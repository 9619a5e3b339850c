import { SchemaError } from '../errors/index.js';
import { newColumnBuilder, type ColumnBuilder } from './column-builder.js';
import type { AnyColumnBuilder, ColumnBaseValue } from './column-types.js';

function positiveInt(value: number | undefined, what: string): number | null {
  if (value === undefined) return null;
  if (!Number.isInteger(value) || value <= 0) throw new SchemaError(`${what}: expected a positive integer, got ${String(value)}`);
  return value;
}

function nonNegativeInt(value: number | undefined, what: string): number | null {
  if (value === undefined) return null;
  if (!Number.isInteger(value) || value < 0) throw new SchemaError(`${what}: expected an integer >= 0, got ${String(value)}`);
  return value;
}

/** Options of `column.dateTime()` and `column.time()`. */
export interface TemporalOptions {
  /** WITH TIME ZONE (PostgreSQL). Default false. */
  readonly timezone?: boolean;
  /** Fractional seconds precision. */
  readonly precision?: number;
}

/** Options of `column.enum()`. */
export interface EnumOptions {
  /** The enum type's name; required on PostgreSQL, where enums are named types. */
  readonly name?: string;
}

function temporal(kind: 'time' | 'datetime', options: TemporalOptions, what: string) {
  const precision = nonNegativeInt(options.precision, `${what} precision`);
  return precision === null
    ? { kind, timezone: options.timezone === true }
    : { kind, timezone: options.timezone === true, precision };
}

/**
 * The column factory: one method per column type, each returning an immutable
 * {@link ColumnBuilder} typed with the column's TypeScript value.
 *
 * @example
 * ```ts
 * const post = {
 *   id: column.integer().primaryKey(),                                   // number
 *   title: column.string(200).notNull(),                                 // string
 *   status: column.enum(['draft', 'published'], { name: 'post_status' }), // 'draft' | 'published' | null
 *   data: column.json<{ tags: string[] }>(),                             // { tags: string[] } | null
 *   createdAt: column.dateTime().notNull().serverDefault(sql`CURRENT_TIMESTAMP`), // Date
 * };
 * ```
 */
export const column = {
  /** INTEGER (32 bits). */
  integer: (): ColumnBuilder<number> => newColumnBuilder({ kind: 'integer' }),
  /** SMALLINT. */
  smallInteger: (): ColumnBuilder<number> => newColumnBuilder({ kind: 'smallint' }),
  /** BIGINT, read as a bigint. */
  bigInteger: (): ColumnBuilder<bigint> => newColumnBuilder({ kind: 'bigint' }),
  /** BOOLEAN (TINYINT(1) on MySQL, INTEGER on SQLite). */
  boolean: (): ColumnBuilder<boolean> => newColumnBuilder({ kind: 'boolean' }),
  /** VARCHAR(length); a length is required on MySQL. */
  string: (length?: number): ColumnBuilder<string> => newColumnBuilder({ kind: 'string', length: positiveInt(length, 'string(length)') }),
  /** CHAR(length). */
  char: (length?: number): ColumnBuilder<string> => newColumnBuilder({ kind: 'char', length: positiveInt(length, 'char(length)') }),
  /** TEXT. */
  text: (): ColumnBuilder<string> => newColumnBuilder({ kind: 'text' }),
  /** NUMERIC(precision, scale), read as a string so that no digit is lost. */
  numeric: (precision?: number, scale?: number): ColumnBuilder<string> => {
    if (scale !== undefined && precision === undefined) throw new SchemaError('numeric(precision, scale): a scale needs a precision');
    return newColumnBuilder({
      kind: 'numeric',
      precision: positiveInt(precision, 'numeric(precision)'),
      scale: nonNegativeInt(scale, 'numeric(precision, scale)'),
    });
  },
  /** REAL / FLOAT (single precision). */
  float: (): ColumnBuilder<number> => newColumnBuilder({ kind: 'float' }),
  /** DOUBLE PRECISION. */
  double: (): ColumnBuilder<number> => newColumnBuilder({ kind: 'double' }),
  /** DATE, read as `'YYYY-MM-DD'`. */
  date: (): ColumnBuilder<string> => newColumnBuilder({ kind: 'date' }),
  /** TIME, read as `'HH:MM:SS'`. */
  time: (options: TemporalOptions = {}): ColumnBuilder<string> => newColumnBuilder(temporal('time', options, 'time()')),
  /** TIMESTAMP / DATETIME, read as a Date. */
  dateTime: (options: TemporalOptions = {}): ColumnBuilder<Date> => newColumnBuilder(temporal('datetime', options, 'dateTime()')),
  /** JSON; `T` is the type of the stored document. */
  json: <T = unknown>(): ColumnBuilder<T> => newColumnBuilder({ kind: 'json' }),
  /** UUID (CHAR(36) where the database has no UUID type). */
  uuid: (): ColumnBuilder<string> => newColumnBuilder({ kind: 'uuid' }),
  /** BYTEA / BLOB. */
  largeBinary: (): ColumnBuilder<Uint8Array> => newColumnBuilder({ kind: 'binary' }),
  /**
   * An enum of string values: a named type on PostgreSQL (`options.name` required there), inline
   * ENUM(...) on MySQL, VARCHAR on SQLite.
   */
  enum: <const V extends readonly string[]>(values: V, options: EnumOptions = {}): ColumnBuilder<V[number]> => {
    if (!Array.isArray(values) || values.length === 0) {
      throw new SchemaError(`enum(${options.name ? `{ name: '${options.name}' }` : ''}): an enum needs at least one value`);
    }
    const seen = new Set<string>();
    for (const v of values) {
      if (typeof v !== 'string') throw new SchemaError(`enum(): values must be strings, got ${typeof v}`);
      if (seen.has(v)) throw new SchemaError(`enum(): the value "${v}" is listed twice`);
      seen.add(v);
    }
    if (options.name !== undefined && (typeof options.name !== 'string' || options.name === '')) {
      throw new SchemaError('enum(): the name must be a non-empty string');
    }
    return newColumnBuilder({ kind: 'enum', values: [...values], name: options.name ?? null });
  },

  // ---- PostgreSQL
  /** JSONB (PostgreSQL). */
  jsonb: <T = unknown>(): ColumnBuilder<T> => newColumnBuilder({ kind: 'jsonb' }),
  /** An array of another type (PostgreSQL): `column.array(column.integer())` is `number[]`. */
  array: <B extends AnyColumnBuilder>(of: B): ColumnBuilder<ColumnBaseValue<B>[]> => newColumnBuilder({ kind: 'array', of: of.def.type }),
  /** TIMESTAMP WITH TIME ZONE (PostgreSQL); the same as `dateTime({ timezone: true })`. */
  timestamptz: (options: Omit<TemporalOptions, 'timezone'> = {}): ColumnBuilder<Date> =>
    newColumnBuilder(temporal('datetime', { ...options, timezone: true }, 'timestamptz()')),
  /** INET (PostgreSQL). */
  inet: (): ColumnBuilder<string> => newColumnBuilder({ kind: 'inet' }),

  // ---- MySQL
  /** TINYINT (MySQL). */
  tinyint: (): ColumnBuilder<number> => newColumnBuilder({ kind: 'tinyint' }),
  /** MEDIUMINT (MySQL). */
  mediumint: (): ColumnBuilder<number> => newColumnBuilder({ kind: 'mediumint' }),
  /** TINYTEXT (MySQL). */
  tinytext: (): ColumnBuilder<string> => newColumnBuilder({ kind: 'tinytext' }),
  /** MEDIUMTEXT (MySQL). */
  mediumtext: (): ColumnBuilder<string> => newColumnBuilder({ kind: 'mediumtext' }),
  /** LONGTEXT (MySQL). */
  longtext: (): ColumnBuilder<string> => newColumnBuilder({ kind: 'longtext' }),

  /**
   * Any other type, written verbatim into DDL (`custom<string>('TSVECTOR')`). `custom('')` is a
   * column declared without a type, as SQLite allows (`CREATE TABLE t (id INTEGER PRIMARY KEY, extra)`)
   * and reflects; other dialects refuse it.
   */
  custom: <T = unknown>(sqlType: string): ColumnBuilder<T> => {
    if (typeof sqlType !== 'string' || (sqlType !== '' && sqlType.trim() === '')) {
      throw new SchemaError("custom(): the SQL type must be a non-empty string (or '' for a SQLite column declared without a type)");
    }
    return newColumnBuilder({ kind: 'custom', sql: sqlType });
  },
} as const;
