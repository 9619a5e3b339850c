import { ConnectionError, DriverError, RetortError } from '../errors/index.js';
import type { Params } from './types.js';
import type { DatabaseUrl } from './url.js';

const MAX_SQL_IN_MESSAGE = 200;

/** The `message` of anything thrown, or its text. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

/** A string property of an error object (`code`, `sqlState`, ...), if it has one. */
export function stringProp(e: unknown, key: string): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const value: unknown = (e as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** SQL text on one line, shortened for a message. */
export function oneLineSql(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SQL_IN_MESSAGE ? `${flat.slice(0, MAX_SQL_IN_MESSAGE)}...` : flat;
}

/**
 * Wraps what a driver threw for a statement into a {@link DriverError} (a RetortError passes
 * through). The message names the driver's message, its code and the statement; parameters are
 * kept on the error, not in the message.
 */
export function toDriverError(e: unknown, sql: string, params: Params, driverCode: string | undefined): RetortError {
  if (e instanceof RetortError) return e;
  const code = driverCode ? ` [${driverCode}]` : '';
  return new DriverError(`${messageOf(e)}${code} in statement: ${oneLineSql(sql)}`, {
    sql,
    params,
    cause: e,
    ...(driverCode ? { driverCode } : {}),
  });
}

const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  ECONNRESET: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/**
 * A {@link ConnectionError} whose one-line message names the masked URL and the reason:
 * `cannot connect to postgresql://app:***@db:5999/app: connection refused`.
 */
export function toConnectionError(url: DatabaseUrl, e: unknown): ConnectionError {
  const first = e instanceof AggregateError && e.errors.length ? e.errors[0] : e;
  const code = stringProp(e, 'code') ?? stringProp(first, 'code');
  let reason = (code !== undefined ? NETWORK_REASONS[code] : undefined) ?? messageOf(first).replace(/\s+/g, ' ').trim();
  const password = url.revealPassword();
  if (password !== null && password.length >= 4) reason = reason.split(password).join('***');
  return new ConnectionError(`cannot connect to ${url.toString()}: ${reason || 'unknown error'}`, { cause: e });
}
