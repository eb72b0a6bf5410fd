/**
 * Known outlets: the name shown, the other names and abbreviations they go by, and the
 * registrable domains they publish under. Compiled by hand from the outlets' own sites (the
 * domain in their article URLs, the name in their masthead or `og:site_name`) and the short
 * forms wires and aggregators use for them. It is a lookup table, not a judgment: an outlet not
 * listed is still an outlet, named from its metadata or its domain (see registry.ts).
 *
 * To add an outlet: one line, `[name, [aliases...], [domains...]]`; domains without `www.`, as
 * the public-suffix list cuts them (`bbc.co.uk`, not `news.bbc.co.uk`). Keep the list sorted.
 */
export type OutletRow = [name: string, aliases: string[], domains: string[]];

export const OUTLETS: OutletRow[] = [
  ['ABC News', ['ABC'], ['abcnews.go.com', 'abcnews.com']],
  ['Agence France-Presse', ['AFP', 'Agence France Presse'], ['afp.com']],
  ['Al Jazeera', ['Al Jazeera English', 'AJE'], ['aljazeera.com', 'aljazeera.net']],
  ['Associated Press', ['AP', 'The Associated Press', 'AP News'], ['ap.org', 'apnews.com']],
  ['Axios', [], ['axios.com']],
  ['BBC News', ['BBC', 'British Broadcasting Corporation'], ['bbc.co.uk', 'bbc.com']],
  ['Bloomberg', ['Bloomberg News', 'Bloomberg L.P.'], ['bloomberg.com']],
  ['Business Insider', ['Insider'], ['businessinsider.com', 'insider.com']],
  ['BuzzFeed News', ['BuzzFeed'], ['buzzfeed.com', 'buzzfeednews.com']],
  ['CBC News', ['CBC', 'Canadian Broadcasting Corporation'], ['cbc.ca']],
  ['CBS News', ['CBS'], ['cbsnews.com']],
  ['CNBC', [], ['cnbc.com']],
  ['CNN', ['Cable News Network', 'CNN International'], ['cnn.com']],
  ['Daily Mail', ['Mail Online', 'MailOnline', 'The Daily Mail'], ['dailymail.co.uk']],
  ['Deutsche Welle', ['DW'], ['dw.com']],
  ['Euronews', [], ['euronews.com']],
  ['Financial Times', ['FT', 'The Financial Times'], ['ft.com']],
  ['Forbes', [], ['forbes.com']],
  ['Fox News', ['FOX', 'Fox News Channel', 'FNC'], ['foxnews.com']],
  ['France 24', ['France24'], ['france24.com']],
  ['Global Times', [], ['globaltimes.cn']],
  ['HuffPost', ['Huffington Post', 'The Huffington Post'], ['huffpost.com', 'huffingtonpost.com', 'huffingtonpost.co.uk']],
  ['Los Angeles Times', ['LA Times', 'L.A. Times', 'LAT'], ['latimes.com']],
  ['MSNBC', [], ['msnbc.com']],
  ['NBC News', ['NBC'], ['nbcnews.com']],
  ['NPR', ['National Public Radio'], ['npr.org']],
  ['Newsweek', [], ['newsweek.com']],
  ['Politico', ['POLITICO'], ['politico.com', 'politico.eu']],
  ['Reuters', ['Thomson Reuters'], ['reuters.com']],
  ['RIA Novosti', ['RIA'], ['ria.ru']],
  ['Sky News', ['Sky'], ['news.sky.com']],
  ['TASS', ['ITAR-TASS'], ['tass.com', 'tass.ru']],
  ['The Atlantic', ['Atlantic'], ['theatlantic.com']],
  ['The Economist', ['Economist'], ['economist.com']],
  ['The Guardian', ['Guardian', 'guardian.co.uk'], ['theguardian.com', 'guardian.co.uk']],
  ['The Hill', [], ['thehill.com']],
  ['The Independent', ['Independent'], ['independent.co.uk']],
  ['The New York Times', ['New York Times', 'NYT', 'NY Times'], ['nytimes.com']],
  ['The Telegraph', ['Telegraph', 'Daily Telegraph', 'The Daily Telegraph'], ['telegraph.co.uk']],
  ['The Times', ['The Times of London', 'Times of London'], ['thetimes.co.uk']],
  ['The Wall Street Journal', ['Wall Street Journal', 'WSJ'], ['wsj.com']],
  ['The Washington Post', ['Washington Post', 'WaPo'], ['washingtonpost.com']],
  ['TIME', ['Time Magazine', 'Time'], ['time.com']],
  ['USA Today', ['USA TODAY'], ['usatoday.com']],
  ['United Press International', ['UPI'], ['upi.com']],
  ['Xinhua', ['Xinhua News Agency', 'Xinhuanet'], ['xinhuanet.com', 'news.cn']],
  ['Yahoo News', ['Yahoo!', 'Yahoo'], ['yahoo.com']],
];
