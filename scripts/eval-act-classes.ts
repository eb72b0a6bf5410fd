/**
 * How act classes fail on real text: over the dev fixtures' annotations, pairs of words that tell
 * one act (two articles' sides of a gold conflict, two articles' words of a corroborated fact) and
 * pairs that tell different acts of one story (the two sides of a trap; the acts of two different
 * annotated items, unless the story also pairs them as one act), each side's act read by the parse
 * (the snippet's verb, the verb it hangs on, or the verb of the act noun it is). Prints, over pairs of
 * different words, how many the runtime classes join (recall) and how many different acts they join
 * (false joins), by the source of the join (lemma, phrasal, frame, synset, deverbal, link), then the
 * same for candidate WordNet relations not in the runtime lexicons.
 *
 *   node --import tsx scripts/eval-act-classes.ts [--list] [--cache FILE]
 *
 * Dev split only (held-out fixtures are never read). `--list` prints the pairs of each figure;
 * `--cache FILE` keeps the pairs read from the fixtures in FILE (the pipeline run takes minutes under load).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cueClassOf } from '../src/analyse/quotes/cues.js';
import { actClass, datedActClass, phrasalAct, spelledVerb, verbOfActNoun } from '../src/compare/act-classes.js';
import { prepareStory, type Sent } from '../src/compare/prepare.js';
import { noActVerb, parseOf, particleOf, spanTokens } from '../src/compare/syntax.js';
import { verbsOfEventNoun } from '../src/compare/story-event.js';
import { loadFixtures, loadStory } from './eval-crosscheck.js';
import { PARTICLES, readVerbIndex, readVerbSynsets, readVerbTagCounts } from './wordnet-verbs.js';

/** The act one annotated snippet tells: its verb's lemma and particle, or the verb of its act noun. */
interface Act {
  article: string;
  lemma: string;
  particle: string | null;
  /** The act noun it was read from ("the arrest"), when the snippet names its act by a noun. */
  noun?: string;
  /** Read outside the snippet's words (the verb a value hangs on): a weaker witness of the annotated act. */
  outside?: boolean;
}
interface Item {
  story: string;
  id: string;
  kind: 'same' | 'trap';
  acts: Act[];
}
type Pair = { story: string; a: Act; b: Act; why: string };

const keyOf = (a: Act) => (a.particle ? `${a.lemma} ${a.particle}` : a.lemma);
/** One verb however the lemmatiser spelled it ("defeate", "defeat"): not two acts, whichever items tell them. */
const oneVerb = (a: Act, b: Act) => a.particle === b.particle && spelledVerb(a.lemma) === spelledVerb(b.lemma);
const skipped = (a: Act) => noActVerb(a.lemma) || cueClassOf(a.lemma) === 'speech' || a.lemma === 'be';

/** The verb of an act noun: the act-class lexicon's, else WordNet's derived verb written from the noun. */
function verbOfNoun(noun: string): string | undefined {
  return verbOfActNoun(noun) ?? verbsOfEventNoun(noun).find((v) => v.slice(0, Math.min(5, v.length - 1)) === noun.slice(0, Math.min(5, v.length - 1)));
}

/** The act of the words at [start, end) of a sentence: a verb among them (the highest), else an act noun at their head, else the verb above. */
function actOfSpan(s: Sent, start: number, end: number, article: string): Act | null {
  const tokens = parseOf(s.art);
  if (!tokens) return null;
  const [lo, hi] = spanTokens(tokens, { start, end });
  const depth = (i: number) => {
    let d = 0;
    for (let j = i; j >= 0 && d < 50; j = tokens[j].head) d++;
    return d;
  };
  const inside = Array.from({ length: hi - lo }, (_, k) => lo + k);
  const verbs = inside.filter((i) => tokens[i].upos === 'VERB').sort((x, y) => depth(x) - depth(y) || x - y);
  // (a particle of the closed class only: the parse's "died instantly" is "die")
  const particle = (i: number) => {
    const p = particleOf(s, i);
    return p && PARTICLES.has(p) ? p : null;
  };
  const at = (i: number): Act => ({ article, lemma: tokens[i].lemma.toLowerCase(), particle: particle(i) });
  if (verbs.length) return at(verbs[0]);
  const top = inside.sort((x, y) => depth(x) - depth(y) || x - y)[0];
  if (top === undefined) return null;
  const noun = tokens[top].upos === 'NOUN' ? tokens[top].lemma.toLowerCase() : '';
  const nounVerb = noun ? verbOfNoun(noun) : undefined;
  if (nounVerb) return { article, lemma: nounVerb, particle: null, noun };
  for (let i = tokens[top].head, n = 0; i >= 0 && n < 8; i = tokens[i].head, n++) if (tokens[i].upos === 'VERB') return { ...at(i), outside: true };
  return null;
}

