/**
 * Hand-written world knowledge: countries (with their usual short forms and demonyms),
 * capitals and large cities, international organisations, and seats of government that news
 * uses for the government itself ("the Kremlin said"). Used as features by the tagger, to
 * link demonyms to countries, and to name country entities canonically.
 */

/** Country name | aliases (comma) | demonyms/adjectives (comma). */
const COUNTRIES = `Afghanistan||Afghan,Afghans
Albania||Albanian,Albanians
Algeria||Algerian,Algerians
Angola||Angolan,Angolans
Argentina||Argentine,Argentinian,Argentinians,Argentines
Armenia||Armenian,Armenians
Australia||Australian,Australians
Austria||Austrian,Austrians
Azerbaijan||Azerbaijani,Azeri,Azerbaijanis
Bahrain||Bahraini,Bahrainis
Bangladesh||Bangladeshi,Bangladeshis
Belarus||Belarusian,Belarusians
Belgium||Belgian,Belgians
Bolivia||Bolivian,Bolivians
Bosnia and Herzegovina|Bosnia|Bosnian,Bosnians
Brazil||Brazilian,Brazilians
Bulgaria||Bulgarian,Bulgarians
Cambodia||Cambodian,Cambodians
Cameroon||Cameroonian,Cameroonians
Canada||Canadian,Canadians
Chile||Chilean,Chileans
China|PRC,People's Republic of China,Mainland China|Chinese
Colombia||Colombian,Colombians
Croatia||Croatian,Croat,Croats,Croatians
Cuba||Cuban,Cubans
Cyprus||Cypriot,Cypriots
Czech Republic|Czechia|Czech,Czechs
Denmark||Danish,Dane,Danes
Ecuador||Ecuadorian,Ecuadorians
Egypt||Egyptian,Egyptians
Estonia||Estonian,Estonians
Ethiopia||Ethiopian,Ethiopians
Finland||Finnish,Finn,Finns
France||French
Georgia||Georgian,Georgians
Germany||German,Germans
Ghana||Ghanaian,Ghanaians
Greece||Greek,Greeks
Hungary||Hungarian,Hungarians
Iceland||Icelandic,Icelander,Icelanders
India||Indian,Indians
Indonesia||Indonesian,Indonesians
Iran||Iranian,Iranians
Iraq||Iraqi,Iraqis
Ireland||Irish
Israel||Israeli,Israelis
Italy||Italian,Italians
Japan||Japanese
Jordan||Jordanian,Jordanians
Kazakhstan||Kazakh,Kazakhs,Kazakhstani
Kenya||Kenyan,Kenyans
Kuwait||Kuwaiti,Kuwaitis
Kyrgyzstan||Kyrgyz
Laos||Laotian,Lao
Latvia||Latvian,Latvians
Lebanon||Lebanese
Libya||Libyan,Libyans
Lithuania||Lithuanian,Lithuanians
Malaysia||Malaysian,Malaysians
Mexico||Mexican,Mexicans
Moldova||Moldovan,Moldovans
Mongolia||Mongolian,Mongolians
Morocco||Moroccan,Moroccans
Myanmar|Burma|Burmese
Nepal||Nepalese,Nepali
Netherlands|Holland|Dutch
New Zealand||New Zealander,New Zealanders
Nigeria||Nigerian,Nigerians
North Korea|DPRK|North Korean,North Koreans
Norway||Norwegian,Norwegians
Oman||Omani,Omanis
Pakistan||Pakistani,Pakistanis
Palestine|Palestinian Territories|Palestinian,Palestinians
Peru||Peruvian,Peruvians
Philippines||Philippine,Filipino,Filipinos
Poland||Polish,Pole,Poles
Portugal||Portuguese
Qatar||Qatari,Qataris
Romania||Romanian,Romanians
Russia|Russian Federation|Russian,Russians
Saudi Arabia||Saudi,Saudis
Serbia||Serbian,Serb,Serbs,Serbians
Singapore||Singaporean,Singaporeans
Slovakia||Slovak,Slovakian,Slovaks
Slovenia||Slovenian,Slovene,Slovenes
Somalia||Somali,Somalis
South Africa||South African,South Africans
South Korea|Republic of Korea|South Korean,South Koreans
Spain||Spanish,Spaniard,Spaniards
Sri Lanka||Sri Lankan,Sri Lankans
Sudan||Sudanese
Sweden||Swedish,Swede,Swedes
Switzerland||Swiss
Syria||Syrian,Syrians
Taiwan||Taiwanese
Tajikistan||Tajik,Tajiks
Thailand||Thai,Thais
Tunisia||Tunisian,Tunisians
Turkey|Turkiye,Türkiye|Turkish,Turk,Turks
Turkmenistan||Turkmen
Uganda||Ugandan,Ugandans
Ukraine||Ukrainian,Ukrainians
United Arab Emirates|UAE,Emirates|Emirati,Emiratis
United Kingdom|UK,U.K.,Britain,Great Britain|British,Briton,Britons
United States|US,U.S.,USA,U.S.A.,America,United States of America|American,Americans
Uruguay||Uruguayan,Uruguayans
Uzbekistan||Uzbek,Uzbeks
Venezuela||Venezuelan,Venezuelans
Vietnam|Viet Nam|Vietnamese
Yemen||Yemeni,Yemenis
Zimbabwe||Zimbabwean,Zimbabweans`;

