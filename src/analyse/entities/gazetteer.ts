/**
 * World knowledge the tagger and the linker use, read from sourced data files (src/text/places.ts):
 * countries with their aliases and demonyms (world-countries), cities by population (GeoNames),
 * world regions, seats of government that news uses for the government itself ("the White House
 * said"), international organisations, and the news media of the outlet registry. Used as
 * features by the tagger, to link demonyms to countries, and to name country entities canonically.
 * No list here is written for a data set: what is in depends on the sources' own criteria.
 */
import { OUTLETS } from '../../outlets/data.js';
import { cityList, countryList, organisationList, regionList, seatsOfGovernment } from '../../text/places.js';

export interface CountryInfo {
  name: string;
  aliases: string[];
  demonyms: string[];
}

export const COUNTRY_LIST: CountryInfo[] = countryList().map(({ name, aliases, demonyms }) => ({ name, aliases, demonyms }));

/** lower-cased country name or alias → canonical country name. */
export const COUNTRY_BY_NAME = new Map<string, string>();
/** lower-cased demonym/adjective → canonical country name. */
export const COUNTRY_BY_DEMONYM = new Map<string, string>();
for (const c of COUNTRY_LIST) {
  COUNTRY_BY_NAME.set(c.name.toLowerCase(), c.name);
  // the first country listed keeps a shared alias
  for (const a of c.aliases) if (!COUNTRY_BY_NAME.has(a.toLowerCase())) COUNTRY_BY_NAME.set(a.toLowerCase(), c.name);
  for (const d of c.demonyms) if (!COUNTRY_BY_DEMONYM.has(d.toLowerCase())) COUNTRY_BY_DEMONYM.set(d.toLowerCase(), c.name);
}

/**
 * A news medium's names that are safe to read as an organisation: its name, and aliases that are
 * several words or an acronym ("AFP"); single ordinary words ("Time", "Independent") are skipped.
 */
function mediaNames(name: string, aliases: string[]): string[] {
  return [name, ...aliases.filter((a) => /\s/.test(a) || /^[\p{Lu}\d.&-]{2,}$/u.test(a))].filter((n) => !/\.[a-z]{2,}$/.test(n));
}

/** lower-cased organisation name or acronym → canonical name. */
export const ORG_BY_NAME = new Map<string, string>();
const organisations: string[][] = [
  ...organisationList(),
  ...[...seatsOfGovernment().keys()].map((n) => [n]),
  ...OUTLETS.map(([name, aliases]) => mediaNames(name, aliases)),
];
for (const names of organisations) for (const n of names) if (!ORG_BY_NAME.has(n.toLowerCase())) ORG_BY_NAME.set(n.toLowerCase(), names[0]);

/** Cities (with their other written forms; national capitals are among them) and world regions. */
export const PLACE_NAMES: string[] = [
  ...new Set([
    ...cityList().flatMap((c) => [c.name, ...c.forms]),
    ...regionList(),
  ]),
].sort();

/** Bit per type, for gazetteer masks. */
export const TYPE_BIT: Record<string, number> = { PER: 1, ORG: 2, LOC: 4, MISC: 8 };

/** The gazetteer of world knowledge: lower-cased phrase → type bits. */
export function handGazetteer(): Map<string, number> {
  const g = new Map<string, number>();
  const add = (phrase: string, type: string) => {
    const k = phrase.toLowerCase();
    g.set(k, (g.get(k) ?? 0) | TYPE_BIT[type]);
  };
  for (const c of COUNTRY_LIST) {
    add(c.name, 'LOC');
    for (const a of c.aliases) add(a, 'LOC');
    for (const d of c.demonyms) add(d, 'MISC');
  }
  for (const p of PLACE_NAMES) add(p, 'LOC');
  for (const k of ORG_BY_NAME.keys()) add(k, 'ORG');
  return g;
}

/**
 * Seats of government and similar places that news uses as the institution itself
 * ("a White House spokesman"): tagged ORG whatever the place reading.
 */
export const INSTITUTION_PLACES = new Set([...seatsOfGovernment().keys()].map((n) => n.toLowerCase()));
