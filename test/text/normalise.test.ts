import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldAccents } from '../../src/text/normalise.js';
import { entityId } from '../../src/analyse/entities/link.js';
import { nameSound } from '../../src/compare/person-keys.js';
import { outletKey } from '../../src/outlets/registry.js';

test('foldAccents takes accents and compatibility forms off, keeps case', () => {
  assert.equal(foldAccents('Café Zürich'), 'Cafe Zurich');
  assert.equal(foldAccents('Łódź'), 'Łodz'); // a stroke is part of the letter, not a combining mark
  assert.equal(foldAccents('ﬁnance'), 'finance');
  assert.equal(foldAccents('Ｔｏｋｙｏ'), 'Tokyo');
  assert.equal(foldAccents(''), '');
});

test('entity ids, person keys and outlet keys fold accents the same way', () => {
  assert.equal(entityId('PER', 'José Martí'), entityId('PER', 'Jose Marti'));
  assert.equal(nameSound('Zoë'), nameSound('Zoe'));
  assert.equal(outletKey('Le Monde Diplomatique'), outletKey('Le Monde Diplomatiqué'));
});
