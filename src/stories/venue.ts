import { COUNTRY_BY_NAME } from '../analyse/entities/gazetteer.js';
import { nameSlug, placeOf } from './text.js';

/**
 * The venue of the event an article reports: the city its dateline names, or the city that
 * follows a verb of travelling or meeting ("met in Lisbon", "arrived in Nairobi", "a state visit
 * to Lima"). Two summits of the same leaders a year apart share nearly every word but not the
 * venue; the venue is the event-level evidence that tells them apart when neither is dated.
 *
 * Only cities and other sub-national places count: a country ("visit to China") is too broad to
 * tell events apart. Phrases early in the text (where the lede states the event) weigh more.
 */
const VENUE_RE =
  /\b(?:visits?\s+to|visited|visiting|trip\s+to|travel(?:l)?(?:ed|ing)\s+to|arriv(?:ed|es|ing|al)\s+in|landed\s+in|met\s+in|meet(?:s|ing)?\s+(?:here\s+)?in|talks\s+in|summit\s+in|held\s+in|gathered\s+in|hosted\s+in|ceremony\s+in|parade\s+in)\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})/gu;

/** Characters from the start of the text in which a venue phrase counts double (the lede). */
const LEDE = 1500;
const MAX_SCAN = 100_000;

/** Place id (slug) of a name when it is a city or sub-national place, not a country. */
export function cityOf(name: string, locIds: ReadonlySet<string>): string | null {
  const clean = name.replace(/['’]s$/, '').trim();
  if (!clean || COUNTRY_BY_NAME.has(clean.toLowerCase())) return null;
  const slug = nameSlug(clean);
  const known = placeOf(slug);
  if (known !== null) return COUNTRY_BY_NAME.has(known.replace(/_/g, ' ')) ? null : known;
  return locIds.has(`LOC:${slug}`) ? slug : null;
}

/**
 * The article's venue (a city slug such as `moscow`), or null when the text names none.
 * `locIds` are the ids of the LOC entities the recogniser found (`LOC:moscow`).
 */
export function primaryVenue(text: string, dateline: string | null | undefined, locIds: ReadonlySet<string>): string | null {
  const weight = new Map<string, number>();
  const first = new Map<string, number>();
  const add = (city: string | null, w: number, at: number) => {
    if (!city) return;
    weight.set(city, (weight.get(city) ?? 0) + w);
    if (!first.has(city)) first.set(city, at);
  };
  if (dateline) add(cityOf(dateline.split(/[,/(]/)[0], locIds) ?? cityOf(dateline, locIds), 3, -1);
  const scan = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  VENUE_RE.lastIndex = 0;
  for (let m = VENUE_RE.exec(scan); m; m = VENUE_RE.exec(scan)) {
    // the longest prefix of the captured words that is a place ("Union Square" before "Union")
    const words = m[1].split(/\s+/);
    for (let n = words.length; n > 0; n--) {
      const city = cityOf(words.slice(0, n).join(' '), locIds);
      if (city) {
        add(city, m.index < LEDE ? 2 : 1, m.index);
        break;
      }
    }
  }
  let best: string | null = null;
  for (const [city, w] of weight) {
    if (best === null) {
      best = city;
      continue;
    }
    const bw = weight.get(best)!;
    if (w > bw || (w === bw && first.get(city)! < first.get(best)!)) best = city;
  }
  return best;
}
