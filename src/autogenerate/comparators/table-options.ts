import type { TableComparator } from '../comparator.js';

const FLAGS = [['strict', 'STRICT'], ['withoutRowid', 'WITHOUT ROWID'], ['sqliteAutoincrement', 'AUTOINCREMENT']] as const;

const RECREATE = 'retort does not change table options: recreate the table in this migration';

/** A partition key compared without case and spaces (`RANGE (created_at)` = `range(created_at)`). */
function partitionKey(key: string | undefined): string | null {
  return key === undefined ? null : key.replace(/\s+/g, '').toLowerCase();
}

/**
 * Table options: SQLite's `STRICT`, `WITHOUT ROWID`, `AUTOINCREMENT`, PostgreSQL's partition
 * key, MySQL's table collation and engine and MariaDB's system versioning, compared where the model declares them or the target is a database. A difference is a
 * warning: no operation changes them (a table rebuild keeps the options the table has).
 */
export const tableOptionsComparator: TableComparator = {
  id: 'table-options',
  scope: 'table',
  compare(ctx) {
    const { target, current } = ctx;
    const side = ctx.schema.targetIsDatabase ? 'target' : 'model';
    for (const [key, sql] of FLAGS) {
      const declared: boolean | undefined = target[key];
      if (declared === undefined && !ctx.schema.targetIsDatabase) continue;
      if ((declared === true) === (current[key] === true)) continue;
      ctx.schema.warn(
        target.name,
        `table option ${sql}: the ${side} ${declared ? 'has' : 'does not have'} it, the database ${declared ? 'does not' : 'does'}; ${RECREATE}`,
      );
    }
    const compared = (declared: unknown): boolean => declared !== undefined || ctx.schema.targetIsDatabase;
    if (compared(target.partitionBy) && partitionKey(target.partitionBy) !== partitionKey(current.partitionBy)) {
      const describe = (key: string | undefined): string => (key === undefined ? 'not partitioned' : `PARTITION BY ${key}`);
      ctx.schema.warn(target.name, `partitioning: the ${side} is ${describe(target.partitionBy)}, the database ${describe(current.partitionBy)}; ${RECREATE}`);
    }
    if (ctx.dialect.name === 'mysql' && compared(target.systemVersioning) && (target.systemVersioning === true) !== (current.systemVersioning === true)) {
      const on = target.systemVersioning === true;
      ctx.schema.warn(
        target.name,
        `table option WITH SYSTEM VERSIONING: the ${side} ${on ? 'has' : 'does not have'} it, the database ${on ? 'does not' : 'does'}; `
          + `retort does not change it: ALTER TABLE ... ${on ? 'ADD' : 'DROP'} SYSTEM VERSIONING with op.execute${on ? '' : ' (drops the history)'}`,
      );
    }
    if (ctx.dialect.name === 'mysql' && compared(target.rowFormat) && target.rowFormat?.toLowerCase() !== current.rowFormat?.toLowerCase()) {
      const describe = (f: string | undefined): string => (f === undefined ? "InnoDB's default row format" : `ROW_FORMAT ${f}`);
      ctx.schema.warn(target.name, `row format: the ${side} has ${describe(target.rowFormat)}, the database ${describe(current.rowFormat)}; ALTER TABLE ... ROW_FORMAT = ... in this migration`);
    }
    if (ctx.dialect.name === 'mysql' && compared(target.engine) && target.engine?.toLowerCase() !== current.engine?.toLowerCase()) {
      const describe = (e: string | undefined): string => e ?? "the server's default engine";
      ctx.schema.warn(target.name, `table engine: the ${side} has ${describe(target.engine)}, the database ${describe(current.engine)}; ALTER TABLE ... ENGINE = ... in this migration`);
    }
    if (ctx.dialect.name === 'mysql' && compared(target.collation) && target.collation?.toLowerCase() !== current.collation?.toLowerCase()) {
      const describe = (c: string | undefined): string => c ?? "the database's default";
      ctx.schema.warn(
        target.name,
        `table collation: the ${side} has ${describe(target.collation)}, the database ${describe(current.collation)}; retort does not convert tables: ALTER TABLE ... CONVERT TO CHARACTER SET ... in this migration`,
      );
    }
  },
};
