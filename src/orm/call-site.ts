import { fileURLToPath } from 'node:url';

const ORM_DIR = fileURLToPath(new URL('.', import.meta.url));

function framePath(line: string): string | null {
  const m = /\(([^()]+):(\d+):\d+\)\s*$/.exec(line) ?? /at ([^\s()]+):(\d+):\d+\s*$/.exec(line);
  if (!m) return null;
  let file = m[1] as string;
  if (file.startsWith('file://')) {
    try {
      file = fileURLToPath(file);
    } catch {
      // keep the URL as it is
    }
  }
  return `${file}:${m[2] as string}`;
}

/**
 * `file:line` of the first stack frame outside retort's ORM folder: where the user called
 * `Base.table(...)`. Used in error messages about models that never got bound to a class.
 */
export function userCallSite(): string {
  const stack = new Error().stack ?? '';
  for (const line of stack.split('\n').slice(1)) {
    const where = framePath(line);
    if (where === null || where.startsWith(ORM_DIR) || where.startsWith('node:')) continue;
    return where;
  }
  return 'unknown location';
}
