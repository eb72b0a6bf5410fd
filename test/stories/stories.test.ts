import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { AnnotatedArticle } from '../../src/model/types.js';
import {
  canonicalOrder,
  scoreClusters,
  storyInputOf,
  groupStories,
  reconcileStoryIds,
  type StoryFeatures,
  StoryIndex,
  type StoryInput,
  storyFeatures,
} from '../../src/stories/index.js';
import { WEIGHTS } from '../../src/stories/story-index.js';
import { seedText } from '../helpers.js';
import { assertLinear } from '../util/cpu-bound.js';


/** Raw seed text: first line as title, the rest as text. */
function seed(prefix: string, extra: Partial<StoryInput> = {}): StoryInput {
  const raw = seedText(prefix);
  const nl = raw.indexOf('\n');
  return { id: prefix, title: raw.slice(0, nl).trim(), text: raw.slice(nl + 1), outlet: null, published: null, eventDates: [], entities: [], ...extra };
}

/** A headline-only article (as in the UCI sample): the headline is the whole text. */
function headline(id: string, title: string): StoryInput {
  return { id, title, text: title, outlet: null, published: '2014-03-10T12:00:00Z', eventDates: [], entities: [] };
}

/** The first `n` headlines of the UCI sample: other stories, that give words their usual weights. */
function uciHeadlines(n: number): StoryInput[] {
  const csv = readFileSync(new URL('../../../shared/data/clustering/uci-news-aggregator-sample.csv', import.meta.url), 'utf8');
  return csv
    .split('\n')
    .slice(1, n + 1)
    .map((l) => /^(\d+),("(?:[^"]|"")*"|[^,]*),/.exec(l)!)
    .map((m) => headline(`uci-${m[1]}`, m[2].replace(/^"|"$/g, '').replace(/""/g, '"')));
}

const ids = (groups: { members: string[] }[]) => groups.map((g) => [...g.members].sort()).sort((a, b) => a[0].localeCompare(b[0]));

/** A lightly edited copy: some sentences dropped, a word changed, a new headline. */
function edited(text: string, k: number): string {
  const sentences = text.split(/(?<=[.!?])\s+/);
  return sentences
    .filter((_, i) => (i + k) % 9 !== 0)
    .join(' ')
    .replace(/\bsaid\b/, k % 2 ? 'stated' : 'said');
}

describe('storyFeatures', () => {
  it('is deterministic, JSON-serialisable and finds names and places in raw seed text', () => {
    const a = storyFeatures(seed('002'));
    const b = storyFeatures(seed('002'));
    assert.deepEqual(a, b);
    assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
    assert.equal(a.status, 'ok');
    const ent = a.entities.map(([e]) => e);
    assert.ok(ent.includes('LOC:beijing'), ent.join(' '));
    assert.ok(ent.some((e) => e.includes('blinken')), ent.join(' '));
    assert.ok(a.places.some(([p]) => p === 'LOC:china'));
    assert.ok(a.terms.some(([t]) => t === 'putin'));
    assert.ok(a.sketch && a.sketch.sig.length === 64);
  });

  it('uses given entities instead of the fallback', () => {
    const f = storyFeatures(seed('000', { entities: [{ id: 'PER:xi_jinping', type: 'PER', count: 5 }, { id: 'LOC:moscow', type: 'LOC', count: 3 }] }));
    assert.deepEqual(f.entities, [['PER:xi_jinping', 5], ['LOC:moscow', 3]]);
    assert.deepEqual(f.places, [['LOC:moscow', 3]]);
  });

  it('turns bad input into a status and messages, never an exception', () => {
    const empty = storyFeatures({ id: 'e', title: null, text: '', outlet: null, published: 'not a date', eventDates: ['x'], entities: [] });
    assert.equal(empty.status, 'empty');
    assert.equal(empty.day, null);
    assert.ok(empty.messages.some((m) => /not understood/.test(m.message)));
    const one = storyFeatures({ id: 'w', title: null, text: 'Breaking', outlet: null, published: null, eventDates: [], entities: [] });
    assert.equal(one.status, 'too-short');
    const junk = storyFeatures({ id: 5 as unknown as string, title: 7 as unknown as string, text: null as unknown as string, outlet: null, published: null, eventDates: null as unknown as string[], entities: null as unknown as [] });
    assert.equal(junk.status, 'empty');
    const future = storyFeatures(seed('000', { published: '2031-01-01' }), { now: '2025-05-10T00:00:00Z' });
    assert.equal(future.day, null);
    assert.ok(future.messages.some((m) => /future/.test(m.message)));
  });
});

