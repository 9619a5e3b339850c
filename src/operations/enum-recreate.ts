import { OperationError } from '../errors/index.js';
import type { Dialect } from '../engine/dialect.js';
import type { SchemaSnapshot } from '../schema/snapshot.js';
import type { TypeSpec } from '../schema/type-spec.js';
import { enumColumns } from './apply-enums.js';
import type { DropEnumValueOp } from './operation.js';
import type { Statement } from './statement.js';
import { statements } from './statement.js';
import { describeOperation, sameSchema } from './target.js';

/** Prefix of the name an enum type is renamed to while it is recreated. */
export const OLD_ENUM_PREFIX = '_retort_old_';

function withValues(type: TypeSpec, name: string, values: readonly string[]): TypeSpec {
  if (type.kind === 'enum' && type.name === name) return { ...type, values };
  if (type.kind === 'array') return { ...type, of: withValues(type.of, name, values) };
  return type;
}

function arrayDepth(type: TypeSpec): number {
  return type.kind === 'array' ? 1 + arrayDepth(type.of) : 0;
}

/**
 * The statements that remove a value from a named enum type (PostgreSQL cannot drop a value in
 * place): rename the type to `_retort_old_<name>`, create it anew without the value, convert
 * every column using it (`ALTER COLUMN .. TYPE new USING col::text::new`, its default dropped
 * before and set again after, since a default does not cast by itself), drop the old type.
 * Rows that hold the removed value make the conversion, and so the migration, fail: no data is
 * silently changed. On dialects without named enums there is nothing to do at the type level
 * (an inline enum column changes with alterColumn), and the result is empty.
 *
 * `snapshot` is the whole schema before the op (the columns using the type are found in it).
 *
 * @example
 * ```ts
 * compileDropEnumValue({ kind: 'dropEnumValue', schema: null, name: 'post_status', value: 'archived' }, pg, snap);
 * // ALTER TYPE "post_status" RENAME TO "_retort_old_post_status"; CREATE TYPE "post_status" AS ENUM (...); ...
 * ```
 */
export function compileDropEnumValue(op: DropEnumValueOp, dialect: Dialect, snapshot: SchemaSnapshot): Statement[] {
  if (!dialect.capabilities.namedEnums) return [];
  const { ddl } = dialect;
  const q = (n: string): string => dialect.quoteIdentifier(n);
  const current = snapshot.enums.find((e) => e.name === op.name && sameSchema(e.schema, op.schema, snapshot.schema));
  if (!current) throw new OperationError(`${describeOperation(op)}: enum type "${op.name}" does not exist`);
  if (!current.values.includes(op.value)) throw new OperationError(`${describeOperation(op)}: the enum has no value '${op.value}'`);
  const values = current.values.filter((v) => v !== op.value);
  const oldName = `${OLD_ENUM_PREFIX}${op.name}`;
  const out: string[] = [`ALTER TYPE ${ddl.tableName(current)} RENAME TO ${q(oldName)}`];
  out.push(...ddl.createEnum({ ...current, values }));
  for (const { table, column } of enumColumns(snapshot, op.name)) {
    const type = withValues(column.type, op.name, values);
    // the type lives in the enum's schema, which need not be on the search_path
    const typeSql = current.schema === null ? dialect.types.compile(type) : `${ddl.tableName(current)}${'[]'.repeat(arrayDepth(type))}`;
    const textType = column.type.kind === 'array' ? 'text[]' : 'text';
    const alter = `ALTER TABLE ${ddl.tableName(table)} ALTER COLUMN ${q(column.name)}`;
    if (column.default !== null) out.push(`${alter} DROP DEFAULT`);
    out.push(`${alter} TYPE ${typeSql} USING ${q(column.name)}::${textType}::${typeSql}`);
    if (column.default !== null) {
      const to = { ...column, type };
      out.push(...ddl.alterColumn(table, { ...to, default: null }, to, { default: true }));
    }
  }
  out.push(...ddl.dropEnum({ ...current, name: oldName }));
  return statements(out);
}
