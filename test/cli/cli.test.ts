import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseUrl } from '../../src/index.js';
import { forEachDialect } from '../helpers/databases.js';
import { projectRoot, retort } from '../helpers/cli.js';
import { SECRET, urlWithPassword } from '../helpers/password-url.js';

const root = projectRoot;

const assertNoStack = (text: string) => assert.doesNotMatch(text, /^\s+at /m, 'no stack trace');

describe('retort CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'retort-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const r = await retort(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  it('--help lists the commands and global options', async () => {
    const r = await retort(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /retort ping/);
    assert.match(r.stdout, /--url/);
    assert.match(r.stdout, /--config/);
  });

  for (const [title, args, message] of [
    ['no command', [], /retort: error: name a command/],
    ['an unknown command', ['frobnicate'], /retort: error: Unknown argument: frobnicate/],
    ['an unknown option', ['ping', '--bogus'], /retort: error: Unknown argument: bogus/],
  ] as const) {
    it(`${title} prints usage and exits 2`, async () => {
      const r = await retort(args);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Options:/);
      assert.match(r.stderr, message);
      assertNoStack(r.stderr);
    });
  }

  it('a RetortError is one line on stderr, exit 1', async () => {
    const r = await retort(['ping', '--url', `postgresql://app:${SECRET}@127.0.0.1:5999/x`]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'retort: error: cannot connect to postgresql://app:***@127.0.0.1:5999/x: connection refused\n');
    assert.equal(r.stdout, '');
  });

  it('without a URL it says how to give one', async () => {
    const r = await retort(['ping']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^retort: error: no database URL: pass --url, set DATABASE_URL/);
  });

  it('reads the URL from DATABASE_URL and from --config', async () => {
    const file = join(dir, 'env.db');
    const fromEnv = await retort(["ping"], { env: { DATABASE_URL: `sqlite:///${file}` } });
    assert.equal(fromEnv.code, 0, fromEnv.stderr);
    assert.match(fromEnv.stdout, new RegExp(`connected to sqlite:///${file}`));

    const config = join(dir, 'retort.config.ts');
    writeFileSync(config, `const url: string = 'sqlite://:memory:';\nexport default { url };\n`);
    const fromConfig = await retort(['ping', '--config', config]);
    assert.equal(fromConfig.code, 0, fromConfig.stderr);
    assert.match(fromConfig.stdout, /connected to sqlite:\/\/:memory:/);
    assert.match(fromConfig.stdout, /^server: sqlite 3\.\d+/m);
  });

  it('an unexpected error is one line; the stack only with RETORT_DEBUG=1', async () => {
    const config = join(dir, 'broken.config.ts');
    writeFileSync(config, `export default { get url(): string { throw new TypeError('boom'); } };\n`);
    const quiet = await retort(['ping', '--config', config]);
    assert.equal(quiet.code, 1);
    assert.equal(quiet.stderr, 'retort: unexpected error: boom (set RETORT_DEBUG=1 for the stack trace)\n');
    const debug = await retort(['ping', '--config', config], { env: { RETORT_DEBUG: '1' } });
    assert.equal(debug.code, 1);
    assert.match(debug.stderr, /^retort: unexpected error: boom\n/);
    assert.match(debug.stderr, /^\s+at /m);
  });
});

forEachDialect('retort ping', (ctx) => {
  it('prints the masked URL and the server version', async () => {
    const { url, cleanup } = await urlWithPassword(ctx, 'cliping');
    try {
      const r = await retort(['ping', '--url', url]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^connected to ${parseUrl(url).toString().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} in \\d+ ms$`, 'm'));
      assert.match(r.stdout, { sqlite: /^server: sqlite 3\./m, postgresql: /^server: postgresql PostgreSQL \d+/m, mysql: /^server: mysql \d+\.\d+/m }[ctx.dialect]);
      assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET));
    } finally {
      await cleanup();
    }
  });
});
