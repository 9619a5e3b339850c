/** `retort autogenerate -m MSG`: `retort revision --autogenerate -m MSG`. */
import type { CommandArgs } from '../command.js';
import type { CliIO } from '../io.js';
import { run as revision } from './revision.js';

export function run(args: CommandArgs, io: CliIO): Promise<number> {
  return revision(args, io, true);
}
