/**
 * Speaker phrases and their names: the noun phrase before or after a cue, the subject of a main
 * clause, and the entity a phrase names (the entity mention nearest its head, else a capitalised
 * name; pronouns are pronouns.ts's).
 */
import type { EntityMention, Span, SyntaxToken, Token } from '../../model/types.js';
import { outletFromName } from '../../outlets/index.js';
import { weekdayIndex } from '../../text/calendar.js';
import { dataLines, dataRows } from '../../text/lexicon.js';
import { partitionPoint } from '../../util/search.js';
import { WordCache } from '../../util/word-cache.js';
import { INSTITUTION_PLACES } from '../entities/gazetteer.js';
import { cleanName, namePartOf } from '../entities/link.js';
import type { Gender } from '../gender.js';
import { tokenAt, tokenize } from '../tokenize.js';
import { resolvePronoun } from './pronouns.js';
import { CAP_STOP, CUE_FORMS, DETERMINERS, isAdverb, isCap, isWord, lower, MAX_PRONOUN, NON_HEAD, PARTICIPLE_CUES, PRONOUNS, TITLE_WORDS, TRAILERS } from './words.js';

export interface NameMention {
  span: Span;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  entity: string;
  name: string;
}

export interface SpeakerRecord {
  pos: number;
  entity: string | null;
  name: string | null;
  span: Span;
  plural: boolean;
}

/** What speaker resolution reads of one article, and the speakers found so far. */
export interface SpeakerContext {
  genders?: Map<string, Gender>;
  /** The gender of each speaker name asked about (pronouns.ts genderOf): a pronoun is checked against every earlier speaker. */
  genderOfName?: Map<string, Gender | null>;
  /** Whether each speaker name asked about can be a person (pronouns.ts personLike), for the same reason. */
  personLikeName?: Map<string, boolean>;
  /** Is a position inside quotation marks? */
  quoted?: (pos: number) => boolean;
  /** The article's dependency parse, when it was parsed: the persons that are subjects of the narrative (pronouns.ts). */
  parse?: readonly SyntaxToken[] | null;
  /** Is a position inside an attributed content? Set for the last pronoun pass (pronouns.ts reresolvePronouns). */
  inContent?: (pos: number) => boolean;
  /** The narrative's subjects (pronouns.ts subjectAntecedents), built once per article. */
  subjects?: SubjectAntecedent[];
  /** A pronoun subject's resolution by its position, for one pass of pronouns (pronouns.ts). */
  subjectResolved?: Map<number, Resolution>;
  text: string;
  toks: Token[];
  mentions: NameMention[];
  speakers: SpeakerRecord[];
}

export type Resolution = { entity: string | null; name: string | null };

/** A person that is the subject of a main clause outside quotation marks ("Ms Page had been admitted …"), or a "he"/"she" there. */
export interface SubjectAntecedent {
  pos: number;
  span: Span;
  /** The person mention the subject is, or null for a pronoun (resolved in its turn). */
  mention: NameMention | null;
  pronoun: string | null;
}

let orgWords: Set<string> | null = null;
const organisationWords = (): Set<string> => (orgWords ??= new Set(dataLines('lexicons', 'organisation-words.tsv').map((l) => l.trim())));

let speakerNouns: Map<string, 'mute' | 'count'> | null = null;

/**
 * Whether a common noun can stand for a speaker: `mute` when it cannot, `count` when it is an amount
 * that stands for what it counts ("64 percent", "millions of Americans"), null when it can speak or
 * is not known. A person or an organisation speaks, and so do the documents and findings PolNeAR
 * marks as sources ("the report", "a poll"); "the shooting", "the phone", "this week" do not. From
 * WordNet's noun classes (data/lexicons/speaker-nouns.tsv, built by scripts/build-speaker-nouns.ts);
 * a generic word of organisation names speaks whatever WordNet says ("the campaign",
 * organisation-words.tsv). A plural as written (a colon label has no lemma: "Shootings") is read as
 * its singular.
 */
export function speakerNoun(noun: string): 'mute' | 'count' | null {
  speakerNouns ??= new Map(dataRows('lexicons', 'speaker-nouns.tsv').map(([n, kind]) => [n.trim(), kind === 'count' ? 'count' : 'mute']));
  const kindOf = (x: string) => (!x ? null : organisationWords().has(x[0].toUpperCase() + x.slice(1)) ? null : (speakerNouns!.get(x) ?? null));
  const w = noun.toLowerCase();
  if (speakerNouns.has(w) || !w.endsWith('s')) return w ? kindOf(w) : null;
  return kindOf(w.slice(0, -1)) ?? (w.endsWith('es') ? kindOf(w.slice(0, -2)) : null) ?? (w.endsWith('ies') ? kindOf(`${w.slice(0, -3)}y`) : null);
}

