import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportedSpeech, speakerInSight } from '../../src/compare/brief.js';
import { crossCheckStory, renderCrossCheckHtml, renderCrossCheckMarkdown } from '../../src/compare/index.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { crossCheckTexts, inventedArticle, publishedAt } from './story.js';

// Invented wording (no seed or fixture names): four outlets tell one warehouse fire; one of them
// names another hospital, one gives another time of day.
const PUBLISHED = publishedAt('2019-03-09T12:00:00Z');
const story = (texts: string[]) => crossCheckTexts(texts, PUBLISHED);
// Each outlet's own closing paragraph (no reported speech, which the dispatch test leaves out): identical
// texts are one dispatch, one source (src/stories/dispatch.ts).
const OWN_REPORTING = [
  'A bakery across the canal stayed open through the night to give tea and blankets to the families moved out of the terraced houses on Mill Lane.',
  'The building passed an inspection in the autumn, and its owners will pay the wages of the forty staff for a month while the yard is cleared.',
  'Residents of the nearby estate kept their windows shut overnight while a chemist from the council tested the air for fumes from the burning varnish.',
  'The only other sawmill in town lost its roof in a storm two winters ago, and both firms will apply to the regional fund for a grant to rebuild.',
];
const citedArticles = (line: { citations: { articleId: string }[] }) => [...new Set(line.citations.map((e) => e.articleId))].sort();

describe('the brief cites only what states the line', () => {
  const x = story([
    'A fire destroyed a timber warehouse in Eastmere on Friday night.\n\nThe night watchman was pronounced dead at Eastmere General Hospital.\n\nMore than 40 firefighters fought the blaze, which broke out at about 9 p.m.',
    'A fire destroyed a timber warehouse in Eastmere on Friday night.\n\nThe night watchman was pronounced dead at Eastmere General Hospital.\n\nMore than 40 firefighters fought the blaze, which broke out at about 9 p.m.',
    'A fire gutted a timber warehouse in Eastmere on Friday night.\n\nThe watchman was pronounced dead at Saint Oswin Hospital.\n\nMore than 40 firefighters fought the blaze, which broke out at about 11 p.m.',
    'A blaze destroyed a timber warehouse in Eastmere on Friday night.\n\nThe night watchman was pronounced dead at Eastmere General Hospital.\n\nMore than 40 firefighters fought the blaze.',
  ].map((t, i) => `${t}\n\n${OWN_REPORTING[i]}`));
  const line = (re: RegExp) => x.brief.find((b) => b.kind === 'fact' && re.test(b.text));

  it('starts with the claim the most sources make in their leads', () => {
    assert.match(x.brief[0].text, /warehouse/);
  });
  it('never cites an article that names another place for the line', () => {
    const dead = line(/pronounced dead/);
    assert.ok(dead, JSON.stringify(x.brief.map((b) => b.text)));
    assert.match(dead.text, /Eastmere General/);
    assert.deepEqual(citedArticles(dead), [x.sources[0].articleId, x.sources[1].articleId, x.sources[3].articleId].sort());
  });
  it('marks every line established, disputed or single-source, in report.json, report.md and report.html', () => {
    for (const b of x.brief) {
      if (b.kind === 'conflict') assert.equal(b.standing, 'disputed', b.text);
      else if (b.kind === 'note') assert.equal(b.standing, 'single-source', b.text);
      // (a quote carried by one independent source, copies of one wire, is single-source)
      else if (b.kind === 'quote') assert.ok(b.standing === 'established' || b.standing === 'single-source', b.text);
      else assert.ok(b.standing === 'established' || b.standing === 'disputed', b.text);
    }
    assert.equal(x.brief[0].standing, 'established', x.brief[0].text);
    // a conflict's line is disputed
    const lead = 'Tens of thousands of workers marched through the capital on Wednesday in a general strike against the new budget.\n\n';
    const strike = story([lead + 'Police said 12 people were injured in the clashes that followed the march.', lead + 'Police said 18 people had been injured in the clashes that followed the march.']);
    const conflict = strike.brief.find((b) => b.kind === 'conflict');
    assert.equal(conflict?.standing, 'disputed', JSON.stringify(strike.brief.map((b) => [b.standing, b.text])));
    const md = renderCrossCheckMarkdown(x, []);
    for (const b of x.brief) assert.ok(md.includes(`_${b.standing === 'single-source' ? 'single source' : b.standing}:_`), md);
    const html = renderCrossCheckHtml(x, []);
    assert.match(html, /<li class="tg-brief-fact tg-established"><span class="tg-standing">established<\/span>/);
  });
  it('never cites an article for a time it does not give', () => {
    const fought = line(/firefighters/);
    assert.ok(fought, JSON.stringify(x.brief.map((b) => b.text)));
    const sources = new Map(x.sources.map((s) => [s.articleId, s.outlet]));
    const cited = citedArticles(fought).map((id) => sources.get(id));
    if (/9 p\.m\./.test(fought.text)) assert.deepEqual(cited.sort(), ['Outlet a0', 'Outlet a1']);
    else assert.ok(!/p\.m\./.test(fought.text) && cited.length === 4, fought.text);
  });
});

