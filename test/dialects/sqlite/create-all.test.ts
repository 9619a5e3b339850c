// createAll of the schema fixture on SQLite, checked against SQLite's catalog read directly
// (pragmas and sqlite_master, not retort's introspector): every column's declared type,
// nullability and default, keys, constraint names from the naming convention, indexes; then
// createAll with checkFirst runs no DDL, and dropAll leaves nothing.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { buildSchemaFixture } from '../../fixtures/schema-fixture.js';
import { forSqlite, masterSql, tableInfo, tableNames } from './helpers.js';

/** `name|declared type|NOT NULL|default as SQLite keeps it|position in the primary key`, per table. */
const COLUMNS: Record<string, string[]> = {
  MixedCase: ['Id|INTEGER|NOT NULL||1', 'CamelColumn|VARCHAR(40)|||0', 'lower_column|INTEGER|||0'],
  account: ['id|INTEGER|NOT NULL||1', 'owner_id|INTEGER|||0', 'balance|NUMERIC(14, 2)|NOT NULL|0|0'],
  app_setting: ['key|VARCHAR(100)|NOT NULL||1', 'value|TEXT|||0', 'version|INTEGER|NOT NULL|1|0'],
  audit_log: ['id|INTEGER|NOT NULL||1', 'table_name|VARCHAR(64)|NOT NULL||0', 'payload|JSON|||0', 'request_id|CHAR(36)|||0', 'blob|BLOB|||0',
    'severity|SMALLINT|NOT NULL|0|0', 'occurred_at|DATETIME|NOT NULL|CURRENT_TIMESTAMP|0'],
  café: ['id|INTEGER|NOT NULL||1', "größe|VARCHAR(20)|NOT NULL|'groß'|0", 'naïve|BOOLEAN|NOT NULL|0|0'],
  category: ['id|INTEGER|NOT NULL||1', 'parent_id|INTEGER|||0', 'name|VARCHAR(80)|NOT NULL||0', 'slug|VARCHAR(80)|NOT NULL||0'],
  department: ['id|INTEGER|NOT NULL||1', 'name|VARCHAR(100)|NOT NULL||0', 'manager_id|INTEGER|||0', 'budget|NUMERIC(12, 2)|NOT NULL|0|0'],
  employee: ['id|INTEGER|NOT NULL||1', 'department_id|INTEGER|||0', 'manager_id|INTEGER|||0', 'user_id|INTEGER|NOT NULL||0', 'hired_on|DATE|NOT NULL||0',
    'starts_at|TIME|||0', 'salary|NUMERIC(10, 2)|||0'],
  'line item': ['id|INTEGER|NOT NULL||1', 'order id|INTEGER|NOT NULL||0', 'unit price|NUMERIC(10, 2)|NOT NULL||0', 'nick"name|VARCHAR(30)|||0',
    "o'brien|VARCHAR(30)||'o''brien'|0"],
  lite_extras: ['id|INTEGER|NOT NULL||1', 'email|VARCHAR(255)|||0'],
  order: ['id|INTEGER|NOT NULL||1', 'user_id|INTEGER|NOT NULL||0', 'placed_at|DATETIME|NOT NULL||0', "status|VARCHAR(9)|NOT NULL|'new'|0",
    "note|VARCHAR(500)||'it''s new'|0", 'total|NUMERIC(12, 2)|||0'],
  order_item: ['order_id|INTEGER|NOT NULL||1', 'product_id|INTEGER|NOT NULL||2', 'quantity|INTEGER|NOT NULL|1|0', 'unit_price|NUMERIC(10, 2)|NOT NULL||0'],
  product: ['id|INTEGER|NOT NULL||1', 'sku|CHAR(12)|NOT NULL||0', 'name|VARCHAR(200)|NOT NULL||0', 'description|TEXT|||0', 'price|NUMERIC(10, 2)|NOT NULL|0|0',
    'weight|REAL|||0', 'rating|DOUBLE|||0', 'category_id|INTEGER|NOT NULL||0', "status|VARCHAR(7)|NOT NULL|'draft'|0"],
  product_tag: ['product_id|INTEGER|NOT NULL||1', 'tag_id|INTEGER|NOT NULL||2'],
  select: ['id|INTEGER|NOT NULL||1', 'from|VARCHAR(50)|NOT NULL||0', 'group|INTEGER|||0', 'order|INTEGER||0|0'],
  subscription_plan_feature_entitlement_override: ['id|INTEGER|NOT NULL||1', 'subscription_plan_feature_id|INTEGER|NOT NULL||0', 'override_value|VARCHAR(100)|||0'],
  tag: ['id|INTEGER|NOT NULL||1', 'label|VARCHAR(50)|NOT NULL||0'],
  user: ['id|INTEGER|NOT NULL||1', 'email|VARCHAR(255)|NOT NULL||0', 'display_name|VARCHAR(100)|||0', 'is_active|BOOLEAN|NOT NULL|1|0',
    'created_at|DATETIME|NOT NULL|CURRENT_TIMESTAMP|0', 'updated_at|DATETIME|||0'],
};

