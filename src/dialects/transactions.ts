import type { Dialect } from '../engine/dialect.js';

/** BEGIN / COMMIT / ROLLBACK and SAVEPOINT statements as PostgreSQL, MySQL and SQLite spell them. */
export const standardTransactions: Dialect['transactions'] = Object.freeze({
  begin: (options?: { immediate?: boolean }) => (options?.immediate ? 'BEGIN IMMEDIATE' : 'BEGIN'),
  commit: 'COMMIT',
  rollback: 'ROLLBACK',
  savepoint: (name: string) => `SAVEPOINT ${name}`,
  releaseSavepoint: (name: string) => `RELEASE SAVEPOINT ${name}`,
  rollbackToSavepoint: (name: string) => `ROLLBACK TO SAVEPOINT ${name}`,
});

/** The same statements, with BEGIN IMMEDIATE ignored (it is SQLite's alone). */
export const serverTransactions: Dialect['transactions'] = Object.freeze({
  ...standardTransactions,
  begin: () => 'BEGIN',
});