describe('the brief cites an article only when it writes the line\'s values as the line does', () => {
  // Invented wording: three outlets tell one jailbreak; one gives the day as a date, not a weekday,
  // and one gives no count where the others write one in words before a designation (which the figure reader does not take as a count).
  const lead = (day: string) => `Two inmates escaped from the county jail in Northvale ${day} after overpowering a guard during a transfer.`;
  const x = story([
    `${lead('on Monday')}\n\nDeputies recovered seven M-16 rifles and a shotgun from the escape vehicle.`,
    `${lead('on Monday')}\n\nDeputies recovered seven M-16 rifles and a shotgun from the escape vehicle.`,
    `${lead('on March 4')}\n\nDeputies recovered M-16 rifles and a shotgun from the escape vehicle.`,
    `${lead('on Monday')}\n\nDeputies recovered seven M-16 rifles and a shotgun from the escape vehicle.`,
  ].map((t, i) => `${t}\n\n${OWN_REPORTING[i]}`));
  it('a weekday is not shown by a date, even the same day', () => {
    const escaped = x.brief.find((b) => b.kind === 'fact' && /escaped/.test(b.text));
    assert.ok(escaped, JSON.stringify(x.brief.map((b) => b.text)));
    assert.match(escaped.text, /Monday/);
    assert.deepEqual(citedArticles(escaped), [x.sources[0].articleId, x.sources[1].articleId, x.sources[3].articleId].sort());
  });
  it('a number written in words is a value the cited sentence must give', () => {
    const rifles = x.brief.find((b) => /rifles/.test(b.text));
    assert.ok(rifles, JSON.stringify(x.brief.map((b) => b.text)));
    // stated with the count by the three that give it, or without it by all four
    if (/seven/.test(rifles.text)) assert.ok(!citedArticles(rifles).includes(x.sources[2].articleId), JSON.stringify(rifles));
    else assert.equal(citedArticles(rifles).length, 4, JSON.stringify(rifles));
  });
});

