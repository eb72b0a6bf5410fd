/**
 * Entity linking: mentions of one article grouped into entities (name variants, titled and short
 * mentions, demonyms → their country), and entities of the articles of a story merged into
 * story entities with their variants and mention counts per outlet.
 */
import type { Entity, EntityMention, EntityType, Span } from '../../model/types.js';
import { foldAccents } from '../../text/normalise.js';
import { COUNTRY_BY_DEMONYM, COUNTRY_BY_NAME, ORG_BY_NAME } from './gazetteer.js';
import { storyTypes } from './story-types.js';

/** One entity across the articles of a story. */
export interface StoryEntity {
  id: string;
  type: EntityType;
  name: string;
  variants: string[];
  mentions: number;
  byOutlet: Record<string, number>;
  occurrences: { articleId: string; span: Span }[];
  /** The article-level entity ids merged into this one (`PER:roe` in an article that only says "Roe"). */
  ids: string[];
}

/** `PER:jane_roe`: type plus the canonical name folded to lower case, accents and punctuation removed. */
export function entityId(type: EntityType, name: string): string {
  const slug = foldAccents(name)
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  return `${type}:${slug || '_'}`;
}

/** Titles and honorifics a name can be written after ("Mr. Roe", "President Roe"), lower case without a period. */
export const TITLES = new Set(
  'mr mrs ms miss dr prof sir dame lord lady president vice prime minister secretary senator sen rep gov governor general gen chancellor king queen prince princess premier mayor judge justice chairman chairwoman ceo spokesman spokeswoman'.split(
    ' ',
  ),
);

/** The name a mention carries: typographic quotes folded, leading titles and a trailing possessive removed. */
export function cleanName(text: string): string {
  let words = text
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ');
  while (words.length > 1 && TITLES.has(words[0].toLowerCase().replace(/\.$/, ''))) words = words.slice(1);
  let s = words.join(' ');
  s = s.replace(/ ?'s$/i, '').replace(/'$/, '');
  return s || text.trim();
}

const fold = (s: string) => foldAccents(s).toLowerCase();

/** Levenshtein distance, stopping early once above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Same name part, allowing one edit in long names ("Zelensky" / "Zelenskyy"). */
export function samePart(a: string, b: string): boolean {
  return samePartFolded(fold(a), fold(b));
}

function samePartFolded(x: string, y: string): boolean {
  if (x === y) return true;
  return x.length >= 6 && y.length >= 6 && Math.abs(x.length - y.length) <= 1 && editDistance(x, y, 1) <= 1;
}

const tokensOf = (name: string) => name.split(/[\s]+/).filter((t) => /\p{L}/u.test(t));

interface Work {
  m: EntityMention;
  name: string;
  type: EntityType;
}

/**
 * Links the mentions of one article in place: sets `entity` (and `denotes` for demonyms), and may
 * re-type a single-word mention to PER when it is the surname of a person named in full elsewhere
 * in the article. Returns the mentions.
 */
