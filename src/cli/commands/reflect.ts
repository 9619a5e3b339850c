import { inspect } from '../../reflect/inspect.js';
import { toSchemaDocument } from '../../reflect/json-document.js';
import { renderSchemaTree, summarizeSchema } from '../../reflect/tree.js';
import { listOption, type CommandArgs } from '../command.js';
import { commandConfig, requireUrl } from '../config.js';
import { commandEngine } from '../engine.js';
import type { CliIO } from '../io.js';

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
    return 0;
  } finally {
    await engine.dispose();
  }
}
