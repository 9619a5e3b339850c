import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as retort from '../../src/index.js';
import { ConfigError, DuplicateRevisionError, MissingRevisionError, ScriptError } from '../../src/errors/index.js';
import { loadModule } from '../../src/migrations/module-loader.js';
import { writeRevision } from '../../src/migrations/revision-writer.js';
import { readDeclarations } from '../../src/migrations/script-declarations.js';
import { isMigrationFileName, listMigrationFiles, loadMigrationScript, ScriptDirectory } from '../../src/migrations/script-directory.js';
import { migrationSource, tempDir, writeFiles, writeMigrations } from './script-helpers.js';

const fixtures = fileURLToPath(new URL('../fixtures/migrations/', import.meta.url));

describe('script directory', () => {
  it('loads the migration files of a folder, with checksums, and builds the graph', async () => {
    const dir = join(fixtures, 'linear');
    const scripts = await ScriptDirectory.load(dir);
    assert.deepEqual(scripts.graph.heads, ['cccccccccccc']);
    assert.deepEqual(
      scripts.scripts.map((s) => [s.revision, s.parents, s.message]),
      [
        ['aaaaaaaaaaaa', [], 'create author'],
        ['bbbbbbbbbbbb', ['aaaaaaaaaaaa'], 'create book'],
        ['cccccccccccc', ['bbbbbbbbbbbb'], 'add book isbn'],
      ],
    );
    const first = scripts.get('aaaaaaaaaaaa');
    assert.equal(first.checksum, createHash('sha256').update(readFileSync(first.path)).digest('hex'));
    assert.equal(first.transaction, true);
    assert.equal(first.createdAt, '2026-01-01T00:00:00.000Z');
  });

  it('chooses files by name: .ts .mts .js .mjs, not .d.ts nor names starting with _ or .', async () => {
    for (const name of ['a.ts', 'a.mts', 'a.js', 'a.mjs']) assert.equal(isMigrationFileName(name), true, name);
    for (const name of ['a.d.ts', '_helper.ts', '.hidden.ts', 'notes.md', 'a.json', 'a.tsx']) assert.equal(isMigrationFileName(name), false, name);
    const dir = tempDir();
    writeFiles(dir, { 'b.ts': '', 'a.mjs': '', '_shared.ts': '', 'types.d.ts': '', 'README.md': '' });
    assert.deepEqual((await listMigrationFiles(dir)).map((p) => p.slice(dir.length + 1)), ['a.mjs', 'b.ts']);
  });

  it('gives migrations the running retort module instance (not a second copy)', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'probe.ts': `import * as r from 'retort';\nexport const column = r.column;\nexport const typed: number = 1;\n` });
    const mod = await loadModule(join(dir, 'probe.ts'));
    assert.equal(mod.column, retort.column);
  });

  it('built retort (the bundle bin/retort runs, no tsx): a .ts models module gets the same module instance through the jiti alias', async () => {
    const bundle = fileURLToPath(new URL('../../dist/bundle/index.js', import.meta.url));
    assert.ok(existsSync(bundle), 'dist/bundle is not built: npm install (or npm run build) builds it');
    const dir = tempDir();
    writeFiles(dir, { 'models.ts': `import { MetaData, column } from 'retort';\nexport const metadata = new MetaData();\nexport const typed: number = column ? 1 : 0;\n` });
    const code =
      `const self = await import(${JSON.stringify(pathToFileURL(bundle).href)});\n` +
      `const { metadata } = await self.loadModels(${JSON.stringify(join(dir, 'models.ts'))});\n` +
      `process.stdout.write(String(metadata instanceof self.MetaData));\n`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    assert.equal(out, 'true');
  });

  it('loads .mjs migrations natively', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '001_js.mjs': `export const revision = 'abc123';\nexport const parent = null;\nexport async function upgrade() {}\nexport async function downgrade() {}\n`,
    });
    const scripts = await ScriptDirectory.load(dir);
    assert.deepEqual(scripts.graph.heads, ['abc123']);
    assert.equal(scripts.get('abc123').message, '');
  });

  it('names the file and the export for a missing or malformed declaration', async () => {
    const cases: [string, string, RegExp][] = [
      ['no-revision', `export const parent = null;\nexport async function upgrade() {}\nexport async function downgrade() {}\n`, /missing `export const revision/],
      ['bad-revision', `export const revision = 'not valid!';\nexport const parent = null;\nexport async function upgrade() {}\nexport async function downgrade() {}\n`, /"revision" must be/],
      ['no-parent', `export const revision = 'a1';\nexport async function upgrade() {}\nexport async function downgrade() {}\n`, /missing `export const parent/],
      ['bad-parent', `export const revision = 'a1';\nexport const parent = 42;\nexport async function upgrade() {}\nexport async function downgrade() {}\n`, /"parent" must be null, a revision id or a non-empty list/],
      ['no-upgrade', `export const revision = 'a1';\nexport const parent = null;\nexport async function downgrade() {}\n`, /missing `export async function upgrade/],
      ['no-downgrade', `export const revision = 'a1';\nexport const parent = null;\nexport const upgrade = 'x';\nexport async function downgrade() {}\n`, /missing `export async function upgrade\(op\)` \(got "x"\)/],
      ['bad-transaction', `export const revision = 'a1';\nexport const parent = null;\nexport const transaction = 'no';\nexport async function upgrade() {}\nexport async function downgrade() {}\n`, /"transaction" must be true or false/],
      ['bad-date', `export const revision = 'a1';\nexport const parent = null;\nexport const createdAt = 'yesterday';\nexport async function upgrade() {}\nexport async function downgrade() {}\n`, /"createdAt" must be an ISO date/],
      ['syntax', `export const revision = 'a1'\nexport const parent = (;\n`, /cannot load/],
    ];
    for (const [name, text, message] of cases) {
      const dir = tempDir();
      const file = join(dir, `${name}.ts`);
      writeFileSync(file, text);
      await assert.rejects(ScriptDirectory.load(dir), (e: unknown) => {
        assert.ok(e instanceof ScriptError, `${name}: ${String(e)}`);
        assert.equal(e.file, file);
        assert.ok(e.message.startsWith(file), e.message);
        assert.match(e.message, message);
        return true;
      });
    }
  });

  it('reports a missing parent and a duplicate revision with their files', async () => {
    const dir = tempDir();
    writeMigrations(dir, [
      { id: 'a1a1a1', parent: null },
      { id: 'b2b2b2', parent: 'f0f0f0' },
    ]);
    await assert.rejects(ScriptDirectory.load(dir), (e: unknown) => {
      assert.ok(e instanceof MissingRevisionError);
      assert.match(e.message, /revision "b2b2b2" \(.*001_b2b2b2\.ts\) names parent revision "f0f0f0", but no migration file declares it/);
      return true;
    });
    const dup = tempDir();
    writeMigrations(dup, [
      { id: 'a1a1a1', parent: null },
      { id: 'a1a1a1', parent: null },
    ]);
    await assert.rejects(ScriptDirectory.load(dup), (e: unknown) => e instanceof DuplicateRevisionError && /000_a1a1a1\.ts.*001_a1a1a1\.ts/.test(e.message));
  });

  it('reports a missing folder as a configuration problem', async () => {
    await assert.rejects(ScriptDirectory.load('/nonexistent/retort/migrations'), (e: unknown) => e instanceof ConfigError && /does not exist/.test(e.message));
  });

  it('reads merges, dependencies, labels and the transaction opt-out', async () => {
    const dir = tempDir();
    writeMigrations(dir, [
      { id: 'a1a1a1', parent: null, extra: [`export const branchLabels = ['core'];`] },
      { id: 'b1b1b1', parent: 'a1a1a1' },
      { id: 'b2b2b2', parent: 'a1a1a1', extra: ['export const transaction = false;', `export const dependsOn = ['b1b1b1'];`] },
      { id: 'c3c3c3', parent: ['b1b1b1', 'b2b2b2'] },
    ]);
    const scripts = await ScriptDirectory.load(dir);
    assert.deepEqual(scripts.graph.heads, ['c3c3c3']);
    assert.deepEqual(scripts.get('c3c3c3').parents, ['b1b1b1', 'b2b2b2']);
    assert.deepEqual(scripts.get('b2b2b2').dependsOn, ['b1b1b1']);
    assert.equal(scripts.get('b2b2b2').transaction, false);
    assert.deepEqual(scripts.get('a1a1a1').branchLabels, ['core']);
  });

  it('reads declarations written as literals from the text, and loads the module only when it is needed', async () => {
    const dir = tempDir();
    const g = globalThis as { retortLoads?: number };
    g.retortLoads = 0;
    writeMigrations(dir, [{ id: 'l1l1l1', parent: null, message: "it's lazy", extra: ['globalThis.retortLoads += 1;'] }]);
    const scripts = await ScriptDirectory.load(dir);
    const script = scripts.get('l1l1l1');
    assert.equal(script.message, "it's lazy");
    assert.equal(g.retortLoads, 0, 'the module has not run');
    await script.load?.();
    assert.equal(g.retortLoads, 1);
    await script.upgrade({} as never);
    assert.equal(g.retortLoads, 1, 'loaded once');
    delete g.retortLoads;
  });

  it('reads only what it is sure of; anything else is loaded as a module', () => {
    const fns = 'export async function upgrade(op: Operations): Promise<void> {}\nexport function downgrade(op) {}\n';
    const head = "export const revision = 'a1';\nexport const parent = null;\n";
    assert.deepEqual(readDeclarations(head + fns), { revision: 'a1', parent: null });
    assert.deepEqual(
      readDeclarations(`/**\n * A doc comment.\n */\n${head}const d = sql\`CURRENT_TIMESTAMP\`;\n// a \`quoted\` note\n${fns}`),
      { revision: 'a1', parent: null },
      'one-line templates and closed comments before the declarations',
    );
    assert.deepEqual(
      readDeclarations(
        `export const revision = "b2"; // note\nexport const parent: string[] = ['a1', "a2",];\nexport const transaction = false;\n` +
          `export const branchLabels = [];\nexport const message = 'say "hi"';\n${fns}`,
      ),
      { revision: 'b2', parent: ['a1', 'a2'], transaction: false, branchLabels: [], message: 'say "hi"' },
    );
    const unsure: Record<string, string> = {
      computed: `export const revision = 'a' + '1';\nexport const parent = null;\n${fns}`,
      escaped: `${head}export const message = 'it\\'s';\n${fns}`,
      multiLineList: `export const revision = 'a1';\nexport const parent = [\n  'x',\n];\n${fns}`,
      blockComment: `/* export const revision = 'zz'; */\n${head}${fns}`,
      template: `${head}const s = \`\nexport const revision = 'zz';\n\`;\n${fns}`,
      indented: `${head}  export const message = 'x';\n${fns}`,
      inAString: `${head}const s = 'export';\n${fns}`,
      reExport: `${head}export { helper } from './helper';\n${fns}`,
      otherExport: `${head}export const helper = 1;\n${fns}`,
      twice: `${head}export const parent = null;\n${fns}`,
      noParent: `export const revision = 'a1';\n${fns}`,
      noDowngrade: `${head}export async function upgrade(op) {}\n`,
      constFunction: `${head}export const upgrade = async () => {};\nexport async function downgrade(op) {}\n`,
    };
    for (const [name, source] of Object.entries(unsure)) assert.equal(readDeclarations(source), null, name);
  });
});

