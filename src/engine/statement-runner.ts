import { DriverError, OperationError } from '../errors/index.js';
import { isSql, type SqlFragment } from '../sql/sql.js';
import type { Dialect, DriverConnection } from './dialect.js';
import { toDriverError } from './driver-errors.js';
import type { QueryHooks } from './query-hooks.js';
import type { Params, QueryResult } from './types.js';

const NO_PARAMS: Params = Object.freeze([]);

/** Runs retort statements (`?` placeholders, SqlFragments) on driver connections, reporting each. */
export class StatementRunner {
  constructor(
    readonly dialect: Dialect,
    readonly hooks: QueryHooks,
  ) {}

  async run(conn: DriverConnection, statement: string | SqlFragment, params?: Params): Promise<QueryResult> {
    let text: string;
    let values: Params;
    if (typeof statement === 'string') {
      text = statement;
      values = params ?? NO_PARAMS;
    } else if (isSql(statement)) {
      if (params !== undefined && params.length > 0) {
        throw new OperationError('execute(): an sql`...` fragment carries its own parameters; do not pass more');
      }
      text = statement.text;
      values = statement.params;
    } else {
      throw new OperationError('execute() takes an SQL string or an sql`...` fragment');
    }
    if (this.hooks.active) this.hooks.emit(text, values, conn.backendId);
    const prepared = this.dialect.prepareSql(text, values.length);
    if (prepared === text) return conn.query(text, values);
    try {
      return await conn.query(prepared, values);
    } catch (e) {
      // report the statement as the caller wrote it, not in the driver's placeholder style
      if (e instanceof DriverError) throw toDriverError(e.cause, text, e.params, e.driverCode);
      throw e;
    }
  }
}