export function linkWithinArticle(mentions: EntityMention[], text = ''): EntityMention[] {
  const work: Work[] = mentions.map((m) => ({ m, name: cleanName(m.text), type: m.type }));
  dropRoleWords(work, text);

  // One name, one type within an article: a name tagged differently in different sentences takes
  // its majority type (ties keep each mention's own type).
  const votes = new Map<string, Map<EntityType, number>>();
  for (const w of work) {
    const k = fold(w.name);
    let v = votes.get(k);
    if (!v) votes.set(k, (v = new Map()));
    v.set(w.type, (v.get(w.type) ?? 0) + 1);
  }
  for (const w of work) {
    const v = votes.get(fold(w.name))!;
    if (v.size < 2) continue;
    const ranked = [...v].sort((a, b) => b[1] - a[1]);
    // On a tie a person reading wins: names of people are what tagging most often gets wrong in context.
    const top = ranked[0][1] > ranked[1][1] ? ranked[0][0] : (v.get('PER') ?? 0) === ranked[0][1] ? 'PER' : null;
    if (top && top !== w.type) {
      w.type = top;
      w.m.type = top;
    }
  }

  // People named in full (two words or more).
  const fullNames = new Map<string, { name: string; count: number; first: number; tokens: string[] }>();
  work.forEach((w, i) => {
    if (w.type !== 'PER') return;
    const toks = tokensOf(w.name);
    if (toks.length < 2) return;
    const k = fold(w.name);
    const e = fullNames.get(k);
    if (e) e.count++;
    else fullNames.set(k, { name: w.name, count: 1, first: i, tokens: toks.map(fold) });
  });
  const people = [...fullNames.values()].sort((a, b) => b.count - a.count || a.first - b.first);
  /** folded name part → people (most mentioned first) whose name has that part. */
  const byPart = new Map<string, typeof people>();
  for (const p of people) {
    for (const t of new Set(p.tokens)) {
      let l = byPart.get(t);
      if (!l) byPart.set(t, (l = []));
      l.push(p);
    }
  }

  // A single word tagged ORG/LOC/MISC that is a person's name part elsewhere ("Roe" after "Jane Roe") is that person.
  for (const w of work) {
    if (w.type === 'PER') continue;
    const toks = tokensOf(w.name);
    if (toks.length !== 1) continue;
    const low = w.name.toLowerCase();
    if (COUNTRY_BY_NAME.has(low) || COUNTRY_BY_DEMONYM.has(low) || ORG_BY_NAME.has(low)) continue;
    if (byPart.has(fold(toks[0]))) {
      w.type = 'PER';
      w.m.type = 'PER';
    }
  }

  // Each person mention → the most-mentioned full name it is part of (exact parts first, then
  // parts one edit apart among the most-mentioned people).
  const memo = new Map<string, string | null>();
  const personOf = (name: string): string | null => {
    const toks = tokensOf(name).map(fold);
    if (!toks.length) return null;
    const key = toks.join(' ');
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let found: string | null = null;
    for (const p of byPart.get(toks[0]) ?? []) {
      if (toks.every((t) => p.tokens.includes(t))) {
        found = p.name;
        break;
      }
    }
    if (!found) {
      for (const p of people.slice(0, 300)) {
        if (toks.every((t) => p.tokens.some((pt) => samePartFolded(pt, t)))) {
          found = p.name;
          break;
        }
      }
    }
    memo.set(key, found);
    return found;
  };
  // Canonical name per full name: full names that are variants of a more frequent one ("Volodymyr Zelenskyy"
  // and "Volodymyr Zelensky") collapse into it.
  const canonical = new Map<string, string>();
  for (const p of people) canonical.set(p.name, personOf(p.name) ?? p.name);

  // Organisations: acronyms of names given in full in the article, and known organisations.
  const orgFull = new Map<string, string>();
  for (const w of work) {
    if (w.type !== 'ORG') continue;
    const toks = tokensOf(w.name).filter((t) => /^\p{Lu}/u.test(t));
    if (toks.length >= 2) orgFull.set(toks.map((t) => t[0]).join(''), w.name);
  }

  // A one-word mention ("McDermott") that is a name part of two people or more ("Doug McDermott"
  // and his father "Greg McDermott"): the most mentioned of them is no evidence of which one is meant.
  // A story names its subject first and tells the others apart by their full or first names on later
  // mentions, so the bare part is the person named first in full.
  const firstOf = new Map<string, number>();
  for (const p of people) {
    const c = canonical.get(p.name) ?? p.name;
    firstOf.set(c, Math.min(firstOf.get(c) ?? Infinity, p.first));
  }
  const sharedMemo = new Map<string, string | null>();
  const sharedPart = (name: string): string | null => {
    const toks = tokensOf(name);
    if (toks.length !== 1) return null;
    const part = fold(toks[0]);
    let best = sharedMemo.get(part);
    if (best !== undefined) return best;
    best = null;
    for (const p of byPart.get(part) ?? []) {
      const c = canonical.get(p.name) ?? p.name;
      if (best === null || firstOf.get(c)! < firstOf.get(best)!) best = c;
    }
    sharedMemo.set(part, best);
    return best;
  };
  for (const w of work) {
    let name = w.name;
    const low = name.toLowerCase();
    if (w.type === 'PER') {
      const p = sharedPart(name) ?? personOf(name);
      if (p) name = canonical.get(p) ?? p;
    } else if (w.type === 'LOC' && COUNTRY_BY_NAME.has(low)) {
      name = COUNTRY_BY_NAME.get(low)!;
    } else if (w.type === 'ORG') {
      if (ORG_BY_NAME.has(low)) name = ORG_BY_NAME.get(low)!;
      else if (/^\p{Lu}{2,}$/u.test(name) && orgFull.has(name)) name = orgFull.get(name)!;
    } else if (w.type === 'MISC') {
      const country = COUNTRY_BY_DEMONYM.get(low);
      if (country) w.m.denotes = entityId('LOC', country);
    }
    w.m.entity = entityId(w.type, name);
  }
  return mentions;
}

