/** The flags `revision` and `merge` share: the message, branch labels, dependencies. */
import { listOption, type CommandArgs } from '../command.js';

/** `-m`, `--branch-label` and `--depends-on` as the options of `revision` / `merge`. */
export function revisionFlags(args: CommandArgs): { message: string; branchLabels?: string[]; dependsOn?: string[] } {
  const branchLabels = listOption(args.branchLabel);
  const dependsOn = listOption(args.dependsOn);
  return {
    message: typeof args.message === 'string' ? args.message : '',
    ...(branchLabels?.length ? { branchLabels } : {}),
    ...(dependsOn?.length ? { dependsOn } : {}),
  };
}
