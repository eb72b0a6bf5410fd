/**
 * How the verbs that state no act of their own behave in a treebank: the figures behind the light-verb
 * sets of stories (src/stories/main-claim.ts, `LIGHT`: a main predicate that states no act) and of
 * compare (src/compare/syntax.ts, `noActVerb`: a person who says or is something takes part in no
 * act), read from the Universal Dependencies English Web Treebank (../shared/data/syntax, train split):
 *
 *   node --import tsx scripts/ud-light-verbs.ts [--min N]
 *
 * For each verb (UPOS VERB, by lemma) seen at least N (30) times: its frequency rank among verbs and
 * the share of its tokens that head a clausal complement (`xcomp` or `ccomp`: "wants to hire",
 * "said the coach was fired"), whose act is the complement's, not the verb's. Printed: the verbs of
 * either set, then the verbs that head a complement most of the time but are in neither.
 * Reads the treebank only; writes nothing.
 */
import { readFileSync } from 'node:fs';

const TREEBANK = new URL('../../shared/data/syntax/ud-english-ewt/en_ewt-ud-train.conllu', import.meta.url).pathname;
const at = process.argv.indexOf('--min');
const MIN = at > 0 ? Number(process.argv[at + 1]) || 30 : 30;
const CLAUSAL = new Set(['xcomp', 'ccomp']);

const tokens = new Map<string, number>();
const heading = new Map<string, number>();
let sentence: string[][] = [];
const flush = () => {
  const clausal = new Set(sentence.filter((c) => CLAUSAL.has(c[7].split(':')[0])).map((c) => c[6]));
  for (const c of sentence) {
    if (c[3] !== 'VERB') continue;
    const lemma = c[2].toLowerCase();
    tokens.set(lemma, (tokens.get(lemma) ?? 0) + 1);
    if (clausal.has(c[0])) heading.set(lemma, (heading.get(lemma) ?? 0) + 1);
  }
  sentence = [];
};
for (const line of readFileSync(TREEBANK, 'utf8').split('\n')) {
  if (!line.trim()) flush();
  else if (!line.startsWith('#')) {
    const c = line.split('\t');
    if (/^\d+$/.test(c[0])) sentence.push(c);
  }
}
flush();

const rank = new Map([...tokens].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([l], i) => [l, i + 1]));
const share = (l: string) => (heading.get(l) ?? 0) / (tokens.get(l) || 1);
const row = (l: string) => `${l}\trank ${rank.get(l) ?? '-'}\ttokens ${tokens.get(l) ?? 0}\tclausal complement ${share(l).toFixed(2)}`;
const stories = ['be', 'have', 'do', 'get', 'make', 'go', 'come', 'seem', 'say', 'tell', 'take', 'give', 'see', 'look', 'want', 'need', 'try', 'become', 'remain', 'appear'];
const compare = ['say', 'tell', 'add', 'state', 'report', 'note', 'claim', 'be', 'have', 'do', 'get', 'make', 'go', 'come', 'identify', 'describe', 'name', 'call', 'know'];
console.log(`# ${TREEBANK.split('/').pop()}: ${tokens.size} verb lemmas`);
console.log('\n# stories LIGHT (main-claim.ts)');
for (const l of stories) console.log(row(l));
console.log('\n# compare noActVerb (syntax.ts)');
for (const l of compare) console.log(row(l));
console.log(`\n# in neither, at least ${MIN} tokens, heading a clausal complement in at least half`);
for (const [l, n] of [...tokens].sort((a, b) => b[1] - a[1])) if (n >= MIN && share(l) >= 0.5 && !stories.includes(l) && !compare.includes(l)) console.log(row(l));
