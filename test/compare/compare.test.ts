import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { Value } from '@sinclair/typebox/value';
import { analyseArticle } from '../../src/analyse/index.js';
import { extractArticle } from '../../src/extract/index.js';
import { readFile } from '../../src/ingest/index.js';
import { crossCheckStory, renderCrossCheckHtml, renderCrossCheckMarkdown } from '../../src/compare/index.js';
import { normalizeWord } from '../../src/compare/text.js';
import { resolveOneNameSlots } from '../../src/compare/person-keys.js';
import { StoryCrossCheckSchema } from '../../src/compare/types.js';
import type { AnnotatedArticle, Article } from '../../src/model/types.js';
import { bareArticle } from '../helpers.js';
import { withinCpu } from '../util/cpu-bound.js';

/** An article with the real analysis (the cross-check only reads annotations), or with `analyse` false, none at all. */
function art(docId: string, text: string, extra: Partial<Article> = {}, analyse = true): AnnotatedArticle {
  const article = bareArticle(docId, text, { outlet: `Outlet ${docId}`, ...extra });
  if (analyse) return analyseArticle(article);
  return { article, sentences: [], entities: [], entityIndex: [], quotes: [], times: [], quantities: [] };
}

// Sentences cut from the seed articles (../shared/seeds 000, 001, 003, 004).
const S001 =
  'Russian President Vladimir Putin and Chinese President Xi Jinping pledged Wednesday to deepen cooperation between their countries across military and diplomatic spheres.\n\n' +
  'During a three-and-a-half hour meeting, Putin expressed his willingness to make a formal visit to China and reaffirmed both nations’ commitment to expanding their strategic partnership.';
const S003 =
  'Russian President Vladimir Putin and Chinese President Xi Jinping on Thursday reaffirmed their resolve to jointly counter US plans for a "Golden Dome" missile shield and NATO\'s eastward expansion, which they said are aimed at containing Moscow and Beijing.\n\n' +
  'Xi arrived here on Wednesday for a four-day official visit and will take part in celebrations marking the 80th anniversary of the victory over Nazi Germany, including the Victory Parade at Red Square on Friday.\n\n' +
  'After over seven-hour-long talks, Putin and Xi signed a joint statement and a package of bilateral intergovernmental and interagency documents.\n\n' +
  'In the joint statement on global strategic stability, the two countries said they are convinced that the Golden Dome programme of the US is "deeply destabilising".';
const S004 =
  'Chinese President Xi Jinping and Russian President Vladimir Putin signed a joint statement Thursday in Moscow, vowing to further deepen their strategic partnership.\n\n' +
  'Meeting in the Kremlin after approximately four hours of talks, the two leaders signed what Chinese state media called a “joint statement on further deepening China-Russia comprehensive strategic partnership of coordination for a new era.”\n\n' +
  'Xi arrived in Moscow on Wednesday for a four-day state visit and is expected to be the top foreign guest at Putin’s carefully staged Victory Day military parade.\n\n' +
  '“Our relationship is composed and confident, stable and resilient,” Xi said.';
const S000 =
  'President Vladimir Putin of Russia and Chinese President Xi Jinping issued a pointed rebuke to the United States on Thursday, rejecting Washington’s efforts to "contain" their countries.\n\n' +
  'The two leaders condemned Trump’s "Golden Dome" missile defense shield plans, calling them “deeply destabilizing” and accusing the U.S. of seeking to weaponize space.\n\n' +
  'Xi, in his remarks, highlighted the stability and strength of the Russia-China relationship, describing it as "more calm, confident, stable, and resilient."';

const PUBLISHED = { iso: '2025-05-09T06:47:00+05:30', precision: 'minute' as const, source: 'text' };

/** A seed file's body as extraction gives it (boilerplate removed): the cross-check reads extracted articles. */
function seed(name: string): string {
  const path = fileURLToPath(new URL(`../../../shared/seeds/${name}`, import.meta.url));
  const doc = readFile(path).find((r) => r.kind === 'doc');
  assert.ok(doc?.kind === 'doc', name);
  return extractArticle(doc.doc).text;
}

/** The four seed articles of the Moscow story, whole (`full`), or only the sentences above. */
function seedStory(analyse = false, full = true) {
  return [
    art('a000', full ? seed('000_e13d634afcf98426.txt') : S000, {}, analyse),
    art('a001', full ? seed('001_17c965915897ab3e.txt') : S001, {}, analyse),
    art('a003', full ? seed('003_f004f94c92cfa5a6.txt') : S003, { outlet: 'Business Standard', wire: 'Press Trust of India', published: PUBLISHED }, analyse),
    art('a004', full ? seed('004_97e402c0209a3bde.txt') : S004, {}, analyse),
  ];
}

