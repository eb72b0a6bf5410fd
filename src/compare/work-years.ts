/**
 * The year of a titled work: "inspired the 2009 film The Quiet Harbour Girl" in one outlet, "the
 * 2010 biopic, The Quiet Harbour Girl," in another. A year written before a noun that a title
 * follows dates that noun's thing, the work the title names (a film, a book, an album); it is read by
 * no act (the year sits on the noun, not on a verb), so the dated-act slots never see it. Two
 * independent outlets that give one title two years disagree about a date.
 *
 * Read on the words, after a year analyse found (kind `year`):
 * - a premodifier: "the|a|an YEAR [up to two capitalised or hyphenated words] NOUN[,] TITLE";
 * - a year before the noun phrase: "in YEAR a|an|the NOUN, TITLE," (the title set off by commas);
 * and a TITLE is a quoted capitalised run, or a capitalised run opening with a capitalised article
 * ("The", "A", "An") inside the sentence, which few things but titles are. A title that is all one
 * name the tagger reads (a person, an organisation, a place: "the 1990 champion, The Rovers") is a
 * name, not a work. One article that gives one title two years tells two works of that title (a
 * remake, an adaptation): the title then dates nothing.
 */
import { STOPWORDS } from '../text/normalise.js';
import { evidence, type Sent, type StoryView } from './prepare.js';
import { crossOutletPairs, sidesByFirst } from './sides.js';
import { clean, cmp } from './text.js';
import type { Conflict, ConflictSide } from './types.js';

interface WorkYear extends YearMention {
  title: string;
}

/** Up to two words between the year and the noun: capitalised ("WKX") or hyphenated ("prize-winning"). */
const MODIFIERS = String.raw`((?:(?:[A-Z][\w'’.&-]*|[a-z]+-[a-z-]+)\s+){0,2})`;
const NOUN = String.raw`([a-z][a-z-]{2,})`;
/** A title: quoted, or an unquoted capitalised run opened by a capitalised article (lower-case linking words inside). */
const TITLE = String.raw`(["“][A-Z][^"”]{0,80}["”]|(?:The|A|An)(?:\s+(?:[A-Z][\w'’-]*|of|the|and|in|on|a|for|to|at))+)`;
const PREMODIFIER = new RegExp(String.raw`^\s+${MODIFIERS}${NOUN},?\s+${TITLE}`);
const BEFORE_PHRASE = new RegExp(String.raw`^,?\s+(?:a|an|the)\s+${MODIFIERS}${NOUN},\s+${TITLE},`);

/** The comparable words of a title: lower case, no quotes, no opening article, no trailing linking words. */
export function titleKey(title: string): string {
  const words = title
    .replace(/["“”,.]/g, ' ')
    .trim()
    .split(/\s+/);
  while (words.length && /^[a-z]/.test(words[words.length - 1])) words.pop();
  if (/^(?:the|a|an)$/i.test(words[0] ?? '')) words.shift();
  return words.join(' ').toLowerCase();
}

/** The title a year dates in its sentence, or null; `names` are the sentence's names (namesOf). */
function titleAfterYear(s: Sent, start: number, end: number, names: () => ReadonlySet<string>): string | null {
  const text = s.art.text;
  const before = text.slice(Math.max(s.span.start, start - 6), start);
  const after = text.slice(end, Math.min(s.span.end, end + 160));
  const m = /\b(?:the|a|an)\s+$/i.test(before) ? PREMODIFIER.exec(after) : /\bin\s+$/i.test(before) ? BEFORE_PHRASE.exec(after) : null;
  if (!m || STOPWORDS.has(m[2])) return null;
  const key = titleKey(m[3]);
  return key && !names().has(key) ? key : null;
}

/** The names the tagger reads in a sentence as a person, an organisation or a place, as title keys: a title that is one of them is a name. */
const namesOf = (s: Sent): Set<string> => new Set(s.entities.filter((e) => e.type !== 'MISC').map((e) => titleKey(s.art.text.slice(e.span.start, e.span.end))));

function workYears(story: StoryView): WorkYear[] {
  const out: WorkYear[] = [];
  for (const s of story.sentences) {
    let names: Set<string> | undefined;
    for (const t of s.times) {
      if (t.kind !== 'year' || !/^\d{4}$/.test(t.text)) continue;
      const title = titleAfterYear(s, t.span.start, t.span.end, () => (names ??= namesOf(s)));
      if (title) out.push({ sent: s, year: t.text, title, span: { ...t.span } });
    }
  }
  return out;
}

/** Conflicts over the year of one titled work, between independent outlets. */
export function workYearConflicts(story: StoryView): Conflict[] {
  const byTitle = new Map<string, WorkYear[]>();
  for (const m of workYears(story)) (byTitle.get(m.title) ?? byTitle.set(m.title, []).get(m.title)!).push(m);
  const out: Conflict[] = [];
  for (const title of [...byTitle.keys()].sort(cmp)) {
    const c = yearConflict(story, byTitle.get(title)!, `year of the work "${title}"`, 'one titled work');
    if (c) out.push(c);
  }
  return out;
}

/** A mention of a year that dates one thing (a work, a deal): its sentence, the year as written, its span. */
export interface YearMention {
  sent: Sent;
  year: string;
  span: { start: number; end: number };
}

/**
 * The conflict among the years mentions of one thing give, or null: none when they agree, when one
 * article gives two years (it tells two things of the slot: a remake, two deals at one price) or
 * when only one source tells them.
 */
export function yearConflict<T extends YearMention>(story: StoryView, mentions: T[], slot: string, what: string): Conflict | null {
  const ms = [...mentions].sort((a, b) => cmp(a.sent.id, b.sent.id) || a.span.start - b.span.start);
  const yearOf = new Map<string, string>();
  if (ms.some((m) => (yearOf.get(m.sent.art.id) ?? yearOf.set(m.sent.art.id, m.year).get(m.sent.art.id)) !== m.year)) return null;
  const sides = sidesByFirst(ms, (a, b) => a.year === b.year).sort((a, b) => cmp(a[0].year, b[0].year));
  if (sides.length < 2 || story.independent(ms.map((m) => m.sent.art.id)) < 2) return null;
  const pairs = crossOutletPairs(sides);
  if (!pairs.length) return null;
  return {
    id: '',
    kind: 'date',
    slot,
    severity: 'conflict',
    withinArticle: false,
    sides: sides.map((x) => yearSide(story, x)),
    pairs,
    note: `${sides.map((x) => x[0].year).join(' vs ')}: different years for ${what}`,
    factIds: [],
  };
}

function yearSide(story: StoryView, ms: YearMention[]): ConflictSide {
  const articles = [...new Set(ms.map((m) => m.sent.art.id))].sort(cmp);
  return {
    value: ms[0].year,
    normalized: { kind: 'date', unit: 'date', value: null, low: null, high: null, qualifier: 'exact', date: ms[0].year },
    wordings: [...new Set(ms.map((m) => clean(m.sent.art.text.slice(m.span.start, m.span.end))))],
    articles,
    outlets: [...new Set(articles.map((id) => story.byId.get(id)!.outlet))],
    independentSources: story.independent(articles),
    evidence: ms.map((m) => evidence(m.sent, { ...m.span })),
  };
}
