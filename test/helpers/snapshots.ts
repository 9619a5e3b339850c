// Hand-built schema snapshots for the pure autogenerate tests.
import type {
  CheckSnapshot,
  ColumnSnapshot,
  DefaultSpec,
  EnumSnapshot,
  ForeignKeySnapshot,
  IndexSnapshot,
  PrimaryKeySnapshot,
  SchemaSnapshot,
  TableSnapshot,
  UniqueSnapshot,
} from '../../src/schema/snapshot.js';
import type { TypeSpec } from '../../src/schema/type-spec.js';

export const t = {
  integer: { kind: 'integer' } as TypeSpec,
  bigint: { kind: 'bigint' } as TypeSpec,
  text: { kind: 'text' } as TypeSpec,
  boolean: { kind: 'boolean' } as TypeSpec,
  string: (length: number | null): TypeSpec => ({ kind: 'string', length }),
  numeric: (precision: number | null, scale: number | null): TypeSpec => ({ kind: 'numeric', precision, scale }),
  custom: (sql: string): TypeSpec => ({ kind: 'custom', sql }),
};

export function col(
  name: string,
  type: TypeSpec,
  options: { nullable?: boolean; default?: DefaultSpec | null; autoincrement?: boolean; comment?: string | null } = {},
): ColumnSnapshot {
  return {
    name,
    type,
    nullable: options.nullable ?? true,
    default: options.default ?? null,
    autoincrement: options.autoincrement ?? false,
    comment: options.comment ?? null,
  };
}

export function lit(value: string | number | boolean): DefaultSpec {
  return { kind: 'literal', value };
}

export function expr(sql: string): DefaultSpec {
  return { kind: 'expression', sql };
}

export function table(
  name: string,
  columns: readonly ColumnSnapshot[],
  parts: {
    primaryKey?: PrimaryKeySnapshot | null;
    foreignKeys?: readonly ForeignKeySnapshot[];
    uniques?: readonly UniqueSnapshot[];
    checks?: readonly CheckSnapshot[];
    indexes?: readonly IndexSnapshot[];
    comment?: string | null;
    schema?: string | null;
  } = {},
): TableSnapshot {
  return {
    name,
    schema: parts.schema ?? null,
    comment: parts.comment ?? null,
    columns,
    primaryKey: parts.primaryKey ?? null,
    foreignKeys: parts.foreignKeys ?? [],
    uniques: parts.uniques ?? [],
    checks: parts.checks ?? [],
    indexes: parts.indexes ?? [],
  };
}

export function fk(
  name: string | null,
  columns: readonly string[],
  referredTable: string,
  referredColumns: readonly string[],
  options: Partial<Pick<ForeignKeySnapshot, 'onDelete' | 'onUpdate' | 'deferrable' | 'initiallyDeferred' | 'referredSchema'>> = {},
): ForeignKeySnapshot {
  return {
    name,
    columns,
    referredSchema: options.referredSchema ?? null,
    referredTable,
    referredColumns,
    onDelete: options.onDelete ?? null,
    onUpdate: options.onUpdate ?? null,
    deferrable: options.deferrable ?? false,
    initiallyDeferred: options.initiallyDeferred ?? false,
  };
}

export function ix(
  name: string,
  columns: readonly string[],
  options: Partial<Pick<IndexSnapshot, 'unique' | 'where' | 'expressions' | 'method' | 'include' | 'nullsNotDistinct'>> = {},
): IndexSnapshot {
  return {
    name,
    columns,
    unique: options.unique ?? false,
    where: options.where ?? null,
    expressions: options.expressions ?? null,
    method: options.method ?? null,
    ...(options.include ? { include: options.include } : {}),
    ...(options.nullsNotDistinct ? { nullsNotDistinct: options.nullsNotDistinct } : {}),
  };
}

export function pk(name: string | null, columns: readonly string[]): PrimaryKeySnapshot {
  return { name, columns };
}

export function uq(name: string | null, columns: readonly string[]): UniqueSnapshot {
  return { name, columns };
}

export function ck(name: string | null, expression: string): CheckSnapshot {
  return { name, expression };
}

export function enumType(name: string, values: readonly string[]): EnumSnapshot {
  return { name, schema: null, values };
}

export function snapshot(tables: readonly TableSnapshot[], enums: readonly EnumSnapshot[] = []): SchemaSnapshot {
  return { schema: null, tables, enums, views: [] };
}

/** `user` and `post` (post.author_id -> user.id), a small schema many tests start from. */
export function blog(): SchemaSnapshot {
  return snapshot([
    table('user', [col('id', t.integer, { nullable: false, autoincrement: true }), col('email', t.string(255), { nullable: false })], {
      primaryKey: pk('pk_user', ['id']),
      uniques: [uq('uq_user_email', ['email'])],
    }),
    table('post', [
      col('id', t.integer, { nullable: false, autoincrement: true }),
      col('author_id', t.integer, { nullable: false }),
      col('title', t.string(200), { nullable: false }),
      col('body', t.text),
    ], {
      primaryKey: pk('pk_post', ['id']),
      foreignKeys: [fk('fk_post_author_id_user', ['author_id'], 'user', ['id'], { onDelete: 'CASCADE' })],
      indexes: [ix('ix_post_author_id', ['author_id'])],
    }),
  ]);
}

/** The paths (`snapshot.tables.0.triggers`) of every object under `value` that is not frozen. */
export function unfrozenPaths(value: unknown, path = 'snapshot'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const own = Object.isFrozen(value) ? [] : [path];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => unfrozenPaths(v, `${path}.${k}`))];
}