function sentenceOf(arts: AnnotatedArticle[], e: { articleId: string; sentence: { start: number; end: number } }): string {
  const a = arts.find((x) => x.article.docId === e.articleId)!;
  return a.article.text.slice(e.sentence.start, e.sentence.end);
}

for (const analyse of [true]) {
  describe('crossCheckStory on seed sentences (analyse annotations)', () => {
    const arts = seedStory(analyse);
    const x = crossCheckStory({ storyId: 's', articles: arts, copies: [] });

    it('finds the three-way talk-duration conflict, 3.5 h vs about 4 h being minor', () => {
      const c = x.conflicts.find((k) => k.kind === 'duration');
      assert.ok(c, 'duration conflict');
      assert.equal(c.severity, 'conflict');
      assert.deepEqual(
        c.sides.map((s) => s.value),
        ['3.5 h', 'about 4 h', 'more than 7 h'],
      );
      const minor = c.pairs.find((p) => p.a === 0 && p.b === 1);
      assert.equal(minor?.severity, 'minor');
      assert.equal(c.pairs.find((p) => p.a === 1 && p.b === 2)?.severity, 'conflict');
      assert.match(sentenceOf(arts, c.sides[2].evidence[0]), /seven-hour-long talks/);
      // the span points at the words
      const e = c.sides[0].evidence[0];
      assert.match(arts[1].article.text.slice(e.span.start, e.span.end), /three-and-a-half hour/);
    });

    it('finds the Wednesday/Thursday date conflict on the joint statement', () => {
      const c = x.conflicts.find((k) => k.kind === 'date');
      assert.ok(c, 'date conflict');
      const wed = c.sides.find((s) => s.articles.includes('a001'));
      const thu = c.sides.find((s) => s.articles.includes('a004'));
      assert.ok(wed && thu && wed !== thu);
      assert.match(wed.value, /Wednesday/);
      assert.match(thu.value, /Thursday/);
    });

    it('has at most one other conflict', () => {
      assert.ok(x.conflicts.filter((c) => c.severity === 'conflict').length <= 3);
    });

    it('finds the same conflicts on the cut sentences alone', () => {
      const cut = seedStory(analyse, false);
      const y = crossCheckStory({ storyId: 's', articles: cut, copies: [] });
      assert.deepEqual(
        y.conflicts.map((c) => c.kind),
        ['duration', 'date'],
      );
    });

    it('corroborates "deeply destabilizing" across the spelling variant', () => {
      const f = x.facts.find((k) => k.articles.includes('a000') && k.articles.includes('a003') && k.evidence.some((e) => /destabilising/.test(sentenceOf(arts, e))));
      assert.ok(f, 'Golden Dome fact');
      assert.equal(f.status, 'corroborated');
      assert.equal(f.independentSources, 2);
      assert.ok(f.sharedTerms.includes('destabilizing') || f.sharedTerms.some((t) => t.startsWith('destabili')));
    });

    it('groups Xi’s two translations into one statement of the ledger', () => {
      const xi = x.quoteLedger.find((l) => /xi/i.test(l.name));
      assert.ok(xi, 'Xi in the ledger');
      const st = xi.statements.find((s) => s.articles.includes('a000') && s.articles.includes('a004'));
      assert.ok(st, 'grouped statement');
      assert.equal(st.relation, 'variant');
      assert.equal(st.singleOutlet, false);
      assert.ok(st.wordings.some((w) => /composed and confident/.test(w.text)));
      assert.ok(st.wordings.some((w) => /more calm, confident/.test(w.text)));
    });

    it('validates against the published schema and renders', () => {
      assert.ok(Value.Check(StoryCrossCheckSchema, x), JSON.stringify([...Value.Errors(StoryCrossCheckSchema, x)].slice(0, 3)));
      const md = renderCrossCheckMarkdown(x, arts);
      assert.match(md, /## Conflicts/);
      assert.match(md, /three-and-a-half hour/);
      const html = renderCrossCheckHtml(x, arts);
      assert.match(html, /class="tg-sides"/);
      assert.match(html, /data-article="a001" data-start="\d+" data-end="\d+"/);
    });

    it('shows framing as each outlet\'s measured wording, every term pointing at its words', () => {
      const row = x.framing.find((r) => /distinctively/.test(r.concept));
      for (const u of row?.usage ?? [])
        for (const t of u.terms) {
          const e = t.evidence[0];
          const text = arts.find((a) => a.article.docId === e.articleId)!.article.text;
          assert.equal(normalizeWord(text.slice(e.span.start, e.span.end)), t.term);
        }
    });

    it('merges the dated events of all articles into a timeline, inferred dates marked', () => {
      const thursday = x.timeline.find((t) => t.date === '2025-05-08' && t.articles.length >= 2);
      assert.ok(thursday, JSON.stringify(x.timeline.map((t) => [t.date, t.articles])));
      // 001 carries no date: its "Wednesday" is dated from the story (003's publication date), inferred;
      // its "February 2022" is explicit, not inferred
      const wed = x.timeline.find((t) => t.date === '2025-05-07' && t.articles.includes('a001'));
      assert.ok(wed?.inferred);
      const feb = x.timeline.find((t) => t.date === '2022-02');
      assert.equal(feb?.inferred, false);
      const sorted = [...x.timeline].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      assert.deepEqual(
        x.timeline.map((t) => t.date),
        sorted.map((t) => t.date),
      );
    });

    it('writes a brief of cited sentences, corroborated facts first, conflicts named', () => {
      assert.ok(x.brief.length >= 3 && x.brief.length <= 8, `brief of ${x.brief.length}`);
      assert.equal(x.brief[0].kind, 'fact');
      assert.ok(x.brief.every((b) => b.citations.length > 0));
      assert.ok(x.brief.some((b) => b.kind === 'conflict' && /duration/.test(b.text)));
    });
  });
}

describe('independent sources', () => {
  it('counts wire copies and declared copies once', () => {
    const t = 'FBI Director James Comey said on Tuesday that Hillary Clinton had been “extremely careless” with classified material but that no charges should be brought.';
    const arts = [
      art('w1', t, { wire: 'Associated Press', outlet: 'Breitbart' }),
      art('w2', t, { wire: 'AP', outlet: 'The Times' }),
      art('c1', `${t} Officials declined to comment.`, { outlet: 'Daily' }),
      art('c2', `${t} Officials declined to comment further.`, { outlet: 'Weekly' }),
    ];
    const x = crossCheckStory({ storyId: 's', articles: arts, copies: [['c1', 'c2']] });
    assert.equal(x.independentSources, 2);
    const f = x.facts.find((k) => k.articles.length === 4);
    assert.ok(f);
    assert.equal(f.independentSources, 2);
  });
});

describe('determinism', () => {
  it('gives identical output whatever the order of the articles', () => {
    const a = seedStory();
    const x1 = JSON.stringify(crossCheckStory({ storyId: 's', articles: a, copies: [] }));
    const x2 = JSON.stringify(crossCheckStory({ storyId: 's', articles: [a[3], a[1], a[0], a[2]], copies: [] }));
    assert.equal(x1, x2);
  });
});

describe('bad input', () => {
  it('a story whose articles share no facts: honest empty sections', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('p1', 'The central bank raised interest rates by a quarter point on Wednesday, citing stubborn inflation.'),
        art('p2', 'A storm knocked out power to 40,000 homes in the northeast, the utility said.'),
      ],
      copies: [],
    });
    assert.equal(x.conflicts.length, 0);
    assert.ok(x.facts.every((f) => f.status === 'single-source'));
    assert.equal(x.omissions.length, 0);
    assert.match(renderCrossCheckMarkdown(x, []), /share no facts/);
  });

  it('one article with 200 numbers: bounded, no false conflicts between unrelated numbers', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `District ${i + 1} reported ${(i * 37) % 500 + 3} cases.`).join(' ');
    const x = withinCpu(2000, () => crossCheckStory({ storyId: 's', articles: [art('n1', rows), art('n2', S004)], copies: [] }), 'analysis and cross-check of 200 numbers');
    assert.ok(x.conflicts.every((c) => c.sides.every((s) => s.articles.length > 0)));
  });

  it('contradictory statements inside one article are reported as such', () => {
    const t =
      'The talks lasted three hours, officials said.\n\nLater, the Kremlin said that the talks lasted seven hours in total, far longer than planned.';
    const x = crossCheckStory({ storyId: 's', articles: [art('i1', t), art('i2', 'Putin and Xi met in Moscow on Thursday.')], copies: [] });
    const c = x.conflicts.find((k) => k.kind === 'duration');
    assert.ok(c);
    assert.equal(c.withinArticle, true);
  });

  it('two outlets quoting different people with the same words keep them apart', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('q1', '“No reasonable prosecutor would bring such a case,” Comey said on Tuesday.'),
        art('q2', '“No reasonable prosecutor would bring such a case,” Giuliani said on Wednesday, mocking the decision.'),
      ],
      copies: [],
    });
    for (const l of x.quoteLedger) for (const s of l.statements) assert.equal(s.articles.length, 1, `${l.name} grouped across speakers`);
    assert.ok(x.quoteLedger.some((l) => /comey/i.test(l.name)) && x.quoteLedger.some((l) => /giuliani/i.test(l.name)));
  });

  it('empty texts, broken spans and duplicate ids become messages', () => {
    const broken = art('b1', 'Putin and Xi met.');
    broken.quotes = [{ span: { start: 5, end: 999 }, kind: 'direct', speakerSpan: null, speaker: null, speakerName: null, cue: null }];
    broken.sentences = [{ start: -3, end: 2 }];
    const x = crossCheckStory({ storyId: 's', articles: [art('e1', ''), broken, art('b1', 'dup'), art('e2', '   ')], copies: [['nope', 'b1']] });
    assert.ok(x.messages.some((m) => m.articleId === 'e1' && /no text/.test(m.message)));
    assert.ok(x.messages.some((m) => /duplicate/.test(m.message)));
    assert.ok(Value.Check(StoryCrossCheckSchema, x));
  });

  it('escapes article content in HTML', () => {
    const arts = [art('h1', 'Officials said <script>alert(1)</script> the talks lasted three hours.'), art('h2', 'The talks lasted seven hours, officials said.')];
    const x = crossCheckStory({ storyId: '<s>', articles: arts, copies: [] });
    const html = renderCrossCheckHtml(x, arts);
    assert.ok(!html.includes('<script>'));
    assert.match(html, /&lt;script&gt;/);
  });
});

