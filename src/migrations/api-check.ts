/**
 * The programmatic migration API, part 4: `check`, which tells whether the models and the
 * database agree (what `retort check` runs in CI).
 */
import { compare } from '../autogenerate/compare.js';
import type { CompareWarning } from '../autogenerate/compare-options.js';
import { tablePredicate } from '../autogenerate/table-filter.js';
import { describeDifferences, type ObjectDifference } from '../autogenerate/describe-differences.js';
import type { Operation } from '../operations/operation.js';
import { resolveSettings, withEngine } from './api-context.js';
import type { HeadInfo } from './api-status.js';
import type { ChecksumDrift } from './checksum-drift.js';
import { loadScriptsOrEmpty, readSides, statusOf, type ModelsCompareOptions } from './models-compare.js';
import type { PlannedStep } from './runner-events.js';

/** Options of {@link check}. */
export type CheckOptions = ModelsCompareOptions;

/** What {@link check} returns. */
export interface CheckResult {
  /** True when the database is at head and its schema is the models'. */
  readonly matches: boolean;
  /** The number of tables the models declare (after `include` / `exclude`); null when not compared. */
  readonly tables: number | null;
  /** The operations that would turn the database into the models (empty when they match). */
  readonly operations: readonly Operation[];
  /** Each differing table or enum as a unified diff, database -> models. */
  readonly differences: readonly ObjectDifference[];
  /** False when migrations are pending: then nothing was compared (upgrade first). */
  readonly upToDate: boolean;
  /** The database's stored heads. */
  readonly heads: readonly HeadInfo[];
  /** The heads of the migration files. */
  readonly graphHeads: readonly string[];
  /** The migrations `upgrade heads` would run. */
  readonly pending: readonly PlannedStep[];
  /** Applied migrations changed after they were applied. */
  readonly drift: readonly ChecksumDrift[];
  /** What compare could not express as an operation (an enum whose values were reordered). */
  readonly warnings: readonly CompareWarning[];
}

/**
 * Compares the models with the database, leaving out the version tables. Refuses to compare a
 * database that is not at head (`upToDate: false`, `matches: false`): the pending migrations
 * would explain the differences.
 *
 * @example
 * ```ts
 * const result = await check({ url: process.env.DATABASE_URL });
 * if (!result.upToDate) throw new Error('run retort upgrade first');
 * for (const d of result.differences) console.log(d.patch);
 * ```
 */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const settings = await resolveSettings(options);
  return withEngine(options, settings.config, async (engine) => {
    const scripts = await loadScriptsOrEmpty(options, settings);
    const status = await statusOf(options, settings, engine, scripts);
    const base = { heads: status.heads, graphHeads: scripts.graph.heads, pending: status.pending, drift: status.drift };
    if (!status.upToDate) {
      return { ...base, matches: false, tables: null, operations: [], differences: [], upToDate: false, warnings: [] };
    }
    const { target, current, compareOptions } = await readSides(engine, options, settings);
    const warnings: CompareWarning[] = [];
    const operations = compare(target, current, { ...compareOptions, onWarning: (w) => warnings.push(w) });
    const differences = describeDifferences(target, current, operations, engine.dialect);
    const keep = tablePredicate(compareOptions);
    const tables = target.tables.filter((t) => keep(t.name)).length;
    return { ...base, matches: operations.length === 0, tables, operations, differences, upToDate: true, warnings };
  });
}

