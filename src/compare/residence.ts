/**
 * Where a named person lives, as news gives it: "Jane Roe, 36, of Eastbury" (the appositive that
 * US and UK local news attach to everyone it names) or "Roe, who lived half a mile away in
 * Eastbury". Two outlets that give the same person two homes disagree about a place:
 * "Roe, 36, of Eastbury" against "Roe, 36, of Westfield".
 *
 * Only the present home is read: "had lived in", "formerly of", "moved from" tell an earlier one,
 * and a town after a street ("of Newton Street, Millom") is the home, the street its address. Two
 * homes agree when they share a name or one name holds the other ("Mill Park" in "East Mill
 * Park"). A place the story itself names as containing another ("Ashford Vale, Northborough":
 * Northborough holds Ashford Vale) is a region, as are countries, world regions and the large cities of the
 * shared gazetteer: a region agrees with any home, since a town may lie in it.
 */
import { cityList, countryList, regionList } from '../text/places.js';
import { canonicalName, type EntityRef, type Sent, type StoryView } from './prepare.js';
import { articleOnTwoSides, crossOutletPairs, sidesByFirst, slotConflicts, wordedSide } from './sides.js';
import { personKey, resolveOneNameSlots } from './person-keys.js';
import { clean, cmp } from './text.js';
import type { Conflict, ConflictSide } from './types.js';

interface Home {
  sent: Sent;
  /** `residence|<person key>` (see personKey), joined by resolveOneNameSlots for one-name mentions. */
  slot: string;
  person: string;
  /** The person as written, for the label. */
  name: string;
  /** Canonical place names of the home, most specific first ("newton street", "millom"): streets left out. */
  places: string[];
  span: { start: number; end: number };
}

/** After a person's name: ", 36, of", " of", ", aged 36, from" (the appositive of home). */
const OF_HOME = /^(?:,\s*(?:aged?\s+)?(?:\d{1,3}\s*,\s*)?|\s+)(?:of|from)\s+$/i;
/** After a person's name: ", who lives in", ", who lived half a mile away in" (present or simple past: the home at the time). */
const WHO_LIVES = /^,?\s+who\s+(?:lives|lived|resides|resided)\s+(?:[\w.-]+\s+){0,5}?in\s+$/i;
/** Words before the name or inside the gap that make the home an earlier one. */
const EARLIER = /\b(?:formerly|previously|originally|once|had|born|raised|grew|moved|native)\b/i;
const STREET = /\b(?:street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|lane|drive|way|place|court|terrace|close|crescent)$/i;
/** A home is named within a few characters after the name. */
const GAP = 60;

/** The homes the story's sentences give to named people. */
function homesOf(story: StoryView): Home[] {
  const out: Home[] = [];
  for (const a of story.articles)
    for (const s of a.sentences) {
      const places = s.entities.filter((e) => e.type === 'LOC').sort((x, y) => x.span.start - y.span.start);
      if (!places.length) continue;
      for (const e of s.entities) {
        if (e.type !== 'PER') continue;
        const home = homeAfter(s, e, places);
        if (!home) continue;
        const written = a.text.slice(e.span.start, e.span.end);
        const person = canonicalName(written);
        out.push({ sent: s, slot: `residence|${personKey(person)}`, person, name: written, places: home.places, span: home.span });
      }
    }
  return out;
}

/** The home given right after the name `e`: the place entity the appositive or relative clause leads to, and the places after it joined by commas. */
function homeAfter(s: Sent, e: EntityRef, places: EntityRef[]): { places: string[]; span: { start: number; end: number } } | null {
  const text = s.art.text;
  const first = places.find((p) => p.span.start >= e.span.end && p.span.start - e.span.end <= GAP);
  if (!first) return null;
  const gap = text.slice(e.span.end, first.span.start);
  if (!OF_HOME.test(gap) && !WHO_LIVES.test(gap)) return null;
  if (EARLIER.test(gap) || EARLIER.test(text.slice(Math.max(s.span.start, e.span.start - 12), e.span.start))) return null;
  // "of Newton Street, Millom, Cumbria": the chain of places joined by commas
  const chain = [first];
  for (const p of places) {
    const last = chain[chain.length - 1];
    if (p.span.start > last.span.end && /^,\s*$/.test(text.slice(last.span.end, p.span.start))) chain.push(p);
  }
  const names = chain.map((p) => canonicalName(text.slice(p.span.start, p.span.end))).filter((n) => !STREET.test(n));
  return names.length ? { places: names, span: { start: first.span.start, end: chain[chain.length - 1].span.end } } : null;
}

