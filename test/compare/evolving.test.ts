/**
 * Evolving figures (compare/evolving.ts) on invented dated articles (test/fixtures/evolving): a
 * death toll and a count of injured told higher on each later day are a sequence with times, not a
 * conflict; lower in a later article, undated, or told on one day, they stay a conflict; the
 * articles' order changes nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { briefSupport } from '../../scripts/eval-crosscheck.js';
import { crossCheckStory } from '../../src/compare/index.js';
import type { StoryCrossCheck } from '../../src/compare/types.js';
import { exportRows } from '../../src/report/export.js';
import type { ReportStory } from '../../src/report/schema.js';
import { inventedArticle, publishedAt } from './story.js';

interface FixtureArticle {
  id: string;
  outlet: string;
  title: string;
  published: string;
  text: string;
}
const BLAST = JSON.parse(readFileSync(new URL('../fixtures/evolving/warehouse-blast.json', import.meta.url), 'utf8')) as { articles: FixtureArticle[] };

/** The blast articles cross-checked, each published on the day given (null: undated), in the order given. */
function blastStory(days: (string | null)[], order = [0, 1, 2]): StoryCrossCheck {
  const articles = order.map((i) => {
    const a = BLAST.articles[i];
    return inventedArticle(a.id, a.text, days[i] ? publishedAt(`${days[i]}T09:00`) : (null as unknown as ReturnType<typeof publishedAt>));
  });
  return crossCheckStory({ storyId: 'blast', articles, copies: [] });
}

const TOLL = 'death toll';
const conflictOf = (x: StoryCrossCheck, slot: string) => x.conflicts.find((c) => c.slot === slot);
const figureOf = (x: StoryCrossCheck, label: string) => x.evolvingFigures.find((e) => e.label === label);

