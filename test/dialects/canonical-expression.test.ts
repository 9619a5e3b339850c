import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalExpression } from '../../src/dialects/base/canonical-expression.js';

const same: Array<[string, string]> = [
  ['((price > (0)::numeric))', 'price > 0'],
  ["((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))", "status IN ('a', 'b')"],
  ["`status` in ('a','b')", "status IN ('a','b')"],
  ["(created_at < '2020-01-01 00:00:00'::timestamp(6) without time zone)", "created_at < '2020-01-01 00:00:00'"],
  ["_utf8mb4'x' = `a`", "'x' = a"],
  ['"Qty" != 0', 'qty <> 0'],
  ["((name)::text ~~ 'a%'::text)", "name LIKE 'a%'"],
  ['(lower((email)::text))', 'lower(email)'],
];

const different: Array<[string, string]> = [
  ["status = 'A'", "status = 'a'"],
  ['price > 0', 'price >= 0'],
  ["note = 'two  spaces'", "note = 'two spaces'"],
];

test('catalog spellings of one expression share a canonical form', () => {
  for (const [a, b] of same) assert.equal(canonicalExpression(a), canonicalExpression(b), `${a} vs ${b}`);
});

test('different expressions keep different canonical forms', () => {
  for (const [a, b] of different) assert.notEqual(canonicalExpression(a), canonicalExpression(b), `${a} vs ${b}`);
});