/** Constraint clauses that must be in each table's CREATE text, with the names the convention gives. */
const CONSTRAINTS: Record<string, string[]> = {
  MixedCase: ['CONSTRAINT "pk_MixedCase" PRIMARY KEY ("Id")'],
  account: ['CONSTRAINT "fk_account_owner_id_user" FOREIGN KEY ("owner_id") REFERENCES "user" ("id") ON DELETE SET DEFAULT DEFERRABLE INITIALLY DEFERRED'],
  café: ['CONSTRAINT "uq_café_größe" UNIQUE ("größe")'],
  category: ['CONSTRAINT "uq_category_parent_id_slug" UNIQUE ("parent_id", "slug")', 'CONSTRAINT "fk_category_parent_id_category" FOREIGN KEY ("parent_id")'],
  department: ['CONSTRAINT "uq_department_name" UNIQUE ("name")', 'CONSTRAINT "fk_department_manager_id_employee" FOREIGN KEY ("manager_id")'],
  employee: ['CONSTRAINT "uq_employee_user_id" UNIQUE ("user_id")', 'CONSTRAINT "ck_employee_salary_5e9e1cc0" CHECK (salary >= 0)',
    'CONSTRAINT "fk_employee_department_id_department" FOREIGN KEY', 'CONSTRAINT "fk_employee_manager_id_employee" FOREIGN KEY',
    'CONSTRAINT "fk_employee_user_id_user" FOREIGN KEY'],
  'line item': ['CONSTRAINT "pk_line item" PRIMARY KEY ("id")', 'CONSTRAINT "ck_line_item_unit_price" CHECK ("unit price" >= 0)',
    'CONSTRAINT "fk_line item_order id_order" FOREIGN KEY ("order id") REFERENCES "order" ("id") ON DELETE CASCADE'],
  order: ['CONSTRAINT "fk_order_user_id_user" FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE NO ACTION'],
  order_item: ['CONSTRAINT "pk_order_item" PRIMARY KEY ("order_id", "product_id")', 'CONSTRAINT "ck_order_item_quantity_positive" CHECK (quantity > 0)',
    'CONSTRAINT "fk_order_item_order_id_order" FOREIGN KEY', 'CONSTRAINT "fk_order_item_product_id_product" FOREIGN KEY'],
  product: ['CONSTRAINT "uq_product_sku_code" UNIQUE ("sku")', 'CONSTRAINT "ck_product_price_not_negative" CHECK (price >= 0)',
    'CONSTRAINT "fk_product_category_id_category" FOREIGN KEY ("category_id") REFERENCES "category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE'],
  product_tag: ['CONSTRAINT "fk_product_tag_product_id_product" FOREIGN KEY', 'CONSTRAINT "fk_product_tag_tag_id_tag" FOREIGN KEY'],
  subscription_plan_feature_entitlement_override: ['CONSTRAINT "fk_subscription_plan_feature_entitlement_override_subscription_plan_feature_id_product" FOREIGN KEY'],
  tag: ['CONSTRAINT "uq_tag_label" UNIQUE ("label")'],
  user: ['CONSTRAINT "pk_user" PRIMARY KEY ("id")', 'CONSTRAINT "uq_user_email" UNIQUE ("email")'],
};

