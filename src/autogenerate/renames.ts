import { AutogenerateError } from '../errors/index.js';
import type { SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import type { ColumnRename, CompareDialect, RenameDecisions, TableRename } from './compare-options.js';
import { byText, typeKey } from './normalize.js';
import { tablePredicate, type TableFilterOptions } from './table-filter.js';

/**
 * A dropped and an added object that look like one object renamed: a table with the same column
 * names and types, or in one table a column of the same canonical type and nullability.
 * Only a person (or a flag) can tell; compare never guesses.
 */
export type RenameCandidate =
  | { readonly kind: 'table'; readonly schema: string | null; readonly from: string; readonly to: string }
  | { readonly kind: 'column'; readonly schema: string | null; readonly table: string; readonly from: string; readonly to: string };

/**
 * Decides one rename candidate. The CLI asks on a TTY, answers from `--rename` flags or config,
 * and otherwise answers no (the change stays a drop + add, with a warning). Never block on input
 * that cannot come: a resolver for a non-interactive run must answer at once.
 */
export type RenameResolver = (candidate: RenameCandidate) => Promise<boolean>;

/** Options of {@link findRenameCandidates}. */
export interface FindRenamesOptions extends TableFilterOptions {
  readonly dialect: Pick<CompareDialect, 'types'>;
  /** Renames already decided (flags, config): not asked again; their tables are paired. */
  readonly renames?: RenameDecisions;
}

/**
 * The rename candidates between the models (`target`) and the database (`current`), tables
 * first, then columns by table; deterministic.
 *
 * @example
 * ```ts
 * const candidates = findRenameCandidates(target, current, { dialect, ignoreTables: ['retort_version'] });
 * // [{ kind: 'column', schema: null, table: 'post', from: 'body', to: 'content' }]
 * ```
 */
export function findRenameCandidates(target: SchemaSnapshot, current: SchemaSnapshot, options: FindRenamesOptions): RenameCandidate[] {
  const keep = tablePredicate(options);
  const targetTables = target.tables.filter((t) => keep(t.name)).sort((a, b) => byText(a.name, b.name));
  const currentTables = current.tables.filter((t) => keep(t.name)).sort((a, b) => byText(a.name, b.name));
  const decidedTables = options.renames?.tables ?? [];
  const decidedColumns = options.renames?.columns ?? [];
  const renamedFrom = new Map(decidedTables.map((r) => [r.from, r.to]));
  const renamedTo = new Set(decidedTables.map((r) => r.to));
  const targetNames = new Set(targetTables.map((t) => t.name));
  const currentNames = new Set(currentTables.map((t) => t.name));
  const candidates: RenameCandidate[] = [];

  const added = targetTables.filter((t) => !currentNames.has(t.name) && !renamedTo.has(t.name));
  const dropped = currentTables.filter((t) => !targetNames.has(t.name) && !renamedFrom.has(t.name));
  const shape = (t: TableSnapshot): string =>
    t.columns.map((c) => `${c.name}\u0000${typeKey(options.dialect, c.type)}`).sort(byText).join('\u0001');
  for (const from of dropped) {
    for (const to of added) {
      if (from.columns.length > 0 && shape(from) === shape(to)) candidates.push({ kind: 'table', schema: to.schema, from: from.name, to: to.name });
    }
  }

  const currentByName = new Map(currentTables.map((t) => [t.name, t]));
  for (const to of targetTables) {
    const fromName = decidedTables.find((r) => r.to === to.name)?.from ?? to.name;
    const from = currentByName.get(fromName);
    if (from === undefined || sameColumnNames(from, to)) continue; // nothing gone, nothing new
    const decided = decidedColumns.filter((r) => r.table === to.name || r.table === fromName);
    const currentNamesOfTable = new Set(from.columns.map((c) => c.name));
    const targetNamesOfTable = new Set(to.columns.map((c) => c.name));
    const gone = from.columns.filter((c) => !targetNamesOfTable.has(c.name) && !decided.some((r) => r.from === c.name));
    const fresh = to.columns.filter((c) => !currentNamesOfTable.has(c.name) && !decided.some((r) => r.to === c.name));
    for (const g of gone) {
      for (const f of fresh) {
        const sameType = typeKey(options.dialect, g.type) === typeKey(options.dialect, f.type);
        if (sameType && g.nullable === f.nullable) candidates.push({ kind: 'column', schema: to.schema, table: to.name, from: g.name, to: f.name });
      }
    }
  }
  return candidates;
}

/** True when both tables list the same column names in the same order (the usual case: skipped). */
function sameColumnNames(a: TableSnapshot, b: TableSnapshot): boolean {
  if (a.columns.length !== b.columns.length) return false;
  for (let i = 0; i < a.columns.length; i++) if (a.columns[i]!.name !== b.columns[i]!.name) return false;
  return true;
}

/**
 * A resolver that answers no to everything: the non-interactive default.
 *
 * @example
 * ```ts
 * const resolver = process.stdin.isTTY ? promptResolver : declineRenames;
 * ```
 */
export const declineRenames: RenameResolver = () => Promise.resolve(false);

/** The outcome of {@link resolveRenames}. */
export interface ResolvedRenames {
  /** The decided renames (those given plus those accepted): the `renames` option of compare. */
  readonly renames: RenameDecisions;
  /** Candidates answered no: they become drop + add; warn about each (see {@link describeRenameCandidate}). */
  readonly unresolved: readonly RenameCandidate[];
}

/**
 * Asks the resolver about each candidate in order and collects the answers. Once a table or
 * column takes part in an accepted rename, other candidates involving it are not asked.
 * Without a resolver every candidate is declined (never blocks).
 *
 * @example
 * ```ts
 * const { renames, unresolved } = await resolveRenames(candidates, process.stdin.isTTY ? promptResolver : declineRenames);
 * const ops = compare(target, current, { dialect, renames });
 * for (const c of unresolved) console.warn(describeRenameCandidate(c));
 * ```
 */
export async function resolveRenames(
  candidates: readonly RenameCandidate[],
  resolver: RenameResolver = declineRenames,
  options: { readonly decided?: RenameDecisions } = {},
): Promise<ResolvedRenames> {
  const tables: TableRename[] = [...(options.decided?.tables ?? [])];
  const columns: ColumnRename[] = [...(options.decided?.columns ?? [])];
  const unresolved: RenameCandidate[] = [];
  for (const candidate of candidates) {
    if (takenBy(candidate, tables, columns)) continue;
    if (await resolver(candidate)) {
      if (candidate.kind === 'table') tables.push({ from: candidate.from, to: candidate.to });
      else columns.push({ table: candidate.table, from: candidate.from, to: candidate.to });
    } else {
      unresolved.push(candidate);
    }
  }
  // a declined candidate whose names an accepted one took is no longer a likely rename
  return { renames: { tables, columns }, unresolved: unresolved.filter((c) => !takenBy(c, tables, columns)) };
}

function takenBy(c: RenameCandidate, tables: readonly TableRename[], columns: readonly ColumnRename[]): boolean {
  return c.kind === 'table'
    ? tables.some((r) => r.from === c.from || r.to === c.to)
    : columns.some((r) => r.table === c.table && (r.from === c.from || r.to === c.to));
}

/**
 * A resolver that accepts exactly the given renames (for `--rename` flags or config used as
 * answers rather than as decided renames).
 *
 * @example
 * ```ts
 * await resolveRenames(candidates, resolverFromDecisions(parseRenameFlags(['post.body:content'])));
 * ```
 */
export function resolverFromDecisions(decisions: RenameDecisions): RenameResolver {
  return (c) => Promise.resolve(c.kind === 'table'
    ? (decisions.tables ?? []).some((r) => r.from === c.from && r.to === c.to)
    : (decisions.columns ?? []).some((r) => r.table === c.table && r.from === c.from && r.to === c.to));
}

/**
 * The `--rename` flag text of a candidate: `post.body:content` for a column, `post:article` for
 * a table.
 *
 * @example
 * ```ts
 * formatRenameFlag({ kind: 'table', schema: null, from: 'post', to: 'article' }); // 'post:article'
 * ```
 */
export function formatRenameFlag(candidate: RenameCandidate): string {
  return candidate.kind === 'table' ? `${candidate.from}:${candidate.to}` : `${candidate.table}.${candidate.from}:${candidate.to}`;
}

/**
 * Parses `--rename` flags (`post.body:content`, `post:article`) into decided renames; a column's
 * may name its schema too (`sales.post.body:content`, as autogenerate describes a change of models
 * in a named schema: compare reads that one schema, so the prefix only locates it). Throws
 * AutogenerateError (code `RENAME_INVALID`) for text of another shape.
 *
 * @example
 * ```ts
 * parseRenameFlags(['post:article', 'article.body:content']);
 * // { tables: [{ from: 'post', to: 'article' }], columns: [{ table: 'article', from: 'body', to: 'content' }] }
 * ```
 */
export function parseRenameFlags(flags: readonly string[]): RenameDecisions {
  const tables: TableRename[] = [];
  const columns: ColumnRename[] = [];
  for (const flag of flags) {
    const colon = flag.lastIndexOf(':');
    const left = flag.slice(0, colon);
    const to = flag.slice(colon + 1);
    if (colon <= 0 || to === '' || to.includes('.')) invalidFlag(flag);
    const parts = left.split('.');
    if (parts.some((p) => p === '') || parts.length > 3) invalidFlag(flag);
    if (parts.length === 1) tables.push({ from: left, to });
    else columns.push({ table: parts[parts.length - 2] as string, from: parts[parts.length - 1] as string, to });
  }
  return { tables, columns };
}

function invalidFlag(flag: string): never {
  throw new AutogenerateError(`invalid --rename "${flag}": expected [schema.]table.old_column:new_column or old_table:new_table`, { code: 'RENAME_INVALID' });
}

/**
 * A one-line warning for a candidate that became a drop + add.
 *
 * @example
 * ```ts
 * describeRenameCandidate({ kind: 'column', schema: null, table: 'post', from: 'body', to: 'content' });
 * // '"body" -> "content" looked like a rename; generated as drop + add. Re-run with --rename post.body:content to keep the data.'
 * ```
 */
export function describeRenameCandidate(candidate: RenameCandidate): string {
  return `"${candidate.from}" -> "${candidate.to}" looked like a rename; generated as drop + add. `
    + `Re-run with --rename ${formatRenameFlag(candidate)} to keep the data.`;
}
