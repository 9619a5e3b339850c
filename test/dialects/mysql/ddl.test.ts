// Exact DDL text of the MySQL / MariaDB compiler (pure, no database).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mysqlDialect } from '../../../src/dialects/mysql/index.js';
import { OperationError } from '../../../src/errors/index.js';
import type { TypeSpec } from '../../../src/schema/type-spec.js';
import { ck, col, expr, fk, ix, lit, pk, table, uq } from '../../helpers/snapshots.js';

const ddl = mysqlDialect.ddl;
const throwsOp = (fn: () => unknown, message: RegExp): void => {
  assert.throws(fn, (e: unknown) => e instanceof OperationError && message.test(e.message), String(message));
};

describe('mysql DDL: CREATE TABLE', () => {
  it('writes every column type', () => {
    const types: [string, TypeSpec][] = [
      ['i', { kind: 'integer' }],
      ['iu', { kind: 'integer', unsigned: true }],
      ['si', { kind: 'smallint' }],
      ['bi', { kind: 'bigint', unsigned: true }],
      ['ti', { kind: 'tinyint' }],
      ['mi', { kind: 'mediumint' }],
      ['b', { kind: 'boolean' }],
      ['s', { kind: 'string', length: 50 }],
      ['c', { kind: 'char', length: 2 }],
      ['t', { kind: 'text' }],
      ['tt', { kind: 'tinytext' }],
      ['mt', { kind: 'mediumtext' }],
      ['lt', { kind: 'longtext' }],
      ['n', { kind: 'numeric', precision: 10, scale: 2 }],
      ['n0', { kind: 'numeric', precision: null, scale: null }],
      ['f', { kind: 'float' }],
      ['d', { kind: 'double' }],
      ['dt', { kind: 'date' }],
      ['tm', { kind: 'time', timezone: false, precision: 3 }],
      ['ts', { kind: 'datetime', timezone: false }],
      ['tz', { kind: 'datetime', timezone: true, precision: 6 }],
      ['j', { kind: 'json' }],
      ['jb', { kind: 'jsonb' }],
      ['u', { kind: 'uuid' }],
      ['bin', { kind: 'binary' }],
      ['bin16', { kind: 'binary', length: 16 }],
      ['ip', { kind: 'inet' }],
      ['e', { kind: 'enum', name: 'mood', values: ['ok', "it's", 'back\\slash'] }],
      ['arr', { kind: 'array', of: { kind: 'integer' } }],
      ['yr', { kind: 'custom', sql: 'YEAR' }],
    ];
    const t = table('every_type', types.map(([name, type]) => col(name, type)));
    assert.deepEqual(ddl.createTable(t), [
      'CREATE TABLE `every_type` (\n'
        + '  `i` INT,\n  `iu` INT UNSIGNED,\n  `si` SMALLINT,\n  `bi` BIGINT UNSIGNED,\n  `ti` TINYINT,\n  `mi` MEDIUMINT,\n'
        + '  `b` TINYINT(1),\n  `s` VARCHAR(50),\n  `c` CHAR(2),\n  `t` TEXT,\n  `tt` TINYTEXT,\n  `mt` MEDIUMTEXT,\n  `lt` LONGTEXT,\n'
        + '  `n` DECIMAL(10, 2),\n  `n0` DECIMAL,\n  `f` FLOAT,\n  `d` DOUBLE,\n  `dt` DATE,\n  `tm` TIME(3),\n  `ts` DATETIME,\n'
        + '  `tz` TIMESTAMP(6) NULL,\n  `j` JSON,\n  `jb` JSON,\n  `u` CHAR(36),\n  `bin` BLOB,\n  `bin16` BINARY(16),\n'
        + "  `ip` VARCHAR(45),\n  `e` ENUM('ok', 'it''s', 'back\\\\slash'),\n  `arr` JSON,\n  `yr` YEAR\n"
        + ')',
    ]);
  });

  it('writes defaults, autoincrement, comments and the unnamed primary key', () => {
    const t = table('post', [
      col('id', { kind: 'integer' }, { nullable: false, autoincrement: true, comment: 'the key' }),
      col('title', { kind: 'string', length: 200 }, { nullable: false, default: lit("it's \\ new") }),
      col('published', { kind: 'boolean' }, { nullable: false, default: lit(false) }),
      col('price', { kind: 'numeric', precision: 10, scale: 2 }, { default: lit(0) }),
      col('created_at', { kind: 'datetime', timezone: true }, { nullable: false, default: expr('CURRENT_TIMESTAMP') }),
      col('stamped_at', { kind: 'datetime', timezone: false, precision: 3 }, { default: expr('current_timestamp(3)') }),
      col('token', { kind: 'uuid' }, { default: expr('uuid()') }),
      col('body', { kind: 'text' }, { default: lit('empty') }),
      col('doc', { kind: 'json' }, { default: expr("'{}'") }),
      col('bits', { kind: 'custom', sql: 'BIT(1)' }, { default: expr("b'1'") }),
      col('total', { kind: 'integer' }, { default: expr('(1 + 2)') }),
    ], { primaryKey: pk('pk_post', ['id']), comment: "posts; it's a table" });
    assert.deepEqual(ddl.createTable(t), [
      'CREATE TABLE `post` (\n'
        + "  `id` INT NOT NULL AUTO_INCREMENT COMMENT 'the key',\n"
        + "  `title` VARCHAR(200) NOT NULL DEFAULT 'it''s \\\\ new',\n"
        + '  `published` TINYINT(1) NOT NULL DEFAULT 0,\n'
        + '  `price` DECIMAL(10, 2) DEFAULT 0,\n'
        + '  `created_at` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n'
        + '  `stamped_at` DATETIME(3) DEFAULT current_timestamp(3),\n'
        + '  `token` CHAR(36) DEFAULT (uuid()),\n'
        + "  `body` TEXT DEFAULT ('empty'),\n"
        + "  `doc` JSON DEFAULT ('{}'),\n"
        + "  `bits` BIT(1) DEFAULT b'1',\n"
        + '  `total` INT DEFAULT (1 + 2),\n'
        + '  PRIMARY KEY (`id`)\n'
        + ") COMMENT='posts; it''s a table'",
    ]);
  });

  it('writes a composite primary key, uniques, checks and foreign keys with actions', () => {
    const t = table('order_item', [
      col('order_id', { kind: 'integer' }, { nullable: false }),
      col('product_id', { kind: 'integer' }, { nullable: false }),
      col('quantity', { kind: 'integer' }, { nullable: false, default: lit(1) }),
    ], {
      primaryKey: pk(null, ['order_id', 'product_id']),
      uniques: [uq('uq_order_item_quantity', ['order_id', 'quantity'])],
      checks: [ck('ck_order_item_quantity', '`quantity` > 0')],
      foreignKeys: [
        fk('fk_order_item_order', ['order_id'], 'order', ['id'], { onDelete: 'CASCADE' }),
        fk('fk_order_item_product', ['product_id'], 'product', ['id'], { onDelete: 'RESTRICT', onUpdate: 'SET NULL', referredSchema: 'catalog' }),
      ],
    });
    const expected = 'CREATE TABLE `order_item` (\n'
      + '  `order_id` INT NOT NULL,\n  `product_id` INT NOT NULL,\n  `quantity` INT NOT NULL DEFAULT 1,\n'
      + '  PRIMARY KEY (`order_id`, `product_id`),\n'
      + '  CONSTRAINT `uq_order_item_quantity` UNIQUE (`order_id`, `quantity`),\n'
      + '  CONSTRAINT `ck_order_item_quantity` CHECK (`quantity` > 0),\n'
      + '  CONSTRAINT `fk_order_item_order` FOREIGN KEY (`order_id`) REFERENCES `order` (`id`) ON DELETE CASCADE,\n'
      + '  CONSTRAINT `fk_order_item_product` FOREIGN KEY (`product_id`) REFERENCES `catalog`.`product` (`id`) ON DELETE RESTRICT ON UPDATE SET NULL\n'
      + ')';
    assert.deepEqual(ddl.createTable(t), [expected]);
    const withoutFk = ddl.createTable(t, { omitForeignKeys: [t.foreignKeys[1]!] })[0]!;
    assert.ok(!withoutFk.includes('fk_order_item_product'));
    assert.ok(withoutFk.includes('fk_order_item_order'));
  });

  it('qualifies referred tables with the table schema when the foreign key names none', () => {
    const t = table('child', [col('parent_id', { kind: 'integer' })], { schema: 'app', foreignKeys: [fk('fk_child_parent', ['parent_id'], 'parent', ['id'])] });
    assert.match(ddl.createTable(t)[0]!, /^CREATE TABLE `app`\.`child` .*REFERENCES `app`\.`parent` \(`id`\)\n\)$/s);
    assert.deepEqual(ddl.addForeignKey(t, t.foreignKeys[0]!), [
      'ALTER TABLE `app`.`child` ADD CONSTRAINT `fk_child_parent` FOREIGN KEY (`parent_id`) REFERENCES `app`.`parent` (`id`)',
    ]);
  });

  it('quotes odd identifiers: reserved words, spaces, backticks, quotes, unicode', () => {
    const t = table('line `item`', [
      col('select', { kind: 'integer' }, { nullable: false }),
      col('unit price', { kind: 'numeric', precision: 10, scale: 2 }),
      col("o'brien", { kind: 'string', length: 30 }, { default: lit("o'brien") }),
      col('größe', { kind: 'string', length: 20 }),
    ], { primaryKey: pk(null, ['select']) });
    assert.deepEqual(ddl.createTable(t), [
      'CREATE TABLE `line ``item``` (\n'
        + '  `select` INT NOT NULL,\n  `unit price` DECIMAL(10, 2),\n'
        + "  `o'brien` VARCHAR(30) DEFAULT 'o''brien',\n  `größe` VARCHAR(20),\n"
        + '  PRIMARY KEY (`select`)\n)',
    ]);
    assert.deepEqual(ddl.dropTable(t), ['DROP TABLE `line ``item```']);
  });

  it('refuses deferrable foreign keys and SET DEFAULT actions', () => {
    const deferrable = table('a', [col('b_id', { kind: 'integer' })], { foreignKeys: [fk('fk_a_b', ['b_id'], 'b', ['id'], { deferrable: true })] });
    throwsOp(() => ddl.createTable(deferrable), /no deferrable foreign keys.*fk_a_b/);
    const setDefault = table('a', [col('b_id', { kind: 'integer' })], { foreignKeys: [fk('fk_a_b', ['b_id'], 'b', ['id'], { onDelete: 'SET DEFAULT' })] });
    throwsOp(() => ddl.addForeignKey(setDefault, setDefault.foreignKeys[0]!), /SET DEFAULT/);
  });
});

