/**
 * The programmatic migration API, part 6: `autogenerate`, which compares the models with the
 * database and writes the migration that turns one into the other (`retort revision
 * --autogenerate`). Renames are decided by the caller (decided renames, a resolver); destructive
 * changes are reported, and refused with `failOnDestructive`.
 */
import { compare } from '../autogenerate/compare.js';
import type { CompareWarning, RenameDecisions } from '../autogenerate/compare-options.js';
import { findDestructiveChanges, nullCheckQuery, type DestructiveChange } from '../autogenerate/destructive.js';
import {
  declineRenames,
  describeRenameCandidate,
  findRenameCandidates,
  formatRenameFlag,
  resolveRenames,
  type RenameCandidate,
  type RenameResolver,
} from '../autogenerate/renames.js';
import type { Engine } from '../engine/types.js';
import { DestructiveChangesError, NotUpToDateError, RevisionTargetError } from '../errors/index.js';
import type { Operation } from '../operations/operation.js';
import { reverseAll } from '../operations/reverse.js';
import { resolveSettings, withEngine } from './api-context.js';
import { checkMessage, chooseParents, resolveDependsOn, type RevisionOptions } from './api-revision.js';
import type { ConfigRenames } from './config.js';
import { loadScriptsOrEmpty, readSides, statusOf, type ModelsCompareOptions } from './models-compare.js';
import { writeRevision, type WrittenRevision } from './revision-writer.js';

/** Options of {@link autogenerate}. */
export interface AutogenerateOptions extends ModelsCompareOptions, RevisionOptions {
  /** Renames decided beforehand (`--rename` flags); added to the config's `renames`. */
  readonly renames?: RenameDecisions;
  /** Asked about each other likely rename; default: decline (drop + add, with a warning). Never block. */
  readonly resolver?: RenameResolver;
  /** Throw DestructiveChangesError (and write nothing) when a change can lose data. */
  readonly failOnDestructive?: boolean;
  /** Write a revision even when nothing changed. */
  readonly allowEmpty?: boolean;
}

/** Something the person generating the migration should know. */
export interface AutogenerateWarning {
  /** `rename`: a likely rename generated as drop + add; `destructive`: a change that can lose data; `compare`: what compare could not express. */
  readonly kind: 'rename' | 'destructive' | 'compare';
  /** One line. */
  readonly message: string;
}

/** What {@link autogenerate} returns. */
export interface AutogenerateResult {
  /** The upgrade operations (empty: the models match the database). */
  readonly operations: readonly Operation[];
  /** The downgrade: the upgrade reversed. */
  readonly downgradeOperations: readonly Operation[];
  /** Every likely rename found (before any decision). */
  readonly candidates: readonly RenameCandidate[];
  /** The renames applied: decided beforehand, from the config, and accepted by the resolver. */
  readonly renames: RenameDecisions;
  /** Likely renames declined: each became a drop + add. */
  readonly declined: readonly RenameCandidate[];
  /** Changes that can lose data (NOT NULL on a column holding no NULL is not one). */
  readonly destructive: readonly DestructiveChange[];
  readonly warnings: readonly AutogenerateWarning[];
  /** The parents of the new revision (the database's heads). */
  readonly parents: readonly string[];
  /** The file written, or null when nothing changed and `allowEmpty` was not set. */
  readonly written: WrittenRevision | null;
}

/** The config's renames and the given ones, as one list of decisions. */
function decidedRenames(config: ConfigRenames | null, given: RenameDecisions | undefined): RenameDecisions {
  return {
    tables: [...(config?.tables ?? []), ...(given?.tables ?? [])],
    columns: [...(config?.columns ?? []), ...(given?.columns ?? [])],
  };
}

/** Destructive changes, without the NOT NULL ones whose column holds no NULL in the database. */
async function confirmDestructive(engine: Engine, changes: readonly DestructiveChange[]): Promise<DestructiveChange[]> {
  const kept: DestructiveChange[] = [];
  for (const change of changes) {
    const check = change.needsNullCheck;
    if (check === undefined) {
      kept.push(change);
      continue;
    }
    const hasNull = await engine.execute(nullCheckQuery(check, engine.dialect)).then(
      ({ rows }) => rows.length > 0,
      () => true, // the table is renamed or created in the same migration: keep the warning
    );
    if (hasNull) kept.push(change);
  }
  return kept;
}

