// createAll of the schema fixture on MariaDB / MySQL, checked against the catalogs read directly
// (not through the introspector): every column's type, nullability and default, every constraint
// with its convention name, every index; dropAll leaves nothing; checkFirst makes createAll a no-op.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { buildSchemaFixture } from '../../fixtures/schema-fixture.js';
import { forEachDialect } from '../../helpers/databases.js';
import { checkFacts, columnFacts, commentFacts, defaultAsServer, foreignKeyFacts, indexFacts, isMariadb, tableNames } from './catalog.js';

/** `table.column`, type (no display width), nullable, default (MariaDB spelling), extra. */
const COLUMNS: readonly [string, string, boolean, string | null, string][] = [
    ["account.id", "int", false, null, "auto_increment"],
    ["account.owner_id", "int", true, "NULL", ""],
    ["account.balance", "decimal(14,2)", false, "0.00", ""],
    ["app_setting.key", "varchar(100)", false, null, ""],
    ["app_setting.value", "text", true, "NULL", ""],
    ["app_setting.version", "int", false, "1", ""],
    ["audit_log.id", "bigint", false, null, "auto_increment"],
    ["audit_log.table_name", "varchar(64)", false, null, ""],
    ["audit_log.payload", "longtext", true, "NULL", ""],
    ["audit_log.request_id", "char(36)", true, "NULL", ""],
    ["audit_log.blob", "blob", true, "NULL", ""],
    ["audit_log.severity", "smallint", false, "0", ""],
    ["audit_log.occurred_at", "datetime(3)", false, "current_timestamp(3)", ""],
    ["café.id", "int", false, null, "auto_increment"],
    ["café.größe", "varchar(20)", false, "'groß'", ""],
    ["café.naïve", "tinyint(1)", false, "0", ""],
    ["category.id", "int", false, null, "auto_increment"],
    ["category.parent_id", "int", true, "NULL", ""],
    ["category.name", "varchar(80)", false, null, ""],
    ["category.slug", "varchar(80)", false, null, ""],
    ["department.id", "int", false, null, "auto_increment"],
    ["department.name", "varchar(100)", false, null, ""],
    ["department.manager_id", "int", true, "NULL", ""],
    ["department.budget", "decimal(12,2)", false, "0.00", ""],
    ["employee.id", "int", false, null, "auto_increment"],
    ["employee.department_id", "int", true, "NULL", ""],
    ["employee.manager_id", "int", true, "NULL", ""],
    ["employee.user_id", "int", false, null, ""],
    ["employee.hired_on", "date", false, null, ""],
    ["employee.starts_at", "time", true, "NULL", ""],
    ["employee.salary", "decimal(10,2)", true, "NULL", ""],
    ["line item.id", "int", false, null, "auto_increment"],
    ["line item.order id", "int", false, null, ""],
    ["line item.unit price", "decimal(10,2)", false, null, ""],
    ['line item.nick"name', "varchar(30)", true, "NULL", ""],
    ["line item.o'brien", "varchar(30)", true, "'o''brien'", ""],
    ["MixedCase.Id", "int", false, null, "auto_increment"],
    ["MixedCase.CamelColumn", "varchar(40)", true, "NULL", ""],
    ["MixedCase.lower_column", "int", true, "NULL", ""],
    ["mysql_extras.id", "int unsigned", false, null, "auto_increment"],
    ["mysql_extras.tiny", "tinyint unsigned", true, "NULL", ""],
    ["mysql_extras.medium", "mediumint", true, "NULL", ""],
    ["mysql_extras.short_text", "tinytext", true, "NULL", ""],
    ["mysql_extras.medium_text", "mediumtext", true, "NULL", ""],
    ["mysql_extras.long_text", "longtext", true, "NULL", ""],
    ["mysql_extras.counter", "bigint unsigned", false, "0", ""],
    ["order.id", "int", false, null, "auto_increment"],
    ["order.user_id", "int", false, null, ""],
    ["order.placed_at", "datetime", false, null, ""],
    ["order.status", "enum('new','paid','shipped','cancelled')", false, "'new'", ""],
    ["order.note", "varchar(500)", true, "'it''s new'", ""],
    ["order.total", "decimal(12,2)", true, "NULL", ""],
    ["order_item.order_id", "int", false, null, ""],
    ["order_item.product_id", "int", false, null, ""],
    ["order_item.quantity", "int", false, "1", ""],
    ["order_item.unit_price", "decimal(10,2)", false, null, ""],
    ["product.id", "int", false, null, "auto_increment"],
    ["product.sku", "char(12)", false, null, ""],
    ["product.name", "varchar(200)", false, null, ""],
    ["product.description", "text", true, "NULL", ""],
    ["product.price", "decimal(10,2)", false, "0.00", ""],
    ["product.weight", "float", true, "NULL", ""],
    ["product.rating", "double", true, "NULL", ""],
    ["product.category_id", "int", false, null, ""],
    ["product.status", "enum('draft','active','retired')", false, "'draft'", ""],
    ["product_tag.product_id", "int", false, null, ""],
    ["product_tag.tag_id", "int", false, null, ""],
    ["select.id", "int", false, null, "auto_increment"],
    ["select.from", "varchar(50)", false, null, ""],
    ["select.group", "int", true, "NULL", ""],
    ["select.order", "int", true, "0", ""],
    ["subscription_plan_feature_entitlement_override.id", "int", false, null, "auto_increment"],
    ["subscription_plan_feature_entitlement_override.subscription_plan_feature_id", "int", false, null, ""],
    ["subscription_plan_feature_entitlement_override.override_value", "varchar(100)", true, "NULL", ""],
    ["tag.id", "int", false, null, "auto_increment"],
    ["tag.label", "varchar(50)", false, null, ""],
    ["user.id", "int", false, null, "auto_increment"],
    ["user.email", "varchar(255)", false, null, ""],
    ["user.display_name", "varchar(100)", true, "NULL", ""],
    ["user.is_active", "tinyint(1)", false, "1", ""],
    ["user.created_at", "datetime", false, "current_timestamp()", ""],
    ["user.updated_at", "datetime", true, "NULL", ""],
];

