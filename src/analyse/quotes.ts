/**
 * Quotes with speakers: direct ("…," Xi said), split ("…," he said, "…"), multi-sentence and
 * multi-paragraph quotes, partial quotes inside indirect speech (calling them “deeply
 * destabilizing”), indirect speech with cue verbs (said that, told, stressed, warned, according to).
 *
 * Rule-based and linear in the text: one tokenisation, then
 *   1. every pair of double quotation marks is a candidate segment; a segment is attached to a
 *      speaker through the cue next to it ("…," X said / said X / X said: "…"), or, when it is a
 *      whole sentence with no cue, continues the nearest attributed quote of its paragraph;
 *   1b. the trained attribution tagger (./attribution, models/attrib*.bin.gz, trained by
 *      scripts/train-attrib.ts on PolNeAR train) tags cue, source and content per sentence; each
 *      content run not already inside a quotation-marked quote becomes a quote with the nearest cue
 *      of its sentence and the tagged source (else the subject the rules find for that cue). This
 *      covers indirect speech, "according to" and stance verbs ("opposed", "backed") that rules miss.
 *      A content run that is a quotation the sentence splitter cut takes the whole quotation; content
 *      before a cue joins the content after it only when the attribution between them is set off on
 *      both sides ("A, X said, B"), else the content after the cue is the attribution's; a content
 *      run that runs straight into another cue run takes that cue's content too;
 *      a cue that already attributes a quotation gives no second content after it outside quotation marks;
 *   2. every sentence where the tagger found nothing and that has a reporting verb not used above
 *      gives an indirect quote (X said [that] CLAUSE / CLAUSE, X said / according to X, CLAUSE;
 *      "X said in a statement. “…”" takes the quotation after it).
 * A whole-sentence quotation with no cue that follows an attributed quotation in the same paragraph
 * ("“A,” X told Y. “B.”") is a further part of that quote; an earlier paragraph's quote gives only
 * its speaker. Questions to the reader ("Do you support …?") are not attributions.
 * Short quoted names with no cue ("Star Wars") are scare quotes, not quotes.
 *
 * Speakers are resolved against the entity mentions given (PER/ORG; the mention nearest the head
 * of the speaker phrase); when no mention covers the speaker, a small capitalised-name fallback
 * names it. Pronouns ("he said") resolve to the most recent compatible speaker, else the most
 * recent person mention: "he"/"she" skip names of the other gender (as the text genders them:
 * honorifics, role nouns, pronouns; see gender.ts), "it" takes organisations, "they" only plural speakers; "…, who said"
 * is written as "who" and resolved to the noun phrase before it.
 *
 * Content spans follow the attribution annotation convention of PolNeAR: the complementiser stays
 * in indirect content ("said that …"); a split quote's `parts` are its quoted pieces.
 * Quotation marks: “…”, "…", «…», NYT-style ''…'' and top-level ‘…’ (see normaliseQuoteMarks);
 * an opening mark that never closes gives nothing.
 */
import type { EntityMention, Quote, QuoteKind, Span, SyntaxToken, Token } from '../model/types.js';
import { loadAttributionTagger, tagAttributions, type TokenRun } from './attribution/index.js';
import { type Gender, genderEvidence, nameKey } from './gender.js';
import { linkSpeaker, reviewWithSyntax } from './quotes/review.js';
import { tokenAt, tokenize } from './tokenize.js';