describe('mysql DDL: indexes', () => {
  const post = table('post', [col('id', { kind: 'integer' }), col('email', { kind: 'string', length: 200 }), col('body', { kind: 'text' })]);

  it('creates plain, unique, method, fulltext, prefix and functional indexes', () => {
    assert.deepEqual(ddl.createIndex(post, ix('ix_post_email', ['email'])), ['CREATE INDEX `ix_post_email` ON `post` (`email`)']);
    assert.deepEqual(ddl.createIndex(post, ix('uq_post_email', ['email', 'id'], { unique: true })), ['CREATE UNIQUE INDEX `uq_post_email` ON `post` (`email`, `id`)']);
    assert.deepEqual(ddl.createIndex(post, ix('ix_hash', ['id'], { method: 'hash' })), ['CREATE INDEX `ix_hash` ON `post` (`id`) USING HASH']);
    assert.deepEqual(ddl.createIndex(post, ix('ft_body', ['body'], { method: 'FULLTEXT' })), ['CREATE FULLTEXT INDEX `ft_body` ON `post` (`body`)']);
    assert.deepEqual(
      ddl.createIndex(post, ix('ix_prefix', [], { expressions: ['`email`(10)', '`id` DESC'] })),
      ['CREATE INDEX `ix_prefix` ON `post` (`email`(10), `id` DESC)'],
    );
    assert.deepEqual(
      ddl.createIndex(post, ix('ix_lower', [], { expressions: ['lower(`email`)', '`id`', '(id + 1) DESC'], unique: true })),
      ['CREATE UNIQUE INDEX `ix_lower` ON `post` ((lower(`email`)), `id`, (id + 1) DESC)'],
    );
  });

  it('refuses partial indexes', () => {
    throwsOp(() => ddl.createIndex(post, ix('ix_partial', ['id'], { where: 'id > 0' })), /no partial indexes.*ix_partial/);
  });

  it('drops an index ON its table', () => {
    assert.deepEqual(ddl.dropIndex(post, ix('ix_post_email', ['email'])), ['DROP INDEX `ix_post_email` ON `post`']);
  });
});

