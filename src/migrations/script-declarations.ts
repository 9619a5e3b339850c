/**
 * The declarations of a migration file read from its text, without running it, when they are
 * written as retort writes them: one line each, `export const revision = 'a81c0e5f22d9';`, with
 * a literal value (a string without escapes, null, true, false, or a one-line list of strings).
 *
 * Commands that only need the revision graph (`current`, `history`, `heads`, a run with nothing
 * to do) then never load the module, nor the TypeScript loader (jiti and its transform: tens
 * of ms per process). A file written any other way (a computed value, a re-export, an `export`
 * this reader does not know, an `export` line that may sit in a block comment or a template
 * literal) is loaded as before: the reader answers only when it is sure, else null. When the
 * module does load, its exports are checked against what was read (script-directory.ts).
 */

/** The declarations a migration file exports besides its functions. */
const DECLARATIONS = new Set(['revision', 'parent', 'message', 'createdAt', 'dependsOn', 'branchLabels', 'transaction']);

const STRING = String.raw`'[^'\\\n]*'|"[^"\\\n]*"`;
const LITERAL = new RegExp(String.raw`^(?:${STRING}|null|true|false|\[\s*(?:(?:${STRING})\s*(?:,\s*(?:${STRING})\s*)*,?\s*)?\])$`);
const STRING_ITEM = new RegExp(STRING, 'g');
/** `export const name = value;` or `export const name: Type = value;`, an optional line comment after. */
const CONST_LINE = /^export const ([A-Za-z_$][\w$]*)(?:\s*:\s*[^=]+?)?\s*=\s*(.+?)\s*;?\s*(?:\/\/.*)?$/;
const FUNCTION_LINE = /^export (?:async )?function (upgrade|downgrade)\s*\(/;

/**
 * Where a line starts, roughly: the number of backticks before it and whether a block comment is
 * open. Quotes are not followed, so a backtick or `/*` in a string errs towards "not code": the
 * reader then gives up, never the other way round in practice.
 */
interface TextState {
  ticks: number;
  comment: boolean;
}

function advance(state: TextState, line: string): void {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (state.comment) {
      if (c === '*' && line[i + 1] === '/') {
        state.comment = false;
        i++;
      }
    } else if (c === '`') {
      state.ticks++;
    } else if (c === '/' && line[i + 1] === '*' && state.ticks % 2 === 0) {
      state.comment = true;
      i++;
    }
  }
}

/** A literal's value (LITERAL matched it). */
function valueOf(literal: string): unknown {
  if (literal === 'null') return null;
  if (literal === 'true') return true;
  if (literal === 'false') return false;
  if (literal.startsWith('[')) return (literal.match(STRING_ITEM) ?? []).map((s) => s.slice(1, -1));
  return literal.slice(1, -1);
}

/**
 * The declarations of a migration source, or null when this reader cannot be sure of them (the
 * module must then be loaded). A non-null answer names both functions as present, and holds
 * `revision` and `parent`.
 *
 * @example
 * ```ts
 * readDeclarations("export const revision = 'a1';\nexport const parent = null;\nexport async function upgrade(op) {}\nexport async function downgrade(op) {}\n");
 * // { revision: 'a1', parent: null }
 * ```
 */
export function readDeclarations(source: string): Record<string, unknown> | null {
  const found: Record<string, unknown> = {};
  const functions = new Set<string>();
  const text: TextState = { ticks: 0, comment: false };
  let exports = 0;
  for (const line of source.split('\n')) {
    const inCode = text.ticks % 2 === 0 && !text.comment;
    advance(text, line);
    if (!line.startsWith('export ')) continue;
    if (!inCode) return null;
    exports++;
    const fn = FUNCTION_LINE.exec(line);
    if (fn) {
      if (functions.has(fn[1]!)) return null;
      functions.add(fn[1]!);
      continue;
    }
    const decl = CONST_LINE.exec(line.trimEnd());
    if (!decl || !DECLARATIONS.has(decl[1]!) || decl[1]! in found || !LITERAL.test(decl[2]!)) return null;
    found[decl[1]!] = valueOf(decl[2]!);
  }
  // every `export` keyword of the file is on one of the lines read (none in a string, none indented)
  if ((source.match(/\bexport\b/g) ?? []).length !== exports) return null;
  if (!functions.has('upgrade') || !functions.has('downgrade') || !('revision' in found) || !('parent' in found)) return null;
  return found;
}
