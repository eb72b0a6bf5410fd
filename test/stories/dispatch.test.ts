import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitSentences } from '../../src/text/tokenize.js';
import { containment, dispatchPairs, narrativeShingles } from '../../src/stories/dispatch.js';
import { fnv1a, fnv1aJoined } from '../../src/stories/minhash.js';
import { sourceGroupsWhy } from '../../src/stories/facts.js';
import { crossCheckTexts, publishedAt } from '../compare/story.js';

// Invented wording: a wire story, an outlet's cut rewrite of it, and an outlet's own story that
// quotes the same statement.
const WIRE = [
  'A freight train carrying grain left the rails near the river crossing at Dunmere late on Sunday night, blocking the main line for most of Monday.',
  'Eleven of the forty wagons overturned and spilled their load along the embankment, the regional rail operator said in a statement.',
  'No one was hurt, and the driver walked back to the signal box to raise the alarm before the next passenger service was due.',
  'Engineers expect the line to reopen on Wednesday once the wagons have been lifted by two cranes brought in from the coast.',
  'The operator said it would examine the track and the wagons, which were inspected last month, to find out why the train came off the rails.',
];
const REWRITE = [
  'Commuters faced long delays on Monday after a grain train came off the rails near the river crossing at Dunmere late on Sunday night.',
  WIRE[1],
  WIRE[2],
  'Engineers expect the line to reopen on Wednesday once the wagons have been lifted by two cranes brought in from the coast.',
];
const STATEMENT = '"We are working with the investigators to find out why the train left the rails and we apologise to everyone whose journey was disrupted," the operator said in a statement on Monday morning.';
const OWN = [
  'Farmers along the valley said the spilled grain would draw rats and birds to the embankment unless it was cleared within days.',
  STATEMENT,
  'A council officer visited the site on Monday afternoon and said the clean-up would be paid for by the rail operator.',
];

const dispatch = (id: string, sentences: string[]) => {
  const text = sentences.join(' ');
  return { id, text, sentences: splitSentences(text), quotes: [] };
};

describe('rewrites of one dispatch', () => {
  it('a cut rewrite of a wire story is found: most of its own sentences are the wire story\'s', () => {
    const pairs = dispatchPairs([dispatch('b', REWRITE), dispatch('a', WIRE)]);
    assert.equal(pairs.length, 1);
    assert.deepEqual([pairs[0].a, pairs[0].b], ['a', 'b']);
    assert.ok(pairs[0].containment >= 0.6 && pairs[0].containment < 1, `containment ${pairs[0].containment}`);
  });

  it('a shared quotation is no evidence of one dispatch: quoted sentences do not count', () => {
    const other = [
      'The spill was the second on the line this year, and the third in the region since the spring floods closed the valley road.',
      STATEMENT,
      'Passengers were offered buses between the two nearest stations until the line reopens later in the week.',
    ];
    assert.equal(containment(narrativeShingles(dispatch('a', OWN)), narrativeShingles(dispatch('b', other))), 0);
    assert.deepEqual(dispatchPairs([dispatch('a', [...WIRE.slice(0, 1), STATEMENT]), dispatch('b', OWN)]), []);
  });

  it('a sentence inside a quotation the analysis found is left out, quotation marks or not', () => {
    const d = dispatch('a', WIRE);
    const all = narrativeShingles(d).size;
    const quoted = narrativeShingles({ ...d, quotes: [{ start: d.sentences[1].start + 3, end: d.sentences[1].start + 20 }] }).size;
    assert.ok(quoted < all && quoted > 0);
  });

  it('the pairs do not depend on the order of the articles; empty and hostile input is safe', () => {
    const input = [dispatch('c', OWN), dispatch('a', WIRE), dispatch('b', REWRITE)];
    assert.deepEqual(dispatchPairs(input), dispatchPairs([...input].reverse()));
    assert.deepEqual(dispatchPairs([]), []);
    assert.deepEqual(dispatchPairs([{ id: 'x', text: '', sentences: [{ start: 5, end: 2 }], quotes: [{ start: 9, end: 1 }] }]), []);
  });

  it('a fact only a wire story and its rewrite carry is single-source in the cross-check', () => {
    const x = crossCheckTexts([WIRE.join(' '), REWRITE.join(' ')], publishedAt('2011-03-07T12:00:00Z'));
    const overturned = x.facts.filter((f) => f.statement.includes('overturned'));
    assert.ok(overturned.length > 0, 'the fact is found');
    for (const f of overturned) assert.notEqual(f.status, 'corroborated');
  });

  it('two rewrites of one dispatch that differ in a figure are one source against itself, as copies are: no conflict between outlets', () => {
    const published = publishedAt('2011-03-07T12:00:00Z');
    const wagons = (n: string) => `${n} wagons overturned and spilled their load along the embankment, the regional rail operator said in a statement.`;
    const wire = [WIRE[0], wagons('Eleven'), WIRE[2]].join(' ');
    const rewrite = ['Commuters faced long delays on Monday after a grain train came off the rails near Dunmere.', wagons('Nine'), WIRE[2]].join(' ');
    const rewrites = crossCheckTexts([wire, rewrite], published);
    assert.deepEqual(rewrites.sources.map((x) => x.sourceReason), ['dispatch', 'dispatch']);
    assert.deepEqual(rewrites.conflicts.map((c) => c.note), []);
    // the same two figures from an outlet that tells the story in its own words are a conflict
    const own = 'Nine wagons overturned when the grain train left the rails at Dunmere on Sunday night, the rail operator said. Nobody was injured.';
    const independent = crossCheckTexts([wire, own], published);
    assert.deepEqual(independent.sources.map((x) => x.sourceReason), [null, null]);
    assert.deepEqual(independent.conflicts.map((c) => c.note), ['9 vs 11: incompatible']);
  });
});