describe('groupStories (batch)', () => {
  it('groups the four Xi-in-Moscow seeds and keeps Putin-in-Beijing 2024 apart when dates are known', () => {
    // dates as the pipeline has them from the articles' metadata
    const fs = [
      seed('000', { published: '2025-05-08' }),
      seed('001', { published: '2025-05-07' }),
      seed('002', { published: '2024-05-16' }),
      seed('003', { published: '2025-05-09T06:47:00+05:30' }),
      seed('004', { published: '2025-05-08' }),
    ].map((i) => storyFeatures(i));
    const groups = groupStories(fs);
    assert.deepEqual(ids(groups), [['000', '001', '003', '004'], ['002']]);
    const xi = groups.find((g) => g.members.includes('000'))!;
    assert.deepEqual(xi.span, { start: '2025-05-07', end: '2025-05-09' });
    assert.ok(xi.entities.some((e) => e.id === 'LOC:russia'));
    assert.ok(xi.title !== null);
  });

  it('tells the undated Moscow seeds from the Beijing one by the venue of the event', () => {
    const fs = ['000', '001', '002', '004'].map((p) => storyFeatures(seed(p)));
    assert.deepEqual(
      fs.map((f) => f.venue),
      ['moscow', 'moscow', 'beijing', 'moscow'],
    );
    assert.deepEqual(ids(groupStories(fs)), [['000', '001', '004'], ['002']]);
  });

  it('lets undated articles join without stretching the time span', () => {
    const fs = [seed('000'), seed('001'), seed('003', { published: '2025-05-09T06:47:00+05:30' }), seed('004')].map((i) => storyFeatures(i));
    const groups = groupStories(fs);
    assert.deepEqual(ids(groups), [['000', '001', '003', '004']]);
    assert.deepEqual(groups[0].span, { start: '2025-05-09', end: '2025-05-09' });
  });

  it('does not depend on the input order', () => {
    const fs = ['000', '001', '002', '003', '004'].map((p, i) => storyFeatures(seed(p, { published: i === 2 ? '2024-05-16' : '2025-05-08' })));
    const a = groupStories(fs);
    const b = groupStories([...fs].reverse());
    const c = groupStories([fs[2], fs[4], fs[0], fs[3], fs[1]]);
    assert.deepEqual(b, a);
    assert.deepEqual(c, a);
  });

  it('separates the same text a year apart (two summits), and keeps a future-dated copy with now set', () => {
    const text = seed('004').text;
    const fs = [
      storyFeatures({ ...seed('004'), id: 'a', published: '2025-05-08' }),
      storyFeatures({ ...seed('004'), id: 'b', published: '2024-05-08', text: edited(text, 1) }),
    ];
    assert.equal(groupStories(fs).length, 2);
    const fut = storyFeatures({ ...seed('004'), id: 'c', published: '2030-01-01' }, { now: '2025-05-10' });
    assert.equal(groupStories([fs[0], fut], { now: '2025-05-10' }).length, 1);
  });

  it('recognises identical texts from ten outlets as one story with one independent source', () => {
    const base = seed('003', { published: '2025-05-09' });
    const fs = Array.from({ length: 10 }, (_, i) => storyFeatures({ ...base, id: `copy${i}`, outlet: `Outlet ${i}`, title: `Headline ${i}` }));
    const groups = groupStories(fs);
    assert.equal(groups.length, 1);
    assert.equal(groups[0].members.length, 10);
    assert.equal(groups[0].copies.length, 1);
    assert.equal(groups[0].copies[0].length, 10);
    assert.equal(groups[0].independentSources, 1);
  });

  it('recognises lightly edited syndicated copies with new headlines, and counts sources', () => {
    const base = seed('004', { published: '2025-05-08' });
    const fs = [
      storyFeatures({ ...base, id: 'wire', outlet: 'Wire' }),
      storyFeatures({ ...base, id: 'reprint1', outlet: 'Paper A', title: 'Xi, Putin deepen ties', text: edited(base.text, 2) }),
      storyFeatures({ ...base, id: 'reprint2', outlet: 'Paper B', title: 'Moscow summit ends', text: edited(base.text, 5) }),
      storyFeatures(seed('001', { published: '2025-05-07', outlet: 'Paper C' })),
      storyFeatures(seed('000', { published: '2025-05-08', outlet: 'Paper D' })),
    ];
    const groups = groupStories(fs);
    assert.equal(groups.length, 1, JSON.stringify(ids(groups)));
    assert.deepEqual(groups[0].copies.map((c) => [...c].sort()), [['reprint1', 'reprint2', 'wire']]);
    assert.equal(groups[0].independentSources, 3);
  });

  it('does not let one shared word pull a headline into a story of several articles', () => {
    const others = uciHeadlines(60);
    const bachelor = [
      headline('b1', 'Bachelor Finale: Juan Pablo Makes His Decision'),
      headline('b2', 'Juan Pablo picks Nikki in the Bachelor finale'),
      headline('b3', 'Bachelor finale: no proposal from Juan Pablo'),
      headline('b4', 'Juan Pablo and Nikki after the Bachelor finale'),
    ];
    const groups = groupStories([...others, ...bachelor, headline('td', 'Season finale for True Detective')].map((i) => storyFeatures(i)));
    const of = (id: string) => groups.find((g) => g.members.includes(id))!.members;
    assert.deepEqual([...of('b1')].sort(), ['b1', 'b2', 'b3', 'b4']);
    assert.deepEqual(of('td'), ['td']);
  });

  it('asks more of headline-only matches across days than on one day (evidence that fits the time gap)', () => {
    // invented headlines of one topic: on one day they are one story; a day apart, a headline's few
    // shared words are too little evidence to bridge the day (a long article's are: the seeds above)
    const others = uciHeadlines(60);
    const topic = [
      ['h1', 'Quillon Foods cuts outlook as cocoa costs climb'],
      ['h2', 'Cocoa costs push Quillon Foods to cut its outlook'],
      ['h3', 'Quillon Foods shares slide after outlook cut on cocoa'],
      ['h4', 'Investors sell Quillon Foods shares after cocoa warning'],
    ];
    const on = (days: string[]) => topic.map(([id, title], i) => storyFeatures({ ...headline(id, title), published: days[i] }));
    const story = (groups: { members: string[] }[], id: string) => [...groups.find((g) => g.members.includes(id))!.members].sort();
    const background = others.map((i) => storyFeatures(i));
    const oneDay = groupStories([...background, ...on(['2014-03-11', '2014-03-11', '2014-03-11', '2014-03-11'])]);
    assert.deepEqual(story(oneDay, 'h1'), ['h1', 'h2', 'h3', 'h4']);
    const twoDays = groupStories([...background, ...on(['2014-03-11', '2014-03-11', '2014-03-12', '2014-03-12'])]);
    assert.deepEqual(story(twoDays, 'h1'), ['h1', 'h2']);
    assert.deepEqual(story(twoDays, 'h3'), ['h3', 'h4']);
  });

  it('takes its fitted weights from the options only when asked (bench/stories/cv.ts cross-validates them)', () => {
    const background = uciHeadlines(60).map((i) => storyFeatures(i));
    const topic = [
      ['h1', 'Quillon Foods cuts outlook as cocoa costs climb', '2014-03-11'],
      ['h2', 'Cocoa costs push Quillon Foods to cut its outlook', '2014-03-11'],
      ['h3', 'Quillon Foods shares slide after outlook cut on cocoa', '2014-03-12'],
      ['h4', 'Investors sell Quillon Foods shares after cocoa warning', '2014-03-12'],
    ].map(([id, title, day]) => storyFeatures({ ...headline(id, title), published: day }));
    const all = [...background, ...topic];
    assert.deepEqual(groupStories(all, { weights: { ...WEIGHTS } }), groupStories(all));
    // no time rate: a day between headlines costs nothing, so the two days' headlines are one story
    const story = groupStories(all, { weights: { timeRate: 0 } }).find((g) => g.members.includes('h1'))!;
    assert.deepEqual([...story.members].sort(), ['h1', 'h2', 'h3', 'h4']);
  });

  it('keeps a one-word article and an empty one as stories of their own', () => {
    const fs = [
      storyFeatures(seed('000', { published: '2025-05-08' })),
      storyFeatures({ id: 'one', title: null, text: 'Putin', outlet: null, published: '2025-05-08', eventDates: [], entities: [] }),
      storyFeatures({ id: 'none', title: null, text: '', outlet: null, published: null, eventDates: [], entities: [] }),
    ];
    assert.deepEqual(ids(groupStories(fs)), [['000'], ['none'], ['one']]);
  });

  it('groups ten thousand reports of one event into one story, in time linear in their number', () => {
    const base = seed('001', { published: '2025-05-07' });
    const words = base.text.split(/\s+/);
    const reports = (n: number): StoryFeatures[] => {
      const fs: StoryFeatures[] = [];
      for (let i = 0; i < n; i++) {
        // every report is a different 150-word stretch of the article, with one word changed and its own headline
        const from = (i * 37) % (words.length - 150);
        const text = words.slice(from, from + 150).map((w, j) => (j === i % 150 ? 'reportedly' : w)).join(' ');
        fs.push(storyFeatures({ ...base, id: `r${i}`, title: `Report ${i} on the Moscow visit`, text, outlet: `o${i % 50}`, published: `2025-05-0${7 + (i % 3)}` }));
      }
      return fs;
    };
    // ten times the articles: far less than the hundred times an all-pairs method would take (one run
    // of each: the large one takes seconds)
    const { large: groups } = assertLinear(reports, groupStories, { n: 1_000, factor: 10, maxRatio: 30, floorMs: 20, repeats: 1, what: 'grouping one event' });
    assert.equal(groups.length, 1);
    assert.equal(groups[0].members.length, 10_000);
    assert.ok(groups[0].independentSources <= 50);
  });
});