describe('bounded time', () => {
  it('a 6,000-number article and a 300-article story stay within seconds of CPU time', () => {
    const big = Array.from({ length: 3000 }, (_, i) => `On Monday ${i + 3} people were counted in district ${i + 1}, and the talks lasted ${(i % 9) + 1} hours.`).join('\n\n');
    // analysed first (with the syntax layer: the parse walks per figure and per date must stay
    // linear): the budget is the cross-check's
    const articles = [art('big', big), art('s4', S004)];
    const x = withinCpu(15_000, () => crossCheckStory({ storyId: 's', articles, copies: [] }), 'cross-check of a 6,000-number article');
    assert.ok(Value.Check(StoryCrossCheckSchema, x));
  });
});

describe('schema', () => {
  it('is one self-contained JSON Schema document (a single $id) that can be embedded in report.json', () => {
    const json = JSON.stringify(StoryCrossCheckSchema);
    assert.equal(json.match(/"\$id"/g)?.length, 1);
    assert.equal(StoryCrossCheckSchema.type, 'object');
    assert.ok(StoryCrossCheckSchema.required?.includes('facts'));
  });
});

describe('date conflicts need the same act by the same actor', () => {
  it('does not oppose two different people speaking on different days', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('d1', 'Donald Trump said on Tuesday that Hillary Clinton should have been prosecuted for her emails.'),
        art('d2', 'Hillary Clinton said on Wednesday that Donald Trump was unfit to be president.'),
      ],
      copies: [],
    });
    assert.equal(x.conflicts.length, 0);
  });
});