/**
 * A capitalised role noun the tagger took into a person's name ("Inspector Gaskin") is a title, not a
 * first name, when the article also writes it in lower case right before a person's name ("police
 * inspector Dave Gaskin": a common noun). The same word before a full name and before the surname alone is no
 * evidence: a first name does that too ("Ike LaRue III" and "Ike III", "Frederick C. LaRue" and
 * "Frederick LaRue"). The name then
 * drops it when what is left names a person (a full name, or the surname of someone the article names
 * in full), so it links to that person. A first name the article also writes in lower case ("Hunter
 * Biden" beside a hunter and Joe Biden) would be read as a title: the one case this rule gets wrong.
 */
function dropRoleWords(work: Work[], text: string): void {
  const people = work.filter((w) => w.type === 'PER').map((w) => ({ w, toks: tokensOf(w.name) }));
  const role = new Map<string, boolean>();
  let lowerBeforeNames: Set<string> | undefined;
  const isRole = (word: string): boolean => {
    const k = fold(word);
    let r = role.get(k);
    if (r !== undefined) return r;
    r = /^\p{Lu}\p{Ll}+$/u.test(word) && (lowerBeforeNames ??= wordsBeforePeople(text, people.map(({ w }) => w.m.span))).has(word.toLowerCase());
    role.set(k, r);
    return r;
  };
  // surname → the first words of the people named in full with it, role words aside ("gaskin" → "dave")
  const firstBy = new Map<string, Set<string>>();
  for (const p of people) {
    // ("Inspector Dave Gaskin" gives "dave")
    const toks = p.toks.length >= 3 && isRole(p.toks[0]) ? p.toks.slice(1) : p.toks;
    if (toks.length < 2 || isRole(toks[0])) continue;
    const last = fold(toks[toks.length - 1]);
    if (!firstBy.has(last)) firstBy.set(last, new Set());
    firstBy.get(last)!.add(fold(toks[0]));
  }
  const named = new Set(people.filter(({ toks }) => toks.length >= 2 && !isRole(toks[0])).map(({ toks }) => toks.map(fold).join(' ')));
  for (const p of people) {
    if (p.toks.length < 2 || !isRole(p.toks[0])) continue;
    // what is left names a person: the surname of someone named in full by another first word, or a
    // full name the article gives alone (or after the same word before the surname alone)
    const rest = p.toks.slice(1);
    if (rest.length === 1 ? !firstBy.has(fold(rest[0])) : !named.has(rest.map(fold).join(' '))) continue;
    p.w.name = rest.join(' ');
  }
}

/** The lower-case words `text` writes right before the names at `spans` (people's): role nouns ("police inspector Dave Gaskin"). */
export function wordsBeforePeople(text: string, spans: readonly Span[]): Set<string> {
  const out = new Set<string>();
  for (const span of spans) {
    const before = /(?<![\p{L}\p{N}])(\p{Ll}+) $/u.exec(text.slice(Math.max(0, span.start - 40), span.start));
    if (before) out.add(before[1]);
  }
  return out;
}

