#!/usr/bin/env node
// Runs the benchmarks: builds dist/ first (npm run build; skip with --no-build), then runs every
// bench/*.mjs file except this one and files starting with "_", one child process each, in name
// order. Name some to run only those: `npm run bench -- engine`. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const only = args.filter((a) => !a.startsWith('--'));

if (build) {
  console.log('== npm run build');
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((name) => f === name || f.startsWith(`${name}.`)))
  .sort();
if (files.length === 0) {
  console.error(`bench: nothing matches ${only.join(', ')}`);
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  console.log(`\n== bench/${file}`);
  const r = spawnSync(process.execPath, [join('bench', file)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
