/**
 * Minimal annotators used by the cross-check ONLY when the analyse stage delivered no annotation
 * of a kind for an article (e.g. while the quote or quantity annotators are not in place, or when
 * the caller hands in bare articles). They are deliberately simple and conservative: capitalised
 * name sequences, quotation-mark quotes with a nearby cue verb, numbers with units and
 * qualifiers, weekdays and calendar dates. The analyse stage's annotations always take precedence.
 */
import { countryList } from '../text/places.js';
import type { EntityMention, Quantity, QuantityQualifier, Quote, Span, TimeExpr } from '../model/types.js';
import { validCalendarDate, validIsoDay } from '../ingest/validate.js';

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, a: 1, an: 1, dozen: 12, half: 0.5,
};
const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12 };

const NUMWORD = '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
const NUM = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${NUMWORD}(?:[- ]${NUMWORD})?|a|an|half an?|a half)`;
const QUAL =
  '(?:(?:just |well |slightly )?(?:more than|over|above|upwards of|in excess of|at least|less than|fewer than|under|up to|at most|no more than|about|approximately|around|roughly|some|nearly|almost|close to|an estimated|estimated|approx\\.))';
const UNIT =
  '(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|percent|per cent|%|people|persons|times|dozen)';
const QUANTITY_RE = new RegExp(
  `(?<![\\p{L}\\d])(?:(${QUAL})\\s+)?(\\$|€|£)?(${NUM})((?:[- ]and[- ]a[- ]half)|(?:\\.\\d+))?(?:\\s+(million|billion|trillion|thousand|hundred|dozen))?(?:[- ]?(${UNIT}))?(?:[- ](long|old|strong))?(?![\\p{L}\\d])`,
  'giu',
);

function parseNumber(s: string): number | null {
  const t = s.toLowerCase().trim();
  if (/^\d/.test(t)) return Number(t.replace(/,/g, ''));
  if (t === 'half an' || t === 'half a' || t === 'a half') return 0.5;
  let total = 0;
  for (const part of t.split(/[- ]/)) {
    const v = NUMBER_WORDS[part];
    if (v === undefined) return null;
    total += v;
  }
  return total;
}

const QUALIFIERS: [RegExp, QuantityQualifier][] = [
  [/more than|over|above|upwards of|in excess of/, 'more-than'],
  [/at least/, 'at-least'],
  [/less than|fewer than|under/, 'less-than'],
  [/up to|at most|no more than/, 'at-most'],
  [/about|approximately|around|roughly|some|nearly|almost|close to|estimated|approx/, 'about'],
];

const MONTH_RE = /(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s*$/;

/** Numbers with units and qualifiers. Years, ordinals, dates and clock times are skipped. */
export function fallbackQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  QUANTITY_RE.lastIndex = 0;
  for (let m = QUANTITY_RE.exec(text); m; m = QUANTITY_RE.exec(text)) {
    const [whole, qual, currency, numRaw, half, mult, unitRaw] = m;
    const lowerNum = numRaw.toLowerCase();
    const isWordArticle = lowerNum === 'a' || lowerNum === 'an';
    if (isWordArticle && !unitRaw && !mult) continue;
    if (isWordArticle && !qual && !/^(?:hour|day|week|dozen)/i.test(unitRaw ?? mult ?? '')) continue;
    let value = parseNumber(numRaw);
    if (value === null || !Number.isFinite(value)) continue;
    if (half) value += half.startsWith('.') ? Number(half) : 0.5;
    if (mult) value *= MULTIPLIERS[mult.toLowerCase()] ?? 1;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const after = text.slice(m.index + whole.length, m.index + whole.length + 6);
    // Skip calendar years, dates ("May 9"), clock times ("5 p.m."), ordinals, numbers inside words/ids.
    if (!unitRaw && !currency && !mult && /^\d{4}$/.test(numRaw) && value >= 1800 && value <= 2100) continue;
    if (!unitRaw && MONTH_RE.test(before)) continue;
    if (/^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|ET\b|:\d)/i.test(after)) continue;
    if (/^(?:st|nd|rd|th)\b/i.test(after)) continue;
    if (!unitRaw && !currency && !mult && /^\s*[-–]\s*\d/.test(after)) continue;
    if (!unitRaw && !currency && !mult && lowerNum === 'one') continue; // "one of", pronoun use
    let unit = 'count';
    let v = value;
    const u = (unitRaw ?? '').toLowerCase();
    if (currency) unit = currency === '$' ? 'USD' : currency === '€' ? 'EUR' : 'GBP';
    else if (/^(?:hours?|hrs?)$/.test(u)) unit = 'h';
    else if (/^min/.test(u)) {
      unit = 'h';
      v = value / 60;
    } else if (/^days?$/.test(u)) {
      unit = 'h';
      v = value * 24;
    } else if (/^weeks?$/.test(u)) {
      unit = 'h';
      v = value * 168;
    } else if (/^months?$/.test(u)) unit = 'month';
    else if (/^years?$/.test(u)) unit = 'year';
    else if (/^(?:percent|per cent|%)$/.test(u)) unit = '%';
    else if (u === 'dozen') v = value * 12;
    let qualifier: QuantityQualifier = 'exact';
    if (qual) for (const [re, q] of QUALIFIERS) if (re.test(qual.toLowerCase())) {
      qualifier = q;
      break;
    }
    const end = m.index + whole.length;
    const counted = countedAfter(text, end, unitRaw ? unitRaw.toLowerCase() : null);
    const start = m.index;
    out.push({ span: { start, end }, text: whole, value: v, low: null, high: null, unit, qualifier, counted });
  }
  return out;
}

const COUNT_STOP = new Set(
  'of in on at to for from by with and or but the a an that which who as than is are was were be been has have had will would could should may might its their his her this these those said says after before during between into over under about per'.split(
    ' ',
  ),
);

const ING_NOUNS = new Set(
  'meeting meetings briefing hearing hearings building buildings funding spending gathering shooting shootings bombing bombings killing killings uprising offering ceiling wedding'.split(' '),
);

/** Head noun of what is counted: "hours of talks" → talks; "20 cooperation agreements" → agreements. */
function countedAfter(text: string, end: number, unit: string | null): string | null {
  const rest = text.slice(end, end + 80);
  const words = /^[\s-]*/.exec(rest)![0].length;
  const tail = rest.slice(words);
  if (unit && /^of\s+/i.test(tail)) {
    const m = /^of\s+(?:the\s+|their\s+|his\s+|her\s+)?([a-z][a-z-]*)/i.exec(tail);
    return m ? m[1].toLowerCase() : null;
  }
  const ws = /^([a-z][a-z'-]*)(?:\s+([a-z][a-z'-]*))?(?:\s+([a-z][a-z'-]*))?/.exec(tail);
  if (!ws) return unit && !/^(?:people|persons|times|%|percent)$/.test(unit) ? null : unit === 'people' || unit === 'persons' ? 'people' : null;
  let head: string | null = null;
  for (const w of [ws[1], ws[2], ws[3]]) {
    if (!w || COUNT_STOP.has(w) || (/(?:ing|ed|ly)$/.test(w) && !ING_NOUNS.has(w))) break;
    head = w;
  }
  if (!head && (unit === 'people' || unit === 'persons')) return 'people';
  return head;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthIndex(s: string): number {
  return MONTHS.indexOf(s.slice(0, 3).toLowerCase());
}

const TIME_RE =
  /\b(?:(on|last|next|this|since|by|until|from)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(morning|afternoon|evening|night))?\b|\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b|\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)(?:,?\s+(\d{4}))?\b|\b(?:in|since|by|until|of)\s+(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(\d{4}))?\b|\b(last|next|this|earlier this|later this)\s+(month|year|week)\b/g;

const FUTURE_RE = /\b(?:will|would|is expected|are expected|expected to|is to|are to|next|plans? to|scheduled|set to|due to)\b/i;

/** Weekdays, calendar dates, months and simple relative expressions; resolved against `anchor` (YYYY-MM-DD) when given. */
export function fallbackTimes(text: string, anchor: string | null, inferred: boolean, sentences: Span[]): TimeExpr[] {
  const out: TimeExpr[] = [];
  TIME_RE.lastIndex = 0;
  for (let m = TIME_RE.exec(text); m; m = TIME_RE.exec(text)) {
    const start = m.index + (m[1] && !m[2] ? 0 : 0);
    const end = m.index + m[0].length;
    const sent = sentences.find((s) => s.start <= start && end <= s.end) ?? { start, end };
    const sentenceText = text.slice(sent.start, sent.end);
    const base: TimeExpr = { span: { start, end }, text: m[0], kind: 'date', value: null, grain: null, inferred };
    if (m[2]) {
      const wd = WEEKDAYS.indexOf(m[2].toLowerCase());
      const lead = sentenceText.slice(Math.max(0, start - sent.start - 60), start - sent.start);
      const future = m[1]?.toLowerCase() === 'next' || (m[1]?.toLowerCase() !== 'last' && FUTURE_RE.test(lead));
      base.kind = 'weekday';
      base.anchor = `weekday:${WEEKDAYS[wd]}:${future ? 'future' : 'past'}`;
      if (anchor) {
        base.value = resolveWeekday(anchor, wd, future);
        base.grain = 'day';
      }
    } else if (m[4]) {
      const mi = monthIndex(m[4]);
      const day = Number(m[5]);
      const year = m[6] ? Number(m[6]) : anchor ? Number(anchor.slice(0, 4)) : null;
      if (day < 1 || day > 31) continue;
      if (year !== null && validCalendarDate(year, mi + 1, day)) {
        base.value = `${year}-${pad(mi + 1)}-${pad(day)}`;
        base.grain = 'day';
        if (m[6]) base.inferred = false;
      }
    } else if (m[7]) {
      const mi = monthIndex(m[8]);
      const year = m[9] ? Number(m[9]) : anchor ? Number(anchor.slice(0, 4)) : null;
      // "40 March" is not a date (it may be a quantity): no value, like "March 40"
      if (!validCalendarDate(year ?? 2000, mi + 1, Number(m[7]))) continue;
      if (year !== null) {
        base.value = `${year}-${pad(mi + 1)}-${pad(Number(m[7]))}`;
        base.grain = 'day';
        if (m[9]) base.inferred = false;
      }
    } else if (m[10]) {
      const mi = monthIndex(m[10]);
      base.kind = 'month';
      const year = m[11] ? Number(m[11]) : anchor ? Number(anchor.slice(0, 4)) : null;
      if (year !== null) {
        base.value = `${year}-${pad(mi + 1)}`;
        base.grain = 'month';
        if (m[11]) base.inferred = false;
      }
      // keep the span on the month words only
      const off = m[0].indexOf(m[10]);
      base.span = { start: m.index + off, end };
      base.text = m[0].slice(off);
    } else if (m[12]) {
      base.kind = 'relative';
      const rel = m[12].toLowerCase();
      const unit = m[13].toLowerCase();
      const delta = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
      base.anchor = `${unit}:${delta}`;
      if (anchor && unit !== 'week') {
        const y = Number(anchor.slice(0, 4));
        const mo = Number(anchor.slice(5, 7));
        if (unit === 'year') {
          base.value = String(y + delta);
          base.grain = 'year';
        } else {
          const d = new Date(Date.UTC(y, mo - 1 + delta, 1));
          base.value = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
          base.grain = 'month';
        }
      }
    }
    out.push(base);
  }
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The weekday `wd` nearest to the anchor date, on or before it (past) or on or after it (future). */
export function resolveWeekday(anchor: string, wd: number, future: boolean): string | null {
  const d = new Date(`${anchor.slice(0, 10)}T00:00:00Z`);
  const cur = d.getUTCDay();
  let delta = future ? (wd - cur + 7) % 7 : -((cur - wd + 7) % 7);
  if (!future && delta === 0) delta = 0;
  d.setUTCDate(d.getUTCDate() + delta);
  // an anchor that is not a real day resolves nothing (the caller keeps the weekday unresolved)
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** Parse a resolution hint such as "weekday:thursday:past". */
export function parseWeekdayAnchor(a: string | undefined): { wd: number; future: boolean } | null {
  const m = /^weekday:([a-z]+)(?::(past|future|nearest))?/.exec(a ?? '');
  if (!m) return null;
  const wd = WEEKDAYS.indexOf(m[1]);
  return wd < 0 ? null : { wd, future: m[2] === 'future' };
}

/** The weekday of a YYYY-MM-DD date, or null when it is not a real calendar day ("2024-03-40"). */
export function weekdayName(iso: string): string | null {
  if (!validIsoDay(iso)) return null;
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const n = WEEKDAYS[d.getUTCDay()];
  return n[0].toUpperCase() + n.slice(1);
}

// ---------------------------------------------------------------- entities

const TITLE_WORDS = new Set(
  (
    'President Vice Prime Minister Ministers Secretary Foreign Defense Defence Chancellor Speaker Senator Sen. Rep. Representative Gov. Governor ' +
    'Director Chief General Gen. Mr. Mrs. Ms. Dr. King Queen Pope Premier Leader Chairman Chairwoman Spokesman Spokeswoman Spokesperson ' +
    'Ambassador Judge Justice Attorney Former Acting Deputy State Supreme Leader Commander Colonel Sir Lord Lady Prince Princess Cardinal Mayor Senate House Democratic Republican ' +
    'Sheikh Emir Crown Interior Finance Trade Economy Officer Adviser Advisor Envoy'
  ).split(' '),
);
const NOT_NAMES = new Set(
  (
    'The A An In On At For From By With And Or But As After Before During While When If This That These Those It Its He She They We I You Their His Her Our ' +
    'Despite However Meanwhile Still Also Both Earlier Later Over Under Since Although Though Alongside Ahead Amid Among Even Only Then There Here What Who Why How ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'Today Yesterday Tomorrow Last Next Some Many Most Several Such Other Another Each Every No Not Yes Mr Mrs Ms Dr ' +
    'Also Read Share Click Photo Image Topics Home Related More News According Under To Of Did Do Does Together Our Daily Recent'
  ).split(' '),
);
/** Country demonyms (data/places/countries.tsv) and the adjectives of world regions. */
const DEMONYM_RE = new RegExp(
  `^(?:${[...new Set([...countryList().flatMap((c) => c.demonyms), 'Soviet', 'Western', 'Eastern', 'Arab', 'African', 'Asian', 'Latin', 'European'])]
    .map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})$`,
);

const NAME_RE = /(?:[A-Z][\p{L}’'.-]*[\p{L}.]|[A-Z])(?:\s+(?:(?:of|de|da|del|el|al|bin|van|von|der|la|le)\s+)?(?:[A-Z][\p{L}’'.-]*[\p{L}.]|[A-Z]\.?))*/gu;

/** Capitalised name sequences with leading titles and demonyms stripped; `entity` is a provisional id from the name. */
export function fallbackEntities(text: string, sentences: Span[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const sent of sentences) {
    const chunk = text.slice(sent.start, sent.end);
    NAME_RE.lastIndex = 0;
    for (let m = NAME_RE.exec(chunk); m; m = NAME_RE.exec(chunk)) {
      const raw = m[0];
      // word offsets inside the match
      const words: { w: string; off: number }[] = [];
      for (const wm of raw.matchAll(/\S+/g)) words.push({ w: wm[0], off: wm.index ?? 0 });
      // cut after the last title/demonym word that is followed by another word ("Chinese President Xi Jinping")
      let from = 0;
      for (let i = 0; i < words.length - 1; i++) {
        const w = words[i].w;
        if (NOT_NAMES.has(w) || TITLE_WORDS.has(w) || DEMONYM_RE.test(w) || /[’']s$/.test(w) || (/^(?:U\.S\.|US|UK|U\.K\.|EU|UN)$/.test(w) && TITLE_WORDS.has(words[i + 1].w)))
          from = i + 1;
      }
      let to = words.length;
      while (to - from > 1 && (NOT_NAMES.has(words[to - 1].w) || /^(?:of|de|da|del|el|al|bin|van|von|der|la|le)$/.test(words[to - 1].w))) to--;
      const kept = words.slice(from, to);
      if (!kept.length) continue;
      const first = kept[0];
      const last = kept[kept.length - 1];
      let name = raw.slice(first.off, last.off + last.w.length).replace(/[’']s$/, '');
      if (/\.$/.test(name) && !/(?:^|\s)(?:[A-Z]\.)+$/.test(name)) name = name.slice(0, -1);
      if (!name) continue;
      const single = kept.length === 1;
      if (single && (NOT_NAMES.has(name) || TITLE_WORDS.has(name))) continue;
      const start = sent.start + m.index + first.off;
      if (single && m.index + first.off === 0 && !/^[A-Z]{2,}$/.test(name) && !DEMONYM_RE.test(name)) {
        // sentence-initial single capitalised word: a name only if it recurs mid-sentence elsewhere
        const re = new RegExp(`[a-z,;]\\s+${escapeRe(name)}\\b`);
        if (!re.test(text)) continue;
      }
      name = name.replace(/\s+/g, ' ');
      const isDemonym = single && DEMONYM_RE.test(name);
      out.push({
        span: { start, end: start + name.length },
        type: isDemonym ? 'MISC' : 'PER',
        text: name,
        entity: `NAME:${name.toLowerCase()}`,
        ...(isDemonym ? { denotes: name } : {}),
      });
    }
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------- quotes

const CUE_RE =
  /\b(said|says|say|saying|told|tells|added|adds|noted|notes|stressed|stresses|urged|warned|declared|wrote|writes|asked|explained|insisted|argued|described|describing|calling|called|calls|emphasized|emphasised|highlighted|pledged|vowed|accused|echoed|praised|criticizing|criticising|remarked|stated|announced|insists|according to|acknowledged|claimed|claims|labeled|labelled)\b/gi;

/** Spans between quotation marks with a speaker from the nearest name next to a cue verb. */
export function fallbackQuotes(text: string, sentences: Span[], entities: EntityMention[]): Quote[] {
  const out: Quote[] = [];
  const pairs: Span[] = [];
  // curly quotes
  const re = /“([^”\n]{2,600})”|"([^"\n]{2,600})"|''([^'\n]{2,600})''/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    pairs.push({ start: m.index + (m[3] !== undefined ? 2 : 1), end: m.index + m[0].length - (m[3] !== undefined ? 2 : 1) });
  }
  const persons = entities.filter((e) => e.type === 'PER' && !e.denotes).sort((a, b) => a.span.start - b.span.start);
  for (const q of pairs) {
    const inner = text.slice(q.start, q.end).trim();
    const words = inner.split(/\s+/).filter(Boolean);
    if (words.length < 2) continue;
    const sent = sentences.find((s) => s.start <= q.start && q.start < s.end) ?? q;
    const quoteShare = (q.end - q.start) / Math.max(1, sent.end - sent.start);
    const kind = words.length >= 6 && /^[\p{Lu}]/u.test(inner) && quoteShare > 0.5 ? 'direct' : 'partial';
    const best = findSpeaker(text, sent, pairs, persons);
    out.push({
      span: q,
      kind,
      speakerSpan: best?.speaker ? best.speaker.span : null,
      speaker: best?.speaker ? best.speaker.entity : null,
      speakerName: best?.speaker ? best.speaker.text : null,
      cue: best ? { span: best.cue, verb: best.verb } : null,
    });
  }
  return out;
}

/**
 * The speaker of quoted material in sentence `sent`: the person next to a cue verb ("Xi said",
 * "said Putin."), after "according to", a pronoun next to the cue (→ the last person named
 * before it), or the person the sentence begins with. `pairs` are the quoted spans (ignored).
 */
export function findSpeaker(
  text: string,
  sent: Span,
  pairs: Span[],
  persons: EntityMention[],
): { cue: Span; verb: string; speaker: EntityMention | null; rank: number } | null {
  // cue verbs in the sentence outside quotes; speaker next to the cue, after "according to",
  // a pronoun next to the cue (→ the last person named before), or the sentence's first name.
  const outside = (p: number) => !pairs.some((x) => x.start <= p && p < x.end);
  const sentText = text.slice(sent.start, sent.end);
  let best: { cue: Span; verb: string; speaker: EntityMention | null; rank: number } | null = null;
  CUE_RE.lastIndex = 0;
  for (let c = CUE_RE.exec(sentText); c; c = CUE_RE.exec(sentText)) {
    const cs = sent.start + c.index;
    if (!outside(cs)) continue;
    const cue = { start: cs, end: cs + c[0].length };
    const verb = c[0].toLowerCase();
    const inSent = persons.filter((e) => e.span.start >= sent.start && e.span.end <= sent.end && outside(e.span.start));
    let speaker: EntityMention | null = null;
    let rank = 9;
    if (verb === 'according to') {
      speaker = inSent.find((e) => e.span.start >= cue.end && e.span.start - cue.end <= 6) ?? null;
      rank = 2;
    } else {
      speaker =
        inSent.find((e) => e.span.end <= cue.start && /^[\s,]{0,3}$/.test(text.slice(e.span.end, cue.start))) ??
        inSent.find((e) => e.span.start >= cue.end && /^\s{1,2}$/.test(text.slice(cue.end, e.span.start)) && (e.span.end >= sent.end || /[,.;:]/.test(text[e.span.end]))) ??
        null;
      rank = 1;
      if (!speaker) {
        const near = text.slice(Math.max(sent.start, cue.start - 5), Math.min(sent.end, cue.end + 5));
        if (/\b(?:he|she)\b/i.test(near)) {
          const pron = /\b(?:he|she)\b/i.exec(near)!;
          const pronAt = Math.max(sent.start, cue.start - 5) + pron.index;
          const prev = persons.filter((e) => e.span.end <= pronAt && outside(e.span.start) && !pairs.some((x) => x.start <= e.span.start && e.span.start < x.end));
          speaker = prev.length ? prev[prev.length - 1] : null;
          rank = 3;
        }
      }
      if (!speaker) {
        const first = inSent[0];
        if (first && first.span.end <= cue.start && /^\W*(?:\p{L}+,\s*)?\W*$/u.test(text.slice(sent.start, first.span.start))) {
          speaker = first;
          rank = 4;
        }
      }
    }
    if (!speaker) rank = 9;
    if (!best || rank < best.rank) best = { cue, verb, speaker, rank };
  }
  return best;
}