describe('the brief cites quoted words only by sentences that quote', () => {
  // Invented wording: two outlets quote the mayor, a third tells what she said in its own words.
  const lead = 'Storms flooded the old town of Westhaven on Sunday.\n\n';
  const x = story([
    `${lead}"We will rebuild the harbour wall before the winter storms return," Mayor Jane Roe told reporters on Monday.`,
    `${lead}"We will rebuild the harbour wall before the winter storms return," Mayor Jane Roe told reporters on Monday.`,
    `${lead}The council will rebuild the harbour wall before the winter storms return, Mayor Jane Roe told reporters on Monday.`,
  ]);
  it('a line of quoted words is not cited by an outlet that quotes no one', () => {
    const wall = x.brief.find((b) => b.kind === 'fact' && /harbour wall/.test(b.text));
    assert.ok(wall, JSON.stringify(x.brief.map((b) => b.text)));
    if (/^"/.test(wall.text)) assert.deepEqual(citedArticles(wall), [x.sources[0].articleId, x.sources[1].articleId].sort());
    else assert.ok(!citedArticles(wall).includes(x.sources[0].articleId), JSON.stringify(wall));
  });
});

describe('a conflict line names every value it cites', () => {
  // Invented wording: four outlets time one meeting; three write one length two ways ("five and a
  // half hours", "330 minutes"), which are one side of the conflict.
  const lead = 'The two foreign ministers met in Northvale on Tuesday to discuss the border dispute.\n\n';
  const x = story([
    `${lead}The talks lasted five and a half hours, officials said.`,
    `${lead}The talks lasted five and a half hours, officials said.`,
    `${lead}The talks lasted 330 minutes, officials said.`,
    `${lead}The talks lasted nine hours, officials said.`,
  ]);
  it('each way a side writes its value is named, with the outlets that write it', () => {
    const line = x.brief.find((b) => b.kind === 'conflict');
    assert.ok(line, JSON.stringify(x.brief.map((b) => b.text)));
    assert.match(line.text, /“five and a half hours” \(Outlet a0, Outlet a1\), “330 minutes” \(Outlet a2\) vs “nine hours” \(Outlet a3\)/);
    assert.deepEqual(citedArticles(line), x.sources.map((s) => s.articleId).sort());
  });
});

describe('the quote line gives only what reads as someone speaking', () => {
  // Invented wording: outlets carry an appeal ("is asked to call", no one speaking) and a
  // spokeswoman's words in reported speech, and a book's title in quotation marks.
  const lead = 'A lorry overturned on the ring road in Eastmere on Monday, closing two lanes.\n\n';
  const texts = [
    `${lead}Anyone with information is asked to call police on 0800 555 0101.\n\nSpokeswoman Jane Roe said the lanes would reopen by Tuesday morning.`,
    `${lead}Anyone with information is asked to call police on 0800 555 0101.\n\nThe driver, Carl Poe, wrote about the road in his memoir, "The Long Road Home: Forty Years Behind The Wheel".`,
  ];
  const articles = texts.map((t, i) => inventedArticle(`a${i}`, t, PUBLISHED));
  const x = crossCheckStory({ storyId: 's', articles, copies: [] });
  const speech = reportedSpeech(prepareStory({ articles, copies: [] }));
  const wording = (name: RegExp) => x.quoteLedger.find((l) => name.test(l.name))?.statements[0]?.wordings[0];
  it('reported speech is a clause with its own subject, not what "is asked to" governs', () => {
    // the ledger itself leaves the appeal out (quotes.ts isStatement); the brief's check would too
    const appeal = wording(/^Anyone/);
    const roe = wording(/Roe/);
    assert.ok(roe, JSON.stringify(x.quoteLedger.map((l) => l.name)));
    assert.equal(appeal, undefined, appeal?.text);
    assert.equal(speech(roe), true, roe.text);
  });
  it('a title in quotation marks is not speech', () => {
    // (the ledger itself leaves out a title and its subtitle, quotes.ts looksLikeTitle; the brief's check would too)
    const title = x.quoteLedger.flatMap((l) => l.statements.flatMap((s) => s.wordings)).find((w) => /Long Road Home/.test(w.text));
    assert.equal(title, undefined, title?.text);
    assert.equal(speech({ ...x.quoteLedger[0].statements[0].wordings[0], kind: 'partial', text: 'The Long Road Home: Forty Years Behind The Wheel' }), false);
  });
});

describe('a quote is cited as its speaker\'s only where the reader sees the speaker named', () => {
  // Invented wording: "Const." ends a sentence for the splitter, so the quotation before it is attributed from the paragraph above.
  const text = [
    'A gas explosion wrecked a bakery in Westbrook on Friday evening.',
    'Westbrook police spokesman Constable Jo Marsh said the blast was heard across the town.',
    'Firefighters searched the ruins through the night.',
    '"The blast was terrible but everyone in the building got out safely," Const. Marsh said.',
    '"We will keep the street closed until Monday," Marsh said.',
  ].join('\n\n');
  const view = prepareStory({ articles: [inventedArticle('a0', text, PUBLISHED)], copies: [] });
  const seen = speakerInSight(view);
  const quoteOf = (words: string) => view.articles[0].quotes.find((q) => text.slice(q.quote.span.start, q.quote.span.end).startsWith(words))!;
  const inSight = (words: string) => {
    const q = quoteOf(words);
    assert.ok(q, words);
    return seen({ articleId: 'a0', span: q.quote.span, sentence: q.sent.span });
  };
  it('in the cited sentence', () => {
    assert.ok(inSight('the blast was heard'));
    assert.ok(inSight('We will keep'));
  });
  it('not from paragraphs before the cited sentence', () => {
    assert.ok(!inSight('The blast was terrible'));
  });
});

describe('the brief cites a time of day only where it is written with the line\'s digits', () => {
  const lead = 'A gunman held staff hostage at a print shop in Northvale on Friday.\n\n';
  const x = story([
    `${lead}The man gave himself up to police just after 6:00 p.m., a police spokesman said.`,
    `${lead}The man gave himself up to police just after 6:00 p.m., a police spokesman said.`,
    `${lead}The man gave himself up to police just after 6 p.m., a police spokesman said.`,
    `${lead}The man gave himself up to police just after 6:00 p.m., a police spokesman said.`,
  ]);
  it('"6 p.m." does not show a line that writes "6:00 p.m."', () => {
    const gave = x.brief.find((b) => /gave himself up/.test(b.text));
    assert.ok(gave, JSON.stringify(x.brief.map((b) => b.text)));
    assert.match(gave.text, /6:00 p\.m\./);
    assert.deepEqual(citedArticles(gave), [x.sources[0].articleId, x.sources[1].articleId, x.sources[3].articleId].sort());
  });
});