describe('why articles are one source (stories/facts.ts sourceGroupsWhy)', () => {
  const articles = [
    { id: 'a', outlet: 'Outlet One', wire: null },
    { id: 'b', outlet: 'Outlet Two', wire: null },
    { id: 'c', outlet: 'Outlet One', wire: null },
    { id: 'd', outlet: 'Outlet Three', wire: 'Reuters' },
    { id: 'e', outlet: 'Outlet Four', wire: 'Reuters' },
    { id: 'f', outlet: 'Outlet Five', wire: null },
    { id: 'g', outlet: 'Outlet Six', wire: null },
  ];
  it('names the first relation that ties each article to its group: copy, dispatch, wire, outlet', () => {
    const why = sourceGroupsWhy(articles, [['f', 'b']], [['g', 'b'], ['b', 'a']]);
    assert.deepEqual(
      [...why].map(([id, g]) => `${id}:${g.group}:${g.reason}`),
      ['a:a:dispatch', 'b:a:copy', 'c:a:outlet', 'd:d:wire', 'e:d:wire', 'f:a:copy', 'g:a:dispatch'],
    );
  });
  it('does not depend on the order of the articles or of the groups; an article alone has no reason', () => {
    const one = sourceGroupsWhy(articles, [['f', 'b']], [['g', 'b'], ['b', 'a']]);
    const other = sourceGroupsWhy([...articles].reverse(), [['b', 'f']], [['a', 'b'], ['b', 'g']]);
    assert.deepEqual([...other].sort(), [...one].sort());
    assert.deepEqual([...sourceGroupsWhy([{ id: 'x', outlet: null, wire: null }], [['x', 'x'], ['x', 'nowhere']])], [['x', { group: 'x', reason: null }]]);
  });
});

describe('shingle hashes (minhash.ts fnv1aJoined)', () => {
  it('the hash of the words joined by spaces, as fnv1a of the joined string', () => {
    const ws = ['the', 'grain', 'train', 'left', 'the', 'rails', 'at', 'dunmère', '’s', 'x'];
    for (let i = 0; i + 5 <= ws.length; i++) assert.equal(fnv1aJoined(ws, i, i + 5), fnv1a(ws.slice(i, i + 5).join(' ')));
    assert.equal(fnv1aJoined(ws, 2, 3), fnv1a('train'));
    assert.equal(fnv1aJoined(['', 'a'], 0, 2), fnv1a(' a'));
  });
});
