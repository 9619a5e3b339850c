/**
 * The retort error family. Every error retort throws is a {@link RetortError} with a stable
 * `code`; library calls throw, and only `src/cli` catches, formats for people and chooses
 * exit codes. No message ever contains a password.
 *
 * @example
 * ```ts
 * try { await engine.execute('SELEC 1'); }
 * catch (e) { if (e instanceof DriverError) console.error(e.code, e.sql, e.cause); }
 * ```
 */
export class RetortError extends Error {
  /** A stable, machine-readable code such as `URL_INVALID` or `MULTIPLE_HEADS`. */
  readonly code: string;

  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code ?? 'RETORT_ERROR';
  }
}

/** A database URL that cannot be parsed, or names something retort does not know. */
export class UrlError extends RetortError {
  constructor(message: string) {
    super(message, { code: 'URL_INVALID' });
  }
}

/** No dialect is registered under the URL's scheme. */
export class UnknownDialectError extends RetortError {
  constructor(readonly dialect: string, known: readonly string[]) {
    super(`unknown dialect "${dialect}": known dialects are ${known.join(', ')}`, { code: 'DIALECT_UNKNOWN' });
  }
}

/** A configuration value (engine option, config file entry, CLI flag) that cannot be used. */
export class ConfigError extends RetortError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'CONFIG_INVALID', ...options });
  }
}

/**
 * An error raised by a database driver, wrapped with the statement that caused it.
 * `cause` is the driver's own error; `driverCode` its SQLSTATE or errno when it has one.
 */
export class DriverError extends RetortError {
  readonly sql: string;
  readonly params: readonly unknown[];
  readonly driverCode: string | undefined;

  constructor(message: string, options: { sql: string; params?: readonly unknown[]; cause: unknown; driverCode?: string; code?: string }) {
    super(message, { code: options.code ?? 'DRIVER_ERROR', cause: options.cause });
    this.sql = options.sql;
    this.params = options.params ?? [];
    this.driverCode = options.driverCode;
  }
}

/** The database could not be reached or refused the login. The message names the masked URL. */
export class ConnectionError extends RetortError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'CONNECTION_FAILED', ...options });
  }
}

/** Every pooled connection stayed busy for longer than the acquire timeout. */
export class PoolTimeoutError extends RetortError {
  constructor(message: string) {
    super(message, { code: 'POOL_TIMEOUT' });
  }
}

/** The engine was used after `dispose()`. */
export class EngineDisposedError extends RetortError {
  constructor() {
    super('the engine has been disposed', { code: 'ENGINE_DISPOSED' });
  }
}

/** A model or schema definition that cannot be right (duplicate column, unknown FK target, ...). */
export class SchemaError extends RetortError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'SCHEMA_INVALID', ...options });
  }
}

/** Reading a database's catalog failed, or asked for something that is not there (an unknown schema). */
export class ReflectionError extends RetortError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'REFLECTION_FAILED', ...options });
  }
}

/** An operation that the dialect cannot carry out, or an operation with bad arguments. */
export class OperationError extends RetortError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'OPERATION_INVALID', ...options });
  }
}

/**
 * A check statement of a migration returned rows it must not: SQLite `PRAGMA foreign_key_check`
 * after a table rebuild found orphaned rows, or a rebuild found `PRAGMA foreign_keys` ON.
 * `rows` holds (up to 20 of) the rows the check returned.
 */
export class IntegrityCheckError extends RetortError {
  readonly sql: string;
  readonly rows: readonly Record<string, unknown>[];

  constructor(message: string, options: { sql: string; rows: readonly Record<string, unknown>[] }) {
    super(message, { code: 'INTEGRITY_CHECK_FAILED' });
    this.sql = options.sql;
    this.rows = options.rows.slice(0, 20);
  }
}

/** Base class of revision graph and script directory errors. */
export class RevisionError extends RetortError {}

/** `head` was asked for but the graph has several heads. */
export class MultipleHeadsError extends RevisionError {
  /**
   * @param heads the heads that matched, sorted
   * @param argument the target that asked for one head (`head`, `feature@head`, ...)
   */
  constructor(
    readonly heads: readonly string[],
    readonly argument: string = 'head',
    advice = 'name one of them, use "heads", or join them with "retort merge"',
  ) {
    super(
      `multiple heads are present for "${argument}" (${heads.join(', ')}); ${advice}`,
      { code: 'MULTIPLE_HEADS' },
    );
  }
}

/** A revision id, prefix or label that matches nothing. */
export class RevisionNotFoundError extends RevisionError {
  constructor(readonly revision: string, detail?: string) {
    super(detail ?? `no such revision "${revision}"`, { code: 'REVISION_NOT_FOUND' });
  }
}

/** A revision prefix that matches several revisions. */
export class AmbiguousRevisionError extends RevisionError {
  constructor(readonly revision: string, readonly candidates: readonly string[]) {
    super(`revision prefix "${revision}" is ambiguous: it matches ${candidates.join(', ')}`, { code: 'REVISION_AMBIGUOUS' });
  }
}