/** Every annotated item of the dev fixtures with the acts its snippets tell. */
function readItems(): Item[] {
  const items: Item[] = [];
  for (const f of loadFixtures().filter((g) => g.split === 'dev')) {
    const { articles, idOf } = loadStory(f);
    const story = prepareStory({ articles, copies: [] });
    const actOf = (article: string, snippet: string): Act | null => {
      const id = idOf.get(article);
      for (const s of story.sentences) {
        if (s.art.id !== id) continue;
        const at = s.art.text.slice(s.span.start, s.span.end).indexOf(snippet);
        if (at >= 0) return actOfSpan(s, s.span.start + at, s.span.start + at + snippet.length, article);
      }
      return null;
    };
    const add = (id: string, kind: Item['kind'], sides: [string, string][]) => {
      const acts = sides.map(([a, snip]) => actOf(a, snip)).filter((x): x is Act => !!x);
      items.push({ story: f.name, id, kind, acts });
    };
    const e = f.expected;
    for (const c of [...e.conflicts, ...(e.acceptableConflicts ?? [])]) add(c.what, 'same', c.sides.map((x) => [x.article, x.contains]));
    for (const c of [...e.corroborated, ...(e.acceptableCorroborated ?? [])]) add(c.what, 'same', Object.entries(c.articles));
    for (const t of e.traps ?? []) add(t.what, 'trap', t.sides.map((x) => [x.article, x.contains]));
  }
  return items;
}

/** Pairs of different words: one act (an item's sides in two articles), a trap's two sides, and the acts of two items of a story. */
function pairsOf(items: Item[]): { same: Pair[]; trap: Pair[]; other: Pair[]; skippedPairs: number } {
  const same = new Map<string, Pair>();
  const trap = new Map<string, Pair>();
  let skippedPairs = 0;
  const pk = (story: string, a: Act, b: Act) => `${story}\u0000${[keyOf(a), keyOf(b)].sort().join('\u0000')}`;
  for (const it of items)
    for (let i = 0; i < it.acts.length; i++)
      for (let j = i + 1; j < it.acts.length; j++) {
        const [a, b] = [it.acts[i], it.acts[j]];
        if (keyOf(a) === keyOf(b) || (it.kind === 'same' ? a.article === b.article : oneVerb(a, b))) continue;
        if (skipped(a) || skipped(b)) {
          skippedPairs++;
          continue;
        }
        (it.kind === 'same' ? same : trap).set(pk(it.story, a, b), { story: it.story, a, b, why: it.id });
      }
  const other = new Map<string, Pair>();
  const sameItems = items.filter((it) => it.kind === 'same');
  for (const x of sameItems)
    for (const y of sameItems) {
      if (x.story !== y.story || x.id >= y.id) continue;
      for (const a of x.acts)
        for (const b of y.acts) {
          const k = pk(x.story, a, b);
          if (keyOf(a) !== keyOf(b) && !oneVerb(a, b) && !skipped(a) && !skipped(b) && !same.has(k)) other.set(k, { story: x.story, a, b, why: `${x.id} / ${y.id}` });
        }
    }
  return { same: [...same.values()], trap: [...trap.values()], other: [...other.values()], skippedPairs };
}

/** The runtime class of an act as the dated acts read it (phrasal verb, then frame, then first-sense synonyms). */
const runtimeClass = (a: Act) => datedActClass(phrasalAct(a.lemma, a.particle, true));