describe('evolving figures', () => {
  test('a toll that grows from day to day is a sequence with times, not a conflict', () => {
    const x = blastStory(['2031-03-04', '2031-03-05', '2031-03-06']);
    assert.equal(conflictOf(x, TOLL), undefined, JSON.stringify(x.conflicts));
    assert.equal(conflictOf(x, 'number injured'), undefined);
    const toll = figureOf(x, TOLL);
    assert.ok(toll, JSON.stringify(x.evolvingFigures));
    assert.equal(toll.slot, 'people|deaths');
    assert.equal(toll.kind, 'count');
    assert.match(toll.id, /^E[0-9a-f]{12}$/);
    assert.deepEqual(
      toll.steps.map((s) => [s.published, s.normalized.value, s.articles, s.outlets]),
      [
        ['2031-03-04', 3, ['blast-day1'], ['Outlet blast-day1']],
        ['2031-03-05', 9, ['blast-day2'], ['Outlet blast-day2']],
        ['2031-03-06', 14, ['blast-day3'], ['Outlet blast-day3']],
      ],
    );
    // every step's evidence is the figure in its article's text
    for (const step of toll.steps) {
      const text = BLAST.articles.find((a) => a.id === step.articles[0])!.text;
      const e = step.evidence[0];
      assert.match(text.slice(e.span.start, e.span.end), /three|Nine|Fourteen/);
      assert.ok(e.sentence.start <= e.span.start && e.span.end <= e.sentence.end);
    }
    assert.deepEqual(figureOf(x, 'number injured')?.steps.map((s) => s.normalized.value), [12, 20, 25]);
    // the fact of each step's sentence names the figure
    for (const step of toll.steps) assert.ok(x.facts.some((f) => f.evidence.some((e) => e.articleId === step.articles[0] && e.sentence.start === step.evidence[0].sentence.start) && f.evolvingIds.includes(toll.id)), step.value);
    assert.ok(x.facts.every((f) => f.evolvingIds.every((id) => x.evolvingFigures.some((e) => e.id === id))));
    // the toll's sentences are not made a conflicting fact, nor one fact two outlets state: each step is its own
    assert.ok(!x.facts.some((f) => f.status === 'conflicting'), JSON.stringify(x.facts.filter((f) => f.status === 'conflicting')));
    for (const [words, id] of [
      ['Nine people', 'blast-day2'],
      ['Fourteen people', 'blast-day3'],
    ])
      assert.deepEqual(
        x.facts.filter((f) => f.evidence.some((e) => e.articleId === id && e.sentence.start === 0)).map((f) => [f.statement.slice(0, words.length), f.articles]),
        [[words, [id]]],
      );
  });

  test('the brief names the first figure step by step, cited by every step', () => {
    const x = blastStory(['2031-03-04', '2031-03-05', '2031-03-06']);
    const line = x.brief.find((b) => /rose:/.test(b.text));
    assert.ok(line, JSON.stringify(x.brief));
    assert.equal(
      line.text,
      `The ${x.evolvingFigures[0].label} rose: ${x.evolvingFigures[0].steps.map((s) => `“${/three people|Nine people|Fourteen people|12|20|25/.exec(s.wordings[0])?.[0]}” (${s.outlets[0]}, ${s.published})`).join(', then ')}.`,
    );
    assert.equal(line.standing, 'established');
    assert.equal(line.kind, 'evolving');
    assert.deepEqual(new Set(line.citations.map((c) => c.articleId)), new Set(['blast-day1', 'blast-day2', 'blast-day3']));
    assert.ok(x.brief.length <= 8);
    // the brief-line check holds it supported: each cited sentence gives one of its values, as a conflict line's sides
    const texts = new Map(BLAST.articles.map((a) => [a.id, a.text]));
    const support = briefSupport({ ...x, brief: [line] }, texts);
    assert.deepEqual([support.checked, support.supported], [1, 1], support.unsupported.join('; '));
  });

  test('a toll lower in a later article stays a conflict, with a note', () => {
    const x = blastStory(['2031-03-06', '2031-03-05', '2031-03-04']);
    const c = conflictOf(x, TOLL);
    assert.ok(c, JSON.stringify(x.conflicts));
    assert.match(c.note, /lower in a later article/);
    assert.equal(x.evolvingFigures.length, 0);
  });

  test('a side with an undated article stays a conflict, noted as a possible update', () => {
    const x = blastStory([null, '2031-03-05', '2031-03-06']);
    const c = conflictOf(x, TOLL);
    assert.ok(c, JSON.stringify(x.conflicts));
    assert.match(c.note, /publication times unknown: may be an update/);
    assert.doesNotMatch(c.note, /lower in a later article/);
    assert.equal(x.evolvingFigures.length, 0);
  });

  test('different values published on one day stay a conflict', () => {
    const x = blastStory(['2031-03-05', '2031-03-05', '2031-03-05']);
    const c = conflictOf(x, TOLL);
    assert.ok(c, JSON.stringify(x.conflicts));
    assert.equal(c.sides.length, 3);
    assert.doesNotMatch(c.note, /later article|unknown/);
    assert.equal(x.evolvingFigures.length, 0);
  });

  test("a toll an article hedges once and restates bare is that article's lower bound, not a count a higher toll contradicts", () => {
    const hedged = [
      'A gas explosion tore through a textile warehouse in Orvenna on Tuesday, killing at least three people, officials said. The fire chief said three people were killed in the blast. The cause of the explosion at the warehouse is under investigation.',
      'An explosion at a textile warehouse in Orvenna on Tuesday killed at least three people, police said. Three people were killed when the gas line blew, a fire official said. Investigators are looking into the cause of the blast.',
    ];
    const bare = 'A gas explosion tore through a textile warehouse in Orvenna on Tuesday, killing three people, officials said. Firefighters worked through the night at the site of the blast. The cause of the explosion at the warehouse is under investigation.';
    const higher = [
      'Ten people were killed in a gas explosion at a textile warehouse in Orvenna, officials said. Firefighters searched the rubble. The cause of the explosion at the warehouse is under investigation.',
      'A gas explosion at a textile warehouse in Orvenna killed 10 people on Tuesday, police said. Rescue crews searched the site. Investigators are looking into the cause of the blast.',
    ];
    // (all published on one day: before, the hedged articles' bare "three" stood against the ten as a conflict)
    const story = (texts: string[]) =>
      crossCheckStory({ storyId: 'hedged', articles: [...texts, ...higher].map((t, i) => inventedArticle(`a${i}`, t, publishedAt(`2031-03-05T0${i + 1}:00`))), copies: [] });
    const x = story(hedged);
    assert.equal(conflictOf(x, TOLL), undefined, JSON.stringify(x.conflicts));
    // another article's bare "three" is its own exact count: the ten still disputes it
    const c = conflictOf(story([hedged[0], bare]), TOLL);
    assert.ok(c);
    assert.deepEqual(
      c.sides.map((d) => [d.value, d.articles]),
      [
        ['3 people', ['a1']],
        ['at least 3 people', ['a0']],
        ['10 people', ['a2', 'a3']],
      ],
    );
  });

  test('an undated article on two compatible sides of a growing toll still gets the note on unknown times', () => {
    const undated = 'A gas explosion tore through a textile warehouse in Orvenna on Tuesday, killing three people, officials said. The fire chief said about three people were killed in the blast. The cause of the explosion at the warehouse is under investigation.';
    const dated = [
      'An explosion at a textile warehouse in Orvenna on Tuesday killed three people, police said. Firefighters worked through the night. Investigators are looking into the cause of the blast.',
      'Ten people were killed in a gas explosion at a textile warehouse in Orvenna, officials said. Firefighters searched the rubble. The cause of the explosion at the warehouse is under investigation.',
      'A gas explosion at a textile warehouse in Orvenna killed 10 people on Tuesday, police said. Rescue crews searched the site. Investigators are looking into the cause of the blast.',
    ];
    const x = crossCheckStory({
      storyId: 'undated',
      articles: [inventedArticle('u0', undated, null as unknown as ReturnType<typeof publishedAt>), ...dated.map((t, i) => inventedArticle(`d${i}`, t, publishedAt(`2031-03-0${i ? 6 : 5}T09:00`)))],
      copies: [],
    });
    const c = conflictOf(x, TOLL);
    // ("about 3" and "3" in one article contradict nothing: the 3 against the 10 is timed like any other pair)
    assert.ok(c, JSON.stringify(x.conflicts));
    assert.match(c.note, /publication times unknown: may be an update/);
  });

  test('the articles in any order give the same report and the same ids', () => {
    const days = ['2031-03-04', '2031-03-05', '2031-03-06'];
    const first = blastStory(days, [0, 1, 2]);
    for (const order of [
      [2, 1, 0],
      [1, 2, 0],
      [0, 2, 1],
    ])
      assert.deepEqual(blastStory(days, order), first, `order ${order.join(',')}`);
    assert.deepEqual(
      first.evolvingFigures.map((e) => e.id),
      blastStory(days, [2, 0, 1]).evolvingFigures.map((e) => e.id),
    );
  });

  test('a count of things that grew two days later is shown; one that fell two days later is not compared', () => {
    const text = (n: string) =>
      `A gas explosion at a textile warehouse in Orvenna destroyed ${n} delivery trucks parked in its yard, officials said. Firefighters worked at the site. The cause of the blast is under investigation.`;
    const story = (d1: string, d2: string) =>
      crossCheckStory({
        storyId: 'trucks',
        articles: [inventedArticle('t1', text('three'), publishedAt(`${d1}T09:00`)), inventedArticle('t2', text('seven'), publishedAt(`${d2}T09:00`))],
        copies: [],
      });
    const grew = story('2031-03-04', '2031-03-06');
    assert.deepEqual(grew.conflicts, []);
    assert.deepEqual(
      grew.evolvingFigures.map((e) => [e.slot.split('|')[0], e.steps.map((s) => [s.published, s.normalized.value])]),
      [['count', [['2031-03-04', 3], ['2031-03-06', 7]]]],
    );
    // (a lower count days later may be of another event: not compared, as before)
    const fell = story('2031-03-06', '2031-03-04');
    assert.deepEqual([fell.conflicts, fell.evolvingFigures], [[], []]);
    // a day later it is compared: a conflict that says the later article is lower
    const fellNextDay = story('2031-03-05', '2031-03-04');
    assert.match(fellNextDay.conflicts[0]?.note ?? '', /lower in a later article/);
  });

  test('the evolving table has one row per step, in publication order, with its outlets and evidence', () => {
    const x = blastStory(['2031-03-04', '2031-03-05', '2031-03-06'], [2, 0, 1]);
    const story = { id: 'blast', articles: BLAST.articles.map((a) => ({ id: a.id, outlet: a.outlet })), crossCheck: x } as unknown as ReportStory;
    const rows = exportRows('evolving', [story]).filter((r) => r.label === TOLL);
    assert.deepEqual(
      rows.map((r) => [r.step, r.published, r.article_ids, r.outlets]),
      BLAST.articles.map((a, i) => [i + 1, `2031-03-0${4 + i}`, a.id, a.outlet]),
    );
    assert.ok(rows.every((r) => r.evolving_id === figureOf(x, TOLL)!.id && r.slot === 'people|deaths' && /^blast-day\d:\d+-\d+$/.test(String(r.evidence))));
  });
});
