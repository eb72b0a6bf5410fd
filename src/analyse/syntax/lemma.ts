/**
 * Lemmatiser learned from the treebank's lemma column. A lemma is produced by an edit script
 * ("cut 3 characters, add 'y', lower-case": "studies" → "study") chosen by the tag and the longest
 * known suffix of the word; words whose treebank lemma the scripts get wrong ("went" → "go",
 * "better" → "good") are kept in an exception table. Both are learned by `learnLemmatiser`.
 */
import type { StringLookup } from './string-table.js';
import { dataRows } from '../../text/lexicon.js';

export interface LemmaModel {
  /** `${tag}|${suffix}` → script; suffixes of 0–5 characters of the lower-cased word. */
  rules: StringLookup;
  /** `${form}\t${tag}` (form as written, or lower-cased) → lemma. */
  exceptions: StringLookup;
}

/** The lemmatiser as training learns it (Maps, in a deterministic order) before it is packed. */
export interface LearnedLemmas extends LemmaModel {
  rules: Map<string, string>;
  exceptions: Map<string, string>;
}

const MAX_SUFFIX = 5;

/** The script turning `form` into `lemma`: K (keep case) or L (lower-case), chars cut, text added. */
export function editScript(form: string, lemma: string): string | null {
  const lf = form.toLowerCase();
  const ll = lemma.toLowerCase();
  let p = 0;
  while (p < lf.length && p < ll.length && lf[p] === ll[p]) p++;
  const cut = lf.length - p;
  const add = ll.slice(p);
  const kept = form.slice(0, form.length - cut) + add;
  if (kept === lemma) return `K${cut}:${add}`;
  if (kept.toLowerCase() === lemma) return `L${cut}:${add}`;
  return null;
}

export function applyScript(form: string, script: string): string | null {
  const colon = script.indexOf(':');
  const cut = Number(script.slice(1, colon));
  if (cut > form.length) return null;
  const out = form.slice(0, form.length - cut) + script.slice(colon + 1);
  return script[0] === 'L' ? out.toLowerCase() : out;
}

function byRules(m: LemmaModel, form: string, tag: string): string | null {
  const lf = form.toLowerCase();
  for (let l = Math.min(MAX_SUFFIX, lf.length); l >= 0; l--) {
    const s = m.rules.get(`${tag}|${lf.slice(lf.length - l)}`);
    if (s !== undefined) {
      const out = applyScript(form, s);
      if (out) return out;
    }
  }
  return null;
}

export function lemmatise(m: LemmaModel, form: string, tag: string): string {
  const known = m.exceptions.get(`${form}\t${tag}`) ?? m.exceptions.get(`${form.toLowerCase()}\t${tag}`);
  if (known !== undefined) return known;
  const ruled = byRules(m, form, tag);
  return ruled === null ? form : tag.startsWith('VERB|') ? spelledVerb(ruled) : ruled;
}

let verbSpellings: Map<string, string> | null = null;
/**
 * The verb a suffix rule meant: on a verb the treebank never showed, a rule learned from others cuts
 * a letter too many or too few ("barricaded" → barricad, "defeated" → defeate, "rammed" → ramm). A
 * lemma that is no word of WordNet but one such edit from a WordNet verb is that verb
 * (data/lexicons/verb-spellings.tsv, scripts/build-wordnet-act-links.ts); any other is kept.
 */
export function spelledVerb(lemma: string): string {
  if (!verbSpellings) {
    verbSpellings = new Map();
    for (const [form, verb] of dataRows('lexicons', 'verb-spellings.tsv')) if (form && verb) verbSpellings.set(form.trim(), verb.trim());
  }
  return verbSpellings.get(lemma) ?? verbSpellings.get(lemma.toLowerCase()) ?? lemma;
}

const top = (counts: Map<string, number>): [string, number] => {
  let best = '';
  let bc = -1;
  let total = 0;
  for (const [k, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    total += c;
    if (c > bc) {
      best = k;
      bc = c;
    }
  }
  return [best, total];
};

/** Learns rules and exceptions from (form, tag, lemma) triples, in a deterministic order. */
export function learnLemmatiser(words: Iterable<{ form: string; tag: string; lemma: string }>): LearnedLemmas {
  const ruleCounts = new Map<string, Map<string, number>>();
  const seen = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, k: string, v: string) => {
    let c = m.get(k);
    if (!c) m.set(k, (c = new Map()));
    c.set(v, (c.get(v) ?? 0) + 1);
  };
  for (const w of words) {
    bump(seen, `${w.form}\t${w.tag}`, w.lemma);
    const s = editScript(w.form, w.lemma);
    if (!s) continue;
    const lf = w.form.toLowerCase();
    for (let l = 0; l <= Math.min(MAX_SUFFIX, lf.length); l++) bump(ruleCounts, `${w.tag}|${lf.slice(lf.length - l)}`, s);
  }
  // Keep a suffix rule when seen twice (any length-0 rule always); drop one that says the same as
  // its next shorter suffix, which the lookup falls back to.
  const winners = new Map<string, string>();
  for (const [k, c] of ruleCounts) {
    const [best, total] = top(c);
    if (total >= 2 || k.endsWith('|')) winners.set(k, best);
  }
  const rules = new Map<string, string>();
  for (const k of [...winners.keys()].sort()) {
    const bar = k.indexOf('|');
    const tag = k.slice(0, bar);
    const suf = k.slice(bar + 1);
    let parent: string | undefined;
    for (let l = suf.length - 1; l >= 0 && parent === undefined; l--) parent = winners.get(`${tag}|${suf.slice(suf.length - l)}`);
    if (suf.length === 0 || parent !== winners.get(k)) rules.set(k, winners.get(k)!);
  }
  const model: LearnedLemmas = { rules, exceptions: new Map() };
  for (const k of [...seen.keys()].sort()) {
    const [lemma] = top(seen.get(k)!);
    const [form, tag] = k.split('\t');
    if (byRules(model, form, tag) !== lemma) model.exceptions.set(k, lemma);
  }
  return model;
}
