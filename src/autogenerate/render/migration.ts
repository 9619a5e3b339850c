import type { Dialect } from '../../engine/dialect.js';
import { AutogenerateError } from '../../errors/index.js';
import type { Operation } from '../../operations/operation.js';
import type { DestructiveChange } from '../destructive.js';
import { describeRenameCandidate, type RenameCandidate } from '../renames.js';
import { array, print, raw } from './code.js';
import { commentText, quote } from './literals.js';
import { operationRenderers, renderOperationCall, type OperationRenderers } from './operations.js';
import { RenderContext } from './render-context.js';

/** What {@link renderMigration} writes. */
export interface RenderMigrationInput {
  /** 12 lowercase hex characters. */
  readonly revision: string;
  /** Parent revisions: none for a base, one, or several for a merge. */
  readonly parents: readonly string[];
  readonly message: string;
  readonly createdAt: Date | string;
  readonly upgradeOps: readonly Operation[];
  /** The downgrade, usually the reversed upgrade ops (`reverse` of each, in reverse order). */
  readonly downgradeOps: readonly Operation[];
  /** Destructive ops of either list (matched by identity): a WARNING comment above each. */
  readonly destructive?: readonly DestructiveChange[];
  /** Free warnings, written as comments at the top of `upgrade`. */
  readonly warnings?: readonly string[];
  /** Likely renames generated as drop + add: a NOTE comment above the first op of each. */
  readonly renameCandidates?: readonly RenameCandidate[];
  readonly branchLabels?: readonly string[];
  readonly dependsOn?: readonly string[];
  /** false: the migration runs outside a transaction (`export const transaction = false`). */
  readonly transaction?: boolean;
  /** Renderers to use instead of retort's (to render custom ops). */
  readonly renderers?: OperationRenderers;
  /**
   * The dialect the ops were compared for: types the column builders cannot express (a binary
   * column with a length) then render as `column.custom('<its DDL type>')`; without it they
   * render as the nearest builder (`column.largeBinary()`).
   */
  readonly dialect?: Pick<Dialect, 'types'>;
}

const REVISION = /^[0-9a-f]{12}$/;
const INDENT = '  ';

function isPairOf(op: Operation, c: RenameCandidate): boolean {
  if (c.kind === 'table') return (op.kind === 'createTable' && op.table.name === c.to) || (op.kind === 'dropTable' && op.name === c.from);
  return (op.kind === 'addColumn' && op.table === c.table && op.column.name === c.to)
    || (op.kind === 'dropColumn' && op.table === c.table && op.name === c.from);
}

function renderBody(
  ops: readonly Operation[],
  ctx: RenderContext,
  input: RenderMigrationInput,
  notes: { readonly top: readonly string[]; readonly renames: readonly RenameCandidate[] },
): string[] {
  const lines = notes.top.map((w) => `${INDENT}// WARNING: ${commentText(w)}`);
  const pending = [...notes.renames];
  for (const op of ops) {
    for (let i = pending.length - 1; i >= 0; i--) {
      const c = pending[i];
      if (c !== undefined && isPairOf(op, c)) {
        lines.push(`${INDENT}// NOTE: ${commentText(describeRenameCandidate(c))}`);
        pending.splice(i, 1);
      }
    }
    for (const d of input.destructive ?? []) {
      if (d.op === op) lines.push(`${INDENT}// WARNING: destructive: ${commentText(d.reason)}`);
    }
    const statement = print(renderOperationCall(op, ctx, input.renderers ?? operationRenderers), INDENT, INDENT.length + 'await '.length, 1);
    lines.push(`${INDENT}await ${statement};`);
  }
  for (const c of pending) lines.unshift(`${INDENT}// NOTE: ${commentText(describeRenameCandidate(c))}`);
  return lines.length === 0 ? [`${INDENT}// no changes`] : lines;
}

function checkRevision(id: string, what: string): void {
  if (!REVISION.test(id)) throw new AutogenerateError(`${what} "${id}" is not a revision id (12 lowercase hex characters)`, { code: 'REVISION_INVALID' });
}

function stringList(list: readonly string[], prefix: string): string {
  return print(array(list.map((x) => raw(quote(x)))), '', prefix.length, 1);
}

/**
 * The full text of a migration file in retort's format (CONTRACTS.md): imports of only what the
 * file uses, the revision header, `upgrade` and `downgrade` as `await op.xxx(...)` lines, a
 * `// WARNING: destructive: ...` comment above each destructive op, a `// NOTE: ...` comment
 * where a likely rename became drop + add, `// no changes` for an empty body. Deterministic.
 *
 * @example
 * ```ts
 * const text = renderMigration({
 *   revision: 'a81c0e5f22d9', parents: ['3f2a9c1d7b04'], message: 'add post summary',
 *   createdAt: new Date(), upgradeOps: ops, downgradeOps: ops.map(reverse).reverse(),
 *   destructive: findDestructiveChanges(ops, { dialect }),
 * });
 * ```
 */
export function renderMigration(input: RenderMigrationInput): string {
  checkRevision(input.revision, 'revision');
  for (const p of input.parents) checkRevision(p, 'parent');
  for (const p of input.dependsOn ?? []) checkRevision(p, 'dependsOn');
  const ctx = new RenderContext(input.dialect === undefined ? {} : { dialect: input.dialect });
  const upgrade = renderBody(input.upgradeOps, ctx, input, { top: input.warnings ?? [], renames: input.renameCandidates ?? [] });
  const downgrade = renderBody(input.downgradeOps, ctx, input, { top: [], renames: [] });

  const parent = input.parents.length === 0 ? 'null' : input.parents.length === 1 ? quote(input.parents[0] ?? '') : stringList(input.parents, 'export const parent = ');
  const createdAt = typeof input.createdAt === 'string' ? input.createdAt : input.createdAt.toISOString();
  const imports = ctx.imports();
  const lines = [
    "import type { Operations } from 'retort';",
    ...(imports.length > 0 ? [`import { ${imports.join(', ')} } from 'retort';`] : []),
    '',
    `export const revision = ${quote(input.revision)};`,
    `export const parent = ${parent};`,
    `export const message = ${quote(input.message)};`,
    `export const createdAt = ${quote(createdAt)};`,
    ...(input.dependsOn !== undefined && input.dependsOn.length > 0 ? [`export const dependsOn = ${stringList(input.dependsOn, 'export const dependsOn = ')};`] : []),
    ...(input.branchLabels !== undefined && input.branchLabels.length > 0
      ? [`export const branchLabels = ${stringList(input.branchLabels, 'export const branchLabels = ')};`]
      : []),
    ...(input.transaction === false ? ['export const transaction = false;'] : []),
    '',
    'export async function upgrade(op: Operations): Promise<void> {',
    ...upgrade,
    '}',
    '',
    'export async function downgrade(op: Operations): Promise<void> {',
    ...downgrade,
    '}',
    '',
  ];
  return lines.join('\n');
}
