/**
 * Quotes with speakers: direct ("…," Xi said), split, multi-sentence and multi-paragraph quotes,
 * partial quotes inside indirect speech (calling them “deeply destabilizing”), indirect speech with
 * cue verbs (said that, told, stressed, warned, according to). Rule-based, linear in the text.
 *
 * Speakers are resolved against the entity mentions given (PER/ORG); when no mention covers the
 * speaker, a small capitalised-name fallback names it. Pronouns ("he said") resolve to the most
 * recent compatible speaker or person.
 */
import type { EntityMention, Quote, QuoteKind, Span, Token } from '../model/types.js';
import { tokenize } from './tokenize.js';

/** Reporting verbs (inflected forms) that introduce speech or writing. */
const CUE_FORMS = new Set(
  (
    'said says say saying told tells tell telling added adds adding stressed stresses stressing warned warns warning ' +
    'noted notes noting explained explains explaining wrote writes writing asked asks asking argued argues arguing ' +
    'insisted insists insisting claimed claims claiming declared declares declaring announced announces announcing ' +
    'stated states stating replied replies replying responded responds responding recalled recalls recalling ' +
    'acknowledged acknowledges acknowledging admitted admits admitting suggested suggests suggesting emphasized ' +
    'emphasised emphasizes emphasises emphasizing emphasising urged urges urging tweeted tweets tweeting posted ' +
    'reported reports reporting observed observes remarked remarks predicted predicts predicting contended contends ' +
    'countered counters conceded concedes confirmed confirms confirming denied denies denying alleged alleges ' +
    'asserted asserts asserting maintained maintains vowed vows vowing promised promises promising pledged pledges ' +
    'complained complains complaining joked jokes boasted boasts lamented laments cautioned cautions estimated ' +
    'estimates believes believed thinks testified testifies affirmed affirms indicated indicates revealed reveals ' +
    'disclosed discloses charged charges continued continues concluded concludes wondered wonders agreed agrees ' +
    'announcing reiterated reiterates underlined underlines hinted hints explained repeated repeats ' +
    'described describes describing calling called calls accused accuses accusing criticized criticised criticizes ' +
    'pointed points'
  ).split(' '),
);

/** Cues whose content is normally after them and introduced by "that" or a clause. */
const NOUN_LIKE = new Set('states reports claims notes remarks points charges promises calls estimates hints'.split(' '));

const DETERMINERS = new Set('the a an these those this that his her their its our my your such of some any no'.split(' '));

const PRONOUNS: Record<string, 'PER' | 'ORG' | 'ANY'> = {
  he: 'PER',
  she: 'PER',
  they: 'ANY',
  it: 'ORG',
  we: 'ANY',
  i: 'ANY',
};

const TITLES = new Set(
  (
    'president vice prime minister secretary spokesman spokeswoman spokesperson senator sen. rep. gov. governor mr. mrs. ms. dr. ' +
    'gen. general chairman chairwoman chair leader mayor ambassador foreign defense defence state deputy former chief ' +
    'executive director representative congressman congresswoman sen rep gov mr mrs ms dr'
  ).split(' '),
);

/** Words that can follow the cue in "…, X said on Tuesday." without starting content. */
const TRAILERS = new Set(
  (
    'in on at to during last this late early earlier later yesterday today tonight monday tuesday wednesday thursday ' +
    'friday saturday sunday morning afternoon evening night week month year a an the statement interview with ' +
    'briefing conference press news told reporters recently also previously then again here there according ' +
    'via email phone by after before when while as of'
  ).split(' '),
);

const OPEN_DQ = '“„«';
const CLOSE_DQ = '”»';

interface Segment {
  /** Inner span (without the marks). */
  inner: Span;
  /** Span including the marks. */
  outer: Span;
  /** The paragraph run continues into the next paragraph (multi-paragraph quote). */
  continues: boolean;
}

/** Pairs double quotation marks within paragraphs. Unclosed marks yield nothing, except the
 * newspaper convention of an unclosed paragraph followed by one that reopens the quote. */
