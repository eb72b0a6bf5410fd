/**
 * The text toolkit every stage shares: one tokenizer and sentence splitter, one normaliser (case,
 * spelling variants, stemming, stop words), one calendar, one number reader, and the sourced word lists and
 * gazetteers under data/. See README.md.
 */
export { splitSentences, tokenAt, tokenize, words } from './tokenize.js';
export { contentKeys, key, normalizeWord, singular, stem, STOPWORDS, TOPIC_STOPWORDS, type WordForm, wordForms, type WordToken, wordTokens } from './normalise.js';
export {
  MONTH_ABBREVIATIONS,
  MONTH_ABBREVIATIONS_WITHOUT_PERIOD,
  MONTH_PATTERN,
  MONTH_PATTERN_ANY_CASE,
  MONTHS,
  monthNumber,
  WEEKDAY_PATTERN,
  WEEKDAYS,
  weekdayIndex,
  weekdayName,
} from './calendar.js';
export { hyphenJoined, MAYBE_NUMBER, type NumberRead, type NumberWord, readNumber, SCALES, SMALL, spelledNumber, TENS } from './numbers.js';
export { type City, cityList, type Country, countryList, organisationList, regionList, seatsOfGovernment } from './places.js';
export { dataLines, dataRows, listField } from './lexicon.js';
export { wordTable } from './word-table.js';