describe('fact alignment respects who acts', () => {
  it('does not corroborate "Trump said … Clinton" with "Clinton said … Trump"', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('d1', 'Donald Trump said on Tuesday that Hillary Clinton should have been prosecuted for her emails.'),
        art('d2', 'Hillary Clinton said on Tuesday that Donald Trump should have been prosecuted for his taxes.'),
      ],
      copies: [],
    });
    assert.ok(x.facts.every((f) => f.articles.length === 1));
  });
});

describe('omissions', () => {
  it('lists the article that leaves out what the other independent sources report', () => {
    const fact = (v: string) =>
      `FBI Director James Comey said on Tuesday that Hillary Clinton had been ${v} careless with classified material but that no charges should be brought against her.`;
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('o1', fact('extremely'), { outlet: 'Politico' }),
        art('o2', `On Tuesday, ${fact('extremely')}`, { outlet: 'Western Journal' }),
        art('o3', fact('“extremely”'), { outlet: 'USA Today' }),
        art('o4', 'Lynch will appear before the House Judiciary Committee on Tuesday.', { outlet: 'Breitbart' }),
      ],
      copies: [],
    });
    const o = x.omissions[0];
    assert.ok(o, 'omission');
    assert.equal(o.carriedBy, 3);
    assert.deepEqual(
      o.missingFrom.map((m) => m.outlet),
      ['Breitbart'],
    );
  });
});

describe('framing: distinctive wording by log-odds', () => {
  // Two outlets report the same acts of the same actors; one says "regime" and "crackdown", the other "government" and "operation".
  const a = (id: string, outlet: string, noun: string, act: string) =>
    art(id, `The ${noun} of Ruritania ordered a ${act} in Westport on Monday.\n\nOfficials of the ${noun} of Ruritania defended the ${act} as lawful.\n\nThe ${noun} of Ruritania said the ${act} would continue in Westport.`, { outlet }, true);
  const x = crossCheckStory({ storyId: 's', articles: [a('a1', 'Alpha', 'regime', 'crackdown'), a('a2', 'Alpha', 'regime', 'crackdown'), a('b1', 'Beta', 'government', 'operation'), a('b2', 'Beta', 'government', 'operation')], copies: [] });
  it('finds each outlet\'s own words and not the shared ones', () => {
    const row = x.framing.find((r) => /distinctively/.test(r.concept));
    assert.ok(row, JSON.stringify(x.framing));
    const termsOf = (o: string) => new Set(row.usage.filter((u) => u.outlet === o).flatMap((u) => u.terms.map((t) => t.term)));
    assert.ok(termsOf('Alpha').has('regime') && termsOf('Alpha').has('crackdown'), [...termsOf('Alpha')].join());
    assert.ok(termsOf('Beta').has('government') && termsOf('Beta').has('operation'), [...termsOf('Beta')].join());
    for (const o of ['Alpha', 'Beta']) assert.ok(!termsOf(o).has('lawful') && !termsOf(o).has('defended'));
  });
});

