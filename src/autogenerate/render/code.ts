/**
 * A tiny tree of TypeScript source (calls, object and array literals, raw text) and a printer
 * that lays it out like hand-written code: on one line when it fits, else broken with 2-space
 * indents and trailing commas, a call's trailing object / array arguments hugged
 * (`op.createTable('post', {` ... `}, {` ... `})`).
 */
export type Code =
  | { readonly kind: 'raw'; readonly text: string }
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly Code[] }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [key: string, value: Code])[]; readonly multiline?: boolean }
  | { readonly kind: 'array'; readonly items: readonly Code[] };

/** Raw source text, printed as it is. */
export function raw(text: string): Code {
  return { kind: 'raw', text };
}

/** A call `callee(args...)`. */
export function call(callee: string, ...args: Code[]): Code {
  return { kind: 'call', callee, args };
}

/**
 * An object literal; entries whose value is undefined are left out. Keys are printed as given.
 * `multiline` puts each entry on its own line even when the object would fit on one.
 */
export function object(entries: readonly (readonly [string, Code | undefined])[], options: { readonly multiline?: boolean } = {}): Code {
  const kept = entries.filter((e): e is readonly [string, Code] => e[1] !== undefined);
  return options.multiline === true ? { kind: 'object', entries: kept, multiline: true } : { kind: 'object', entries: kept };
}

function forcesBreak(code: Code): boolean {
  switch (code.kind) {
    case 'raw': return false;
    case 'call': return code.args.some(forcesBreak);
    case 'object': return (code.multiline === true && code.entries.length > 0) || code.entries.some(([, v]) => forcesBreak(v));
    case 'array': return code.items.some(forcesBreak);
  }
}

/** An array literal. */
export function array(items: readonly Code[]): Code {
  return { kind: 'array', items };
}

/** The longest line the printer aims for. */
export const LINE_WIDTH = 100;

/** The one-line form. */
export function flat(code: Code): string {
  switch (code.kind) {
    case 'raw': return code.text;
    case 'call': return `${code.callee}(${code.args.map(flat).join(', ')})`;
    case 'object': return code.entries.length === 0 ? '{}' : `{ ${code.entries.map(([k, v]) => `${k}: ${flat(v)}`).join(', ')} }`;
    case 'array': return `[${code.items.map(flat).join(', ')}]`;
  }
}

function isContainer(code: Code): boolean {
  return (code.kind === 'object' && code.entries.length > 0) || (code.kind === 'array' && code.items.length > 0);
}

/**
 * Prints `code` starting at `column` on a line whose indent is `indent`; `suffix` is the number of
 * characters that follow it on its last line (`;`, `,`, `)`).
 */
export function print(code: Code, indent: string, column: number, suffix: number): string {
  const one = flat(code);
  if ((column + one.length + suffix <= LINE_WIDTH && !forcesBreak(code)) || code.kind === 'raw') return one;
  const inner = `${indent}  `;
  switch (code.kind) {
    case 'object':
      if (code.entries.length === 0) return '{}';
      return `{\n${code.entries.map(([k, v]) => `${inner}${k}: ${print(v, inner, inner.length + k.length + 2, 1)},\n`).join('')}${indent}}`;
    case 'array':
      if (code.items.length === 0) return '[]';
      return `[\n${code.items.map((item) => `${inner}${print(item, inner, inner.length, 1)},\n`).join('')}${indent}]`;
    case 'call':
      return printCall(code, indent, column, suffix);
  }
}

function printCall(code: Extract<Code, { kind: 'call' }>, indent: string, column: number, suffix: number): string {
  const firstContainer = code.args.findIndex(isContainer);
  const hugged = firstContainer < 0 ? [] : code.args.slice(firstContainer);
  if (hugged.length > 0 && hugged.every(isContainer)) {
    const head = `${code.callee}(${code.args.slice(0, firstContainer).map((a) => `${flat(a)}, `).join('')}`;
    if (column + head.length + 1 <= LINE_WIDTH) {
      let text = head;
      let col = column + head.length;
      hugged.forEach((arg, i) => {
        const last = i === hugged.length - 1;
        const printed = print(arg, indent, col, last ? suffix + 1 : 2);
        text += printed + (last ? ')' : ', ');
        const lastLine = printed.slice(printed.lastIndexOf('\n') + 1);
        col = (printed.includes('\n') ? lastLine.length : col + printed.length) + 2;
      });
      return text;
    }
  }
  const inner = `${indent}  `;
  return `${code.callee}(\n${code.args.map((a) => `${inner}${print(a, inner, inner.length, 1)},\n`).join('')}${indent})`;
}