/** Which runtime lexicon joins two acts, or null. */
function runtimeSource(a: Act, b: Act): string | null {
  if (runtimeClass(a) !== runtimeClass(b)) return null;
  if ((a.noun || b.noun) && a.lemma === b.lemma) return 'deverbal';
  if (a.lemma === b.lemma) return 'phrasal';
  if (oneVerb(a, b)) return 'spelling';
  const [pa, pb] = [phrasalAct(a.lemma, a.particle, true), phrasalAct(b.lemma, b.particle, true)];
  if (pa === pb) return 'phrasal';
  if (actClass(pa) === actClass(pb)) return 'frame';
  return 'synset';
}

const index = readVerbIndex();
const synsets = readVerbSynsets();
/** The WordNet entry of an act: its phrasal verb when WordNet lists it ("check_into"), else its verb. */
const wnKey = (a: Act) => (a.particle && index.has(`${a.lemma}_${a.particle}`) ? `${a.lemma}_${a.particle}` : a.lemma);
const sensesOf = (a: Act, n: number) => index.get(wnKey(a))?.senses.slice(0, n) ?? [];
const taggedOf = (a: Act) => sensesOf(a, Math.max(1, index.get(wnKey(a))?.tagged ?? 0));
const pointed = (offset: string, symbols: string) => (synsets.get(offset)?.pointers ?? []).filter(([s]) => symbols.includes(s)).map(([, o]) => o);
const meets = (xs: string[], ys: string[]) => xs.some((x) => ys.includes(x));
const firstOf = (a: Act) => sensesOf(a, 1);

const tagCounts = readVerbTagCounts();
/** The share of a verb's tagged uses that are one synset's (0 when untagged). */
function shareOf(a: Act, offset: string): number {
  const counts = tagCounts.get(wnKey(a));
  const all = [...(counts?.values() ?? [])].reduce((x, y) => x + y, 0);
  return all ? (counts!.get(offset) ?? 0) / all : 0;
}
/** One verb's first sense is a sense of the other's that carries at least `share` of its tagged uses ("step down" / resign). */
const usualSense = (share: number) => (a: Act, b: Act) =>
  firstOf(a).some((o) => shareOf(b, o) >= share) || firstOf(b).some((o) => shareOf(a, o) >= share);

const hypernymsOf = (o: string) => pointed(o, '@');
const troponymCount = new Map<string, number>();
for (const [, syn] of synsets) for (const [sym, o] of syn.pointers) if (sym === '@') troponymCount.set(o, (troponymCount.get(o) ?? 0) + 1);
/** The single-word verb whose first sense is a synset, the first the synset lists. */
const verbOfSynset = (o: string) => synsets.get(o)?.words.find((w) => !w.includes('_') && index.get(w)?.senses[0] === o);
/**
 * A verb raised to the verb of its first sense's direct hypernym ("hurl" → throw) when that hypernym is no root of
 * WordNet's verb hierarchy (not "move", "change", "make") and has at most `most` troponyms.
 */
const raised = (a: Act, most: number): string => {
  const up = firstOf(a).flatMap(hypernymsOf).find((h) => hypernymsOf(h).length > 0 && (troponymCount.get(h) ?? 0) <= most);
  return (up && verbOfSynset(up)) ?? wnKey(a);
};
const raisedClass = (most: number) => (a: Act, b: Act) => {
  const ca = datedActClass(phrasalAct(raised(a, most).replace('_', ' '), null));
  const cb = datedActClass(phrasalAct(raised(b, most).replace('_', ' '), null));
  return ca === cb || ca === runtimeClass(b) || cb === runtimeClass(a);
};

/** The senses that carry at least `share` of a verb's tagged uses (its first sense always), with at least `least` uses. */
const usualSenses = (a: Act, share: number, least: number) => {
  const counts = tagCounts.get(wnKey(a));
  const all = [...(counts?.values() ?? [])].reduce((x, y) => x + y, 0);
  return [...firstOf(a), ...[...(counts ?? [])].filter(([, n]) => n >= least && n / all >= share).map(([o]) => o)];
};
const usualMeet = (share: number, least: number) => (a: Act, b: Act) => meets(usualSenses(a, share, least), usualSenses(b, share, least));

/**
 * Each verb raised once to the verb whose first sense is the direct hypernym of its own first sense
 * ("hurl" → throw), the verb that owns that sense being the first tagged one alphabetically; a verb
 * others are raised to stays itself (no chains: "throw" is not raised to "propel").
 */
