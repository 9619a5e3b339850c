// No phantom diffs on MySQL / MariaDB catalog spellings: columns declared with defaults in every
// spelling the catalog rewrites (quoting, numbers, booleans, current_timestamp variants, strings
// with quotes and backslashes, TEXT / JSON defaults), checks the catalog rewrites, and type
// synonyms; createAll, reflect, compare: nothing. Then a migration between two versions of the
// models runs through compare -> ops -> MySQL DDL on the database and converges.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { compare } from '../../../src/autogenerate/index.js';
import { createEngine, type Engine } from '../../../src/index.js';
import { compileOperations } from '../../../src/operations/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { CheckConstraint, column, Index, MetaData, Table } from '../../../src/schema/index.js';
import { sql } from '../../../src/sql/sql.js';
import { forEachDialect } from '../../helpers/databases.js';

function spellings(): MetaData {
  const metadata = new MetaData();
  new Table(metadata, 'spelling', {
    id: column.integer().primaryKey(),
    quoted: column.string(50).serverDefault("it's"),
    quotedSql: column.string(50).serverDefault(sql`'it''s'`),
    backslash: column.string(50).serverDefault('back\\slash \\n'),
    empty: column.string(50).notNull().serverDefault(''),
    nullWord: column.string(10).serverDefault('NULL'),
    unicode: column.string(20).serverDefault('groß ✓'),
    newline: column.string(20).serverDefault('two\nlines'),
    intZero: column.integer().notNull().serverDefault(0),
    intString: column.integer().serverDefault('5'),
    intNegative: column.integer().serverDefault(sql`-1`),
    intExpr: column.integer().serverDefault(sql`1 + 2`),
    decZero: column.numeric(10, 2).notNull().serverDefault(0),
    decString: column.numeric(10, 2).serverDefault('0'),
    decSql: column.numeric(10, 2).serverDefault(sql`12.50`),
    decHalf: column.numeric(10, 3).serverDefault(12.5),
    dbl: column.double().serverDefault(sql`1.5e3`),
    flt: column.float().serverDefault(0.5),
    boolTrue: column.boolean().notNull().serverDefault(true),
    boolFalse: column.boolean().notNull().serverDefault(false),
    boolSql: column.boolean().serverDefault(sql`TRUE`),
    boolZero: column.boolean().serverDefault(sql`0`),
    tsPlain: column.dateTime().notNull().serverDefault(sql`CURRENT_TIMESTAMP`),
    tsNow: column.dateTime().serverDefault(sql`now()`),
    tsParens: column.dateTime().serverDefault(sql`current_timestamp()`),
    tsLocal: column.dateTime().serverDefault(sql`LOCALTIMESTAMP`),
    ts6: column.dateTime({ precision: 6 }).serverDefault(sql`CURRENT_TIMESTAMP(6)`),
    ts3Now: column.dateTime({ precision: 3 }).serverDefault(sql`now(3)`),
    tz: column.dateTime({ timezone: true }).notNull().serverDefault(sql`CURRENT_TIMESTAMP`),
    tzNullable: column.dateTime({ timezone: true }),
    day: column.date().serverDefault('2020-01-31'),
    clock: column.time().serverDefault('12:30:00'),
    mood: column.enum(['ok', "it's", 'meh'] as const, { name: 'mood' }).notNull().serverDefault("it's"),
    body: column.text().serverDefault('hello'),
    doc: column.json().serverDefault(sql`'{}'`),
    token: column.uuid().serverDefault(sql`uuid()`),
    currency: column.char(3).serverDefault('EUR'),
    bits: column.custom('BIT(1)').serverDefault(sql`b'1'`),
    year: column.custom('YEAR').serverDefault(2024),
    small: column.custom('INTEGER').serverDefault(7),
    flag: column.custom('BOOLEAN').serverDefault(true),
    price: column.custom('DEC(8,2)').serverDefault('1.50'),
    rank: column.smallInteger().unsigned().serverDefault(3),
  },
  new CheckConstraint('int_zero >= 0 AND int_zero <= 100', 'ck_spelling_range'),
  new CheckConstraint("mood IN ('ok', 'meh') OR int_zero != 1", 'ck_spelling_in'),
  new CheckConstraint('length(quoted) > 0 AND quoted IS NOT NULL', 'ck_spelling_length'),
  new CheckConstraint('int_string BETWEEN 1 AND 10', 'ck_spelling_between'),
  new CheckConstraint("quoted <> 'x' AND backslash LIKE 'b%'", 'ck_spelling_like'),
  new CheckConstraint("quoted <> 'it''s' AND backslash <> 'a\\\\b' AND upper(quoted) <> 'Y' AND lower(quoted) <> 'z'", 'ck_spelling_strings'),
  new CheckConstraint("bool_true = TRUE OR bool_false = FALSE OR int_zero % 3 = 1 OR cast(int_zero AS CHAR) <> '9'", 'ck_spelling_rewrites'),
  new Index('ix_spelling_mood', ['mood', 'currency']),
  { comment: "spellings the catalog rewrites; it's a test" });
  return metadata;
}