/**
 * Does a capitalised name name an organisation? When one of its words is a generic word of
 * organisation names (data/lexicons/organisation-words.tsv, case as written), or the whole name is
 * an outlet of the outlet registry ("Fox News", "Politico") or a seat of government ("the Kremlin"),
 * or one of its words is a registered outlet's acronym ("AP-GfK Poll").
 */
function namesOrganisation(name: string): boolean {
  let org = organisationNames.get(name);
  if (org === undefined) organisationNames.set(name, (org = readsAsOrganisation(name)));
  return org;
}

/**
 * namesOrganisation's answers by name: the same names come back in every speaker phrase of an
 * article and across articles, and each answer costs a regex over the words and two outlet-registry
 * look-ups (Unicode normalisation included). Bounded like the taggers' word caches.
 */
const organisationNames = new WordCache<boolean>(5_000);

function readsAsOrganisation(name: string): boolean {
  for (const w of name.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (organisationWords().has(w) || (/^\p{Lu}{2,}$/u.test(w) && outletFromName(w)?.known)) return true;
  }
  return outletFromName(name)?.known === true || INSTITUTION_PLACES.has(name.toLowerCase());
}

/**
 * fallbackSpeakerName's answers for the article last asked about, by span: the passes and the
 * review resolve the same speaker phrases again (about a third of the calls). Keyed on the text
 * itself, so another article (or the same words in another string) starts afresh.
 */
let fallbackOf: { text: string; bySpan: Map<number, { entity: string; name: string } | null> } = { text: '', bySpan: new Map() };

/** Capitalised-name fallback used when no entity mention covers a speaker. */
export function fallbackSpeakerName(text: string, span: Span): { entity: string; name: string } | null {
  // (the key is exact for positions below 2^26; a text longer than that is read without the memo)
  if (span.end >= 67_108_864) return capitalisedName(text, span);
  if (fallbackOf.text !== text) fallbackOf = { text, bySpan: new Map() };
  const key = span.start * 67_108_864 + span.end;
  let fb = fallbackOf.bySpan.get(key);
  if (fb === undefined) fallbackOf.bySpan.set(key, (fb = capitalisedName(text, span)));
  // a copy: the caller owns what it is given
  return fb && { entity: fb.entity, name: fb.name };
}

