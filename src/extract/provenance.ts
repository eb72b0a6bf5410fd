import type { MediaAttribution } from '../model/types.js';
import { citedOutletNames, type NewsAgency, newsAgencies } from '../outlets/index.js';
import { countryList } from '../text/places.js';

/**
 * Provenance: whose copy an article is (wire detection from credits, datelines and notes), and
 * which other media the text cites ("according to Reuters", "a Kremlin readout", "state news
 * agency Tass"), with spans into the text.
 */

/** Wire services and news agencies, with the short credits they use in datelines (data/outlets/agencies.tsv). */
const AGENCIES: NewsAgency[] = newsAgencies();

/**
 * Outlets cited by other outlets: the outlet registry's names (src/outlets/data.ts), one table for
 * naming an article's own outlet and for recognising the media it cites.
 */
const OUTLETS = citedOutletNames();

const ESC = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const AGENCY_FORM = new Map<string, NewsAgency>();
for (const a of AGENCIES) for (const f of a.forms) AGENCY_FORM.set(f, a);

const MEDIA_NAMES = [...new Set([...AGENCIES.flatMap((a) => a.forms), ...OUTLETS])].sort((a, b) => b.length - a.length);
const MEDIA_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${MEDIA_NAMES.map(ESC).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/** Short credits that are also ordinary words or names: only in unmistakable contexts. */
const AMBIGUOUS = new Set(['ANI', 'RIA', 'EFE', 'ANSA', 'AAP', 'PTI', 'UPI', 'dpa', 'DPA', 'Time magazine']);

/** Words near a media name that make the mention an attribution. */
const CUE_BEFORE =
  /(according to|told|tells|telling|reported by|cited by|quoted by|citing|cites|cited|quoting|in an interview with|speaking to|spoke to|said to|via|reports? from|report by|(?:news )?agency|broadcaster|newspaper|daily|outlet|channel|told the|an? )\s*(?:the\s+)?(?:state(?:-run| owned|-owned)?\s+|official\s+|russian\s+|chinese\s+|state news\s+)?(?:news\s+)?(?:agency\s+)?$/i;
const CUE_AFTER =
  /^\s*(?:news agency\s*)?(?:has\s+|had\s+|have\s+)?(?:reported|reports|report|said|says|wrote|writes|published|quoted|cited|confirmed|learned|obtained|first reported|not (?:independently )?(?:verified|confirmed)|has not (?:independently )?verified|could not (?:independently )?verify|was unable to (?:independently )?verify|cannot (?:independently )?verify|has not been able to verify|contributed|\(|'s report|’s report|reporting)/i;

/** Kremlin/White House/ministry readouts. */
const READOUT_RE =
  /\b(?:an?|the)\s+((?:[A-Z][\p{L}.'’-]*\s+){0,3}[A-Z][\p{L}.'’-]*(?:'s|’s)?)\s+(readout|statement on its website|transcript)\b/gu;
/** "Chinese state media", "Iranian state television": any country's demonym (data/places/countries.tsv). */
const DEMONYMS = [...new Set(countryList().flatMap((c) => c.demonyms).filter((d) => !/s$/.test(d) || /ss$/.test(d)))]
  .sort((a, b) => b.length - a.length)
  .map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const STATE_MEDIA_RE = new RegExp(`\\b((?:${DEMONYMS.join('|')})\\s+state\\s+(?:media|television|TV|broadcaster|news agency))\\b`, 'g');

export function findAttributions(text: string): MediaAttribution[] {
  const out: MediaAttribution[] = [];
  MEDIA_RE.lastIndex = 0;
  for (let m = MEDIA_RE.exec(text); m; m = MEDIA_RE.exec(text)) {
    const form = m[1];
    const start = m.index;
    const end = start + form.length;
    const before = text.slice(Math.max(0, start - 60), start);
    const after = text.slice(end, end + 50);
    // short all-caps forms (AP, RT, DW, ANI...) only in unmistakable contexts
    const shortForm = form.length <= 2 || AMBIGUOUS.has(form);
    const inDateline = /\(\s*$/.test(before) && /^\s*\)/.test(after);
    const cued = CUE_BEFORE.test(before) || CUE_AFTER.test(after) || inDateline;
    if (!cued) continue;
    if (shortForm && !inDateline && !/according to\s*(the\s+)?$/i.test(before) && !/^\s*(reported|said|news agency)/i.test(after) && !/(agency|told)\s+$/i.test(before)) continue;
    const agency = AGENCY_FORM.get(form);
    // the phrase "state news agency Tass" is spanned whole
    let s = start;
    const lead = /((?:the\s+)?(?:state(?:-run|-owned| owned)?\s+)?(?:news\s+)?agency\s+)$/i.exec(before);
    if (lead && agency) s = start - lead[1].length;
    out.push({ name: agency ? agency.name : form.replace(/^The /, ''), kind: agency ? agency.kind : 'outlet', span: { start: s, end } });
  }
  READOUT_RE.lastIndex = 0;
  for (let m = READOUT_RE.exec(text); m; m = READOUT_RE.exec(text)) {
    const who = m[1].replace(/(?:'s|’s)$/, '');
    if (/^(The|This|That|A|An)$/.test(who)) continue;
    const start = m.index + m[0].indexOf(m[1]);
    const end = m.index + m[0].length;
    out.push({ name: `${who} ${m[2]}`, kind: 'official-readout', span: { start, end } });
  }
  STATE_MEDIA_RE.lastIndex = 0;
  for (let m = STATE_MEDIA_RE.exec(text); m; m = STATE_MEDIA_RE.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (/^\s*(news agency\s+)?[A-Z]/.test(after) && /agency/.test(m[1])) continue; // "state news agency Tass" handled above
    out.push({ name: m[1], kind: 'other', span: { start: m.index, end: m.index + m[0].length } });
  }
  out.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  // drop overlaps (keep the longer, earlier one)
  const res: MediaAttribution[] = [];
  for (const a of out) {
    const prev = res[res.length - 1];
    if (prev && a.span.start < prev.span.end) continue;
    res.push(a);
  }
  return res;
}

/** Words that follow an agency name in navigation ("Bloomberg Video") and are not a city. */
const NOT_CITY =
  '(?:Video|Videos|News|Live|TV|Tv|Markets|Business|Businessweek|Politics|Opinion|Technology|Tech|Sports?|Photos?|Pictures|Podcasts?|Radio|Originals|Wealth|Green|Crypto|Graphics|Newsletters?|Law|Tax|Government|Industries|Pursuits|Equality|CityLab|Screen|Connect|World|Health|Science|Entertainment|Lifestyle|Travel|Plus|Premium|Terminal|Professional|Quicktake|Explains|Investigates|Breakingviews|Graphic|Images|Archive|Fact|Media|Staff)\\b';

/** Notes that say the copy came from a feed without naming the agency. */
export const SYNDICATED_NOTE =
  /auto-generated from a syndicated feed|published from a (?:wire agency|syndicated) feed|from (?:a |the )?(?:wire|syndicated) (?:agency )?feed|this (?:story|article) (?:has been|was) (?:published|sourced) from (?:a |an )?(?:wire|agency|syndicated)/i;

export interface WireResult {
  wire: string | null;
  /** What the decision rests on, for messages. */
  evidence: string | null;
  /** The text the credit was read from, as written (a message points at it when it is in the article's text). */
  found?: string;
  syndicated: boolean;
}

/**
 * The wire agency whose copy this is. Looks at: datelines "WASHINGTON (AP) —", "(Reuters) -";
 * credit lines that are only an agency name ("Press Trust of India Moscow", "— Reuters",
 * "Source: AFP"); Reuters' "Reporting by ...; Editing by ..." footers; copyright lines of
 * agencies; and syndication notes. `lines` are the body paragraphs; `extra` the removed blocks
 * and metadata credits, which are where most credits live.
 */
export function detectWire(lines: string[], extraAll: string[]): WireResult {
  // credits sit near the top or the bottom of a page: bound the work on huge inputs
  const extra = extraAll.length > 400 ? extraAll.slice(0, 200).concat(extraAll.slice(-200)) : extraAll;
  const all = [...lines.slice(0, 4), ...lines.slice(-4), ...extra];
  let syndicated = false;
  for (const l of [...lines.slice(0, 5), ...lines.slice(-5), ...extra]) if (SYNDICATED_NOTE.test(l.slice(0, 1000))) syndicated = true;
  const pick = (form: string, evidence: string, found?: string): WireResult => {
    const a = AGENCY_FORM.get(form);
    return { wire: a ? a.name : form, evidence, syndicated, ...(found ? { found } : {}) };
  };
  const formsAlt = [...AGENCY_FORM.keys()].sort((a, b) => b.length - a.length).map(ESC).join('|');
  // 1. dateline credit in the first paragraphs: "CITY (AP) —", "CITY, Sept. 26 (UPI) —", "(Reuters) -"
  const dateline = new RegExp(`^[^\\n]{0,80}?\\((${formsAlt})\\)\\s*[-–—:]`);
  for (const l of lines.slice(0, 3)) {
    const m = dateline.exec(l);
    if (m) return pick(m[1], `dateline credit "${m[0].trim()}"`, m[0].trim());
  }
  // 2. credit lines: "Press Trust of India Moscow", "Reuters", "— AFP", "Source: AP", "By Reuters staff"
  const credit = new RegExp(
    `^(?:[-–—]\\s*|[Ss]ource:\\s*|[Bb]y\\s+|[Ww]ith\\s+|[Cc]redit:\\s*)?(?:[Tt]he\\s+)?(${formsAlt})(?:\\s+(?:[Ss]taff|[Rr]eporters?|[Ww]riters?|[Nn]ews|[Ww]ire|[Rr]eport))?(?:\\s+(?!${NOT_CITY})\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+)?)?\\s*[.)]?$`,
    'u',
  );
  for (const l of all) {
    const t = l.trim();
    if (t.length > 60) continue;
    const m = credit.exec(t);
    if (m) {
      const form = [...AGENCY_FORM.keys()].find((f) => f.toLowerCase() === m[1].toLowerCase()) ?? m[1];
      return pick(form, `credit line "${t}"`, t);
    }
  }
  // 3. inline credits: "(With inputs from PTI)", "(AP Photo/...)" is not copy; "Reporting by ...; Editing by ..." is Reuters
  const inputsRe = new RegExp(`\\((?:with )?inputs? from (?:the )?(${formsAlt})\\)`, 'i');
  const copyrightRe = new RegExp(`(?:copyright|©)\\s*(?:\\d{4}\\s*)?(?:the\\s+)?(${formsAlt})\\b`, 'i');
  for (const l0 of [...lines.slice(-5), ...extra]) {
    const l = l0.length > 1000 ? l0.slice(0, 1000) : l0;
    const m = inputsRe.exec(l);
    if (m) return pick([...AGENCY_FORM.keys()].find((f) => f.toLowerCase() === m[1].toLowerCase()) ?? m[1], `credit "${m[0]}"`, m[0]);
    if (/^\(?\s*(?:additional\s+)?reporting by [^;]{3,240};\s*(?:additional reporting by [^;]{3,240};\s*)?(?:writing by [^;]{3,120};\s*)?editing by /i.test(l.trim()))
      return pick('Reuters', 'Reuters reporting/editing footer');
    const c = copyrightRe.exec(l);
    // "Copyright 2016 The Associated Press. All rights reserved." — not a photo credit ("© Reuters / D. Mercado")
    if (c && c.index <= 20 && !/^\s*[/|]/.test(l.slice(c.index + c[0].length))) return pick([...AGENCY_FORM.keys()].find((f) => f.toLowerCase() === c[1].toLowerCase()) ?? c[1], `copyright "${c[0]}"`, c[0]);
  }
  if (syndicated) return { wire: null, evidence: 'syndication note without an agency', syndicated };
  return { wire: null, evidence: null, syndicated: false };
}
