/** Probes on dates, clock times, places and actors: invented stories, invented outlets (see types.ts). */
import type { Probe } from './types.js';

export const WHEN_WHERE_WHO_PROBES: Probe[] = [
  {
    id: 'date-weekday-vs-date',
    kind: 'date',
    articles: [
      { outlet: 'Capital Times', published: '2026-03-13', text: 'The finance minister of Ardland, Piet Vossel, resigned on Tuesday after a row over the budget.\n\nHis deputy will take over until a successor is named.' },
      { outlet: 'World Desk', published: '2026-03-13', text: 'Ardland\'s finance minister Piet Vossel resigned on March 11 following a dispute over the budget, the government said.\n\nThe opposition called for early elections.' },
    ],
    conflicts: [{ what: 'date of the resignation', sides: [['A', 'Tuesday'], ['B', 'March 11']] }],
    traps: [],
  },
  {
    id: 'date-two-weekdays',
    kind: 'date',
    articles: [
      { outlet: 'Rail & Road', published: '2026-09-12', text: 'The new bridge over the river Tallow opened to traffic on Wednesday, the transport ministry said.\n\nConstruction took four years.' },
      { outlet: 'Town Crier', published: '2026-09-12', text: 'Drivers crossed the new Tallow bridge for the first time on Thursday after it was opened by the transport minister.\n\nThe bridge cost $300 million.' },
    ],
    conflicts: [{ what: 'day the bridge opened', sides: [['A', 'Wednesday'], ['B', 'Thursday']] }],
    traps: [],
  },
  {
    id: 'time-clock',
    kind: 'date',
    articles: [
      { outlet: 'Quake Watch', published: '2026-11-03', text: 'The earthquake struck at 5:42 a.m. local time, the seismology centre said.\n\nMany people were still asleep.' },
      { outlet: 'Highland Post', published: '2026-11-03', text: 'The quake hit at 6:15 a.m., when most residents were asleep, the seismology centre said.\n\nAftershocks continued through the morning.' },
    ],
    conflicts: [{ what: 'time of the quake', sides: [['A', '5:42'], ['B', '6:15']] }],
    traps: [],
  },
  {
    id: 'date-announced-vs-happened',
    kind: 'date',
    articles: [
      { outlet: 'Court News', published: '2026-05-22', text: 'Police announced on Thursday that they had arrested a suspect in the killing of the journalist Anna Velk.\n\nThe arrest took place on Monday in the port of Soren.' },
      { outlet: 'Daily Sentinel', published: '2026-05-22', text: 'A suspect in the murder of journalist Anna Velk was arrested on Monday in Soren, police said on Thursday.\n\nVelk was shot outside her home in April.' },
    ],
    conflicts: [],
    traps: [{ what: 'announcement day vs arrest day', sides: [['A', 'Thursday'], ['B', 'Monday']] }],
  },
  {
    id: 'place-crash-town',
    kind: 'place',
    articles: [
      { outlet: 'Air Safety News', published: '2026-07-06', text: 'A cargo plane crashed shortly after take-off near the town of Brisby on Sunday, killing its three crew.\n\nThe aircraft was bound for the capital.' },
      { outlet: 'Valley Courier', published: '2026-07-06', text: 'A cargo plane went down near the village of Oldmere on Sunday, killing all three crew members.\n\nThe plane had just left the regional airport.' },
    ],
    conflicts: [{ what: 'place of the crash', sides: [['A', 'Brisby'], ['B', 'Oldmere']] }],
    traps: [],
  },
  {
    id: 'place-two-ways',
    kind: 'place',
    articles: [
      { outlet: 'Metro Standard', published: '2026-02-19', text: 'A fire broke out in a high-rise apartment block on Kettle Street in Dunmore on Wednesday night.\n\nResidents were evacuated.' },
      { outlet: 'Evening Chronicle', published: '2026-02-19', text: 'Firefighters battled a blaze in a tower block in the Dunmore district on Wednesday night.\n\nAll residents got out safely.' },
    ],
    conflicts: [],
    traps: [{ what: 'a street inside the district', sides: [['A', 'Kettle Street'], ['B', 'Dunmore']] }],
  },
  {
    id: 'place-summit-city',
    kind: 'place',
    articles: [
      { outlet: 'World Desk', published: '2026-10-02', text: 'The leaders of Ardland and Corvia met in the city of Halvard on Thursday to discuss a border dispute.\n\nThey agreed to set up a joint commission.' },
      { outlet: 'Capital Times', published: '2026-10-02', text: 'Ardland\'s president and Corvia\'s prime minister held talks in Pellam on Thursday over the disputed border.\n\nThe two sides agreed on a joint commission.' },
    ],
    conflicts: [{ what: 'place of the talks', sides: [['A', 'Halvard'], ['B', 'Pellam']] }],
    traps: [],
  },
  {
    id: 'actor-claimed',
    kind: 'actor',
    articles: [
      { outlet: 'Frontier Report', published: '2026-04-10', text: 'The militant group Red Dawn claimed responsibility for the checkpoint bombing in Haldor on Thursday.\n\nThe group posted a statement online.' },
      { outlet: 'World Desk', published: '2026-04-10', text: 'A group calling itself the Northern Brigade said on Thursday it carried out the bombing at a Haldor checkpoint.\n\nAuthorities have not verified the claim.' },
    ],
    conflicts: [{ what: 'who claimed the bombing', sides: [['A', 'Red Dawn'], ['B', 'Northern Brigade']] }],
    traps: [],
  },
  {
    id: 'actor-winner',
    kind: 'actor',
    articles: [
      { outlet: 'Arts Weekly', published: '2026-06-07', text: 'The novelist Kaspar Lind won the Halden Prize for fiction on Saturday for his novel The Salt Road.\n\nThe prize is worth $50,000.' },
      { outlet: 'Book Review Daily', published: '2026-06-07', text: 'The Halden Prize for fiction went to Mira Solberg on Saturday for her debut novel.\n\nThe jury praised its restraint.' },
    ],
    conflicts: [{ what: 'winner of the prize', sides: [['A', 'Kaspar Lind'], ['B', 'Mira Solberg']] }],
    traps: [],
  },
  {
    id: 'actor-appointed',
    kind: 'actor',
    articles: [
      { outlet: 'Sport Daily', published: '2026-01-08', text: 'Garrowby United appointed Ivo Renner as head coach on Wednesday, the club said.\n\nHe signed a two-year contract.' },
      { outlet: 'Metro Standard', published: '2026-01-08', text: 'Garrowby United named Stefan Kolar as their new head coach on Wednesday.\n\nKolar previously managed clubs abroad.' },
    ],
    conflicts: [{ what: 'new coach', sides: [['A', 'Ivo Renner'], ['B', 'Stefan Kolar']] }],
    traps: [],
  },
];