/** Capitals and large cities, regions often in the news. */
const PLACES = `Kabul Tirana Algiers Luanda Buenos Aires Yerevan Canberra Sydney Melbourne Vienna Baku Manama Dhaka Minsk Brussels
La Paz Sarajevo Brasilia Sao Paulo Rio de Janeiro Sofia Phnom Penh Ottawa Toronto Montreal Vancouver Santiago Beijing Shanghai
Hong Kong Shenzhen Guangzhou Wuhan Bogota Zagreb Havana Nicosia Prague Copenhagen Quito Cairo Tallinn Addis Ababa Helsinki
Paris Marseille Lyon Tbilisi Berlin Munich Frankfurt Hamburg Accra Athens Budapest Reykjavik New Delhi Delhi Mumbai Kolkata Chennai
Bengaluru Jakarta Tehran Baghdad Dublin Jerusalem Tel Aviv Gaza West Bank Rome Milan Tokyo Osaka Amman Astana Almaty Nairobi
Kuwait City Bishkek Vientiane Riga Beirut Tripoli Vilnius Kuala Lumpur Mexico City Chisinau Ulaanbaatar Rabat Yangon Kathmandu
Amsterdam The Hague Wellington Auckland Abuja Lagos Pyongyang Oslo Muscat Islamabad Karachi Lahore Lima Manila Warsaw Lisbon Doha
Bucharest Moscow St Petersburg Saint Petersburg Vladivostok Riyadh Belgrade Singapore Mogadishu Pretoria Johannesburg Cape Town
Seoul Madrid Barcelona Colombo Khartoum Stockholm Geneva Zurich Bern Damascus Taipei Dushanbe Bangkok Tunis Ankara Istanbul
Ashgabat Kampala Kyiv Kiev Kharkiv Odesa Odessa Lviv Dnipro Donetsk Luhansk Sumy Kherson Zaporizhzhia Mariupol Crimea Donbas
Abu Dhabi Dubai London Manchester Edinburgh Washington New York Los Angeles Chicago San Francisco Montevideo Tashkent Caracas
Hanoi Sanaa Harare Europe Asia Africa Middle East Latin America Eastern Europe Western Europe Central Asia South America
North America Arctic Taiwan Strait South China Sea Black Sea Baltic`;

/** Organisations (international bodies, agencies) commonly in news. */
const ORGS = `United Nations|UN|U.N.
North Atlantic Treaty Organization|NATO
European Union|EU
European Commission
World Health Organization|WHO
International Monetary Fund|IMF
World Bank
World Trade Organization|WTO
Shanghai Cooperation Organisation|SCO
BRICS
Group of Seven|G7
Group of 20|G20
Association of Southeast Asian Nations|ASEAN
African Union
Organization of the Petroleum Exporting Countries|OPEC
Reuters
Associated Press|AP
Agence France-Presse|AFP
Tass
Xinhua
Press Trust of India|PTI
Bloomberg
Interfax
Kremlin
White House
Pentagon
State Department
Downing Street
Elysee|Élysée
Congress
Senate
Supreme Court
Federal Reserve|Fed`;

