import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare } from '../../src/autogenerate/compare.js';
import { findDestructiveChanges } from '../../src/autogenerate/destructive.js';
import { findRenameCandidates, resolveRenames } from '../../src/autogenerate/renames.js';
import { renderMigration, type RenderMigrationInput } from '../../src/autogenerate/render/migration.js';
import { AutogenerateError } from '../../src/errors/index.js';
import type { Operation } from '../../src/operations/operation.js';
import type { SchemaSnapshot } from '../../src/schema/snapshot.js';
import { testDialect } from '../helpers/compare-dialects.js';
import { blog, ck, col, enumType, expr, fk, ix, lit, pk, snapshot, t, table, uq } from '../helpers/snapshots.js';

const pg = testDialect('postgresql');
const header = { revision: 'a81c0e5f22d9', parents: ['3f2a9c1d7b04'], createdAt: '2026-11-21T10:15:00.000Z' } as const;

/** Renders the migration from `current` to `target` with the downgrade compared the other way. */
function migrate(target: SchemaSnapshot, current: SchemaSnapshot, message: string, extra: Partial<RenderMigrationInput> = {}): string {
  const upgradeOps = compare(target, current, { dialect: pg });
  const downgradeOps = compare(current, target, { dialect: pg });
  const destructive = findDestructiveChanges([...upgradeOps, ...downgradeOps], { dialect: pg });
  return renderMigration({ ...header, message, upgradeOps, downgradeOps, destructive, ...extra });
}

const commentTable = table('comment', [
  col('id', t.bigint, { nullable: false, autoincrement: true }),
  col('post_id', t.integer, { nullable: false }),
  col('author_id', t.integer),
  col('body', t.text, { nullable: false, comment: "what they said, 'verbatim'" }),
  col('score', t.numeric(5, 2), { default: lit(0) }),
  col('tags', { kind: 'array', of: t.string(30) }),
  col('search', t.custom('TSVECTOR')),
  col('created_at', { kind: 'datetime', timezone: true }, { nullable: false, default: expr('CURRENT_TIMESTAMP') }),
], {
  primaryKey: pk('pk_comment', ['id']),
  foreignKeys: [
    fk('fk_comment_author_id_user', ['author_id'], 'user', ['id'], { onDelete: 'SET NULL' }),
    fk('fk_comment_post_id_post', ['post_id'], 'post', ['id'], { onDelete: 'CASCADE' }),
  ],
  uniques: [uq('uq_comment_post_id_body', ['post_id', 'body'])],
  checks: [ck('ck_comment_score', 'score >= 0')],
  indexes: [ix('ix_comment_post_id', ['post_id']), ix('ix_comment_search', ['search'], { method: 'gin' })],
  comment: 'comments on posts',
});