describe('StoryIndex (incremental)', () => {
  const dated = () =>
    [
      seed('000', { published: '2025-05-08' }),
      seed('001', { published: '2025-05-07' }),
      seed('002', { published: '2024-05-16' }),
      seed('003', { published: '2025-05-09' }),
      seed('004', { published: '2025-05-08' }),
    ].map((i) => storyFeatures(i));

  it('gives the batch result when fed in canonical order with the same frequencies', () => {
    const fs = dated();
    const idx = new StoryIndex();
    for (const f of fs) idx.observe(f);
    for (const f of canonicalOrder(fs)) idx.add(f);
    idx.settle();
    assert.deepEqual(idx.stories(), groupStories(fs));
  });

  it('returns story ids from add, closes stories whose window has passed, and removes articles', () => {
    const fs = dated();
    const idx = new StoryIndex();
    const s2 = idx.add(fs[2]); // 2024
    const s0 = idx.add(fs[0]); // 2025: the 2024 story closes
    assert.notEqual(s0, s2);
    assert.equal(idx.size.openStories, 1);
    assert.equal(idx.size.closedPending, 1);
    for (const f of [fs[1], fs[3], fs[4]]) idx.add(f);
    assert.equal(idx.add(fs[1]), s0); // adding again is a no-op
    const closed = idx.drainClosed();
    assert.deepEqual(closed.map((g) => g.members), [['002']]);
    assert.equal(closed[0].closed, true);
    idx.remove('001');
    assert.deepEqual(idx.stories().map((g) => g.members), [['000', '004', '003']]);
  });
});