function capitalisedName(text: string, span: Span): { entity: string; name: string } | null {
  const toks = tokenize(text, span.start, span.end);
  let best: { a: number; b: number } | null = null;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    const bare = t.text.replace(/\.$/, '');
    if (isCap(t) && !TITLE_WORDS.has(t.text.toLowerCase()) && !CAP_STOP.has(bare)) {
      let j = i;
      while (j + 1 < toks.length && isCap(toks[j + 1]) && !CAP_STOP.has(toks[j + 1].text) && !TITLE_WORDS.has(toks[j + 1].text.toLowerCase())) j++;
      best = { a: i, b: j }; // keep the last run: "ministry spokesman John Doe" → "John Doe"
      i = j + 1;
    } else i++;
  }
  if (!best) return null;
  const name = text.slice(toks[best.a].start, toks[best.b].end);
  const last = toks[best.b].text.toLowerCase().replace(/[’'.]/g, '');
  const org = namesOrganisation(name) || (best.a === best.b && /^the$/i.test(toks[best.a - 1]?.text ?? ''));
  return { entity: `${org ? 'ORG' : 'PER'}:${org ? name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_') : last}`, name };
}

/**
 * Whether the words before a colon are a section head or a label, not a speaker ("NOTES: …", "LATE
 * CHANGE: …", "Background: …"): no name the entity reader found holds them
 * (in any case: "PENCE" is Mike Pence's), and they are written in capitals (two letters or more, none
 * lower case), are one word of two letters or more opening a line of the body, or name no one and end in a
 * noun that cannot speak (`speakerNoun`: "Bridge Collapse:", also in the headline). A person or an organisation
 * speaks; a label heads what follows. ("Q:" stays an interviewer's turn; a dialogue of capitalised
 * names is the transcript pass's.)
 */
export function sectionHead(ctx: SpeakerContext, span: Span): boolean {
  const raw = ctx.text.slice(span.start, span.end);
  const words = wordsOf(raw);
  if (!words.length) return false;
  for (const m of ctx.mentions) {
    const held = new Set([...wordsOf(ctx.text.slice(m.span.start, m.span.end)), ...wordsOf(m.name)]);
    if (words.every((w) => held.has(w))) return false;
  }
  const capitals = /\p{Lu}[^]*\p{Lu}/u.test(raw) && !/\p{Ll}/u.test(raw);
  // (a line of the body: on the first line, the headline's, "Poll: …" or "Report: …" attributes)
  const lineStart = ctx.text.lastIndexOf('\n', span.start - 1) + 1;
  const opensBodyLine = lineStart > 0 && /^[ \t"“]*$/.test(ctx.text.slice(lineStart, span.start));
  // a label headed by a noun that cannot speak and naming no one, the headline's too ("Bridge Collapse: …";
  // "Singh explained it this way:" is a clause with its speaker)
  const namesOne = ctx.mentions.some((m) => m.span.start < span.end && m.span.end > span.start);
  return capitals || (opensBodyLine && words.length === 1 && words[0].length >= 2) || (!namesOne && speakerNoun(words[words.length - 1]) === 'mute');
}

/** The words of a phrase, lower case. */
const wordsOf = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The speaker noun phrase that ends right before token `end` (exclusive), not crossing `lo`.
 * Skips adverbs and auxiliaries ("also", "has"), a comma-enclosed appositive or relative clause
 * ("Bozell, founder of …, said"), and walks back over names, titles, determiners and nouns.
 */
export function subjectBefore(toks: Token[], end: number, lo: number): Span | null {
  let j = end - 1;
  // (a capitalised first word is a name, not an adverb: "“…,” Will wrote")
  while (j >= lo && isAdverb(toks[j]) && !(j === lo && isCap(toks[j]))) j--;
  if (j < lo) return null;
  // appositive: "X, the campaign manager, said" / "X, who …, said"
  if (toks[j].text === ',') {
    let k = j - 1;
    let depth = 0;
    let verbish = false;
    while (k >= lo && toks[k].text !== ',' && depth < 14) {
      if (/^\p{Ll}+ed$/u.test(toks[k].text) || CUE_FORMS.has(lower(toks[k]))) verbish = true;
      k--;
      depth++;
    }
    if (k > lo && toks[k].text === ',') {
      const first = lower(toks[k + 1]);
      const relative = first === 'who' || first === 'which';
      if (verbish && !relative) return null; // a clause, not an appositive
      const np = subjectBefore(toks, k, lo);
      if (!np) return null;
      // "Xi, in his remarks, said": an adverbial, not part of the speaker
      if (/^(in|at|on|during|for|with|after|before|speaking|according|however|meanwhile|though|too)$/.test(first)) return np;
      return { start: np.start, end: toks[j - 1].end };
    }
    return null;
  }
  const last = toks[j];
  const lw = lower(last);
  if (PRONOUNS[lw] !== undefined) return { start: last.start, end: last.end };
  // "Jessie Elkins, 70, who said …": the relative pronoun as written; resolveSpeaker finds the antecedent
  if (lw === 'who' && j - 1 > lo && toks[j - 1].text === ',') return { start: last.start, end: last.end };
  if (!isWord(last) && last.text !== ')') return null;
  if (NON_HEAD.has(lw) || CUE_FORMS.has(lw)) return null;
  if (!isCap(last) && /(ed|ing)$/.test(lw) && !/^(ceo)$/.test(lw)) return null;
  let k = j;
  let count = 0;
  while (k - 1 >= lo && count < 9) {
    const p = toks[k - 1];
    const pl = lower(p);
    if (p.text === '(' || p.text === ')') {
      k--;
      count++;
      continue;
    }
    if (!isWord(p) && !/^['’]s$/.test(p.text) && p.text !== '-' && p.text !== '.') break;
    if (NON_HEAD.has(pl) && pl !== 'of') break;
    if (PRONOUNS[pl] !== undefined || CUE_FORMS.has(pl)) break;
    if (!isCap(p) && /(ed|ing)$/.test(pl) && !TITLE_WORDS.has(pl)) break;
    k--;
    count++;
    if (DETERMINERS.has(pl) && pl !== 'of') break;
  }
  // do not start on "of"
  while (k < j && lower(toks[k]) === 'of') k++;
  return { start: toks[k].start, end: last.end };
}

/** The speaker noun phrase starting at token `from` ("said ministry spokesman John Doe."). */
export function subjectAfter(toks: Token[], from: number, hi: number): Span | null {
  const first = toks[from];
  if (from >= hi || !isWord(first)) return null;
  if (PRONOUNS[lower(first)] !== undefined) return { start: first.start, end: first.end };
  const fl = lower(first);
  if ((NON_HEAD.has(fl) || TRAILERS.has(fl) || CUE_FORMS.has(fl)) && !DETERMINERS.has(fl) && !TITLE_WORDS.has(fl)) return null;
  if (weekdayIndex(fl) >= 0) return null;
  let end = from;
  while (end < hi && end - from < 10) {
    const t = toks[end];
    const lw = lower(t);
    if (!isWord(t) && !/^['’]s$/.test(t.text) && t.text !== '-' && t.text !== '.') break;
    if (t.text === '.' && !/^\p{Lu}$/u.test(toks[end - 1]?.text ?? '')) break;
    if (end > from && (NON_HEAD.has(lw) && lw !== 'of' || TRAILERS.has(lw) && !isCap(t) && !TITLE_WORDS.has(lw) || PARTICIPLE_CUES.has(lw))) break;
    end++;
  }
  if (end === from) return null;
  return { start: toks[from].start, end: toks[end - 1].end };
}

/** Each mention list's reach: at i, the furthest end among mentions 0..i (sorted by start, so the reach only grows). */
const REACH = new WeakMap<readonly NameMention[], number[]>();

/**
 * The index of the first of `mentions` (sorted by start, as mentionsFrom gives them) whose reach
 * passes `pos`: every mention before it ends at or before `pos`, so a walk for the mentions
 * overlapping a phrase that starts at `pos` may start there instead of at the article's first
 * mention (the passes and the review resolve speaker phrases many times per article, and each
 * walk was a scan from the top: quadratic in a long article's mentions).
 */
export function firstMentionReaching(mentions: readonly NameMention[], pos: number): number {
  let reach = REACH.get(mentions);
  if (!reach || reach.length !== mentions.length) {
    let far = -Infinity;
    reach = mentions.map((m) => (far = Math.max(far, m.span.end)));
    REACH.set(mentions, reach);
  }
  return partitionPoint(reach, (r) => r <= pos);
}

/** Display name of an entity: the variant with the most name words (titles do not count), then the longest. */
export function mentionsFrom(entities: EntityMention[], text = ''): NameMention[] {
  // a variant the entity's id names (itself or its last words: "Inspector Dave Gaskin" of PER:dave_gaskin)
  // before one it does not ("Inspector Gaskin", a title the linker dropped)
  const score = (t: string, e: EntityMention) =>
    (e.type === 'PER' && namePartOf(cleanName(t), e.type, e.entity) !== null ? 1e6 : 0) + t.split(/\s+/).filter((w) => !TITLE_WORDS.has(w.toLowerCase())).length * 1000 + t.length;
  // each entity's wordings (type and text), the first mention of each in text order: an article names a
  // person in the same words many times, and an entity named one way needs no score at all
  const wordings = new Map<string, EntityMention[]>();
  const seen = new Set<string>();
  for (const e of entities) {
    const key = `${e.type}\u0000${e.entity}\u0000${e.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ws = wordings.get(e.entity);
    if (ws) ws.push(e);
    else wordings.set(e.entity, [e]);
  }
  // the first wording of the highest score
  const longest = new Map<string, string>();
  for (const [entity, ws] of wordings) {
    let pick = ws[0];
    if (ws.length > 1) {
      let best = -1;
      for (const w of ws) {
        const sc = score(w.text, w);
        if (sc > best) {
          best = sc;
          pick = w;
        }
      }
    }
    longest.set(entity, pick.text);
  }
  const companies = companiesReadAsPeople(entities, longest, text);
  return entities
    .filter((e) => e.span && e.span.end > e.span.start)
    .map((e) => {
      const name = longest.get(e.entity) ?? e.text;
      const org = companies.get(e.entity);
      return org ? { span: e.span, type: 'ORG' as const, entity: org, name } : { span: e.span, type: e.type, entity: e.entity, name };
    })
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/**
 * People the recogniser found whose name is a company's: it ends in the plural of a common noun
 * that stands for no speaker (speaker-nouns.tsv's `mute`: "Kraft Foods", "Acme Systems"), and the text
 * writes it after an article ("the Kraft Foods plant", "a Kraft Foods worker"), which a person's name
 * does not take. Surnames that are such plurals ("Gates") need the article too, so a person stays a
 * person; a plural the lexicon lists as a noun of its own ("woods", "news") is no evidence. Entity id →
 * the organisation's id.
 */
function companiesReadAsPeople(entities: EntityMention[], names: Map<string, string>, text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!text) return out;
  for (const e of entities) {
    if (e.type !== 'PER' || out.has(e.entity)) continue;
    const words = (names.get(e.entity) ?? e.text).split(/\s+/);
    const last = words[words.length - 1];
    if (words.length < 2 || !/^\p{Lu}\p{Ll}+s$/u.test(last) || speakerNoun(last) !== 'mute' || speakerNouns!.has(last.toLowerCase())) continue;
    const before = /(?:^|[^\p{L}])(?:the|a|an)\s+$/iu.test(text.slice(Math.max(0, e.span.start - 5), e.span.start));
    if (before && e.text.split(/\s+/).length === words.length) out.set(e.entity, `ORG:${e.entity.slice(e.entity.indexOf(':') + 1)}`);
  }
  return out;
}

/** Subject of the main clause before a participle cue ("Xi …, saying …"): the noun phrase before its first verb. */
export function mainSubject(toks: Token[], lo: number, cueIdx: number): Span | null {
  for (let i = lo + 1; i < cueIdx; i++) {
    const lw = lower(toks[i]);
    if (CUE_FORMS.has(lw) || /^(is|was|are|were|has|had|have|will|would|could|can|spoke|met|gave|took|made|went|expressed|issued|released)$/.test(lw) || (/ed$/.test(lw) && !isCap(toks[i]))) {
      return subjectBefore(toks, i, lo);
    }
  }
  return null;
}

/**
 * The entity a speaker phrase names: "who" by the noun phrase before it, a pronoun by the speakers
 * and mentions before it (pronouns.ts), else the mention nearest the head of the phrase (its end:
 * "Stein spokeswoman Melezia Figueroa" is Figueroa) — a person before an organisation, which in a
 * speaker phrase is the person's affiliation — else a capitalised name in it.
 */
export function resolveSpeaker(ctx: SpeakerContext, span: Span): Resolution {
  const raw = ctx.text.slice(span.start, span.end);
  const lw = raw.toLowerCase();
  if (lw === 'who') {
    // the noun phrase before ", who" (skipping an age: "Jessie Elkins, 70, who")
    const i = tokenAt(ctx.toks, span.start);
    let k = i - 2;
    if (k > 1 && /^\d+$/.test(ctx.toks[k].text) && ctx.toks[k - 1].text === ',') k -= 2;
    const np = k >= 0 ? subjectBefore(ctx.toks, k + 1, Math.max(0, k - 10)) : null;
    return np ? resolveSpeaker(ctx, np) : { entity: null, name: null };
  }
  // (a phrase longer than any pronoun is not looked up: a property look-up of a string made here
  // hashes the whole phrase into the table of property names)
  if (lw.length <= MAX_PRONOUN && PRONOUNS[lw] !== undefined) return resolvePronoun(ctx, span, lw);
  let best: NameMention | null = null;
  let person: NameMention | null = null;
  const { mentions } = ctx;
  for (let i = firstMentionReaching(mentions, span.start); i < mentions.length; i++) {
    const m = mentions[i];
    if (m.span.start >= span.end) break;
    if (m.span.end <= span.start) continue;
    const agent = m.type === 'PER' || m.type === 'ORG';
    const bestAgent = best !== null && (best.type === 'PER' || best.type === 'ORG');
    if (!best || (agent && !bestAgent) || (agent === bestAgent && m.span.end >= best.span.end)) best = m;
    if (m.type === 'PER') person = m;
  }
  // a person and an organisation in one speaker phrase: the organisation is the person's affiliation
  // when it comes first or the person's apposition follows ("Director at security company Trusteer,
  // Dana Tamir", "Tadzhigul Begmedova, director of the … Foundation"); a name that modifies the
  // organisation's noun ("the Nixon White House") is no speaker
  if (best?.type === 'ORG' && person && (person.span.start > best.span.start || ctx.text.slice(person.span.end, best.span.start).includes(','))) best = person;
  if (best) return { entity: best.entity, name: best.name };
  const fb = fallbackSpeakerName(ctx.text, span);
  if (!fb) return { entity: null, name: null };
  for (const s of ctx.speakers) if (s.entity === fb.entity && s.name && s.name.length > fb.name.length) return { entity: s.entity, name: s.name };
  return fb;
}
