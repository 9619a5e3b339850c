import type { EnumSnapshot, SchemaSnapshot, TableSnapshot } from '../../schema/snapshot.js';
import type { TypeSpec } from '../../schema/type-spec.js';
import type { AddEnumValueOp, DropEnumValueOp } from '../../operations/operation.js';
import { doubleQuote as quote } from '../../sql/identifiers.js';
import type { SchemaComparator } from '../comparator.js';
import { byText, sameList } from '../normalize.js';

function enumKey(e: EnumSnapshot, snapshot: SchemaSnapshot): string {
  const schema = e.schema === null || e.schema === snapshot.schema ? '' : e.schema;
  return `${schema}\u0000${e.name}`;
}

function usesEnum(type: TypeSpec, name: string): boolean {
  if (type.kind === 'enum') return type.name === name;
  if (type.kind === 'array') return usesEnum(type.of, name);
  return false;
}

function usedBy(tables: readonly TableSnapshot[], name: string): boolean {
  return tables.some((t) => t.columns.some((c) => usesEnum(c.type, name)));
}

/**
 * The ops that turn the values `from` into `to` without recreating the type: addEnumValue for
 * each new value, placed next to its neighbour in `to` (order kept), dropEnumValue for each value
 * gone. `reordered` is true when values on both sides stand in a different order, which no
 * add / drop can fix.
 */
export function diffEnumValues(
  e: { readonly schema: string | null; readonly name: string },
  from: readonly string[],
  to: readonly string[],
): { adds: AddEnumValueOp[]; drops: DropEnumValueOp[]; reordered: boolean } {
  const kept = new Set(to);
  const existing = new Set(from);
  const reordered = !sameList(from.filter((v) => kept.has(v)), to.filter((v) => existing.has(v)));
  const list = [...from];
  const adds: AddEnumValueOp[] = [];
  to.forEach((value, i) => {
    if (list.includes(value)) return;
    const prev = i > 0 ? to[i - 1] : undefined;
    const next = to.slice(i + 1).find((v) => existing.has(v));
    let op: AddEnumValueOp;
    if (prev !== undefined && prev !== list[list.length - 1]) {
      op = { kind: 'addEnumValue', schema: e.schema, name: e.name, value, after: prev };
      list.splice(list.indexOf(prev) + 1, 0, value);
    } else if (prev === undefined && next !== undefined) {
      op = { kind: 'addEnumValue', schema: e.schema, name: e.name, value, before: next };
      list.splice(list.indexOf(next), 0, value);
    } else {
      op = { kind: 'addEnumValue', schema: e.schema, name: e.name, value };
      list.push(value);
    }
    adds.push(op);
  });
  const drops: DropEnumValueOp[] = [];
  from.forEach((value, i) => {
    if (kept.has(value)) return;
    const after = from[i - 1];
    const before = from[i + 1];
    drops.push({
      kind: 'dropEnumValue',
      schema: e.schema,
      name: e.name,
      value,
      ...(after !== undefined ? { after } : before !== undefined ? { before } : {}),
    });
  });
  return { adds, drops, reordered };
}


/**
 * PostgreSQL: the statements that give an enum type its values in another order, converting the
 * columns of `tables` that use it through text (their defaults dropped around it and set again).
 *
 * @example
 * ```ts
 * recreateEnumSql(mood, ['happy', 'sad'], tables);
 * // ALTER TYPE "mood" RENAME TO "_old_mood"; CREATE TYPE "mood" AS ENUM ('happy', 'sad');
 * //   ALTER TABLE "person" ALTER COLUMN "m" TYPE "mood" USING "m"::text::"mood"; DROP TYPE "_old_mood"
 * ```
 */
export function recreateEnumSql(e: EnumSnapshot, values: readonly string[], tables: readonly TableSnapshot[]): string {
  const qualified = (name: string): string => (e.schema === null ? quote(name) : `${quote(e.schema)}.${quote(name)}`);
  const old = `_old_${e.name}`;
  const out = [
    `ALTER TYPE ${qualified(e.name)} RENAME TO ${quote(old)}`,
    `CREATE TYPE ${qualified(e.name)} AS ENUM (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`,
  ];
  for (const t of tables) {
    for (const c of t.columns.filter((col) => usesEnum(col.type, e.name))) {
      const array = c.type.kind === 'array' ? '[]' : '';
      const alter = `ALTER COLUMN ${quote(c.name)}`;
      const dflt = c.default === null ? null : c.default.kind === 'expression' ? c.default.sql : `'${String(c.default.value).replace(/'/g, "''")}'`;
      const actions = [
        ...(dflt !== null ? [`${alter} DROP DEFAULT`] : []),
        `${alter} TYPE ${qualified(e.name)}${array} USING ${quote(c.name)}::text${array}::${qualified(e.name)}${array}`,
        ...(dflt !== null ? [`${alter} SET DEFAULT ${dflt}`] : []),
      ];
      out.push(`ALTER TABLE ${t.schema === null ? quote(t.name) : `${quote(t.schema)}.${quote(t.name)}`} ${actions.join(', ')}`);
    }
  }
  out.push(`DROP TYPE ${e.schema === null ? quote(old) : `${quote(e.schema)}.${quote(old)}`}`);
  return out.join('; ');
}

/**
 * Named enum types (`capabilities.namedEnums`, PostgreSQL): created, dropped (unless a table left
 * out of the comparison still uses it), or changed value by value. Values are compared in order
 * and case-sensitively; an enum whose values are unchanged is never touched.
 */
export const enumsComparator: SchemaComparator = {
  id: 'enums',
  scope: 'schema',
  when: (dialect) => dialect.capabilities.namedEnums,
  compare(ctx, plan) {
    const currentByKey = new Map(ctx.current.enums.map((e) => [enumKey(e, ctx.current), e]));
    const targetKeys = new Set<string>();
    for (const t of [...ctx.target.enums].sort((a, b) => byText(a.name, b.name))) {
      const key = enumKey(t, ctx.target);
      targetKeys.add(key);
      const c = currentByKey.get(key);
      if (c === undefined) {
        if (ctx.keeps({ kind: 'enum', table: null, name: t.name, target: t, current: null })) {
          plan.add('createEnums', { kind: 'createEnum', enum: t });
        }
        continue;
      }
      if (!ctx.differs({ kind: 'enum', table: null, name: t.name, target: t, current: c }, () => !sameList(t.values, c.values))) continue;
      const { adds, drops, reordered } = diffEnumValues(t, c.values, t.values);
      for (const op of adds) plan.add('createEnums', op);
      for (const op of drops) plan.add('dropEnums', op);
      if (reordered) {
        // only reordered: the statements that recreate the type (with other changes too, they would clash with the ops)
        const swap = adds.length === 0 && drops.length === 0 ? ` with op.execute (${recreateEnumSql(c, t.values, [...ctx.current.tables, ...ctx.skippedTables])})` : '';
        ctx.warn(null, `enum ${t.name}: values are in another order in the database (${c.values.join(', ')}) than in the models `
          + `(${t.values.join(', ')}); enum values cannot be reordered in place, write that migration by hand${swap}`);
      }
    }
    for (const c of [...ctx.current.enums].sort((a, b) => byText(a.name, b.name))) {
      if (targetKeys.has(enumKey(c, ctx.current)) || usedBy(ctx.skippedTables, c.name)) continue;
      if (ctx.keeps({ kind: 'enum', table: null, name: c.name, target: null, current: c })) {
        plan.add('dropEnums', { kind: 'dropEnum', schema: c.schema, name: c.name, enum: c });
      }
    }
  },
};