function version(n: 1 | 2): MetaData {
  const metadata = new MetaData();
  new Table(metadata, 'author', {
    id: column.integer().primaryKey(),
    email: column.string(200).notNull().unique(),
    name: column.string(n === 1 ? 100 : 150).notNull(),
    ...(n === 1 ? { bio: column.text() } : { about: column.text().comment('shown on the profile') }),
  });
  new Table(metadata, 'post', {
    id: column.integer().primaryKey(),
    authorId: column.integer().notNull().references('author.id', { onDelete: n === 1 ? 'cascade' : 'restrict' }),
    title: column.string(200).notNull().serverDefault(n === 1 ? 'untitled' : 'no title'),
    status: column.enum(n === 1 ? ['draft', 'live'] : ['draft', 'live', 'gone'], { name: 'status' }).notNull().serverDefault('draft'),
    views: n === 1 ? column.integer() : column.bigInteger().notNull().serverDefault(0),
    publishedAt: column.dateTime({ timezone: n === 2 }),
  },
  ...(n === 1 ? [new Index('ix_post_title', ['title'])] : [new Index('ix_post_title_status', ['title', 'status'], { unique: true })]),
  ...(n === 2 ? [new CheckConstraint('views >= 0', 'ck_post_views'), { comment: 'blog posts' }] : []));
  return metadata;
}

forEachDialect('no phantom diffs on catalog spellings', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let engine: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('phantom'));
  });
  after(() => engine.dispose());

  it('createAll, reflect, compare: no changes', async () => {
    const metadata = spellings();
    await metadata.createAll(engine);
    const reflected = await inspect(engine);
    assert.deepEqual(compare(metadata.snapshot(engine.dialect), reflected, { dialect: engine.dialect }), []);
  });

  it('a UNIQUE over a TEXT column (MariaDB: a HASH "long unique" index) reads back as the unique constraint', async (t) => {
    const db = createEngine(await ctx.freshUrl('phantom_long_unique'));
    try {
      const [row] = (await db.execute('SELECT VERSION() AS v')).rows;
      if (!/mariadb/i.test(String(row?.v))) {
        t.skip('MySQL 8 has no UNIQUE over TEXT without a prefix length');
        return;
      }
      const metadata = new MetaData();
      new Table(metadata, 'page', { id: column.integer().primaryKey(), url: column.text().notNull().unique() });
      await metadata.createAll(db);
      const reflected = await inspect(db);
      assert.deepEqual(reflected.tables[0]!.uniques, [{ name: 'uq_page_url', columns: ['url'] }]);
      assert.deepEqual(reflected.tables[0]!.indexes, []);
      assert.deepEqual(compare(metadata.snapshot(db.dialect), reflected, { dialect: db.dialect }), []);
    } finally {
      await db.dispose();
    }
  });

  it('a migration from version 1 to version 2 of the models converges, and back', async () => {
    const db = createEngine(await ctx.freshUrl('phantom_migrate'));
    try {
      await version(1).createAll(db);
      for (const target of [version(2), version(1)]) {
        const declared = target.snapshot(db.dialect);
        const before = await inspect(db);
        const ops = compare(declared, before, { dialect: db.dialect });
        assert.ok(ops.length > 0);
        const statements = compileOperations(ops, { dialect: db.dialect, snapshot: before });
        assert.ok(statements.some((s) => /MODIFY COLUMN/.test(s.sql)), statements.map((s) => s.sql).join('\n'));
        await db.withConnection(async (conn) => {
          for (const s of statements) await conn.execute(s.sql);
        });
        assert.deepEqual(compare(declared, await inspect(db), { dialect: db.dialect }), []);
      }
    } finally {
      await db.dispose();
    }
  });
});
