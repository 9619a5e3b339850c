import { defineConfig } from 'retort';

// The example blog's retort config. DATABASE_URL and --url override "url"; paths are relative
// to this file. `npm run example` points DATABASE_URL at a fresh SQLite file.
export default defineConfig({
  url: 'sqlite:///example.db',
  models: './src/models.ts',
  migrations: './migrations',
  versionTable: 'retort_version',
  transaction: 'each',
});
