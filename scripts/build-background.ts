/**
 * npm run build:background — the background word frequencies the framing section compares each
 * outlet's wording against (log-odds with an informative Dirichlet prior, Monroe et al. 2008).
 * Counts the normalised words of the Universal Dependencies English Web Treebank's training
 * sentences (CC BY-SA 4.0) and writes data/lexicons/background-unigrams.tsv: word, count, for
 * words seen at least twice. Derived counts only; no sentence of the treebank is shipped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeWord } from '../src/compare/text.js';
import { ROOT } from './eval-crosscheck.js';

const SRC = join(ROOT, '../shared/data/syntax/ud-english-ewt/en_ewt-ud-train.conllu');
const OUT = join(ROOT, 'data/lexicons/background-unigrams.tsv');

const counts = new Map<string, number>();
let total = 0;
for (const line of readFileSync(SRC, 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const cols = line.split('\t');
  if (!/^\d+$/.test(cols[0]) || !/\p{L}/u.test(cols[1])) continue;
  const w = normalizeWord(cols[1]);
  counts.set(w, (counts.get(w) ?? 0) + 1);
  total++;
}
const rows = [...counts].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const header = `# word counts of UD English EWT train (CC BY-SA 4.0), normalised by compare/text.ts normalizeWord; ${total} words; built by scripts/build-background.ts\n`;
writeFileSync(OUT, header + rows.map(([w, c]) => `${w}\t${c}`).join('\n') + '\n');
console.log(`${rows.length} words written to ${OUT}`);
