import { requirePackage } from '../util/packages.js';
import { foldAccents } from '../text/normalise.js';
import { OUTLETS } from './data.js';

const { getDomain, getHostname }: typeof import('tldts') = requirePackage('tldts');

/**
 * One outlet, however it was named: "FOX", "Fox News" and a foxnews.com URL are the same outlet.
 * `id` is what counts when sources are counted (one outlet is one source); `name` is for display.
 */
export interface Outlet {
  id: string;
  name: string;
  /** True when the outlet is in the registry (data.ts); false when named from metadata or a domain. */
  known: boolean;
}

/** A name reduced to what tells outlets apart: case, accents, punctuation and a leading "The" do not. */
export function outletKey(name: string): string {
  return foldAccents(name)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

interface Index {
  byName: Map<string, Outlet>;
  byDomain: Map<string, Outlet>;
}

let index: Index | null = null;

function registry(): Index {
  if (index) return index;
  const byName = new Map<string, Outlet>();
  const byDomain = new Map<string, Outlet>();
  for (const [name, aliases, domains] of OUTLETS) {
    const outlet: Outlet = { id: `outlet:${outletKey(name).replace(/ /g, '-')}`, name, known: true };
    // first listing wins: an alias shared by two outlets ("Time", "Sky") names the one listed first
    for (const n of [name, ...aliases, ...domains]) if (!byName.has(outletKey(n))) byName.set(outletKey(n), outlet);
    for (const d of domains) byDomain.set(d, outlet);
  }
  return (index = { byName, byDomain });
}

/**
 * The registrable domain of a URL or host ("edition.cnn.com" → "cnn.com", "news.bbc.co.uk" →
 * "bbc.co.uk"), through the public-suffix list (tldts); private suffixes count, so
 * "someone.blogspot.com" stays one site. Null when there is no domain (IP address, localhost,
 * a file path, not a URL).
 */
export function registrableDomain(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  const u = url.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(u) ? u : `http://${u}`;
  if (/^file:/i.test(u)) return null;
  return getDomain(withScheme, { allowPrivateDomains: true }) ?? null;
}

/** The outlet a URL belongs to: the registry's when its host is listed, else one named by its domain. Null without a domain. */
export function outletFromUrl(url: string | null | undefined): Outlet | null {
  const domain = registrableDomain(url);
  if (domain === null) return null;
  const { byDomain } = registry();
  // a listed host first (abcnews.go.com is not all of go.com), then the registrable domain
  let host = (getHostname(/^[a-z][a-z0-9+.-]*:\/\//i.test(url!.trim()) ? url!.trim() : `http://${url!.trim()}`) ?? '').replace(/^www\d?\./, '');
  while (host.length > domain.length) {
    const hit = byDomain.get(host);
    if (hit) return hit;
    host = host.slice(host.indexOf('.') + 1);
  }
  return byDomain.get(domain) ?? { id: domain, name: domain, known: false };
}

/** The outlet of a name as given ("FOX", "The Guardian", "latimes.com"): the registry's when listed, else the name itself. */
export function outletFromName(name: string | null | undefined): Outlet | null {
  if (typeof name !== 'string') return null;
  const trimmed = name.trim().replace(/\s+/g, ' ').slice(0, 200);
  const key = outletKey(trimmed);
  if (key === '') return null;
  const hit = registry().byName.get(key);
  if (hit) return hit;
  // a bare domain as a name ("latimes.com")
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(trimmed)) {
    const byUrl = outletFromUrl(trimmed);
    if (byUrl) return byUrl;
  }
  return { id: key.replace(/ /g, '-'), name: trimmed, known: false };
}

/**
 * The outlet of an article from what is known of it: a listed URL wins (the domain is harder to
 * get wrong than a site name), then a listed name, then the name as given, then the URL's domain.
 * Null when neither says anything.
 */
export function resolveOutlet(name: string | null | undefined, url?: string | null): Outlet | null {
  const byUrl = outletFromUrl(url);
  if (byUrl?.known) return byUrl;
  const byName = outletFromName(name);
  return byName ?? byUrl;
}

/**
 * The names under which the registry's outlets are cited in running text: each outlet's name and
 * the aliases that are several words or an acronym ("Wall Street Journal", "AFP"). Aliases that are
 * one ordinary word ("Time", "Independent", "Sky") and domains are left out: in prose they are
 * mostly not the outlet.
 */
export function citedOutletNames(): string[] {
  const out = new Set<string>();
  for (const [name, aliases] of OUTLETS) {
    for (const n of [name, ...aliases]) {
      if (/\.[a-z]{2,}$/.test(n)) continue;
      if (n === name || /\s/.test(n) || /^[\p{Lu}\d.&/-]{2,}$/u.test(n)) out.add(n);
    }
  }
  return [...out].sort();
}