/** `table.name` -> definition, as indexFacts writes it (the primary key, uniques, InnoDB's FK indexes included). */
const INDEXES: Readonly<Record<string, string>> = {
  'account.PRIMARY': 'unique (id)',
  'account.fk_account_owner_id_user': '(owner_id)',
  'app_setting.PRIMARY': 'unique (key)',
  'audit_log.PRIMARY': 'unique (id)',
  'audit_log.ix_audit_log_table_name_occurred_at': '(table_name,occurred_at)',
  'café.PRIMARY': 'unique (id)',
  'café.uq_café_größe': 'unique (größe)',
  'category.PRIMARY': 'unique (id)',
  'category.uq_category_parent_id_slug': 'unique (parent_id,slug)',
  'department.PRIMARY': 'unique (id)',
  'department.uq_department_name': 'unique (name)',
  'department.fk_department_manager_id_employee': '(manager_id)',
  'employee.PRIMARY': 'unique (id)',
  'employee.uq_employee_user_id': 'unique (user_id)',
  'employee.fk_employee_department_id_department': '(department_id)',
  'employee.fk_employee_manager_id_employee': '(manager_id)',
  'line item.PRIMARY': 'unique (id)',
  'line item.ix_line item_order id_unit price': '(order id,unit price)',
  'MixedCase.PRIMARY': 'unique (Id)',
  'MixedCase.ix_MixedCase_CamelColumn': '(CamelColumn)',
  'mysql_extras.PRIMARY': 'unique (id)',
  'order.PRIMARY': 'unique (id)',
  'order.ix_order_user_id': '(user_id)',
  'order_item.PRIMARY': 'unique (order_id,product_id)',
  'order_item.fk_order_item_product_id_product': '(product_id)',
  'product.PRIMARY': 'unique (id)',
  'product.uq_product_sku_code': 'unique (sku)',
  'product.ix_product_category_id_name': '(category_id,name)',
  'product_tag.PRIMARY': 'unique (product_id,tag_id)',
  'product_tag.fk_product_tag_tag_id_tag': '(tag_id)',
  'select.PRIMARY': 'unique (id)',
  'select.ix_select_from': '(from)',
  'subscription_plan_feature_entitlement_override.PRIMARY': 'unique (id)',
  'subscription_plan_feature_entitlement_override.ix_subscription_plan_feature_entitlement_override_subsc_c028c5e0': '(subscription_plan_feature_id)',
  'tag.PRIMARY': 'unique (id)',
  'tag.uq_tag_label': 'unique (label)',
  'user.PRIMARY': 'unique (id)',
  'user.uq_user_email': 'unique (email)',
};

/** Foreign keys; MariaDB reports RESTRICT where no action was given, MySQL 8 NO ACTION. */
const FOREIGN_KEYS: Readonly<Record<string, string>> = {
  'account.fk_account_owner_id_user': '(owner_id) -> user(id) SET NULL/~',
  'category.fk_category_parent_id_category': '(parent_id) -> category(id) CASCADE/~',
  'department.fk_department_manager_id_employee': '(manager_id) -> employee(id) SET NULL/~',
  'employee.fk_employee_department_id_department': '(department_id) -> department(id) SET NULL/~',
  'employee.fk_employee_manager_id_employee': '(manager_id) -> employee(id) SET NULL/~',
  'employee.fk_employee_user_id_user': '(user_id) -> user(id) CASCADE/~',
  'line item.fk_line item_order id_order': '(order id) -> order(id) CASCADE/~',
  'order.fk_order_user_id_user': '(user_id) -> user(id) NO ACTION/~',
  'order_item.fk_order_item_order_id_order': '(order_id) -> order(id) CASCADE/~',
  'order_item.fk_order_item_product_id_product': '(product_id) -> product(id) RESTRICT/~',
  'product.fk_product_category_id_category': '(category_id) -> category(id) RESTRICT/CASCADE',
  'product_tag.fk_product_tag_product_id_product': '(product_id) -> product(id) CASCADE/~',
  'product_tag.fk_product_tag_tag_id_tag': '(tag_id) -> tag(id) CASCADE/~',
  'subscription_plan_feature_entitlement_override.fk_subscription_plan_feature_entitlement_override_subsc_e35a7e96':
    '(subscription_plan_feature_id) -> product(id) CASCADE/~',
};

