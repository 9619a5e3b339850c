import { compare, describeOperations, type CompareWarning } from '../../autogenerate/index.js';
import { findDestructiveChanges, withRenameHint } from '../../autogenerate/destructive.js';
import { declineRenames, describeRenameCandidate, findRenameCandidates, parseRenameFlags, resolveRenames } from '../../autogenerate/renames.js';
import type { Dialect } from '../../engine/dialect.js';
import { ConfigError } from '../../errors/index.js';
import { DEFAULT_VERSION_TABLE } from '../../migrations/config.js';
import { confirmDestructive } from '../../migrations/destructive-data.js';
import { versionTableNames } from '../../migrations/version-table-sql.js';
import { MigrationContext, OfflineSchemaState, SqlTextSink } from '../../operations/index.js';
import type { Operation } from '../../operations/operation.js';
import { inspect } from '../../reflect/inspect.js';
import type { SchemaSnapshot } from '../../schema/snapshot.js';
import { listOption, type CommandArgs } from '../command.js';
import { commandConfig } from '../config.js';
import { commandEngine } from '../engine.js';
import type { CliIO } from '../io.js';

/**
 * `retort diff [--from URL] --to URL [--sql]`: compares two live databases of one dialect. Prints
 * the changes that turn FROM (default: the configured database) into TO (or, with --sql, the DDL
 * script); exits 0 when they are the same, 1 when they differ (like `diff`); errors exit 2.
 * Differences no operation expresses (a generated column's expression) are warnings on stderr, and
 * so are changes that lose data (on FROM) and likely renames, which `--rename` decides as
 * autogenerate's does.
 */
export async function run(args: CommandArgs, io: CliIO): Promise<number> {
  const configured = typeof args.from === 'string' && args.from !== '' ? null : await commandConfig(args, io);
  const from = configured === null ? (args.from as string) : configuredUrl(configured.url);
  const to = stringArg(args.to, '--to');
  const decided = parseRenameFlags(listOption(args.rename) ?? []);
  const include = listOption(args.include);
  const exclude = listOption(args.exclude);
  const options = {
    ...(typeof args.schema === 'string' ? { schema: args.schema } : {}),
    ...(include ? { include } : {}),
    ...(exclude ? { exclude } : {}),
  };
  const fromEngine = await commandEngine(from);
  const toEngine = await commandEngine(to);
  try {
    if (fromEngine.dialect !== toEngine.dialect) {
      throw new ConfigError(`--from is ${fromEngine.dialect.name} but --to is ${toEngine.dialect.name}: diff compares databases of one dialect`);
    }
    const dialect = fromEngine.dialect;
    const [current, target] = await Promise.all([inspect(fromEngine, options), inspect(toEngine, options)]);
    const warnings: string[] = [];
    const onWarning = (w: CompareWarning): void => void warnings.push(w.table === null ? w.message : `${w.table}: ${w.message}`);
    // retort's own version tables (the configured ones too) are bookkeeping, not schema
    const ignoreTables = [...versionTableNames(DEFAULT_VERSION_TABLE), ...versionTableNames(configured?.versionTable ?? DEFAULT_VERSION_TABLE)];
    const [wanted, existing] = [withoutSchemaName(target), withoutSchemaName(current)];
    const candidates = findRenameCandidates(wanted, existing, { dialect, ignoreTables, renames: decided });
    const { renames, unresolved } = await resolveRenames(candidates, declineRenames, { decided });
    const ops = compare(wanted, existing, { dialect, targetIsDatabase: true, onWarning, ignoreTables, renames });
    const destructive = await confirmDestructive(fromEngine, findDestructiveChanges(ops, { dialect }));
    // what no operation expresses (a generated expression, a table option) is a difference too
    for (const warning of warnings) io.err(`warning: ${warning}`);
    for (const candidate of unresolved) io.err(`warning: ${describeRenameCandidate(candidate)}`);
    for (const change of destructive) io.err(`warning: destructive: ${withRenameHint(change, unresolved)}`);
    if (ops.length === 0) {
      if (args.sql !== true && warnings.length === 0) io.out('no differences');
      return warnings.length === 0 ? 0 : 1;
    }
    if (args.sql === true) io.out(await sqlScript(ops, existing, dialect));
    else io.out(describeOperations(ops, dialect).join('\n'));
    return 1;
  } finally {
    await Promise.all([fromEngine.dispose(), toEngine.dispose()]);
  }
}

function configuredUrl(url: string | null): string {
  if (url === null) throw new ConfigError('--from URL is required (or a configured database: --url, DATABASE_URL, retort.config.ts)');
  return url;
}

function stringArg(value: unknown, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new ConfigError(`${flag} URL is required`);
  return value;
}

/**
 * Two databases have schemas of their own names (two MySQL databases, or two PostgreSQL schemas):
 * compare their tables as if they lived in the same one.
 */
function withoutSchemaName(snapshot: SchemaSnapshot): SchemaSnapshot {
  const local = <T extends { schema: string | null }>(o: T): T => (o.schema === snapshot.schema ? { ...o, schema: null } : o);
  return {
    ...snapshot,
    schema: null,
    tables: snapshot.tables.map((t) => ({
      ...local(t),
      foreignKeys: t.foreignKeys.map((fk) => (fk.referredSchema === snapshot.schema ? { ...fk, referredSchema: null } : fk)),
    })),
    enums: snapshot.enums.map(local),
    views: snapshot.views.map(local),
    ...(snapshot.sequences ? { sequences: snapshot.sequences.map(local) } : {}),
    ...(snapshot.domains ? { domains: snapshot.domains.map(local) } : {}),
    ...(snapshot.routines ? { routines: snapshot.routines.map(local) } : {}),
  };
}

/** The DDL script through the same migration context as `upgrade --sql`. */
async function sqlScript(ops: readonly Operation[], current: SchemaSnapshot, dialect: Dialect): Promise<string> {
  const transactional = dialect.capabilities.transactionalDdl;
  const sink = new SqlTextSink(transactional ? { transaction: { begin: dialect.transactions.begin(), commit: dialect.transactions.commit } } : {});
  const rebuilds = !dialect.capabilities.alterConstraints;
  if (rebuilds) sink.raw('PRAGMA foreign_keys=OFF;');
  if (transactional) sink.raw(`${dialect.transactions.begin()};`);
  const context = new MigrationContext({ dialect, sink, state: new OfflineSchemaState(current) });
  await context.batch(() => context.runAll(ops));
  if (transactional) sink.raw(`${dialect.transactions.commit};`);
  if (rebuilds) sink.raw('PRAGMA foreign_keys=ON;');
  return sink.text().trimEnd();
}
