/**
 * One SQL statement a migration runs, as compiled from an op. Online it is executed, offline
 * (`--sql`) it is written out, in the same order either way.
 *
 * @example
 * ```ts
 * const s: Statement = { sql: 'ALTER TYPE "post_status" ADD VALUE \'archived\'', transactional: false };
 * ```
 */
export interface Statement {
  readonly sql: string;
  /**
   * false: the statement must run outside a transaction block (PostgreSQL `ALTER TYPE ... ADD
   * VALUE`, `CREATE INDEX CONCURRENTLY`). The sink decides how (see `ExecutorSink`).
   */
  readonly transactional: boolean;
  /**
   * `noRows`: the statement is a check that must return no rows (SQLite `PRAGMA
   * foreign_key_check`); an online sink fails the migration when it returns some.
   */
  readonly expect?: 'noRows';
  /** What it means when the expectation fails, for the error message. */
  readonly expectMessage?: string;
}

/** A transactional statement without expectations. */
export function statement(sql: string): Statement {
  return Object.freeze({ sql, transactional: true });
}

/** Turns a DDL compiler's strings into transactional statements. */
export function statements(sqls: readonly string[]): Statement[] {
  return sqls.map(statement);
}

const NON_TRANSACTIONAL: readonly RegExp[] = [
  /^\s*(CREATE\s+(UNIQUE\s+)?|DROP\s+)INDEX\s+CONCURRENTLY\b/i,
  /^\s*REINDEX\b[^;]*\bCONCURRENTLY\b/i,
  /^\s*ALTER\s+TYPE\b[^;]*\bADD\s+VALUE\b/i,
  /^\s*VACUUM\b/i,
  /^\s*(CREATE|DROP)\s+DATABASE\b/i,
];

/**
 * True for raw SQL that PostgreSQL refuses (or, for `ALTER TYPE ... ADD VALUE`, cannot use)
 * inside a transaction block; `op.execute` marks such statements non-transactional.
 *
 * @example
 * ```ts
 * mustRunOutsideTransaction('CREATE INDEX CONCURRENTLY ix ON post (title)'); // true
 * ```
 */
export function mustRunOutsideTransaction(sql: string): boolean {
  return NON_TRANSACTIONAL.some((re) => re.test(sql));
}
