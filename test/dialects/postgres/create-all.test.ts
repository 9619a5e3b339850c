// createAll of the schema fixture on PostgreSQL, checked against the catalogs directly (not through
// the introspector): every column's type, nullability, identity and default, every constraint with
// its convention name, every index, comments and enum types; dropAll leaves nothing; createAll with
// checkFirst on an existing schema runs no DDL.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { buildSchemaFixture } from '../../fixtures/schema-fixture.js';
import { catalogColumns, catalogConstraints, catalogEnums, catalogIndexes, catalogObjects, catalogTableComments, describePostgres } from './helpers.js';

const COLUMNS = [
  'MixedCase.Id integer NOT NULL IDENTITY d',
  'MixedCase.CamelColumn character varying(40)',
  'MixedCase.lower_column integer',
  'account.id integer NOT NULL IDENTITY d',
  'account.owner_id integer',
  'account.balance numeric(14,2) NOT NULL DEFAULT 0',
  'app_setting.key character varying(100) NOT NULL',
  'app_setting.value text',
  'app_setting.version integer NOT NULL DEFAULT 1',
  'audit_log.id bigint NOT NULL IDENTITY d',
  'audit_log.table_name character varying(64) NOT NULL',
  'audit_log.payload json',
  'audit_log.request_id uuid',
  'audit_log.blob bytea',
  'audit_log.severity smallint NOT NULL DEFAULT 0',
  'audit_log.occurred_at timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP(3)',
  'café.id integer NOT NULL IDENTITY d',
  "café.größe character varying(20) NOT NULL DEFAULT 'groß'::character varying",
  'café.naïve boolean NOT NULL DEFAULT false',
  'category.id integer NOT NULL IDENTITY d',
  'category.parent_id integer',
  'category.name character varying(80) NOT NULL',
  'category.slug character varying(80) NOT NULL',
  'department.id integer NOT NULL IDENTITY d',
  'department.name character varying(100) NOT NULL',
  'department.manager_id integer',
  'department.budget numeric(12,2) NOT NULL DEFAULT 0',
  'employee.id integer NOT NULL IDENTITY d',
  'employee.department_id integer',
  'employee.manager_id integer',
  'employee.user_id integer NOT NULL',
  'employee.hired_on date NOT NULL',
  'employee.starts_at time without time zone',
  'employee.salary numeric(10,2)',
  'line item.id integer NOT NULL IDENTITY d',
  'line item.order id integer NOT NULL',
  'line item.unit price numeric(10,2) NOT NULL',
  'line item.nick"name character varying(30)',
  "line item.o'brien character varying(30) DEFAULT 'o''brien'::character varying",
  'order.id integer NOT NULL IDENTITY d',
  'order.user_id integer NOT NULL',
  'order.placed_at timestamp without time zone NOT NULL',
  "order.status order_status NOT NULL DEFAULT 'new'::order_status",
  "order.note character varying(500) DEFAULT 'it''s new'::character varying",
  'order.total numeric(12,2)',
  'order_item.order_id integer NOT NULL',
  'order_item.product_id integer NOT NULL',
  'order_item.quantity integer NOT NULL DEFAULT 1',
  'order_item.unit_price numeric(10,2) NOT NULL',
  'pg_extras.id integer NOT NULL IDENTITY d',
  'pg_extras.doc jsonb',
  'pg_extras.scores integer[]',
  'pg_extras.address inet',
  'pg_extras.seen_at timestamp with time zone',
  'pg_extras.local_time time with time zone',
  'pg_extras.search tsvector',
  'pg_extras.email character varying(255)',
  'product.id integer NOT NULL IDENTITY d',
  'product.sku character(12) NOT NULL',
  'product.name character varying(200) NOT NULL',
  'product.description text',
  'product.price numeric(10,2) NOT NULL DEFAULT 0',
  'product.weight real',
  'product.rating double precision',
  'product.category_id integer NOT NULL',
  "product.status product_status NOT NULL DEFAULT 'draft'::product_status",
  'product_tag.product_id integer NOT NULL',
  'product_tag.tag_id integer NOT NULL',
  'select.id integer NOT NULL IDENTITY d',
  'select.from character varying(50) NOT NULL',
  'select.group integer',
  'select.order integer DEFAULT 0',
  'subscription_plan_feature_entitlement_override.id integer NOT NULL IDENTITY d',
  'subscription_plan_feature_entitlement_override.subscription_plan_feature_id integer NOT NULL',
  'subscription_plan_feature_entitlement_override.override_value character varying(100)',
  'tag.id integer NOT NULL IDENTITY d',
  'tag.label character varying(50) NOT NULL',
  'user.id integer NOT NULL IDENTITY d',
  'user.email character varying(255) NOT NULL COMMENT login e-mail',
  'user.display_name character varying(100)',
  'user.is_active boolean NOT NULL DEFAULT true',
  'user.created_at timestamp without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP',
  'user.updated_at timestamp without time zone',
];

