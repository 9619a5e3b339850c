import type { EnumSnapshot, SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import type { TypeSpec } from '../schema/type-spec.js';
import { opError, sortByName } from './apply-support.js';
import type { AddEnumValueOp, CreateEnumOp, DropEnumOp, DropEnumValueOp } from './operation.js';
import { assertNever } from './operation.js';
import { qualifiedName, sameSchema } from './target.js';

type EnumOp = CreateEnumOp | DropEnumOp | AddEnumValueOp | DropEnumValueOp;

/**
 * True when a type is the named enum `name`, or an array of it. Column types name their enum
 * without a schema, so the match is by name.
 */
export function usesEnum(type: TypeSpec, name: string): boolean {
  if (type.kind === 'enum') return type.name === name;
  if (type.kind === 'array') return usesEnum(type.of, name);
  return false;
}

/**
 * The columns of a snapshot whose type is the named enum (or an array of it), with their tables.
 *
 * @example
 * ```ts
 * enumColumns(snap, 'post_status'); // [{ table: post, column: status }]
 * ```
 */
export function enumColumns(snapshot: SchemaSnapshot, name: string): { table: TableSnapshot; column: TableSnapshot['columns'][number] }[] {
  return snapshot.tables.flatMap((table) => table.columns.filter((c) => usesEnum(c.type, name)).map((column) => ({ table, column })));
}

/** applyOperation for named enum types (see `applyOperation`). */
export function applyEnumOperation(snapshot: SchemaSnapshot, op: EnumOp): SchemaSnapshot {
  switch (op.kind) {
    case 'createEnum':
      if (findEnum(snapshot, op.enum.schema, op.enum.name) >= 0) {
        throw opError(op, `enum type "${qualifiedName(op.enum.schema, op.enum.name)}" already exists`);
      }
      return { ...snapshot, enums: sortByName([...snapshot.enums, op.enum]) };
    case 'dropEnum': {
      const i = requireEnum(snapshot, op);
      const user = enumColumns(snapshot, op.name)[0];
      if (user) throw opError(op, `column "${user.table.name}.${user.column.name}" still uses it`);
      return { ...snapshot, enums: snapshot.enums.filter((_, j) => j !== i) };
    }
    case 'addEnumValue': {
      const i = requireEnum(snapshot, op);
      const values = snapshot.enums[i]!.values;
      if (values.includes(op.value)) throw opError(op, `the enum already has the value '${op.value}'`);
      const anchor = op.before ?? op.after;
      if (op.before !== undefined && op.after !== undefined) throw opError(op, 'give either before or after, not both');
      let at = values.length;
      if (anchor !== undefined) {
        const j = values.indexOf(anchor);
        if (j < 0) throw opError(op, `the enum has no value '${anchor}' to place the new value next to`);
        at = op.before !== undefined ? j : j + 1;
      }
      return withValues(snapshot, i, [...values.slice(0, at), op.value, ...values.slice(at)]);
    }
    case 'dropEnumValue': {
      const i = requireEnum(snapshot, op);
      const values = snapshot.enums[i]!.values;
      if (!values.includes(op.value)) throw opError(op, `the enum has no value '${op.value}'`);
      return withValues(snapshot, i, values.filter((v) => v !== op.value));
    }
    default:
      return assertNever(op, 'operation');
  }
}

function findEnum(snapshot: SchemaSnapshot, schema: string | null, name: string): number {
  return snapshot.enums.findIndex((e) => e.name === name && sameSchema(e.schema, schema, snapshot.schema));
}

function requireEnum(snapshot: SchemaSnapshot, op: DropEnumOp | AddEnumValueOp | DropEnumValueOp): number {
  const i = findEnum(snapshot, op.schema, op.name);
  if (i < 0) throw opError(op, `enum type "${qualifiedName(op.schema, op.name)}" does not exist`);
  return i;
}

function retype(type: TypeSpec, name: string, values: readonly string[]): TypeSpec {
  if (type.kind === 'enum' && type.name === name) return { ...type, values };
  if (type.kind === 'array') return { ...type, of: retype(type.of, name, values) };
  return type;
}

/** The snapshot with enum `i` given new values, and the columns of that type too. */
function withValues(snapshot: SchemaSnapshot, i: number, values: readonly string[]): SchemaSnapshot {
  const old: EnumSnapshot = snapshot.enums[i]!;
  const enums = snapshot.enums.map((e, j) => (j === i ? { ...e, values } : e));
  const tables = snapshot.tables.map((t) =>
    t.columns.some((c) => usesEnum(c.type, old.name))
      ? { ...t, columns: t.columns.map((c) => (usesEnum(c.type, old.name) ? { ...c, type: retype(c.type, old.name, values) } : c)) }
      : t,
  );
  return { ...snapshot, enums, tables };
}
