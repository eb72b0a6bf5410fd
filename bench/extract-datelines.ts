/**
 * Date lines of plain-text articles, by form, and how many give the article its publication date.
 *
 *   node --import tsx bench/extract-datelines.ts [--list]
 *
 * Data: the 772 articles of ../shared/data/stories/ecbplus-dev.jsonl, extracted as `loadEcb` in
 * bench/stories/quality.ts does (text, its title as `meta.title`, its URL); the story gold is not
 * read. A date line is a line (or the title) of at most 100 characters, starting in the first 200
 * characters of the title and text, with a month name and a day, or three numbers with slashes or
 * periods: the candidates a reader would take for the article's date. Each gets one form (the
 * first that fits, in the table's order) and counts as read when the article's publication date
 * comes from its visible text (`text`, `text:updated`). `--list` prints the lines not read.
 */
import { readFileSync } from 'node:fs';
import { extractArticle } from '../src/extract/index.js';
import { MONTH_PATTERN_ANY_CASE } from '../src/text/calendar.js';

const rows = readFileSync(new URL('../../shared/data/stories/ecbplus-dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; url?: string; title: string; text: string });

const MONTH_DAY = new RegExp(`\\b(?:${MONTH_PATTERN_ANY_CASE})\\.?\\s+\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_PATTERN_ANY_CASE})\\b`, 'i');
const NUMERIC = /\b\d{1,4}\s?[/.]\s?\d{1,2}\s?[/.]\s?\d{2,4}\b/;
const YEAR = /\b(?:19|20)\d\d\b/;
const TIME = /\b\d{1,2}[:.]\d{2}\b/;

/** Forms in the order they are tried; the first that fits names the line. */
const FORMS: [string, (line: string, isTitle: boolean) => boolean][] = [
  ['a sentence (its date is an event\'s, not a date line)', (l) => /[.!?]["”]?$/.test(l) && l.split(/\s+/).length >= 8],
  ['no year ("Jul. 7 5:59 PM EDT")', (l) => !YEAR.test(l) && !/\b\d{1,2}\s?\/\s?\d{1,2}\s?\/\s?\d{2}\b/.test(l)],
  ['title that is only a date', (_l, t) => t],
  ['numeric, spaced separators ("05 / 02 / 2013")', (l) => /\d\s[/.]\s\d/.test(l)],
  ['numeric ("8/2/2013", "08.07.2012", "2012.08.08")', (l) => NUMERIC.test(l)],
  ['time before the date ("12:52 p. m. EDT May 2, 2013")', (l) => TIME.test(l) && l.search(TIME) < l.search(MONTH_DAY)],
  ['labelled ("Posted:", "UPDATED", "Published on")', (l) => /^\W*(?:\w+\s){0,3}?(?:published|posted|updated|release|created)\b/i.test(l)],
  ['weekday first ("Friday, June 7, 2013")', (l) => /^\W*(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\b/i.test(l)],
  ['month name date, other', () => true],
];

const table = new Map<string, { lines: number; read: number }>(FORMS.map(([f]) => [f, { lines: 0, read: 0 }]));
const missed: string[] = [];
let dated = 0;
let datedText = 0;
for (const r of rows) {
  const a = extractArticle({ id: r.id, source: r.id, format: 'json', content: r.text, contentType: 'text', encoding: 'utf-8', meta: { title: r.title, ...(r.url ? { url: r.url } : {}) } });
  const fromText = a.published !== null && a.published.source.startsWith('text');
  if (a.published) dated++;
  if (fromText) datedText++;
  const lines: [string, boolean][] = [[r.title, true]];
  let pos = r.title.length + 1;
  for (const l of r.text.split('\n')) {
    if (pos >= r.title.length + 1 + 200) break;
    if (l.trim()) lines.push([l.trim(), false]);
    pos += l.length + 1;
  }
  // one date line per article: the first candidate
  const line = lines.find(([l]) => l.length <= 100 && (MONTH_DAY.test(l) || NUMERIC.test(l)) && (YEAR.test(l) || TIME.test(l) || NUMERIC.test(l)));
  if (!line) continue;
  const form = FORMS.find(([, test]) => test(line[0], line[1]))![0];
  const row = table.get(form)!;
  row.lines++;
  if (fromText) row.read++;
  else missed.push(`${r.id}\t${form}\t${line[0]}`);
}

console.log(`articles ${rows.length}; dated ${dated} (from the visible text ${datedText})\n`);
console.log('| date-line form | articles | read | not read |\n| --- | ---: | ---: | ---: |');
let total = 0;
let read = 0;
for (const [form, { lines, read: n }] of table) {
  console.log(`| ${form} | ${lines} | ${n} | ${lines - n} |`);
  total += lines;
  read += n;
}
console.log(`| all | ${total} | ${read} | ${total - read} |`);
if (process.argv.includes('--list')) console.log(`\n${missed.join('\n')}`);