describe('renderMigration', () => {
  it('a new table with FKs, uniques, checks and indexes', () => {
    const text = migrate({ ...blog(), tables: [...blog().tables, commentTable] }, blog(), 'add comment');
    assert.equal(text, `import type { Operations } from 'retort';
import { column, sql } from 'retort';

export const revision = 'a81c0e5f22d9';
export const parent = '3f2a9c1d7b04';
export const message = 'add comment';
export const createdAt = '2026-11-21T10:15:00.000Z';

export async function upgrade(op: Operations): Promise<void> {
  await op.createTable('comment', {
    id: column.bigInteger().notNull().autoincrement(),
    post_id: column.integer().notNull(),
    author_id: column.integer(),
    body: column.text().notNull().comment('what they said, \\'verbatim\\''),
    score: column.numeric(5, 2).serverDefault(0),
    tags: column.array(column.string(30)),
    search: column.custom('TSVECTOR'),
    created_at: column.dateTime({ timezone: true }).notNull().serverDefault(sql\`CURRENT_TIMESTAMP\`),
  }, {
    primaryKey: { name: 'pk_comment', columns: ['id'] },
    foreignKeys: [
      {
        name: 'fk_comment_author_id_user',
        columns: ['author_id'],
        referredTable: 'user',
        referredColumns: ['id'],
        onDelete: 'SET NULL',
      },
      {
        name: 'fk_comment_post_id_post',
        columns: ['post_id'],
        referredTable: 'post',
        referredColumns: ['id'],
        onDelete: 'CASCADE',
      },
    ],
    uniques: [{ name: 'uq_comment_post_id_body', columns: ['post_id', 'body'] }],
    checks: [{ name: 'ck_comment_score', expression: 'score >= 0' }],
    indexes: [
      { name: 'ix_comment_post_id', columns: ['post_id'] },
      { name: 'ix_comment_search', columns: ['search'], method: 'gin' },
    ],
    comment: 'comments on posts',
  });
}

export async function downgrade(op: Operations): Promise<void> {
  // WARNING: destructive: drops table comment and all its rows
  await op.dropTable('comment');
}
`);
  });

  it('an added column and index', () => {
    const target = { ...blog(), tables: blog().tables.map((x) => (x.name === 'post'
      ? { ...x, columns: [...x.columns, col('summary', t.string(300))], indexes: [...x.indexes, ix('ix_post_title', ['title'], { unique: true })] }
      : x)) };
    assert.equal(migrate(target, blog(), 'add post summary'), `import type { Operations } from 'retort';
import { column } from 'retort';

export const revision = 'a81c0e5f22d9';
export const parent = '3f2a9c1d7b04';
export const message = 'add post summary';
export const createdAt = '2026-11-21T10:15:00.000Z';

export async function upgrade(op: Operations): Promise<void> {
  await op.addColumn('post', 'summary', column.string(300));
  await op.createIndex('ix_post_title', 'post', ['title'], { unique: true });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropIndex('ix_post_title', 'post');
  // WARNING: destructive: drops column post.summary and its data
  await op.dropColumn('post', 'summary');
}
`);
  });

  it('an index with INCLUDE columns and NULLS NOT DISTINCT', () => {
    const covering = ix('ix_post_author_id', ['author_id'], { unique: true, include: ['title', 'id'], nullsNotDistinct: true });
    const target = { ...blog(), tables: blog().tables.map((x) => (x.name === 'post' ? { ...x, indexes: [covering] } : x)) };
    const text = migrate(target, blog(), 'covering index');
    assert.equal(text.slice(text.indexOf('export async function upgrade')), `export async function upgrade(op: Operations): Promise<void> {
  await op.dropIndex('ix_post_author_id', 'post');
  await op.createIndex('ix_post_author_id', 'post', ['author_id'], {
    unique: true,
    include: ['title', 'id'],
    nullsNotDistinct: true,
  });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropIndex('ix_post_author_id', 'post');
  await op.createIndex('ix_post_author_id', 'post', ['author_id']);
}
`);
  });

  it('a changed ON CONFLICT clause (SQLite): the unique constraint dropped and created with onConflict, and back', () => {
    const sqlite = testDialect('sqlite');
    const target = { ...blog(), tables: blog().tables.map((x) => (x.name === 'user' ? { ...x, uniques: [{ ...uq('uq_user_email', ['email']), onConflict: 'REPLACE' as const }] } : x)) };
    const upgradeOps = compare(target, blog(), { dialect: sqlite });
    const downgradeOps = compare(blog(), target, { dialect: sqlite });
    const text = renderMigration({ ...header, message: 'replace duplicates', upgradeOps, downgradeOps });
    assert.equal(text.slice(text.indexOf('export async function upgrade')), `export async function upgrade(op: Operations): Promise<void> {
  await op.dropUnique('uq_user_email', 'user');
  await op.createUnique('uq_user_email', 'user', ['email'], { onConflict: 'REPLACE' });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropUnique('uq_user_email', 'user');
  await op.createUnique('uq_user_email', 'user', ['email']);
}
`);
  });

  it('a rename: decided, it is a renameColumn; undecided, drop + add with a NOTE', async () => {
    const target = { ...blog(), tables: blog().tables.map((x) => (x.name === 'post'
      ? { ...x, columns: x.columns.map((c) => (c.name === 'body' ? { ...c, name: 'content' } : c)) }
      : x)) };
    const renames = { columns: [{ table: 'post', from: 'body', to: 'content' }] };
    const upgradeOps = compare(target, blog(), { dialect: pg, renames });
    const downgradeOps = compare(blog(), target, { dialect: pg, renames: { columns: [{ table: 'post', from: 'content', to: 'body' }] } });
    assert.equal(renderMigration({ ...header, message: 'rename body', upgradeOps, downgradeOps }), `import type { Operations } from 'retort';

export const revision = 'a81c0e5f22d9';
export const parent = '3f2a9c1d7b04';
export const message = 'rename body';
export const createdAt = '2026-11-21T10:15:00.000Z';

export async function upgrade(op: Operations): Promise<void> {
  await op.renameColumn('post', 'body', 'content');
}

export async function downgrade(op: Operations): Promise<void> {
  await op.renameColumn('post', 'content', 'body');
}
`);

    const { unresolved } = await resolveRenames(findRenameCandidates(target, blog(), { dialect: pg }));
    const text = migrate(target, blog(), 'rename body', { renameCandidates: unresolved });
    assert.match(text, /export async function upgrade\(op: Operations\): Promise<void> \{\n {2}\/\/ NOTE: "body" -> "content" looked like a rename; generated as drop \+ add\. Re-run with --rename post\.body:content to keep the data\.\n {2}await op\.addColumn\('post', 'content', column\.text\(\)\);\n {2}\/\/ WARNING: destructive: drops column post\.body and its data\n {2}await op\.dropColumn\('post', 'body'\);\n\}/);
  });

  it('an enum value, in a merge revision run outside a transaction', () => {
    const before = snapshot([], [enumType('post_status', ['draft', 'published'])]);
    const after = snapshot([], [enumType('post_status', ['draft', 'review', 'published'])]);
    const text = migrate(after, before, 'review status', { parents: ['3f2a9c1d7b04', 'bbbbbbbbbbbb'], transaction: false, branchLabels: ['statuses'] });
    assert.equal(text, `import type { Operations } from 'retort';

export const revision = 'a81c0e5f22d9';
export const parent = ['3f2a9c1d7b04', 'bbbbbbbbbbbb'];
export const message = 'review status';
export const createdAt = '2026-11-21T10:15:00.000Z';
export const branchLabels = ['statuses'];
export const transaction = false;

export async function upgrade(op: Operations): Promise<void> {
  await op.addEnumValue('post_status', 'review', { after: 'draft' });
}

export async function downgrade(op: Operations): Promise<void> {
  // WARNING: destructive: drops value 'review' of enum post_status: rows holding it cannot keep it
  await op.dropEnumValue('post_status', 'review');
}
`);
  });

  it('a dropped table, with the whole table in the downgrade', () => {
    const tag = table('tag', [col('id', t.integer, { nullable: false }), col('label', t.string(50), { nullable: false, default: lit("it's") })], {
      primaryKey: pk('pk_tag', ['id']),
      uniques: [uq('uq_tag_label', ['label'])],
      indexes: [ix('ix_tag_lower_label', [], { expressions: ['lower(label)'] })],
    });
    const upgradeOps = compare(snapshot([]), snapshot([tag]), { dialect: pg });
    const drop = upgradeOps[0];
    assert.ok(drop?.kind === 'dropTable' && drop.table !== undefined);
    const downgradeOps: Operation[] = [{ kind: 'createTable', table: drop.table }];
    const text = renderMigration({
      revision: '0123456789ab', parents: [], message: 'drop tag', createdAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
      upgradeOps, downgradeOps, destructive: findDestructiveChanges(upgradeOps, { dialect: pg }), dependsOn: ['fedcba987654'],
    });
    assert.equal(text, `import type { Operations } from 'retort';
import { column } from 'retort';

export const revision = '0123456789ab';
export const parent = null;
export const message = 'drop tag';
export const createdAt = '2026-01-02T03:04:05.000Z';
export const dependsOn = ['fedcba987654'];

export async function upgrade(op: Operations): Promise<void> {
  // WARNING: destructive: drops table tag and all its rows
  await op.dropTable('tag');
}

export async function downgrade(op: Operations): Promise<void> {
  await op.createTable('tag', {
    id: column.integer().notNull(),
    label: column.string(50).notNull().serverDefault('it\\'s'),
  }, {
    primaryKey: { name: 'pk_tag', columns: ['id'] },
    uniques: [{ name: 'uq_tag_label', columns: ['label'] }],
    indexes: [{ name: 'ix_tag_lower_label', columns: [], expressions: ['lower(label)'] }],
  });
}
`);
  });

  it('no changes is still a valid file', () => {
    const text = renderMigration({ ...header, message: 'empty', upgradeOps: [], downgradeOps: [], warnings: [] });
    assert.match(text, /upgrade\(op: Operations\): Promise<void> \{\n {2}\/\/ no changes\n\}/);
    assert.doesNotMatch(text, /import \{/);
  });

  it('odd names, warnings, schemas and long calls', () => {
    const ops: Operation[] = [
      { kind: 'addColumn', schema: 'app', table: 'odd table', column: col("it's\nodd", t.string(10), { default: expr('`x` || ${y}') }) },
      { kind: 'createTable', table: table('x', [col('user id', t.integer), col('class', t.integer), col('1st', t.integer)], { schema: 'app' }) },
      {
        kind: 'addForeignKey', schema: null, table: 'a_table_with_a_long_name',
        foreignKey: fk('fk_a_table_with_a_long_name_other_id_other_table', ['other_id'], 'other_table', ['id'], { onDelete: 'CASCADE', deferrable: true }),
      },
    ];
    const text = renderMigration({ ...header, message: 'odd', upgradeOps: ops, downgradeOps: [], warnings: ['enum s: values\nreordered'] });
    assert.equal(text.split('\n').slice(8, 29).join('\n'), `export async function upgrade(op: Operations): Promise<void> {
  // WARNING: enum s: values reordered
  await op.addColumn(
    'odd table',
    'it\\'s\\nodd',
    column.string(10).serverDefault(sql\`\\\`x\\\` || \\\${y}\`),
    { schema: 'app' },
  );
  await op.createTable('x', {
    'user id': column.integer(),
    class: column.integer(),
    '1st': column.integer(),
  }, { schema: 'app' });
  await op.createForeignKey(
    'fk_a_table_with_a_long_name_other_id_other_table',
    'a_table_with_a_long_name',
    ['other_id'],
    'other_table',
    ['id'],
    { onDelete: 'CASCADE', deferrable: true },
  );`);
    for (const line of text.split('\n')) if (!line.trimStart().startsWith('//')) assert.ok(line.length <= 120, line);
  });

  it('unnamed constraints render with name: null; types without a builder use the dialect', () => {
    const ops: Operation[] = [{
      kind: 'createTable',
      table: table('a', [col('id', t.integer, { nullable: false }), col('h', { kind: 'binary', length: 16 })], {
        primaryKey: pk(null, ['id']), uniques: [uq(null, ['h'])],
      }),
    }];
    const withDialect = renderMigration({ ...header, message: 'x', upgradeOps: ops, downgradeOps: [], dialect: pg });
    assert.match(withDialect, /h: column\.custom\('BINARY\(16\)'\),/);
    assert.match(withDialect, /primaryKey: \{ name: null, columns: \['id'\] \},\n {4}uniques: \[\{ name: null, columns: \['h'\] \}\],/);
    assert.match(renderMigration({ ...header, message: 'x', upgradeOps: ops, downgradeOps: [] }), /h: column\.largeBinary\(\),/);
  });

  it('alterColumn takes the schema as a trailing option; execute keeps its reverse SQL', () => {
    const ops: Operation[] = [
      { kind: 'alterColumn', schema: 'app', table: 'post', name: 'title', changes: { nullable: false }, previous: { nullable: true } },
      { kind: 'execute', sql: 'UPDATE post SET n = 1', reverseSql: 'UPDATE post SET n = 0' },
    ];
    const text = renderMigration({ ...header, message: 'x', upgradeOps: ops, downgradeOps: [] });
    assert.match(text, /await op\.alterColumn\('post', 'title', \{ nullable: false \}, \{ schema: 'app' \}\);/);
    assert.match(text, /await op\.execute\('UPDATE post SET n = 1', \{ reverseSql: 'UPDATE post SET n = 0' \}\);/);
  });

  it('refuses ids that are not revisions', () => {
    assert.throws(() => renderMigration({ ...header, revision: 'nope', message: 'x', upgradeOps: [], downgradeOps: [] }),
      (e: unknown) => e instanceof AutogenerateError && e.code === 'REVISION_INVALID');
  });
});
