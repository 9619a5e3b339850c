import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { maskUrlText } from '../../src/engine/url-mask.js';
import { DatabaseUrl, UnknownDialectError, UrlError, parseUrl } from '../../src/index.js';

interface Good {
  readonly text: string;
  readonly dialect: string;
  readonly scheme?: string;
  readonly username?: string | null;
  readonly password?: string | null;
  readonly host?: string | null;
  readonly port?: number | null;
  readonly database?: string | null;
  readonly query?: Record<string, string>;
  /** What toString() gives back (the password masked). */
  readonly shown: string;
}

const good: readonly Good[] = [
  {
    text: 'postgresql://user:pass@host:5432/db?application_name=api&sslmode=disable',
    dialect: 'postgresql',
    username: 'user',
    password: 'pass',
    host: 'host',
    port: 5432,
    database: 'db',
    query: { application_name: 'api', sslmode: 'disable' },
    shown: 'postgresql://user:***@host:5432/db?application_name=api&sslmode=disable',
  },
  { text: 'postgres://u@h/d', dialect: 'postgresql', scheme: 'postgres', username: 'u', password: null, port: null, database: 'd', shown: 'postgres://u@h/d' },
  { text: 'postgresql://h', dialect: 'postgresql', username: null, host: 'h', database: null, shown: 'postgresql://h' },
  { text: 'mysql://root@127.0.0.1:3306/test', dialect: 'mysql', username: 'root', host: '127.0.0.1', port: 3306, database: 'test', shown: 'mysql://root@127.0.0.1:3306/test' },
  { text: 'mariadb://root:pw@localhost/app', dialect: 'mysql', scheme: 'mariadb', password: 'pw', shown: 'mariadb://root:***@localhost/app' },
  {
    text: 'postgresql://us%40er:p%40ss%3Aw%2Frd@db.example.com:6543/my%20db',
    dialect: 'postgresql',
    username: 'us@er',
    password: 'p@ss:w/rd',
    host: 'db.example.com',
    port: 6543,
    database: 'my db',
    shown: 'postgresql://us%40er:***@db.example.com:6543/my%20db',
  },
  { text: 'postgresql://u:p@[::1]:5432/d', dialect: 'postgresql', host: '::1', port: 5432, shown: 'postgresql://u:***@[::1]:5432/d' },
  { text: 'postgresql://u:@h/d', dialect: 'postgresql', password: '', shown: 'postgresql://u:***@h/d' },
  { text: 'sqlite:///relative.db', dialect: 'sqlite', host: null, database: 'relative.db', shown: 'sqlite:///relative.db' },
  { text: 'sqlite:///dir/sub/app.db', dialect: 'sqlite', database: 'dir/sub/app.db', shown: 'sqlite:///dir/sub/app.db' },
  { text: 'sqlite:////absolute/path.db', dialect: 'sqlite', database: '/absolute/path.db', shown: 'sqlite:////absolute/path.db' },
  { text: 'sqlite:///my%20file.db', dialect: 'sqlite', database: 'my file.db', shown: 'sqlite:///my%20file.db' },
  { text: 'sqlite://:memory:', dialect: 'sqlite', database: ':memory:', shown: 'sqlite://:memory:' },
  { text: 'sqlite://', dialect: 'sqlite', database: ':memory:', shown: 'sqlite://:memory:' },
  { text: 'sqlite:///:memory:', dialect: 'sqlite', database: ':memory:', shown: 'sqlite://:memory:' },
  { text: 'SQLite:///x.db?mode=ro', dialect: 'sqlite', scheme: 'SQLite', database: 'x.db', query: { mode: 'ro' }, shown: 'SQLite:///x.db?mode=ro' },
];

describe('parseUrl: good URLs', () => {
  for (const g of good) {
    it(g.text, () => {
      const url = parseUrl(g.text);
      assert.ok(url instanceof DatabaseUrl);
      assert.equal(url.dialect, g.dialect);
      assert.equal(url.scheme, g.scheme ?? g.text.slice(0, g.text.indexOf(':')));
      if (g.username !== undefined) assert.equal(url.username, g.username);
      if (g.password !== undefined) assert.equal(url.revealPassword(), g.password);
      if (g.host !== undefined) assert.equal(url.host, g.host);
      if (g.port !== undefined) assert.equal(url.port, g.port);
      if (g.database !== undefined) assert.equal(url.database, g.database);
      assert.deepEqual({ ...url.query }, g.query ?? {});
      assert.equal(url.toString(), g.shown);
      // the unmasked form parses back to the same URL
      const again = parseUrl(url.toUnmaskedString());
      assert.equal(again.toString(), url.toString());
      assert.equal(again.revealPassword(), url.revealPassword());
    });
  }
});

