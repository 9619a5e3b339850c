import type { Params, QueryEvent } from './types.js';

/** Where echo lines go: stderr for `echo: true`, or the caller's function. */
export type EchoSink = (line: string) => void;

const PREFIX = '[retort] ';
const MAX_PARAM_TEXT = 200;

const toStderr: EchoSink = (line) => {
  process.stderr.write(`${line}\n`);
};

/**
 * The statement listeners and echo of one engine. `active` is false while nobody listens, so the
 * hot path skips building events altogether.
 */
export class QueryHooks {
  readonly #listeners = new Set<(event: QueryEvent) => void>();
  readonly #echo: EchoSink | null;
  active: boolean;

  constructor(echo: boolean | EchoSink | undefined) {
    this.#echo = echo === true ? toStderr : typeof echo === 'function' ? echo : null;
    this.active = this.#echo !== null;
  }

  add(listener: (event: QueryEvent) => void): () => void {
    this.#listeners.add(listener);
    this.active = true;
    return () => {
      this.#listeners.delete(listener);
      this.active = this.#echo !== null || this.#listeners.size > 0;
    };
  }

  emit(sql: string, params: Params, backendId: number | string): void {
    if (this.#echo) this.#echo(echoLine(sql, params));
    if (this.#listeners.size === 0) return;
    const event: QueryEvent = { sql, params, backendId };
    for (const listener of this.#listeners) listener(event);
  }

  /** An echo-only line (a connection opened, ...). */
  note(text: string): void {
    if (this.#echo) this.#echo(PREFIX + text);
  }
}

/** `[retort] SELECT * FROM t WHERE id = ? -- params: [1]`, on one line. */
export function echoLine(sql: string, params: Params): string {
  const text = sql.replace(/\s*\n\s*/g, ' ').trim();
  return params.length === 0 ? PREFIX + text : `${PREFIX}${text} -- params: [${params.map(formatParam).join(', ')}]`;
}

function formatParam(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > MAX_PARAM_TEXT ? `${value.slice(0, MAX_PARAM_TEXT)}...` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (typeof value === 'object' && value !== null) {
    try {
      const json = JSON.stringify(value);
      return json.length > MAX_PARAM_TEXT ? `${json.slice(0, MAX_PARAM_TEXT)}...` : json;
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
  return String(value);
}