describe('framing: how each outlet describes the main people', () => {
  // Invented names; one outlet calls the ruler an autocrat, the others give the title, once more fully.
  const story = (lines: [string, string][]) =>
    crossCheckStory({ storyId: 's', articles: lines.map(([outlet, text], i) => art(`d${i}`, text, { outlet }, true)), copies: [] });
  const described = (x: ReturnType<typeof story>) => x.framing.find((r) => /is described/.test(r.concept));
  it('shows descriptions that differ in substance, each pointing at its words', () => {
    const x = story([
      ['Alpha', 'The longtime autocrat Anton Velkor opened the new dam on Monday.\n\nVelkor spoke for an hour.'],
      ['Beta', 'President Anton Velkor opened the new dam on Monday.\n\nVelkor spoke for an hour.'],
      ['Gamma', 'Anton Velkor, the president, opened the new dam on Monday.\n\nVelkor spoke for an hour.'],
    ]);
    const row = described(x);
    assert.ok(row, JSON.stringify(x.framing));
    const terms = new Map(row.usage.map((u) => [u.outlet, u.terms.map((t) => t.term)]));
    assert.deepEqual(terms.get('Alpha'), ['autocrat']);
    assert.deepEqual(terms.get('Beta'), ['President']);
    assert.deepEqual(terms.get('Gamma'), ['president']);
    for (const u of row.usage) for (const t of u.terms) for (const e of t.evidence) assert.ok(e.span.start < e.span.end);
  });
  it('shows no row when the descriptions are one title told more or less fully, or only an age', () => {
    const x = story([
      ['Alpha', 'President Anton Velkor opened the new dam on Monday.'],
      ['Beta', 'Anton Velkor, the country\'s president, opened the new dam on Monday.'],
      ['Gamma', 'Velkor, 61, opened the new dam on Monday.'],
    ]);
    assert.equal(described(x), undefined, JSON.stringify(x.framing));
  });
});

describe('quantity slots: parts of a total', () => {
  it('reads "two women and a man" as parts of the dead, not a toll of two against three', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('p1', 'Three people died when a warehouse in Eastbury caught fire on Tuesday after a gas leak, the fire service said.'),
        art('p2', 'Police said two women and a man died when a warehouse in Eastbury caught fire on Tuesday after a gas leak.'),
      ],
      copies: [],
    });
    assert.deepEqual(
      x.conflicts.filter((c) => c.severity === 'conflict').map((c) => c.note),
      [],
    );
  });

  it('reads "two other victims" as added to someone, not the toll', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('o1', 'Three people were killed when gunmen opened fire outside a school in Eastbury on Tuesday, police said.'),
        art('o2', 'Police said gunmen opened fire outside a school in Eastbury on Tuesday, when a teacher and the two other victims killed and injured were caught in the crossfire.'),
      ],
      copies: [],
    });
    assert.deepEqual(
      x.conflicts.filter((c) => c.severity === 'conflict').map((c) => c.note),
      [],
    );
  });

  it('still opposes two tolls of the same dead', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('t1', 'Three people died when a warehouse in Eastbury caught fire on Tuesday after a gas leak, the fire service said.'),
        art('t2', 'Seven people died when a warehouse in Eastbury caught fire on Tuesday after a gas leak, police said.'),
      ],
      copies: [],
    });
    assert.ok(x.conflicts.some((c) => c.severity === 'conflict' && c.slot === 'death toll'), JSON.stringify(x.conflicts.map((c) => c.note)));
  });
});

describe('date conflicts: a statement made "today"', () => {
  const story = (w1: string, w2: string) =>
    crossCheckStory({
      storyId: 's',
      articles: [
        art('r1', `Cable operator Northwind Networks announced ${w1} that it has restored service to its business customers in the region.`),
        art('r2', `Cable operator Northwind Networks announced ${w2} that it has restored service to all its customers in the region.`),
      ],
      copies: [],
    });
  it('two articles written on different days, each reporting a statement of "today", do not dispute its day', () => {
    const x = story('today (3 March 2019)', 'today (9 March 2019)');
    assert.equal(x.conflicts.filter((c) => c.kind === 'date').length, 0);
  });
  it('two days stated for the statement without "today" still conflict', () => {
    const x = story('on Friday, October 14, 2011,', 'on Thursday, October 20, 2011,');
    assert.ok(x.conflicts.some((c) => c.kind === 'date'), JSON.stringify(x.conflicts.map((c) => c.note)));
  });
});

