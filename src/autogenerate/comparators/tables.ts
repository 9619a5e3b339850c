import type { TableSnapshot } from '../../schema/snapshot.js';
import { sortTables, type TableForeignKey } from '../../schema/sort-tables.js';
import type { SchemaComparator } from '../comparator.js';
import { byName, byText } from '../normalize.js';

/**
 * Tables present on one side only, and table renames.
 *
 * New tables are created parents first. The FKs of a cycle among them are added afterwards with
 * addForeignKey (listed in createTable's `omitForeignKeys`; an unnamed one is left out of the
 * created table instead), except where constraints cannot be altered (`alterConstraints`, SQLite),
 * which accepts FKs to tables that do not exist yet. Dropped tables go children first; the FKs of
 * a cycle among them are dropped before (same exception), and each dropTable carries the table as
 * it is at that point, for the downgrade.
 */
export const tablesComparator: SchemaComparator = {
  id: 'tables',
  scope: 'schema',
  compare(ctx, plan) {
    const alterConstraints = ctx.dialect.capabilities.alterConstraints;

    for (const r of [...ctx.renames.tables].sort((a, b) => byText(a.from, b.from))) {
      const schema = ctx.target.tables.find((t) => t.name === r.to)?.schema ?? null;
      plan.add('renameTables', { kind: 'renameTable', schema, from: r.from, to: r.to });
    }

    const added = ctx.addedTables.filter((t) => ctx.keeps({ kind: 'table', table: t.name, name: t.name, target: t, current: null }));
    const created = sortTables({ ...ctx.target, tables: added });
    const cycles = alterConstraints ? created.cycleForeignKeys : [];
    for (const table of created.order) {
      const deferred = cycles.filter((c) => c.table.name === table.name).map((c) => c.fk);
      const named = deferred.filter((fk) => fk.name !== null).map((fk) => fk.name ?? '');
      const unnamed = new Set(deferred.filter((fk) => fk.name === null));
      const withoutUnnamed: TableSnapshot = unnamed.size === 0 ? table : { ...table, foreignKeys: table.foreignKeys.filter((fk) => !unnamed.has(fk)) };
      plan.add('createTables', named.length > 0
        ? { kind: 'createTable', table: withoutUnnamed, omitForeignKeys: [...named].sort(byText) }
        : { kind: 'createTable', table: withoutUnnamed });
    }
    for (const { table, fk } of sortCycle(cycles)) {
      plan.add('addForeignKeys', { kind: 'addForeignKey', schema: table.schema, table: table.name, foreignKey: fk });
    }

    const dropped = ctx.droppedTables.filter((t) => ctx.keeps({ kind: 'table', table: t.name, name: t.name, target: null, current: t }));
    const removal = sortTables({ ...ctx.database, tables: dropped });
    const cut = alterConstraints ? removal.cycleForeignKeys : [];
    for (const { table, fk } of sortCycle(cut)) {
      plan.add('dropForeignKeys', { kind: 'dropForeignKey', schema: table.schema, table: table.name, name: fk.name ?? '', foreignKey: fk });
    }
    for (const table of [...removal.order].reverse()) {
      const gone = new Set(cut.filter((c) => c.table.name === table.name).map((c) => c.fk));
      const asDropped = gone.size === 0 ? table : { ...table, foreignKeys: table.foreignKeys.filter((fk) => !gone.has(fk)) };
      plan.add('dropTables', { kind: 'dropTable', schema: table.schema, name: table.name, table: asDropped });
    }
  },
};

function sortCycle(list: readonly TableForeignKey[]): TableForeignKey[] {
  return [...list].sort((a, b) => byText(a.table.name, b.table.name) || byName(a.fk, b.fk));
}
