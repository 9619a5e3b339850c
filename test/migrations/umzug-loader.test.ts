import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { loadUmzug } from '../../src/migrations/umzug-loader.js';

describe('umzug loader', () => {
  it("loads umzug's core without its CLI dependencies, and the core runs a list of migrations", async () => {
    const Umzug = await loadUmzug();
    assert.equal(await loadUmzug(), Umzug, 'loaded once');
    const cache = Object.keys(createRequire(import.meta.url).cache);
    assert.ok(cache.some((p) => p.includes('/umzug/lib/umzug.js')));
    assert.ok(!cache.some((p) => p.includes('@rushstack')), '@rushstack/ts-command-line is not loaded');
    assert.ok(!cache.some((p) => /fdir|picomatch/.test(p)), "tinyglobby's dependencies are not loaded");

    const ran: string[] = [];
    const executed = new Set<string>();
    const umzug = new Umzug({
      migrations: ['a', 'b'].map((name) => ({ name, up: async () => void ran.push(`up ${name}`), down: async () => void ran.push(`down ${name}`) })),
      storage: {
        executed: async () => [...executed],
        logMigration: async ({ name }) => void executed.add(name),
        unlogMigration: async ({ name }) => void executed.delete(name),
      },
      logger: undefined,
    });
    await umzug.up({ migrations: ['a', 'b'] });
    await umzug.down({ migrations: ['b'] });
    assert.deepEqual(ran, ['up a', 'up b', 'down b']);
    assert.deepEqual([...executed], ['a']);
    await assert.rejects(umzug.runAsCLI(['up']), /not loaded by retort/);
  });
});