function forms(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** Reporting verbs (inflected forms) that introduce speech, writing or stated positions. */
const CUE_FORMS = forms(`
  said says say saying told tells tell telling added adds adding stressed stresses stressing warned warns warning
  noted notes noting explained explains explaining wrote writes writing asked asks asking argued argues arguing
  insisted insists insisting claimed claims claiming declared declares declaring announced announces announcing
  stated states replied replies replying responded responds responding recalled recalls recalling
  acknowledged acknowledges acknowledging admitted admits admitting suggested suggests suggesting emphasized
  emphasised emphasizes emphasises emphasizing emphasising urged urges urging tweeted tweets tweeting posted
  reported reports observed observes remarked predicted predicts contended contends
  countered conceded concedes confirmed confirms denied denies alleged alleges
  asserted asserts maintained maintains vowed vows vowing promised promising pledged pledging
  complained complains complaining joked jokes joking boasted boasts lamented laments cautioned cautions
  believes believed thinks testified testifies affirmed indicated indicates revealed reveals
  disclosed continued continues concluded concludes wondered wonders agreed agrees
  reiterated reiterates underlined hinted hints repeated repeats
  described describes describing calling called calls accused accuses accusing criticized criticised
  pointing pointed points predicting explain argue insist claim believe think warn
  exclaimed shouted yelled quipped mused added`);

/** Verbs of stance and evidence ("a poll found", "endorsed"): attributions in indirect speech only. */
const WEAK_CUES = forms(`
  show shows showed found finds endorsed endorses supported supports wants wanted praised praises criticizes
  opposed opposes proposed proposes defended defends sought seeks refused refuses mentioned mentions suggest
  knows knew feel feels felt hoped hopes expects`);

/** Verbs that introduce a quotation right before its opening mark ("a sign reading “…”", "chanting “…”"). */
const QUOTE_INTRO = forms('read reads reading chanting chanted chant chants shouted shouting shout yelled yelling sang sings singing reacted screamed wrote');

/** Forms that are also common nouns: a cue only right after a subject-like word. */
const NOUN_LIKE = forms('states reports claims notes points charges promises calls hints repeats tells think believe argue claim warn insist explain say tell');

/** Cues that take an addressee first: "told reporters that", "urged Congress to". */
const ADDRESSEE_CUES = forms('told tells tell telling asked asks asking urged urges urging warned warns warning reminded');

/** Participle cues whose subject is the main clause's: "…, saying …". */
const PARTICIPLE_CUES = forms(
  'saying adding noting calling arguing insisting warning stressing explaining asking describing accusing claiming urging vowing promising suggesting telling writing declaring announcing responding replying pointing predicting pledging complaining joking lamenting',
);

const DETERMINERS = forms('the a an these those this that his her their its our my your such of some any no every');

const PRONOUNS: Record<string, 'PER' | 'ORG' | 'ANY'> = { he: 'PER', she: 'PER', they: 'ANY', it: 'ORG', we: 'ANY', i: 'ANY', you: 'ANY' };

const TITLE_WORDS = forms(`
  president vice prime minister secretary spokesman spokeswoman spokesperson senator sen sen. rep rep. gov gov.
  governor mr mr. mrs mrs. ms ms. dr dr. gen gen. general chairman chairwoman chair leader mayor ambassador foreign
  defense defence deputy former chief executive director representative congressman congresswoman candidate
  nominee official officials adviser advisor aide lawmaker sheriff judge justice attorney king queen premier`);

/** Words between a cue and the end of its sentence that do not start content ("…, X said on Tuesday."). */
const TRAILERS = forms(`
  in on at to during last this late early earlier later yesterday today tonight monday tuesday wednesday thursday
  friday saturday sunday morning afternoon evening night week weekend month year a an the statement interview
  with briefing conference press news reporters recently also previously then again here there via email phone
  by after before when while as of his her their its told speech rally appearance call program show radio
  television tv twitter facebook post posted message letter campaign event meeting hearing times`);

const ADVERBS = forms(
  'also later previously then again has have had once recently repeatedly would will reportedly publicly privately simply further earlier explicitly frequently often flatly never always just still has',
);

/** Words that cannot end a speaker noun phrase. */
const NON_HEAD = forms(
  'that which who whom whose and or but to of as is was are were be been being not in on at by for with from into than when where while because if after before since about over under also there',
);

const OPEN_DQ = '“„«';
const MARK_RE = /[“„«”»"]/g;
const CLOSE_DQ = '”»';

export interface QuotedSegment {
  /** Inner span (without the marks). */
  inner: Span;
  /** Span including the marks. */
  outer: Span;
  /** The quote is left open at the end of its paragraph and reopened in the next (multi-paragraph quote). */
  continues: boolean;
}

/**
 * Pairs double quotation marks within paragraphs (curly, straight, guillemets). An unclosed mark
 * yields nothing, except the newspaper convention of a paragraph left open and the next one
 * reopening the quote.
 */
export function findQuotedSegments(text: string): QuotedSegment[] {
  const out: QuotedSegment[] = [];
  const n = text.length;
  let paraStart = 0;
  while (paraStart <= n) {
    let paraEnd = text.indexOf('\n', paraStart);
    if (paraEnd < 0) paraEnd = n;
    let open = -1;
    MARK_RE.lastIndex = paraStart;
    for (let mm = MARK_RE.exec(text); mm && mm.index < paraEnd; mm = MARK_RE.exec(text)) {
      const i = mm.index;
      const c = mm[0];
      if (OPEN_DQ.includes(c)) {
        open = i; // a second opening mark before any close: the first was stray
      } else if (CLOSE_DQ.includes(c)) {
        if (open >= 0 && i > open + 1) out.push({ inner: { start: open + 1, end: i }, outer: { start: open, end: i + 1 }, continues: false });
        open = -1;
      } else if (c === '"') {
        if (open < 0) open = i;
        else {
          if (i > open + 1) out.push({ inner: { start: open + 1, end: i }, outer: { start: open, end: i + 1 }, continues: false });
          open = -1;
        }
      }
    }
    if (open >= 0) {
      let k = paraEnd;
      while (k < n && /\s/.test(text[k])) k++;
      if (k < n && (OPEN_DQ.includes(text[k]) || text[k] === '"')) {
        let e = paraEnd;
        while (e > open + 1 && /\s/.test(text[e - 1])) e--;
        if (e > open + 1) out.push({ inner: { start: open + 1, end: e }, outer: { start: open, end: e }, continues: true });
      }
    }
    paraStart = paraEnd + 1;
  }
  return out;
}

interface NameMention {
  span: Span;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  entity: string;
  name: string;
}

const CAP_STOP = forms(`
  The A An In On At But And Or This That These Those There It He She They We I His Her Their Its As After Before
  When While If However Meanwhile According For From To With Without By Of Not No Yes So Then Also Still Yet
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
  September October November December`);

const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');
/** An adverb before or inside a cue ("also", "repeatedly"): a listed one or any word in -ly. */
const isAdverb = (t: Token | undefined): boolean => {
  const w = lower(t);
  return ADVERBS.has(w) || /ly$/.test(w);
};
const isWord = (t: Token | undefined): boolean => !!t && /[\p{L}\p{N}]/u.test(t.text);
const isCap = (t: Token | undefined): boolean => !!t && /^\p{Lu}/u.test(t.text);
const isClose = (s: string): boolean => CLOSE_DQ.includes(s) || s === '"';
const isOpen = (s: string): boolean => OPEN_DQ.includes(s) || s === '"';

const ORG_WORDS =
  /\b(Kremlin|Ministry|Agency|Daily|News|Times|Post|Journal|Press|Reuters|Tass|Xinhua|Government|Party|Committee|Council|Commission|Department|Office|Campaign|Institute|University|Bank|Association|Union|Court|Congress|Senate|House|Company|Corporation|Inc|Corp|Group|Foundation|Network|Network|CNN|BBC|NBC|CBS|ABC|Fox|AP|AFP)\b/;

/** Capitalised-name fallback used when no entity mention covers a speaker. */
export function fallbackSpeakerName(text: string, span: Span): { entity: string; name: string } | null {
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
  const org = ORG_WORDS.test(name) || (best.a === best.b && /^the$/i.test(toks[best.a - 1]?.text ?? ''));
  return { entity: `${org ? 'ORG' : 'PER'}:${org ? name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_') : last}`, name };
}

interface SpeakerRecord {
  pos: number;
  entity: string | null;
  name: string | null;
  span: Span;
  plural: boolean;
}

/** Group names a recogniser may mistake for people. */
const PARTY_WORDS = /^(Republicans?|Democrats?|Democratic|GOP|Conservatives?|Liberals?|Labour|Tories|Tory)$/;

/** A name that can be a person: some capitalised word that is neither a title nor a party. */
function personLike(name: string): boolean {
  return name.split(/\s+/).some((w) => /^\p{Lu}/u.test(w) && !TITLE_WORDS.has(w.toLowerCase()) && !PARTY_WORDS.test(w));
}

/** The gender the text gives the person `name` (see gender.ts), or null when it gives none. */
function genderOf(ctx: Ctx, name: string): Gender | null {
  if (!ctx.genders) {
    const persons = ctx.mentions.filter((m) => m.type === 'PER').flatMap((m) => {
      const key = nameKey(m.name);
      return key ? [{ span: m.span, key }] : [];
    });
    ctx.genders = genderEvidence(ctx.toks, persons, ctx.quoted);
  }
  const key = nameKey(name.split(/\s+/).filter((w) => !TITLE_WORDS.has(w.toLowerCase())).join(' '));
  return key ? (ctx.genders.get(key) ?? null) : null;
}

interface Ctx {
  genders?: Map<string, Gender>;
  /** Is a position inside quotation marks? */
  quoted?: (pos: number) => boolean;
  text: string;
  toks: Token[];
  mentions: NameMention[];
  speakers: SpeakerRecord[];
}

/**
 * The speaker noun phrase that ends right before token `end` (exclusive), not crossing `lo`.
 * Skips adverbs and auxiliaries ("also", "has"), a comma-enclosed appositive or relative clause
 * ("Bozell, founder of …, said"), and walks back over names, titles, determiners and nouns.
 */
function subjectBefore(toks: Token[], end: number, lo: number): Span | null {
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
function subjectAfter(toks: Token[], from: number, hi: number): Span | null {
  const first = toks[from];
  if (from >= hi || !isWord(first)) return null;
  if (PRONOUNS[lower(first)] !== undefined) return { start: first.start, end: first.end };
  const fl = lower(first);
  if ((NON_HEAD.has(fl) || TRAILERS.has(fl) || CUE_FORMS.has(fl)) && !DETERMINERS.has(fl) && !TITLE_WORDS.has(fl)) return null;
  if (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(fl)) return null;
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

/** Display name of an entity: the variant with the most name words (titles do not count), then the longest. */
function mentionsFrom(entities: EntityMention[]): NameMention[] {
  const longest = new Map<string, string>();
  const score = (t: string) => t.split(/\s+/).filter((w) => !TITLE_WORDS.has(w.toLowerCase())).length * 1000 + t.length;
  for (const e of entities) {
    const cur = longest.get(e.entity);
    if (!cur || score(e.text) > score(cur)) longest.set(e.entity, e.text);
  }
  return entities
    .filter((e) => e.span && e.span.end > e.span.start)
    .map((e) => ({ span: e.span, type: e.type, entity: e.entity, name: longest.get(e.entity) ?? e.text }))
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** How far back (characters, a few paragraphs) a person the text genders like the pronoun is preferred to a nearer ungendered one. */
const AGREEMENT_WINDOW = 1500;

function resolveSpeaker(ctx: Ctx, span: Span): { entity: string | null; name: string | null } {
  const raw = ctx.text.slice(span.start, span.end);
  if (raw.toLowerCase() === 'who') {
    // the noun phrase before ", who" (skipping an age: "Jessie Elkins, 70, who")
    const i = tokenAt(ctx.toks, span.start);
    let k = i - 2;
    if (k > 1 && /^\d+$/.test(ctx.toks[k].text) && ctx.toks[k - 1].text === ',') k -= 2;
    const np = k >= 0 ? subjectBefore(ctx.toks, k + 1, Math.max(0, k - 10)) : null;
    return np ? resolveSpeaker(ctx, np) : { entity: null, name: null };
  }
  const pron = PRONOUNS[raw.toLowerCase()];
  if (pron !== undefined) {
    const want = raw.toLowerCase() === 'he' ? 'm' : raw.toLowerCase() === 'she' ? 'f' : null;
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
      if (raw.toLowerCase() === 'they' && !s.plural && !s.entity.startsWith('ORG:')) continue;
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
      if (raw.toLowerCase() === 'they') break; // "they" is rarely the last organisation named: leave it unresolved
      if (pron === 'PER' && clash(m.name)) continue;
      if (agrees(m.name, m.span.start) || want === null) return { entity: m.entity, name: m.name };
      first ??= m;
      if (span.start - m.span.start > AGREEMENT_WINDOW) break;
    }
    return first ? { entity: first.entity, name: first.name } : { entity: null, name: null };
  }
  // the mention nearest the head of the phrase (its end): "Stein spokeswoman Melezia Figueroa" is Figueroa
  let best: NameMention | null = null;
  for (const m of ctx.mentions) {
    if (m.span.start >= span.end) break;
    if (m.span.end <= span.start) continue;
    const person = m.type === 'PER' || m.type === 'ORG';
    const bestPerson = best !== null && (best.type === 'PER' || best.type === 'ORG');
    if (!best || (person && !bestPerson) || (person === bestPerson && m.span.end >= best.span.end)) best = m;
  }
  if (best) return { entity: best.entity, name: best.name };
  const fb = fallbackSpeakerName(ctx.text, span);
  if (!fb) return { entity: null, name: null };
  for (const s of ctx.speakers) if (s.entity === fb.entity && s.name && s.name.length > fb.name.length) return { entity: s.entity, name: s.name };
  return fb;
}

function trimSpan(text: string, s: Span): Span {
  let a = s.start;
  let b = s.end;
  while (a < b && /[\s,:;—–-]/.test(text[a])) a++;
  while (b > a && /[\s,:;—–-]/.test(text[b - 1])) b--;
  return { start: a, end: b };
}

function isCue(toks: Token[], i: number, loose: boolean, weak = false): boolean {
  const t = toks[i];
  const lw = lower(t);
  if (weak && WEAK_CUES.has(lw)) return !DETERMINERS.has(lower(toks[i - 1])) && isWord(toks[i - 1]);
  if (!CUE_FORMS.has(lw)) return loose && /^[\p{Ll}]+ed$/u.test(t.text) && !/^(based|used|related|expected|needed)$/.test(lw);
  const prev = lower(toks[i - 1]);
  if (DETERMINERS.has(prev) && lw !== 'said' && lw !== 'told') return false;
  if (NOUN_LIKE.has(lw)) {
    if (!isWord(toks[i - 1]) || /^(united|the|and|to|of|for|in|many|two|three|several|other|some|all|these|those)$/.test(prev)) return false;
    const next = toks[i + 1];
    if (/^(states|reports|claims|notes|points|charges|promises|calls|hints|repeats)$/.test(lw) && (!next || !(lower(next) === 'that' || next.text === ':' || next.text === ',' || isOpen(next.text) || PRONOUNS[lower(next)] !== undefined))) return false;
  }
  if (/^(pointed|points|pointing)$/.test(lw) && lower(toks[i + 1]) !== 'out') return false;
  // passive: "a ceasefire declared by Roe", "he is said to be"
  if (/ed$/.test(lw) && lower(toks[i + 1]) === 'by' && !loose) return false;
  if (lw === 'said' && lower(toks[i + 1]) === 'to' && /^(is|are|was|were|be|been|being)$/.test(prev)) return false;
  if (/^(called|calls|calling)$/.test(lw) && /^(off|up|in|back|out)$/.test(lower(toks[i + 1]))) return false;
  if (/^(continued|continues|agreed|agrees|repeated|repeats|posted|maintained|maintains|indicated|indicates|revealed|reveals|confirmed|confirms|hinted|hints)$/.test(lw) && !loose) {
    // need a clause or quote after: "continued, “…”", "agreed that"
    const next = lower(toks[i + 1]);
    if (next !== 'that' && next !== ',' && next !== ':' && !isOpen(toks[i + 1]?.text ?? '')) return false;
  }
  return true;
}

/**
 * Same-length copy of `text` in which quotation marks written another way become double marks:
 * two apostrophes ('' as in the New York Times archive) become `" `, and top-level single curly
 * quotes (‘…’ in headlines) become “…”. Offsets are unchanged, so spans index the original text.
 */
export function normaliseQuoteMarks(text: string): string {
  let work = text.includes("''") ? text.replace(/''/g, '" ') : text;
  if (!work.includes('‘')) return work;
  const chars = work.split('');
  let inDouble = false;
  // only the marks matter: jump from one to the next
  const marks = /[\n“„«”»"‘]/g;
  for (let mm = marks.exec(work); mm; mm = marks.exec(work)) {
    let i = mm.index;
    const c = chars[i];
    if (c === '\n') inDouble = false;
    else if (OPEN_DQ.includes(c)) inDouble = true;
    else if (CLOSE_DQ.includes(c)) inDouble = false;
    else if (c === '"') inDouble = !inDouble;
    else if (c === '‘' && !inDouble && (i === 0 || /[\s([—–:-]/.test(chars[i - 1])) && /[\p{L}\p{N}$]/u.test(chars[i + 1] ?? '')) {
      for (let j = i + 2; j < Math.min(chars.length, i + 400); j++) {
        const d = chars[j];
        if (d === '\n' || d === '‘' || OPEN_DQ.includes(d) || d === '"') break;
        if (d !== '’') continue;
        const next = chars[j + 1] ?? ' ';
        if (/[\p{L}\p{N}]/u.test(next)) continue; // apostrophe inside a word
        const prev = chars[j - 1];
        if (/[.,!?]/.test(prev) || /[\s.,;:!?)—–-]/.test(next) && prev !== 's') {
          chars[i] = '“';
          chars[j] = '”';
          i = j;
          marks.lastIndex = j + 1;
          break;
        }
      }
    }
  }
  work = chars.join('');
  return work;
}

/** A tagged cue run whose likeliest word has a lower cue bin than this (and is in no cue list) gives no quote. */
const WEAK_CUE_RUN_BIN = 3;

/** Most tokens between the attribution of a split quote and its second piece ("…,” he said, referring to X, “…”). */
const SPLIT_GAP = 12;

/** Auxiliaries and negation before the verb of a cue run. */
const AUXILIARIES = forms('is was are were be been being has have had did does do would will could can may might should must not never');

/** Words that start an adjunct after the object of a stance cue. */
const ADJUNCT_STARTS = forms('during amid following despite while when after before because since but');

/** Cue bin (attribution/features.ts) from which a word after "and" that the lists miss counts as a reporting verb. */
const COORD_CUE_BIN = 4;

/** The tagger's cue lexicon (lower-cased word → cue bin), or null when no model ships. */
function cueLexicon(): Map<string, number> | null {
  return loadAttributionTagger()?.lex ?? null;
}

/** Least mean emission margin over O of a tagged content run to become a quote (its tokens lean to content on average). */
const MIN_CONTENT_SCORE = 0;

export interface FindQuotesOptions {
  /** Use the trained attribution tagger (models/attrib.bin.gz) for indirect speech; default true. */
  model?: boolean;
  /** The article's parse (../syntax): when given, quotes are reviewed with it (quotes/review.ts). */
  tokens?: readonly SyntaxToken[];
  /**
   * Receives the article's speaker linker once the quotes are found: a phrase → the entity it names
   * (pronouns by the speakers and mentions before it). Lets an evaluation link an annotated source
   * exactly as a predicted speaker is linked.
   */
  linker?: (link: (span: Span) => { entity: string | null; name: string | null }) => void;
}

/** Finds quotes in `text`. `sentences` from splitSentences; `entities` may be empty. */
export function findQuotes(original: string, sentences: Span[], entities: EntityMention[], options: FindQuotesOptions = {}): Quote[] {
  if (!original || !sentences.length) return [];
  const useModel = options.model !== false;
  const text = normaliseQuoteMarks(original);
  const toks = tokenize(text);
  const segments = findQuotedSegments(text);
  const ctx: Ctx = { text, toks, mentions: mentionsFrom(entities), speakers: [] };
  const quotes: Quote[] = [];
  const usedCue = new Set<number>();
  /** Segment index → quote index. */
  const segQuote = new Map<number, number>();

  // sentence of each position
  const sentOf = (pos: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  /** Index of the first segment whose `side` span ends after `pos` (segments are sorted and disjoint); segments.length if none. */
  const firstEndingAfter = (pos: number, side: 'inner' | 'outer'): number => {
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid][side].end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const inAnySegment = (pos: number): boolean => {
    const i = firstEndingAfter(pos, 'inner');
    return i < segments.length && segments[i].inner.start <= pos;
  };
  ctx.quoted = inAnySegment;
  /** The last segment of the quotation that goes on from segment `g` over the next paragraphs (`continues`). */
  const quotationEnd = (g: number): number => {
    let e = g;
    while (segments[e].continues && segments[e + 1]) e++;
    return e;
  };

  const make = (content: Span, speakerIn: Span | null, cue: Token | null, kind: QuoteKind, parts?: Span[]): Quote | null => {
    const c = trimSpan(text, content);
    let speakerSpan = speakerIn;
    // "what Roe claimed", "declared by Roe": the function word is not part of the speaker
    const lead = speakerSpan ? /^(?:what|by|that|which|as|and|but|so)\s+(?=\S)/i.exec(text.slice(speakerSpan.start, speakerSpan.end)) : null;
    if (speakerSpan && lead) speakerSpan = { start: speakerSpan.start + lead[0].length, end: speakerSpan.end };
    if (c.end - c.start < 2 || !/[\p{L}\p{N}]/u.test(text.slice(c.start, c.end))) return null;
    const who = speakerSpan ? resolveSpeaker(ctx, speakerSpan) : { entity: null, name: null };
    const q: Quote = {
      span: c,
      kind,
      speakerSpan,
      speaker: who.entity,
      speakerName: who.name,
      cue: cue ? { span: { start: cue.start, end: cue.end }, verb: cue.text.toLowerCase() } : null,
    };
    if (parts && parts.length > 1) q.parts = parts;
    if (speakerSpan) {
      const raw = text.slice(speakerSpan.start, speakerSpan.end).toLowerCase();
      ctx.speakers.push({
        pos: speakerSpan.start,
        entity: who.entity,
        name: who.name,
        span: speakerSpan,
        plural: /^(they|we)$/.test(raw) || (/s$/.test(raw) && !/[’']s$/.test(raw) && !/(?:^|\s)\p{Lu}\S*$/u.test(raw)),
      });
    }
    return q;
  };

  /**
   * Later quotation-only sentences of the same paragraph belong to the same quote ("“A,” Clinton
   * said on Thursday. “B.”"): returns the index of the last segment to merge after segment `sj`.
   */
  const extendInParagraph = (sj: number, cueTok: number): number => {
    let last = sj;
    for (let n = sj + 1; n < segments.length; n++) {
      const gap = text.slice(segments[last].outer.end, segments[n].outer.start);
      if (gap.includes('\n') || gap.length > 240) break;
      if (segQuote.has(n)) break;
      const gs = segments[last].outer.end;
      const gapToks = toks.slice(tokenAt(toks, gs), tokenAt(toks, segments[n].outer.start));
      let ok = true;
      for (let g = 0; g < gapToks.length; g++) {
        const idx = tokenAt(toks, gs) + g;
        if (idx === cueTok) continue;
        if (isCue(toks, idx, false) || lower(toks[idx]) === 'according') ok = false;
      }
      if (!ok) break;
      if (gapToks.length && !/[.!?]["”’]?\s*$/.test(text.slice(gs - 2, segments[n].outer.start)) && !/[.!?]\s*$/.test(gap)) break;
      if (gapToks.length && last !== sj) break;
      if (sentOf(segments[n].outer.start) === sentOf(segments[last].outer.start) && gapToks.length) break;
      // a segment with its own attribution after it ("“…,” she said") starts a new quote
      const after = tokenAt(toks, segments[n].outer.end);
      const stop = tokenAt(toks, sentences[sentOf(segments[n].outer.end - 1)].end);
      let own = false;
      for (let x = after; x < Math.min(stop, after + 30) && !own; x++) if (isCue(toks, x, false) || /^[―—–]$/.test(toks[x].text)) own = true;
      if (own) break;
      last = quotationEnd(n);
    }
    return last;
  };

  /**
   * "… criticized the plan and vowed to repeal it": a content run that goes on past "and"/"but" and
   * a reporting verb (CUE_FORMS, WEAK_CUES, or a word the tagger's cue lexicon rates a likely cue)
   * holds two attributions: it is cut there, and the verb becomes the second one's cue.
   */
  const splitAtCoordinatedCues = (contents: TokenRun[], cues: TokenRun[]): void => {
    const lex = cueLexicon();
    for (let x = 0; x < contents.length; x++) {
      const c = contents[x];
      for (let i = c.lo + 2; i < c.hi - 2; i++) {
        const w = toks[i].text;
        if (w !== 'and' && w !== 'but' && w !== 'And' && w !== 'But') continue;
        let v = i + 1;
        while (v < c.hi - 2 && v < i + 3 && isAdverb(toks[v])) v++;
        const vt = toks[v];
        if (!/^\p{Ll}+$/u.test(vt.text) || inAnySegment(vt.start)) continue;
        const vw = vt.text;
        const likely = CUE_FORMS.has(vw) || WEAK_CUES.has(vw) || (lex !== null && (lex.get(vw) ?? 0) >= COORD_CUE_BIN);
        if (!likely || NOUN_LIKE.has(vw) || PARTICIPLE_CUES.has(vw) || !/(ed|s|ght|ew|id|ld)$/.test(vw)) continue;
        contents.splice(x, 1, { lo: c.lo, hi: i, score: c.score }, { lo: v + 1, hi: c.hi, score: c.score });
        cues.push({ lo: v, hi: v + 1, score: 0 });
        break;
      }
    }
  };

  /**
   * The content of a stance or action cue ("criticized the plan during a stop in Flint", "backed
   * Clinton, who …") is its object: it ends before an adjunct or relative clause the tagger ran on into.
   */
  const objectOnly = (lo: number, hi: number, span: Span): Span => {
    if (/^(that|whether|if|how|why|what|to)$/.test(lower(toks[lo]))) return span;
    for (let i = lo + 1; i < hi; i++) {
      const w = toks[i].text;
      const cut = ADJUNCT_STARTS.has(w) || ADJUNCT_STARTS.has(w.toLowerCase()) || (w === ',' && /^(who|which|whose|where|but)$/i.test(toks[i + 1]?.text ?? ''));
      if (cut && inAnySegment(toks[i].start)) continue;
      if (cut) return { start: span.start, end: toks[i - 1].end };
    }
    return span;
  };

  /**
   * The commas around an attribution inside a sentence ("CLAUSE, X said, CLAUSE"): [lo, hi) from the
   * comma before the source to the comma after the cue (and its trailing words), with at least two
   * words of the sentence on each side; null when the cue run is not so set off.
   */
  const parenthetical = (lo: number, hi: number, cueRun: TokenRun, sources: TokenRun[]): { lo: number; hi: number } | null => {
    let verb = -1;
    for (let x = cueRun.lo; x < cueRun.hi; x++) if (/^(said|says|added|adds|noted|notes|argued|argues|wrote|writes|explained|insisted|continued)$/.test(lower(toks[x]))) verb = x;
    if (verb < 0) return null;
    let a = cueRun.lo - 1;
    const src = sources.find((r) => r.hi === cueRun.lo || r.lo === cueRun.hi);
    if (src && src.hi === cueRun.lo) a = src.lo - 1;
    let b = cueRun.hi;
    if (src && src.lo === cueRun.hi) b = src.hi;
    if (!src) {
      const sp = subjectBefore(toks, cueRun.lo, lo);
      if (!sp) return null;
      a = tokenAt(toks, sp.start) - 1;
    }
    while (b < hi && b < cueRun.hi + 8 && toks[b].text !== ',' && TRAILERS.has(lower(toks[b]))) b++;
    if (a <= lo + 1 || toks[a].text !== ',' || b >= hi - 2 || toks[b].text !== ',') return null;
    return { lo: a, hi: b };
  };

  /** Does `span` share a character with the inner span of some quotation? */
  const overlapsSegment = (span: Span): boolean => {
    const i = firstEndingAfter(span.start, 'inner');
    return i < segments.length && segments[i].inner.start < span.end;
  };

  /** Index of the segment whose outer span contains `pos`, else -1. */
  const segmentAt = (pos: number): number => {
    const i = firstEndingAfter(pos, 'outer');
    return i < segments.length && segments[i].outer.start <= pos ? i : -1;
  };

  /**
   * A content run that opens at a quotation mark and stops inside the quotation, or closes at its
   * closing mark having begun inside it, is a quotation the sentence splitter cut ("X told CNN: “A.
   * B.”", "“A. B,” it read"): its content is the whole quotation, with the paragraphs it continues
   * over. Not when the cue is inside the quotation.
   */
  const wholeQuotation = (span: Span, cue: TokenRun): Span => {
    const cueSpan = { start: toks[cue.lo].start, end: toks[cue.hi - 1].end };
    const inside = (g: QuotedSegment) => cueSpan.start < g.outer.end && g.outer.start < cueSpan.end;
    let { start, end } = span;
    const a = segmentAt(span.start);
    if (a >= 0 && span.start <= segments[a].inner.start && !inside(segments[a])) {
      let b = a;
      while (segments[b].continues && segments[b + 1] && !inside(segments[b + 1])) b++;
      if (span.start === segments[a].outer.start) start = segments[a].inner.start;
      if (span.end < segments[b].inner.end || span.end === segments[b].outer.end) end = segments[b].inner.end;
      // "“…,” Fight for $15 organizing director Kendall Fells told …": the run went on past a quotation
      // whose comma marks the attribution after it
      else if (span.end > segments[b].outer.end && cueSpan.start >= segments[b].outer.end && /[,?!]\s*$/.test(text.slice(segments[b].inner.start, segments[b].inner.end)))
        end = segments[b].inner.end;
    }
    const z = segmentAt(span.end - 1);
    if (z >= 0 && span.end >= segments[z].inner.end && span.start > segments[z].inner.start && !inside(segments[z])) {
      let y = z;
      while (y > 0 && segments[y - 1].continues && !inside(segments[y - 1])) y--;
      start = segments[y].inner.start;
    }
    return { start, end };
  };

  /**
   * Content before its cue and content after it are two pieces of one content only when the
   * attribution between them is set off on both sides ("The move, Carr explained, was …"): a comma,
   * quotation mark or dash right after the first piece, then nothing but the source (and adverbs) up
   * to the cue, and a comma, colon, dash or quotation mark between the cue and the second piece.
   */
  const setOff = (c: TokenRun, cue: TokenRun, d: TokenRun, sources: TokenRun[]): boolean => {
    const sep = (t: Token | undefined) => !!t && (t.text === ',' || isClose(t.text) || /^[—–]$/.test(t.text));
    if (!sep(toks[c.hi]) && !sep(toks[c.hi - 1])) return false;
    for (let x = c.hi; x < cue.lo; x++) {
      const t = toks[x];
      if (!isWord(t) || isAdverb(t) || sources.some((r) => r.lo <= x && x < r.hi)) continue;
      return false;
    }
    for (let x = cue.hi; x <= d.lo && x < toks.length; x++) if (/^[,:—–]$/.test(toks[x].text) || isOpen(toks[x].text)) return true;
    return false;
  };

  const weakCueRun = (r: TokenRun): boolean => {
    const lex = cueLexicon();
    if (!lex) return false;
    let best = 0;
    for (let x = r.lo; x < r.hi; x++) {
      const lw = lower(toks[x]);
      if (CUE_FORMS.has(lw) || WEAK_CUES.has(lw)) return false;
      best = Math.max(best, lex.get(lw) ?? 0);
    }
    return best > 0 && best < WEAK_CUE_RUN_BIN;
  };

  /**
   * Quotes from the tagger's content runs, sentence by sentence, except content already taken by a
   * quotation-marked quote. Each content run takes the nearest cue run of its sentence; two content
   * runs on either side of one cue are one split quote. The speaker is the tagger's source run nearest
   * the cue, else the subject the rules find for that cue. Returns the sentences that gave a quote.
   */
  const modelAttributions = (ruleQuotes: number): Set<number> => {
    const done = new Set<number>();
    // the quotes the rules made, by the position of their cue
    const ruleCues = new Map<number, Quote>();
    for (let i = 0; i < ruleQuotes; i++) {
      const cue = quotes[i].cue;
      if (cue) ruleCues.set(cue.span.start, quotes[i]);
    }
    const taken = coverIndex(quotes.slice(0, ruleQuotes));
    // sentences wholly inside a quotation-marked quote already taken give nothing here: not tagged
    const ranges = sentences
      .filter((x) => x.end - x.start < 4 || !taken(x.start + 1, x.end - 2))
      .map((x) => ({ lo: tokenAt(toks, x.start), hi: tokenAt(toks, x.end) }));
    const quoted = segments.map((g) => g.inner);
    const tagged = tagAttributions(text, toks, ranges, quoted, entities);
    const dist = (a: { lo: number; hi: number }, b: { lo: number; hi: number }) => (a.hi <= b.lo ? b.lo - a.hi : a.lo >= b.hi ? a.lo - b.hi : 0);
    for (const ts of tagged) {
      const sIdx = sentOf(toks[ts.lo].start);
      const contents = ts.contents.filter((c) => {
        let words = 0;
        let inside = 0;
        for (let x = c.lo; x < c.hi; x++) {
          if (!isWord(toks[x])) continue;
          words++;
          if (taken(toks[x].start, toks[x].end)) inside++;
        }
        return words > 0 && inside * 2 < words;
      });
      if (!contents.length) continue;
      // a content run broken by a token or two the tagger left out ("…, …") is one content
      for (let x = contents.length - 1; x > 0; x--) {
          const a = contents[x - 1];
          const b = contents[x];
          if (b.lo - a.hi > 2) continue;
          if (ts.cues.some((r) => r.lo >= a.hi && r.hi <= b.lo) || ts.sources.some((r) => r.lo >= a.hi && r.hi <= b.lo)) continue;
          contents.splice(x - 1, 2, { lo: a.lo, hi: b.hi, score: Math.min(a.score ?? 0, b.score ?? 0) });
        }
      const cues = ts.cues.slice();
      splitAtCoordinatedCues(contents, cues);
      const cueOf = contents.map((c) => {
        let best = -1;
        for (let k = 0; k < cues.length; k++) if (best < 0 || dist(cues[k], c) < dist(cues[best], c)) best = k;
        return best;
      });
      const used = new Set<number>();
      // "pointed out that Trump [was once an advocate for] many of the policies …": a content run that
      // runs straight into another cue run, with no punctuation or source between, is the subject of a
      // clause the tagger cut; the content goes on over that cue to the end of the content after it
      for (let ci = 0; ci < contents.length; ci++) {
        const c = contents[ci];
        const k = cueOf[ci];
        if (k < 0 || cues[k].hi > c.lo) continue;
        for (let cj = ci + 1; cj < contents.length; cj++) {
          const d = contents[cj];
          const k2 = cueOf[cj];
          if (k2 < 0 || k2 === k || cues[k2].lo !== c.hi || cues[k2].hi > d.lo || d.lo - cues[k2].hi > 1) continue;
          contents[ci] = { lo: c.lo, hi: d.hi, score: c.score };
          used.add(cj);
          break;
        }
      }
      for (let ci = 0; ci < contents.length; ci++) {
        if (used.has(ci)) continue;
        const c = contents[ci];
        const k = cueOf[ci];
        const cueRun = k >= 0 ? cues[k] : null;
        if (!cueRun) continue; // content with no cue in its sentence: mostly pieces of longer quotes
        if ((c.score ?? 1) < MIN_CONTENT_SCORE) continue;
        // a cue run of words that are rarely cues (cue bin 1-2 in training): right about a quarter of the time
        if (weakCueRun(cueRun)) continue;
        let parts: Span[] | undefined;
        let span: Span = { start: toks[c.lo].start, end: toks[c.hi - 1].end };
        // "CLAUSE, X said, CLAUSE": one content on each side of the cue
        // content before its cue that is not set off from it, when the cue has content after it: the
        // attribution is the one after ("Even worse, …, 36 percent of Democrats said they were …")
        if (c.hi <= cueRun.lo && contents.some((d, cj) => cj > ci && cueOf[cj] === k && !used.has(cj) && d.lo >= cueRun.hi && !setOff(c, cueRun, d, ts.sources))) continue;
        if (c.hi <= cueRun.lo) {
          for (let cj = ci + 1; cj < contents.length; cj++) {
            if (cueOf[cj] !== k || used.has(cj) || contents[cj].lo < cueRun.hi) continue;
            const d = contents[cj];
            parts = [span, { start: toks[d.lo].start, end: toks[d.hi - 1].end }];
            span = { start: span.start, end: parts[1].end };
            used.add(cj);
            break;
          }
        }
        // "The latest test, North Korea said, was its biggest yet": an attribution set off by commas
        // inside the sentence reports all of it, on both sides, whatever the tagger took as content
        if (!parts) {
          const aside = parenthetical(ts.lo, ts.hi, cueRun, ts.sources);
          if (aside && ((c.hi <= aside.lo && c.hi >= aside.lo - 1) || (c.lo > aside.hi && c.lo <= aside.hi + 2))) {
            parts = [trimSpan(text, { start: toks[ts.lo].start, end: toks[aside.lo].start }), trimSpan(text, { start: toks[aside.hi].end, end: toks[ts.hi - 1].end })];
            span = { start: parts[0].start, end: parts[1].end };
            for (let cj = 0; cj < contents.length; cj++) if (cj !== ci && cueOf[cj] === k && contents[cj].lo >= ts.lo && contents[cj].hi <= ts.hi) used.add(cj);
          }
        }
        // the cue token: the most cue-like word of the run ("according" of "according to")
        let cueTok: Token | null = null;
        let verbTok: Token | null = null;
        if (cueRun) {
          cueTok = toks[cueRun.lo];
          for (let x = cueRun.lo; x < cueRun.hi; x++)
            if (CUE_FORMS.has(lower(toks[x])) || WEAK_CUES.has(lower(toks[x])) || lower(toks[x]) === 'according') {
              cueTok = toks[x];
              break;
            }
          // the verb reported, not an adverb or auxiliary before it ("also outlined", "is seizing on")
          verbTok = cueTok;
          if (verbTok === toks[cueRun.lo]) {
            let v = cueRun.lo;
            while (v < cueRun.hi - 1 && (isAdverb(toks[v]) || AUXILIARIES.has(lower(toks[v])))) v++;
            verbTok = toks[v];
          }
        }
        // one attribution per cue: a cue that already attributes a quotation (“…,” he said to an enormous
        // cheer) gives no second content after it outside quotation marks; and the source of a rule's
        // quote is not content of the same cue (“…,” said the second official)
        const ruleQuote = cueTok ? ruleCues.get(cueTok.start) : undefined;
        if (ruleQuote && cueTok && span.start > cueTok.start && !overlapsSegment(span)) continue;
        if (ruleQuote?.speakerSpan && ruleQuote.speakerSpan.start <= span.start && span.end <= ruleQuote.speakerSpan.end) continue;
        let speaker: Span | null = null;
        if (cueRun) {
          let bestS = -1;
          for (let x = 0; x < ts.sources.length; x++) if (bestS < 0 || dist(ts.sources[x], cueRun) < dist(ts.sources[bestS], cueRun)) bestS = x;
          if (bestS >= 0) speaker = { start: toks[ts.sources[bestS].lo].start, end: toks[ts.sources[bestS].hi - 1].end };
          else {
            const ci0 = tokenAt(toks, cueTok!.start);
            const inverted = ci0 > ts.lo && (toks[ci0 - 1].text === ',' || isClose(toks[ci0 - 1].text)) && !PARTICIPLE_CUES.has(lower(toks[ci0]));
            if (PARTICIPLE_CUES.has(lower(toks[ci0])) && toks[ci0 - 1]?.text === ',') speaker = mainSubject(toks, ts.lo, ci0);
            else if (inverted) speaker = subjectAfter(toks, cueRun.hi, ts.hi) ?? subjectBefore(toks, ci0, ts.lo);
            else speaker = subjectBefore(toks, ci0, ts.lo);
          }
        } else if (ts.sources.length) {
          const sr = ts.sources[0];
          speaker = { start: toks[sr.lo].start, end: toks[sr.hi - 1].end };
        }
        if (!parts && verbTok && !CUE_FORMS.has(lower(verbTok)) && c.hi > c.lo + 2) span = objectOnly(c.lo, c.hi, span);
        if (!parts) span = wholeQuotation(span, cueRun);
        const q = make(span, speaker, verbTok, 'indirect', parts);
        if (!q) continue;
        q.kind = kindOf(text, q.span, segments);
        quotes.push(q);
        done.add(sIdx);
        if (cueTok) usedCue.add(tokenAt(toks, cueTok.start));
      }
    }
    return done;
  };

  // ---- pass 1: quotation-marked segments
  for (let si = 0; si < segments.length; si++) {
    const seg = segments[si];
    const a = tokenAt(toks, seg.outer.start); // the opening mark
    const b = tokenAt(toks, seg.outer.end) - 1; // the closing mark (or the segment's last token)
    let sentEndTok = tokenAt(toks, sentences[sentOf(Math.max(seg.inner.end - 1, seg.inner.start))].end);
    // “… in our country?” Clinton said. — the sentence splitter ends a sentence after a question or
    // exclamation in quotation marks; the attribution that follows on the same line still belongs to it
    const sAfter = sentOf(Math.max(seg.inner.end - 1, seg.inner.start)) + 1;
    if (b + 1 >= sentEndTok && /[?!]\s*$/.test(text.slice(seg.inner.start, seg.inner.end)) && sAfter < sentences.length && !text.slice(seg.outer.end, sentences[sAfter].start).includes('\n'))
      sentEndTok = tokenAt(toks, sentences[sAfter].end);
    const sentStartTok = tokenAt(toks, sentences[sentOf(seg.outer.start)].start);

    // a) after the closing mark: ,” X said / ,” said X
    let found: { cue: number; speaker: Span | null; nextIdx: number } | null = null;
    if (!seg.continues) {
      let i = b + 1;
      const limit = Math.min(sentEndTok, i + 16);
      const startsHere = i;
      for (; i < limit; i++) {
        const t = toks[i];
        if (isOpen(t.text) && i > startsHere) break;
        if (/^[.!?;]$/.test(t.text)) break;
        if (isCue(toks, i, i - startsHere <= 5 && isWord(toks[i - 1]))) {
          const inverted = i === startsHere || (i === startsHere + 1 && toks[startsHere].text === ',');
          const speaker = inverted ? subjectAfter(toks, i + 1, sentEndTok) : subjectBefore(toks, i, startsHere);
          if (!speaker && !inverted) break;
          let next = i + 1;
          if (inverted && speaker) next = tokenAt(toks, speaker.end);
          found = { cue: i, speaker, nextIdx: next };
          break;
        }
        if (!isWord(t) && t.text !== ',' && !/^['’]s$/.test(t.text) && t.text !== '(' && t.text !== ')' && t.text !== '-') break;
      }
      // testimonial style: “…” ― Name
      const dash = toks[b + 1];
      if (!found && dash && /^[―—–]$/.test(dash.text) && isCap(toks[b + 2])) {
        let e = b + 2;
        while (e + 1 < toks.length && !text.slice(toks[e].end, toks[e + 1].start).includes('\n') && (isWord(toks[e + 1]) || toks[e + 1].text === '.') && e < b + 8) e++;
        const lineEnd = e + 1 >= toks.length || text.slice(toks[e].end, toks[e + 1].start).includes('\n') || /^[.,]$/.test(toks[e + 1].text);
        if (lineEnd) found = { cue: b + 1, speaker: { start: toks[b + 2].start, end: toks[e].text === '.' ? toks[e - 1].end : toks[e].end }, nextIdx: e + 1 };
      }
    }
    // a word taken as a cue only because it ends in -ed ("… “against the war” because it destabilized …")
    // does not attribute a quotation that a reporting verb before it introduces ("Trump told the forum he was “…”")
    if (found && !CUE_FORMS.has(lower(toks[found.cue])) && /^[\p{Ll}]+ed$/u.test(toks[found.cue].text)) {
      for (let x = sentStartTok; x < a; x++)
        if (isCue(toks, x, false)) {
          found = null;
          break;
        }
    }
    if (found && !usedCue.has(found.cue)) {
      usedCue.add(found.cue);
      // split quote: ,” he said, “…”
      let end = seg.inner.end;
      let parts: Span[] | undefined;
      let k = found.nextIdx;
      while (k < toks.length && k < found.nextIdx + 6 && isWord(toks[k]) && TRAILERS.has(lower(toks[k]))) k++;
      if (toks[k]?.text === ',' || toks[k]?.text === ':') k++;
      const nextSeg = segments[si + 1];
      // “A,” Tester said, referring to the excuse, “B” / “A,” he said, but “B”: the second piece
      // further on in the same sentence, with no other reporting verb or sentence end between
      let reaches = nextSeg !== undefined && toks[k] !== undefined && toks[k].start === nextSeg.outer.start;
      if (!reaches && nextSeg && toks[k] && nextSeg.outer.start > toks[k].start && sentOf(nextSeg.outer.start) === sentOf(toks[k].start)) {
        const to = tokenAt(toks, nextSeg.outer.start);
        let ok = to - k <= SPLIT_GAP && (toks[to - 1].text === ',' || /^(but|and)$/.test(lower(toks[to - 1])));
        // a participle cue may stand between the pieces ("…,” Thiel wrote in a statement explaining why …, “…”),
        // unless it introduces the next one ("…,” Trump said, adding, “…”): that is an attribution of its own
        const introduces = (x: number) => toks[x + 1]?.text === ',' || toks[x + 1]?.text === ':' || isOpen(toks[x + 1]?.text ?? '');
        for (let x = k; x < to && ok; x++) if (/^[.!?;:]$/.test(toks[x].text) || (isCue(toks, x, false) && (!PARTICIPLE_CUES.has(lower(toks[x])) || introduces(x)))) ok = false;
        reaches = ok;
      }
      if (nextSeg && reaches && !/[.!?]$/.test(text.slice(seg.inner.start, seg.inner.end).trim())) {
        parts = [{ start: seg.inner.start, end: seg.inner.end }, { start: nextSeg.inner.start, end: nextSeg.inner.end }];
        end = nextSeg.inner.end;
        const sj = quotationEnd(si + 1);
        end = segments[sj].inner.end;
        for (let x = si; x <= sj; x++) segQuote.set(x, quotes.length);
        si = sj;
      }
      // the quote may have begun in an earlier paragraph (multi-paragraph quote)
      let start = seg.inner.start;
      let p = si - (parts ? 1 : 0);
      const firstSeg = parts ? si - 1 : si;
      p = firstSeg;
      while (p > 0 && segments[p - 1].continues && !segQuote.has(p - 1)) {
        p--;
        start = segments[p].inner.start;
        segQuote.set(p, quotes.length);
      }
      // a lead-in of the same sentence before the opening mark ("He said the plan was “…,” he said") is part of the content
      let leadCue = -1;
      let leadSpeaker: Span | null = null;
      if (sentStartTok < a && !parts) {
        // (two words at least, counted on the tokens at hand: one long sentence of many quotations stays linear)
        let leadWords = 0;
        for (let x = sentStartTok; x < a && leadWords < 2; x++) if (isWord(toks[x])) leadWords++;
        if (leadWords >= 2 && toks[a - 1]?.text !== ':') {
          start = toks[sentStartTok].start;
          // "Flynn said Trump was “absolutely right” when he said …": the lead-in's own reporting
          // verb introduces the quotation; the content starts after it
          for (let x = Math.max(sentStartTok + 1, a - 40); x < a - 1; x++) {
            if (!isCue(toks, x, false) || usedCue.has(x) || PARTICIPLE_CUES.has(lower(toks[x]))) continue;
            const sp = subjectBefore(toks, x, sentStartTok);
            if (!sp) continue;
            leadCue = x;
            leadSpeaker = sp;
            start = toks[x + 1].start;
            break;
          }
        }
      }
      const lastMerged = extendInParagraph(si, found.cue);
      if (lastMerged > si) {
        parts = parts ?? [{ start: seg.inner.start, end: seg.inner.end }];
        for (let x = si + 1; x <= lastMerged; x++) {
          parts.push({ start: segments[x].inner.start, end: segments[x].inner.end });
          segQuote.set(x, quotes.length);
        }
        end = segments[lastMerged].inner.end;
      }
      const content = { start, end };
      const kind: QuoteKind = start < seg.inner.start - 1 ? 'partial' : 'direct';
      if (leadCue >= 0) usedCue.add(leadCue);
      const q = leadCue >= 0 ? make(content, leadSpeaker, toks[leadCue], kind, parts) : make(content, found.speaker, toks[found.cue], kind, parts);
      if (q) {
        segQuote.set(si, quotes.length);
        quotes.push(q);
      }
      si = Math.max(si, lastMerged);
      continue;
    }

    // b) before the opening mark: X said: “…” / X said, “…” / X: “…”
    let j = a - 1;
    while (j >= sentStartTok && j > a - 4 && (toks[j].text === ',' || toks[j].text === ':' || TRAILERS.has(lower(toks[j])) && !DETERMINERS.has(lower(toks[j])))) j--;
    let cueIdx = -1;
    for (let x = j; x >= sentStartTok && x >= j - 1; x--) if (isCue(toks, x, false) || (QUOTE_INTRO.has(lower(toks[x])) && isWord(toks[x - 1]))) cueIdx = x;
    let colonSpeaker: Span | null = null;
    if (cueIdx < 0 && a - 1 >= sentStartTok && toks[a - 1].text === ':' && a - 1 - sentStartTok <= 6 && a - 1 > sentStartTok && isCap(toks[sentStartTok])) {
      colonSpeaker = { start: toks[sentStartTok].start, end: toks[a - 2].end };
    }
    let colonCue: Token | null = colonSpeaker ? toks[a - 1] : null;
    // "Hoff’s letter makes a libertarian-style case: “…”" — the subject of the clause the colon ends
    if (cueIdx < 0 && !colonSpeaker && a - 1 > sentStartTok + 2 && toks[a - 1].text === ':') {
      // "… - Jeffrey M. Jones: “…”": a name right before the colon speaks; else the clause subject
      let n = a - 2;
      while (n > sentStartTok && a - 2 - n < 5 && (isCap(toks[n - 1]) || toks[n - 1].text === '.')) n--;
      const named = isCap(toks[n]) && isCap(toks[a - 2]) && !TITLE_WORDS.has(lower(toks[a - 2])) && /^[-–—,]$|^\p{Ll}/u.test(n > sentStartTok ? toks[n - 1].text : '-');
      colonSpeaker = named ? { start: toks[n].start, end: toks[a - 2].end } : mainSubject(toks, sentStartTok, a - 1);
      if (colonSpeaker) colonCue = toks[a - 1];
    }
    // "Caddell continued:" ending the previous paragraph or sentence
    let prevLo = sentStartTok;
    if (cueIdx < 0 && !colonSpeaker && a === sentStartTok) {
      const ps = sentOf(seg.outer.start) - 1;
      if (ps >= 0) {
        const pLo = tokenAt(toks, sentences[ps].start);
        const pHi = tokenAt(toks, sentences[ps].end);
        if (pHi - 1 > pLo && toks[pHi - 1].text === ':') {
          for (let x = pHi - 2; x >= pLo && x >= pHi - 4; x--) if (isCue(toks, x, false) && !usedCue.has(x)) cueIdx = x;
          prevLo = pLo;
        }
      }
    }
    if ((cueIdx >= 0 && !usedCue.has(cueIdx)) || colonSpeaker) {
      let speaker: Span | null = colonSpeaker;
      let cueTok: Token | null = colonCue;
      const sentStartTok = Math.min(prevLo, tokenAt(toks, sentences[sentOf(seg.outer.start)].start));
      if (cueIdx >= 0) {
        usedCue.add(cueIdx);
        cueTok = toks[cueIdx];
        const participle = PARTICIPLE_CUES.has(lower(toks[cueIdx])) && toks[cueIdx - 1]?.text === ',';
        speaker = participle ? mainSubject(toks, sentStartTok, cueIdx) : subjectBefore(toks, cueIdx, sentStartTok);
        if (!speaker && PARTICIPLE_CUES.has(lower(toks[cueIdx]))) speaker = mainSubject(toks, sentStartTok, cueIdx);
        if (!speaker && sentStartTok < cueIdx && toks[cueIdx - 1].text === ',') speaker = subjectAfter(toks, cueIdx + 1, a);
      }
      const sj = extendInParagraph(quotationEnd(si), -1);
      const end = segments[sj].inner.end;
      const q = make({ start: seg.inner.start, end }, speaker, cueTok, 'direct');
      if (q) {
        for (let x = si; x <= sj; x++) segQuote.set(x, quotes.length);
        quotes.push(q);
      }
      si = sj;
    }
    // c) otherwise left for the sentence pass (partial quotes) or continuation (below)
  }

  // ---- pass 1b: attributions found by the trained tagger (indirect speech, "according to", stance verbs)
  const pass1Cover = coverIndex(quotes);
  const modelSentences = useModel ? modelAttributions(quotes.length) : new Set<number>();

  // ---- pass 2: sentences with a reporting verb not used above (where the tagger found nothing)
  // sentences, then the rest of a sentence after a cue that gave nothing ("When asked about it, Trump said …")
  // (spans copied, so that every entry has the same shape as those pushed below: one hidden class for the optimiser)
  const work: { span: Span; retry: boolean }[] = [];
  for (let s = 0; s < sentences.length; s++) work.push({ span: { start: sentences[s].start, end: sentences[s].end }, retry: false });
  for (let s = 0; s < work.length; s++) {
    const sent = work[s].span;
    const lo = tokenAt(toks, sent.start);
    const hi = tokenAt(toks, sent.end);
    if (hi - lo < 3) continue;
    if (!work[s].retry && modelSentences.has(s)) continue;
    // skip sentences wholly inside a quote already taken
    let covered = false;
    if (!work[s].retry) covered = pass1Cover(sent.start + 1, sent.end - 2);
    if (covered) continue;
    const retry = (from: number) => {
      if (!work[s].retry && from < hi - 3) work.push({ span: { start: toks[from].start, end: sent.end }, retry: true });
    };

    let cueIdx = -1;
    let according = -1;
    for (let i = lo; i < hi; i++) {
      if (inAnySegment(toks[i].start)) continue;
      if (usedCue.has(i)) {
        cueIdx = -2;
        break;
      }
      const lw = lower(toks[i]);
      if (lw === 'according' && lower(toks[i + 1]) === 'to') {
        according = i;
        break;
      }
      if (isCue(toks, i, false, true)) {
        cueIdx = i;
        break;
      }
    }
    if (according >= 0) {
      let j = according + 2;
      while (j < hi && toks[j].text !== ',' && !/^[.;:]$/.test(toks[j].text)) j++;
      const src = j > according + 2 ? { start: toks[according + 2].start, end: toks[j - 1].end } : null;
      let content: Span;
      if (according === lo) content = { start: j < hi ? toks[j].end : sent.end, end: sent.end };
      else if (toks[according - 1].text === ',') content = { start: sent.start, end: toks[according - 1].start };
      else content = { start: sent.start, end: toks[according].start };
      if (according !== lo && j < hi - 2 && toks[j].text === ',') content = { start: content.start, end: sent.end };
      const q = make(content, src, toks[according], 'indirect');
      if (q) {
        q.kind = kindOf(text, q.span, segments);
        quotes.push(q);
      }
      continue;
    }
    if (cueIdx === -1) {
      // headline style "Pence: Gennifer Flowers Won't Be at Debate" — a short name, a colon, a clause
      let colon = -1;
      for (let i = lo + 1; i < Math.min(hi, lo + 6); i++) if (toks[i].text === ':') colon = i;
      const label = colon > lo ? text.slice(toks[lo].start, toks[colon - 1].end) : '';
      const spaced = colon > lo && toks[colon].start > toks[colon - 1].end; // "Topics :" is a page label
      if (
        colon > lo &&
        colon < hi - 4 &&
        !spaced &&
        isCap(toks[lo]) &&
        !/\b(update[sd]?|note|editor|editor’s|editor's|photo|image|video|watch|read|related|source|sources|correction|by|topics?|tags?|published|posted|credit|share|follow|also|more|explore|subscribe|advertisement|warning|caption|file)\b/i.test(label) &&
        !inAnySegment(toks[colon + 1].start)
      ) {
        let names = true;
        for (let i = lo; i < colon; i++) if (!isCap(toks[i]) && !/^(of|the|and|['’]s|\.)$/.test(lower(toks[i]))) names = false;
        if (names) {
          const q = make({ start: toks[colon + 1].start, end: sent.end }, { start: toks[lo].start, end: toks[colon - 1].end }, toks[colon], 'indirect');
          if (q) {
            q.kind = kindOf(text, q.span, segments);
            quotes.push(q);
          }
        }
      }
      continue;
    }
    if (cueIdx < 0) continue;
    usedCue.add(cueIdx);
    const cue = toks[cueIdx];
    const cueLw = lower(cue);
    const prev = toks[cueIdx - 1];
    const inverted = cueIdx > lo && (prev.text === ',' || isClose(prev.text)) && isWord(toks[cueIdx + 1]) && lower(toks[cueIdx + 1]) !== 'that' && !PARTICIPLE_CUES.has(cueLw);
    let speaker: Span | null;
    let after = cueIdx + 1;
    if (inverted) {
      speaker = subjectAfter(toks, cueIdx + 1, hi);
      if (speaker) after = tokenAt(toks, speaker.end);
      // "Trump, asked about it, said Tuesday that …": not inverted after all
      else speaker = subjectBefore(toks, cueIdx, lo);
    } else if (PARTICIPLE_CUES.has(cueLw) && prev?.text === ',') {
      speaker = mainSubject(toks, lo, cueIdx);
    } else {
      speaker = subjectBefore(toks, cueIdx, lo);
    }
    const spStart = speaker && !inverted && speaker.start >= sent.start && speaker.end <= cue.start ? tokenAt(toks, speaker.start) : cueIdx;
    // addressee: "told reporters", "told Fox News"
    let k = after;
    if (ADDRESSEE_CUES.has(cueLw) && !inverted) {
      while (k < hi && k < after + 5 && isWord(toks[k]) && lower(toks[k]) !== 'that') {
        const lw = lower(toks[k]);
        if (k > after && /^(he|she|they|it|we|i|the|a|an|there|this)$/.test(lw)) break;
        if (!(TRAILERS.has(lw) || isCap(toks[k]) || /^(reporters|journalists|lawmakers|supporters|voters|audience|crowd|members|officials|him|her|them|me|us|listeners|viewers|students|people|congress)$/.test(lw))) break;
        k++;
      }
    }
    // trailing words only → the content is before the speaker
    let m = k;
    while (m < hi && !inAnySegment(toks[m].start) && (TRAILERS.has(lower(toks[m])) || (isCap(toks[m]) && m > k) || /^\d/.test(toks[m].text))) m++;
    const restIsTrailer = m >= hi || /^[.!?]$/.test(toks[m].text);
    const beforeMark = spStart > lo ? toks[spStart - 1].text : '';
    const contentBefore = spStart > lo + 1 && (beforeMark === ',' || isClose(beforeMark) || beforeMark === '—' || beforeMark === '–');
    if (contentBefore && (restIsTrailer || (toks[m]?.text === ',' && !PARTICIPLE_CUES.has(lower(toks[m + 1]))))) {
      let endTok = spStart - 1;
      if (toks[endTok].text === ',' && endTok > lo && isClose(toks[endTok - 1].text)) endTok--;
      let content: Span = { start: sent.start, end: toks[endTok].start };
      let parts: Span[] | undefined;
      if (!restIsTrailer && toks[m]?.text === ',' && m + 1 < hi) {
        // "CLAUSE, X said, CLAUSE." — or "And, X said, CLAUSE." with only a connective before
        let words = 0;
        for (let x = lo; x < spStart - 1; x++) if (isWord(toks[x])) words++;
        const after = { start: toks[m + 1].start, end: sent.end };
        if (words < 3) content = after;
        else {
          content = { start: sent.start, end: sent.end };
          parts = [trimSpan(text, { start: sent.start, end: toks[endTok].start }), trimSpan(text, after)];
        }
      }
      const q = make(content, speaker, cue, 'indirect', parts);
      if (q) {
        q.kind = kindOf(text, q.span, segments);
        quotes.push(q);
      }
      continue;
    }
    if (!speaker) {
      retry(cueIdx + 1);
      continue;
    }
    // X said [on Tuesday] [that] CLAUSE
    let c = k;
    while (c < hi && c < k + 6 && !inAnySegment(toks[c].start) && TRAILERS.has(lower(toks[c])) && !/^(a|an|the|this|it|his|her|their|its|by|as|when|while|after|before)$/.test(lower(toks[c]))) c++;
    // the complementiser stays in the content ("said that …"), as annotators of attribution mark it
    if (c < hi && /^(:|,)$/.test(lower(toks[c]))) c++;
    if (c < hi && lower(toks[c]) === 'out' && /^point/.test(cueLw)) c++;
    // "said in a statement that …", "testified before the panel last fall.": the phrase after a
    // preposition is an adjunct; the content is what follows it, if anything
    if (c > k && c < hi && /^(in|on|at|during|before|after|for|with|via|by|from)$/.test(lower(toks[c - 1]))) {
      let x = c;
      while (x < hi && x < c + 10 && !/^(that|,|:)$/.test(lower(toks[x])) && !isOpen(toks[x].text)) x++;
      c = x < hi && x < c + 10 ? (lower(toks[x]) === 'that' || isOpen(toks[x].text) ? x : x + 1) : hi;
      // "…, said in a statement. “…”": a quotation right after the sentence is the content
      if (c >= hi) {
        let n = sent.end;
        while (n < text.length && /\s/.test(text[n])) n++;
        const g = segmentAt(n);
        if (g >= 0 && segments[g].outer.start === n && !segQuote.has(g)) {
          const gj = quotationEnd(g);
          const q = make({ start: segments[g].inner.start, end: segments[gj].inner.end }, speaker, cue, 'direct');
          if (q) {
            for (let x2 = g; x2 <= gj; x2++) segQuote.set(x2, quotes.length);
            quotes.push(q);
          }
          continue;
        }
      }
    }
    if (c >= hi - 1 && !(c === hi - 1 && isWord(toks[c]))) {
      retry(cueIdx + 1);
      continue;
    }
    let end = sent.end;
    const gi = segmentAt(toks[c].start);
    if (gi >= 0) end = Math.max(end, segments[quotationEnd(gi)].inner.end);
    const q = make({ start: toks[c].start, end }, speaker, cue, 'indirect');
    if (q) {
      q.kind = kindOf(text, q.span, segments);
      quotes.push(q);
      // a reported clause with its own "X said" inside: a nested attribution, looked at once
      if (!work[s].retry && q.kind !== 'direct') {
        for (let x = c + 2; x < hi - 2; x++) {
          if (inAnySegment(toks[x].start)) continue;
          if (/^(said|says|told|tells)$/.test(lower(toks[x])) && isCue(toks, x, false)) {
            work.push({ span: { start: toks[c + 1].start, end: sent.end }, retry: true });
            break;
          }
        }
      }
    }
  }

  // ---- continuation: a whole-sentence quotation with no cue continues the nearest attributed
  // direct quote before it in the same or the previous paragraph
  quotes.sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
  const cover = coverIndex(quotes);
  const taken = (seg: QuotedSegment) => cover(seg.inner.start + 1, seg.inner.end - 1);
  const extra: Quote[] = [];
  /** Position of the mark that closes a quotation ending at `end` (skipping , . ? !). */
  const segmentEndMark = (end: number): number => {
    let e = end;
    while (e < text.length && /[,.!?]/.test(text[e])) e++;
    return e;
  };
  for (let si = 0; si < segments.length; si++) {
    const seg = segments[si];
    if (segQuote.has(si) || taken(seg)) continue;
    let words = 0;
    for (let x = tokenAt(toks, seg.inner.start); x < toks.length && toks[x].start < seg.inner.end && words < 4; x++) if (isWord(toks[x])) words++;
    if (words < 4) continue; // scare quotes and names
    const sIdx = sentOf(seg.outer.start);
    const sent = sentences[sIdx];
    const startsSentence = tokenAt(toks, sent.start) === tokenAt(toks, seg.outer.start);
    if (!startsSentence) continue;
    // nearest attributed quote within 600 characters before, else after in the same paragraph
    let prevQ: Quote | null = null;
    for (const q of quotes) {
      if (q.span.end > seg.outer.start) break;
      if (seg.outer.start - q.span.end < 600 && (q.speakerSpan || q.speaker)) prevQ = q;
    }
    let nextQ: Quote | null = null;
    for (const q of quotes) if (q.span.start >= seg.outer.end && q.span.start - seg.outer.end < 300 && !text.slice(seg.outer.end, q.span.start).includes('\n') && (q.speakerSpan || q.speaker)) {
      nextQ = q;
      break;
    }
    const prevSamePara = prevQ !== null && !text.slice(prevQ.span.end, seg.outer.start).includes('\n');
    const src = prevSamePara ? prevQ : (nextQ ?? prevQ);
    if (!src) continue;
    const sj = quotationEnd(si);
    const end = segments[sj].inner.end;
    if (prevSamePara && prevQ && prevQ === src && prevQ.kind !== 'indirect' && (isClose(text[prevQ.span.end - 1]) || isClose(text[segmentEndMark(prevQ.span.end)] ?? ''))) {
      // the same speaker goes on in the same paragraph ("“A,” X told Y. “B.”"): one quote
      let ok = true;
      for (let x = tokenAt(toks, prevQ.span.end); x < tokenAt(toks, seg.outer.start) && ok; x++)
        if (isCue(toks, x, false) && toks[x].start !== prevQ.cue?.span.start) ok = false;
      if (ok) {
        prevQ.parts = [...(prevQ.parts ?? [prevQ.span]), { start: seg.inner.start, end }];
        prevQ.span = { start: prevQ.span.start, end };
        si = sj;
        continue;
      }
    }
    extra.push({
      span: { start: seg.inner.start, end },
      kind: 'direct',
      speakerSpan: src.speakerSpan,
      speaker: src.speaker,
      speakerName: src.speakerName,
      cue: null,
    });
    si = sj;
  }
  quotes.push(...extra);

  // ---- transcripts: each paragraph that opens with a speaker label in capitals ("PENCE: Well, …")
  // is one turn, quoted as a whole; a quote that runs across a label (a quotation left open over
  // the paragraphs of a quoted transcript) gives way to the turns
  const turns = transcriptTurns(text);
  if (turns.length) {
    const crosses = (q: Quote) => turns.some((t) => q.span.start < t.label.end && q.span.end > t.label.start);
    const keep = quotes.filter((q) => !crosses(q));
    quotes.length = 0;
    quotes.push(...keep);
    for (const t of turns) {
      const colon = toks[tokenAt(toks, t.label.end)];
      const q = make(t.content, t.label, colon ?? null, 'direct');
      if (q) quotes.push(q);
    }
  }

  quotes.sort((x, y) => x.span.start - y.span.start || y.span.end - x.span.end);
  const out: Quote[] = [];
  // a question to the reader ("Do you support Donald Trump?", "What do you think of …?") reports nobody
  const toReader = (q: Quote): boolean => {
    if (!q.speakerSpan || q.kind === 'direct' || !/^you$/i.test(text.slice(q.speakerSpan.start, q.speakerSpan.end)) || inAnySegment(q.speakerSpan.start)) return false;
    return /\?["”’]?\s*$/.test(text.slice(q.speakerSpan.start, sentences[sentOf(q.speakerSpan.start)].end));
  };
  for (const q of quotes) {
    if (toReader(q)) continue;
    const last = out[out.length - 1];
    const nestedAttribution = last?.cue && q.cue && last.cue.span.start !== q.cue.span.start && last.kind !== 'direct' && q.kind !== 'direct' && q.span.start > last.span.start;
    if (last && q.span.start >= last.span.start && q.span.end <= last.span.end && !nestedAttribution) continue;
    out.push(q);
  }
  // the dependency tree, when the article was parsed: cue classes, speakers as subjects of their cues
  reresolvePronouns(ctx, out);
  const resolve = (span: Span) => resolveSpeaker(ctx, span);
  const syntax = options.tokens;
  if (options.linker) options.linker(syntax?.length ? (span) => linkSpeaker(text, syntax, span, resolve) : resolve);
  return syntax ? reviewWithSyntax(text, out, syntax, resolve) : out;
}

/**
 * Pronoun speakers once more, in text order: the passes find quotes out of text order, so a "he"
 * was resolved against the speakers found so far. Walking the quotes in order, each pronoun takes
 * the nearest compatible speaker before it among all quotes (a chain of "he said" follows its first
 * named speaker), and the result does not depend on which pass found what.
 */
function reresolvePronouns(ctx: Ctx, quotes: Quote[]): void {
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
    const who = resolveSpeaker(ctx, qs[0].speakerSpan!);
    for (const q of qs) {
      q.speaker = who.entity;
      q.speakerName = who.name;
    }
    const raw = ctx.text.slice(qs[0].speakerSpan!.start, qs[0].speakerSpan!.end).toLowerCase();
    ctx.speakers.push({ pos, entity: who.entity, name: who.name, span: qs[0].speakerSpan!, plural: /^(they|we)$/.test(raw) });
  }
  while (ri < records.length) ctx.speakers.push(records[ri++]);
}

/** Capitalised labels that head a paragraph without being a speaker ("UPDATE: …", "VIDEO: …"). */
const NOT_SPEAKER_LABELS = forms(`
  UPDATE UPDATED VIDEO WATCH EXCLUSIVE BREAKING BYLINE EMAIL NOTE PHOTO PHOTOS SOURCE SOURCES EDITOR READ MORE RELATED
  CORRECTION CLARIFICATION WARNING ALERT LIVE REPORT ANALYSIS OPINION EDITORIAL FACT CHECK TOPICS TAGS CREDIT`);

/**
 * Speaker turns of an interview transcript: paragraphs that open (after an optional quotation
 * mark) with a label of one to three words in capitals and a colon ("PENCE:", "JAKE TAPPER:"). Only
 * when the text has at least two such paragraphs with at least two different labels (a dialogue),
 * so that a lone "UPDATE:" or "BYLINE:" is not a speaker.
 */
function transcriptTurns(text: string): { label: Span; content: Span }[] {
  const out: { label: Span; content: Span; name: string }[] = [];
  const re = /^[ \t]*["“]?((?:\p{Lu}[\p{Lu}.’'-]+)(?: \p{Lu}[\p{Lu}.’'-]+){0,2}):[ \t]+(?=\S)/gmu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1];
    if (name.split(' ').some((w) => NOT_SPEAKER_LABELS.has(w.replace(/[.’'-]/g, '')))) continue;
    const labelStart = m.index + m[0].indexOf(name);
    let end = text.indexOf('\n', m.index);
    if (end < 0) end = text.length;
    const contentStart = m.index + m[0].length;
    while (end > contentStart && /[\s"”]/.test(text[end - 1])) end--;
    if (end - contentStart < 2) continue;
    out.push({ label: { start: labelStart, end: labelStart + name.length }, content: { start: contentStart, end }, name });
  }
  if (out.length < 2 || new Set(out.map((t) => t.name)).size < 2) return [];
  return out.map(({ label, content }) => ({ label, content }));
}

/** `covers(a, b)`: does some quote start at or before `a` and end at or after `b`? O(log n) per query. */
function coverIndex(quotes: Quote[]): (a: number, b: number) => boolean {
  const spans = quotes.map((q) => q.span).sort((x, y) => x.start - y.start);
  const maxEnd: number[] = [];
  for (let i = 0; i < spans.length; i++) maxEnd.push(Math.max(spans[i].end, i ? maxEnd[i - 1] : 0));
  return (a, b) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start <= a) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] >= b;
  };
}

/** Subject of the main clause before a participle cue ("Xi …, saying …"): the noun phrase before its first verb. */
function mainSubject(toks: Token[], lo: number, cueIdx: number): Span | null {
  for (let i = lo + 1; i < cueIdx; i++) {
    const lw = lower(toks[i]);
    if (CUE_FORMS.has(lw) || /^(is|was|are|were|has|had|have|will|would|could|can|spoke|met|gave|took|made|went|expressed|issued|released)$/.test(lw) || (/ed$/.test(lw) && !isCap(toks[i]))) {
      return subjectBefore(toks, i, lo);
    }
  }
  return null;
}

function kindOf(_text: string, content: Span, segments: QuotedSegment[]): QuoteKind {
  let covered = 0;
  let any = false;
  for (const seg of segments) {
    if (seg.outer.end <= content.start) continue;
    if (seg.outer.start >= content.end) break;
    any = true;
    covered += Math.max(0, Math.min(seg.inner.end, content.end) - Math.max(seg.inner.start, content.start));
  }
  if (!any) return 'indirect';
  return covered >= (content.end - content.start) * 0.9 ? 'direct' : 'partial';
}
