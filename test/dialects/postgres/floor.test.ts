// The benchmark floor (bench/floor/postgresql.mjs, a bare driver script) must read what the
// introspector reads, with the same queries: its SQL is compared with the introspector's here
// (pure), and it runs against the shop schema reading the same tables, columns and constraints.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import * as queries from '../../../src/dialects/postgres/introspector-queries.js';
import { createEngine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { describePostgres, SHOP_SQL } from './helpers.js';

const floorPath = fileURLToPath(new URL('../../../bench/floor/postgresql.mjs', import.meta.url));
const floorSource = readFileSync(floorPath, 'utf8');

function floorSql(name: string): string {
  const m = new RegExp(`const ${name} = \`([^\`]*)\`;`).exec(floorSource);
  assert.ok(m, `${name} in the floor script`);
  return m[1]!;
}

/** retort's `?` placeholders as the numbered ones the bare driver takes. */
function numbered(sqlText: string): string {
  let n = 0;
  return sqlText.replace(/\?/g, () => `$${++n}`);
}

describe('postgresql benchmark floor', () => {
  it('runs the introspector\'s queries', () => {
    assert.equal(floorSql('SCHEMA_SQL'), numbered(queries.SCHEMA_SQL));
    assert.equal(floorSql('RELATIONS_SQL'), numbered(queries.relationsSql(false, false)));
    assert.equal(floorSql('ENUMS_SQL'), numbered(queries.ENUMS_SQL));
    assert.equal(floorSql('COLUMNS_SQL'), numbered(queries.COLUMNS_SQL));
    // the floor passes the table oids once and uses $1 twice
    assert.equal(floorSql('CONSTRAINTS_SQL'), numbered(queries.CONSTRAINTS_SQL).replace('ANY($2::oid[])', 'ANY($1::oid[])'));
    assert.equal(floorSql('INDEXES_SQL'), numbered(queries.INDEXES_SQL));
  });
});

describePostgres('postgresql benchmark floor on a real schema', (ctx) => {
  it('reads the same tables, columns, constraints, indexes and enums as inspect()', async () => {
    const url = await ctx.freshUrl('pg_floor');
    const engine = createEngine(url);
    try {
      await engine.execute(SHOP_SQL);
      const snap = await inspect(engine);
      const { stdout } = await promisify(execFile)(process.execPath, [floorPath, url]);
      const floor = JSON.parse(stdout) as { tables: { name: string; columns: unknown[]; constraints: unknown[]; indexes: unknown[] }[]; enums: unknown[]; views: unknown[] };
      const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
      assert.deepEqual(floor.tables.map((t) => t.name).sort(byText), snap.tables.map((t) => t.name));
      const count = (f: (t: (typeof snap.tables)[number]) => number): number => snap.tables.reduce((n, t) => n + f(t), 0);
      assert.equal(floor.tables.reduce((n, t) => n + t.columns.length, 0), count((t) => t.columns.length));
      assert.equal(floor.tables.reduce((n, t) => n + t.constraints.length, 0),
        count((t) => (t.primaryKey ? 1 : 0) + t.foreignKeys.length + t.uniques.length + t.checks.length));
      assert.equal(floor.tables.reduce((n, t) => n + t.indexes.length, 0), count((t) => t.indexes.length));
      assert.equal(floor.enums.length, snap.enums.length);
      assert.equal(floor.views.length, snap.views.length);
    } finally {
      await engine.dispose();
    }
  });
});
