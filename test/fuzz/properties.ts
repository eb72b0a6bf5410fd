/**
 * Property-based fuzzing (fast-check) of every stage with generated hostile input. Each property
 * says: no exception escapes, and the outputs stay consistent (spans inside their text, dates that
 * are real days, every document grouped exactly once, the same stories whatever the input order).
 * The short campaign runs in `npm test` (fuzz.test.ts); `npm run fuzz` runs a longer one.
 * Not a test file itself.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseArticle } from '../../src/analyse/index.js';
import { recogniseEntities } from '../../src/analyse/entities/index.js';
import { findQuantities } from '../../src/analyse/quantities.js';
import { findQuotes } from '../../src/analyse/quotes.js';
import { findTimes } from '../../src/analyse/time.js';
import { splitSentences } from '../../src/analyse/tokenize.js';
import { crossCheckStory } from '../../src/compare/index.js';
import { extractArticle } from '../../src/extract/index.js';
import { readBytes } from '../../src/ingest/index.js';
import { type Format, readDecoded } from '../../src/ingest/readers.js';
import { MAX_YEAR, MIN_YEAR } from '../../src/ingest/validate.js';
import type { AnnotatedArticle, DateInfo } from '../../src/model/types.js';
import { groupStories, storyFeatures, storyInputOf } from '../../src/stories/index.js';
import { groupStoriesSafely } from '../../src/stories/safe.js';
import { bareArticle } from '../helpers.js';
import { assertAnnotated, assertDateValue, assertSpan } from './check.js';

// ------------------------------------------------------------------ generators

/** Pieces of text that have broken parsers before: impossible dates, odd numbers, quote marks, cue verbs. */
const HOSTILE_PIECES = [
  '40 March', 'March 40', 'Feb 30', '31 April 2024', '29 February 2023', 'on 0 May', 'June 31st', '12/45/2024', '25:99', '2024-13-45',
  'on Monday', 'last Tuesday', 'next week', 'since 1799', 'in 99999', '1e400', '-0', 'NaN', '99999999999999999999999', '12,34,56',
  '$1.5bn', '4 percent', 'between 3 and 2', '"', '“', '”', "'", '‘', '’', '«', '»', '"We will win," he said.', 'said:', 'told reporters',
  'according to', '(', ')', '[', ']', '{', '}', '<p>', '</p>', '\n\n', '\n', '\t', '\u0000', '\uFFFD', '\uD800', 'é', '👍🏽', 'ﬁ',
  '\u202E', 'Mr.', 'U.S.', 'Dr. Jane Doe', 'the Ministry of Finance', 'President', ' ', '.', '!', '?', '...', '—',
] as const;

const word = fc.stringMatching(/^[A-Za-z][a-z]{0,11}$/);

