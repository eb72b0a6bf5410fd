/**
 * Outlets: one registry that unifies the names, abbreviations and domains of news outlets
 * ("FOX" = "Fox News" = foxnews.com), and derives an outlet from a URL's registrable domain
 * through the public-suffix list (tldts). See README.md.
 */
export { citedOutletNames, type Outlet, outletFromName, outletFromUrl, outletKey, registrableDomain, resolveOutlet } from './registry.js';
export { OUTLETS, type OutletRow } from './data.js';
export { type NewsAgency, newsAgencies } from './agencies.js';
