import { ConfigError } from '../errors/index.js';
import type { Dialect } from './dialect.js';
import type { PoolConfig } from './pool.js';
import type { PoolOptions } from './types.js';
import type { DatabaseUrl } from './url.js';

const DEFAULT_ACQUIRE_TIMEOUT_MS = 30_000;
const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/** PoolOptions checked and completed with the dialect's defaults and limits. */
export function resolvePoolConfig(url: DatabaseUrl, dialect: Dialect, options: PoolOptions = {}): PoolConfig {
  const limits = dialect.poolLimits?.(url) ?? {};
  const requested = check('max', options.max, 1) ?? dialect.defaultPoolSize(url);
  const recycleMs = check('recycleMs', options.recycleMs, 1);
  if (options.prePing !== undefined && typeof options.prePing !== 'boolean') {
    throw new ConfigError(`pool.prePing must be true or false (got ${String(options.prePing)})`);
  }
  return {
    max: limits.max !== undefined ? Math.min(limits.max, requested) : requested,
    acquireTimeoutMs: check('acquireTimeoutMs', options.acquireTimeoutMs, 1) ?? DEFAULT_ACQUIRE_TIMEOUT_MS,
    idleTimeoutMs: check('idleTimeoutMs', options.idleTimeoutMs, 0) ?? DEFAULT_IDLE_TIMEOUT_MS,
    recycleMs: recycleMs ?? null,
    prePing: options.prePing ?? false,
    keepOpen: limits.keepOpen ?? false,
  };
}

function check(name: string, value: unknown, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ConfigError(`pool.${name} must be an integer of at least ${min} (got ${String(value)})`);
  }
  return value;
}
