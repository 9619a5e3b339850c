import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import type { DdlCompiler } from '../../src/engine/dialect.js';
import { createEngine, getDialect, listDialects, mysqlDialect, OperationError, parseUrl, postgresDialect, registerDialect, sqliteDialect, UnknownDialectError } from '../../src/index.js';
import { dialectInfo, loadDialect, registerDialectLoader } from '../../src/engine/registry.js';

describe('dialect registry', () => {
  it('finds the built-ins by name and alias, case-insensitively', () => {
    assert.deepEqual(listDialects().map((d) => d.name), ['postgresql', 'mysql', 'sqlite']);
    assert.equal(getDialect('postgres'), postgresDialect);
    assert.equal(getDialect('MariaDB'), mysqlDialect);
    assert.equal(getDialect('sqlite'), sqliteDialect);
    assert.throws(() => getDialect('oracle'), UnknownDialectError);
  });

  it('refuses a second dialect under a taken name', () => {
    assert.throws(() => registerDialect({ ...sqliteDialect, name: 'other', aliases: ['postgres'] }), { code: 'CONFIG_INVALID', message: /"postgres" already belongs to dialect "postgresql"/ });
    registerDialect(sqliteDialect); // the same object again is fine
  });

  it('the built-in loaders give the dialects themselves', async () => {
    assert.equal(await loadDialect('postgres'), postgresDialect);
    assert.equal(await loadDialect('mariadb'), mysqlDialect);
    assert.equal(await loadDialect('sqlite3'), sqliteDialect);
    await assert.rejects(loadDialect('oracle'), UnknownDialectError);
  });

  it('a dialect registered with a loader parses its URLs at once and is imported on first use', async () => {
    let loads = 0;
    const lazy = { ...sqliteDialect, name: 'lazydb', aliases: ['lazy'] };
    registerDialectLoader({ name: 'lazydb', aliases: ['lazy'], urlKind: 'file' }, async () => {
      loads++;
      return lazy;
    });
    registerDialectLoader({ name: 'lazydb', aliases: ['lazy'], urlKind: 'file' }, () => Promise.reject(new Error('not this one'))); // the same again: nothing
    assert.equal(parseUrl('LAZY:///x.db').dialect, 'lazydb');
    assert.deepEqual(dialectInfo('lazy'), { name: 'lazydb', aliases: ['lazy'], urlKind: 'file' });
    assert.throws(() => getDialect('lazydb'), { code: 'CONFIG_INVALID', message: /dialect "lazydb" is not loaded yet: await loadDialect\("lazydb"\) first/ });
    assert.throws(() => createEngine('lazy:///x.db'), { code: 'CONFIG_INVALID', message: /not loaded yet/ });
    assert.ok(!listDialects().includes(lazy));
    const [a, b] = await Promise.all([loadDialect('lazy'), loadDialect('LAZYDB')]);
    assert.equal(a, lazy);
    assert.equal(b, lazy);
    assert.equal(loads, 1);
    assert.equal(getDialect('lazy'), lazy);
    assert.equal(listDialects().at(-1), lazy);
    assert.throws(() => getDialect('nope'), { message: /known dialects are postgresql \(postgres\), mysql \(mariadb\), sqlite \(sqlite3\), lazydb \(lazy\)/ });
  });

  it('registering the dialect itself fills its loader; a loader giving another dialect is refused', async () => {
    const filled = { ...sqliteDialect, name: 'filleddb', aliases: [] };
    registerDialectLoader({ name: 'filleddb', aliases: [], urlKind: 'file' }, () => Promise.reject(new Error('never called')));
    registerDialect(filled);
    assert.equal(getDialect('filleddb'), filled);
    assert.equal(await loadDialect('filleddb'), filled);

    registerDialectLoader({ name: 'wrongdb', aliases: [], urlKind: 'file' }, async () => ({ ...sqliteDialect, name: 'other', aliases: [] }));
    await assert.rejects(loadDialect('wrongdb'), { code: 'CONFIG_INVALID', message: /the loader of dialect "wrongdb" gave dialect "other"/ });
    assert.throws(() => registerDialectLoader({ name: 'sqlite', aliases: ['lite'], urlKind: 'file' }, async () => sqliteDialect), { message: /"sqlite" already belongs to dialect "sqlite"/ });
  });
});