export interface CountryInfo {
  name: string;
  aliases: string[];
  demonyms: string[];
}

export const COUNTRY_LIST: CountryInfo[] = COUNTRIES.split('\n').map((line) => {
  const [name, aliases, demonyms] = line.split('|');
  const list = (s: string) => (s ? s.split(',').map((x) => x.trim()) : []);
  return { name, aliases: list(aliases), demonyms: list(demonyms) };
});

/** lower-cased country name or alias → canonical country name. */
export const COUNTRY_BY_NAME = new Map<string, string>();
/** lower-cased demonym/adjective → canonical country name. */
export const COUNTRY_BY_DEMONYM = new Map<string, string>();
for (const c of COUNTRY_LIST) {
  COUNTRY_BY_NAME.set(c.name.toLowerCase(), c.name);
  for (const a of c.aliases) COUNTRY_BY_NAME.set(a.toLowerCase(), c.name);
  for (const d of c.demonyms) COUNTRY_BY_DEMONYM.set(d.toLowerCase(), c.name);
}

/** lower-cased organisation name or acronym → canonical name. */
export const ORG_BY_NAME = new Map<string, string>();
for (const line of ORGS.split('\n')) {
  const names = line.split('|').map((s) => s.trim());
  for (const n of names) ORG_BY_NAME.set(n.toLowerCase(), names[0]);
}

/** Multi-word places are written with single spaces in PLACES; split on known boundaries by matching greedily. */
const placePhrases = (): string[] => {
  // Place names are separated by single spaces too; we list multi-word names explicitly here.
  const multi = [
    'Buenos Aires', 'La Paz', 'Sao Paulo', 'Rio de Janeiro', 'Phnom Penh', 'Hong Kong', 'Addis Ababa', 'New Delhi',
    'Tel Aviv', 'West Bank', 'Kuwait City', 'Kuala Lumpur', 'Mexico City', 'The Hague', 'St Petersburg',
    'Saint Petersburg', 'Cape Town', 'Abu Dhabi', 'New York', 'Los Angeles', 'San Francisco', 'Middle East',
    'Latin America', 'Eastern Europe', 'Western Europe', 'Central Asia', 'South America', 'North America',
    'Taiwan Strait', 'South China Sea', 'Black Sea',
  ];
  let rest = PLACES.replace(/\s+/g, ' ');
  const out: string[] = [];
  for (const m of multi) {
    if (rest.includes(m)) {
      out.push(m);
      rest = rest.replace(m, ' ');
    }
  }
  for (const w of rest.split(' ')) if (w) out.push(w);
  return out;
};

export const PLACE_NAMES: string[] = placePhrases();

/** Bit per type, for gazetteer masks. */
export const TYPE_BIT: Record<string, number> = { PER: 1, ORG: 2, LOC: 4, MISC: 8 };

/** Hand gazetteer: lower-cased phrase → type bits. */
export function handGazetteer(): Map<string, number> {
  const g = new Map<string, number>();
  const add = (phrase: string, type: string) => {
    const k = phrase.toLowerCase();
    g.set(k, (g.get(k) ?? 0) | TYPE_BIT[type]);
  };
  for (const c of COUNTRY_LIST) {
    add(c.name, 'LOC');
    for (const a of c.aliases) add(a, 'LOC');
    for (const d of c.demonyms) add(d, 'MISC');
  }
  for (const p of PLACE_NAMES) add(p, 'LOC');
  for (const k of ORG_BY_NAME.keys()) add(k, 'ORG');
  return g;
}

/**
 * Seats of government and similar places that news uses as the institution itself
 * ("the Kremlin said", "a White House spokesman"): tagged ORG whatever the place reading.
 */
export const INSTITUTION_PLACES = new Set(['kremlin', 'white house', 'pentagon', 'downing street', 'elysee', 'élysée', 'zhongnanhai']);
