/**
 * Identity check for inference speed work: runs sentence splitting, the entity tagger and the
 * syntax layer (tagger, lemmatiser, parser) over N PolNeAR articles and prints one SHA-256 of all
 * their outputs, plus the CPU time of each stage. A speed change to entities/ or syntax/ must
 * print the same hash as before it (outputs byte-identical).
 *
 *   node --import tsx scripts/check-analyse-identity.ts [--split train] [--limit 840] [--expect <hash>]
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { recogniseEntities } from '../src/analyse/entities/index.js';
import { parseSentences } from '../src/analyse/syntax/index.js';
import { splitSentences } from '../src/analyse/tokenize.js';

const { values } = parseArgs({ options: { split: { type: 'string', default: 'train' }, limit: { type: 'string', default: '840' }, expect: { type: 'string' } } });
const dir = resolve(import.meta.dirname, '..', '..', 'shared/data/attribution/polnear', values.split!, 'text');
const files = readdirSync(dir).sort().slice(0, Number(values.limit));
const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const hash = createHash('sha256');
const ms = { load: 0, entities: 0, syntax: 0 };
// models load on first use: time that separately, on a one-sentence text
let t = cpu();
recogniseEntities('Loading the model.', splitSentences('Loading the model.'));
parseSentences('Loading the model.', splitSentences('Loading the model.'));
ms.load = cpu() - t;
let words = 0;
for (const text of texts) {
  const sentences = splitSentences(text);
  t = cpu();
  const entities = recogniseEntities(text, sentences);
  const t1 = cpu();
  const syntax = parseSentences(text, sentences);
  const t2 = cpu();
  ms.entities += t1 - t;
  ms.syntax += t2 - t1;
  words += syntax.tokens.length;
  hash.update(JSON.stringify(entities));
  hash.update(JSON.stringify(syntax));
}
const digest = hash.digest('hex');
console.log(`${files.length} articles (${values.split}), ${words} words`);
console.log(`CPU ms: model load ${ms.load.toFixed(0)}, entities ${ms.entities.toFixed(0)} (${((1000 * files.length) / ms.entities).toFixed(1)} art/CPU-s), syntax ${ms.syntax.toFixed(0)} (${((1000 * words) / ms.syntax).toFixed(0)} words/CPU-s)`);
console.log(`sha256 ${digest}`);
if (values.expect && values.expect !== digest) {
  console.error(`DIFFERENT from expected ${values.expect}`);
  process.exit(1);
}
