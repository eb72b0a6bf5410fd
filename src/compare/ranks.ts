/**
 * Ranks: the place of a thing in a series ("his sixth defense of the title", "defended the title
 * for the fifth time", "intercepted the pass in the third quarter"), read by analyse as ordinals
 * (unit `ordinal`, the ranked noun in `counted`). Two ranks are one slot only when they rank one
 * thing of one holder in one act; then two values are a dispute:
 * - "for the Nth time" ranks its clause's act: the verb's class (act-classes.ts) and its object,
 *   held by the verb's subject ("Roe defended her title for the fifth time");
 * - a possessed noun ("Roe's sixth defense", "her second conviction") ranks the holder's own series:
 *   the noun (a noun that names an act, as its verb: "defense of the title" and "defended the title
 *   for the sixth time" are one series) and what it is of;
 * - "the Nth round / quarter / lap" places an act in a period of the event: the verb, its subject and
 *   object; a player scores in two quarters, so such ranks are one act only when the two sentences
 *   also share another figure ("an 86-yard run in the third quarter" / "in the fourth").
 * Words between the ordinal and its noun are part of the series ("his 10th consecutive bout" is a
 * streak, not the count of his bouts). Not compared: ranks without a holder, ranks in sentences of
 * another day than the story's event (background.ts backgroundSentences), ranks bounded by a span
 * ("the third time since 1996", "the third fight in a decade"). Ranks are kept out of the fact
 * alignment and the brief's values (prepare.ts): a shared "second half" is no shared fact.
 */
import type { Quantity, SyntaxToken } from '../model/types.js';
import { actClass, verbOfActNoun } from './act-classes.js';
import { canonicalName, type Sent, type StoryView } from './prepare.js';
import { articleOnTwoSides, crossOutletPairs, sidesByFirst, slotConflicts, wordedSide } from './sides.js';
import { backgroundSentences, storyEventDay } from './background.js';
import { personKey, resolveOneNameSlots } from './person-keys.js';
import { kidsOf, parseOf, partyAt, relOf, spanTokens } from './syntax.js';
import { cmp } from './text.js';
import type { Conflict } from './types.js';

interface Rank {
  sent: Sent;
  q: Quantity;
  /** `rank|<holder key>|<series>`; `person` the holder's canonical name (one-name slots join, resolveOneNameSlots). */
  slot: string;
  person: string;
  span: { start: number; end: number };
  /** A period rank ("in the third quarter") tells one act only with another figure both sentences share. */
  period: boolean;
}

/** Nouns by which "for the Nth time" ranks its clause's act rather than a thing. */
const OCCASION = new Set(['time', 'occasion']);
/** Right after the ranked noun: a span that bounds the series ("since 1996", "in a decade", "this year"): a part of the holder's series. */
const BOUNDED = /^\s+(?:since|in\s+(?:a|the\s+(?:last|past))\s+\w+|in\s+\w+\s+(?:years|seasons|months|weeks|days)|this\s+(?:year|season|month|week)|of\s+the\s+(?:year|season|night|day|game|match))\b/i;
/** Relations of a noun to the verb of its clause that a rank of an act or period reads. */
const TO_VERB = new Set(['obl', 'nmod', 'advmod', 'obj', 'nsubj']);

/** The verb a noun at `i` hangs on (through at most two nouns: "in the first minute of the third quarter"), or -1. */
function governingVerb(tokens: readonly SyntaxToken[], i: number): number {
  let t = i;
  for (let step = 0; step < 3 && t >= 0; step++) {
    const h = tokens[t].head;
    if (h < 0) return -1;
    if (tokens[h].upos === 'VERB') return TO_VERB.has(relOf(tokens[t])) ? h : -1;
    if (tokens[h].upos !== 'NOUN' && tokens[h].upos !== 'PROPN') return -1;
    t = h;
  }
  return -1;
}

/** The person or organisation a token names (or the subject of the verb above a pronoun), as a holder; null when none. */
function holderAt(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], i: number, verb: number): { key: string; name: string } | null {
  const party = partyAt(s, tokens, i);
  if (party) return { key: party.key, name: party.name };
  // a name the tagger missed ("Klitchsko's sixth defense", a misspelling): the proper noun as written
  const tagged = (e: { span: { start: number; end: number } }) => e.span.start <= tokens[i].start && tokens[i].end <= e.span.end;
  if (tokens[i].upos === 'PROPN' && !s.entities.some(tagged) && !s.times.some(tagged)) return { key: tokens[i].text, name: tokens[i].text };
  if (tokens[i].upos !== 'PRON' || verb < 0) return null;
  const subj = subjectOf(tokens, kids, verb);
  const p = subj === undefined ? undefined : partyAt(s, tokens, subj);
  return p ? { key: p.key, name: p.name } : null;
}

/** The nominal subject of the verb at `verb`, by the parse. */
function subjectOf(tokens: readonly SyntaxToken[], kids: number[][], verb: number): number | undefined {
  return kids[verb].find((c) => relOf(tokens[c]) === 'nsubj');
}

/** The lemma of a child of `head` by relation (and, for nouns, case word), or '' when none. */
function childLemma(tokens: readonly SyntaxToken[], kids: number[][], head: number, rel: string, caseWord?: string): string {
  const c = kids[head].find((k) => relOf(tokens[k]) === rel && (!caseWord || kids[k].some((g) => relOf(tokens[g]) === 'case' && tokens[g].lemma.toLowerCase() === caseWord)));
  return c === undefined ? '' : tokens[c].lemma.toLowerCase();
}

