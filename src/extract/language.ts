/**
 * Small, dependency-free language identification: script first (Han, Kana, Hangul, Cyrillic,
 * Arabic, Hebrew, Devanagari, Greek, Thai), then stopword counts for Latin-script languages.
 * Also exposes the stopword test used by the plain-text block classifier.
 */

const STOPWORDS: Record<string, string> = {
  en: 'the of and to a in is that for it as was with be by on not he this are or his from at which but have an they you were her she there been has their one all we will would who more if its so what said about when up out them than into after over also could only other new two because while can some these those our during against under since before',
  de: 'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei',
  fr: 'le la les de des et en un une du est que pour qui dans au par sur pas plus ne se ce il sont avec son sa ses aux été mais ou comme leur elle nous vous ils cette a été',
  es: 'el la de que y en los del se las por un para con no una su al es lo como más pero sus le ya o fue este ha sí porque esta son entre cuando muy sin sobre también me hasta hay donde',
  pt: 'de a o que e do da em um para com não uma os no se na por mais as dos como mas ao ele das à seu sua ou quando muito nos já eu também só pelo pela até isso ela entre depois sem mesmo aos seus quem nas me esse eles você essa num nem suas meu',
  it: 'di e il la che in a per un è non una del le si con da i dei sono al gli della come più ma ha lo nel alla anche se sua questo ci delle o suo tra era essere dopo molto stato loro degli',
  nl: 'de en van het een in is dat op te zijn met voor niet aan er om ook als bij maar dan wordt door nog naar uit over kan tot',
  ru: 'и в не на что с по как а это он к из у за от о для так же то но все она было бы они его ее мы был или только уже при еще если когда',
};

const SETS = new Map<string, Set<string>>(Object.entries(STOPWORDS).map(([k, v]) => [k, new Set(v.split(' '))]));

export const ALL_STOPWORDS: Set<string> = new Set(Object.values(STOPWORDS).flatMap((v) => v.split(' ')));

export function stopwordRatio(words: string[]): number {
  if (!words.length) return 0;
  let n = 0;
  for (const w of words) if (ALL_STOPWORDS.has(w.toLowerCase())) n++;
  return n / words.length;
}

const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/g, 'ja'],
  [/[\uac00-\ud7af]/g, 'ko'],
  [/[\u4e00-\u9fff]/g, 'zh'],
  [/[\u0400-\u04ff]/g, 'ru'],
  [/[\u0600-\u06ff]/g, 'ar'],
  [/[\u0590-\u05ff]/g, 'he'],
  [/[\u0900-\u097f]/g, 'hi'],
  [/[\u0370-\u03ff]/g, 'el'],
  [/[\u0e00-\u0e7f]/g, 'th'],
];

export function detectLanguage(text: string): string | null {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < 20) return null;
  for (const [re, lang] of SCRIPTS) {
    const n = (sample.match(re) ?? []).length;
    if (n / letters > 0.3) {
      if (lang === 'zh' && (sample.match(/[\u3040-\u30ff]/g) ?? []).length > n * 0.05) return 'ja';
      if (lang === 'ru') return cyrillic(sample);
      return lang;
    }
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: string | null = null;
  let bestN = 0;
  for (const [lang, set] of SETS) {
    if (lang === 'ru') continue;
    let n = 0;
    for (const w of words) if (set.has(w)) n++;
    if (n > bestN) {
      best = lang;
      bestN = n;
    }
  }
  return bestN >= Math.max(3, words.length * 0.08) ? best : null;
}

function cyrillic(sample: string): string {
  if (/[іїєґ]/i.test(sample)) return 'uk';
  if (/[ўі]/i.test(sample) && !/[и]/i.test(sample)) return 'be';
  if (/[ђћџљњ]/i.test(sample)) return 'sr';
  return 'ru';
}
