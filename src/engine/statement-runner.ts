import { DriverError, OperationError } from '../errors/index.js';
import { isSql, type SqlFragment } from '../sql/sql.js';
import type { Dialect, DriverConnection, SyncDriverConnection } from './dialect.js';
import { toDriverError } from './driver-errors.js';
import type { QueryHooks } from './query-hooks.js';
import type { Params, QueryResult } from './types.js';

const NO_PARAMS: Params = Object.freeze([]);

/** A statement as the caller wrote it and as the driver takes it. */
interface Resolved {
  /** The caller's text (`?` placeholders), for reports. */
  readonly text: string;
  /** The driver's text (its placeholder style); the same string when nothing changed. */
  readonly prepared: string;
  readonly values: Params;
}

/** Runs retort statements (`?` placeholders, SqlFragments) on driver connections, reporting each. */
export class StatementRunner {
  constructor(
    readonly dialect: Dialect,
    readonly hooks: QueryHooks,
  ) {}

  async run(conn: DriverConnection, statement: string | SqlFragment, params?: Params): Promise<QueryResult> {
    const { text, prepared, values } = this.#resolve(conn, statement, params);
    if (prepared === text) return conn.query(text, values);
    try {
      return await conn.query(prepared, values);
    } catch (e) {
      throw asWritten(e, text);
    }
  }

  /**
   * Runs statements without parameters in order, in one round trip where the driver can
   * (`queryScript`), else one by one; each is reported as it would be alone. Returns the last
   * one's result.
   */
  async runScript(conn: DriverConnection, statements: readonly string[]): Promise<QueryResult> {
    if (!conn.queryScript || statements.length < 2) {
      let last: QueryResult = { rows: [], rowCount: 0 };
      for (const s of statements) last = await this.run(conn, s);
      return last;
    }
    const prepared = statements.map((s) => this.#resolve(conn, s, NO_PARAMS).prepared);
    return conn.queryScript(prepared);
  }

  /** {@link run} on a connection with `querySync` (a synchronous driver); throws instead of rejecting. */
  runSync(conn: SyncDriverConnection, statement: string | SqlFragment, params?: Params): QueryResult {
    const { text, prepared, values } = this.#resolve(conn, statement, params);
    if (prepared === text) return conn.querySync(text, values);
    try {
      return conn.querySync(prepared, values);
    } catch (e) {
      throw asWritten(e, text);
    }
  }

  #resolve(conn: DriverConnection, statement: string | SqlFragment, params: Params | undefined): Resolved {
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
    return { text, prepared: this.dialect.prepareSql(text, values.length), values };
  }
}

/** A driver error reports the statement as the caller wrote it, not in the driver's placeholder style. */
function asWritten(e: unknown, text: string): unknown {
  return e instanceof DriverError ? toDriverError(e.cause, text, e.params, e.driverCode) : e;
}
