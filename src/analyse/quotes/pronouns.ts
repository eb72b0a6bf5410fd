/**
 * Pronoun speakers ("he said", "it said", "they said"): the nearest earlier speaker the pronoun
 * agrees with (gender as the text gives it, see ../gender.ts; number; person or organisation), else
 * the nearest such mention; and the second pass over all quotes in text order.
 */
import type { Quote, Span, SyntaxToken } from '../../model/types.js';
import { articleGenders, type Gender, genderOfPerson } from '../gender.js';
import type { NameMention, Resolution, SpeakerContext, SpeakerRecord, SubjectAntecedent } from './speakers.js';
import { partitionPoint } from '../../util/search.js';
import { coverIndex } from './segments.js';
import { PRONOUNS, TITLE_WORDS } from './words.js';

/** Group names a recogniser may mistake for people. */
const PARTY_WORDS = /^(Republicans?|Democrats?|Democratic|GOP|Conservatives?|Liberals?|Labour|Tories|Tory)$/;

/** A name that can be a person: some capitalised word that is neither a title nor a party. */
function personLike(name: string): boolean {
  return name.split(/\s+/).some((w) => /^\p{Lu}/u.test(w) && !TITLE_WORDS.has(w.toLowerCase()) && !PARTY_WORDS.test(w));
}