describe('date conflicts: a day guessed for an undated article', () => {
  it('"yesterday" in an undated article does not oppose a weekday a dated article names', () => {
    const published = { iso: '2025-05-12', precision: 'day' as const, source: 'text' };
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('d1', 'Sheriff deputies arrested gang member Gary Roe at midnight on Friday in a house near the scene in Eastbury.', { published }),
        art('d2', 'Sheriff deputies arrested gang member Gary Roe at midnight yesterday in a house near the scene in Eastbury.'),
      ],
      copies: [],
    });
    assert.equal(x.conflicts.filter((c) => c.kind === 'date').length, 0, JSON.stringify(x.conflicts.map((c) => c.note)));
  });
});

describe('quantity slots: the story\'s own day', () => {
  it('a magnitude from an article about another day\'s quake is another shock\'s', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('m1', 'A magnitude-6.1 earthquake struck the island of Westholm on Sunday, damaging hundreds of houses, officials said.'),
        art('m2', 'An earthquake with a magnitude of 6.1 hit the island of Westholm on Sunday, officials said, and damaged hundreds of houses.'),
        art(
          'm3',
          'The national seismological centre said the earthquake struck the island at 5:11 p.m. local time.\n\nThe seismological centre put the quake\'s strength at magnitude-5.2.\n\nThe quake on Monday was the second to shake Westholm in two days.',
        ),
      ],
      copies: [],
    });
    assert.equal(x.conflicts.filter((k) => k.severity === 'conflict' && /magnitude/.test(k.slot)).length, 0, JSON.stringify(x.conflicts.map((k) => k.note)));
  });

  it('an article whose lead tells a later day still compares what it says of the event\'s day', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('e1', 'A magnitude-6.1 earthquake struck the island of Westholm on Sunday, damaging hundreds of houses, officials said.'),
        art('e2', 'An earthquake with a magnitude of 6.1 hit the island of Westholm on Sunday, officials said, and damaged hundreds of houses.'),
        art(
          'e3',
          'Rescue workers handed out tents and blankets on Monday to families on the island of Westholm.\n\nMany villagers slept outside for a second night.\n\nThe island was first rocked by a magnitude-5.2 earthquake early on Sunday afternoon.',
        ),
      ],
      copies: [],
    });
    const c = x.conflicts.find((k) => k.severity === 'conflict' && /magnitude/.test(k.slot));
    assert.ok(c, JSON.stringify(x.conflicts.map((k) => k.note)));
    assert.ok(c.sides.some((s) => s.articles.includes('e3')));
  });
});

describe('quantity slots: kinship', () => {
  it('opposes "a father of 7" and "a father of 8" as the number of his children', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('k1', 'John Roe, a father of 7, was killed by a stray bullet outside a school in Eastbury on Tuesday, police said.'),
        art('k2', 'John Roe, a father of 8, was killed by a stray bullet outside a school in Eastbury on Tuesday.'),
      ],
      copies: [],
    });
    assert.ok(x.conflicts.some((c) => c.severity === 'conflict' && c.slot === 'number of children'), JSON.stringify(x.conflicts.map((c) => c.slot)));
  });
});

describe('quantity slots: what one agency said', () => {
  it('opposes two magnitudes the same agency is reported to have given', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('m1', 'A strong earthquake hit the island of Westholm on Sunday; the Northland Seismic Service said it was a magnitude-6.1 quake.'),
        art('m2', 'A strong earthquake hit the island of Westholm on Sunday, and the Northland Seismic Service said it had a magnitude of 5.2.'),
      ],
      copies: [],
    });
    assert.ok(x.conflicts.some((c) => c.severity === 'conflict' && /according to/.test(c.slot)), JSON.stringify(x.conflicts.map((c) => c.slot)));
  });
});