describe('mysql DDL: ALTER', () => {
  const post = table('post', [
    col('id', { kind: 'integer' }, { nullable: false, autoincrement: true }),
    col('title', { kind: 'string', length: 200 }, { nullable: false }),
  ], { primaryKey: pk(null, ['id']) });
  const title = post.columns[1]!;

  it('alterColumn restates the whole column with MODIFY COLUMN', () => {
    const to = { ...title, type: { kind: 'string', length: 300 } as TypeSpec, nullable: true, default: lit('untitled'), comment: 'shown in lists' };
    assert.deepEqual(ddl.alterColumn(post, title, to, { type: true }), [
      "ALTER TABLE `post` MODIFY COLUMN `title` VARCHAR(300) DEFAULT 'untitled' COMMENT 'shown in lists'",
    ]);
    assert.deepEqual(ddl.alterColumn(post, title, { ...title, nullable: true }, { nullable: true }), [
      'ALTER TABLE `post` MODIFY COLUMN `title` VARCHAR(200)',
    ]);
    assert.deepEqual(ddl.alterColumn(post, title, { ...title, default: expr('CURRENT_TIMESTAMP') }, { default: true }), [
      'ALTER TABLE `post` MODIFY COLUMN `title` VARCHAR(200) NOT NULL DEFAULT CURRENT_TIMESTAMP',
    ]);
    const id = post.columns[0]!;
    assert.deepEqual(ddl.alterColumn(post, id, { ...id, type: { kind: 'bigint' }, autoincrement: false }, { type: true, autoincrement: true }), [
      'ALTER TABLE `post` MODIFY COLUMN `id` BIGINT NOT NULL',
    ]);
    assert.deepEqual(ddl.alterColumn(post, id, { ...id, comment: null }, {}), []);
  });

  it('restates a number default in one spelling, whether declared (0) or read from the catalog (0.00)', () => {
    const balance = col('balance', { kind: 'numeric', precision: 8, scale: 2 }, { default: lit(0) });
    const wider = { ...balance, type: { kind: 'numeric', precision: 12, scale: 2 } as TypeSpec };
    const statement = ['ALTER TABLE `post` MODIFY COLUMN `balance` DECIMAL(12, 2) DEFAULT 0'];
    assert.deepEqual(ddl.alterColumn(post, balance, wider, { type: true }), statement);
    assert.deepEqual(ddl.alterColumn(post, balance, { ...wider, default: expr('0.00') }, { type: true }), statement);
    // on a string column a number-looking default stays as written
    const code = col('code', { kind: 'string', length: 10 }, { default: expr('0.00') });
    assert.deepEqual(ddl.alterColumn(post, code, { ...code, nullable: false }, { nullable: true }), ['ALTER TABLE `post` MODIFY COLUMN `code` VARCHAR(10) NOT NULL DEFAULT 0.00']);
  });

  it('adds, drops and renames columns and tables; sets the table comment', () => {
    assert.deepEqual(ddl.addColumn(post, col('summary', { kind: 'text' }, { comment: 'short' })), ["ALTER TABLE `post` ADD COLUMN `summary` TEXT COMMENT 'short'"]);
    assert.deepEqual(ddl.dropColumn(post, title), ['ALTER TABLE `post` DROP COLUMN `title`']);
    assert.deepEqual(ddl.renameColumn(post, title, 'headline'), ['ALTER TABLE `post` RENAME COLUMN `title` TO `headline`']);
    assert.deepEqual(ddl.renameTable(post, 'article'), ['RENAME TABLE `post` TO `article`']);
    assert.deepEqual(ddl.renameTable({ ...post, schema: 'blog' }, 'article'), ['RENAME TABLE `blog`.`post` TO `blog`.`article`']);
    assert.deepEqual(ddl.setTableComment(post, "it's"), ["ALTER TABLE `post` COMMENT = 'it''s'"]);
    assert.deepEqual(ddl.setTableComment(post, null), ["ALTER TABLE `post` COMMENT = ''"]);
  });

  it('adds and drops constraints with MySQL syntax', () => {
    assert.deepEqual(ddl.addPrimaryKey(post, pk('pk_post', ['id'])), ['ALTER TABLE `post` ADD PRIMARY KEY (`id`)']);
    assert.deepEqual(ddl.dropPrimaryKey(post, pk(null, ['id'])), ['ALTER TABLE `post` DROP PRIMARY KEY']);
    const f = fk('fk_post_user', ['id'], 'user', ['id'], { onDelete: 'CASCADE' });
    assert.deepEqual(ddl.addForeignKey(post, f), ['ALTER TABLE `post` ADD CONSTRAINT `fk_post_user` FOREIGN KEY (`id`) REFERENCES `user` (`id`) ON DELETE CASCADE']);
    assert.deepEqual(ddl.dropForeignKey(post, f), ['ALTER TABLE `post` DROP FOREIGN KEY `fk_post_user`']);
    assert.deepEqual(ddl.addUnique(post, uq('uq_post_title', ['title'])), ['ALTER TABLE `post` ADD CONSTRAINT `uq_post_title` UNIQUE (`title`)']);
    assert.deepEqual(ddl.dropUnique(post, uq('uq_post_title', ['title'])), ['ALTER TABLE `post` DROP INDEX `uq_post_title`']);
    assert.deepEqual(ddl.addCheck(post, ck('ck_post_id', 'id > 0')), ['ALTER TABLE `post` ADD CONSTRAINT `ck_post_id` CHECK (id > 0)']);
    assert.deepEqual(ddl.dropCheck(post, ck('ck_post_id', 'id > 0')), ['ALTER TABLE `post` DROP CONSTRAINT `ck_post_id`']);
    throwsOp(() => ddl.dropForeignKey(post, fk(null, ['id'], 'user', ['id'])), /unnamed foreign key/);
  });

  it('has no named enum types', () => {
    throwsOp(() => ddl.createEnum({ name: 'mood', schema: null, values: ['a'] }), /no named enum types/);
  });
});
