// No phantom diffs on PostgreSQL's catalog spellings: defaults, types, checks and index expressions
// that the catalog gives back rewritten (casts, now() vs CURRENT_TIMESTAMP, 't' vs true, '0'::numeric
// vs 0, quoted strings, typed literals, IN lists, ILIKE) compare equal to the way a model states them,
// both for tables created from models and for tables written by hand in the catalog's own dialect.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { compare } from '../../../src/autogenerate/index.js';
import { createEngine, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { CheckConstraint, column, Index, MetaData, PrimaryKeyConstraint, Table } from '../../../src/schema/index.js';
import { sql } from '../../../src/sql/sql.js';
import { describePostgres } from './helpers.js';

/** A model with a default in each spelling the catalog rewrites. */
function modelDefaults(metadata: MetaData): void {
  new Table(metadata, 'model_defaults', {
    id: column.integer().primaryKey(),
    title: column.string(50).notNull().serverDefault("it's 'quoted'"),
    body: column.text().serverDefault(''),
    code: column.char(2).serverDefault('DE'),
    n: column.integer().serverDefault(-1),
    big: column.bigInteger().serverDefault(9007199254740993n.toString()),
    price: column.numeric(10, 2).serverDefault(0),
    cost: column.numeric(10, 2).serverDefault('1.50'),
    ratio: column.double().serverDefault(1000),
    small: column.float().serverDefault(1.5),
    yes: column.boolean().serverDefault(true),
    no: column.boolean().serverDefault(false),
    born: column.date().serverDefault('2020-01-01'),
    today: column.date().serverDefault(sql`CURRENT_DATE`),
    at: column.dateTime().serverDefault(sql`now()`),
    atTz: column.timestamptz().serverDefault(sql`CURRENT_TIMESTAMP`),
    at3: column.dateTime({ precision: 3 }).serverDefault(sql`current_timestamp(3)`),
    local: column.dateTime().serverDefault(sql`LOCALTIMESTAMP`),
    later: column.dateTime().serverDefault(sql`now() + interval '1 day'`),
    doc: column.jsonb().serverDefault('{"b": 1, "a": [1, 2]}'),
    raw: column.json().serverDefault(sql`'{}'`),
    ref: column.uuid().serverDefault(sql`gen_random_uuid()`),
    tags: column.array(column.text()).serverDefault(sql`'{}'`),
    mood: column.enum(['ok', "it's"], { name: 'mood' }).serverDefault("it's"),
    nothing: column.string(10).serverDefault(sql`NULL`),
  },
  new CheckConstraint("mood IN ('ok', 'it''s')", 'ck_model_defaults_mood'),
  new CheckConstraint('price >= 0.00 AND cost > 0', 'ck_model_defaults_money'),
  new CheckConstraint("born > DATE '2000-01-01'", 'ck_model_defaults_born'),
  new CheckConstraint("title NOT ILIKE '%spam%'", 'ck_model_defaults_title'),
  new CheckConstraint("doc ? 'b'", 'ck_model_defaults_doc'),
  new Index('ix_model_defaults_title', [sql`lower(title)`], { where: 'n <> -1' }),
  new Index('ix_model_defaults_born', ['born', sql`at DESC`]));
}

/** The same kind of table written by hand, in the catalog's own spellings, and the model a user would write for it. */
const HAND_WRITTEN = `CREATE TYPE level AS ENUM ('low', 'high');
CREATE TABLE hand (
  id int4 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  legacy serial NOT NULL,
  name character varying(40) DEFAULT 'x'::character varying,
  note varchar DEFAULT NULL::character varying,
  amount numeric(8,2) DEFAULT '0'::numeric,
  fee numeric(8,2) DEFAULT (0)::numeric,
  share numeric DEFAULT 0.00,
  qty int2 DEFAULT '5'::smallint,
  neg int8 DEFAULT '-3'::integer,
  flag bool DEFAULT 't',
  off boolean DEFAULT 'off',
  created timestamp without time zone DEFAULT transaction_timestamp(),
  touched timestamp(6) with time zone DEFAULT now(),
  day date DEFAULT '2021-02-03'::date,
  lvl level DEFAULT 'low'::level,
  prefs jsonb DEFAULT '{"a":1}'::jsonb,
  ip inet,
  CONSTRAINT hand_amount_check CHECK (amount BETWEEN 0 AND 1000 OR amount IS NULL),
  CONSTRAINT hand_lvl_check CHECK (lvl = ANY (ARRAY['low'::level, 'high'::level]))
);
CREATE INDEX hand_name_idx ON hand (lower(name::text)) WHERE share > 0;`;

function handModel(metadata: MetaData): void {
  new Table(metadata, 'hand', {
    id: column.integer().notNull(),
    legacy: column.integer().notNull().autoincrement(),
    name: column.string(40).serverDefault('x'),
    note: column.string(),
    amount: column.numeric(8, 2).serverDefault(0),
    fee: column.numeric(8, 2).serverDefault(0),
    share: column.numeric().serverDefault(0),
    qty: column.smallInteger().serverDefault(5),
    neg: column.bigInteger().serverDefault(-3),
    flag: column.boolean().serverDefault(true),
    off: column.boolean().serverDefault(false),
    created: column.dateTime().serverDefault(sql`CURRENT_TIMESTAMP`),
    touched: column.timestamptz().serverDefault(sql`CURRENT_TIMESTAMP`),
    day: column.date().serverDefault('2021-02-03'),
    lvl: column.enum(['low', 'high'], { name: 'level' }).serverDefault('low'),
    prefs: column.jsonb().serverDefault('{"a": 1}'),
    ip: column.inet(),
  },
  new CheckConstraint('amount BETWEEN 0 AND 1000 OR amount IS NULL', 'hand_amount_check'),
  new CheckConstraint("lvl IN ('low', 'high')", 'hand_lvl_check'),
  new Index('hand_name_idx', [sql`lower(name)`], { where: 'share > 0' }),
  new PrimaryKeyConstraint(['id'], { name: 'hand_pkey' }));
}

describePostgres('no phantom diffs on catalog spellings', (ctx) => {
  let engine: Engine;
  let hand: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('pg_no_phantom'));
    hand = createEngine(await ctx.freshUrl('pg_no_phantom_hand'));
  });
  after(async () => {
    await engine.dispose();
    await hand.dispose();
  });

  it('defaults, checks and indexes declared in models compare equal after createAll', async () => {
    const metadata = new MetaData();
    modelDefaults(metadata);
    await metadata.createAll(engine);
    const reflected = await inspect(engine, { include: ['model_defaults'] });
    const columns = reflected.tables[0]?.columns ?? [];
    // the catalog did rewrite them
    assert.deepEqual(columns.find((c) => c.name === 'title')?.default, { kind: 'expression', sql: `'it''s ''quoted'''::character varying` });
    assert.deepEqual(columns.find((c) => c.name === 'cost')?.default, { kind: 'expression', sql: `1.50` });
    const nothing = columns.find((c) => c.name === 'nothing');
    assert.deepEqual(nothing?.default, { kind: 'expression', sql: 'NULL::character varying' });
    assert.equal(nothing && engine.dialect.normalizer.defaultValue(nothing.default, nothing), null);
    assert.deepEqual(compare(metadata.snapshot(engine.dialect), reflected, { dialect: engine.dialect }), []);
  });

  it('a hand-written table in the catalog\'s own spellings compares equal to the natural model', async () => {
    await hand.execute(HAND_WRITTEN);
    const reflected = await inspect(hand);
    const metadata = new MetaData();
    handModel(metadata);
    const declared = metadata.snapshot(hand.dialect);
    assert.deepEqual(compare(declared, reflected, { dialect: hand.dialect }), []);
    // a real change is still seen
    const moved = declared.tables.map((t) => ({ ...t, columns: t.columns.map((c) => (c.name === 'qty' ? { ...c, default: { kind: 'literal' as const, value: 6 } } : c)) }));
    const ops = compare({ ...declared, tables: moved }, reflected, { dialect: hand.dialect });
    assert.deepEqual(ops.map((o) => o.kind), ['alterColumn']);
  });
});