/** A destructive change's reason, with the `--rename` that avoids it when it is half of a likely rename. */
function withRenameHint(change: DestructiveChange, declined: readonly RenameCandidate[]): string {
  const op = change.op;
  const rename = declined.find((c) =>
    c.kind === 'table' ? op.kind === 'dropTable' && op.name === c.from : op.kind === 'dropColumn' && op.table === c.table && op.name === c.from,
  );
  return rename === undefined ? change.reason : `${change.reason}; if it was renamed, --rename ${formatRenameFlag(rename)} keeps the data`;
}

/** The parents of an autogenerated revision: the database's heads, or `head` when it names them. */
function parentsFor(graphParents: readonly string[], databaseHeads: readonly string[], head: string | undefined): readonly string[] {
  if (head === undefined) return databaseHeads;
  const same = graphParents.length === databaseHeads.length && graphParents.every((p) => databaseHeads.includes(p));
  if (!same) {
    const at = databaseHeads.length === 0 ? '<base>' : databaseHeads.join(', ');
    throw new RevisionTargetError(head, `--head "${head}": autogenerate compares with the database, which is at ${at}; the new revision must build on that`);
  }
  return graphParents;
}

/**
 * Compares the models with the database and writes the migration between them, after the
 * database's heads. Refuses (NotUpToDateError) when the database is not at head. Likely renames
 * are decided by `renames`, the config's `renames`, then `resolver`; the rest become drop + add
 * with a warning. NOT NULL changes are checked against the data: no warning when no row holds
 * NULL. With nothing to change, nothing is written unless `allowEmpty`.
 *
 * @example
 * ```ts
 * const result = await autogenerate({
 *   url: 'sqlite:///app.db',
 *   message: 'rename post body',
 *   renames: { columns: [{ table: 'post', from: 'body', to: 'content' }] },
 *   failOnDestructive: true,
 * });
 * result.written?.path; // '/app/migrations/2026_11_21_1015-a81c0e5f22d9_rename_post_body.ts'
 * ```
 */
export async function autogenerate(options: AutogenerateOptions): Promise<AutogenerateResult> {
  const message = checkMessage(options.message);
  const settings = await resolveSettings(options);
  return withEngine(options, settings.config, async (engine) => {
    const scripts = await loadScriptsOrEmpty(options, settings);
    const graph = scripts.graph;
    const status = await statusOf(options, settings, engine, scripts);
    const databaseHeads = status.heads.map((h) => h.revision);
    // with --head (a branch), the database must stand at that revision, not at every head
    if (options.head === undefined && !status.upToDate) throw new NotUpToDateError(databaseHeads, graph.heads);
    const parents = parentsFor(options.head === undefined ? [] : chooseParents(graph, options.head), databaseHeads, options.head);
    const dependsOn = resolveDependsOn(graph, options.dependsOn);

    const { target, current, compareOptions } = await readSides(engine, options, settings);
    const decided = decidedRenames(settings.config.renames, options.renames);
    const candidates = findRenameCandidates(target, current, { ...compareOptions, renames: decided });
    const { renames, unresolved } = await resolveRenames(candidates, options.resolver ?? declineRenames, { decided });
    const compareWarnings: CompareWarning[] = [];
    const operations = compare(target, current, { ...compareOptions, renames, onWarning: (w) => compareWarnings.push(w) });
    const destructive = await confirmDestructive(engine, findDestructiveChanges(operations, { dialect: engine.dialect }));
    const warnings: AutogenerateWarning[] = [
      ...unresolved.map((c) => ({ kind: 'rename' as const, message: describeRenameCandidate(c) })),
      ...destructive.map((d) => ({ kind: 'destructive' as const, message: `destructive: ${d.reason}` })),
      ...compareWarnings.map((w) => ({ kind: 'compare' as const, message: w.table === null ? w.message : `${w.table}: ${w.message}` })),
    ];
    if (options.failOnDestructive === true && destructive.length > 0) {
      throw new DestructiveChangesError(destructive.map((d) => withRenameHint(d, unresolved)));
    }
    const downgradeOperations = reverseAll(operations);
    const result = { operations, downgradeOperations, candidates, renames, declined: unresolved, destructive, warnings, parents };
    if (operations.length === 0 && options.allowEmpty !== true) return { ...result, written: null };
    const written = await writeRevision({
      directory: settings.directory,
      parents,
      message,
      upgradeOps: operations,
      downgradeOps: downgradeOperations,
      destructive,
      warnings: compareWarnings.map((w) => (w.table === null ? w.message : `${w.table}: ${w.message}`)),
      renameCandidates: unresolved,
      dialect: engine.dialect,
      ...(options.branchLabels?.length ? { branchLabels: options.branchLabels } : {}),
      ...(dependsOn.length ? { dependsOn } : {}),
      ...(options.date ? { date: options.date } : {}),
    });
    return { ...result, written };
  });
}