interface Bad {
  readonly text: string;
  readonly error: typeof UrlError | typeof UnknownDialectError;
  readonly message: RegExp;
}

const bad: readonly Bad[] = [
  { text: '', error: UrlError, message: /empty database URL/ },
  { text: 'user:hunter22@host/db', error: UrlError, message: /no scheme/ },
  { text: 'localhost:5432/db', error: UrlError, message: /no scheme/ },
  { text: 'postgresql://u:hunter22@h:abc/db', error: UrlError, message: /bad port/ },
  { text: 'postgresql://u:hunter22@h:70000/db', error: UrlError, message: /bad port/ },
  { text: 'postgresql://u:hunter22@h:0/db', error: UrlError, message: /bad port/ },
  { text: 'postgresql://u:hunter22@/db', error: UrlError, message: /missing host/ },
  { text: 'mysql:///db', error: UrlError, message: /missing host/ },
  { text: 'postgresql://u:hunter%zz@h/db', error: UrlError, message: /malformed percent-encoding in the password/ },
  { text: 'sqlite://host/path.db', error: UrlError, message: /have no host/ },
  { text: 'sqlite:///', error: UrlError, message: /missing file path/ },
  { text: 'oracle://scott:hunter22@h/db', error: UnknownDialectError, message: /unknown dialect "oracle": known dialects are postgresql \(postgres\), mysql \(mariadb\), sqlite/ },
];

describe('parseUrl: bad URLs', () => {
  for (const b of bad) {
    it(b.text || '(empty)', () => {
      assert.throws(
        () => parseUrl(b.text),
        (e: unknown) => {
          assert.ok(e instanceof b.error, `expected ${b.error.name}, got ${String(e)}`);
          assert.match(e.message, b.message);
          assert.doesNotMatch(e.message, /hunter/, 'the message shows the password');
          return true;
        },
      );
    });
  }

  it('names the masked URL in the message', () => {
    assert.throws(() => parseUrl('postgresql://app:hunter22@db:99999/x'), { message: /postgresql:\/\/app:\*\*\*@db:99999\/x/ });
  });
});

describe('DatabaseUrl: the password never shows', () => {
  const url = parseUrl('postgresql://app:hunter22@db.local:5432/app');

  it('in toString, template strings and JSON', () => {
    assert.equal(`${url}`, 'postgresql://app:***@db.local:5432/app');
    assert.equal(JSON.stringify({ url }), '{"url":"postgresql://app:***@db.local:5432/app"}');
  });

  it('in util.inspect and console formatting, even nested and with showHidden', () => {
    for (const text of [inspect(url), inspect({ nested: [url] }, { depth: 5 }), inspect(url, { showHidden: true })]) {
      assert.doesNotMatch(text, /hunter22/);
      assert.match(text, /app:\*\*\*@db\.local/);
    }
  });

  it('in its own enumerable properties', () => {
    assert.doesNotMatch(JSON.stringify(Object.entries(url)), /hunter22/);
    assert.doesNotMatch(JSON.stringify({ ...url }), /hunter22/);
  });

  it('is given back on purpose only', () => {
    assert.equal(url.revealPassword(), 'hunter22');
    assert.equal(url.hasPassword, true);
    assert.equal(url.toUnmaskedString(), 'postgresql://app:hunter22@db.local:5432/app');
  });

  it('with() copies, keeping the password unless replaced', () => {
    const copy = url.with({ database: 'other' });
    assert.equal(copy.database, 'other');
    assert.equal(url.database, 'app');
    assert.equal(copy.revealPassword(), 'hunter22');
    assert.equal(url.with({ password: null }).toString(), 'postgresql://app@db.local:5432/app');
    assert.ok(Object.isFrozen(copy));
  });

  it('maskUrlText hides the password of text that does not even parse', () => {
    assert.equal(maskUrlText('postgresql://u:pa/ss@h/db'), 'postgresql://u:***@h/db');
    assert.equal(maskUrlText('u:secret@h'), 'u:***@h');
    assert.equal(maskUrlText('sqlite:///a@b.db'), 'sqlite:///a@b.db');
    assert.equal(maskUrlText('mysql://root@h/db'), 'mysql://root@h/db');
  });
});