const CONSTRAINTS = [
  'MixedCase pk_MixedCase PRIMARY KEY ("Id")',
  'account fk_account_owner_id_user FOREIGN KEY (owner_id) REFERENCES "user"(id) ON DELETE SET DEFAULT DEFERRABLE INITIALLY DEFERRED',
  'account pk_account PRIMARY KEY (id)',
  'app_setting pk_app_setting PRIMARY KEY (key)',
  'audit_log pk_audit_log PRIMARY KEY (id)',
  'café pk_café PRIMARY KEY (id)',
  'café uq_café_größe UNIQUE ("größe")',
  'category fk_category_parent_id_category FOREIGN KEY (parent_id) REFERENCES category(id) ON DELETE CASCADE',
  'category pk_category PRIMARY KEY (id)',
  'category uq_category_parent_id_slug UNIQUE (parent_id, slug)',
  'department fk_department_manager_id_employee FOREIGN KEY (manager_id) REFERENCES employee(id) ON DELETE SET NULL',
  'department pk_department PRIMARY KEY (id)',
  'department uq_department_name UNIQUE (name)',
  'employee ck_employee_salary_5e9e1cc0 CHECK ((salary >= (0)::numeric))',
  'employee fk_employee_department_id_department FOREIGN KEY (department_id) REFERENCES department(id) ON DELETE SET NULL',
  'employee fk_employee_manager_id_employee FOREIGN KEY (manager_id) REFERENCES employee(id) ON DELETE SET NULL',
  'employee fk_employee_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id) ON DELETE CASCADE',
  'employee pk_employee PRIMARY KEY (id)',
  'employee uq_employee_user_id UNIQUE (user_id)',
  'line item ck_line_item_unit_price CHECK (("unit price" >= (0)::numeric))',
  'line item fk_line item_order id_order FOREIGN KEY ("order id") REFERENCES "order"(id) ON DELETE CASCADE',
  'line item pk_line item PRIMARY KEY (id)',
  'order fk_order_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id)',
  'order pk_order PRIMARY KEY (id)',
  'order_item ck_order_item_quantity_positive CHECK ((quantity > 0))',
  'order_item fk_order_item_order_id_order FOREIGN KEY (order_id) REFERENCES "order"(id) ON DELETE CASCADE',
  'order_item fk_order_item_product_id_product FOREIGN KEY (product_id) REFERENCES product(id) ON DELETE RESTRICT',
  'order_item pk_order_item PRIMARY KEY (order_id, product_id)',
  'pg_extras pk_pg_extras PRIMARY KEY (id)',
  'product ck_product_price_not_negative CHECK ((price >= (0)::numeric))',
  'product fk_product_category_id_category FOREIGN KEY (category_id) REFERENCES category(id) ON UPDATE CASCADE ON DELETE RESTRICT',
  'product pk_product PRIMARY KEY (id)',
  'product uq_product_sku_code UNIQUE (sku)',
  'product_tag fk_product_tag_product_id_product FOREIGN KEY (product_id) REFERENCES product(id) ON DELETE CASCADE',
  'product_tag fk_product_tag_tag_id_tag FOREIGN KEY (tag_id) REFERENCES tag(id) ON DELETE CASCADE',
  'product_tag pk_product_tag PRIMARY KEY (product_id, tag_id)',
  'select pk_select PRIMARY KEY (id)',
  'subscription_plan_feature_entitlement_override fk_subscription_plan_feature_entitlement_override_subs_e35a7e96 FOREIGN KEY (subscription_plan_feature_id) REFERENCES product(id) ON DELETE CASCADE',
  'subscription_plan_feature_entitlement_override pk_subscription_plan_feature_entitlement_override PRIMARY KEY (id)',
  'tag pk_tag PRIMARY KEY (id)',
  'tag uq_tag_label UNIQUE (label)',
  'user pk_user PRIMARY KEY (id)',
  'user uq_user_email UNIQUE (email)',
];