/** The entities of one article: id, canonical name, surface variants, mention count. */
export function entityIndex(mentions: EntityMention[]): Entity[] {
  const byId = new Map<string, { type: EntityType; variants: Map<string, number>; order: string[]; mentions: number; first: number }>();
  mentions.forEach((m, i) => {
    let e = byId.get(m.entity);
    if (!e) byId.set(m.entity, (e = { type: m.type, variants: new Map(), order: [], mentions: 0, first: i }));
    e.mentions++;
    if (!e.variants.has(m.text)) e.order.push(m.text);
    e.variants.set(m.text, (e.variants.get(m.text) ?? 0) + 1);
  });
  const out: Entity[] = [];
  for (const [id, e] of byId) {
    out.push({ id, type: e.type, name: canonicalName(id, e.type, e.variants), variants: e.order, mentions: e.mentions });
  }
  return out.sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `name` or the longest run of its last words whose id is `id`, else null. */
export function namePartOf(name: string, type: EntityType, id: string): string | null {
  const words = name.split(' ');
  for (let i = 0; i < words.length; i++) {
    const v = words.slice(i).join(' ');
    if (entityId(type, v) === id) return v;
  }
  return null;
}

/** Picks a display name: a variant whose id matches, preferring the most frequent, then the longest. */
function canonicalName(id: string, type: EntityType, variants: Map<string, number>): string {
  const low = id.slice(id.indexOf(':') + 1);
  if (type === 'LOC') {
    for (const v of variants.keys()) {
      const c = COUNTRY_BY_NAME.get(cleanName(v).toLowerCase());
      if (c && entityId('LOC', c).endsWith(low)) return c;
    }
  }
  if (type === 'ORG') {
    for (const v of variants.keys()) {
      const c = ORG_BY_NAME.get(cleanName(v).toLowerCase());
      if (c && entityId('ORG', c) === id) return c;
    }
  }
  // a variant or its last words ("Inspector Dave Gaskin" of PER:dave_gaskin, its title dropped by the linker)
  const cands = [...variants].map(([v, n]) => ({ v: namePartOf(cleanName(v), type, id), n })).filter((c) => c.v !== null) as { v: string; n: number }[];
  const pool = cands.length ? cands : [...variants].map(([v, n]) => ({ v: cleanName(v), n }));
  pool.sort((a, b) => b.n - a.n || b.v.length - a.v.length || (a.v < b.v ? -1 : a.v > b.v ? 1 : 0));
  return pool[0].v;
}

/**
 * Merges the entities of the articles of a story. Ids agree across articles by construction;
 * in addition a person known only by one name in an article ("Roe") joins the person named in
 * full elsewhere in the story, and spelling variants of a full name ("Zelensky"/"Zelenskyy") merge.
 * A name the story's articles read as a person in some and as something else in others is first
 * given one reading by the story's vote (`storyTypes`); `text` lets the vote read titles before names.
 */
export function linkAcrossArticles(arts: { articleId: string; outlet: string | null; mentions: EntityMention[]; text?: string }[]): StoryEntity[] {
  // one name, one person across the story (story-types.ts): a mention the story's vote re-types takes the id of that type
  const types = storyTypes(arts);
  const sorted = arts
    .map((a, i) => ({ ...a, mentions: a.mentions.map((m, j) => (types[i][j] === m.type ? m : { ...m, type: types[i][j], entity: types[i][j] + m.entity.slice(m.entity.indexOf(':')) })) }))
    .sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
  interface Acc {
    id: string;
    type: EntityType;
    variants: Map<string, number>;
    names: Map<string, number>;
    mentions: number;
    byOutlet: Record<string, number>;
    occurrences: { articleId: string; span: Span }[];
    ids: Set<string>;
  }
  const acc = new Map<string, Acc>();
  for (const a of sorted) {
    const outlet = a.outlet ?? 'unknown';
    const index = new Map(entityIndex(a.mentions).map((e) => [e.id, e]));
    const ms = [...a.mentions].sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
    for (const m of ms) {
      let e = acc.get(m.entity);
      if (!e) {
        e = { id: m.entity, type: m.type, variants: new Map(), names: new Map(), mentions: 0, byOutlet: {}, occurrences: [], ids: new Set([m.entity]) };
        acc.set(m.entity, e);
      }
      e.mentions++;
      e.byOutlet[outlet] = (e.byOutlet[outlet] ?? 0) + 1;
      e.variants.set(m.text, (e.variants.get(m.text) ?? 0) + 1);
      e.occurrences.push({ articleId: a.articleId, span: { start: m.span.start, end: m.span.end } });
      const name = index.get(m.entity)?.name ?? cleanName(m.text);
      e.names.set(name, (e.names.get(name) ?? 0) + 1);
    }
  }
  const bestName = (e: Acc) =>
    [...e.names].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0][0];

  // Merge people: short or variant names into the most-mentioned full name containing them.
  const persons = [...acc.values()].filter((e) => e.type === 'PER');
  const nameOf = new Map(persons.map((e) => [e, bestName(e)]));
  const partsOf = new Map(persons.map((e) => [e, tokensOf(nameOf.get(e)!).map(fold)]));
  const full = persons
    .filter((e) => partsOf.get(e)!.length >= 2)
    .sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : 1));
  /** folded name part → full names having it, most mentioned first. */
  const byPart = new Map<string, Acc[]>();
  for (const f of full) {
    for (const t of new Set(partsOf.get(f)!)) {
      let l = byPart.get(t);
      if (!l) byPart.set(t, (l = []));
      l.push(f);
    }
  }
  const into = new Map<string, string>();
  const contains = (f: Acc, toks: string[], fuzzy: boolean) =>
    toks.every((t) => partsOf.get(f)!.some((ft) => (fuzzy ? samePartFolded(ft, t) : ft === t)));
  for (const e of persons) {
    const toks = partsOf.get(e)!;
    if (!toks.length) continue;
    let target = (byPart.get(toks[0]) ?? []).find((f) => f !== e && !into.has(f.id) && contains(f, toks, false));
    if (!target) target = full.slice(0, 300).find((f) => f !== e && !into.has(f.id) && contains(f, toks, true));
    if (!target) continue;
    // A short name must not be shared by two different full names of the story ("Biden" is fine, "Kim" may not be).
    if (toks.length === 1) {
      const others = (byPart.get(toks[0]) ?? []).filter((f) => f !== target && f !== e);
      if (others.some((o) => !into.has(o.id) && o.mentions >= target.mentions)) continue;
    }
    into.set(e.id, target.id);
  }
  const root = (id: string) => {
    let r = id;
    for (let k = 0; k < 10 && into.has(r); k++) r = into.get(r)!;
    return r;
  };
  for (const [from] of [...into].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const to = acc.get(root(from));
    const src = acc.get(from);
    if (!to || !src || to === src) continue;
    to.mentions += src.mentions;
    for (const [k, v] of Object.entries(src.byOutlet)) to.byOutlet[k] = (to.byOutlet[k] ?? 0) + v;
    for (const [k, v] of src.variants) to.variants.set(k, (to.variants.get(k) ?? 0) + v);
    for (const [k, v] of src.names) if (tokensOf(k).length >= 2) to.names.set(k, (to.names.get(k) ?? 0) + v);
    to.occurrences.push(...src.occurrences);
    for (const id of src.ids) to.ids.add(id);
    acc.delete(from);
  }

  const out: StoryEntity[] = [];
  for (const e of acc.values()) {
    e.occurrences.sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.span.start - b.span.start));
    const variants = [...e.variants].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
    const byOutlet: Record<string, number> = {};
    for (const k of Object.keys(e.byOutlet).sort()) byOutlet[k] = e.byOutlet[k];
    out.push({
      id: e.id,
      type: e.type,
      name: bestName(e),
      variants,
      mentions: e.mentions,
      byOutlet,
      occurrences: e.occurrences,
      ids: [...e.ids].sort(),
    });
  }
  return out.sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
