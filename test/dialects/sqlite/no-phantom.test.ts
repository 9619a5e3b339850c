// No phantom diffs on SQLite: defaults and types written in every spelling SQLite keeps as
// written (parentheses, TRUE/FALSE, numbers, quoted numbers, strings with quotes, CURRENT_* in
// any case, date functions of 'now'), both from models (createAll) and from hand-written DDL
// compared with a model that declares the same thing its own way: compare() finds nothing.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { compare } from '../../../src/autogenerate/index.js';
import { createEngine, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { column, MetaData, Table } from '../../../src/schema/index.js';
import { sql } from '../../../src/sql/sql.js';
import { forSqlite } from './helpers.js';

/** A model whose defaults use many spellings; createAll'd and reflected it must compare empty. */
function spelledModel(): MetaData {
  const metadata = new MetaData();
  new Table(metadata, 'spelled', {
    id: column.integer().primaryKey(),
    ts1: column.dateTime().serverDefault(sql`CURRENT_TIMESTAMP`),
    ts2: column.dateTime().serverDefault(sql`current_timestamp`),
    ts3: column.dateTime().serverDefault(sql`(CURRENT_TIMESTAMP)`),
    ts4: column.dateTime().serverDefault(sql`datetime('now')`),
    ts5: column.dateTime().serverDefault(sql`(datetime('now'))`),
    day: column.date().serverDefault(sql`CURRENT_DATE`),
    at: column.time().serverDefault(sql`current_time`),
    yes: column.boolean().serverDefault(true),
    no: column.boolean().notNull().serverDefault(false),
    yes2: column.boolean().serverDefault(sql`TRUE`),
    zero: column.integer().serverDefault(0),
    minus: column.integer().serverDefault(-1),
    minus2: column.integer().serverDefault(sql`(-1)`),
    quoted: column.integer().serverDefault('5'),
    money: column.numeric(10, 2).serverDefault(sql`0.00`),
    ratio: column.double().serverDefault(1.5),
    quote: column.string(50).serverDefault("it's"),
    quote2: column.string(50).serverDefault(sql`'it''s'`),
    empty: column.text().serverDefault(''),
    num_text: column.text().serverDefault(7),
    token: column.char(32).serverDefault(sql`lower(hex(randomblob(16)))`),
    blob: column.largeBinary().serverDefault(sql`x'00ff'`),
    nothing: column.integer().serverDefault(sql`NULL`),
    state: column.enum(['draft', 'published']).notNull().serverDefault('draft'),
  });
  return metadata;
}

/** Hand-written DDL, and a model declaring the same table in retort's own spellings. */
const HAND_WRITTEN = `
  CREATE TABLE legacy (
    id INTEGER PRIMARY KEY,
    code INT NOT NULL DEFAULT (0),
    active BOOL NOT NULL DEFAULT TRUE,
    archived boolean DEFAULT 'false',
    retries integer DEFAULT '3',
    price DECIMAL(10,2) NOT NULL DEFAULT +0.0,
    rate DOUBLE PRECISION DEFAULT (1.50),
    weight FLOAT DEFAULT 2,
    title CHARACTER VARYING(80) DEFAULT ('it''s'),
    label NVARCHAR(20) DEFAULT 10,
    notes CLOB,
    status VARCHAR(9) NOT NULL DEFAULT 'new',
    uid CHAR(36),
    created TIMESTAMP NOT NULL DEFAULT (DATETIME('now')),
    created_on DATE DEFAULT (date('now')),
    payload JSON DEFAULT NULL,
    big INT8,
    small INT2 DEFAULT -0
  )`;

function legacyModel(): MetaData {
  const metadata = new MetaData();
  new Table(metadata, 'legacy', {
    id: column.integer().primaryKey(),
    code: column.integer().notNull().serverDefault(0),
    active: column.boolean().notNull().serverDefault(true),
    archived: column.boolean().serverDefault('false'),
    retries: column.integer().serverDefault(3),
    price: column.numeric(10, 2).notNull().serverDefault(0),
    rate: column.double().serverDefault(1.5),
    weight: column.float().serverDefault(sql`2.0`),
    title: column.string(80).serverDefault("it's"),
    label: column.string(20).serverDefault('10'),
    notes: column.text(),
    status: column.enum(['new', 'paid', 'cancelled'], { name: 'status' }).notNull().serverDefault('new'),
    uid: column.uuid(),
    created: column.dateTime().notNull().serverDefault(sql`CURRENT_TIMESTAMP`),
    createdOn: column.date().serverDefault(sql`CURRENT_DATE`),
    payload: column.json(),
    big: column.bigInteger(),
    small: column.smallInteger().serverDefault(0),
  });
  return metadata;
}

forSqlite('no phantom diffs from SQLite spellings', (ctx) => {
  let engine: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('phantom'));
    await spelledModel().createAll(engine);
    await engine.execute(HAND_WRITTEN);
  });
  after(() => engine.dispose());

  it('a model with defaults in every spelling compares empty after createAll', async () => {
    const reflected = await inspect(engine, { include: ['spelled'] });
    assert.deepEqual(compare(spelledModel().snapshot(engine.dialect), reflected, { dialect: engine.dialect }), []);
  });

  it('hand-written DDL compares empty with a model that says the same in its own spellings', async () => {
    const reflected = await inspect(engine, { include: ['legacy'] });
    assert.deepEqual(compare(legacyModel().snapshot(engine.dialect), reflected, { dialect: engine.dialect }), []);
  });

  it('still sees real changes of those columns', async () => {
    const reflected = await inspect(engine, { include: ['legacy'] });
    const metadata = new MetaData();
    new Table(metadata, 'legacy', {
      id: column.integer().primaryKey(),
      code: column.integer().notNull().serverDefault(1),
      active: column.boolean().notNull().serverDefault(false),
      archived: column.boolean().serverDefault('true'),
      retries: column.integer().serverDefault(4),
      price: column.numeric(10, 2).notNull().serverDefault(0.01),
      rate: column.double().serverDefault(1.25),
      weight: column.float(),
      title: column.string(80).serverDefault("it is"),
      label: column.string(20).serverDefault('11'),
      notes: column.string(100),
      status: column.enum(['new', 'paid', 'cancelled', 'partially_refunded'], { name: 'status' }).notNull().serverDefault('new'),
      uid: column.string(36),
      created: column.dateTime().notNull().serverDefault(sql`CURRENT_DATE`),
      createdOn: column.date(),
      payload: column.json().serverDefault('{}'),
      big: column.bigInteger().notNull().serverDefault(0),
      small: column.smallInteger().serverDefault(-1),
    });
    const ops = compare(metadata.snapshot(engine.dialect), reflected, { dialect: engine.dialect });
    const changed = ops.flatMap((op) => (op.kind === 'alterColumn' ? [`${op.name}:${Object.keys(op.changes).filter((k) => op.changes[k as keyof typeof op.changes] !== undefined).sort().join('+')}`] : [op.kind]));
    assert.deepEqual(changed.sort(), [
      'active:default', 'archived:default', 'big:default+nullable', 'code:default', 'created:default', 'createdOn:default', 'label:default',
      'notes:type', 'payload:default', 'price:default', 'rate:default', 'retries:default', 'small:default', 'status:type', 'title:default',
      'uid:type', 'weight:default',
    ].map((s) => s.replace('createdOn', 'created_on')).sort());
  });
});