describe('StoryIndex.regroup', () => {
  it('splits a story when the article that held two groups together is removed', () => {
    const others = uciHeadlines(60);
    const bachelor = [headline('a1', 'Bachelor finale: Juan Pablo picks Nikki'), headline('a2', 'Juan Pablo chooses Nikki in Bachelor finale'), headline('a3', 'No proposal from Juan Pablo in the Bachelor finale')];
    const reprint = { ...headline('a1-copy', 'Bachelor finale: Juan Pablo picks Nikki'), outlet: 'Reprint' };
    const bridge = headline('x', 'Bachelor finale and True Detective finale top Sunday and Monday ratings');
    const detective = [headline('b1', 'True Detective finale: Rust and Marty face the Yellow King'), headline('b2', 'True Detective season finale draws record ratings for HBO'), headline('b3', 'Rust and Marty in the True Detective finale')];
    const all = [...others, ...bachelor, bridge, ...detective, reprint].map((i) => storyFeatures(i));
    const idx = new StoryIndex();
    for (const f of all) idx.observe(f);
    for (const f of all) idx.add(f);
    const ours = () => idx.stories().filter((g) => g.members.some((m) => /^[abx]/.test(m)));
    assert.deepEqual(ours().map((g) => [...g.members].sort()), [['a1', 'a1-copy', 'a2', 'a3', 'b1', 'b2', 'b3', 'x']], 'the bridge pulled both groups into one story');
    const id = ours()[0].id;
    assert.deepEqual(idx.regroup(id), [id], 'nothing to split while the bridge is there');
    idx.remove('x');
    const parts = idx.regroup(id);
    assert.equal(parts.length, 2);
    assert.equal(parts[0], id, 'the story keeps its id');
    assert.deepEqual(ours().map((g) => [...g.members].sort()).sort(), [['a1', 'a1-copy', 'a2', 'a3'], ['b1', 'b2', 'b3']]);
    assert.deepEqual(ours().find((g) => g.members.includes('a1'))!.copies, [['a1', 'a1-copy']], 'the copy link moves with its part');
    assert.deepEqual(idx.regroup('no-such-story'), []);
  });

});