describe('quantity slots: a parent\'s children', () => {
  it('reads "one of her 12 children" as her number of children, and "two of her children" as a part', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('k1', 'Jane Roe was walking with one of her 12 children when a stray bullet hit her outside a school in Eastbury on Tuesday.'),
        art('k2', 'Jane Roe, a mother of 13, was killed by a stray bullet outside a school in Eastbury on Tuesday, police said.'),
        art('k3', 'Jane Roe was walking with two of her children when a stray bullet hit her outside a school in Eastbury on Tuesday.'),
      ],
      copies: [],
    });
    const c = x.conflicts.filter((k) => k.severity === 'conflict' && k.slot === 'number of children');
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((sd) => sd.articles.join()), ['k1', 'k2']);
  });
  it('counts a mother\'s children in a sentence about an earlier year too', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('p1', 'A stray bullet killed Jane Roe, a mother of 13, outside a school in Eastbury on Tuesday, police said.'),
        art('p3', 'Police said a stray bullet killed Jane Roe outside a school in Eastbury on Tuesday. The bullet came from a rooftop across the street. The trial opened this week. Two men are accused of killing Jane Roe, a mother of 12, in 2011 and wounding two others.'),
      ],
      copies: [],
    });
    const c = x.conflicts.filter((k) => k.severity === 'conflict' && k.slot === 'number of children');
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.note)));
  });
});

describe('quantity slots: the block of a street', () => {
  it('opposes "the 12000 block of East Main Street" and "the 12200 block of Main Street", not another street', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('b1', 'A deputy was shot outside an apartment in the 12000 block of East Main Street in Eastbury on Friday, police said.'),
        art('b2', 'The shooting happened in the 12200 block of Main Street in Eastbury on Friday afternoon, a sheriff said.'),
        art('b3', 'A week earlier a man was hurt while doing yard work in the 22000 block of Oak Avenue in Eastbury, police said.'),
      ],
      copies: [],
    });
    const c = x.conflicts.filter((k) => /^block of/.test(k.slot));
    assert.deepEqual(c.map((k) => [k.slot, k.severity, k.sides.map((sd) => sd.articles.join()).join('|')]), [['block of Main Street', 'conflict', 'b1|b2']]);
  });
});

describe('quantity slots: a haul', () => {
  it('reads "made off with $X of jewels" as the value of what was stolen', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('h1', 'Four armed robbers made off with $40 million of diamonds and watches from a jeweller in Eastbury on Tuesday.'),
        art('h2', 'Armed robbers stole diamonds and watches valued at $25 million from a jeweller in Eastbury on Tuesday, police said.'),
      ],
      copies: [],
    });
    assert.ok(x.conflicts.some((c) => c.severity === 'conflict' && /value/.test(c.slot)), JSON.stringify(x.conflicts.map((c) => c.slot)));
  });
});

