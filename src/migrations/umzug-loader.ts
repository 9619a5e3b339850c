/**
 * Loading umzug's core cheaply: without its CLI and glob dependencies (see `./umzug-stubs.ts`),
 * and only when a run has steps to execute. The CLI bundle carries the core in a chunk of its own.
 */
import type { Umzug as UmzugClass } from 'umzug';

/** umzug's Umzug class. */
export type UmzugConstructor = typeof UmzugClass;

/**
 * umzug's `Umzug` class, imported on first use.
 *
 * @example
 * ```ts
 * const Umzug = await loadUmzug();
 * const umzug = new Umzug({ migrations, storage, logger: undefined });
 * ```
 */
export async function loadUmzug(): Promise<UmzugConstructor> {
  return (await import('./umzug-core.js')).Umzug;
}