export function findQuotedSegments(text: string): Segment[] {
  const out: Segment[] = [];
  const n = text.length;
  let paraStart = 0;
  while (paraStart <= n) {
    let paraEnd = text.indexOf('\n', paraStart);
    if (paraEnd < 0) paraEnd = n;
    let open = -1;
    for (let i = paraStart; i < paraEnd; i++) {
      const c = text[i];
      let isOpen = false;
      let isClose = false;
      if (OPEN_DQ.includes(c)) isOpen = true;
      else if (CLOSE_DQ.includes(c)) isClose = true;
      else if (c === '"') {
        if (open < 0) isOpen = true;
        else isClose = true;
      }
      if (isOpen && open < 0) open = i;
      else if (isClose && open >= 0) {
        if (i > open + 1) out.push({ inner: { start: open + 1, end: i }, outer: { start: open, end: i + 1 }, continues: false });
        open = -1;
      } else if (isOpen && open >= 0 && c !== '"') {
        // a second opening mark before any close: the first was stray
        open = i;
      }
    }
    if (open >= 0) {
      // unclosed: a multi-paragraph quote if the next non-empty paragraph opens with a quote mark
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

const CAP_STOP = new Set(
  (
    'The A An In On At But And Or This That These Those There It He She They We I His Her Their Its As After Before ' +
    'When While If However Meanwhile According For From To With Without By Of Not No Yes So Then Also Still Yet ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December Mr Mrs Ms Dr Sen Rep Gov President Minister Secretary'
  ).split(' '),
);

/** Capitalised-name fallback used when no entity mention covers a speaker. */
function fallbackName(text: string, span: Span): { entity: string; name: string } | null {
  const toks = tokenize(text, span.start, span.end).filter((t) => /^\p{Lu}[\p{L}’'.-]*$/u.test(t.text));
  const names = toks.filter((t) => !TITLES.has(t.text.toLowerCase()) && !CAP_STOP.has(t.text.replace(/\.$/, '')));
  if (!names.length) return null;
  // the longest run of adjacent capitalised tokens ending at the last one
  const last = names[names.length - 1];
  let first = names.length - 1;
  while (first > 0 && /^\s*$/.test(text.slice(names[first - 1].end, names[first].start))) first--;
  const name = text.slice(names[first].start, last.end);
  return { entity: `PER:${last.text.toLowerCase().replace(/[’'.]/g, '')}`, name };
}

function tokLower(t: Token | undefined): string {
  return t ? t.text.toLowerCase() : '';
}

function isWord(t: Token | undefined): boolean {
  return !!t && /[\p{L}\p{N}]/u.test(t.text);
}

interface Ctx {
  text: string;
  mentions: NameMention[];
  /** Previous speakers for pronoun resolution, in text order. */
  speakers: { pos: number; entity: string | null; name: string | null; plural: boolean }[];
}

/**
 * The speaker noun phrase ending just before token index `end` (exclusive) in `toks`.
 * Skips adverbs ("also", "later"); stops at punctuation, verbs of the clause and function words.
 */
function subjectBefore(toks: Token[], end: number, lo: number): Span | null {
  let j = end - 1;
  while (j >= lo && /^(also|later|previously|then|again|has|have|had|once|recently|repeatedly|would|will|had|reportedly|publicly|privately|simply|further|earlier|explicitly|frequently|often|flatly)$/i.test(toks[j].text)) j--;
  if (j < lo) return null;
  const last = toks[j];
  if (!isWord(last) && !/^['’]s$/.test(last.text)) return null;
  if (/^(that|which|who|and|or|but|to|of|as|is|was|are|were|be|been|not|it)$/i.test(last.text) && last.text !== 'it') return null;
  let k = j;
  // walk back over the noun phrase: capitalised words, titles, determiners, possessives, lowercase nouns
  let count = 0;
  while (k - 1 >= lo && count < 8) {
    const p = toks[k - 1];
    const lw = p.text.toLowerCase();
    if (!isWord(p) && !/^['’]s$/.test(p.text) && p.text !== '.' && p.text !== '-') break;
    if (/^(said|says|told|that|which|who|and|but|or|when|because|while|if|as|is|was|are|were|has|have|had|to|by|with|for|from|in|on|at|after|before|than|since|where)$/.test(lw))
      break;
    if (PRONOUNS[lw] !== undefined) break;
    k--;
    count++;
    if (DETERMINERS.has(lw) && lw !== 'of') break;
  }
  const lwLast = last.text.toLowerCase();
  if (PRONOUNS[lwLast] !== undefined) return { start: last.start, end: last.end };
  return { start: toks[k].start, end: last.end };
}

/** The speaker noun phrase starting at token index `from` ("said Kremlin spokesman Dmitry Peskov."). */
function subjectAfter(toks: Token[], from: number, hi: number): Span | null {
  let k = from;
  if (k >= hi || !isWord(toks[k])) return null;
  const first = toks[k];
  if (PRONOUNS[first.text.toLowerCase()] !== undefined) return { start: first.start, end: first.end };
  let end = k;
  let count = 0;
  while (end < hi && count < 10) {
    const t = toks[end];
    const lw = t.text.toLowerCase();
    if (!isWord(t) && !/^['’]s$/.test(t.text) && t.text !== '-') break;
    if (count > 0 && /^(who|which|that|in|on|at|during|to|told|when|after|before|as|adding|saying|and|but|while|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(lw)) break;
    end++;
    count++;
  }
  if (end === k) return null;
  return { start: toks[k].start, end: toks[end - 1].end };
}

function resolveSpeaker(ctx: Ctx, span: Span): { entity: string | null; name: string | null } {
  const { text } = ctx;
  const raw = text.slice(span.start, span.end);
  const lw = raw.toLowerCase();
  const pron = PRONOUNS[lw];
  if (pron !== undefined) {
    // most recent compatible speaker, else most recent person mention
    for (let i = ctx.speakers.length - 1; i >= 0; i--) {
      const s = ctx.speakers[i];
      if (s.pos >= span.start) continue;
      if (pron === 'PER' && s.plural) continue;
      if (s.entity) return { entity: s.entity, name: s.name };
      break;
    }
    for (let i = ctx.mentions.length - 1; i >= 0; i--) {
      const m = ctx.mentions[i];
      if (m.span.end > span.start) continue;
      if (pron === 'PER' && m.type !== 'PER') continue;
      if (pron === 'ORG' && m.type !== 'ORG') continue;
      return { entity: m.entity, name: m.name };
    }
    return { entity: null, name: null };
  }
  let best: NameMention | null = null;
  for (const m of ctx.mentions) {
    if (m.span.start >= span.end) break;
    if (m.span.end <= span.start) continue;
    if (m.type === 'PER' || m.type === 'ORG' || !best) best = m;
  }
  if (best) return { entity: best.entity, name: best.name };
  const fb = fallbackName(text, span);
  if (!fb) return { entity: null, name: null };
  // link a short name to an earlier longer one with the same last token
  for (const s of ctx.speakers) if (s.entity === fb.entity && s.name && s.name.length > fb.name.length) return { entity: s.entity, name: s.name };
  return fb;
}

function mentionsFrom(entities: EntityMention[]): NameMention[] {
  const longest = new Map<string, string>();
  for (const e of entities) {
    const cur = longest.get(e.entity);
    if (!cur || e.text.length > cur.length) longest.set(e.entity, e.text);
  }
  return entities
    .map((e) => ({ span: e.span, type: e.type, entity: e.entity, name: longest.get(e.entity) ?? e.text }))
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function trimSpan(text: string, s: Span): Span {
  let a = s.start;
  let b = s.end;
  while (a < b && /[\s,:;—–-]/.test(text[a])) a++;
  while (b > a && /[\s,.:;—–-]/.test(text[b - 1])) b--;
  return { start: a, end: b };
}

function kindOf(text: string, content: Span, segments: Segment[]): QuoteKind {
  let covered = 0;
  let any = false;
  for (const seg of segments) {
    if (seg.outer.end <= content.start || seg.outer.start >= content.end) continue;
    any = true;
    covered += Math.min(seg.inner.end, content.end) - Math.max(seg.inner.start, content.start);
  }
  if (!any) return 'indirect';
  const words = text.slice(content.start, content.end).replace(/[^\p{L}\p{N}]+/gu, '').length;
  const len = content.end - content.start;
  return covered >= len * 0.85 || words === 0 ? 'direct' : 'partial';
}

/** Finds quotes in `text`. `sentences` from splitSentences; `entities` may be empty. */
export function findQuotes(text: string, sentences: Span[], entities: EntityMention[]): Quote[] {
  if (!text) return [];
  const segments = findQuotedSegments(text);
  const ctx: Ctx = { text, mentions: mentionsFrom(entities), speakers: [] };
  const quotes: Quote[] = [];
  const usedCue = new Set<number>();
  let segIdx = 0;

  const push = (content: Span, speakerSpan: Span | null, cue: Token | null, forced?: QuoteKind, parts?: Span[]) => {
    const c = trimSpan(text, content);
    if (c.end - c.start < 2) return;
    const who = speakerSpan ? resolveSpeaker(ctx, speakerSpan) : { entity: null, name: null };
    const kind = forced ?? kindOf(text, c, segments);
    const q: Quote = {
      span: c,
      kind,
      speakerSpan,
      speaker: who.entity,
      speakerName: who.name,
      cue: cue ? { span: { start: cue.start, end: cue.end }, verb: cue.text.toLowerCase() } : null,
    };
    if (parts && parts.length > 1) q.parts = parts;
    quotes.push(q);
    if (speakerSpan) {
      const raw = text.slice(speakerSpan.start, speakerSpan.end).toLowerCase();
      ctx.speakers.push({ pos: speakerSpan.start, entity: who.entity, name: who.name, plural: /^(they|we)$/.test(raw) || /s$/.test(raw) && !who.entity });
    }
  };

  for (const sent of sentences) {
    const toks = tokenize(text, sent.start, sent.end);
    if (!toks.length) continue;
    // quoted segments overlapping this sentence
    while (segIdx < segments.length && segments[segIdx].outer.end <= sent.start) segIdx++;
    const segs: Segment[] = [];
    for (let k = segIdx; k < segments.length && segments[k].outer.start < sent.end; k++) segs.push(segments[k]);
    const inSeg = (t: Token) => segs.some((s) => t.start >= s.inner.start && t.end <= s.inner.end);

    // find the cue token of the sentence: first reporting verb outside quotation marks
    let cueIdx = -1;
    let accordingIdx = -1;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (inSeg(t)) continue;
      const lw = t.text.toLowerCase();
      if (lw === 'according' && tokLower(toks[i + 1]) === 'to') {
        accordingIdx = i;
        break;
      }
      if (!CUE_FORMS.has(lw)) continue;
      const prev = tokLower(toks[i - 1]);
      if (DETERMINERS.has(prev) && !(lw === 'said' || lw === 'told')) continue;
      if (NOUN_LIKE.has(lw) && (i === 0 || !isWord(toks[i - 1]) || /^(united|the|and)$/.test(prev))) continue;
      if (/^(pointed|points)$/.test(lw) && tokLower(toks[i + 1]) !== 'out') continue;
      if (/^(called|calls|calling)$/.test(lw) && !/^(for|on)$/.test(tokLower(toks[i + 1])) && !segs.length) continue;
      cueIdx = i;
      break;
    }

    if (accordingIdx >= 0) {
      const a = accordingIdx;
      // "According to X, CLAUSE." or "CLAUSE, according to X."
      let j = a + 2;
      while (j < toks.length && toks[j].text !== ',' && toks[j].text !== '.') j++;
      const src = j > a + 2 ? { start: toks[a + 2].start, end: toks[j - 1].end } : null;
      if (a === 0 || (a > 0 && toks[a - 1].text === ',' && a <= 1)) {
        if (j < toks.length - 1) push({ start: toks[j].end, end: sent.end }, src, toks[a]);
      } else if (a > 1 && toks[a - 1].text === ',') {
        const contentEnd = toks[a - 1].start;
        const tail = j < toks.length - 1 ? { start: toks[j].end, end: sent.end } : null;
        push({ start: sent.start, end: tail && tail.end - tail.start > 3 ? tail.end : contentEnd }, src, toks[a]);
      } else {
        push({ start: sent.start, end: toks[a].start }, src, toks[a]);
      }
      continue;
    }

    // direct quotes attached to this sentence through the segment pattern, even without a cue here
    if (cueIdx < 0) {
      // a sentence made of a quotation only: continuation of the previous speaker's quote
      const only = segs.find((s) => s.outer.start <= toks[0].start && s.outer.end >= toks[toks.length - 1].start);
      if (only && only.inner.end - only.inner.start > 20 && quotes.length) {
        const prev = quotes[quotes.length - 1];
        if (prev.kind === 'direct' && prev.speakerSpan && sent.start - prev.span.end < 400 && !/[.!?]["”]?$/.test(text.slice(0, 0))) {
          push(only.inner, null, null, 'direct');
          const q = quotes[quotes.length - 1];
          q.speaker = prev.speaker;
          q.speakerName = prev.speakerName;
          q.speakerSpan = null;
        }
      }
      continue;
    }
    if (usedCue.has(toks[cueIdx].start)) continue;
    usedCue.add(toks[cueIdx].start);
    const cue = toks[cueIdx];
    const cueLw = cue.text.toLowerCase();

    // "…," X said / "…," said X  (a quote segment closing right before the speaker or the cue)
    const before = segs.filter((s) => s.outer.end <= cue.start);
    const after = segs.filter((s) => s.outer.start >= cue.end);
    const lastBefore = before[before.length - 1];
    const firstAfter = after[0];

    // speaker: inverted ("said X") when the token after the cue is a name/determiner and the token
    // before it is a closing mark or comma
    const prevTok = toks[cueIdx - 1];
    const inverted =
      prevTok !== undefined &&
      (prevTok.text === ',' || CLOSE_DQ.includes(prevTok.text) || prevTok.text === '"') &&
      isWord(toks[cueIdx + 1]) &&
      !/^(that|the\s)$/.test(tokLower(toks[cueIdx + 1]));
    let speaker: Span | null;
    let afterSpeakerIdx = cueIdx + 1;
    if (inverted) {
      speaker = subjectAfter(toks, cueIdx + 1, toks.length);
      if (speaker) {
        while (afterSpeakerIdx < toks.length && toks[afterSpeakerIdx].start < speaker.end) afterSpeakerIdx++;
      }
    } else {
      speaker = subjectBefore(toks, cueIdx, 0);
    }
    let speakerStartIdx = cueIdx;
    if (speaker && !inverted) {
      speakerStartIdx = toks.findIndex((t) => t.start >= speaker!.start);
      if (speakerStartIdx < 0) speakerStartIdx = cueIdx;
    }

    // what follows the cue (and the inverted speaker): trailer words only → content is before
    let k = afterSpeakerIdx;
    if (!inverted && /^(told|tells|telling|asked|asks|urged|warned|reminded)$/.test(cueLw)) {
      // skip the addressee: "told reporters", "told Fox News"
      while (k < toks.length && isWord(toks[k]) && toks[k].text.toLowerCase() !== 'that' && k < afterSpeakerIdx + 4) {
        const lw = toks[k].text.toLowerCase();
        if (/^(he|she|they|it|we|i|the|a|an|there|this)$/.test(lw) && k > afterSpeakerIdx) break;
        if (!(TRAILERS.has(lw) || /^\p{Lu}/u.test(toks[k].text) || /^(reporters|journalists|lawmakers|supporters|voters|audience|crowd|members|officials|him|her|them|me|us|listeners|viewers)$/.test(lw))) break;
        k++;
      }
    }
    let m = k;
    while (m < toks.length && (TRAILERS.has(toks[m].text.toLowerCase()) || /^\p{Lu}/u.test(toks[m].text) && m > k) && !inSeg(toks[m])) m++;
    const restIsTrailer = m >= toks.length || /^[.!?]$/.test(toks[m].text) || (toks[m].text === ',' && firstAfter === undefined && m === toks.length - 2);
    const contentBefore =
      speakerStartIdx > 0 &&
      (toks[speakerStartIdx - 1].text === ',' || CLOSE_DQ.includes(toks[speakerStartIdx - 1].text) || toks[speakerStartIdx - 1].text === '"' || toks[speakerStartIdx - 1].text === '—');

    if (contentBefore && (restIsTrailer || (toks[m]?.text === ',' && firstAfter !== undefined))) {
      // "CLAUSE," X said [, "MORE."]
      let startPos = sent.start;
      // a direct quote spanning earlier sentences: start at its opening mark
      if (lastBefore && lastBefore.outer.start < sent.start) startPos = lastBefore.inner.start;
      else if (lastBefore && before.length && lastBefore.outer.end >= toks[speakerStartIdx - 1].start - 1) {
        // content is the whole sentence part before the speaker (may include unquoted lead-in)
        startPos = Math.min(sent.start, lastBefore.inner.start);
      }
      const firstPart = { start: startPos, end: toks[speakerStartIdx - 1].start };
      if (firstAfter && toks[m]?.text === ',') {
        // split quote: "…," he said, "…"
        let end = firstAfter.inner.end;
        // the second part may run over several sentences
        const segFull = segments.find((s) => s.outer.start === firstAfter.outer.start);
        if (segFull) end = segFull.inner.end;
        push({ start: firstPart.start, end }, speaker, cue, undefined, [trimSpan(text, firstPart), { start: firstAfter.inner.start, end }]);
      } else {
        push(firstPart, speaker, cue);
      }
      continue;
    }

    // X said [that] CLAUSE / X said: "…"
    let c = k;
    while (c < toks.length && !inSeg(toks[c]) && (TRAILERS.has(toks[c].text.toLowerCase()) && !/^(a|an|the|this|it)$/.test(toks[c].text.toLowerCase())) && c < k + 4) c++;
    if (c < toks.length && tokLower(toks[c]) === 'that') c++;
    if (c < toks.length && /^[,:]$/.test(toks[c].text)) c++;
    if (c >= toks.length) continue;
    if (/^out$/.test(tokLower(toks[c])) && /^(pointed|points)$/.test(cueLw)) c++;
    let end = sent.end;
    // a direct quote opened here may run over several sentences
    const seg = segments.find((s) => s.outer.start <= toks[c].start && s.outer.end > toks[c].start);
    if (seg && seg.inner.end > end) end = seg.inner.end;
    if (!speaker && !/^(saying|adding|noting|calling|arguing|insisting|warning|stressing|explaining|asking|describing|accusing|claiming|urging|vowing|promising|suggesting|telling|writing|declaring|announcing|responding|replying)$/.test(cueLw)) {
      // no subject found: still an attribution if the content is quoted
      if (!seg) continue;
    }
    if (!speaker) {
      // participle cue (", saying …"): the subject of the main clause
      speaker = subjectBefore(toks, Math.max(0, firstVerbIdx(toks, cueIdx)), 0);
    }
    push({ start: toks[c].start, end }, speaker, cue);
  }

  // partial quotes after "calling"/"described as" are inside the content found above; scare quotes
  // around names stay unquoted. Order and dedupe.
  quotes.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const out: Quote[] = [];
  for (const q of quotes) {
    const last = out[out.length - 1];
    if (last && q.span.start < last.span.end && q.span.end <= last.span.end) continue;
    out.push(q);
  }
  return out;
}

/** Index of a plausible main-clause subject end before a participle cue: the token before the first verb-like word. */
function firstVerbIdx(toks: Token[], cueIdx: number): number {
  for (let i = 1; i < cueIdx; i++) {
    const lw = toks[i].text.toLowerCase();
    if (/(ed|es)$/.test(lw) && /^\p{Ll}/u.test(toks[i].text)) return i;
    if (/^(is|was|are|were|has|had|have|will|would|could|can|spoke|met|gave|took|made|went|said|told)$/.test(lw)) return i;
  }
  return 0;
}