/** The revision graph contains a cycle. `revisions` lists the cycle, first id repeated at the end. */
export class RevisionCycleError extends RevisionError {
  constructor(readonly revisions: readonly string[], readonly files: readonly string[] = []) {
    super(
      `the revision graph has a cycle through ${revisions.join(' -> ')}` +
        (files.length > 0 ? ` (declared in ${files.join(', ')})` : ''),
      { code: 'REVISION_CYCLE' },
    );
  }
}

/** Two migration files declare the same revision id. */
export class DuplicateRevisionError extends RevisionError {
  constructor(readonly revision: string, readonly files: readonly string[]) {
    super(`revision "${revision}" is declared by more than one file: ${files.join(', ')}`, { code: 'REVISION_DUPLICATE' });
  }
}

/** A revision names a parent (or dependency) that no migration file declares. */
export class MissingRevisionError extends RevisionError {
  /**
   * @param revision the revision that refers to the missing one
   * @param missing the id that nothing declares
   * @param where the file declaring `revision`, when known
   * @param relation whether `missing` was named as a parent or in `dependsOn`
   */
  constructor(
    readonly revision: string,
    readonly missing: string,
    readonly where?: string,
    readonly relation: 'parent' | 'dependency' = 'parent',
  ) {
    super(
      `revision "${revision}"${where ? ` (${where})` : ''} ${relation === 'parent' ? 'names parent' : 'depends on'} revision "${missing}", but no migration file declares it`,
      { code: 'REVISION_MISSING' },
    );
  }
}

/** Two revisions declare the same branch label, or a label collides with a revision id. */
export class DuplicateBranchLabelError extends RevisionError {
  constructor(readonly label: string, readonly revisions: readonly string[], message: string) {
    super(message, { code: 'REVISION_LABEL_DUPLICATE' });
  }
}

/** A revision id or branch label that retort cannot use (bad characters, a reserved word). */
export class InvalidRevisionError extends RevisionError {
  constructor(message: string) {
    super(message, { code: 'REVISION_INVALID' });
  }
}

/**
 * A target that cannot be reached from the current heads: an upgrade to a revision already below
 * the current heads, a downgrade to a revision that is not applied, a relative target that walks
 * past the end of the graph or cannot choose between branches.
 */
export class RevisionTargetError extends RevisionError {
  constructor(readonly target: string, message: string) {
    super(message, { code: 'REVISION_TARGET_INVALID' });
  }
}

/** A migration step that cannot be applied to the given heads (its parents are not applied, ...). */
export class RevisionStepError extends RevisionError {
  constructor(readonly revision: string, message: string) {
    super(message, { code: 'REVISION_STEP_INVALID' });
  }
}

/**
 * A migration file that cannot be used: it does not load, or an export is missing or malformed.
 * `file` names the file.
 */
export class ScriptError extends RevisionError {
  constructor(readonly file: string, message: string, options: { cause?: unknown } = {}) {
    super(`${file}: ${message}`, { code: 'SCRIPT_INVALID', ...options });
  }
}

/** The migration lock could not be taken in time (another process is migrating the database). */
export class LockTimeoutError extends RetortError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'LOCK_TIMEOUT', ...options });
  }
}

/** A migration failed while running; names the revision, the direction and the statement. */
export class MigrationError extends RetortError {
  readonly revision: string;
  readonly direction: 'upgrade' | 'downgrade';
  readonly sql: string | undefined;
  readonly executed: readonly string[];

  constructor(
    message: string,
    options: { revision: string; direction: 'upgrade' | 'downgrade'; sql?: string; executed?: readonly string[]; cause?: unknown; code?: string },
  ) {
    super(message, { code: options.code ?? 'MIGRATION_FAILED', cause: options.cause });
    this.revision = options.revision;
    this.direction = options.direction;
    this.sql = options.sql;
    this.executed = options.executed ?? [];
  }
}

/** Autogenerate refused to write a migration (for example `--fail-on-destructive`). */
export class AutogenerateError extends RetortError {
  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, { code: options.code ?? 'AUTOGENERATE_FAILED', ...(options.cause === undefined ? {} : { cause: options.cause }) });
  }
}

/**
 * `--fail-on-destructive`: the generated migration would drop or narrow something; nothing was
 * written. `reasons` lists each change in words.
 */
export class DestructiveChangesError extends AutogenerateError {
  constructor(readonly reasons: readonly string[]) {
    const count = reasons.length === 1 ? '1 destructive change' : `${reasons.length} destructive changes`;
    super(`the migration has ${count} (${reasons.join('; ')}); nothing written`, { code: 'DESTRUCTIVE_CHANGES' });
  }
}

/**
 * The database is not at the heads of the migration files, so comparing it with the models would
 * describe changes the pending migrations already make (as Alembic's "Target database is not up
 * to date").
 */
export class NotUpToDateError extends RetortError {
  /**
   * @param heads the database's stored heads (empty: base)
   * @param graphHeads the heads of the migration files
   */
  constructor(readonly heads: readonly string[], readonly graphHeads: readonly string[]) {
    const list = (ids: readonly string[]): string => (ids.length === 0 ? '<base>' : ids.join(', '));
    super(`the database is not up to date (at ${list(heads)}, head is ${list(graphHeads)}): run retort upgrade first`, { code: 'NOT_UP_TO_DATE' });
  }
}

/** True when `e` is a retort error (of any subclass). */
export function isRetortError(e: unknown): e is RetortError {
  return e instanceof RetortError;
}