/** personLike of a speaker's name, asked once per article: a pronoun is checked against every earlier speaker. */
function personLikeIn(ctx: SpeakerContext, name: string): boolean {
  ctx.personLikeName ??= new Map();
  let p = ctx.personLikeName.get(name);
  if (p === undefined) ctx.personLikeName.set(name, (p = personLike(name)));
  return p;
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

/** Whether parse token `h` heads a main clause: the sentence's root or a clause coordinated with it. */
function mainClause(parse: readonly SyntaxToken[], h: number): boolean {
  const t = parse[h];
  return t.head === -1 || (t.deprel === 'conj' && parse[t.head]?.head === -1);
}

/**
 * The narrative's subjects, in text order: each person mention (or "he"/"she") that the parse makes
 * the one subject (nsubj, nsubj:pass) of a main clause, outside quotation marks. The robust arcs
 * only: a subject and its clause's root, no attachment of adverbial or relative clauses.
 */
function subjectAntecedents(ctx: SpeakerContext): SubjectAntecedent[] {
  if (ctx.subjects) return ctx.subjects;
  const out: SubjectAntecedent[] = [];
  const parse = ctx.parse ?? [];
  const persons = ctx.mentions.filter((m) => m.type === 'PER');
  const isSubject = (t: SyntaxToken) => t.deprel === 'nsubj' || t.deprel === 'nsubj:pass';
  // a clause the parse gives two subjects ("A screen test at 20th Century Fox went badly" with
  // "test" and "Fox") has no reliable one
  const subjects = new Map<number, number>();
  for (const t of parse) if (isSubject(t)) subjects.set(t.head, (subjects.get(t.head) ?? 0) + 1);
  // (the first person mention, in text order, holding the token: mentions are sorted by start, and one
  // that holds it starts at most the longest mention's length before its end; not a scan of them all)
  const longest = persons.reduce((l, m) => Math.max(l, m.span.end - m.span.start), 0);
  const personAt = (t: SyntaxToken) => {
    for (let k = partitionPoint(persons, (m) => m.span.start < t.end - longest); k < persons.length && persons[k].span.start <= t.start; k++) {
      if (t.end <= persons[k].span.end) return persons[k];
    }
    return null;
  };
  for (const t of parse) {
    if (!isSubject(t) || t.head < 0 || subjects.get(t.head) !== 1 || !mainClause(parse, t.head) || ctx.quoted?.(t.start)) continue;
    const raw = t.text.toLowerCase();
    if (raw === 'he' || raw === 'she') {
      out.push({ pos: t.start, span: { start: t.start, end: t.end }, mention: null, pronoun: raw });
      continue;
    }
    const m = personAt(t);
    if (m) out.push({ pos: m.span.start, span: m.span, mention: m, pronoun: null });
  }
  return (ctx.subjects = out);
}

/** The entity a subject antecedent stands for: its mention's, or its pronoun's resolution (once per pronoun pass). */
function subjectEntity(ctx: SpeakerContext, a: SubjectAntecedent): Resolution {
  if (a.mention) return { entity: a.mention.entity, name: a.mention.name };
  ctx.subjectResolved ??= new Map();
  let r = ctx.subjectResolved.get(a.pos);
  if (!r) {
    ctx.subjectResolved.set(a.pos, { entity: null, name: null }); // (no cycle: a pronoun reads only what comes before it)
    r = resolvePronoun(ctx, a.span, a.pronoun!);
    ctx.subjectResolved.set(a.pos, r);
  }
  return r;
}

type Candidate = { pos: number; entity: string | null; name: string | null };

/** The entity the pronoun `raw` (lower case) at `span` stands for, or nobody. */
export function resolvePronoun(ctx: SpeakerContext, span: Span, raw: string): Resolution {
  const pron = PRONOUNS[raw];
  const want = raw === 'he' ? 'm' : raw === 'she' ? 'f' : null;
  const clash = (name: string | null) => {
    if (name === null) return false;
    if (pron === 'PER' && !personLikeIn(ctx, name)) return true;
    const g = want !== null ? genderOf(ctx, name) : null;
    return g !== null && g !== want;
  };
  // agreement first: a person the text genders as the pronoun does, near enough, wins over a nearer
  // person the text does not gender ("she" after "actress Susan Sarandon" and a "Donald Trump" with no pronoun)
  const agrees = (name: string | null, pos: number) => want !== null && name !== null && span.start - pos <= AGREEMENT_WINDOW && genderOf(ctx, name) === want;
  // the nearest compatible speaker before the pronoun (speakers are recorded in the order the
  // passes find them, not in text order)
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
  if (agreeing) return { entity: agreeing.entity, name: agreeing.name };
  // with no speaker the text genders as the pronoun does, a "he"/"she" continues the person the
  // narrative is about since the nearest speaker, or since the nearest person named when no one spoke
  const subject = want !== null ? narrativeSubject(ctx, span, clash, nearest?.pos ?? -1) : null;
  if (nearest) return subject ?? { entity: nearest.entity, name: nearest.name };
  let first: NameMention | null = null;
  let mention: NameMention | null = null;
  // (from the last mention starting before the pronoun: every later one ends after its start and was skipped)
  for (let i = partitionPoint(ctx.mentions, (m) => m.span.start < span.start) - 1; i >= 0 && !mention; i--) {
    const m = ctx.mentions[i];
    if (m.span.end > span.start) continue;
    if (pron === 'PER' && m.type !== 'PER') continue;
    if (pron === 'ORG' && m.type !== 'ORG') continue;
    if (raw === 'they') break; // "they" is rarely the last organisation named: leave it unresolved
    if (pron === 'PER' && clash(m.name)) continue;
    if (agrees(m.name, m.span.start) || want === null) mention = m;
    first ??= m;
    if (span.start - m.span.start > AGREEMENT_WINDOW) break;
  }
  // (a subject the narrative names after the nearest person mentioned, or that is that mention)
  if (subject && (!first || subject.pos >= first.span.start)) return subject;
  mention ??= first;
  return mention ? { entity: mention.entity, name: mention.name } : { entity: null, name: null };
}

/**
 * The nearest subject of the narrative after `since` and before the pronoun at `span` that the
 * pronoun does not clash with, within the agreement window and outside attributed contents:
 * "Garrard then threw the ball away … He later said" is Garrard, not the coach who spoke before;
 * "Hiller made her way … She also fired" is Hiller.
 */
function narrativeSubject(ctx: SpeakerContext, span: Span, clash: (name: string | null) => boolean, since: number): (Candidate & Resolution) | null {
  if (!ctx.parse?.length) return null;
  let out: (Candidate & Resolution) | null = null;
  const subjects = subjectAntecedents(ctx);
  for (let i = partitionPoint(subjects, (a) => a.pos < span.start - AGREEMENT_WINDOW); i < subjects.length; i++) {
    const a = subjects[i];
    if (a.pos >= span.start) break;
    if (a.pos <= since || ctx.inContent?.(a.pos)) continue;
    const who = subjectEntity(ctx, a);
    if (who.entity && !clash(who.name)) out = { pos: a.pos, entity: who.entity, name: who.name };
  }
  return out;
}

/**
 * Pronoun speakers once more, in text order: the passes find quotes out of text order, so a "he"
 * was resolved against the speakers found so far. Walking the quotes in order, each pronoun takes
 * the nearest compatible speaker before it among all quotes (a chain of "he said" follows its first
 * named speaker), and the result does not depend on which pass found what.
 */
export function reresolvePronouns(ctx: SpeakerContext, quotes: Quote[], resolve: (span: Span) => Resolution): void {
  const all = ctx.speakers;
  // the narrative's subjects inside a content are the content's, not the narrative's
  const covers = coverIndex(quotes);
  ctx.inContent = (pos) => covers(pos, pos + 1);
  ctx.subjectResolved = new Map();
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
