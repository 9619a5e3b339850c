import { OperationError } from '../errors/index.js';

/**
 * A stand-in for a dialect part that is not built yet: every method throws
 * `OperationError('<dialect>: <what> is not available yet')`.
 */
export function unavailable<T extends object>(dialect: string, what: string): T {
  return new Proxy({} as T, {
    get(_target, prop) {
      if (typeof prop !== 'string' || prop === 'then' || prop === 'toJSON') return undefined;
      return () => {
        throw new OperationError(`${dialect}: ${what} is not available yet`);
      };
    },
  });
}
