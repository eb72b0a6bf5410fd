/** Probes on magnitudes, money, distances and durations: invented stories, invented outlets (see types.ts). */
import type { Probe } from './types.js';

export const MEASURE_PROBES: Probe[] = [
  {
    id: 'mag-hyphen-vs-richter',
    kind: 'magnitude',
    articles: [
      { outlet: 'Highland Post', published: '2026-11-03', text: 'A 6.1-magnitude earthquake struck the mountainous province of Dravos early on Monday, the national seismology centre said.\n\nThe quake was felt in the capital, 200 km away.\n\nSeveral old buildings collapsed in the town of Ilmet.' },
      { outlet: 'Quake Watch', published: '2026-11-03', text: 'An earthquake measuring 5.8 on the Richter scale hit Dravos province on Monday morning.\n\nBuildings collapsed in Ilmet, residents said.' },
    ],
    conflicts: [{ what: 'magnitude', sides: [['A', '6.1'], ['B', '5.8']] }],
    traps: [],
  },
  {
    id: 'mag-of-magnitude-aftershock',
    kind: 'magnitude',
    articles: [
      { outlet: 'Pacific Wire', published: '2026-08-14', text: 'An earthquake of magnitude 6.4 shook the island of Temu Rasa on Friday, the geological survey said.\n\nA magnitude 5.1 aftershock followed an hour later.\n\nThere were no immediate reports of damage.' },
      { outlet: 'Island Voice', published: '2026-08-14', text: 'A magnitude 6.4 quake struck Temu Rasa on Friday.\n\nIt was followed by an aftershock of magnitude 5.1, the survey said.' },
    ],
    conflicts: [],
    traps: [{ what: 'aftershock vs main quake', sides: [['A', '5.1'], ['B', '6.4']] }, { what: 'main vs aftershock', sides: [['A', '6.4'], ['B', '5.1']] }],
  },
  {
    id: 'mag-three-way',
    kind: 'magnitude',
    articles: [
      { outlet: 'Quake Watch', published: '2026-04-02', text: 'A strong earthquake with a magnitude of 7.0 struck off the coast of Norrland Bay on Wednesday, the geological survey said.\n\nA tsunami warning was issued and later lifted.' },
      { outlet: 'Coastline Post', published: '2026-04-02', text: 'A magnitude-6.8 earthquake hit off Norrland Bay on Wednesday, prompting a brief tsunami warning.\n\nResidents fled to higher ground.' },
      { outlet: 'Harbor Ledger', published: '2026-04-02', text: 'The 7.0-magnitude quake off Norrland Bay on Wednesday shook buildings along the coast.\n\nNo casualties were reported.' },
    ],
    conflicts: [{ what: 'magnitude', sides: [['A', '7.0'], ['B', '6.8'], ['C', '7.0']] }],
    traps: [],
  },
  {
    id: 'mag-previous-quake',
    kind: 'magnitude',
    articles: [
      { outlet: 'Highland Post', published: '2026-06-20', text: 'A magnitude 5.6 earthquake struck near the city of Orvane on Saturday, the seismology centre said.\n\nThe region was devastated in 2019 by a magnitude 7.2 quake that killed hundreds.' },
      { outlet: 'Central Gazette', published: '2026-06-20', text: 'An earthquake of magnitude 5.6 shook Orvane on Saturday.\n\nIn 2019 a 7.2-magnitude earthquake flattened parts of the city.' },
    ],
    conflicts: [],
    traps: [{ what: 'previous quake', sides: [['A', '7.2'], ['B', '5.6']] }, { what: 'previous quake', sides: [['A', '5.6'], ['B', '7.2']] }],
  },
  {
    id: 'money-sale-billion',
    kind: 'money',
    articles: [
      { outlet: 'Market Journal', published: '2026-03-10', text: 'The logistics group Fennick Holdings agreed to sell its shipping arm to the investment firm Altair Partners for $2.1 billion, the companies said on Monday.\n\nThe deal is expected to close in the autumn.' },
      { outlet: 'Finance Today', published: '2026-03-10', text: 'Altair Partners will buy Fennick Holdings\' shipping business in a $1.9 billion deal, the two companies announced on Monday.\n\nFennick shares rose 4 percent.' },
    ],
    conflicts: [{ what: 'price of the deal', sides: [['A', '2.1'], ['B', '1.9']] }],
    traps: [],
  },
  {
    id: 'money-painting',
    kind: 'money',
    articles: [
      { outlet: 'Arts Weekly', published: '2026-05-15', text: 'A landscape by the painter Ilse Marrow sold for $14.5 million at an auction in Pellston on Thursday, a record for the artist.\n\nThe painting had been estimated at $8 million to $10 million.' },
      { outlet: 'Evening Chronicle', published: '2026-05-15', text: 'Ilse Marrow\'s landscape fetched $12 million at auction in Pellston on Thursday.\n\nIt had been expected to sell for up to $10 million.' },
    ],
    conflicts: [{ what: 'auction price', sides: [['A', '14.5'], ['B', '12']] }],
    traps: [{ what: 'estimate vs price', sides: [['A', '10 million'], ['B', '12']] }],
  },
  {
    id: 'money-fine',
    kind: 'money',
    articles: [
      { outlet: 'Regulator Review', published: '2026-07-08', text: 'The competition authority fined the telecoms operator Brisk Mobile 45 million euros on Tuesday for abusing its dominant position.\n\nBrisk Mobile said it would appeal.' },
      { outlet: 'Market Journal', published: '2026-07-08', text: 'Brisk Mobile was ordered to pay a fine of 54 million euros by the competition authority on Tuesday.\n\nThe company plans to appeal the decision.' },
    ],
    conflicts: [{ what: 'fine', sides: [['A', '45 million'], ['B', '54 million']] }],
    traps: [],
  },
  {
    id: 'money-budget-prior-year',
    kind: 'money',
    articles: [
      { outlet: 'Capital Times', published: '2026-10-14', text: 'The city council of Amberley approved a budget of $820 million for next year on Wednesday.\n\nThis year\'s budget was $790 million.' },
      { outlet: 'Town Crier', published: '2026-10-14', text: 'Amberley\'s council passed an $820 million budget on Wednesday, up from $790 million this year.\n\nThe increase will pay for road repairs.' },
    ],
    conflicts: [],
    traps: [{ what: 'this year vs next year', sides: [['A', '790'], ['B', '820']] }, { what: 'next year vs this year', sides: [['A', '820'], ['B', '790']] }],
  },
  {
    id: 'money-ransom',
    kind: 'money',
    articles: [
      { outlet: 'Frontier Report', published: '2026-02-26', text: 'Kidnappers who seized an engineer in the district of Harrow Flats demanded a ransom of $500,000, his family said.\n\nThe engineer, Paulo Destra, was taken on Sunday.' },
      { outlet: 'Daily Sentinel', published: '2026-02-26', text: 'The family of Paulo Destra said the kidnappers were asking for $300,000.\n\nDestra was abducted on Sunday in Harrow Flats.' },
    ],
    conflicts: [{ what: 'ransom demanded', sides: [['A', '500,000'], ['B', '300,000']] }],
    traps: [],
  },
  {
    id: 'distance-miles-km',
    kind: 'distance',
    articles: [
      { outlet: 'Valley Courier', published: '2026-06-03', text: 'The small plane crashed in a field three miles from the airport at Rendell on Tuesday, killing the pilot.\n\nThe aircraft had just taken off.' },
      { outlet: 'Air Safety News', published: '2026-06-03', text: 'A light aircraft went down about 5 km from Rendell airport on Tuesday, shortly after take-off.\n\nThe pilot was killed.' },
    ],
    conflicts: [],
    traps: [{ what: 'three miles is about 5 km', sides: [['A', 'three miles'], ['B', '5 km']] }],
  },
  {
    id: 'distance-epicentre',
    kind: 'distance',
    articles: [
      { outlet: 'Quake Watch', published: '2026-09-18', text: 'The epicentre of the quake was 30 kilometres south of the city of Belmire, the survey said.\n\nThe tremor lasted about 20 seconds.' },
      { outlet: 'Central Gazette', published: '2026-09-18', text: 'The quake was centred 80 kilometres south of Belmire, according to the survey.\n\nResidents said the shaking lasted 20 seconds.' },
    ],
    conflicts: [{ what: 'distance of the epicentre', sides: [['A', '30'], ['B', '80']] }],
    traps: [],
  },
  {
    id: 'distance-hike',
    kind: 'distance',
    articles: [
      { outlet: 'Outdoor Times', published: '2026-08-02', text: 'The missing hiker, Lena Strom, was found alive on Saturday 12 miles from where she had set out, rescuers said.\n\nShe had been missing for four days.' },
      { outlet: 'Mountain Herald', published: '2026-08-02', text: 'Rescuers found Lena Strom on Saturday about 6 kilometres from the trailhead where she began her walk.\n\nShe had been missing for four days.' },
    ],
    conflicts: [{ what: 'distance from start', sides: [['A', '12 miles'], ['B', '6 kilometres']] }],
    traps: [],
  },
  {
    id: 'duration-standoff',
    kind: 'duration',
    articles: [
      { outlet: 'Metro Standard', published: '2026-01-22', text: 'A man who held two bank employees hostage in Torvik surrendered to police on Wednesday after a six-hour standoff.\n\nNo one was hurt.' },
      { outlet: 'Town Crier', published: '2026-01-22', text: 'The hostage-taker at a bank in Torvik gave himself up on Wednesday after a standoff of nearly 10 hours, police said.\n\nBoth employees were freed unharmed.' },
    ],
    conflicts: [{ what: 'length of the standoff', sides: [['A', 'six-hour'], ['B', '10 hours']] }],
    traps: [],
  },
  {
    id: 'duration-missing-days',
    kind: 'duration',
    articles: [
      { outlet: 'Outdoor Times', published: '2026-12-01', text: 'Two fishermen were rescued on Monday after drifting at sea for nine days off the coast of Sallow Point.\n\nTheir engine had failed.' },
      { outlet: 'Coastline Post', published: '2026-12-01', text: 'Two fishermen who spent 12 days adrift off Sallow Point were rescued on Monday, the coastguard said.\n\nThey survived on rainwater.' },
    ],
    conflicts: [{ what: 'days adrift', sides: [['A', 'nine days'], ['B', '12 days']] }],
    traps: [],
  },
  {
    id: 'duration-sentence-years',
    kind: 'duration',
    articles: [
      { outlet: 'Court News', published: '2026-04-16', text: 'A court in Varnholm sentenced the former mayor Erik Salven to eight years in prison on Thursday for taking bribes.\n\nHe denied the charges.' },
      { outlet: 'Capital Times', published: '2026-04-16', text: 'Former Varnholm mayor Erik Salven was jailed for five years on Thursday for corruption.\n\nProsecutors had asked for 10 years.' },
    ],
    conflicts: [{ what: 'prison sentence', sides: [['A', 'eight years'], ['B', 'five years']] }],
    traps: [{ what: 'prosecutors asked vs sentence', sides: [['A', 'eight years'], ['B', '10 years']] }],
  },
  {
    id: 'duration-strike',
    kind: 'duration',
    articles: [
      { outlet: 'Labour Weekly', published: '2026-03-27', text: 'Dock workers at the port of Ferrow ended a strike on Friday that had lasted three weeks.\n\nThe union won a pay rise of 6 percent.' },
      { outlet: 'Market Journal', published: '2026-03-27', text: 'A 21-day strike at the port of Ferrow ended on Friday after the union accepted a 6 percent pay rise.\n\nShipping lines had diverted vessels.' },
    ],
    conflicts: [],
    traps: [{ what: 'three weeks is 21 days', sides: [['A', 'three weeks'], ['B', '21-day']] }],
  },
];