describe('placeholders', () => {
  it('PostgreSQL rewrites ? to $n outside literals and ?? to ?', () => {
    assert.equal(postgresDialect.prepareSql("SELECT ?, '?', data ?? 'k' FROM t WHERE a = ?", 2), "SELECT $1, '?', data ? 'k' FROM t WHERE a = $2");
    assert.equal(postgresDialect.prepareSql('SELECT 1', 0), 'SELECT 1');
  });

  it('MySQL and SQLite keep ?, and allow ?? only without parameters', () => {
    for (const d of [mysqlDialect, sqliteDialect]) {
      assert.equal(d.prepareSql('SELECT ?', 1), 'SELECT ?');
      assert.equal(d.prepareSql("SELECT '??' AS q, 1 ?? 2", 0), "SELECT '??' AS q, 1 ? 2");
      assert.throws(() => d.prepareSql('SELECT ?? , ?', 1), OperationError);
    }
  });
});

describe('quoting and literals', () => {
  it('quote identifiers, doubling the quote character', () => {
    assert.equal(postgresDialect.quoteIdentifier('we"ird'), '"we""ird"');
    assert.equal(sqliteDialect.quoteIdentifier('user'), '"user"');
    assert.equal(mysqlDialect.quoteIdentifier('we`ird'), '`we``ird`');
  });

  it('write literals in each dialect\'s spelling', () => {
    assert.equal(postgresDialect.literal("it's"), "'it''s'");
    assert.equal(postgresDialect.literal('a\\b'), "'a\\b'");
    assert.equal(mysqlDialect.literal('a\\b\'c'), "'a\\\\b''c'");
    assert.equal(postgresDialect.literal(true), 'TRUE');
    assert.equal(sqliteDialect.literal(false), '0');
    assert.equal(mysqlDialect.literal(12n), '12');
    assert.equal(sqliteDialect.literal(null), 'NULL');
    assert.equal(postgresDialect.literal(-1.5), '-1.5');
    assert.throws(() => postgresDialect.literal(Number.NaN), OperationError);
  });
});

describe('SQLite :memory:', () => {
  it('is one shared connection that keeps its data while the engine lives', async () => {
    const engine = createEngine('sqlite://:memory:', { pool: { max: 5, idleTimeoutMs: 10 } });
    try {
      await engine.execute('CREATE TABLE t (v INTEGER)');
      await Promise.all([1, 2, 3].map((v) => engine.execute('INSERT INTO t (v) VALUES (?)', [v])));
      await sleep(40);
      assert.deepEqual((await engine.execute('SELECT v FROM t ORDER BY v')).rows, [{ v: 1 }, { v: 2 }, { v: 3 }]);
      assert.equal(engine.pool.maxSeen, 1);
      assert.equal(engine.pool.created, 1);
    } finally {
      await engine.dispose();
    }
  });

  it('binds booleans, dates and objects, and runs several statements without parameters', async () => {
    const engine = createEngine('sqlite://');
    try {
      await engine.execute('CREATE TABLE a (x INTEGER); CREATE TABLE b (y TEXT);');
      const at = new Date('2024-01-02T03:04:05.000Z');
      const r = await engine.execute('INSERT INTO b (y) VALUES (?), (?), (?)', [true, at, { k: 1 }]);
      assert.equal(r.rowCount, 3);
      assert.equal(r.insertId, 3);
      assert.deepEqual((await engine.execute('SELECT y FROM b')).rows.map((row) => row.y), ['1', '2024-01-02T03:04:05.000Z', '{"k":1}']);
      assert.deepEqual((await engine.execute("PRAGMA foreign_keys")).rows, [{ foreign_keys: 1 }]);
    } finally {
      await engine.dispose();
    }
  });
});
