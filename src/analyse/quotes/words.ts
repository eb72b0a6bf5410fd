/**
 * The words the quote rules read: reporting verbs and the words around them (titles, trailers,
 * determiners), and the token tests every pass uses. General English; no names.
 */
import type { Token } from '../../model/types.js';
import { capitalised, MONTHS, WEEKDAYS } from '../../text/calendar.js';
import { wordTable } from '../../text/word-table.js';

export function forms(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** Reporting verbs (inflected forms) that introduce speech, writing or stated positions. */
export const CUE_FORMS = forms(`
  said says say saying told tells tell telling added adds adding stressed stresses stressing warned warns warning
  noted notes noting explained explains explaining wrote writes writing asked asks asking argued argues arguing
  insisted insists insisting claimed claims claiming declared declares declaring announced announces announcing
  stated states replied replies replying responded responds responding recalled recalls recalling
  acknowledged acknowledges acknowledging admitted admits admitting suggested suggests suggesting emphasized
  emphasised emphasizes emphasises emphasizing emphasising urged urges urging tweeted tweets tweeting posted
  reported reports observed observes remarked predicted predicts contended contends
  countered conceded concedes confirmed confirms denied denies alleged alleges
  asserted asserts maintained maintains vowed vows vowing promised promising pledged pledging
  complained complains complaining joked jokes joking boasted boasts lamented laments cautioned cautions
  believes believed thinks testified testifies affirmed indicated indicates revealed reveals
  disclosed continued continues concluded concludes wondered wonders agreed agrees
  reiterated reiterates underlined hinted hints repeated repeats
  described describes describing calling called calls accused accuses accusing criticized criticised
  pointing pointed points predicting explain argue insist claim believe think warn
  exclaimed shouted yelled quipped mused added`);

/** Verbs of stance and evidence ("a poll found", "endorsed"): attributions in indirect speech only. */
export const WEAK_CUES = forms(`
  show shows showed found finds endorsed endorses supported supports wants wanted praised praises criticizes
  opposed opposes proposed proposes defended defends sought seeks refused refuses mentioned mentions suggest
  knows knew feel feels felt hoped hopes expects`);

/** Verbs that introduce a quotation right before its opening mark ("a sign reading “…”", "chanting “…”"). */
export const QUOTE_INTRO = forms('read reads reading chanting chanted chant chants shouted shouting shout yelled yelling sang sings singing reacted screamed wrote');

/** Forms that are also common nouns: a cue only right after a subject-like word. */
export const NOUN_LIKE = forms('states reports claims notes points charges promises calls hints repeats tells think believe argue claim warn insist explain say tell');

/** Cues that take an addressee first: "told reporters that", "urged Congress to". */
export const ADDRESSEE_CUES = forms('told tells tell telling asked asks asking urged urges urging warned warns warning reminded');

/** Participle cues whose subject is the main clause's: "…, saying …". */
export const PARTICIPLE_CUES = forms(
  'saying adding noting calling arguing insisting warning stressing explaining asking describing accusing claiming urging vowing promising suggesting telling writing declaring announcing responding replying pointing predicting pledging complaining joking lamenting',
);

export const DETERMINERS = forms('the a an these those this that his her their its our my your such of some any no every');

export const PRONOUNS: Readonly<Record<string, 'PER' | 'ORG' | 'ANY'>> = wordTable({ he: 'PER', she: 'PER', they: 'ANY', it: 'ORG', we: 'ANY', i: 'ANY', you: 'ANY' });
/** The length of the longest pronoun: a longer phrase needs no look-up in PRONOUNS. */
export const MAX_PRONOUN = Math.max(...Object.keys(PRONOUNS).map((w) => w.length));

export const TITLE_WORDS = forms(`
  president vice prime minister secretary spokesman spokeswoman spokesperson senator sen sen. rep rep. gov gov.
  governor mr mr. mrs mrs. ms ms. dr dr. gen gen. general chairman chairwoman chair leader mayor ambassador foreign
  defense defence deputy former chief executive director representative congressman congresswoman candidate
  nominee official officials adviser advisor aide lawmaker sheriff judge justice attorney king queen premier`);

/** Words between a cue and the end of its sentence that do not start content ("…, X said on Tuesday."). */
export const TRAILERS = forms(`
  in on at to during last this late early earlier later yesterday today tonight ${WEEKDAYS.join(' ')} morning afternoon evening night week weekend month year a an the statement interview
  with briefing conference press news reporters recently also previously then again here there via email phone
  by after before when while as of his her their its told speech rally appearance call program show radio
  television tv twitter facebook post posted message letter campaign event meeting hearing times`);

const ADVERBS = forms(
  'also later previously then again has have had once recently repeatedly would will reportedly publicly privately simply further earlier explicitly frequently often flatly never always just still has',
);

/** Words that cannot end a speaker noun phrase. */
export const NON_HEAD = forms(
  'that which who whom whose and or but to of as is was are were be been being not in on at by for with from into than when where while because if after before since about over under also there',
);

/** Capitalised words that do not start a name. */
export const CAP_STOP = forms(`
  The A An In On At But And Or This That These Those There It He She They We I His Her Their Its As After Before
  When While If However Meanwhile According For From To With Without By Of Not No Yes So Then Also Still Yet
  ${[...WEEKDAYS, ...MONTHS].map(capitalised).join(' ')}`);

/** Auxiliaries and negation before the verb of a cue run. */
export const AUXILIARIES = forms('is was are were be been being has have had did does do would will could can may might should must not never');

/** Words that start an adjunct after the object of a stance cue. */
export const ADJUNCT_STARTS = forms('during amid following despite while when after before because since but');

export const OPEN_DQ = '“„«';
export const CLOSE_DQ = '”»';
/** A double quotation mark of the normalised text (`''` is `"` there), and a closing one. */
export const DOUBLE_MARK = new RegExp(`[${OPEN_DQ}${CLOSE_DQ}"]`);
export const CLOSING_DOUBLE_MARK = new RegExp(`[${CLOSE_DQ}"]`);

export const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');
/** An adverb before or inside a cue ("also", "repeatedly"): a listed one or any word in -ly. */
export const isAdverb = (t: Token | undefined): boolean => {
  const w = lower(t);
  return ADVERBS.has(w) || /ly$/.test(w);
};
export const isWord = (t: Token | undefined): boolean => !!t && /[\p{L}\p{N}]/u.test(t.text);
export const isCap = (t: Token | undefined): boolean => !!t && /^\p{Lu}/u.test(t.text);
export const isClose = (s: string): boolean => CLOSE_DQ.includes(s) || s === '"';
export const isOpen = (s: string): boolean => OPEN_DQ.includes(s) || s === '"';

/** Is token `i` a reporting verb used as one here? `loose` also takes any verb in -ed; `weak` the stance and evidence verbs. */
export function isCue(toks: Token[], i: number, loose: boolean, weak = false): boolean {
  const t = toks[i];
  const lw = lower(t);
  if (weak && WEAK_CUES.has(lw)) return !DETERMINERS.has(lower(toks[i - 1])) && isWord(toks[i - 1]);
  if (!CUE_FORMS.has(lw)) return loose && /^[\p{Ll}]+ed$/u.test(t.text) && !/^(based|used|related|expected|needed)$/.test(lw);
  const prev = lower(toks[i - 1]);
  if (DETERMINERS.has(prev) && lw !== 'said' && lw !== 'told') return false;
  if (NOUN_LIKE.has(lw)) {
    if (!isWord(toks[i - 1]) || /^(united|the|and|to|of|for|in|many|two|three|several|other|some|all|these|those)$/.test(prev)) return false;
    const next = toks[i + 1];
    if (/^(states|reports|claims|notes|points|charges|promises|calls|hints|repeats)$/.test(lw) && (!next || !(lower(next) === 'that' || next.text === ':' || next.text === ',' || isOpen(next.text) || PRONOUNS[lower(next)] !== undefined))) return false;
  }
  if (/^(pointed|points|pointing)$/.test(lw) && lower(toks[i + 1]) !== 'out') return false;
  // passive: "a ceasefire declared by Roe", "he is said to be"
  if (/ed$/.test(lw) && lower(toks[i + 1]) === 'by' && !loose) return false;
  if (lw === 'said' && lower(toks[i + 1]) === 'to' && /^(is|are|was|were|be|been|being)$/.test(prev)) return false;
  if (/^(called|calls|calling)$/.test(lw) && /^(off|up|in|back|out)$/.test(lower(toks[i + 1]))) return false;
  if (/^(continued|continues|agreed|agrees|repeated|repeats|posted|maintained|maintains|indicated|indicates|revealed|reveals|confirmed|confirms|hinted|hints)$/.test(lw) && !loose) {
    // need a clause or quote after: "continued, “…”", "agreed that"
    const next = lower(toks[i + 1]);
    if (next !== 'that' && next !== ',' && next !== ':' && !isOpen(toks[i + 1]?.text ?? '')) return false;
  }
  return true;
}