/** `table: from -> parent(to) delete/update`, from pragma_foreign_key_list. */
const FOREIGN_KEYS = [
  'account: owner_id -> user(id) SET DEFAULT/NO ACTION',
  'category: parent_id -> category(id) CASCADE/NO ACTION',
  'department: manager_id -> employee(id) SET NULL/NO ACTION',
  'employee: department_id -> department(id) SET NULL/NO ACTION',
  'employee: manager_id -> employee(id) SET NULL/NO ACTION',
  'employee: user_id -> user(id) CASCADE/NO ACTION',
  'line item: order id -> order(id) CASCADE/NO ACTION',
  'order: user_id -> user(id) NO ACTION/NO ACTION',
  'order_item: order_id -> order(id) CASCADE/NO ACTION',
  'order_item: product_id -> product(id) RESTRICT/NO ACTION',
  'product: category_id -> category(id) RESTRICT/CASCADE',
  'product_tag: product_id -> product(id) CASCADE/NO ACTION',
  'product_tag: tag_id -> tag(id) CASCADE/NO ACTION',
  'subscription_plan_feature_entitlement_override: subscription_plan_feature_id -> product(id) CASCADE/NO ACTION',
];

/** Every index SQLite has: name, origin (c = CREATE INDEX, u = UNIQUE, pk = PRIMARY KEY), columns; and the SQL of CREATE INDEX. */
const INDEXES = [
  'MixedCase ix_MixedCase_CamelColumn c (CamelColumn) CREATE INDEX "ix_MixedCase_CamelColumn" ON "MixedCase" ("CamelColumn")',
  'app_setting sqlite_autoindex_app_setting_1 pk (key)',
  'audit_log ix_audit_log_severe c (severity) CREATE INDEX "ix_audit_log_severe" ON "audit_log" ("severity") WHERE severity > 2',
  'audit_log ix_audit_log_table_name_occurred_at c (table_name,occurred_at) CREATE INDEX "ix_audit_log_table_name_occurred_at" ON "audit_log" ("table_name", "occurred_at")',
  'café sqlite_autoindex_café_1 u (größe)',
  'category sqlite_autoindex_category_1 u (parent_id,slug)',
  'department sqlite_autoindex_department_1 u (name)',
  'employee sqlite_autoindex_employee_1 u (user_id)',
  'line item ix_line item_order id_unit price c (order id,unit price) CREATE INDEX "ix_line item_order id_unit price" ON "line item" ("order id", "unit price")',
  'lite_extras ix_lite_extras_lower_email c (<expr>) CREATE INDEX "ix_lite_extras_lower_email" ON "lite_extras" (lower(email))',
  'order ix_order_user_id c (user_id) CREATE INDEX "ix_order_user_id" ON "order" ("user_id")',
  'order_item sqlite_autoindex_order_item_1 pk (order_id,product_id)',
  'product ix_product_category_id_name c (category_id,name) CREATE INDEX "ix_product_category_id_name" ON "product" ("category_id", "name")',
  'product sqlite_autoindex_product_1 u (sku)',
  'product_tag sqlite_autoindex_product_tag_1 pk (product_id,tag_id)',
  'select ix_select_from c (from) CREATE INDEX "ix_select_from" ON "select" ("from")',
  'subscription_plan_feature_entitlement_override ix_subscription_plan_feature_entitlement_override_subscription_plan_feature_id c (subscription_plan_feature_id) '
    + 'CREATE INDEX "ix_subscription_plan_feature_entitlement_override_subscription_plan_feature_id" ON "subscription_plan_feature_entitlement_override" ("subscription_plan_feature_id")',
  'tag sqlite_autoindex_tag_1 u (label)',
  'user sqlite_autoindex_user_1 u (email)',
];

