// Databases for the benchmarks: which servers answer, fresh databases, and bulk loading of DDL
// with the raw drivers (loading is not what is measured).
import { join } from 'node:path';

const PG = process.env.RETORT_TEST_POSTGRESQL_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const MY = process.env.RETORT_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function pgClient(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function myConnection(url) {
  const { default: mysql } = await import('mysql2/promise');
  return mysql.createConnection({ uri: url, multipleStatements: true });
}

/** The dialects to benchmark: BENCH_DIALECTS, or every one whose server answers (SQLite always). */
export async function dialectsUnderTest() {
  if (process.env.BENCH_DIALECTS) return process.env.BENCH_DIALECTS.split(',');
  const out = ['sqlite'];
  try {
    const c = await pgClient(PG);
    await c.end();
    out.unshift('postgresql');
  } catch {
    console.log('bench: no PostgreSQL server at', PG, '- skipping it');
  }
  try {
    const c = await myConnection(MY);
    await c.end();
    out.push('mysql');
  } catch {
    console.log('bench: no MySQL server at', MY, '- skipping it');
  }
  return out;
}

/** A new empty database; `drop()` removes it. */
export async function freshDatabase(dialect, label, tmpDir) {
  const name = `rt_bench_${label}_${process.pid}`;
  if (dialect === 'sqlite') {
    const file = join(tmpDir, `${name}.db`);
    return { url: `sqlite:///${file}`, drop: async () => undefined };
  }
  if (dialect === 'postgresql') {
    const admin = await pgClient(PG);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return {
      url: withDatabase(PG, name),
      drop: async () => {
        const c = await pgClient(PG);
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const admin = await myConnection(MY);
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: withDatabase(MY, name),
    drop: async () => {
      const c = await myConnection(MY);
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}

/** Runs DDL statements in bulk with the raw driver. */
export async function loadStatements(dialect, url, statements) {
  if (dialect === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(new URL(url).pathname.replace(/^\/\//, '/'));
    db.exec(statements.join(';\n'));
    db.close();
    return;
  }
  if (dialect === 'postgresql') {
    const c = await pgClient(url);
    await c.query(statements.join(';\n'));
    await c.end();
    return;
  }
  const c = await myConnection(url);
  for (let i = 0; i < statements.length; i += 200) await c.query(statements.slice(i, i + 200).join(';\n'));
  await c.end();
}