const CHECKS: Readonly<Record<string, string>> = {
  'employee.ck_employee_salary_5e9e1cc0': '`salary` >= 0',
  'line item.ck_line_item_unit_price': '`unit price` >= 0',
  'order_item.ck_order_item_quantity_positive': '`quantity` > 0',
  'product.ck_product_price_not_negative': '`price` >= 0',
};

const COMMENTS: Readonly<Record<string, string>> = {
  'audit_log': 'append-only',
  'user': "people who log in; it's a reserved word",
  'user.email': 'login e-mail',
};

const sorted = <V>(m: Map<string, V>): [string, V][] => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const sortedRecord = <V>(r: Readonly<Record<string, V>>): [string, V][] => sorted(new Map(Object.entries(r)));

forEachDialect('createAll of the schema fixture, read back from the catalogs', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let engine: Engine;
  let mariadb = true;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('createall'));
    await buildSchemaFixture('mysql').createAll(engine);
    mariadb = await isMariadb(engine);
  });
  after(() => engine.dispose());

  it('creates every table', async () => {
    const declared = buildSchemaFixture('mysql').snapshot('mysql').tables.map((t) => t.name).sort();
    assert.deepEqual(await tableNames(engine), declared);
    assert.equal(declared.length, 18);
  });

  it('gives every column its type, nullability, default and AUTO_INCREMENT', async () => {
    const facts = await columnFacts(engine);
    const expected = COLUMNS.map(([key, type, nullable, dflt, extra]): [string, [string, boolean, string | null, string]] => {
      // MariaDB stores JSON as LONGTEXT (with a json_valid check); MySQL 8 has a json type
      const t = !mariadb && key === 'audit_log.payload' ? 'json' : type;
      return [key, [t, nullable, defaultAsServer(dflt, mariadb), extra]];
    });
    assert.deepEqual(sorted(facts), sorted(new Map(expected)));
    // columns in declaration order (ordinal positions)
    for (const table of buildSchemaFixture('mysql').snapshot('mysql').tables) {
      const inDatabase = [...facts.keys()].filter((k) => k.startsWith(`${table.name}.`)).map((k) => k.slice(table.name.length + 1));
      assert.deepEqual(inDatabase, table.columns.map((c) => c.name), table.name);
    }
  });

  it('creates every index, unique constraint and primary key under its convention name', async () => {
    assert.deepEqual(sorted(await indexFacts(engine)), sortedRecord(INDEXES));
  });

  it('creates every foreign key with its actions', async () => {
    const noAction = mariadb ? 'RESTRICT' : 'NO ACTION';
    const expected = Object.fromEntries(Object.entries(FOREIGN_KEYS).map(([k, v]) => [k, v.replace('~', noAction)]));
    assert.deepEqual(sorted(await foreignKeyFacts(engine)), sortedRecord(expected));
  });

  it('creates every check constraint (and MariaDB its json_valid check of the JSON column)', async () => {
    const expected: Record<string, string> = { ...CHECKS };
    if (mariadb) expected['audit_log.payload'] = 'json_valid(`payload`)';
    assert.deepEqual(sorted(await checkFacts(engine, mariadb)), sortedRecord(expected));
  });

  it('stores table and column comments', async () => {
    assert.deepEqual(sorted(await commentFacts(engine)), sortedRecord(COMMENTS));
  });

  it('createAll with checkFirst runs no DDL when everything exists', async () => {
    const statements: string[] = [];
    const off = engine.onQuery((e) => statements.push(e.sql));
    await buildSchemaFixture('mysql').createAll(engine, { checkFirst: true });
    off();
    assert.equal(statements.length, 1, statements.join('\n'));
    assert.match(statements[0]!, /^SELECT .* FROM information_schema\.TABLES/);
  });

  it('dropAll leaves no table, and createAll with checkFirst then creates everything again', async () => {
    const other = createEngine(await ctx.freshUrl('dropall'));
    try {
      const metadata = buildSchemaFixture('mysql');
      await metadata.createAll(other);
      await metadata.dropAll(other);
      assert.deepEqual(await tableNames(other), []);
      await metadata.createAll(other, { checkFirst: true });
      assert.equal((await tableNames(other)).length, 18);
      await metadata.dropAll(other, { checkFirst: true });
      assert.deepEqual(await tableNames(other), []);
    } finally {
      await other.dispose();
    }
  });
});
