/**
 * umzug's core, `umzug/lib/umzug.js` (the package's entry adds its CLI), with its CLI and glob
 * dependencies stubbed out first (see `./umzug-stubs.ts`). ES modules evaluate in the order of
 * their imports, so the stubs are in place when umzug's CommonJS code runs.
 */
import './umzug-install-stubs.js';
import core from 'umzug/lib/umzug.js';

/** umzug's Umzug class. */
export const Umzug = core.Umzug;
