import type { ForeignKeySnapshot, TableSnapshot } from '../../schema/snapshot.js';
import type { TableComparator } from '../comparator.js';
import type { TableCompareContext, TablePair } from '../compare-context.js';
import type { CompareDialect } from '../compare-options.js';
import { matchConstraints } from '../match.js';
import { collationChanges } from './column-extras.js';
import { actionKey, sameList, typeKey } from '../normalize.js';

/** What pairs two FKs when one has no name: columns and what they refer to. */
export function foreignKeyIdentity(fk: ForeignKeySnapshot): string {
  return [fk.columns.join(','), fk.referredTable, fk.referredColumns.join(',')].join('\u0000');
}

/** The referred schema, null when it is the FK's own table's schema (or the default). */
function referredSchema(fk: ForeignKeySnapshot, table: TableSnapshot, defaultSchema: string | null): string | null {
  const s = fk.referredSchema;
  return s === null || s === table.schema || s === defaultSchema ? null : s;
}

/** True when two FKs (already paired) have the same definition. */
export function sameForeignKey(
  dialect: CompareDialect,
  a: { fk: ForeignKeySnapshot; table: TableSnapshot; schema: string | null },
  b: { fk: ForeignKeySnapshot; table: TableSnapshot; schema: string | null },
): boolean {
  const deferrable = dialect.capabilities.deferrableForeignKeys;
  return sameList(a.fk.columns, b.fk.columns)
    && a.fk.referredTable === b.fk.referredTable
    && sameList(a.fk.referredColumns, b.fk.referredColumns)
    && referredSchema(a.fk, a.table, a.schema) === referredSchema(b.fk, b.table, b.schema)
    && actionKey(dialect, a.fk.onDelete) === actionKey(dialect, b.fk.onDelete)
    && actionKey(dialect, a.fk.onUpdate) === actionKey(dialect, b.fk.onUpdate)
    && (!deferrable || (a.fk.deferrable === b.fk.deferrable && a.fk.initiallyDeferred === b.fk.initiallyDeferred));
}

/**
 * True when the type or the collation of a column the FK uses changes, on either side (the
 * referred table's pair looked up by its target name): MySQL refuses both while the key exists.
 */
function typeOfColumnsChanges(ctx: TableCompareContext, fk: ForeignKeySnapshot): boolean {
  const changes = (pair: TablePair | undefined, name: string): boolean => {
    const target = pair?.target.columns.find((c) => c.name === name);
    const current = pair?.current.columns.find((c) => c.name === name);
    if (!pair || !target || !current) return false;
    return ctx.schema.differs({ kind: 'type', table: pair.target.name, name, target, current }, () => typeKey(ctx.dialect, target.type) !== typeKey(ctx.dialect, current.type))
      || collationChanges(ctx.schema, pair, target, current);
  };
  const own: TablePair = { target: ctx.target, current: ctx.current };
  const referred = ctx.schema.pairs.find((p) => p.target.name === fk.referredTable && p.target.schema === ctx.target.schema);
  return fk.columns.some((c) => changes(own, c)) || fk.referredColumns.some((c) => changes(referred, c));
}

/** MySQL storage engines that keep foreign keys; the others (MyISAM, Aria, MEMORY, ...) accept the clause and drop it. */
const FOREIGN_KEY_ENGINES: ReadonlySet<string> = new Set(['innodb', 'ndb', 'ndbcluster']);

/**
 * MySQL: the engine of the database's table when it keeps no foreign keys (MyISAM), else null.
 * The engine the table has decides (retort does not change engines); a table without one in
 * its snapshot has the server's default engine, taken to be InnoDB.
 */
function engineWithoutForeignKeys(ctx: TableCompareContext): string | null {
  if (ctx.dialect.name !== 'mysql') return null;
  const engine = ctx.current.engine;
  return engine !== undefined && !FOREIGN_KEY_ENGINES.has(engine.toLowerCase()) ? engine : null;
}

/**
 * Foreign keys, matched by name (or by definition when a side has no name); a changed FK is a
 * drop and an add. FKs the models no longer have go first of all, which covers FKs to tables and
 * columns about to be dropped. Where a column used by an FK cannot change type while the FK exists
 * (`capabilities.alterForeignKeyColumns` false: MySQL), an FK whose columns change type or
 * collation on either side is dropped before and added back after. On a MySQL table whose engine keeps no foreign
 * keys (MyISAM), a key the models declare is a warning, not an addForeignKey that the server would
 * accept and ignore (leaving it to be added again by every autogenerate).
 */
export const foreignKeysComparator: TableComparator = {
  id: 'foreign-keys',
  scope: 'table',
  compare(ctx, plan) {
    const { schema } = ctx;
    const targetFks = ctx.target.foreignKeys.filter((fk) => !schema.claimed(fk));
    const currentFks = ctx.current.foreignKeys.filter((fk) => !schema.claimed(fk));
    const m = matchConstraints(targetFks, currentFks, foreignKeyIdentity);
    const table = ctx.target.name;
    const drop = (fk: ForeignKeySnapshot): void => {
      const foreignKey = schema.renames.original(fk);
      plan.add('dropForeignKeys', { kind: 'dropForeignKey', schema: ctx.opSchema, table: ctx.database.name, name: foreignKey.name ?? '', foreignKey });
    };
    const add = (fk: ForeignKeySnapshot): void => {
      plan.add('addForeignKeys', { kind: 'addForeignKey', schema: ctx.opSchema, table, foreignKey: fk });
    };
    for (const [t, c] of m.pairs) {
      const differs = schema.differs(
        { kind: 'foreignKey', table, name: t.name ?? c.name, target: t, current: c },
        () => !sameForeignKey(
          ctx.dialect,
          { fk: t, table: ctx.target, schema: schema.target.schema },
          { fk: c, table: ctx.current, schema: schema.current.schema },
        ),
      );
      if (differs || (!ctx.dialect.capabilities.alterForeignKeyColumns && typeOfColumnsChanges(ctx, t))) {
        drop(c);
        add(t);
      }
    }
    for (const fk of m.removed) {
      if (schema.keeps({ kind: 'foreignKey', table, name: fk.name, target: null, current: fk })) drop(fk);
    }
    const engine = engineWithoutForeignKeys(ctx);
    for (const fk of m.added) {
      if (!schema.keeps({ kind: 'foreignKey', table, name: fk.name, target: fk, current: null })) continue;
      if (engine === null) add(fk);
      else {
        schema.warn(table, `foreign key ${fk.name ?? `(${fk.columns.join(', ')})`} -> ${fk.referredTable} (${fk.referredColumns.join(', ')}): `
          + `the table's engine ${engine} ignores foreign keys, so it is not added; ALTER TABLE ... ENGINE=InnoDB first to have it`);
      }
    }
  },
};
