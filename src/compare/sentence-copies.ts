/**
 * Sentences that are copies of each other: syndicated copies of one wire story repeat most of its
 * sentences word for word, and a story of 1,000 near-copies has ten copies of each. The fact
 * alignment takes such a group as one node carrying its member count (`facts.ts`), so a copy group
 * costs the candidate search and average link one sentence, not ten.
 *
 * A copy is what every similarity reads alike, not only the same words: the same text, figures and
 * dates (the slots), the same named people and places at the same places in the sentence, the same
 * figures with the same holders, the same direct quotations. Then a member's similarity to any other
 * sentence is its group's first member's, and two members' similarity is one value per group.
 */
import { figureHolders } from './figure-holders.js';
import type { QuoteView, Sent } from './prepare.js';
import { kidsOf, parseOf, spanTokens } from './syntax.js';

export interface CopyGroups {
  /** By sentence ordinal: the ordinal of its group's first sentence (its own when it has no copy). */
  firstOf: Int32Array;
  /** Groups of two or more sentences by their first sentence's ordinal: the members' ordinals, ascending. */
  members: Map<number, number[]>;
}

/**
 * The copy groups among `candidates` (sentences of `all`, the story's sentences by ordinal). The
 * first sentence of a group is the one of lowest ordinal: the story orders its articles by id, so
 * the groups and their first sentences do not depend on the order the articles came in.
 */
export function sentenceCopies(all: Sent[], candidates: Sent[], ordinal: Map<Sent, number>): CopyGroups {
  const firstOf = Int32Array.from(all, (_, i) => i);
  const members = new Map<number, number[]>();
  // first by text alone (most sentences of a story have no copy), then what else the similarity reads
  const byText = new Map<string, number[]>();
  for (const o of candidates.map((s) => ordinal.get(s)!).sort((a, b) => a - b)) {
    const s = all[o];
    const text = s.art.text.slice(s.span.start, s.span.end);
    const same = byText.get(text);
    if (same) same.push(o);
    else byText.set(text, [o]);
  }
  for (const same of byText.values()) {
    if (same.length < 2) continue;
    const byKey = new Map<string, number>();
    for (const o of same) {
      const key = copyKey(all[o]);
      const first = byKey.get(key);
      if (first === undefined) {
        byKey.set(key, o);
        continue;
      }
      firstOf[o] = first;
      let m = members.get(first);
      if (!m) members.set(first, (m = [first]));
      m.push(o);
    }
  }
  return { firstOf, members };
}

/** Takes a group apart: each member its own node again (a group whose members do not align with each other). */
export function dissolveCopies(groups: CopyGroups, first: number): void {
  for (const o of groups.members.get(first) ?? []) groups.firstOf[o] = o;
  groups.members.delete(first);
}

/** Per article, its quotations by the sentence they sit in (read once per article). */
const QUOTES_BY_SENTENCE = new WeakMap<Sent['art'], Map<Sent, QuoteView[]>>();
function quotesIn(s: Sent): QuoteView[] | undefined {
  let bySent = QUOTES_BY_SENTENCE.get(s.art);
  if (!bySent) {
    QUOTES_BY_SENTENCE.set(s.art, (bySent = new Map()));
    for (const q of s.art.quotes) {
      const l = bySent.get(q.sent);
      if (l) l.push(q);
      else bySent.set(q.sent, [q]);
    }
  }
  return bySent.get(s);
}

/** Everything the alignment's similarity reads of a sentence besides its text, as one string (positions from the sentence's start). */
function copyKey(s: Sent): string {
  const from = s.span.start;
  let entities = '';
  for (const e of s.entities) entities += `${entities ? '|' : ''}${e.type}:${e.key}:${at(e.span, from)}`;
  let figures = '';
  if (s.quantities.length) {
    const holders = figureHolders(s);
    for (let i = 0; i < s.quantities.length; i++) {
      const q = s.quantities[i];
      figures += `${i ? '|' : ''}${q.unit}:${q.value}:${q.counted ?? ''}:${at(q.span, from)}:${holders[i]?.join(' ') ?? ''}`;
    }
  }
  return `${s.slots.join('|')}\u0000${entities}\u0000${figures}\u0000${quoteReading(s)}`;
}

