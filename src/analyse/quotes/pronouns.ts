/**
 * Pronoun speakers ("he said", "it said", "they said"): the nearest earlier speaker the pronoun
 * agrees with (gender as the text gives it, see ../gender.ts; number; person or organisation), else
 * the nearest such mention; and the second pass over all quotes in text order.
 */
import type { Quote, Span } from '../../model/types.js';
import { articleGenders, type Gender, genderOfPerson } from '../gender.js';
import type { NameMention, Resolution, SpeakerContext, SpeakerRecord } from './speakers.js';
import { PRONOUNS, TITLE_WORDS } from './words.js';

/** Group names a recogniser may mistake for people. */
const PARTY_WORDS = /^(Republicans?|Democrats?|Democratic|GOP|Conservatives?|Liberals?|Labour|Tories|Tory)$/;

/** A name that can be a person: some capitalised word that is neither a title nor a party. */
function personLike(name: string): boolean {
  return name.split(/\s+/).some((w) => /^\p{Lu}/u.test(w) && !TITLE_WORDS.has(w.toLowerCase()) && !PARTY_WORDS.test(w));
}

/** The gender the text gives the person `name` (see gender.ts), or null when it gives none. */
function genderOf(ctx: SpeakerContext, name: string): Gender | null {
  if (!ctx.genders) {
    // a surname two people of the article share genders each of them by name only (articleGenders)
    const people = ctx.mentions.filter((m) => m.type === 'PER').map((m) => ({ span: m.span, name: m.name, person: m.name }));
    ctx.genders = articleGenders(ctx.toks, people, ctx.quoted);
  }
  ctx.genderOfName ??= new Map();
  let g = ctx.genderOfName.get(name);
  if (g === undefined) {
    g = genderOfPerson(ctx.genders, name, name.split(/\s+/).filter((w) => !TITLE_WORDS.has(w.toLowerCase())).join(' ')) ?? null;
    ctx.genderOfName.set(name, g);
  }
  return g;
}

/** How far back (characters, a few paragraphs) a person the text genders like the pronoun is preferred to a nearer ungendered one. */
const AGREEMENT_WINDOW = 1500;

/** The entity the pronoun `raw` (lower case) at `span` stands for, or nobody. */
export function resolvePronoun(ctx: SpeakerContext, span: Span, raw: string): Resolution {
  const pron = PRONOUNS[raw];
  const want = raw === 'he' ? 'm' : raw === 'she' ? 'f' : null;
  const clash = (name: string | null) =>
    (pron === 'PER' && name !== null && !personLike(name)) || (want !== null && name !== null && genderOf(ctx, name) !== null && genderOf(ctx, name) !== want);
  // the nearest compatible speaker before the pronoun (speakers are recorded in the order the
  // passes find them, not in text order)
  // agreement first: a person the text genders as the pronoun does, near enough, wins over a nearer
  // person the text does not gender ("she" after "actress Susan Sarandon" and a "Donald Trump" with no pronoun)
  const agrees = (name: string | null, pos: number) => want !== null && name !== null && span.start - pos <= AGREEMENT_WINDOW && genderOf(ctx, name) === want;
  let nearest: SpeakerRecord | null = null;
  let agreeing: SpeakerRecord | null = null;
  for (const s of ctx.speakers) {
    if (s.pos >= span.start || !s.entity || (nearest && nearest.pos >= s.pos && (!agreeing || agreeing.pos >= s.pos))) continue;
    if (clash(s.name)) continue;
    if (pron === 'PER' && (s.plural || s.entity.startsWith('ORG:'))) continue;
    if (pron === 'ORG' && !s.entity.startsWith('ORG:')) continue;
    if (raw === 'they' && !s.plural && !s.entity.startsWith('ORG:')) continue;
    if (!nearest || s.pos > nearest.pos) nearest = s;
    if (agrees(s.name, s.pos) && (!agreeing || s.pos > agreeing.pos)) agreeing = s;
  }
  const bySpeaker = agreeing ?? nearest;
  if (bySpeaker) return { entity: bySpeaker.entity, name: bySpeaker.name };
  let first: NameMention | null = null;
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i];
    if (m.span.end > span.start) continue;
    if (pron === 'PER' && m.type !== 'PER') continue;
    if (pron === 'ORG' && m.type !== 'ORG') continue;
    if (raw === 'they') break; // "they" is rarely the last organisation named: leave it unresolved
    if (pron === 'PER' && clash(m.name)) continue;
    if (agrees(m.name, m.span.start) || want === null) return { entity: m.entity, name: m.name };
    first ??= m;
    if (span.start - m.span.start > AGREEMENT_WINDOW) break;
  }
  return first ? { entity: first.entity, name: first.name } : { entity: null, name: null };
}

/**
 * Pronoun speakers once more, in text order: the passes find quotes out of text order, so a "he"
 * was resolved against the speakers found so far. Walking the quotes in order, each pronoun takes
 * the nearest compatible speaker before it among all quotes (a chain of "he said" follows its first
 * named speaker), and the result does not depend on which pass found what.
 */
export function reresolvePronouns(ctx: SpeakerContext, quotes: Quote[], resolve: (span: Span) => Resolution): void {
  const all = ctx.speakers;
  const ordered = quotes.filter((q) => q.speakerSpan).sort((a, b) => a.speakerSpan!.start - b.speakerSpan!.start || a.span.start - b.span.start);
  ctx.speakers = [];
  const pronounAt = new Map<number, Quote[]>();
  for (const q of ordered) {
    const raw = ctx.text.slice(q.speakerSpan!.start, q.speakerSpan!.end).toLowerCase();
    if (PRONOUNS[raw] === undefined && raw !== 'who') continue;
    const list = pronounAt.get(q.speakerSpan!.start) ?? [];
    list.push(q);
    pronounAt.set(q.speakerSpan!.start, list);
  }
  // named speakers keep their resolution; pronouns are redone, nearest first
  const records = all.filter((r) => !pronounAt.has(r.pos)).sort((a, b) => a.pos - b.pos);
  let ri = 0;
  for (const [pos, qs] of [...pronounAt].sort((a, b) => a[0] - b[0])) {
    while (ri < records.length && records[ri].pos < pos) ctx.speakers.push(records[ri++]);
    const who = resolve(qs[0].speakerSpan!);
    for (const q of qs) {
      q.speaker = who.entity;
      q.speakerName = who.name;
    }
    const raw = ctx.text.slice(qs[0].speakerSpan!.start, qs[0].speakerSpan!.end).toLowerCase();
    ctx.speakers.push({ pos, entity: who.entity, name: who.name, span: qs[0].speakerSpan!, plural: /^(they|we)$/.test(raw) });
  }
  while (ri < records.length) ctx.speakers.push(records[ri++]);
}
