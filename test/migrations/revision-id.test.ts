import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { RevisionError } from '../../src/errors/index.js';
import { generateRevisionId, migrationFileName, slugify } from '../../src/migrations/revision-id.js';
import { seeded } from './revision-fixtures.js';

describe('revision ids', () => {
  it('are 12 lowercase hex characters from crypto or a number source', () => {
    assert.match(generateRevisionId(crypto), /^[0-9a-f]{12}$/);
    assert.match(generateRevisionId(Math.random), /^[0-9a-f]{12}$/);
    assert.equal(generateRevisionId(() => 0), '000000000000');
    assert.equal(generateRevisionId(() => 0.9999), 'ffffffffffff');
    assert.equal(generateRevisionId({ randomBytes: () => Uint8Array.from([0xa8, 0x1c, 0x0e, 0x5f, 0x22, 0xd9]) }), 'a81c0e5f22d9');
  });

  it('follow the injected randomness: the same seed gives the same ids, different seeds differ', () => {
    const a = seeded(42);
    const b = seeded(42);
    const first = [generateRevisionId(a), generateRevisionId(a)];
    assert.deepEqual([generateRevisionId(b), generateRevisionId(b)], first);
    assert.notEqual(first[0], first[1]);
    const many = new Set(Array.from({ length: 500 }, () => generateRevisionId(crypto)));
    assert.equal(many.size, 500);
  });

  it('refuse a broken random source', () => {
    assert.throws(() => generateRevisionId(() => 1), RevisionError);
    assert.throws(() => generateRevisionId({ randomBytes: () => new Uint8Array(2) }), /expected 6/);
  });
});

describe('migration file names', () => {
  const date = new Date('2026-11-21T10:15:42Z');

  it('are the UTC date, the id and the message slug', () => {
    assert.equal(migrationFileName({ id: 'a81c0e5f22d9', message: 'add post summary', date }), '2026_11_21_1015-a81c0e5f22d9_add_post_summary.ts');
    assert.equal(
      migrationFileName({ id: 'a81c0e5f22d9', message: 'x', date: new Date('2027-01-02T03:04:00+05:00') }),
      '2027_01_01_2204-a81c0e5f22d9_x.ts',
    );
    assert.equal(migrationFileName({ id: 'a81c0e5f22d9', date }), '2026_11_21_1015-a81c0e5f22d9.ts');
    assert.equal(migrationFileName({ id: 'a81c0e5f22d9', message: '!!!', date, extension: '.mts' }), '2026_11_21_1015-a81c0e5f22d9.mts');
    assert.throws(() => migrationFileName({ id: 'a', date: new Date('nope') }), /valid date/);
  });

  it('slugify messages: lowercase, one _ per run of other characters, trimmed, cut at a word', () => {
    assert.equal(slugify('  Add post.summary (nullable)!  '), 'add_post_summary_nullable');
    assert.equal(slugify('Créer la table «café»'), 'creer_la_table_cafe');
    assert.equal(slugify('user__email--unique'), 'user_email_unique');
    const long = slugify('add a very long message that goes on and on past forty characters');
    assert.equal(long, 'add_a_very_long_message_that_goes_on_and');
    assert.ok(long.length <= 40);
    assert.equal(slugify('x'.repeat(50)), 'x'.repeat(40));
    assert.equal(slugify(''), '');
  });
});
