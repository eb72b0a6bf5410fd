import { dataRows, listField } from '../text/lexicon.js';

/**
 * Known outlets (data/outlets/outlets.tsv, which names its source): the name shown, the other
 * names and abbreviations they go by, and the registrable domains they publish under. A lookup
 * table, not a judgment: an outlet not listed is still an outlet, named from its metadata or its
 * domain (see registry.ts). To add an outlet, add a line to the data file.
 */
export type OutletRow = [name: string, aliases: string[], domains: string[]];

export const OUTLETS: readonly OutletRow[] = dataRows('outlets', 'outlets.tsv').map(([name, aliases, domains]): OutletRow => {
  if (!name || !domains) throw new Error(`data/outlets/outlets.tsv: "${name}" needs a name and at least one domain`);
  return [name.trim(), listField(aliases), listField(domains)];
});
