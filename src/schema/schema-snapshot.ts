import { SchemaError } from '../errors/index.js';
import { resolveForeignKey } from './fk-resolve.js';
import type { MetaData } from './metadata.js';
import type { NamingConvention } from './naming-convention.js';
import type { EnumSnapshot, SchemaSnapshot, TableSnapshot } from './snapshot.js';
import { deepFreeze } from './snapshot.js';
import { resolveTarget, type ResolvedTarget, type SnapshotTarget } from './snapshot-target.js';
import { buildTableSnapshot, checkIdentifier } from './table-snapshot.js';
import type { TypeSpec } from './type-spec.js';

function enumTypes(type: TypeSpec): Extract<TypeSpec, { kind: 'enum' }>[] {
  if (type.kind === 'enum') return [type];
  if (type.kind === 'array') return enumTypes(type.of);
  return [];
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function collectEnums(tables: readonly TableSnapshot[], target: ResolvedTarget): EnumSnapshot[] {
  const found = new Map<string, { snapshot: EnumSnapshot; where: string }>();
  for (const table of tables) {
    for (const col of table.columns) {
      if (col.type.kind !== 'enum' && col.type.kind !== 'array') continue;
      for (const e of enumTypes(col.type)) {
        const where = `table "${table.name}", column "${col.name}"`;
        if (e.name === null) {
          throw new SchemaError(`${where}: enums are named types on ${target.name}; give it a name: column.enum([...], { name: '...' })`);
        }
        checkIdentifier(e.name, target.maxIdentifierLength, `${where}, enum`, target.name);
        const key = `${table.schema ?? ''}\u0000${e.name}`;
        const seen = found.get(key);
        if (!seen) found.set(key, { snapshot: { name: e.name, schema: table.schema, values: [...e.values] }, where });
        else if (!sameValues(seen.snapshot.values, e.values)) {
          throw new SchemaError(
            `enum "${e.name}" is declared with different values: (${seen.snapshot.values.join(', ')}) at ${seen.where}, (${e.values.join(', ')}) at ${where}`,
          );
        }
      }
    }
  }
  return [...found.values()].map((f) => f.snapshot).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Types a dialect cannot have: a string without a length on MySQL, a column without a type (`custom('')`) off SQLite. */
function checkColumnTypes(tables: readonly TableSnapshot[], target: ResolvedTarget): void {
  for (const table of tables) {
    for (const col of table.columns) {
      if (target.name === 'mysql' && col.type.kind === 'string' && col.type.length === null) {
        throw new SchemaError(`table "${table.name}", column "${col.name}": a string needs a length on mysql: column.string(255)`);
      }
      if (target.name !== 'sqlite' && col.type.kind === 'custom' && col.type.sql.trim() === '') {
        throw new SchemaError(`table "${table.name}", column "${col.name}": a column without a type (custom('')) exists only on sqlite, not on ${target.name}`);
      }
    }
  }
}

/**
 * Constraint and index names must differ within a table. Index, unique and primary key names
 * must also differ across the tables of a schema on PostgreSQL and SQLite (they name indexes,
 * which those keep in one namespace per schema); MySQL keeps index names per table (two tables
 * may each have an `idx_fk_store_id`), but foreign key names per schema.
 */
function checkDuplicateNames(tables: readonly TableSnapshot[], target: ResolvedTarget): void {
  // what each name belongs to is spelled out only for the error message
  type Owner = () => string;
  const schemaWide = new Map<string, Owner>();
  const mysql = target.name === 'mysql';
  for (const table of tables) {
    const local = new Map<string, Owner>();
    const add = (name: string | null, what: Owner, wide: boolean): void => {
      if (name === null) return;
      const prev = local.get(name);
      if (prev) throw new SchemaError(`table "${table.name}": the name "${name}" is used by both the ${prev()} and the ${what()}`);
      local.set(name, what);
      if (!wide) return;
      const key = `${table.schema ?? ''}\u0000${name}`;
      const other = schemaWide.get(key);
      if (other) throw new SchemaError(`the name "${name}" is used by both ${other()} and table "${table.name}" ${what()}`);
      schemaWide.set(key, () => `table "${table.name}" ${what()}`);
    };
    add(table.primaryKey?.name ?? null, () => 'primary key', !mysql);
    for (const f of table.foreignKeys) add(f.name, () => `foreign key (${f.columns.join(', ')})`, mysql);
    for (const u of table.uniques) add(u.name, () => `unique (${u.columns.join(', ')})`, !mysql);
    for (const c of table.checks) add(c.name, () => `check (${c.expression})`, false);
    for (const i of table.indexes) add(i.name, () => `index (${(i.expressions ?? i.columns).join(', ')})`, !mysql);
  }
}

/**
 * Builds the frozen {@link SchemaSnapshot} of a MetaData for one target dialect. See
 * `MetaData.snapshot`.
 */
export function buildSchemaSnapshot(
  metadata: MetaData,
  targetInput: SnapshotTarget | string,
  convention: NamingConvention = metadata.namingConvention,
): SchemaSnapshot {
  const target = resolveTarget(targetInput);
  const tables = [...metadata.tables]
    .map((table) => buildTableSnapshot(table, table.foreignKeys.map((fk) => resolveForeignKey(metadata, table, fk)), convention, target))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : (a.schema ?? '') < (b.schema ?? '') ? -1 : (a.schema ?? '') > (b.schema ?? '') ? 1 : 0));
  checkDuplicateNames(tables, target);
  checkColumnTypes(tables, target);
  const enums = target.namedEnums ? collectEnums(tables, target) : [];
  const source = metadata.sourceTypes;
  return deepFreeze({
    schema: metadata.schema,
    tables,
    enums,
    views: [],
    ...(source?.domains !== undefined ? { domains: source.domains } : {}),
    ...(source?.extensionTypes !== undefined ? { extensionTypes: source.extensionTypes } : {}),
  });
}
