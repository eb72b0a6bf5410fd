/**
 * Whose figure: the person, organisation or place a figure belongs to by the parse. Two sentences
 * that give one figure state one fact only when it is one holder's: "John Kasich was in second with
 * 16 percent" and "Ted Cruz follows Trump with 16 percent" give two candidates' results; "the
 * Nationals made Teixeira a $160 million offer" and "the Red Sox have made an offer in excess of
 * $160 million" two teams' offers.
 */
import type { Quantity, SyntaxToken } from '../model/types.js';
import { tokenAt } from '../text/tokenize.js';
import type { Sent } from './prepare.js';
import { kidsOf, parseOf, relOf } from './syntax.js';

/** Relations by which a phrase opens a clause of its own: the holder of the clause above is not the figure's. */
const CLAUSE_LINKS = new Set(['acl', 'advcl', 'ccomp', 'parataxis', 'csubj']);
/** Steps up from the figure's phrase to the predicate whose subject holds it ("16 percent" → "second" → its subject). */
const MAX_STEPS = 4;

/** A figure's holder: the names its subject's words hold ("Carolina Panthers QB Cam Newton": both), or null. */
export type Holder = string[] | null;
const HOLDERS = new WeakMap<Sent, Holder[]>();

/** The holders of a sentence's figures, in the order of `s.quantities` (null: none named). Once per sentence. */
export function figureHolders(s: Sent): Holder[] {
  let h = HOLDERS.get(s);
  if (!h) HOLDERS.set(s, (h = s.quantities.map((q) => figureHolder(s, q))));
  return h;
}

/**
 * The named holder of a figure: the name that owns its phrase ("Kasich's 16 percent") or that is the
 * active subject of the predicate the phrase hangs on, at most MAX_STEPS up and never out of its
 * clause ("Kasich was in second with 16 percent", "Cruz follows Trump with 16 percent", "the Red Sox
 * have made an offer in excess of $160 million"). Null when the subject is not a name (a pronoun, a
 * common noun: "16 people died"), is the passive subject (who received, not who gave: "Teixeira was
 * offered $160 million"), or the article has no parse.
 */
export function figureHolder(s: Sent, q: Pick<Quantity, 'span'>): Holder {
  const tokens = parseOf(s.art);
  const at = holderToken(s, q);
  return tokens && at >= 0 ? nameOf(s, tokens, kidsOf(tokens), at) : null;
}

/** The parse index of the word `figureHolder` reads the holder's name from (the possessor or the active subject, which may be a pronoun), or -1. */
export function holderToken(s: Sent, q: Pick<Quantity, 'span'>): number {
  const tokens = parseOf(s.art);
  if (!tokens) return -1;
  const kids = kidsOf(tokens);
  let i = phraseHead(tokens, q);
  for (let step = 0; step <= MAX_STEPS && i >= 0; step++) {
    for (const c of kids[i]) {
      const rel = tokens[c].deprel;
      if (rel === 'nmod:poss' && step <= 1) return c;
      // "Rodney Buford ’ s school scoring record of 2,116 points": a person's name compounded with the
      // noun is its possessor (a parse may lose the "'s" written apart), not the clause's subject
      if (rel === 'compound' && step <= 1 && tokens[c].upos === 'PROPN' && s.entities.some((e) => e.type === 'PER' && e.span.start <= tokens[c].start && tokens[c].start < e.span.end)) return c;
      if (relOf(tokens[c]) === 'nsubj') return rel === 'nsubj' ? c : -1;
    }
    if (CLAUSE_LINKS.has(relOf(tokens[i]))) return -1;
    i = tokens[i].head;
  }
  return -1;
}

/** The token of a figure's phrase whose head lies outside the figure (the phrase's head), or -1. */
function phraseHead(tokens: readonly SyntaxToken[], q: Pick<Quantity, 'span'>): number {
  for (let k = tokenAt(tokens, q.span.start); k < tokens.length && tokens[k].start < q.span.end; k++) {
    const h = tokens[k].head;
    if (h < 0 || tokens[h].start < q.span.start || tokens[h].start >= q.span.end) return k;
  }
  return -1;
}