/** Places that may hold another: countries, world regions, the gazetteer's large cities and what the story writes after "<place>, ". */
export function regionsOf(story: StoryView): Set<string> {
  // read once per story (the places of acts and the homes both ask; the set is read, never changed)
  let out = REGIONS.get(story);
  if (!out) REGIONS.set(story, (out = readRegions(story)));
  return out;
}
const REGIONS = new WeakMap<StoryView, Set<string>>();

/** The gazetteer's regions, lower case, read once: the same for every story. */
let gazetteerRegions: Set<string> | null = null;

/** Countries (with their aliases), world regions and the gazetteer's large cities: places that may hold another, whatever the story. */
export function gazetteerRegionNames(): ReadonlySet<string> {
  if (gazetteerRegions) return gazetteerRegions;
  const names: string[] = [];
  for (const c of countryList()) for (const n of [c.name, ...c.aliases]) names.push(n.toLowerCase());
  for (const r of regionList()) names.push(r.toLowerCase());
  for (const c of cityList()) for (const n of [c.name, ...c.forms]) names.push(n.toLowerCase());
  return (gazetteerRegions = new Set(names));
}

function readRegions(story: StoryView): Set<string> {
  const out = new Set<string>(gazetteerRegionNames());
  for (const a of story.articles)
    for (const s of a.sentences) {
      const places = s.entities.filter((e) => e.type === 'LOC').sort((x, y) => x.span.start - y.span.start);
      for (let i = 1; i < places.length; i++)
        if (/^,\s*$/.test(a.text.slice(places[i - 1].span.end, places[i].span.start))) out.add(canonicalName(a.text.slice(places[i].span.start, places[i].span.end)));
    }
  return out;
}

/** Two homes agree: a shared name, one name within the other, or a region on either side. */
function agree(a: Home, b: Home, regions: Set<string>): boolean {
  return placesAgree(a.places, b.places, regions);
}

/** Two lists of canonical place names agree: a region on either side, a shared name, or one name within the other. */
export function placesAgree(a: readonly string[], b: readonly string[], regions: ReadonlySet<string>): boolean {
  if (a.some((p) => regions.has(p)) || b.some((p) => regions.has(p))) return true;
  const within = (x: string, y: string) => ` ${y} `.includes(` ${x} `);
  return a.some((x) => b.some((y) => within(x, y) || within(y, x)));
}

/** Conflicts over where one named person lives, told differently by independent sources. */
export function residenceConflicts(story: StoryView): Conflict[] {
  const homes = homesOf(story);
  if (homes.length < 2) return [];
  resolveOneNameSlots(homes);
  const regions = regionsOf(story);
  return slotConflicts(homes, (hs) => homeConflict(story, hs, regions));
}

/** Sides: homes that agree with a side's first home; a conflict when two sides hold different sources. */
function homeConflict(story: StoryView, hs: Home[], regions: Set<string>): Conflict | null {
  if (story.independent(hs.map((h) => h.sent.art.id)) < 2) return null;
  // the most specific homes first, so that a region joins the side of a town it may hold rather than open one
  const sorted = [...hs].sort((a, b) => Number(a.places.some((p) => regions.has(p))) - Number(b.places.some((p) => regions.has(p))) || cmp(a.sent.id, b.sent.id) || a.span.start - b.span.start);
  const sides = sidesByFirst(sorted, (first, h) => agree(first, h, regions));
  if (sides.length < 2) return null;
  const pairs = crossOutletPairs(sides);
  if (!pairs.length) return null;
  const label = [...hs].sort((a, b) => b.person.length - a.person.length || cmp(a.name, b.name))[0].name;
  return {
    id: '',
    kind: 'place',
    slot: `where ${label} lives`,
    severity: 'conflict',
    withinArticle: articleOnTwoSides(sides),
    sides: sides.map((x) => homeSide(story, x)),
    pairs,
    note: `${sides.map((x) => displayHome(x[0])).join(' vs ')}: different homes for the same person`,
    factIds: [],
  };
}

function displayHome(h: Home): string {
  return clean(h.sent.art.text.slice(h.span.start, h.span.end));
}

function homeSide(story: StoryView, hs: Home[]): ConflictSide {
  return wordedSide(story, hs, displayHome, { kind: 'place', unit: 'place' });
}
