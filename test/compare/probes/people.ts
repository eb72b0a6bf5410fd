/** Probes on counts of people and things, and ages: invented stories, invented outlets (see types.ts). */
import type { Probe } from './types.js';

export const PEOPLE_PROBES: Probe[] = [
  {
    id: 'count-arrested',
    kind: 'count',
    articles: [
      { outlet: 'Metro Standard', published: '2026-05-04', text: 'Police arrested 14 people after a football match in Garrowby turned violent on Sunday.\n\nShops near the stadium were looted.' },
      { outlet: 'Sport Daily', published: '2026-05-04', text: 'Twenty-two fans were detained by police after violence broke out following the match in Garrowby on Sunday, a police spokesman said.\n\nSeveral shop windows were smashed.' },
    ],
    conflicts: [{ what: 'people arrested', sides: [['A', '14'], ['B', 'Twenty-two']] }],
    traps: [],
  },
  {
    id: 'count-missing',
    kind: 'count',
    articles: [
      { outlet: 'Coastline Post', published: '2026-05-12', text: 'Eleven people remain missing after a fishing boat sank off the coast of Karsk on Monday, the navy said.\n\nEight crew members were rescued.' },
      { outlet: 'Bay Wire', published: '2026-05-12', text: 'The navy said 7 people were still missing after the fishing boat went down off Karsk.\n\nEight others were rescued by a passing freighter.' },
    ],
    conflicts: [{ what: 'people missing', sides: [['A', 'Eleven'], ['B', '7']] }],
    traps: [{ what: 'rescued vs missing', sides: [['A', 'Eight'], ['B', '7']] }],
  },
  {
    id: 'count-evacuated',
    kind: 'count',
    articles: [
      { outlet: 'Plains Observer', published: '2026-08-09', text: 'About 3,000 residents were evacuated as a wildfire spread toward the town of Marlow Creek on Saturday, fire officials said.\n\nThe fire has burned 4,500 hectares.' },
      { outlet: 'Riverside Daily', published: '2026-08-09', text: 'Authorities ordered 8,000 people to leave their homes as a wildfire approached Marlow Creek on Saturday.\n\nThe blaze has scorched 4,500 hectares of forest.' },
    ],
    conflicts: [{ what: 'people evacuated', sides: [['A', '3,000'], ['B', '8,000']] }],
    traps: [],
  },
  {
    id: 'count-area-burned',
    kind: 'count',
    articles: [
      { outlet: 'Plains Observer', published: '2026-08-10', text: 'The wildfire near Marlow Creek has burned 6,000 hectares, fire officials said on Sunday.\n\nMore than 400 firefighters are battling the flames.' },
      { outlet: 'Forest Watch', published: '2026-08-10', text: 'Fire officials said the blaze near Marlow Creek had destroyed 9,500 hectares by Sunday.\n\nAbout 400 firefighters were deployed.' },
    ],
    conflicts: [{ what: 'area burned', sides: [['A', '6,000'], ['B', '9,500']] }],
    traps: [{ what: 'more than 400 vs about 400', sides: [['A', '400'], ['B', '400']] }],
  },
  {
    id: 'count-homes-destroyed',
    kind: 'count',
    articles: [
      { outlet: 'Gulf Reporter', published: '2026-09-03', text: 'Storm Idrena destroyed 1,200 homes on the island of Calva, the housing ministry said on Tuesday.\n\nA further 5,000 homes were damaged.' },
      { outlet: 'Island Voice', published: '2026-09-03', text: 'The housing ministry said 700 homes had been destroyed by Storm Idrena on Calva.\n\nAid flights began arriving on Tuesday.' },
    ],
    conflicts: [{ what: 'homes destroyed', sides: [['A', '1,200'], ['B', '700']] }],
    traps: [{ what: 'damaged vs destroyed', sides: [['A', '5,000'], ['B', '700']] }],
  },
  {
    id: 'count-hostages',
    kind: 'count',
    articles: [
      { outlet: 'Frontier Report', published: '2026-06-25', text: 'Gunmen seized 43 passengers from a bus on the highway north of Zarin on Wednesday, a local official said.\n\nThe army has launched a search.' },
      { outlet: 'World Desk', published: '2026-06-25', text: 'Armed men abducted 30 bus passengers on a highway north of Zarin on Wednesday, officials said.\n\nSoldiers were searching the nearby hills.' },
    ],
    conflicts: [{ what: 'passengers abducted', sides: [['A', '43'], ['B', '30']] }],
    traps: [],
  },
  {
    id: 'count-jobs',
    kind: 'count',
    articles: [
      { outlet: 'Market Journal', published: '2026-02-11', text: 'The carmaker Velt Motors will cut 2,500 jobs at its plant in Hollis, the company said on Wednesday.\n\nThe plant employs 9,000 people.' },
      { outlet: 'Labour Weekly', published: '2026-02-11', text: 'Velt Motors announced on Wednesday that it would eliminate 4,000 positions at its Hollis factory.\n\nUnions called the decision a betrayal.' },
    ],
    conflicts: [{ what: 'jobs cut', sides: [['A', '2,500'], ['B', '4,000']] }],
    traps: [{ what: 'workforce vs cut', sides: [['A', '9,000'], ['B', '4,000']] }],
  },
  {
    id: 'count-votes-percent',
    kind: 'count',
    articles: [
      { outlet: 'Capital Times', published: '2026-11-09', text: 'Mayor Dana Korvel won re-election in Hallam on Sunday with 54 percent of the vote, official results showed.\n\nTurnout was 61 percent.' },
      { outlet: 'Town Crier', published: '2026-11-09', text: 'Dana Korvel was re-elected mayor of Hallam on Sunday, taking 58 percent of the vote.\n\nHer challenger conceded before midnight.' },
    ],
    conflicts: [{ what: 'vote share', sides: [['A', '54 percent'], ['B', '58 percent']] }],
    traps: [{ what: 'turnout vs share', sides: [['A', '61'], ['B', '58']] }],
  },
  {
    id: 'age-apposition',
    kind: 'age',
    articles: [
      { outlet: 'Court News', published: '2026-03-03', text: 'Marten Holloway, 42, was charged on Monday with setting fire to a warehouse in Grindley.\n\nHe is due in court next week.' },
      { outlet: 'Daily Sentinel', published: '2026-03-03', text: 'Police charged 45-year-old Marten Holloway on Monday over a warehouse fire in Grindley.\n\nThe warehouse was empty at the time.' },
    ],
    conflicts: [{ what: 'age of the accused', sides: [['A', '42'], ['B', '45']] }],
    traps: [],
  },
  {
    id: 'age-aged',
    kind: 'age',
    articles: [
      { outlet: 'Mountain Herald', published: '2026-01-30', text: 'A climber, aged 27, died after falling on the north face of Mount Carrow on Thursday, rescue services said.\n\nHis partner was unhurt.' },
      { outlet: 'Outdoor Times', published: '2026-01-30', text: 'A 23-year-old climber fell to his death on Mount Carrow\'s north face on Thursday.\n\nHis climbing partner raised the alarm.' },
    ],
    conflicts: [{ what: 'age of the climber', sides: [['A', '27'], ['B', '23']] }],
    traps: [],
  },
  {
    id: 'age-two-people',
    kind: 'age',
    articles: [
      { outlet: 'Town Crier', published: '2026-07-19', text: 'Ruth Adeyemi, 68, and her grandson Tomas, 9, were rescued from the roof of their flooded home in Selby Marsh on Saturday.\n\nTheir house was surrounded by water.' },
      { outlet: 'Riverside Daily', published: '2026-07-19', text: 'Rescuers lifted Ruth Adeyemi, 68, and her nine-year-old grandson from their roof in Selby Marsh on Saturday.\n\nThe river peaked on Friday night.' },
    ],
    conflicts: [],
    traps: [{ what: 'grandmother vs grandson', sides: [['A', '9'], ['B', '68']] }, { what: 'grandmother vs grandson', sides: [['A', '68'], ['B', 'nine']] }],
  },
  {
    id: 'age-victim',
    kind: 'age',
    articles: [
      { outlet: 'Metro Standard', published: '2026-10-21', text: 'A 16-year-old boy was stabbed to death outside a school in the Farrow district on Tuesday, police said.\n\nTwo teenagers have been arrested.' },
      { outlet: 'Evening Chronicle', published: '2026-10-21', text: 'The boy who was killed outside a Farrow school on Tuesday was 15, police said.\n\nTwo other teenagers were arrested near the scene.' },
    ],
    conflicts: [{ what: 'age of the victim', sides: [['A', '16'], ['B', '15']] }],
    traps: [],
  },
  {
    id: 'age-ceo',
    kind: 'age',
    articles: [
      { outlet: 'Finance Today', published: '2026-06-01', text: 'Helena Brask, the 59-year-old chief executive of the bank Norvik Trust, will step down at the end of the year, the bank said.\n\nShe has led the bank since 2017.' },
      { outlet: 'Market Journal', published: '2026-06-01', text: 'Norvik Trust said on Monday that its chief executive, Helena Brask, 61, would retire in December.\n\nA successor has not been named.' },
    ],
    conflicts: [{ what: 'age of the chief executive', sides: [['A', '59'], ['B', '61']] }],
    traps: [],
  },
];