/** Text mixing ordinary words, hostile pieces, arbitrary strings and, rarely, a very long token. */
export const hostileText = (maxPieces = 80): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: word },
        { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
        { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
        { weight: 1, arbitrary: fc.nat(99999).map(String) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', '"', '(', '9', 'ab'), fc.integer({ min: 100, max: 3000 })).map(([c, n]) => c.repeat(n)) },
      ),
      { maxLength: maxPieces },
    )
    .map((parts) => parts.join(' '));

/** A publication date as analysers receive it: mostly sane, sometimes at the edges of the range. */
const dateInfo: fc.Arbitrary<DateInfo | null> = fc.option(
  fc.record({
    y: fc.integer({ min: MIN_YEAR, max: MAX_YEAR }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  }).map(({ y, m, d }) => ({ iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, precision: 'day' as const, source: 'input' })),
);

/** Values a JSON record's fields take in the wild and in attacks. */
const jsonField = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.double(),
  fc.integer(),
  fc.constantFrom(1e20, -5, -8.64e15, 8.64e15 + 1, 0, '2024-02-30', '+275760-09-13', '99999-01-01', '2024-03-08T10:00:00Z', 'yesterday', ''),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);

const jsonRecord = fc.record(
  { id: jsonField, title: fc.oneof(jsonField, hostileText(10)), text: fc.oneof(hostileText(), jsonField), published: jsonField, outlet: jsonField, url: jsonField, extra: fc.jsonValue({ maxDepth: 4 }) },
  { requiredKeys: [] },
);

/** JSON text nested `depth` levels, arrays and objects mixed. */
const deepJson = fc.tuple(fc.integer({ min: 50, max: 6000 }), fc.boolean()).map(([depth, obj]) => {
  const open = obj ? '{"a":' : '[';
  const close = obj ? '}' : ']';
  return `{"text":"Deep record body. The agency said so.","extra":${open.repeat(depth)}1${close.repeat(depth)}}`;
});

const htmlPage = fc
  .array(
    fc.tuple(fc.constantFrom('p', 'div', 'article', 'span', 'h1', 'li', 'blockquote', 'script', 'time', 'a', 'table', 'td', ''), hostileText(20), fc.boolean()),
    { maxLength: 25 },
  )
  .map((blocks) => `<html><head><title>T</title></head><body>${blocks.map(([tag, text, closed]) => (tag ? `<${tag}>${text}${closed ? `</${tag}>` : ''}` : text)).join('')}</body></html>`);

const feed = fc.array(fc.tuple(hostileText(8), hostileText(30), fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('Fri, 40 Mar 2024 10:00:00 GMT', 'Mon, 01 Jan 99999 00:00:00 GMT'))), { maxLength: 6 }).map(
  (items) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${items
      .map(([t, d, p]) => `<item><title>${esc(t)}</title><pubDate>${esc(p)}</pubDate><description>${esc(d)}</description></item>`)
      .join('')}</channel></rss>`,
);

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

// ------------------------------------------------------------------ properties

const FORMATS: (Format | null)[] = ['text', 'html', 'json', 'jsonl', 'feed', null];

function checkReadResults(results: ReturnType<typeof readBytes>) {
  assert.ok(Array.isArray(results) && results.length > 0, 'at least one result');
  for (const r of results) {
    if (r.kind === 'error') assert.ok(r.reason.length > 0, 'an error has a reason');
    else assertDateValue(r.doc.meta.published, 'meta.published');
  }
}

/** Each property: a name, and a fast-check property object (sync). */
export function properties(): { name: string; weight: number; property: fc.IPropertyWithHooks<unknown[]> }[] {
  const p = <T extends unknown[]>(arbs: { [K in keyof T]: fc.Arbitrary<T[K]> }, fn: (...args: T) => void) => fc.property(...(arbs as never as [fc.Arbitrary<unknown>]), fn as never) as unknown as fc.IPropertyWithHooks<unknown[]>;
  return [
    { name: 'ingest: arbitrary bytes in every format', weight: 3, property: p([fc.uint8Array({ maxLength: 600 }), fc.constantFrom(...FORMATS)], (bytes, f) => checkReadResults(readBytes('fuzz', bytes, f))) },
    {
      name: 'ingest: encodings (UTF-16 with and without BOM, Latin-1, gzip-looking)',
      weight: 2,
      property: p([hostileText(30), fc.constantFrom('utf16le', 'latin1', 'utf8'), fc.boolean()], (text, enc, bom) => {
        const body = Buffer.from(text, enc as BufferEncoding);
        const bytes = bom && enc === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : bom ? Buffer.concat([Buffer.from([0x1f, 0x8b]), body]) : body;
        checkReadResults(readBytes('fuzz', bytes, null));
      }),
    },
    { name: 'ingest: JSON records with hostile fields', weight: 3, property: p([fc.array(jsonRecord, { maxLength: 4 })], (recs) => checkReadResults(readDecoded('fuzz', Buffer.from(JSON.stringify(recs)), 'json'))) },
    { name: 'ingest: JSON nested up to 6,000 levels', weight: 1, property: p([deepJson], (s) => checkReadResults(readDecoded('fuzz', Buffer.from(s), 'json'))) },
    { name: 'ingest: feeds with hostile items and dates', weight: 1, property: p([feed], (s) => checkReadResults(readDecoded('fuzz', Buffer.from(s), 'feed'))) },
    {
      name: 'extract: hostile HTML',
      weight: 2,
      property: p([htmlPage], (html) => {
        const a = extractArticle({ id: 'f', source: 'f.html', format: 'html', content: html, contentType: 'html', encoding: 'utf-8', meta: {} });
        assert.ok(['ok', 'no-body', 'error'].includes(a.status));
        assertDateValue(a.published?.iso, 'published');
      }),
    },
    {
      name: 'analysers one by one on hostile text',
      weight: 3,
      property: p([hostileText(), dateInfo], (text, published) => {
        const sentences = splitSentences(text);
        for (const s of sentences) assertSpan(s, text.length, 'sentence');
        const entities = recogniseEntities(text, sentences);
        for (const e of entities) assertSpan(e.span, text.length, 'entity');
        for (const q of findQuotes(text, sentences, entities)) assertSpan(q.span, text.length, 'quote');
        for (const t of findTimes(text, sentences, published)) {
          assertSpan(t.span, text.length, 'time');
          assertDateValue(t.value, `time "${t.text}"`);
        }
        for (const q of findQuantities(text, sentences)) assertSpan(q.span, text.length, 'quantity');
      }),
    },
    { name: 'analyse: whole article (guarded, budgets)', weight: 2, property: p([hostileText(), dateInfo], (text, published) => assertAnnotated(analyseArticle(bareArticle('f', text, { published })))) },
    {
      name: 'stories: grouping is total and independent of input order',
      weight: 2,
      property: p([fc.array(fc.tuple(hostileText(30), dateInfo), { minLength: 1, maxLength: 6 }), fc.nat()], (docs, seed) => {
        const features = docs.map(([text, published], i) => storyFeatures(storyInputOf(analyseArticle(bareArticle(`d${i}`, text, { published, title: text.slice(0, 40) })))));
        const groups = groupStories(features);
        assert.deepEqual(groups.flatMap((g) => g.members).sort(), features.map((f) => f.id).sort(), 'every document exactly once');
        const shuffled = [...features].sort((a, b) => ((a.id.charCodeAt(1) * 31 + seed) % 7) - ((b.id.charCodeAt(1) * 31 + seed) % 7));
        assert.deepEqual(groupStories(shuffled).map((g) => g.members), groups.map((g) => g.members), 'same stories in any order');
      }),
    },
    {
      name: 'stories: grouping of garbage stored features never throws',
      weight: 1,
      property: p([fc.array(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ id: fc.string(), day: fc.double(), terms: fc.constant([]), entities: fc.constant([]), places: fc.constant([]), sketch: fc.constant(null) })), { maxLength: 8 })], (stored) => {
        const r = groupStoriesSafely(stored, []);
        assert.ok(Array.isArray(r.groups));
      }),
    },
    {
      name: 'compare: cross-check of hostile articles',
      weight: 2,
      property: p([fc.array(fc.tuple(hostileText(40), dateInfo), { minLength: 2, maxLength: 4 })], (docs) => {
        const articles: AnnotatedArticle[] = docs.map(([text, published], i) => analyseArticle(bareArticle(`c${i}`, text, { published, outlet: `O${i}` })));
        const x = crossCheckStory({ storyId: 's', articles, copies: [] });
        const len = new Map(articles.map((a) => [a.article.docId, a.article.text.length]));
        for (const f of x.facts) for (const e of f.evidence) assertSpan(e.span, len.get(e.articleId) ?? -1, 'fact evidence');
        for (const c of x.conflicts) for (const s of c.sides) for (const e of s.evidence) assertSpan(e.span, len.get(e.articleId) ?? -1, 'conflict evidence');
      }),
    },
  ];
}

export interface CampaignResult {
  name: string;
  runs: number;
  ms: number;
  failed: boolean;
  report: string | null;
}

/** Runs every property with `runsPerWeight × weight` runs (seeded: the same seed gives the same inputs). */
export function campaign(opts: { seed: number; runsPerWeight: number; timeLimitMs?: number; only?: RegExp }): CampaignResult[] {
  const out: CampaignResult[] = [];
  for (const { name, weight, property } of properties()) {
    if (opts.only && !opts.only.test(name)) continue;
    const t0 = performance.now();
    const details = fc.check(property, { seed: opts.seed, numRuns: opts.runsPerWeight * weight, interruptAfterTimeLimit: opts.timeLimitMs, markInterruptAsFailure: false });
    out.push({ name, runs: details.numRuns, ms: performance.now() - t0, failed: details.failed, report: details.failed ? fc.defaultReportMessage(details) ?? 'failed' : null });
  }
  return out;
}
