// The built CLI (bin/retort -> dist/bundle/cli.cjs -> retort.cjs) loads only the driver its URL's
// dialect needs: pg, mysql2 and better-sqlite3 are bundled into files of their own (pg.cjs,
// mysql2.cjs, better-sqlite3.cjs; better-sqlite3's addon stays in node_modules) that a command
// requires only for a URL of that dialect (a SQLite user never loads pg or mysql2); umzug's core
// is bundled without its CLI.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, it } from 'node:test';
import { promisify } from 'node:util';
import { projectRoot } from '../helpers/cli.js';
import { forEachDialect, type TestDialect } from '../helpers/databases.js';

const work = mkdtempSync(join(tmpdir(), 'retort-bundle-'));
after(() => rmSync(work, { recursive: true, force: true }));

const migrations = join(work, 'migrations');
const migration =
  "import type { Operations } from 'retort';\nexport const revision = 'b0000000001';\nexport const parent = null;\n" +
  "export async function upgrade(op: Operations): Promise<void> {\n  await op.execute('CREATE TABLE bundle_probe (id INTEGER)');\n}\n" +
  "export async function downgrade(op: Operations): Promise<void> {\n  await op.execute('DROP TABLE bundle_probe');\n}\n";

/** What a file of the bundle holds: the drivers' code, by esbuild's path comments. */
const PARTS = {
  pg: /^\/\/ .*node_modules\/pg\//m,
  mysql2: /^\/\/ .*node_modules\/mysql2\//m,
  'better-sqlite3': /^\/\/ .*node_modules\/better-sqlite3\//m,
  // umzug's CLI and glob dependencies, which retort stubs out: never loaded
  'umzug-cli': /^\/\/ .*node_modules\/(@rushstack|tinyglobby)\//m,
} as const;
type Part = keyof typeof PARTS;

