/**
 * Quality floor of the shipped model on a fixed slice of EWT dev (the first 500 sentences, gold
 * tokenisation, CoNLL 2018 definitions), against test/baselines.json. The full figures come
 * from `npm run eval:syntax`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { readConllu } from '../../src/analyse/syntax/conllu.js';
import { syntaxModel } from '../../src/analyse/syntax/model-file.js';
import { analyseWords } from '../../src/analyse/syntax/words-analysis.js';

const DEV = new URL('../../../shared/data/syntax/ud-english-ewt/en_ewt-ud-dev.conllu', import.meta.url);
const baselines = JSON.parse(readFileSync(new URL('../baselines.json', import.meta.url), 'utf8')) as Record<string, number>;

it('UPOS, UAS and LAS on a dev slice stay above the baselines', () => {
  const model = syntaxModel();
  assert.ok(model, 'models/syntax.bin is present');
  const sentences = readConllu(readFileSync(DEV, 'utf8')).slice(0, 500);
  let n = 0, upos = 0, uas = 0, las = 0;
  for (const s of sentences) {
    const out = analyseWords(model, s.words.map((w) => w.form));
    s.words.forEach((g, i) => {
      n++;
      if (out[i].upos === g.upos) upos++;
      if (out[i].head !== g.head) return;
      uas++;
      if (out[i].deprel.split(':')[0] === g.deprel.split(':')[0]) las++;
    });
  }
  assert.ok(n > 5000);
  assert.ok(upos / n >= baselines['syntax.upos'], `UPOS ${(upos / n).toFixed(4)} < ${baselines['syntax.upos']}`);
  assert.ok(uas / n >= baselines['syntax.uas'], `UAS ${(uas / n).toFixed(4)} < ${baselines['syntax.uas']}`);
  assert.ok(las / n >= baselines['syntax.las'], `LAS ${(las / n).toFixed(4)} < ${baselines['syntax.las']}`);
});