describe('revision files', () => {
  it('writes a new revision that loads back with the same declarations', async () => {
    const dir = tempDir();
    const date = new Date('2026-11-21T10:15:00Z');
    const written = await writeRevision({ directory: dir, id: 'a81c0e5f22d9', parents: ['3f2a9c1d7b04'], message: "add post's summary", date });
    assert.equal(written.path, join(dir, '2026_11_21_1015-a81c0e5f22d9_add_post_s_summary.ts'));
    const script = await loadMigrationScript(written.path);
    assert.equal(script.revision, 'a81c0e5f22d9');
    assert.deepEqual(script.parents, ['3f2a9c1d7b04']);
    assert.equal(script.message, "add post's summary");
    assert.equal(script.createdAt, '2026-11-21T10:15:00.000Z');
    await assert.rejects(writeRevision({ directory: dir, id: 'a81c0e5f22d9', parents: [], message: "add post's summary", date }), /already exists/);
  });

  it('renders with autogenerate: an empty revision, a merge with labels, ops and the transaction opt-out', async () => {
    const dir = tempDir();
    const date = new Date('2026-01-01T00:00:00Z');
    const base = await writeRevision({ directory: dir, id: 'aaaaaaaaaaaa', parents: [], message: 'init', date });
    assert.match(base.source, /^import type \{ Operations \} from 'retort';\n\nexport const revision = 'aaaaaaaaaaaa';\nexport const parent = null;\nexport const message = 'init';\nexport const createdAt = '2026-01-01T00:00:00.000Z';\n/);
    assert.match(base.source, /export async function upgrade\(op: Operations\): Promise<void> \{\n  \/\/ no changes\n\}/);
    const merge = await writeRevision({
      directory: dir,
      id: 'bbbbbbbbbbbb',
      parents: ['aaaaaaaaaaaa', 'cccccccccccc'],
      message: 'merge',
      date,
      branchLabels: ['x'],
      transaction: false,
      upgradeOps: [{ kind: 'execute', sql: 'SELECT 1' }],
    });
    assert.match(merge.source, /export const parent = \['aaaaaaaaaaaa', 'cccccccccccc'\];/);
    assert.match(merge.source, /export const branchLabels = \['x'\];\nexport const transaction = false;/);
    assert.match(merge.source, /await op\.execute\('SELECT 1'\);/);
    const loaded = await loadMigrationScript(merge.path);
    assert.deepEqual([loaded.revision, loaded.parents, loaded.branchLabels, loaded.transaction], ['bbbbbbbbbbbb', ['aaaaaaaaaaaa', 'cccccccccccc'], ['x'], false]);
  });

  it('writes a migration source the helper format agrees with', () => {
    assert.match(migrationSource({ id: 'a1', parent: ['b', 'c'] }), /export const parent = \["b","c"\];/);
  });
});