/** A span's place from the sentence's start at `from`, as a key part. */
function at(sp: { start: number; end: number }, from: number): string {
  return `${sp.start - from}-${sp.end - from}`;
}

/**
 * By sentence ordinal: the copy whose claims (`claims.ts`) it has, itself when none. Claims read the
 * parse of the sentence, its times and the direct quotations in it besides what `copyKey` holds;
 * copies parsed, dated and quoted alike have one reading, so a fact's claims are read once per
 * copy group (a story of near-copies reads each sentence ten times otherwise).
 */
export function claimTwins(all: Sent[], groups: CopyGroups): Int32Array {
  const twinOf = Int32Array.from(all, (_, i) => i);
  for (const members of groups.members.values()) {
    // the group's readings so far, each by its first sentence (copies are mostly read alike: one)
    const readings: number[] = [];
    for (const o of members) {
      let twin = -1;
      for (const r of readings)
        if (sameReading(all[r], all[o])) {
          twin = r;
          break;
        }
      if (twin < 0) readings.push(o);
      else twinOf[o] = twin;
    }
  }
  return twinOf;
}

/** Whether two copies have one parse (tokens, heads and children inside the sentence, "outside" alike), the same times and the same quotations' kinds, cues and words. */
function sameReading(a: Sent, b: Sent): boolean {
  const ta = a.times;
  const tb = b.times;
  if (ta.length !== tb.length) return false;
  for (let i = 0; i < ta.length; i++) {
    const x = ta[i];
    const y = tb[i];
    if (x.span.start - a.span.start !== y.span.start - b.span.start || x.span.end - x.span.start !== y.span.end - y.span.start) return false;
    if (x.resolved !== y.resolved || x.value !== y.value || x.anchor !== y.anchor || x.text !== y.text) return false;
  }
  if (quoteReading(a) !== quoteReading(b)) return false;
  const pa = parseOf(a.art);
  const pb = parseOf(b.art);
  if (!pa || !pb) return !pa && !pb;
  const [loA, hiA] = spanTokens(pa, a.span);
  const [loB, hiB] = spanTokens(pb, b.span);
  if (hiA - loA !== hiB - loB) return false;
  const ka = kidsOf(pa);
  const kb = kidsOf(pb);
  for (let d = 0; d < hiA - loA; d++) {
    const x = pa[loA + d];
    const y = pb[loB + d];
    if (x.start - a.span.start !== y.start - b.span.start || x.end - x.start !== y.end - y.start) return false;
    if (x.text !== y.text || x.lemma !== y.lemma || x.upos !== y.upos || x.xpos !== y.xpos || x.deprel !== y.deprel || inSentence(x.head, loA, hiA) !== inSentence(y.head, loB, hiB)) return false;
    const kx = ka[loA + d];
    const ky = kb[loB + d];
    if (kx.length !== ky.length) return false;
    for (let i = 0; i < kx.length; i++) if (inSentence(kx[i], loA, hiA) !== inSentence(ky[i], loB, hiB)) return false;
  }
  return true;
}

/** A token's place in its sentence (tokens lo to hi), or -1 outside it (a function of its own: sameReading runs once per copy of every sentence). */
function inSentence(j: number, lo: number, hi: number): number {
  return j >= lo && j < hi ? j - lo : -1;
}

/** The direct quotations analyse read in a sentence (what the similarity and the claims read): cue, span and parts (from the sentence's start) and words, as one string. */
function quoteReading(s: Sent): string {
  const quotes = quotesIn(s);
  if (!quotes) return '';
  const from = s.span.start;
  let out = '';
  let n = 0;
  for (const q of quotes) {
    if (q.quote.kind !== 'direct') continue;
    let parts = '';
    for (const p of q.quote.parts ?? []) parts += `${parts ? ',' : ''}${at(p, from)}`;
    out += `${n++ ? '\u0001' : ''}${q.quote.cue ? at(q.quote.cue.span, from) : ''}:${at(q.quote.span, from)}:${parts}:${q.text}`;
  }
  return out;
}