/** The indexes that do not back a constraint (those are above, with their constraint). */
const INDEXES = [
  'CREATE INDEX "ix_MixedCase_CamelColumn" ON public."MixedCase" USING btree ("CamelColumn")',
  'CREATE INDEX "ix_line item_order id_unit price" ON public."line item" USING btree ("order id", "unit price")',
  'CREATE INDEX ix_audit_log_severe ON public.audit_log USING btree (severity) WHERE (severity > 2)',
  'CREATE INDEX ix_audit_log_table_name_occurred_at ON public.audit_log USING btree (table_name, occurred_at)',
  'CREATE INDEX ix_order_user_id ON public."order" USING btree (user_id)',
  'CREATE INDEX ix_pg_extras_doc ON public.pg_extras USING gin (doc)',
  'CREATE INDEX ix_product_category_id_name ON public.product USING btree (category_id, name)',
  'CREATE INDEX ix_select_from ON public."select" USING btree ("from")',
  'CREATE INDEX ix_subscription_plan_feature_entitlement_override_subs_c028c5e0 ON public.subscription_plan_feature_entitlement_override USING btree (subscription_plan_feature_id)',
  'CREATE UNIQUE INDEX ix_pg_extras_lower_email ON public.pg_extras USING btree (lower((email)::text))',
  'CREATE UNIQUE INDEX ix_pg_extras_address ON public.pg_extras USING btree (address) INCLUDE (seen_at, email) NULLS NOT DISTINCT',
];

describePostgres('createAll of the schema fixture, read back from pg_catalog', (ctx) => {
  let engine: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('pg_createall'));
    await buildSchemaFixture('postgresql').createAll(engine);
  });
  after(() => engine.dispose());

  it('creates every column with its type, nullability, identity, default and comment', async () => {
    assert.deepEqual(await catalogColumns(engine), COLUMNS);
  });

  it('creates every constraint under its convention name', async () => {
    assert.deepEqual(await catalogConstraints(engine), CONSTRAINTS);
  });

  it('creates every index (partial, expression, unique, gin, covering) besides the constraints\' own', async () => {
    const all = await catalogIndexes(engine);
    const own = all.filter((d) => !/INDEX "?(pk|uq)_/.test(d));
    assert.deepEqual(own, [...INDEXES].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // one unique index per primary key and unique constraint
    assert.equal(all.length - own.length, CONSTRAINTS.filter((c) => / (PRIMARY KEY|UNIQUE) /.test(c)).length);
  });

  it('stores table comments and enum types with their values in order', async () => {
    assert.deepEqual(await catalogTableComments(engine), ['audit_log append-only', "user people who log in; it's a reserved word"]);
    assert.deepEqual(await catalogEnums(engine), ['order_status(new,paid,shipped,cancelled)', 'product_status(draft,active,retired)']);
  });

  it('createAll with checkFirst on the existing schema runs no DDL', async () => {
    const statements: string[] = [];
    const off = engine.onQuery((e) => statements.push(e.sql));
    await buildSchemaFixture('postgresql').createAll(engine, { checkFirst: true });
    off();
    assert.deepEqual(statements.filter((s) => /^\s*(CREATE|ALTER|COMMENT|DROP)\b/i.test(s)), []);
    assert.ok(statements.some((s) => /pg_class/.test(s)), 'the existing tables were read');
  });

  it('dropAll leaves no table, sequence, index or type behind', async () => {
    const other = createEngine(await ctx.freshUrl('pg_dropall'));
    try {
      const metadata = buildSchemaFixture('postgresql');
      await metadata.createAll(other);
      assert.ok((await catalogObjects(other)).length > 50);
      await metadata.dropAll(other);
      assert.deepEqual(await catalogObjects(other), []);
      // dropAll with checkFirst on the empty database runs no DDL
      const statements: string[] = [];
      const off = other.onQuery((e) => statements.push(e.sql));
      await metadata.dropAll(other, { checkFirst: true });
      off();
      assert.deepEqual(statements.filter((s) => /^\s*DROP\b/i.test(s)), []);
    } finally {
      await other.dispose();
    }
  });
});
