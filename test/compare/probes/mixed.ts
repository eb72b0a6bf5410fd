/** More probes, mixed kinds and wordings, and stories where a careful reader finds nothing: invented (see types.ts). */
import type { Probe } from './types.js';

export const MIXED_PROBES: Probe[] = [
  {
    id: 'toll-stands-at',
    kind: 'toll',
    articles: [
      { outlet: 'World Desk', published: '2026-03-22', text: 'The death toll from the collapse of a five-storey building in the city of Amrath stands at 38, the fire brigade said on Sunday.\n\nRescuers are still searching the rubble.' },
      { outlet: 'Capital Times', published: '2026-03-22', text: 'At least 45 people were killed when a five-storey residential building collapsed in Amrath, the fire brigade said on Sunday.\n\nThe building had been declared unsafe in 2023.' },
    ],
    conflicts: [{ what: 'building collapse toll', sides: [['A', '38'], ['B', '45']] }],
    traps: [],
  },
  {
    id: 'toll-dead-noun',
    kind: 'toll',
    articles: [
      { outlet: 'Gulf Reporter', published: '2026-06-30', text: 'Heavy monsoon rains have left 64 dead in the state of Varesh, disaster officials said on Tuesday.\n\nRoads and bridges were washed away.' },
      { outlet: 'Plains Observer', published: '2026-06-30', text: 'Monsoon rains in Varesh state have killed 52 people, disaster officials said on Tuesday.\n\nThe army has been called in to help.' },
    ],
    conflicts: [{ what: 'monsoon deaths', sides: [['A', '64'], ['B', '52']] }],
    traps: [],
  },
  {
    id: 'toll-agree-words',
    kind: 'none',
    articles: [
      { outlet: 'Metro Standard', published: '2026-12-04', text: 'Five people were killed when a gas explosion destroyed a house in the suburb of Wrenfield on Thursday, police said.\n\nNeighbours reported a smell of gas the day before.' },
      { outlet: 'Town Crier', published: '2026-12-04', text: 'A gas explosion in Wrenfield on Thursday killed 5 people, according to police.\n\nTwo neighbouring houses were damaged.' },
      { outlet: 'Evening Chronicle', published: '2026-12-04', text: 'The blast in Wrenfield claimed five lives, police said on Thursday.\n\nThe gas company has sent engineers.' },
    ],
    conflicts: [],
    traps: [],
  },
  {
    id: 'toll-two-events',
    kind: 'none',
    articles: [
      { outlet: 'Frontier Report', published: '2026-07-15', text: 'Two roadside bombs exploded in the province of Karth on Monday.\n\nThe first, near the town of Issa, killed four soldiers.\n\nThe second, outside the provincial capital, killed nine civilians.' },
      { outlet: 'World Desk', published: '2026-07-15', text: 'Nine civilians were killed by a roadside bomb outside the capital of Karth province on Monday, officials said.\n\nHours earlier, four soldiers died in a separate blast near Issa.' },
    ],
    conflicts: [],
    traps: [{ what: 'two bombs, two tolls', sides: [['A', 'four'], ['B', 'Nine']] }, { what: 'two bombs', sides: [['A', 'nine'], ['B', 'four']] }],
  },
  {
    id: 'injured-left',
    kind: 'injured',
    articles: [
      { outlet: 'Rail & Road', published: '2026-02-02', text: 'A tram derailed in the centre of Lisk on Monday morning, leaving 19 people injured, the city said.\n\nThe line will stay closed for two days.' },
      { outlet: 'Metro Standard', published: '2026-02-02', text: 'Twenty-six passengers were injured when a tram came off the rails in central Lisk on Monday.\n\nThe city opened an inquiry.' },
    ],
    conflicts: [{ what: 'tram injured', sides: [['A', '19'], ['B', 'Twenty-six']] }],
    traps: [],
  },
  {
    id: 'mag-plain-number',
    kind: 'magnitude',
    articles: [
      { outlet: 'Pacific Wire', published: '2026-10-11', text: 'A magnitude 5.3 earthquake rattled the coastal city of Merrow on Saturday.\n\nThe quake was shallow, at a depth of 10 km.' },
      { outlet: 'Coastline Post', published: '2026-10-11', text: 'The earthquake that shook Merrow on Saturday had a magnitude of 4.9, the survey said.\n\nIt struck at a depth of 10 kilometres.' },
    ],
    conflicts: [{ what: 'magnitude', sides: [['A', '5.3'], ['B', '4.9']] }],
    traps: [],
  },
  {
    id: 'mag-depth',
    kind: 'distance',
    articles: [
      { outlet: 'Quake Watch', published: '2026-12-06', text: 'The magnitude 6.0 earthquake near Isfell struck at a depth of 12 km, the survey said on Sunday.\n\nIt was felt across the region.' },
      { outlet: 'Highland Post', published: '2026-12-06', text: 'The 6.0-magnitude quake near Isfell on Sunday was centred 35 km below the surface, according to the survey.\n\nWindows shattered in the town centre.' },
    ],
    conflicts: [{ what: 'depth', sides: [['A', '12 km'], ['B', '35 km']] }],
    traps: [],
  },
  {
    id: 'money-salary-percent',
    kind: 'money',
    articles: [
      { outlet: 'Labour Weekly', published: '2026-04-29', text: 'Nurses in Ardland will receive a pay rise of 7 percent under a deal signed on Tuesday, the health ministry said.\n\nThe deal ends a two-month dispute.' },
      { outlet: 'Capital Times', published: '2026-04-29', text: 'The health ministry agreed on Tuesday to raise nurses\' pay by 4.5 percent, ending a two-month dispute.\n\nUnions had demanded 10 percent.' },
    ],
    conflicts: [{ what: 'pay rise', sides: [['A', '7 percent'], ['B', '4.5 percent']] }],
    traps: [{ what: 'demand vs deal', sides: [['A', '7 percent'], ['B', '10 percent']] }],
  },
  {
    id: 'money-agree-forms',
    kind: 'none',
    articles: [
      { outlet: 'Market Journal', published: '2026-08-18', text: 'The airline Skyra agreed to buy 40 aircraft for $3.2 billion on Monday.\n\nDeliveries begin in 2028.' },
      { outlet: 'Finance Today', published: '2026-08-18', text: 'Skyra placed an order for 40 jets worth 3.2 billion dollars on Monday, the airline said.\n\nThe first planes arrive in 2028.' },
    ],
    conflicts: [],
    traps: [],
  },
  {
    id: 'money-price-per-share',
    kind: 'money',
    articles: [
      { outlet: 'Market Journal', published: '2026-11-17', text: 'The chipmaker Orlen Semiconductor offered $48 a share for its rival Tessel Labs on Monday.\n\nTessel\'s board is reviewing the offer.' },
      { outlet: 'Finance Today', published: '2026-11-17', text: 'Orlen Semiconductor made a bid of $52 per share for Tessel Labs on Monday.\n\nTessel shares jumped 20 percent.' },
    ],
    conflicts: [{ what: 'offer per share', sides: [['A', '48'], ['B', '52']] }],
    traps: [],
  },
  {
    id: 'count-vehicles',
    kind: 'count',
    articles: [
      { outlet: 'Rail & Road', published: '2026-01-12', text: 'A pile-up involving 35 vehicles closed the motorway near Brennick for six hours on Sunday after thick fog.\n\nTwo people were killed.' },
      { outlet: 'Valley Courier', published: '2026-01-12', text: 'More than 50 cars were involved in a crash in thick fog on the motorway near Brennick on Sunday.\n\nTwo people died.' },
    ],
    conflicts: [{ what: 'vehicles in the pile-up', sides: [['A', '35'], ['B', '50']] }],
    traps: [],
  },
  {
    id: 'count-refugees-evolving',
    kind: 'none',
    articles: [
      { outlet: 'World Desk', published: '2026-03-01', text: 'About 20,000 people have fled across the border into Corvia since the fighting began, the refugee agency said on Sunday.\n\nMost are women and children.' },
      { outlet: 'Aid Bulletin', published: '2026-03-04', text: 'The number of people who have fled into Corvia has risen to 45,000, the refugee agency said on Wednesday.\n\nCamps are overcrowded.' },
    ],
    conflicts: [],
    traps: [{ what: 'refugee count grows', sides: [['A', '20,000'], ['B', '45,000']] }],
  },
  {
    id: 'count-students',
    kind: 'count',
    articles: [
      { outlet: 'Frontier Report', published: '2026-02-15', text: 'Gunmen kidnapped 87 students from a boarding school in the village of Tamba on Saturday, a school official said.\n\nSecurity forces are pursuing the attackers.' },
      { outlet: 'World Desk', published: '2026-02-15', text: 'More than 120 pupils were abducted from a school in Tamba on Saturday, parents said.\n\nThe school has 400 students.' },
    ],
    conflicts: [{ what: 'students kidnapped', sides: [['A', '87'], ['B', '120']] }],
    traps: [{ what: 'school size vs kidnapped', sides: [['A', '87'], ['B', '400']] }],
  },
  {
    id: 'age-who-is',
    kind: 'age',
    articles: [
      { outlet: 'Sport Daily', published: '2026-05-30', text: 'Runner Abel Marsh, who is 34, won the Kestrava marathon on Sunday in 2 hours 9 minutes.\n\nIt was his third victory in the race.' },
      { outlet: 'Metro Standard', published: '2026-05-30', text: 'The 36-year-old Abel Marsh won the Kestrava marathon on Sunday, finishing in 2 hours 9 minutes.\n\nHe had won the race twice before.' },
    ],
    conflicts: [{ what: 'age of the winner', sides: [['A', '34'], ['B', '36']] }],
    traps: [],
  },
  {
    id: 'age-agree',
    kind: 'none',
    articles: [
      { outlet: 'Court News', published: '2026-09-09', text: 'Lorna Feld, 52, pleaded guilty on Tuesday to stealing money from a charity in Brisby.\n\nShe will be sentenced next month.' },
      { outlet: 'Town Crier', published: '2026-09-09', text: 'A 52-year-old woman, Lorna Feld, admitted on Tuesday to stealing from a Brisby charity.\n\nSentencing is set for October.' },
    ],
    conflicts: [],
    traps: [],
  },
  {
    id: 'duration-flight-delay',
    kind: 'duration',
    articles: [
      { outlet: 'Air Safety News', published: '2026-12-21', text: 'Passengers on a flight from Halvard to Pellam were stuck on the tarmac for four hours on Sunday after a technical fault.\n\nThe airline apologised.' },
      { outlet: 'Evening Chronicle', published: '2026-12-21', text: 'Travellers waited seven hours on the tarmac at Halvard airport on Sunday before their flight to Pellam was cancelled.\n\nThe airline blamed a technical fault.' },
    ],
    conflicts: [{ what: 'time on the tarmac', sides: [['A', 'four hours'], ['B', 'seven hours']] }],
    traps: [],
  },
  {
    id: 'duration-agree-units',
    kind: 'none',
    articles: [
      { outlet: 'Metro Standard', published: '2026-06-16', text: 'The power cut that hit the city of Lisk on Monday lasted 90 minutes, the grid operator said.\n\nTraffic lights went dark across the centre.' },
      { outlet: 'Town Crier', published: '2026-06-16', text: 'Lisk was without power for an hour and a half on Monday, the grid operator said.\n\nTrams stopped running.' },
    ],
    conflicts: [],
    traps: [{ what: '90 minutes is an hour and a half', sides: [['A', '90 minutes'], ['B', 'an hour and a half']] }],
  },
  {
    id: 'height-wave',
    kind: 'distance',
    articles: [
      { outlet: 'Coastline Post', published: '2026-04-03', text: 'Waves up to 3 metres high struck the harbour of Norrland Bay after the quake, the coastguard said.\n\nBoats were torn from their moorings.' },
      { outlet: 'Pacific Wire', published: '2026-04-03', text: 'A tsunami wave of 8 metres hit Norrland Bay harbour after the quake, the coastguard said.\n\nSeveral boats sank.' },
    ],
    conflicts: [{ what: 'wave height', sides: [['A', '3 metres'], ['B', '8 metres']] }],
    traps: [],
  },
  {
    id: 'speed-wind',
    kind: 'count',
    articles: [
      { outlet: 'Gulf Reporter', published: '2026-09-01', text: 'Storm Idrena made landfall on Calva with winds of 150 km/h on Sunday night, the weather service said.\n\nSchools were closed.' },
      { outlet: 'Island Voice', published: '2026-09-01', text: 'Winds of 210 km/h lashed Calva as Storm Idrena came ashore on Sunday night, the weather service said.\n\nPower lines were brought down.' },
    ],
    conflicts: [{ what: 'wind speed', sides: [['A', '150'], ['B', '210']] }],
    traps: [],
  },
  {
    id: 'temperature-record',
    kind: 'count',
    articles: [
      { outlet: 'Weather Today', published: '2026-07-24', text: 'Temperatures reached 44 degrees Celsius in the city of Amrath on Thursday, a national record, the weather service said.\n\nHospitals reported a rise in heatstroke cases.' },
      { outlet: 'Capital Times', published: '2026-07-24', text: 'Amrath recorded a temperature of 46 degrees Celsius on Thursday, the highest ever measured in the country.\n\nOfficials urged people to stay indoors.' },
    ],
    conflicts: [{ what: 'record temperature', sides: [['A', '44'], ['B', '46']] }],
    traps: [],
  },
  {
    id: 'none-different-numbers',
    kind: 'none',
    articles: [
      { outlet: 'Market Journal', published: '2026-10-27', text: 'The retailer Hollin Stores reported a profit of $120 million for the third quarter on Tuesday.\n\nSales rose 8 percent to $2.4 billion.' },
      { outlet: 'Finance Today', published: '2026-10-27', text: 'Hollin Stores said on Tuesday that third-quarter sales climbed to $2.4 billion.\n\nThe company will open 30 new stores next year.' },
    ],
    conflicts: [],
    traps: [{ what: 'profit vs sales', sides: [['A', '120'], ['B', '2.4']] }],
  },
  {
    id: 'none-ages-family',
    kind: 'none',
    articles: [
      { outlet: 'Metro Standard', published: '2026-11-24', text: 'A man and his two sons, aged 8 and 11, died in a house fire in Grindley on Sunday, fire officials said.\n\nThe father, Jonas Reyes, was 40.' },
      { outlet: 'Town Crier', published: '2026-11-24', text: 'Jonas Reyes, 40, and his sons, 11 and 8, were killed when fire swept through their home in Grindley on Sunday.\n\nThe mother survived.' },
    ],
    conflicts: [],
    traps: [{ what: 'son vs father', sides: [['A', '8'], ['B', '40']] }, { what: 'son vs son', sides: [['A', '11'], ['B', '8']] }],
  },
  {
    id: 'none-subset-police',
    kind: 'none',
    articles: [
      { outlet: 'Capital Times', published: '2026-08-30', text: 'Police arrested 60 people during protests in Ostrava Nova on Saturday, including 12 minors.\n\nThe protests were over fuel prices.' },
      { outlet: 'Street Journal', published: '2026-08-30', text: 'Sixty protesters were detained in Ostrava Nova on Saturday, police said.\n\nTwelve of them were under 18.' },
    ],
    conflicts: [],
    traps: [{ what: 'minors vs total', sides: [['A', '12'], ['B', 'Sixty']] }, { what: 'total vs minors', sides: [['A', '60'], ['B', 'Twelve']] }],
  },
  {
    id: 'none-rounded',
    kind: 'none',
    articles: [
      { outlet: 'Plains Observer', published: '2026-05-06', text: 'Nearly 10,000 people marched through the centre of Hallam on Saturday to protest against a new airport.\n\nThe march was peaceful.' },
      { outlet: 'Town Crier', published: '2026-05-06', text: 'Police estimated that 9,600 people joined the march in Hallam on Saturday.\n\nOrganisers said the airport would destroy wetlands.' },
    ],
    conflicts: [],
    traps: [{ what: 'nearly 10,000 vs 9,600', sides: [['A', '10,000'], ['B', '9,600']] }],
  },
  {
    id: 'none-quote-forecast',
    kind: 'none',
    articles: [
      { outlet: 'Weather Today', published: '2026-01-05', text: 'Heavy snow closed roads across the province of Dravos on Monday.\n\n"We could see up to 80 centimetres by Wednesday," the forecaster Lena Birk said.\n\nSnowfall reached 40 centimetres in the capital.' },
      { outlet: 'Highland Post', published: '2026-01-05', text: 'Forty centimetres of snow fell in the Dravos capital on Monday, closing roads.\n\nMore snow is expected.' },
    ],
    conflicts: [],
    traps: [{ what: 'forecast vs fallen', sides: [['A', '80'], ['B', 'Forty']] }],
  },
  {
    id: 'none-injured-and-dead',
    kind: 'none',
    articles: [
      { outlet: 'Valley Courier', published: '2026-10-18', text: 'A bus and a lorry collided on the road to Olvin on Saturday, killing 3 people and injuring 22, police said.\n\nThe lorry driver fled.' },
      { outlet: 'Northern Dispatch', published: '2026-10-18', text: 'Twenty-two people were injured and three killed when a lorry hit a bus near Olvin on Saturday.\n\nPolice are looking for the lorry driver.' },
    ],
    conflicts: [],
    traps: [{ what: 'injured vs killed', sides: [['A', '3'], ['B', 'Twenty-two']] }, { what: 'injured vs killed', sides: [['A', '22'], ['B', 'three']] }],
  },
  {
    id: 'none-year-built',
    kind: 'none',
    articles: [
      { outlet: 'Arts Weekly', published: '2026-03-29', text: 'Fire badly damaged the 400-year-old cathedral of Selby Marsh on Saturday.\n\nThe roof, rebuilt in 1890, collapsed.' },
      { outlet: 'Evening Chronicle', published: '2026-03-29', text: 'The cathedral of Selby Marsh, built in the 17th century, was badly damaged by fire on Saturday.\n\nIts roof caved in.' },
    ],
    conflicts: [],
    traps: [],
  },
  {
    id: 'count-flights-cancelled',
    kind: 'count',
    articles: [
      { outlet: 'Air Safety News', published: '2026-12-15', text: 'More than 300 flights were cancelled at Halvard airport on Tuesday because of snow.\n\nThousands of passengers spent the night in the terminal.' },
      { outlet: 'Metro Standard', published: '2026-12-15', text: 'Snow forced the cancellation of 140 flights at Halvard airport on Tuesday, the operator said.\n\nTravellers slept in the terminal.' },
    ],
    conflicts: [{ what: 'flights cancelled', sides: [['A', '300'], ['B', '140']] }],
    traps: [],
  },
];