const troponymOf = new Map<string, string>();
{
  const firstOwner = new Map<string, string>();
  for (const [v, e] of [...index].sort(([x], [y]) => (x < y ? -1 : 1))) if (/^[a-z]+$/.test(v) && e.tagged > 0 && !firstOwner.has(e.senses[0])) firstOwner.set(e.senses[0], v);
  for (const [v, e] of index) {
    const up = hypernymsOf(e.senses[0]).map((h) => firstOwner.get(h)).find((b) => b && b !== v);
    if (up) troponymOf.set(v, up);
  }
  for (const b of new Set(troponymOf.values())) troponymOf.delete(b);
}
const raisedOnce = (a: Act) => troponymOf.get(wnKey(a)) ?? wnKey(a);
const raisedOnceClass = (a: Act, b: Act) => {
  const [ra, rb] = [raisedOnce(a), raisedOnce(b)];
  const cls = (x: string, act: Act) => (x === wnKey(act) ? runtimeClass(act) : datedActClass(x));
  return cls(ra, a) === cls(rb, b);
};

/** A verb no frame lists joins the frame of the verb whose first sense is its first sense's direct hypernym ("hurl" → throw's frame). */
const framedOwner = new Map<string, string>();
for (const [v, e] of [...index].sort(([x], [y]) => (x < y ? -1 : 1))) if (/^[a-z]+$/.test(v) && actClass(v) !== v && !framedOwner.has(e.senses[0])) framedOwner.set(e.senses[0], v);
const frameOfTroponym = (a: Act) => {
  const v = wnKey(a);
  if (actClass(v.replace('_', ' ')) !== v.replace('_', ' ')) return runtimeClass(a);
  const up = firstOf(a).flatMap(hypernymsOf).map((h) => framedOwner.get(h)).find((b) => b);
  return up ? actClass(up) : runtimeClass(a);
};
const troponymFrame = (a: Act, b: Act) => frameOfTroponym(a) === frameOfTroponym(b);

/** Candidate WordNet relations between two acts' verbs, each a test of two acts. */
const CANDIDATES: [string, (a: Act, b: Act) => boolean][] = [
  ['first sense in the other verb\'s tagged senses', (a, b) => meets(firstOf(a), taggedOf(b)) || meets(firstOf(b), taggedOf(a))],
  ['first sense a sense of >= 10% of the other\'s uses', usualSense(0.1)],
  ['first sense a sense of >= 20% of the other\'s uses', usualSense(0.2)],
  ['first sense a sense of >= 33% of the other\'s uses', usualSense(0.33)],
  ['raised to the hypernym\'s verb (no root, any troponyms)', raisedClass(1e9)],
  ['raised to the hypernym\'s verb (no root, <= 40 troponyms)', raisedClass(40)],
  ['raised to the hypernym\'s verb (no root, <= 15 troponyms)', raisedClass(15)],
  ['usual senses meet (>= 15%, 2 uses)', usualMeet(0.15, 2)],
  ['usual senses meet (>= 20%, 2 uses)', usualMeet(0.2, 2)],
  ['usual senses meet (>= 30%, 2 uses)', usualMeet(0.3, 2)],
  ['raised once to the verb of the hypernym (targets stay)', raisedOnceClass],
  ['a troponym of a framed verb joins its frame', troponymFrame],
  ['tagged senses shared', (a, b) => meets(taggedOf(a), taggedOf(b))],
  ['first two senses shared', (a, b) => meets(sensesOf(a, 2), sensesOf(b, 2))],
  ['verb group of first senses', (a, b) => meets(firstOf(a), firstOf(b).flatMap((o) => pointed(o, '$'))) || meets(firstOf(b), firstOf(a).flatMap((o) => pointed(o, '$')))],
  ['verb group of tagged senses', (a, b) => meets(taggedOf(a), taggedOf(b).flatMap((o) => [o, ...pointed(o, '$')]))],
  ['also see of first senses', (a, b) => meets(firstOf(a), firstOf(b).flatMap((o) => pointed(o, '^'))) || meets(firstOf(b), firstOf(a).flatMap((o) => pointed(o, '^')))],
  ['entailment or cause of first senses', (a, b) => meets(firstOf(a), firstOf(b).flatMap((o) => pointed(o, '*>'))) || meets(firstOf(b), firstOf(a).flatMap((o) => pointed(o, '*>')))],
  ['first sense a direct hypernym of the other', (a, b) => meets(firstOf(a), firstOf(b).flatMap((o) => pointed(o, '@'))) || meets(firstOf(b), firstOf(a).flatMap((o) => pointed(o, '@')))],
  ['first senses share a direct hypernym', (a, b) => meets(firstOf(a).flatMap((o) => pointed(o, '@')), firstOf(b).flatMap((o) => pointed(o, '@')))],
];

