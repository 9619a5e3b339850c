// An enum type whose values the models list in another order: PostgreSQL cannot reorder values in
// place, and autogenerate writes no op for it (a warning only). The warning said "write that
// migration by hand" and nothing more; it now names the statements that recreate the type and
// convert its columns (arrays and defaults too), which leave nothing to warn about, rows kept.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { column, compare, createEngine, MetaData, Table, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { describePostgres } from './helpers.js';

describePostgres('an enum whose values are reordered', (ctx) => {
  let engine: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('pg_enum_reorder'));
    await engine.execute(`CREATE SCHEMA app; CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
      CREATE TABLE app.person (id integer PRIMARY KEY, m app.mood NOT NULL DEFAULT 'ok', past app.mood[]);
      INSERT INTO app.person VALUES (1, 'sad', '{ok,happy}'), (2, 'happy', NULL);`);
  });
  after(() => engine.dispose());

  const warnings = async (): Promise<string[]> => {
    const models = new MetaData({ namingConvention: {}, schema: 'app' });
    const mood = () => column.enum(['happy', 'sad', 'ok'], { name: 'mood' });
    new Table(models, 'person', { id: column.integer().primaryKey().autoincrement(false), m: mood().notNull().serverDefault('ok'), past: column.array(mood()) });
    const found: string[] = [];
    const ops = compare(models.snapshot('postgresql'), await inspect(engine, { schema: 'app' }), { dialect: engine.dialect, onWarning: (w) => found.push(w.message) });
    assert.deepEqual(ops, []);
    return found;
  };

  it('the warning names the statements that recreate the type; run, they leave nothing to warn about', async () => {
    const [warning, ...rest] = await warnings();
    assert.deepEqual(rest, []);
    const m = /^enum mood: values are in another order in the database \(sad, ok, happy\) than in the models \(happy, sad, ok\); enum values cannot be reordered in place, write that migration by hand with op\.execute \((.*)\)$/.exec(warning ?? '');
    assert.ok(m, warning);
    assert.equal(m[1], 'ALTER TYPE "app"."mood" RENAME TO "_old_mood"; CREATE TYPE "app"."mood" AS ENUM (\'happy\', \'sad\', \'ok\'); '
      + 'ALTER TABLE "app"."person" ALTER COLUMN "m" DROP DEFAULT, ALTER COLUMN "m" TYPE "app"."mood" USING "m"::text::"app"."mood", ALTER COLUMN "m" SET DEFAULT \'ok\'::app.mood; '
      + 'ALTER TABLE "app"."person" ALTER COLUMN "past" TYPE "app"."mood"[] USING "past"::text[]::"app"."mood"[]; DROP TYPE "app"."_old_mood"');
    await engine.execute(m[1]!);
    assert.deepEqual(await warnings(), []);
    const rows = await engine.execute<{ id: number; m: string; past: string | null }>('SELECT id, m::text AS m, past::text AS past FROM app.person ORDER BY m');
    assert.deepEqual(rows.rows, [{ id: 2, m: 'happy', past: null }, { id: 1, m: 'sad', past: '{ok,happy}' }]);
  });
});
