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
import { tokenAt } from '../text/tokenize.js';
import { figureHolders } from './figure-holders.js';
import type { Sent } from './prepare.js';
import { kidsOf, parseOf } from './syntax.js';

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
  const quotesOf = directQuotesBySentence(candidates);
  const byKey = new Map<string, number>();
  const ords = candidates.map((s) => ordinal.get(s)!).sort((a, b) => a - b);
  for (const o of ords) {
    const key = copyKey(all[o], quotesOf.get(all[o]));
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
  return { firstOf, members };
}

/** Takes a group apart: each member its own node again (a group whose members do not align with each other). */
export function dissolveCopies(groups: CopyGroups, first: number): void {
  for (const o of groups.members.get(first) ?? []) groups.firstOf[o] = o;
  groups.members.delete(first);
}

/** The direct quotations of each sentence's article that sit in it, as spans from the sentence's start. */
function directQuotesBySentence(sentences: Sent[]): Map<Sent, string[]> {
  const out = new Map<Sent, string[]>();
  for (const art of new Set(sentences.map((s) => s.art)))
    for (const q of art.quotes) {
      if (q.quote.kind !== 'direct') continue;
      const from = q.sent.span.start;
      const parts = (q.quote.parts?.length ? q.quote.parts : [q.quote.span]).map((p) => `${p.start - from}-${p.end - from}`).join(',');
      let l = out.get(q.sent);
      if (!l) out.set(q.sent, (l = []));
      l.push(parts);
    }
  return out;
}

/** Everything the alignment's similarity reads of a sentence, as one string (positions from the sentence's start). */
function copyKey(s: Sent, quotes: string[] | undefined): string {
  const from = s.span.start;
  const at = (sp: { start: number; end: number }) => `${sp.start - from}-${sp.end - from}`;
  const entities = s.entities.map((e) => `${e.type}:${e.key}:${at(e.span)}`).join('|');
  const holders = s.quantities.length ? figureHolders(s) : [];
  const figures = s.quantities.map((q, i) => `${q.unit}:${q.value}:${q.counted ?? ''}:${at(q.span)}:${holders[i]?.join(' ') ?? ''}`).join('|');
  return [s.art.text.slice(s.span.start, s.span.end), s.slots.join('|'), entities, figures, quotes?.join('|') ?? ''].join('\u0000');
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
    const quotesOf = directQuotesBySentence(members.map((o) => all[o]));
    const byReading = new Map<string, number>();
    for (const o of members) {
      const key = readingKey(all[o], quotesOf.get(all[o]));
      const first = byReading.get(key);
      if (first === undefined) byReading.set(key, o);
      else twinOf[o] = first;
    }
  }
  return twinOf;
}

/** The sentence's parse (tokens, heads and children inside it; "out" for one outside), times and direct quotations' cues and words, as one string. */
function readingKey(s: Sent, quotes: string[] | undefined): string {
  const from = s.span.start;
  const tokens = parseOf(s.art);
  const out: string[] = [quotes?.join('|') ?? ''];
  for (const t of s.times) out.push(`${t.span.start - from}-${t.span.end - from}:${t.resolved ?? ''}:${t.value ?? ''}:${t.anchor ?? ''}:${t.text}`);
  for (const q of s.art.quotes) if (q.sent === s) out.push(`${q.quote.kind}:${q.quote.cue ? q.quote.cue.span.start - from : ''}:${q.text}`);
  if (!tokens) return `${out.join('\u0001')}\u0000none`;
  const lo = tokenAt(tokens, s.span.start);
  let hi = lo;
  while (hi < tokens.length && tokens[hi].start < s.span.end) hi++;
  const kids = kidsOf(tokens);
  const rel = (j: number) => (j >= lo && j < hi ? j - lo : 'out');
  for (let j = lo; j < hi; j++) {
    const t = tokens[j];
    out.push(`${t.start - from}-${t.end - from}:${t.text}:${t.lemma}:${t.upos}:${t.xpos}:${t.deprel}:${rel(t.head)}:${kids[j].map(rel).join(',')}`);
  }
  return out.join('\u0001');
}
