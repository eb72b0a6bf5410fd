/**
 * The text toolkit every stage shares: one tokenizer and sentence splitter, one normaliser (case,
 * spelling variants, stemming, stop words), one calendar, and the sourced word lists and
 * gazetteers under data/. See README.md.
 */
export { splitSentences, tokenAt, tokenize, words } from './tokenize.js';
export { contentKeys, key, normalizeWord, singular, stem, STOPWORDS, TOPIC_STOPWORDS, type WordToken, wordTokens } from './normalise.js';
export { MONTHS, monthNumber, WEEKDAYS, weekdayName } from './calendar.js';
export { type City, cityList, type Country, countryList, organisationList, regionList, seatsOfGovernment } from './places.js';
export { dataLines, dataRows, listField } from './lexicon.js';
