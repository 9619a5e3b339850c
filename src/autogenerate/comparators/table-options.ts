import type { TableComparator } from '../comparator.js';

const OPTIONS = [['strict', 'STRICT'], ['withoutRowid', 'WITHOUT ROWID'], ['sqliteAutoincrement', 'AUTOINCREMENT']] as const;

/**
 * SQLite table options (`STRICT`, `WITHOUT ROWID`, `AUTOINCREMENT`), compared where the model declares them or the
 * target is a database. A difference is a warning: no operation changes them (a table rebuild
 * keeps the options the table has).
 */
export const tableOptionsComparator: TableComparator = {
  id: 'table-options',
  scope: 'table',
  compare(ctx) {
    const { target, current } = ctx;
    for (const [key, sql] of OPTIONS) {
      const declared: boolean | undefined = target[key];
      if (declared === undefined && !ctx.schema.targetIsDatabase) continue;
      if ((declared === true) === (current[key] === true)) continue;
      ctx.schema.warn(
        target.name,
        `table option ${sql}: the ${ctx.schema.targetIsDatabase ? 'target' : 'model'} ${declared ? 'has' : 'does not have'} it, the database ${declared ? 'does not' : 'does'};`
          + ' retort does not change table options: recreate the table in this migration',
      );
    }
  },
};
