import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from '../../src/errors/index.js';
import { defineConfig } from '../../src/migrations/config.js';
import { loadConfig } from '../../src/migrations/config-load.js';
import { tempDir, writeFiles } from './script-helpers.js';

const TS_CONFIG = `
interface Options { readonly url: string }
const options: Options = { url: 'sqlite:///from-file.db' };
export default {
  ...options,
  models: './src/models.ts',
  migrations: './db/migrations',
  versionTable: 'app_version',
  transaction: 'all' as const,
};
`;

describe('config', () => {
  it('loads retort.config.ts (TypeScript) and resolves paths against its folder', async () => {
    const dir = tempDir('config');
    writeFiles(dir, { 'retort.config.ts': TS_CONFIG });
    const config = await loadConfig({ cwd: dir, env: {} });
    assert.equal(config.url, 'sqlite:///from-file.db');
    assert.equal(config.models, join(dir, 'src/models.ts'));
    assert.equal(config.migrations, join(dir, 'db/migrations'));
    assert.equal(config.versionTable, 'app_version');
    assert.equal(config.transaction, 'all');
    assert.equal(config.configFile, join(dir, 'retort.config.ts'));
  });

  it('applies DATABASE_URL over the file, then flags over both', async () => {
    const dir = tempDir('config');
    writeFiles(dir, { 'retort.config.ts': TS_CONFIG });
    const fromEnv = await loadConfig({ cwd: dir, env: { DATABASE_URL: 'postgresql://env/db' } });
    assert.equal(fromEnv.url, 'postgresql://env/db');
    const fromFlags = await loadConfig({
      cwd: dir,
      env: { DATABASE_URL: 'postgresql://env/db' },
      overrides: { url: 'mysql://flag/db', migrations: 'other', transaction: 'each', versionTable: 'v2' },
    });
    assert.equal(fromFlags.url, 'mysql://flag/db');
    assert.equal(fromFlags.migrations, join(dir, 'other'));
    assert.equal(fromFlags.transaction, 'each');
    assert.equal(fromFlags.versionTable, 'v2');
  });

  it('works without a config file: defaults, with what the flags give', async () => {
    const dir = tempDir('config');
    const config = await loadConfig({ cwd: dir, env: {}, overrides: { url: 'sqlite:///x.db' } });
    assert.equal(config.configFile, null);
    assert.equal(config.url, 'sqlite:///x.db');
    assert.equal(config.migrations, join(dir, 'migrations'));
    assert.equal(config.versionTable, 'retort_version');
    assert.equal(config.transaction, 'each');
    assert.equal(config.models, null);
  });

  it('finds .mjs configs and an explicit --config path', async () => {
    const dir = tempDir('config');
    mkdirSync(join(dir, 'conf'));
    writeFiles(dir, {
      'retort.config.mjs': `export default { url: 'sqlite:///mjs.db' };\n`,
      'conf/custom.ts': `export const config = { url: 'sqlite:///named-export.db', migrations: 'm' };\n`,
    });
    assert.equal((await loadConfig({ cwd: dir, env: {} })).url, 'sqlite:///mjs.db');
    const custom = await loadConfig({ cwd: dir, env: {}, configPath: 'conf/custom.ts' });
    assert.equal(custom.url, 'sqlite:///named-export.db');
    assert.equal(custom.migrations, join(dir, 'conf/m'));
  });

  it('names the file and the problem', async () => {
    const cases: [string, RegExp][] = [
      [`export default { transaction: 'sometimes' };`, /"transaction" must be "each" or "all"; got "sometimes"/],
      [`export default { versionTable: 'drop table;' };`, /"versionTable" must be a name/],
      [`export default { urll: 'x' };`, /unknown option "urll"/],
      [`export default { url: 42 };`, /"url" must be a non-empty string/],
      [`export const nothing = 1;`, /has no default export/],
      [`export default {`, /cannot load the config file/],
      [`throw new Error('boom');`, /boom/],
    ];
    for (const [text, message] of cases) {
      const dir = tempDir('config');
      writeFiles(dir, { 'retort.config.ts': text });
      const file = join(dir, 'retort.config.ts');
      await assert.rejects(loadConfig({ cwd: dir, env: {} }), (e: unknown) => {
        assert.ok(e instanceof ConfigError, String(e));
        assert.ok(e.message.startsWith(file), e.message);
        assert.match(e.message, message);
        return true;
      });
    }
    await assert.rejects(loadConfig({ cwd: tempDir('config'), configPath: 'missing.ts' }), /missing\.ts: config file not found/);
    await assert.rejects(loadConfig({ cwd: tempDir('config'), env: {}, overrides: { transaction: 'some' as 'all' } }), /--transaction: "transaction" must be/);
  });

  it('defineConfig returns the configuration and checks it', () => {
    const config = defineConfig({ url: 'sqlite:///a.db', transaction: 'all' });
    assert.equal(config.transaction, 'all');
    assert.throws(() => defineConfig({ versionTable: '1abc' }), ConfigError);
  });
});
