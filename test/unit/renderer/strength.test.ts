import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MIN_SCORE, passphraseStrength } from '../../../renderer/src/lib/strength';

test('common, short and patterned passphrases are rejected', () => {
  for (const weak of ['', 'password', 'Password1', 'qwerty123', 'aaaaaaaaaaaa', 'abcdefghijkl', '12345678901', 'attest2026']) {
    assert.ok(
      passphraseStrength(weak).score < MIN_SCORE,
      `${JSON.stringify(weak)} should be below the minimum (${passphraseStrength(weak).bits} bits)`,
    );
  }
});

test('long word passphrases and random strings are accepted, stronger with length', () => {
  for (const good of ['correct horse battery staple', 'Tq8#vL2!mZ9@', 'violet tractor lagoon oyster']) {
    assert.ok(passphraseStrength(good).score >= MIN_SCORE, `${good} (${passphraseStrength(good).bits} bits)`);
  }
  assert.equal(passphraseStrength('correct horse battery staple').label, 'Strong');
  assert.ok(passphraseStrength('violet tractor lagoon oyster').bits > passphraseStrength('violet tractor').bits);
});
