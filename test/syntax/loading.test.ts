/**
 * The model is read lazily (on the first sentence, not on import) and once per process, and
 * reading it is quick: the file is its run-time layout, with nothing to decompress or rebuild.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseSentences } from '../../src/analyse/syntax/index.js';
import { modelLoadMs, syntaxModel, syntaxModelLoaded } from '../../src/analyse/syntax/model-file.js';
import { splitSentences } from '../../src/analyse/tokenize.js';

it('loads the model on the first parse, once, in well under a second', () => {
  assert.equal(syntaxModelLoaded(), false, 'importing the syntax layer does not read the model');
  const text = 'The minister said on Monday that talks would resume.';
  const first = parseSentences(text, splitSentences(text));
  assert.equal(syntaxModelLoaded(), true);
  assert.equal(first.tokens.find((t) => t.text === 'said')?.upos, 'VERB');
  const m = syntaxModel();
  parseSentences(text, splitSentences(text));
  assert.equal(syntaxModel(), m, 'the same model object: read once');
  // A loose bound for a shared machine (the old gzip + hash-table build took 3–6 s under load;
  // the figure measured on a quiet machine is in the README).
  assert.ok(modelLoadMs() < 1500, `model load ${modelLoadMs().toFixed(0)} ms`);
});