/** The rank's slot in its sentence, or null when it names no holder or act (see the file's comment). */
export function rankOf(s: Sent, q: Quantity): Rank | null {
  const tokens = parseOf(s.art);
  if (!tokens || !q.counted) return null;
  const [first, end] = spanTokens(tokens, q.span);
  if (end - first < 2) return null;
  const noun = end - 1;
  const text = s.art.text;
  if (BOUNDED.test(text.slice(tokens[noun].end, s.span.end))) return null;
  const kids = kidsOf(tokens);
  // words between the ordinal and its noun name the series ("consecutive", "straight", "IBF")
  const between = tokens.slice(first + 1, noun).filter((t) => t.upos !== 'PUNCT' && !/^(?:st|nd|rd|th)$/i.test(t.text)).map((t) => t.lemma.toLowerCase());
  const lemma = tokens[noun].lemma.toLowerCase();
  const verb = governingVerb(tokens, noun);
  const poss = kids[noun].find((k) => tokens[k].deprel === 'nmod:poss');
  // (the holder of a rank told by its verb: the verb's subject)
  const subjectHolder = () => {
    const subj = subjectOf(tokens, kids, verb);
    return subj === undefined ? null : holderAt(s, tokens, kids, subj, verb);
  };
  let holder: { key: string; name: string } | null;
  let series: string;
  let period = false;
  if (OCCASION.has(lemma)) {
    if (verb < 0) return null;
    holder = subjectHolder();
    series = `act:${actClass(tokens[verb].lemma)}:${childLemma(tokens, kids, verb, 'obj')}`;
  } else if (poss !== undefined) {
    holder = holderAt(s, tokens, kids, poss, verb);
    const act = verbOfActNoun(lemma);
    series = act ? `act:${actClass(act)}:${childLemma(tokens, kids, noun, 'nmod', 'of')}` : `own:${lemma}`;
  } else {
    if (verb < 0) return null;
    holder = subjectHolder();
    series = `at:${lemma}:${actClass(tokens[verb].lemma)}:${childLemma(tokens, kids, verb, 'obj')}`;
    period = true;
  }
  if (!holder) return null;
  const person = canonicalName(holder.name);
  const span = { start: tokens[first].start, end: tokens[noun].end };
  return { sent: s, q, slot: `rank|${personKey(person)}|${[series, ...between].join(' ')}`, person, span, period };
}

/** The ranks of the story's sentences that tell its event's day (not another day's), each with its slot. */
function ranksOf(story: StoryView): Rank[] {
  const eventDay = storyEventDay(story.articles);
  const out: Rank[] = [];
  for (const a of story.articles) {
    if (!a.ranks?.length) continue;
    const background = backgroundSentences(a.sentences, eventDay);
    for (const s of a.sentences) {
      if (background.get(s.index) === 'other-day') continue;
      for (const q of a.ranks) {
        if (q.span.start < s.span.start || q.span.start >= s.span.end) continue;
        const r = rankOf(s, q);
        if (r) out.push(r);
      }
    }
  }
  return out;
}

/** Whether two sentences share a figure other than their ranks (alignment features `#unit:value:counted`). */
function shareFigure(a: Sent, b: Sent): boolean {
  const figs = new Set(a.slots.filter((x) => x.startsWith('#')));
  return b.slots.some((x) => figs.has(x));
}

/** Conflicts between ranks of one slot told differently by independent sources. */
export function rankConflicts(story: StoryView): Conflict[] {
  const rs = ranksOf(story);
  if (rs.length < 2) return [];
  resolveOneNameSlots(rs);
  return slotConflicts(rs, (ms) => rankConflict(story, ms));
}

function rankConflict(story: StoryView, rs: Rank[]): Conflict | null {
  if (story.independent(rs.map((r) => r.sent.art.id)) < 2) return null;
  const sorted = [...rs].sort((a, b) => a.q.value - b.q.value || cmp(a.sent.id, b.sent.id) || a.span.start - b.span.start);
  const sides = sidesByFirst(sorted, (first, r) => first.q.value === r.q.value);
  if (sides.length < 2) return null;
  // a period rank: one act only when a sentence of each side shares another figure with one of the other's
  const oneAct = (i: number, j: number) => !rs[0].period || sides[i].some((x) => sides[j].some((y) => shareFigure(x.sent, y.sent)));
  const pairs = crossOutletPairs(sides).filter((p) => oneAct(p.a, p.b));
  if (!pairs.length) return null;
  const label = [...rs].sort((a, b) => b.person.length - a.person.length || cmp(a.person, b.person))[0];
  const thing = label.q.counted ?? 'rank';
  return {
    id: '',
    kind: 'count',
    slot: `rank of ${label.person}'s ${thing}`,
    severity: 'conflict',
    withinArticle: articleOnTwoSides(sides),
    sides: sides.map((x) => wordedSide(story, x, (r) => String(r.q.value), { kind: 'quantity', unit: 'ordinal' })),
    pairs,
    note: `${sides.map((x) => x[0].q.value).join(' vs ')}: different places in one series of the same holder`,
    factIds: [],
  };
}
