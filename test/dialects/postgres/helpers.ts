// Helpers of the PostgreSQL dialect tests: a describe block that runs on PostgreSQL only, and
// direct catalog reads (plain SQL over pg_catalog, not the introspector) to check results against.
import { readFileSync } from 'node:fs';
import type { Engine } from '../../../src/index.js';
import { forEachDialect, type DialectContext } from '../../helpers/databases.js';

/** The hand-written shop schema (needs the citext and pg_trgm extensions), one multi-statement string. */
export const SHOP_SQL = readFileSync(new URL('../../fixtures/shop/postgresql.sql', import.meta.url), 'utf8');

/** `forEachDialect` for PostgreSQL alone (nothing is declared when it is not selected). */
export function describePostgres(title: string, body: (ctx: DialectContext) => void): void {
  forEachDialect(title, (ctx) => {
    if (ctx.dialect === 'postgresql') body(ctx);
  });
}

/** The `line` column of a query's rows, sorted by code point unless the query orders them. */
async function lines(engine: Engine, sqlText: string, schema: string, ordered = false): Promise<string[]> {
  const rows = (await engine.execute<{ line: string }>(sqlText, [schema])).rows.map((r) => r.line);
  return ordered ? rows : rows.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Every column of the schema's tables as one line:
 * `table.column TYPE [NOT NULL] [IDENTITY a|d] [DEFAULT expr] [COMMENT text]`, in table and ordinal order.
 */
export function catalogColumns(engine: Engine, schema = 'public'): Promise<string[]> {
  return lines(engine, `SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
      || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
      || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
      || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
      || COALESCE(' COMMENT ' || col_description(c.oid, a.attnum), '') AS line
    FROM pg_class c
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
    WHERE c.relnamespace = ?::regnamespace AND c.relkind IN ('r', 'p')
    ORDER BY c.relname COLLATE "C", a.attnum`, schema, true);
}

/** Every constraint of the schema's tables: `table name DEFINITION`, sorted. */
export function catalogConstraints(engine: Engine, schema = 'public'): Promise<string[]> {
  return lines(engine, `SELECT c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) AS line
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
    WHERE c.relnamespace = ?::regnamespace`, schema);
}

/** Every index of the schema as pg_indexes gives its definition, sorted. */
export function catalogIndexes(engine: Engine, schema = 'public'): Promise<string[]> {
  return lines(engine, 'SELECT indexdef AS line FROM pg_indexes WHERE schemaname = ?', schema);
}

/** Table comments of the schema: `table comment`, sorted. */
export function catalogTableComments(engine: Engine, schema = 'public'): Promise<string[]> {
  return lines(engine, `SELECT c.relname || ' ' || obj_description(c.oid, 'pg_class') AS line FROM pg_class c
    WHERE c.relnamespace = ?::regnamespace AND c.relkind IN ('r', 'p') AND obj_description(c.oid, 'pg_class') IS NOT NULL
   `, schema);
}

/** Enum types of the schema: `name(a,b,c)` in value order, sorted by name. */
export function catalogEnums(engine: Engine, schema = 'public'): Promise<string[]> {
  return lines(engine, `SELECT t.typname || '(' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) || ')' AS line
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = ?::regnamespace GROUP BY t.typname`, schema);
}

/** Names of every relation (tables, views, sequences, indexes) and type the schema holds besides array types. */
export async function catalogObjects(engine: Engine, schema = 'public'): Promise<string[]> {
  return [
    ...await lines(engine, `SELECT relkind::text || ' ' || relname AS line FROM pg_class WHERE relnamespace = ?::regnamespace`, schema),
    ...await lines(engine, `SELECT 'type ' || typname AS line FROM pg_type t WHERE typnamespace = ?::regnamespace
      AND typelem = 0 AND typrelid = 0`, schema),
  ];
}
