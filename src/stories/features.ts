import { resolveOutlet } from '../outlets/index.js';
import type { DocMessage } from '../model/types.js';
import { primaryVenue } from './venue.js';
import { namedWeekday } from './weekday.js';
import { minhash, sequenceHash } from './minhash.js';
import { addTerms, capitalisedNames, isTitleCase, nameSlug, placeOf, wordInfo, words } from './text.js';
import { STORIES_VERSION, type StoryFeatures, type StoryInput } from './types.js';

/** Most terms kept per article (by weighted count); enough for full text, small enough to store. */
export const MAX_TERMS = 150;
const MAX_ENTITIES = 40;
const MAX_PLACES = 12;
/** Longest body (characters) read; longer texts are cut (a message says so). */
export const MAX_TEXT = 200_000;
const DAY_MS = 86_400_000;
/** Days after `now` a publication date may lie (time zones, embargoes) before it counts as future. */
const FUTURE_SLACK_DAYS = 2;

/** Days since 1970-01-01 UTC of an ISO date/time (date-only values are UTC days), or null. */
export function isoDay(iso: string | null | undefined): number | null {
  if (!iso || typeof iso !== 'string') return null;
  const s = iso.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(s)) return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s;
  const t = Date.parse(date);
  if (!Number.isFinite(t)) return null;
  // the calendar day as written (local to the outlet), not shifted to UTC
  const local = Date.parse(`${s.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(local) ? Math.floor(local / DAY_MS) : Math.floor(t / DAY_MS);
}

export function dayIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The `n` entries with the highest counts, in the map's (first-occurrence) order; among equal
 * counts at the cut, the earlier ones. Deterministic without sorting strings.
 */
function topPairs(m: Map<string, number>, n: number): [string, number][] {
  if (m.size <= n) return [...m.entries()];
  const counts = Float64Array.from(m.values()).sort();
  const cut = counts[counts.length - n];
  let above = 0;
  for (const c of counts) if (c > cut) above++;
  let ties = n - above;
  const out: [string, number][] = [];
  for (const e of m) {
    if (e[1] > cut) out.push(e);
    else if (e[1] === cut && ties > 0) {
      out.push(e);
      ties--;
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Compact features of one article for story grouping. Pure and deterministic; never throws:
 * problems (no text, invalid or future date, over-long text) become `messages` and a `status`.
 */
export function storyFeatures(input: StoryInput, options: { now?: string | null } = {}): StoryFeatures {
  const messages: DocMessage[] = [];
  const warn = (message: string) => messages.push({ level: 'warning', stage: 'stories', message });
  const id = String(input?.id ?? '');
  let text = typeof input?.text === 'string' ? input.text : '';
  if (text.length > MAX_TEXT) {
    warn(`text cut to ${MAX_TEXT} characters for story features`);
    text = text.slice(0, MAX_TEXT);
  }
  const title = typeof input?.title === 'string' && input.title.trim() !== '' ? input.title.trim().slice(0, 300) : null;
  // one name per outlet ("FOX" = "Fox News" = foxnews.com): copies and articles of one outlet count once
  const outlet = resolveOutlet(typeof input?.outlet === 'string' ? input.outlet : null, typeof input?.url === 'string' ? input.url : null)?.name ?? null;

  // time
  const published = typeof input?.published === 'string' ? input.published : null;
  let day = isoDay(published);
  if (published && day === null) warn(`publication date not understood: ${JSON.stringify(published.slice(0, 40))}`);
  const nowDay = isoDay(options.now ?? null);
  if (day !== null && nowDay !== null && day > nowDay + FUTURE_SLACK_DAYS) {
    warn(`publication date ${published} is in the future; treated as unknown`);
    day = null;
  }
  const eventDays: number[] = [];
  for (const d of Array.isArray(input?.eventDates) ? input.eventDates : []) {
    if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d)) {
      const v = isoDay(d);
      if (v !== null) eventDays.push(v);
    }
  }
  eventDays.sort((a, b) => a - b);
  const eventDay = eventDays.length > 0 ? eventDays[(eventDays.length - 1) >> 1] : null;

  // terms: title words count double unless the body is just the title
  const terms = new Map<string, number>();
  const bigrams = new Map<string, number>();
  const bodyIsTitle = title !== null && text.trim() === title;
  if (title !== null && !bodyIsTitle) addTerms(title, 2, terms, bigrams);
  const ws = words(text);
  const info = ws.map((w) => wordInfo(w.word));
  // a phrase said once is noise in a long text; keep repeated ones (or any, in a short text)
  const minPhrase = ws.length > 150 ? 2 : 1;
  const nWords = addTerms(text, 1, terms, bigrams, ws, minPhrase, info);
  for (const [b, c] of bigrams) if (c >= minPhrase) terms.set(b, c);

  // entities: given, or capitalised names as a fallback
  const entities = new Map<string, number>();
  const places = new Map<string, number>();
  const given = Array.isArray(input?.entities) ? input.entities : [];
  if (given.length > 0) {
    for (const e of given) {
      if (!e || typeof e.id !== 'string') continue;
      const c = Number.isFinite(e.count) && e.count > 0 ? e.count : 1;
      entities.set(e.id, (entities.get(e.id) ?? 0) + c);
      if (e.type === 'LOC') places.set(e.id, (places.get(e.id) ?? 0) + c);
    }
  } else if (!(ws.length < 40 && isTitleCase(text))) {
    // (a short title-case text, a headline, says nothing by its capitals)
    const names = capitalisedNames(text, ws);
    if (title !== null && !bodyIsTitle && !isTitleCase(title)) {
      for (const [n, c] of capitalisedNames(title)) names.set(n, (names.get(n) ?? 0) + c);
    }
    for (const [n, c] of names) {
      const place = placeOf(n);
      if (place !== null) {
        const pid = `LOC:${place}`;
        places.set(pid, (places.get(pid) ?? 0) + c);
        entities.set(pid, (entities.get(pid) ?? 0) + c);
      } else {
        const eid = `NAME:${nameSlug(n)}`;
        entities.set(eid, (entities.get(eid) ?? 0) + c);
      }
    }
  }

  // the event's venue: dateline city or the city of a travel/meeting phrase
  const locIds = new Set<string>();
  for (const [p] of places) locIds.add(p);
  const venue = status0(ws.length) ? primaryVenue(text, input?.dateline ?? null, locIds) : null;

  // near-duplicate sketch over the body (a syndicated copy often gets a new headline)
  const hashes = info.map((w) => w.lowerHash);
  const sketch = minhash(hashes);
  const textHash = sequenceHash(hashes);

  const status = nWords === 0 && terms.size === 0 ? 'empty' : terms.size < 3 ? 'too-short' : 'ok';
  if (status === 'empty') warn('no text: the article is a story of its own');
  else if (status === 'too-short') warn('too little text to place the article by content; only exact copies join it');

  return {
    v: STORIES_VERSION,
    id,
    outlet,
    title,
    day,
    published: day !== null ? published : null,
    eventDay,
    terms: topPairs(terms, MAX_TERMS).map(([t, c]) => [t, round(c)]),
    entities: topPairs(entities, MAX_ENTITIES),
    places: topPairs(places, MAX_PLACES),
    venue,
    weekday: namedWeekday(input?.weekdays),
    ...storedClaims(input?.claims),
    sketch,
    textHash,
    words: ws.length,
    status,
    messages,
  };
}

/** Venue detection needs some text (a headline alone names no venue reliably). */
function status0(words: number): boolean {
  return words >= 40;
}

/** Claims kept per article (the headline's and the lead's). */
const MAX_CLAIMS = 2;
const MAX_CLAIM_PART = 48;

/** The main event claims given, checked (three short strings each, at most `MAX_CLAIMS`); no field when there are none, so features without claims read the same. */
function storedClaims(claims: unknown): { claims?: [string, string, string][] } {
  if (!Array.isArray(claims)) return {};
  const ok = claims
    .filter((c): c is [string, string, string] => Array.isArray(c) && c.length === 3 && c.every((x) => typeof x === 'string' && x.length <= MAX_CLAIM_PART) && c[0] !== '')
    .slice(0, MAX_CLAIMS)
    .map((c) => [c[0], c[1], c[2]] as [string, string, string]);
  return ok.length ? { claims: ok } : {};
}
