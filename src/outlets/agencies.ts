import type { AttributionKind } from '../model/types.js';
import { dataRows, listField } from '../text/lexicon.js';

/** A wire service or news agency and the credits it signs its copy with. */
export interface NewsAgency {
  name: string;
  /** Credit forms, matched case-sensitively as whole words ("AP", "Reuters"). */
  forms: string[];
  kind: Extract<AttributionKind, 'wire' | 'agency'>;
}

let agencies: NewsAgency[] | null = null;

/** Wire services and news agencies (data/outlets/agencies.tsv), read once. */
export function newsAgencies(): NewsAgency[] {
  agencies ??= dataRows('outlets', 'agencies.tsv').map(([name, kind, forms]) => {
    if (kind !== 'wire' && kind !== 'agency') throw new Error(`data/outlets/agencies.tsv: ${name}: kind must be wire or agency, not ${kind}`);
    return { name, kind, forms: listField(forms) };
  });
  return agencies;
}