function show(label: string, pairs: Pair[], list: boolean) {
  console.log(`  ${label}: ${pairs.length}`);
  if (list) for (const p of pairs) console.log(`    ${p.story}\t${keyOf(p.a)}${p.a.noun ? ` (${p.a.noun})` : ''} / ${keyOf(p.b)}${p.b.noun ? ` (${p.b.noun})` : ''}\t${p.why.slice(0, 70)}`);
}

function main() {
  const list = process.argv.includes('--list');
  const at = process.argv.indexOf('--cache');
  const cache = at > 0 ? process.argv[at + 1] : '';
  const items: Item[] = cache && existsSync(cache) ? JSON.parse(readFileSync(cache, 'utf8')) : readItems();
  if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(items));
  const { same: anyWords, trap, other, skippedPairs } = pairsOf(items);
  // one act told in both snippets' own words (not the verb a value hangs on): the evaluation's gold
  const same = anyWords.filter((p) => !p.a.outside && !p.b.outside);
  const acts = items.reduce((n, it) => n + it.acts.length, 0);
  console.log(`items ${items.length} (acts read ${acts}); pairs of different words: one act ${same.length} (${anyWords.length} with the verbs values hang on), trap ${trap.length}, other items ${other.length} (pairs with a verb of saying, a light verb or "be": ${skippedPairs}, not counted)`);
  const negatives = [...trap, ...other];
  const joined = (ps: Pair[]) => ps.filter((p) => runtimeSource(p.a, p.b));
  const bySource = (ps: Pair[]) => [...new Set(ps.map((p) => runtimeSource(p.a, p.b)!))].sort().map((s) => `${s} ${ps.filter((p) => runtimeSource(p.a, p.b) === s).length}`).join(', ');
  const sameJoined = joined(same);
  console.log(`runtime classes: recall ${sameJoined.length}/${same.length} (${(sameJoined.length / Math.max(1, same.length)).toFixed(3)}; ${bySource(sameJoined)})`);
  console.log(`  with the verbs values hang on: ${joined(anyWords).length}/${anyWords.length}`);
  console.log(`  false joins: traps ${joined(trap).length}/${trap.length}, other items ${joined(other).length}/${other.length} (${bySource(joined(negatives))})`);
  // figure slots (counts, terms, measures) read the FrameNet class alone (actClass, after the hand-built phrasal acts)
  const figureClass = (a: Act) => actClass(phrasalAct(a.lemma, a.particle));
  const figureJoined = (ps: Pair[]) => ps.filter((p) => figureClass(p.a) === figureClass(p.b)).length;
  console.log(`figure slots' classes (frames only): recall ${figureJoined(same)}/${same.length}; false joins: traps ${figureJoined(trap)}/${trap.length}, other items ${figureJoined(other)}/${other.length}`);
  if (list) {
    show('joined, one act', sameJoined, true);
    show('joined, different acts', joined(negatives), true);
    show('not joined, one act', same.filter((p) => !runtimeSource(p.a, p.b)), true);
  }
  console.log('candidate WordNet relations (pairs the runtime classes do not join):');
  for (const [name, link] of CANDIDATES) {
    const gain = same.filter((p) => !runtimeSource(p.a, p.b) && link(p.a, p.b));
    const wrong = negatives.filter((p) => !runtimeSource(p.a, p.b) && link(p.a, p.b));
    const gainAny = anyWords.filter((p) => !runtimeSource(p.a, p.b) && link(p.a, p.b));
    console.log(` ${name}: one act +${gain.length} (+${gainAny.length} with the verbs values hang on), different acts +${wrong.length} (traps ${wrong.filter((p) => trap.includes(p)).length})`);
    if (list) {
      show('gained', gain, true);
      show('false', wrong, true);
    }
  }
}

main();
