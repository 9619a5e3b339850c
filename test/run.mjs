#!/usr/bin/env node
// Runs every test file (test/**/*.test.ts) with node's built-in test runner, TypeScript loaded by tsx.
// Extra arguments are passed to `node --test` (e.g. --test-name-pattern). Set RETORT_TEST_FILES to
// a comma-separated list of paths to run only those files.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function collect(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...collect(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const files = process.env.RETORT_TEST_FILES
  ? process.env.RETORT_TEST_FILES.split(',').filter(Boolean)
  : collect(join(root, 'test')).map((f) => relative(root, f));
const concurrency = process.env.RETORT_TEST_CONCURRENCY ?? '4';
const args = ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...process.argv.slice(2), ...files];
// test/helpers/databases.ts prints "skipping <dialect>" once per run, not once per file
const noticeDir = mkdtempSync(join(tmpdir(), 'retort-notices-'));
const env = { ...process.env, RETORT_TEST_NOTICE_DIR: noticeDir };
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env });
child.on('exit', (code, signal) => {
  rmSync(noticeDir, { recursive: true, force: true });
  process.exit(signal ? 1 : (code ?? 1));
});