/** Relations by which one figure is told with another as one thing's measures: "eight years, $160 million", "eight years and $184 million", "$160 million over eight years". */
const JOINS_FIGURE = new Set(['conj', 'appos', 'obl', 'nmod', 'list']);

/**
 * The figure of the sentence that `q` is told with as measures of one thing, by the parse: the
 * other figure whose phrase head is `q`'s head, or is headed by it, through coordination,
 * apposition or a modifier ("a contract of eight years and $184 million": the sum and the years
 * are one offer's; "bid $160 million over eight years"). Such a figure has the other's holder when
 * its own clause names none (measures.ts). Null when none, or when two are (a list of several
 * holders' figures: "the Orioles seven years, the Nationals eight years").
 */
export function figureToldWith(s: Sent, q: Quantity): Quantity | null {
  const tokens = parseOf(s.art);
  if (!tokens) return null;
  const own = phraseHead(tokens, q);
  if (own < 0) return null;
  const within = (o: Quantity, i: number) => i >= 0 && tokens[i].start >= o.span.start && tokens[i].start < o.span.end;
  const joined = s.quantities.filter((o) => {
    if (o === q || o.unit === q.unit) return false;
    const other = phraseHead(tokens, o);
    if (other < 0) return false;
    // q hangs on o's phrase, or o on q's, by a relation of joined measures
    return (within(o, tokens[own].head) && JOINS_FIGURE.has(relOf(tokens[own]))) || (within(q, tokens[other].head) && JOINS_FIGURE.has(relOf(tokens[other])));
  });
  return joined.length === 1 ? joined[0] : null;
}

/** Relations that continue a noun's words or rename it ("Sen." → "Ted" → "Cruz", as a parser may hang them; "QB Cam Newton"). */
const NAME_PARTS = new Set(['flat', 'compound', 'appos']);

/** The keys of the named entities (people, organisations, places) a noun and the words of its name hold, or null when none. */
function nameOf(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], noun: number): Holder {
  const keys = new Set<string>();
  const words = [noun];
  for (let k = 0; k < words.length && k < 12; k++) {
    const at = tokens[words[k]].start;
    for (const e of s.entities) if (e.span.start <= at && at < e.span.end) keys.add(e.key);
    for (const c of kids[words[k]]) if (NAME_PARTS.has(relOf(tokens[c]))) words.push(c);
  }
  return keys.size ? [...keys] : null;
}

/** Two holders named, and no name of one the name of the other ("ted cruz" / "marco rubio"). */
export function otherHolder(a: Holder, b: Holder): boolean {
  return !!a && !!b && !a.some((x) => b.some((y) => sameName(x, y)));
}

/** One name holds the other's words ("ted cruz" holds "cruz"; the linker may leave one person as "anthony lasalle" and "anthony phillip lasalle"). */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const words = new Set(long.split(' '));
  return short.split(' ').every((w) => words.has(w));
}

/** One figure: one unit and value, and one counted noun when both name it ("16 points" is not "16 turnovers"). */
function sameFigure(q: Pick<Quantity, 'unit' | 'value' | 'counted'>, o: Pick<Quantity, 'unit' | 'value' | 'counted'>): boolean {
  if (q.unit !== o.unit || q.value !== o.value) return false;
  return !q.counted || !o.counted || q.counted.replace(/s$/, '') === o.counted.replace(/s$/, '');
}

/**
 * Whether two sentences give one figure (unit and value) only as two holders' figures: some shared
 * figure has two named holders, and no shared figure has one holder or an unnamed one.
 */
export function figuresOfOtherHolders(a: Sent, b: Sent): boolean {
  if (!a.quantities.length || !b.quantities.length) return false;
  let other = false;
  for (const [i, q] of a.quantities.entries())
    for (const [j, o] of b.quantities.entries()) {
      if (!sameFigure(q, o)) continue;
      if (!otherHolder(figureHolders(a)[i], figureHolders(b)[j])) return false;
      other = true;
    }
  return other;
}