forSqlite('createAll of the schema fixture, read from the catalog', (ctx) => {
  let engine: Engine;
  const ran: string[] = [];
  before(async () => {
    engine = createEngine(await ctx.freshUrl('createall'));
    const off = engine.onQuery((e) => ran.push(e.sql));
    await buildSchemaFixture('sqlite').createAll(engine);
    off();
  });
  after(() => engine.dispose());

  it('ran one transaction of CREATE TABLE and CREATE INDEX statements only', () => {
    const ddl = ran.filter((s) => !/^(BEGIN|COMMIT)/.test(s));
    assert.equal(ran[0], 'BEGIN');
    assert.equal(ran.at(-1), 'COMMIT');
    assert.deepEqual(ddl.map((s) => /^CREATE (TABLE|INDEX)/.exec(s)?.[0] ?? s).sort(), [...Array(18).fill('CREATE TABLE'), ...Array(9).fill('CREATE INDEX')].sort());
  });

  it('created every table with every column: type, NOT NULL, default, primary key position', async () => {
    assert.deepEqual(await tableNames(engine), Object.keys(COLUMNS).sort());
    for (const [table, expected] of Object.entries(COLUMNS)) {
      const cols = await tableInfo(engine, table);
      assert.deepEqual(cols.map((c) => `${c.name}|${c.type}|${c.notnull ? 'NOT NULL' : ''}|${c.dflt_value ?? ''}|${c.pk}`), expected, table);
    }
  });

  it('made each single-column integer key the rowid, and no other key', async () => {
    const rows = (await engine.execute<{ name: string }>(
      "SELECT m.name AS name FROM sqlite_master m WHERE m.type = 'table' AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m.name) WHERE origin = 'pk') ORDER BY m.name",
    )).rows;
    assert.deepEqual(rows.map((r) => r.name), Object.keys(COLUMNS).filter((t) => !['app_setting', 'order_item', 'product_tag'].includes(t)).sort());
  });

  it('named every constraint by the naming convention', async () => {
    for (const [table, clauses] of Object.entries(CONSTRAINTS)) {
      const text = (await masterSql(engine, table)) ?? '';
      for (const clause of clauses) assert.ok(text.includes(clause), `${table}: ${clause}\nin ${text}`);
    }
  });

  it('created every foreign key with its actions', async () => {
    const rows = (await engine.execute<{ t: string; from: string; parent: string; to: string; del: string; upd: string }>(
      'SELECT m.name AS t, f."from" AS "from", f."table" AS parent, f."to" AS "to", f.on_delete AS del, f.on_update AS upd'
      + " FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
    )).rows;
    assert.deepEqual(rows.map((r) => `${r.t}: ${r.from} -> ${r.parent}(${r.to}) ${r.del}/${r.upd}`).sort(), FOREIGN_KEYS);
  });

  it('created every index, the automatic ones of UNIQUE and composite keys included', async () => {
    const rows = (await engine.execute<{ t: string; ix: string; origin: string; cols: string; sql: string | null }>(
      "SELECT m.name AS t, il.name AS ix, il.origin AS origin, (SELECT group_concat(coalesce(ii.name, '<expr>'), ',') FROM pragma_index_info(il.name) ii) AS cols,"
      + " s.sql AS sql FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN sqlite_master s ON s.name = il.name WHERE m.type = 'table'",
    )).rows;
    assert.deepEqual(rows.map((r) => `${r.t} ${r.ix} ${r.origin} (${r.cols})${r.sql ? ` ${r.sql}` : ''}`).sort(), [...INDEXES].sort());
  });

  it('createAll with checkFirst on the existing schema runs no DDL', async () => {
    const statements: string[] = [];
    const off = engine.onQuery((e) => statements.push(e.sql));
    await buildSchemaFixture('sqlite').createAll(engine, { checkFirst: true });
    off();
    assert.deepEqual(statements.filter((s) => !/^(BEGIN|COMMIT|SELECT)\b/.test(s)), []);
    assert.equal(statements.filter((s) => s.startsWith('SELECT')).length, 1, 'one existence query');
  });

  it('dropAll leaves nothing, and dropAll with checkFirst on an empty database runs no DDL', async () => {
    const other = createEngine(await ctx.freshUrl('dropall'));
    try {
      const metadata = buildSchemaFixture('sqlite');
      await metadata.createAll(other);
      await metadata.dropAll(other);
      const left = (await other.execute<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")).rows[0]!.n;
      assert.equal(left, 0);
      const statements: string[] = [];
      const off = other.onQuery((e) => statements.push(e.sql));
      await metadata.dropAll(other, { checkFirst: true });
      off();
      assert.deepEqual(statements.filter((s) => /^DROP/.test(s)), []);
    } finally {
      await other.dispose();
    }
  });
});
