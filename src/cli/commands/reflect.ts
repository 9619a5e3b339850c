import { inspect } from '../../reflect/inspect.js';
import { toSchemaDocument } from '../../reflect/json-document.js';
import { renderSchemaTree, summarizeSchema } from '../../reflect/tree.js';
import { listOption, type CommandArgs } from '../command.js';
import { commandConfig, requireUrl } from '../config.js';
import { commandEngine } from '../engine.js';
import type { CliIO } from '../io.js';
import type { Engine } from '../../engine/types.js';

/** `retort reflect`: prints a database's schema as a tree, or as the JSON document with --json. */
export async function run(args: CommandArgs, io: CliIO): Promise<number> {
  const url = requireUrl(await commandConfig(args, io));
  const engine = await commandEngine(url);
  try {
    const include = listOption(args.include);
    const exclude = listOption(args.exclude);
    const snapshot = await inspect(engine, {
      ...(typeof args.schema === 'string' ? { schema: args.schema } : {}),
      ...(include ? { include } : {}),
      ...(exclude ? { exclude } : {}),
    });
    if (args.json === true) {
      io.out(JSON.stringify(toSchemaDocument(snapshot, engine.dialect), null, 2));
    } else {
      const where = snapshot.schema ? ` (schema ${snapshot.schema})` : '';
      io.out(`${engine.url.toString()}${where}: ${summarizeSchema(snapshot)}`);
      const tree = renderSchemaTree(snapshot, engine.dialect);
      if (tree.length) io.out(`\n${tree.join('\n')}`);
    }
    if (snapshot.tables.length === 0 && include === undefined) await hintOtherSchemas(engine, typeof args.schema === 'string' ? args.schema : null, io);
    return 0;
  } finally {
    await engine.dispose();
  }
}

/**
 * When the schema read has no tables but others do (a PostgreSQL database whose tables live in
 * `sales`, `person`, ...), says which on stderr, so that `--schema` is the next thing to try.
 */
async function hintOtherSchemas(engine: Engine, asked: string | null, io: CliIO): Promise<void> {
  const others = await engine.dialect.introspector.schemasWithTables?.(engine);
  if (others === undefined || others.length === 0) return;
  const which = asked === null ? 'the default schema' : `schema ${asked}`;
  io.err(`note: ${which} has no tables; these schemas do: ${others.map((o) => `${o.schema} (${o.tables})`).join(', ')}; pass --schema NAME to read one`);
}