describe('StoryIndex under bad input', () => {
  it('does not let one far-future date close the open stories', () => {
    const idx = new StoryIndex();
    const s0 = idx.add(storyFeatures(seed('000', { published: '2025-05-08' })));
    idx.add(storyFeatures(seed('002', { id: 'wrong-date', published: '2031-05-16' })));
    assert.equal(idx.size.closedPending, 0);
    assert.equal(idx.add(storyFeatures(seed('004', { published: '2025-05-08' }))), s0);
  });

  it('keeps memory bounded: past maxOpenStories the least recently updated story closes', () => {
    const idx = new StoryIndex({ maxOpenStories: 2 });
    const texts = ['Harbor strike halts container traffic in Rotterdam for a third day', 'Volcano erupts near Reykjavik, flights diverted', 'Central bank of Brazil raises interest rates again'];
    texts.forEach((t, i) => {
      idx.add(storyFeatures({ id: `d${i}`, title: null, text: t, outlet: null, published: '2025-01-01', eventDates: [], entities: [] }));
    });
    assert.deepEqual(idx.size, { openStories: 2, openDocs: 2, closedPending: 1 });
    assert.deepEqual(idx.drainClosed().map((g) => g.members), [['d0']]);
    assert.equal(idx.stories().length, 2);
  });
});

