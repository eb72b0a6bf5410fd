/** Probes on death tolls and injured counts: invented stories, invented outlets (see types.ts). */
import type { Probe } from './types.js';

export const TOLL_PROBES: Probe[] = [
  {
    id: 'toll-bus-plunge',
    kind: 'toll',
    articles: [
      { outlet: 'Valley Courier', published: '2026-03-04', text: 'A passenger bus plunged into a ravine near the town of Kestrava on Tuesday, killing at least 12 people, police said.\n\nThe bus was carrying about 40 passengers from the market town of Olvin.\n\nRescue teams worked through the night to reach the wreck.' },
      { outlet: 'Northern Dispatch', published: '2026-03-04', text: 'Fifteen people died when a bus fell into a gorge outside Kestrava on Tuesday.\n\nThe vehicle had left Olvin in the morning with around 40 people on board.\n\nThe driver survived and was taken into custody, officials said.' },
    ],
    // "at least 12" allows 15: compatible bounds are no conflict (the "more than 5,000" vs "5,200").
    conflicts: [],
    traps: [{ what: 'at least 12 allows fifteen', sides: [['A', '12'], ['B', 'Fifteen']] }],
  },
  {
    id: 'toll-ferry-rose',
    kind: 'toll',
    articles: [
      { outlet: 'Coastline Post', published: '2026-05-11', text: 'The death toll from the sinking of a ferry off Marrow Point rose to 23 on Sunday, the coastguard said.\n\nThe ferry, the Selka Star, capsized in heavy seas on Saturday evening.\n\nDivers were still searching the hull.' },
      { outlet: 'The Island Herald', published: '2026-05-11', text: 'At least 31 people were killed when the Selka Star ferry capsized off Marrow Point on Saturday evening.\n\nThe coastguard said 48 passengers had been rescued.\n\nThe vessel was licensed to carry 120 people.' },
      { outlet: 'Bay Wire', published: '2026-05-11', text: 'Twenty-three people lost their lives when the ferry Selka Star overturned near Marrow Point, the coastguard said on Sunday.\n\nForty-eight passengers were pulled from the water alive.' },
    ],
    conflicts: [{ what: 'ferry death toll', sides: [['A', '23'], ['B', '31'], ['C', 'Twenty-three']] }],
    traps: [],
  },
  {
    id: 'toll-mine-lives',
    kind: 'toll',
    articles: [
      { outlet: 'Ridge Times', published: '2026-02-17', text: 'A gas explosion at the Dunmere coal mine claimed nine lives on Monday, the mining ministry said.\n\nRescuers brought 27 miners to the surface.\n\nThe mine had been cited for ventilation faults last year.' },
      { outlet: 'Central Gazette', published: '2026-02-17', text: 'Seven miners were killed in a methane blast at the Dunmere colliery on Monday.\n\nTwenty-seven others were rescued, according to the mining ministry.' },
    ],
    conflicts: [{ what: 'miners killed', sides: [['A', 'nine'], ['B', 'Seven']] }],
    traps: [],
  },
  {
    id: 'toll-flood-dozen',
    kind: 'toll',
    articles: [
      { outlet: 'Riverside Daily', published: '2026-07-02', text: 'Flash floods swept through the valley of Tarnell overnight, leaving a dozen dead, local authorities said.\n\nHundreds of homes were flooded after the Sarne river burst its banks.' },
      { outlet: 'Plains Observer', published: '2026-07-02', text: 'Twelve people were killed in flash floods in the Tarnell valley overnight, authorities said.\n\nThe Sarne river rose by more than two metres in three hours.' },
    ],
    conflicts: [],
    traps: [{ what: 'a dozen is twelve', sides: [['A', 'a dozen'], ['B', 'Twelve']] }],
  },
  {
    id: 'toll-earlier-attack',
    kind: 'toll',
    articles: [
      { outlet: 'Metro Standard', published: '2026-04-09', text: 'A suicide bomber killed 8 people at a checkpoint in the city of Haldor on Wednesday, police said.\n\nIt was the deadliest attack in the city since a market bombing in 2024 that killed 35 people.\n\nNo group has claimed responsibility.' },
      { outlet: 'Frontier Report', published: '2026-04-09', text: 'Eight people died when a bomber blew himself up at a checkpoint in Haldor on Wednesday.\n\nIn 2024, a bombing at a market in Haldor killed 35.\n\nSecurity in the city has been tightened.' },
    ],
    conflicts: [],
    traps: [{ what: 'the earlier bombing toll vs this one', sides: [['A', '8'], ['B', '35']] }, { what: 'earlier toll vs this toll', sides: [['A', '35'], ['B', 'Eight']] }],
  },
  {
    id: 'toll-evolving',
    kind: 'toll',
    articles: [
      { outlet: 'Morning Ledger', published: '2026-06-12', text: 'At least 6 people were killed when a fire tore through a textile factory in the industrial zone of Brell on Thursday, fire officials said.\n\nThe blaze started on the third floor.' },
      { outlet: 'Evening Chronicle', published: '2026-06-13', text: 'The death toll from the fire at a textile factory in Brell has risen to 14, officials said on Friday.\n\nSeveral workers are still unaccounted for.' },
      { outlet: 'Weekend Review', published: '2026-06-14', text: 'Nineteen people died in the textile factory fire in Brell, officials said on Saturday, as the last bodies were recovered.\n\nThe owner of the factory has been arrested.' },
    ],
    conflicts: [],
    traps: [{ what: 'toll grows across days', sides: [['A', '6'], ['B', '14']] }, { what: 'toll grows', sides: [['B', '14'], ['C', 'Nineteen']] }, { what: 'toll grows', sides: [['A', '6'], ['C', 'Nineteen']] }],
  },
  {
    id: 'toll-subset-children',
    kind: 'toll',
    articles: [
      { outlet: 'Harbor Ledger', published: '2026-08-21', text: 'A landslide buried part of the village of Oska on Friday, killing 17 people, including five children, the regional governor said.\n\nRescuers used their hands to dig through the mud.' },
      { outlet: 'Upland News', published: '2026-08-21', text: 'Seventeen people were killed when a landslide hit the village of Oska on Friday.\n\nFive of the dead were children, the governor said.' },
    ],
    conflicts: [],
    traps: [{ what: 'children subset vs total', sides: [['A', 'five'], ['B', 'Seventeen']] }, { what: 'subset vs total', sides: [['A', '17'], ['B', 'Five']] }],
  },
  {
    id: 'toll-more-than',
    kind: 'toll',
    articles: [
      { outlet: 'World Desk', published: '2026-09-30', text: 'More than 5,000 people have died in the cholera outbreak in the province of Lureth, health officials said.\n\nThe outbreak began in the spring.' },
      { outlet: 'Health Monitor', published: '2026-09-30', text: 'The cholera outbreak in Lureth province has killed 5,200 people, the health ministry said on Wednesday.\n\nVaccination teams have reached only half of the districts.' },
    ],
    conflicts: [],
    traps: [{ what: 'more than 5,000 includes 5,200', sides: [['A', '5,000'], ['B', '5,200']] }],
  },
  {
    id: 'toll-train',
    kind: 'toll',
    articles: [
      { outlet: 'Rail & Road', published: '2026-10-05', text: 'Two trains collided head-on near Pellam junction on Sunday, killing 21 passengers, the railway operator said.\n\nMore than 100 people were injured.\n\nA signal fault is suspected.' },
      { outlet: 'Capital Times', published: '2026-10-05', text: 'At least 28 people were killed and more than 100 injured when two passenger trains collided near Pellam junction on Sunday.\n\nThe railway minister visited the site.' },
      { outlet: 'Line Bulletin', published: '2026-10-05', text: 'The collision near Pellam junction on Sunday left 21 dead, according to the operator.\n\nInvestigators are examining the signals.' },
    ],
    conflicts: [{ what: 'train collision toll', sides: [['A', '21'], ['B', '28'], ['C', '21']] }],
    traps: [],
  },
  {
    id: 'toll-quote-hypothetical',
    kind: 'toll',
    articles: [
      { outlet: 'Harbor Ledger', published: '2026-01-14', text: 'A gas leak at a chemical plant in Veyra killed three workers on Tuesday, the company said.\n\n"If the alarm had not sounded, 200 people could have died," the plant manager, Teodor Vask, said.\n\nThe plant has been closed.' },
      { outlet: 'Industry Week', published: '2026-01-14', text: 'Three workers died after a gas leak at a chemical plant in Veyra on Tuesday.\n\nThe plant employs about 400 people.' },
    ],
    conflicts: [],
    traps: [{ what: 'hypothetical toll in a quote', sides: [['A', '200'], ['B', 'Three']] }],
  },
  {
    id: 'toll-storm-deaths',
    kind: 'toll',
    articles: [
      { outlet: 'Gulf Reporter', published: '2026-09-02', text: 'Tropical Storm Idrena killed 4 people as it swept across the island of Calva on Monday, the civil protection agency said.\n\nWinds reached 140 km/h.' },
      { outlet: 'Island Voice', published: '2026-09-02', text: 'Six people died as Tropical Storm Idrena battered Calva on Monday, civil protection officials said.\n\nThousands of homes lost power.' },
    ],
    conflicts: [{ what: 'storm deaths', sides: [['A', '4'], ['B', 'Six']] }],
    traps: [],
  },
  {
    id: 'toll-stampede',
    kind: 'toll',
    articles: [
      { outlet: 'Festival Times', published: '2026-04-22', text: 'A stampede at a religious festival in the town of Marrak left 11 people dead on Saturday, police said.\n\nThe crowd surged toward the main gate after rumours of a fire.' },
      { outlet: 'Daily Sentinel', published: '2026-04-22', text: 'Police said 16 people were crushed to death in a stampede at a festival in Marrak on Saturday.\n\nOrganisers had expected 50,000 visitors.' },
    ],
    conflicts: [{ what: 'stampede toll', sides: [['A', '11'], ['B', '16']] }],
    traps: [],
  },
  {
    id: 'injured-blast',
    kind: 'injured',
    articles: [
      { outlet: 'Metro Standard', published: '2026-03-19', text: 'An explosion at a fuel depot on the outskirts of Corvan injured 34 people on Thursday, emergency services said.\n\nNo one was killed.\n\nThe cause is being investigated.' },
      { outlet: 'Evening Chronicle', published: '2026-03-19', text: 'Forty-two people were hurt when a fuel depot exploded outside Corvan on Thursday.\n\nEmergency services said there were no deaths.' },
    ],
    conflicts: [{ what: 'injured in the blast', sides: [['A', '34'], ['B', 'Forty-two']] }],
    traps: [],
  },
  {
    id: 'injured-wounded-hospital',
    kind: 'injured',
    articles: [
      { outlet: 'Frontier Report', published: '2026-05-28', text: 'A gunman opened fire at a shopping centre in Ellsby on Wednesday, wounding nine people before he was arrested, police said.\n\nFour of the wounded were in critical condition.' },
      { outlet: 'Town Crier', published: '2026-05-28', text: 'Six people were wounded in a shooting at a shopping centre in Ellsby on Wednesday.\n\nThe suspect, a 31-year-old man, was detained at the scene.' },
    ],
    conflicts: [{ what: 'wounded in the shooting', sides: [['A', 'nine'], ['B', 'Six']] }],
    traps: [{ what: 'critical subset vs wounded', sides: [['A', 'Four'], ['B', 'Six']] }],
  },
  {
    id: 'injured-quake-hospitalised',
    kind: 'injured',
    articles: [
      { outlet: 'Highland Post', published: '2026-11-03', text: 'More than 200 people were injured in the earthquake, and 40 of them were taken to hospital, the health office of Dravos province said.\n\nThe quake struck at dawn.' },
      { outlet: 'Valley Courier', published: '2026-11-03', text: 'The earthquake in Dravos province injured 230 people, the health office said.\n\nMost had minor cuts from broken glass.' },
    ],
    conflicts: [],
    traps: [{ what: 'more than 200 includes 230', sides: [['A', '200'], ['B', '230']] }, { what: 'hospitalised subset vs injured', sides: [['A', '40'], ['B', '230']] }],
  },
  {
    id: 'injured-protest',
    kind: 'injured',
    articles: [
      { outlet: 'Capital Times', published: '2026-02-08', text: 'At least 57 protesters and 12 police officers were injured in clashes in central Ostrava Nova on Saturday, the interior ministry said.\n\nPolice used tear gas to clear the square.' },
      { outlet: 'Street Journal', published: '2026-02-08', text: 'Clashes between police and protesters in Ostrava Nova on Saturday left 80 protesters injured, organisers said.\n\nTwelve officers were also hurt, the ministry said.' },
    ],
    // "at least 57" allows 80: compatible bounds are no conflict, however far apart the sources' counts.
    conflicts: [],
    traps: [{ what: 'officers vs protesters', sides: [['A', '12'], ['B', '80']] }, { what: 'at least 57 allows 80', sides: [['A', '57'], ['B', '80']] }],
  },
];