describe('quantity slots: ages under name variants', () => {
  const ages = (texts: string[]) =>
    crossCheckStory({ storyId: 's', articles: texts.map((t, i) => art(`g${i}`, t)), copies: [] }).conflicts.filter((c) => c.severity === 'conflict' && /^age of/.test(c.slot));
  it('compares the ages of one person spelled two ways ("Caitlin Roe" and "Kaitlyn Roe")', () => {
    const c = ages([
      'Police in Eastbury found the bodies of Caitlin Roe, 61, and her neighbour on Tuesday, officials said.',
      'Police in Eastbury found 68-year-old Kaitlyn Roe and her neighbour dead in a flat on Tuesday.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
  });
  it('joins a surname alone to the one person of that surname, and not when two share it', () => {
    const one = ages(['Police charged Gary Roe, 35, with two counts of murder in Eastbury on Tuesday.', 'Roe, 36, was charged with two counts of murder in Eastbury on Tuesday, police said.']);
    assert.equal(one.length, 1);
    const two = ages([
      'Police charged Gary Roe, 35, with the murder of his mother, Caitlin Roe, 61, in Eastbury on Tuesday.',
      'Roe, 36, was charged with murder in Eastbury on Tuesday, police said.',
    ]);
    assert.equal(two.length, 0, JSON.stringify(two.map((k) => k.note)));
  });
  it('does not oppose ages told by articles published years apart, and does oppose them within months', () => {
    const day = (iso: string) => ({ published: { iso, precision: 'day' as const, source: 'text' } });
    const ages2 = (d2: string) =>
      crossCheckStory({
        storyId: 's',
        articles: [
          art('y1', 'Police in Eastbury arrested Gary Roe, 27, on Tuesday after the shooting of a deputy.', day('2005-06-25')),
          art('y2', 'A jury in Eastbury found Gary Roe, 29, guilty on Tuesday of the shooting of a deputy.', day(d2)),
        ],
        copies: [],
      }).conflicts.filter((c) => c.severity === 'conflict' && /^age of/.test(c.slot));
    assert.equal(ages2('2007-03-20').length, 0);
    assert.equal(ages2('2005-07-20').length, 1);
  });
  it('joins a name the tagger cut short to the one longer name ending with it', () => {
    const ms = [
      { slot: 'age|roe|ln', person: 'ellen hartley roe' },
      { slot: 'age|roe|mr', person: 'mary ellen hartley roe' },
      { slot: 'age|hartley|jn', person: 'jane hartley' },
    ];
    resolveOneNameSlots(ms);
    assert.deepEqual(
      ms.map((m) => m.slot),
      ['age|roe|mr', 'age|roe|mr', 'age|hartley|jn'],
    );
  });
  it('joins an age of someone named by a role to the one named person who undergoes the same act', () => {
    const c = ages([
      'Police in Eastbury arrested a 60-year-old woman on Friday in the 1967 killings of two young women.',
      'Police in Eastbury on Friday arrested 61-year-old Jane Roe in the 1967 killings of two young women.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    // the one who struck is not the one struck
    const other = ages([
      'A 23-year-old man struck a pedestrian with his car in Eastbury on Friday night, police said.',
      'Police said a car struck Jane Roe, 59, in Eastbury on Friday night.',
    ]);
    assert.equal(other.length, 0, JSON.stringify(other.map((k) => k.note)));
  });
  it('leaves an age "then" out: it is the age at an earlier time', () => {
    const c = ages([
      'The then 15-year-old Jane Roe was hit by a car outside her school in Eastbury, police said on Tuesday.',
      'Jane Roe, 16, told a court on Tuesday that she was hit by a car outside her school in Eastbury.',
    ]);
    assert.equal(c.length, 0, JSON.stringify(c.map((k) => k.note)));
  });
});

describe('quantity slots: counts compared only between sentences stating one fact', () => {
  // Invented wording in the shape of a protest story and an outage story.
  it('opposes two crowd sizes of one march, and not the crowds of two cities', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('c1', 'About 20,000 people marched through central Eastbury on Wednesday against the new pension law, police said.'),
        art('c2', 'About 60,000 people marched through central Eastbury on Wednesday against the new pension law, the organisers said.'),
        art('c3', 'About 5,000 people marched through central Westholm on Wednesday against the new pension law, police said.'),
      ],
      copies: [],
    });
    const c = x.conflicts.filter((k) => k.severity === 'conflict' && k.slot === 'number of protesters');
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.articles.join()), ['c1', 'c2']);
  });

  it('opposes two counts of the things an event hit, not two counts of one noun in one sentence', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('u1', 'Internet links across the region failed on Friday after divers said three undersea cables were cut near the port of Eastbury.'),
        art('u2', 'Internet links across the region failed on Friday after divers said two undersea cables were cut near the port of Eastbury.'),
        art('u3', 'Engineers said more than 2,000 booths opened in the country on Sunday, while 27 booths opened abroad for the vote in Eastbury.'),
      ],
      copies: [],
    });
    const notes = x.conflicts.filter((k) => k.severity === 'conflict').map((k) => k.slot);
    assert.deepEqual(notes, ['number of cable (cut)'], JSON.stringify(x.conflicts.map((k) => k.note)));
  });
});

describe('quantity slots: counts of what a listed act hit, told in leads', () => {
  it('opposes the things a listed act hit in leads worded apart ("suffered severe damage" is damage), not things counted inside another noun\u2019s phrase', () => {
    const conflicts = (texts: string[]) =>
      crossCheckStory({ storyId: 's', articles: texts.map((t, i) => art(`v${i}`, t)), copies: [] }).conflicts.filter((k) => k.severity === 'conflict').map((k) => k.slot);
    assert.deepEqual(
      conflicts([
        'Thousands of homes across the north lost their phone lines on Friday after two overhead cables near Eastbury suffered severe damage.',
        'Telephone services between Eastbury and Westholm were disrupted on Friday when three overhead cables were damaged, the operator said.',
      ]),
      ['number of cable (damage)'],
    );
    assert.deepEqual(
      conflicts([
        'A strong storm swept the coast on Friday, and homes in five villages near Eastbury were damaged, officials said.',
        'Relief teams reached the coast on Saturday, where roofs of houses in about 15 villages were damaged by the winds.',
      ]),
      [],
    );
  });
});

describe('quantity slots: how far a named person went', () => {
  const far = (texts: string[]) =>
    crossCheckStory({ storyId: 's', articles: texts.map((t, i) => art(`f${i}`, t)), copies: [] }).conflicts.filter((c) => c.severity === 'conflict' && /^how far/.test(c.slot));
  it('reads the subject of a continued verb ("died after slipping and falling 60 metres") and spelled-alike first names', () => {
    const c = far([
      'On Friday, 36-year-old Duncan Marsh died after slipping and falling about 60 metres from a ridge in the national park.',
      'Climber Dunkan Marsh fell about 150 metres from a ridge in the national park on Friday, police said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
  });
  it('does not compare a height with a fall', () => {
    const c = far([
      'Police said Duncan Marsh is 6 feet tall and was last seen near a ridge in the national park on Friday.',
      'Duncan Marsh fell about 150 metres from a ridge in the national park on Friday, police said.',
    ]);
    assert.equal(c.length, 0, JSON.stringify(c.map((k) => k.note)));
  });
});