describe('storyInputOf and scoreClusters', () => {
  it('maps an analysed article to a story input, keeping only resolved, non-inferred day dates', () => {
    const s = seed('003');
    const a = {
      article: { docId: 'd3', source: 'x', status: 'ok', title: s.title, dek: null, text: s.text, blocks: [], byline: [], outlet: 'Business Standard', url: null,
        published: { iso: '2025-05-09T06:47:00+05:30', precision: 'minute', source: 'text' }, modified: null, language: 'en', dateline: 'Moscow', wire: 'Press Trust of India',
        attributions: [], removed: [], messages: [] },
      sentences: [], entities: [], quotes: [], quantities: [],
      entityIndex: [{ id: 'PER:xi_jinping', type: 'PER', name: 'Xi Jinping', variants: [], mentions: 4 }],
      times: [
        { span: { start: 0, end: 8 }, text: 'Thursday', kind: 'weekday', value: '2025-05-08', grain: 'day', inferred: false },
        { span: { start: 9, end: 17 }, text: 'Tuesday', kind: 'weekday', value: '2025-05-06', grain: 'day', inferred: true },
        { span: { start: 18, end: 22 }, text: '2030', kind: 'year', value: '2030', grain: 'year', inferred: false },
      ],
    } as unknown as AnnotatedArticle;
    const input = storyInputOf(a);
    assert.equal(input.id, 'd3');
    assert.equal(input.published, '2025-05-09T06:47:00+05:30');
    assert.deepEqual(input.eventDates, ['2025-05-08']);
    assert.deepEqual(input.entities, [{ id: 'PER:xi_jinping', type: 'PER', count: 4 }]);
    const f = storyFeatures(input);
    assert.equal(f.eventDay, f.day! - 1);
  });

  it('scores B-cubed and pairwise against gold', () => {
    const gold = new Map([['a', 'X'], ['b', 'X'], ['c', 'Y'], ['d', 'Y']]);
    const perfect = scoreClusters(gold, [['a', 'b'], ['c', 'd']]);
    assert.equal(perfect.bcubed.f1, 1);
    const lumped = scoreClusters(gold, [['a', 'b', 'c', 'd']]);
    assert.equal(lumped.bcubed.precision, 0.5);
    assert.equal(lumped.bcubed.recall, 1);
    assert.equal(lumped.pairwise.precision, 2 / 6);
  });
});

describe('reconcileStoryIds', () => {
  const g = (id: string, members: string[]) => ({ id, members, copies: [], independentSources: members.length, title: null, span: { start: null, end: null }, entities: [], places: [] });

  it('keeps ids when stories gain members, and documents merges and splits', () => {
    const prev = [
      { id: 'S1', members: ['a', 'b'] },
      { id: 'S2', members: ['c'] },
      { id: 'S3', members: ['d', 'e', 'f'] },
    ];
    const next = [g('n1', ['a', 'b', 'x']), g('n2', ['c']), g('n3', ['d', 'e']), g('n4', ['f', 'y'])];
    const out = reconcileStoryIds(prev, next);
    assert.deepEqual(out.map((s) => s.id), ['S1', 'S2', 'S3', 'n4']);
    const merged = reconcileStoryIds(prev, [g('m', ['a', 'b', 'c', 'd', 'e', 'f'])]);
    assert.equal(merged[0].id, 'S3');
    assert.deepEqual(merged[0].mergedFrom, ['S1', 'S2']);
    // a new story never takes a retired id
    const fresh = reconcileStoryIds([{ id: 'S9', members: ['z'] }], [g('S9', ['q'])]);
    assert.equal(fresh[0].id, 'S9-2');
  });
});

describe('StoryIndex.settleUndoably / undoSettle (the ledger keeps a pass index between runs)', () => {
  it('settles as settle does, then gives back the pass state: later articles are placed as if settle had not run', () => {
    // short headlines of one day: many fragments, so settle merges and moves many articles
    const fs = canonicalOrder(uciHeadlines(600).map((x, i) => storyFeatures({ ...x, published: `2014-03-1${i < 300 ? 0 : 1}T12:00:00Z` })));
    const first = fs.filter((f) => f.day === fs[0].day);
    const later = fs.filter((f) => f.day !== fs[0].day);
    const make = () => {
      const idx = new StoryIndex();
      for (const f of first) idx.observe(f);
      for (const f of first) idx.add(f);
      return idx;
    };
    const kept = make();
    const plain = make();
    const pass = plain.stories();
    const settled = make();
    settled.settle();
    kept.settleUndoably();
    assert.deepEqual(kept.stories(), settled.stories());
    assert.notDeepEqual(settled.stories(), pass, 'settle changed something');
    kept.undoSettle();
    assert.deepEqual(kept.stories(), pass);
    for (const idx of [kept, plain]) {
      for (const f of later) idx.observe(f);
      for (const f of later) idx.add(f);
      idx.settle();
    }
    assert.deepEqual(kept.stories(), plain.stories());
  });
});
