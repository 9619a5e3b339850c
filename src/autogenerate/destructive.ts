import type { Dialect } from '../engine/dialect.js';
import { AutogenerateError } from '../errors/index.js';
import { assertNever, type Operation } from '../operations/operation.js';
import type { CompareDialect } from './compare-options.js';
import { formatRenameFlag, type RenameCandidate } from './renames.js';
import { typeChangeRisk } from './type-narrowing.js';

/** A column that must hold no NULL for a change to be safe; the CLI asks the database. */
export interface NullCheck {
  readonly schema: string | null;
  readonly table: string;
  readonly column: string;
}

/**
 * An operation that can lose data, with the reason in words. `needsNullCheck` marks a change
 * that is only destructive when the column holds NULLs (setting NOT NULL): ask the database
 * (see {@link nullCheckQuery}) and drop the warning when it has none.
 */
export interface DestructiveChange {
  readonly op: Operation;
  readonly reason: string;
  readonly needsNullCheck?: NullCheck;
}

function qualified(schema: string | null, table: string, column?: string): string {
  return [schema, table, column].filter((x) => x !== null && x !== undefined).join('.');
}

/**
 * The operations of a list that can lose data: dropped tables and columns, narrowing type changes
 * (shorter strings, smaller numbers, integer to a smaller kind, text to varchar, any conversion
 * that is not known to be safe), NOT NULL on an existing column, and dropped enum values.
 * For warnings, for the comments of a rendered migration, and for `--fail-on-destructive`.
 *
 * @example
 * ```ts
 * const destructive = findDestructiveChanges(ops, { dialect });
 * for (const d of destructive) console.warn(`destructive: ${d.reason}`);
 * ```
 */
export function findDestructiveChanges(ops: readonly Operation[], options: { readonly dialect: Pick<CompareDialect, 'name' | 'types'> }): DestructiveChange[] {
  const out: DestructiveChange[] = [];
  for (const op of ops) {
    switch (op.kind) {
      case 'dropTable':
        out.push({ op, reason: `drops table ${qualified(op.schema, op.name)} and all its rows` });
        break;
      case 'dropColumn':
        out.push({ op, reason: `drops column ${qualified(op.schema, op.table, op.name)} and its data` });
        break;
      case 'alterColumn': {
        const where = qualified(op.schema, op.table, op.name);
        const { changes, previous } = op;
        if (changes.type !== undefined) {
          if (previous?.type === undefined) {
            out.push({ op, reason: `changes the type of ${where} to ${options.dialect.types.compile(changes.type)} from an unknown type` });
          } else {
            const risk = typeChangeRisk(previous.type, changes.type, options.dialect);
            if (risk !== null) out.push({ op, reason: `${where}: ${risk}` });
          }
        }
        if (changes.nullable === false && previous?.nullable !== false) {
          out.push({
            op,
            reason: `sets ${where} NOT NULL: fails, or needs a value, where rows hold NULL`,
            needsNullCheck: { schema: op.schema, table: op.table, column: op.name },
          });
        }
        break;
      }
      case 'dropEnumValue':
        out.push({ op, reason: `drops value '${op.value}' of enum ${qualified(op.schema, op.name)}: rows holding it cannot keep it` });
        break;
      case 'createTable':
      case 'renameTable':
      case 'setTableComment':
      case 'addColumn':
      case 'renameColumn':
      case 'createIndex':
      case 'dropIndex':
      case 'addPrimaryKey':
      case 'dropPrimaryKey':
      case 'addForeignKey':
      case 'dropForeignKey':
      case 'addUnique':
      case 'dropUnique':
      case 'addCheck':
      case 'dropCheck':
      case 'createEnum':
      case 'dropEnum':
      case 'addEnumValue':
      case 'execute':
        break;
      default:
        assertNever(op, 'operation');
    }
  }
  return out;
}

/**
 * The query that tells whether a {@link NullCheck} fails: it returns a row when the column holds
 * a NULL.
 *
 * @example
 * ```ts
 * const { rows } = await engine.execute(nullCheckQuery(d.needsNullCheck, engine.dialect));
 * const safe = rows.length === 0;
 * ```
 */
export function nullCheckQuery(check: NullCheck, dialect: Pick<Dialect, 'quoteIdentifier'>): string {
  const table = check.schema === null ? dialect.quoteIdentifier(check.table) : `${dialect.quoteIdentifier(check.schema)}.${dialect.quoteIdentifier(check.table)}`;
  const column = dialect.quoteIdentifier(check.column);
  return `SELECT 1 FROM ${table} WHERE ${column} IS NULL LIMIT 1`;
}

/**
 * A destructive change's reason, with the `--rename` that avoids it when it is half of a likely
 * rename that was declined (generated as drop + add).
 *
 * @example
 * ```ts
 * withRenameHint(change, declined);
 * // 'drops column post.body and its data; if it was renamed, --rename post.body:content keeps the data'
 * ```
 */
export function withRenameHint(change: DestructiveChange, declined: readonly RenameCandidate[]): string {
  const op = change.op;
  const rename = declined.find((c) =>
    c.kind === 'table' ? op.kind === 'dropTable' && op.name === c.from : op.kind === 'dropColumn' && op.table === c.table && op.name === c.from,
  );
  return rename === undefined ? change.reason : `${change.reason}; if it was renamed, --rename ${formatRenameFlag(rename)} keeps the data`;
}

/**
 * Throws AutogenerateError (code `DESTRUCTIVE_CHANGES`) listing the changes, when there are any:
 * what `--fail-on-destructive` does.
 *
 * @example
 * ```ts
 * if (argv.failOnDestructive) assertNoDestructiveChanges(destructive);
 * ```
 */
export function assertNoDestructiveChanges(changes: readonly DestructiveChange[]): void {
  if (changes.length === 0) return;
  const list = changes.map((c) => `  - ${c.reason}`).join('\n');
  throw new AutogenerateError(`the migration has destructive changes:\n${list}`, { code: 'DESTRUCTIVE_CHANGES' });
}
