// The SQLite DDL-text reader: tokens, and the clauses of CREATE TABLE / INDEX / VIEW texts that
// only the text holds, on nasty inputs (quotes of all four kinds, comments, keywords inside names,
// newlines, unicode, constraints without commas). Texts are checked against SQLite itself too:
// each CREATE statement is run on an in-memory database first, so the inputs are real SQLite.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { parseCreateIndex, parseCreateTable, parseCreateView } from '../../../src/dialects/sqlite/ddl-text.js';
import { tokenize } from '../../../src/dialects/sqlite/ddl-tokens.js';

/** Runs the statement on SQLite (it must be valid) and returns the text SQLite keeps for `name`. */
function stored(statement: string, name: string, setup = ''): string {
  const db = new Database(':memory:');
  try {
    if (setup) db.exec(setup);
    db.exec(statement);
    return (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql;
  } finally {
    db.close();
  }
}

describe('tokenize', () => {
  it('reads strings, the four identifier quotes, blobs, numbers and skips comments', () => {
    const tokens = tokenize(`'it''s' "a ""b""" \`c\`\`d\` [e f] x'0A' 1.5e3 .5 -- comment ) (
      /* block ( ' */ word`);
    assert.deepEqual(tokens.map((t) => [t.kind, t.value]), [
      ['string', "it's"], ['quoted', 'a "b"'], ['quoted', 'c`d'], ['quoted', 'e f'], ['blob', "x'0A'"],
      ['number', '1.5e3'], ['number', '.5'], ['word', 'word'],
    ]);
  });

  it('keeps offsets into the original text', () => {
    const text = 'CHECK ( "größe" <> \'x\' )';
    const [, open, name] = tokenize(text);
    assert.equal(text.slice(open!.start, open!.end), '(');
    assert.equal(text.slice(name!.start, name!.end), '"größe"');
    assert.equal(name!.value, 'größe');
  });

  it('never throws on unterminated strings, identifiers or comments', () => {
    assert.deepEqual(tokenize("'open").map((t) => t.kind), ['string']);
    assert.deepEqual(tokenize('"open').map((t) => t.value), ['open']);
    assert.deepEqual(tokenize('a /* open').map((t) => t.value), ['a']);
  });
});

describe('parseCreateTable', () => {
  it('reads named and unnamed constraints at table and column level', () => {
    const sql = stored(`CREATE TABLE t (
      id INTEGER CONSTRAINT "pk t" PRIMARY KEY,
      email TEXT NOT NULL CONSTRAINT uq_email UNIQUE,
      code TEXT UNIQUE,
      qty INT CONSTRAINT qty_nn NOT NULL CHECK (qty >= 0) CONSTRAINT qty_max CHECK (qty < 100),
      a INT, b INT,
      CONSTRAINT "uq a,b" UNIQUE (a, "b"),
      UNIQUE (b COLLATE nocase DESC),
      CHECK (a <> b)
    )`, 't');
    const t = parseCreateTable(sql);
    assert.deepEqual(t.primaryKey, { name: 'pk t', columns: ['id'] });
    assert.deepEqual(t.uniques, [
      { name: 'uq_email', columns: ['email'] },
      { name: null, columns: ['code'] },
      { name: 'uq a,b', columns: ['a', 'b'] },
      { name: null, columns: ['b'] },
    ]);
    // the name before NOT NULL belongs to NOT NULL, not to the CHECK after it
    assert.deepEqual(t.checks, [
      { name: null, expression: 'qty >= 0' },
      { name: 'qty_max', expression: 'qty < 100' },
      { name: null, expression: 'a <> b' },
    ]);
    assert.equal(t.withoutRowid, false);
  });

  it('keeps CHECK expressions verbatim, with nested parentheses, strings holding ) and comments', () => {
    const sql = stored(`CREATE TABLE t (
      s TEXT, -- a comment with ( and 'quote
      CONSTRAINT [odd (name)] CHECK ((length(s) > 2) AND s NOT IN ('a)', 'b''(')) /* ) */,
      CHECK (s <> 'check')
    )`, 't');
    assert.deepEqual(parseCreateTable(sql).checks, [
      { name: 'odd (name)', expression: "(length(s) > 2) AND s NOT IN ('a)', 'b''(')" },
      { name: null, expression: "s <> 'check'" },
    ]);
  });

  it('does not mistake keywords inside quoted names or types for clauses', () => {
    const sql = stored(`CREATE TABLE "check" (
      "unique" INT, "primary key" TEXT, "constraint" INT DEFAULT 0, [check] "weird type",
      \`references\` INT CHECK ("unique" > 0)
    )`, 'check');
    const t = parseCreateTable(sql);
    assert.equal(t.primaryKey, null);
    assert.deepEqual(t.uniques, []);
    assert.deepEqual(t.checks, [{ name: null, expression: '"unique" > 0' }]);
    assert.deepEqual(t.foreignKeys, []);
  });

  it('reads foreign keys with DEFERRABLE in every spelling', () => {
    const setup = 'CREATE TABLE p (id INTEGER PRIMARY KEY, k INT UNIQUE, l INT, UNIQUE (k, l))';
    const sql = stored(`CREATE TABLE c (
      a INT REFERENCES p (id) ON DELETE CASCADE NOT NULL DEFERRABLE INITIALLY DEFERRED,
      b INT CONSTRAINT fk_b REFERENCES P ON UPDATE SET NULL,
      k INT, l INT,
      CONSTRAINT "fk k,l" FOREIGN KEY (k, "l") REFERENCES "p" (k, l) MATCH SIMPLE ON DELETE NO ACTION DEFERRABLE,
      FOREIGN KEY (k) REFERENCES p (k) NOT DEFERRABLE INITIALLY DEFERRED,
      FOREIGN KEY (l) REFERENCES p (id) DEFERRABLE INITIALLY IMMEDIATE
    )`, 'c', setup);
    assert.deepEqual(parseCreateTable(sql).foreignKeys, [
      { name: null, columns: ['a'], referredTable: 'p', referredColumns: ['id'], deferrable: true, initiallyDeferred: true },
      { name: 'fk_b', columns: ['b'], referredTable: 'P', referredColumns: null, deferrable: false, initiallyDeferred: false },
      { name: 'fk k,l', columns: ['k', 'l'], referredTable: 'p', referredColumns: ['k', 'l'], deferrable: true, initiallyDeferred: false },
      { name: null, columns: ['k'], referredTable: 'p', referredColumns: ['k'], deferrable: false, initiallyDeferred: false },
      { name: null, columns: ['l'], referredTable: 'p', referredColumns: ['id'], deferrable: true, initiallyDeferred: false },
    ]);
  });

  it('gives a DEFERRABLE written on a later column to the last foreign key, as SQLite does', () => {
    const sql = stored('CREATE TABLE c (m INT REFERENCES p, n INT DEFERRABLE INITIALLY DEFERRED)', 'c', 'CREATE TABLE p (id INTEGER PRIMARY KEY)');
    assert.deepEqual(parseCreateTable(sql).foreignKeys.map((f) => [f.columns, f.deferrable, f.initiallyDeferred]), [[['m'], true, true]]);
  });

  it('reads constraints written without commas between them, and table options', () => {
    const sql = stored('CREATE TABLE t (a INT, b INT, PRIMARY KEY (a) UNIQUE (b) CONSTRAINT c1 CHECK (b > 0)) WITHOUT ROWID, STRICT', 't');
    const t = parseCreateTable(sql);
    assert.deepEqual(t.primaryKey, { name: null, columns: ['a'] });
    assert.deepEqual(t.uniques, [{ name: null, columns: ['b'] }]);
    assert.deepEqual(t.checks, [{ name: 'c1', expression: 'b > 0' }]);
    assert.equal(t.withoutRowid, true);
  });

  it('skips DEFAULT values and generated columns without losing its place, and reads conflict clauses', () => {
    const sql = stored(`CREATE TABLE t (
      a INT DEFAULT -1 CONSTRAINT ck_a CHECK (a <> 0),
      b TEXT DEFAULT 'x CHECK (1)' COLLATE nocase UNIQUE ON CONFLICT REPLACE,
      c INT DEFAULT (1 + 1) NOT NULL ON CONFLICT FAIL,
      d INT GENERATED ALWAYS AS (a * 2) STORED CHECK (d > -10),
      e DEFAULT CURRENT_TIMESTAMP PRIMARY KEY ASC ON CONFLICT ABORT
    )`, 't');
    const t = parseCreateTable(sql);
    assert.deepEqual(t.checks, [{ name: 'ck_a', expression: 'a <> 0' }, { name: null, expression: 'd > -10' }]);
    assert.deepEqual(t.uniques, [{ name: null, columns: ['b'], onConflict: 'REPLACE' }]);
    assert.deepEqual(t.primaryKey, { name: null, columns: ['e'], onConflict: 'ABORT' });
  });

  it('reads the ON CONFLICT clauses of table-level keys and unique constraints (a CHECK\'s, which SQLite ignores, is skipped)', () => {
    const sql = stored(`CREATE TABLE t (
      a INT NOT NULL, b INT NOT NULL, c TEXT,
      CONSTRAINT pk_t PRIMARY KEY (a, b) on conflict ignore,
      UNIQUE (c) ON CONFLICT ROLLBACK CHECK (a > 0) ON CONFLICT REPLACE, UNIQUE (b, c)
    )`, 't');
    const t = parseCreateTable(sql);
    assert.deepEqual(t.primaryKey, { name: 'pk_t', columns: ['a', 'b'], onConflict: 'IGNORE' });
    assert.deepEqual(t.uniques, [{ name: null, columns: ['c'], onConflict: 'ROLLBACK' }, { name: null, columns: ['b', 'c'] }]);
    assert.deepEqual(t.checks, [{ name: null, expression: 'a > 0' }]);
  });

  it('follows what SQLite writes back after RENAME TABLE, RENAME COLUMN and ADD COLUMN', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE "a b" (id INTEGER, x TEXT CHECK (x <> ''), CONSTRAINT "pk" PRIMARY KEY (id));
      ALTER TABLE "a b" RENAME TO "Ä  B";`);
    db.exec('ALTER TABLE "Ä  B" RENAME COLUMN x TO "x ""y"""');
    db.exec('ALTER TABLE "Ä  B" ADD COLUMN z INT CONSTRAINT z_pos CHECK (z > 0) REFERENCES "Ä  B" (id)');
    const sql = (db.prepare('SELECT sql FROM sqlite_master').get() as { sql: string }).sql;
    db.close();
    const t = parseCreateTable(sql);
    assert.deepEqual(t.primaryKey, { name: 'pk', columns: ['id'] });
    assert.deepEqual(t.checks, [{ name: null, expression: '"x ""y""" <> \'\'' }, { name: 'z_pos', expression: 'z > 0' }]);
    assert.deepEqual(t.foreignKeys.map((f) => [f.columns, f.referredTable]), [[['z'], 'Ä  B']]);
  });

  it('gives nothing for a text it cannot read, rather than throwing', () => {
    assert.deepEqual(parseCreateTable('nonsense'), { primaryKey: null, uniques: [], checks: [], foreignKeys: [], columns: [], withoutRowid: false, strict: false, autoincrement: false });
  });

  it('reads the COLLATE and the generated expression of each column that has them, in any quoting and order', () => {
    const sql = stored(`CREATE TABLE t (
      a INT,
      "b b" TEXT COLLATE nocase NOT NULL,
      c TEXT collate "RTRIM" COLLATE [binary],
      d INT NOT NULL GENERATED ALWAYS AS ( a * (a + 1) ) STORED,
      e AS (upper("b b")) CONSTRAINT ck_e CHECK (e <> 'AS (x)'),
      f TEXT COLLATE NOCASE GENERATED ALWAYS AS ('x' || c) VIRTUAL UNIQUE,
      "class" TEXT DEFAULT 'as',
      g TEXT /* AS (no) */ DEFAULT (CAST(1 AS TEXT))
    )`, 't');
    const t = parseCreateTable(sql);
    assert.deepEqual(t.columns, [
      { name: 'b b', collation: 'nocase', generated: null },
      { name: 'c', collation: 'binary', generated: null },
      { name: 'd', collation: null, generated: 'a * (a + 1)' },
      { name: 'e', collation: null, generated: 'upper("b b")' },
      { name: 'f', collation: 'NOCASE', generated: "'x' || c" },
    ]);
    assert.deepEqual(t.checks, [{ name: 'ck_e', expression: "e <> 'AS (x)'" }]);
    assert.deepEqual(t.uniques, [{ name: null, columns: ['f'] }]);
  });
});

describe('parseCreateIndex', () => {
  const setup = 'CREATE TABLE "t t" (a INT, "b c" TEXT, e TEXT)';

  it('reads plain column elements and a partial predicate', () => {
    const sql = stored('CREATE UNIQUE INDEX IF NOT EXISTS "ix ""q""" ON "t t" (a ASC, "b c") WHERE a > 0 AND "b c" <> \'where\'', 'ix "q"', setup);
    assert.deepEqual(parseCreateIndex(sql), {
      unique: true,
      elements: [{ text: 'a ASC', column: 'a' }, { text: '"b c"', column: 'b c' }],
      where: 'a > 0 AND "b c" <> \'where\'',
    });
  });

  it('keeps expressions, COLLATE and DESC elements as written', () => {
    const sql = stored('CREATE INDEX ix ON "t t" (lower(e), a DESC, "b c" COLLATE nocase, (a + 1) /* c */)', 'ix', setup);
    assert.deepEqual(parseCreateIndex(sql), {
      unique: false,
      elements: [
        { text: 'lower(e)', column: null },
        { text: 'a DESC', column: null },
        { text: '"b c" COLLATE nocase', column: null },
        { text: '(a + 1)', column: null },
      ],
      where: null,
    });
  });
});

describe('parseCreateView', () => {
  it('gives the SELECT after the top-level AS', () => {
    const sql = stored('CREATE VIEW IF NOT EXISTS "v as" (x, "as") AS SELECT a AS x, 1 AS "as" FROM t', 'v as', 'CREATE TABLE t (a)');
    assert.equal(parseCreateView(sql), 'SELECT a AS x, 1 AS "as" FROM t');
  });
});