/** Runs bin/retort with the module trace; returns its exit code, the drivers (and umzug CLI parts) it loaded, and Node's internal modules. */
async function loadedParts(args: readonly string[]): Promise<{ code: number; stderr: string; loaded: Set<Part>; internal: string[] }> {
  const trace = join(work, `trace-${Math.random().toString(36).slice(2)}.txt`);
  const preload = new URL('../fixtures/module-trace.mjs', import.meta.url).href;
  const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', preload, join(projectRoot, 'bin/retort'), ...args],
      { cwd: work, env: { ...process.env, DATABASE_URL: '', RETORT_MODULE_TRACE: trace } },
      (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }),
    );
  });
  const loaded = new Set<Part>();
  const internal: string[] = [];
  for (const line of readFileSync(trace, 'utf8').split('\n').filter(Boolean)) {
    if (line.startsWith('internal:')) {
      internal.push(line.slice('internal:'.length));
      continue;
    }
    const path = line.startsWith('file:') ? fileURLToPath(line) : line;
    if (!path.startsWith('/') || !existsSync(path)) continue;
    if (path.includes('/node_modules/better-sqlite3/')) loaded.add('better-sqlite3');
    if (/\/node_modules\/pg\//.test(path)) loaded.add('pg');
    if (/\/node_modules\/mysql2\//.test(path)) loaded.add('mysql2');
    if (/\/node_modules\/(@rushstack|tinyglobby)\//.test(path)) loaded.add('umzug-cli');
    if (!path.includes('/dist/bundle/')) continue;
    const text = readFileSync(path, 'utf8');
    for (const [part, marker] of Object.entries(PARTS) as [Part, RegExp][]) if (marker.test(text)) loaded.add(part);
  }
  return { code, stderr, loaded, internal };
}

const OWN: Record<TestDialect, readonly Part[]> = { sqlite: ['better-sqlite3'], postgresql: ['pg'], mysql: ['mysql2'] };

it('the bundle is built', () => {
  assert.ok(existsSync(join(projectRoot, 'dist/bundle/cli.cjs')), 'retort is not built: run npm run build');
});

forEachDialect('built CLI loads only its dialect', (ctx) => {
  it('upgrade head and current load the driver of the URL dialect, none of the others', async () => {
    rmSync(migrations, { recursive: true, force: true });
    mkdirSync(migrations, { recursive: true });
    writeFileSync(join(migrations, '0001_probe.ts'), migration);
    const url = await ctx.freshUrl('bundle');
    for (const command of [['upgrade', 'head'], ['current']]) {
      const { code, stderr, loaded, internal } = await loadedParts([...command, '--url', url, '--migrations', migrations]);
      assert.equal(code, 0, stderr);
      // pg loads on its Node.js path: no probe for Cloudflare Workers through fetch (undici)
      assert.deepEqual(internal.filter((m) => m.includes('undici')), []);
      // no TLS without SSL: mysql2's require('tls') is deferred to its first use in the bundle
      assert.deepEqual(internal.filter((m) => m === 'tls' || m.includes('_tls_')), []);
      const expected = OWN[ctx.dialect];
      assert.deepEqual([...loaded].sort(), [...expected].sort(), `retort ${command.join(' ')} on ${ctx.dialect}`);
    }
  });
});

forEachDialect('built CLI imports JavaScript modules natively', (ctx) => {
  it('a retort.config.mjs and a .mjs migration load through Node import() (the code-cached bundle has none of its own)', async () => {
    const project = mkdtempSync(join(work, 'mjs-'));
    mkdirSync(join(project, 'migrations'));
    const url = await ctx.freshUrl('bundlemjs');
    writeFileSync(join(project, 'retort.config.mjs'), `export default { url: ${JSON.stringify(url)}, migrations: './migrations' };\n`);
    writeFileSync(
      join(project, 'migrations', '0001_js.mjs'),
      "export const revision = 'b0000000002';\nexport const parent = null;\n" +
        "export async function upgrade(op) { await op.execute('CREATE TABLE mjs_probe (id INTEGER)'); }\n" +
        "export async function downgrade(op) { await op.execute('DROP TABLE mjs_probe'); }\n",
    );
    const run = (...args: string[]) => promisify(execFile)(process.execPath, [join(projectRoot, 'bin/retort'), ...args], { cwd: project, env: { ...process.env, DATABASE_URL: '' } });
    assert.match((await run('upgrade', 'head')).stdout, /<base> -> b0000000002/);
    assert.match((await run('current')).stdout, /^b0000000002 \(head\)/m);
  });
});

it('the trace sees a driver when it loads (control)', async () => {
  // nothing listens on port 1: ping fails, after loading pg
  const { code, stderr, loaded } = await loadedParts(['ping', '--url', 'postgresql://nobody@127.0.0.1:1/none']);
  assert.equal(code, 1);
  assert.match(stderr, /cannot connect/);
  assert.deepEqual([...loaded].sort(), ['pg']);
});

forEachDialect('bundled mysql2 keeps its data tables', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  it('error codes by name, and a code page read from dist/bundle/retort-data', async () => {
    const url = await ctx.freshUrl('bundledata');
    const bundle = pathToFileURL(join(projectRoot, 'dist/bundle/index.js')).href;
    const code =
      `const { createEngine } = await import(${JSON.stringify(bundle)});\n` +
      `const engine = createEngine(${JSON.stringify(`${url}${url.includes('?') ? '&' : '?'}charset=GBK_CHINESE_CI`)});\n` +
      "const { rows } = await engine.execute(\"SELECT CONVERT('\\u4e2d\\u6587' USING gbk) AS x\");\n" +
      "const failed = await engine.execute('SELECT * FROM no_such_table').catch((e) => e);\n" +
      'await engine.dispose();\n' +
      'process.stdout.write(JSON.stringify({ x: rows[0].x, driverCode: failed.driverCode }));\n';
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { cwd: work });
    assert.deepEqual(JSON.parse(stdout), { x: '\u4e2d\u6587', driverCode: 'ER_NO_SUCH_TABLE' });
  });
});

it('output to a reader that has gone (`retort history | head -0`) ends quietly, with exit code 0', async () => {
  const project = mkdtempSync(join(work, 'epipe-'));
  mkdirSync(join(project, 'migrations'));
  for (let i = 1; i <= 3; i++) {
    const id = `e000000000${i}`;
    const parent = i === 1 ? 'null' : `'e000000000${i - 1}'`;
    writeFileSync(join(project, 'migrations', `000${i}_m.mjs`), `export const revision = '${id}';\nexport const parent = ${parent};\nexport async function upgrade() {}\nexport async function downgrade() {}\n`);
  }
  const child = spawn(process.execPath, [join(projectRoot, 'bin/retort'), 'history', '--migrations', 'migrations'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy(); // the reader closes before retort writes
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(code, 0);
});
