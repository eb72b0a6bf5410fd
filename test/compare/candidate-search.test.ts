/**
 * The fact alignment's candidate search prunes pairs by bounds (`keysRead`, `postingReach`): a pair
 * it does not meet, or drops before scoring, must be one that cannot align. In a story whose key
 * lists all fit the window, the edges it finds are then every pair of sentences of two articles
 * whose similarity reaches the threshold, as comparing every pair finds them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALIGN_THRESHOLD, alignFacts, noAlignmentCounts } from '../../src/compare/facts.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { inventedArticle, publishedAt } from './story.js';

const published = publishedAt('2031-05-12T14:00');
// invented reports of one invented event, in other words and orders, with sentences of their own
const TEXTS = [
  'Floodwater from the swollen Larrow river forced 300 residents of Pellham to leave their homes on Sunday. The county opened two shelters in school gyms. Forecasters expect more rain on Tuesday.',
  'About 300 people were evacuated from Pellham on Sunday after the Larrow river burst its banks. Two school gymnasiums were opened as shelters by the county. The mayor called the flooding the worst in decades.',
  'The Larrow river overflowed on Sunday and some 300 Pellham residents left their homes. Volunteers filled sandbags along the main street. More rain is forecast for Tuesday, meteorologists said.',
  'Emergency crews in Pellham rescued an elderly couple from the roof of their car on Sunday. The couple were taken to hospital with mild hypothermia. Floodwater covered the road to a depth of one metre.',
  'An elderly couple stranded on the roof of their car were rescued by emergency crews in Pellham, officials said. The county has opened two shelters in school gyms for evacuated residents. The mayor said the flooding was the worst in decades.',
  'Railway services between Pellham and Dunmere were suspended after water covered the tracks. The rail operator said buses would replace trains until Wednesday. Volunteers were filling sandbags along the main street.',
  'Buses will replace trains between Pellham and Dunmere until Wednesday, the rail operator said, after floodwater covered the tracks. Insurers said claims could run into millions.',
];

describe('the candidate search of the fact alignment', () => {
  const story = prepareStory({ articles: TEXTS.map((t, i) => inventedArticle(`p${i}`, t, published)), copies: [] });
  const counts = noAlignmentCounts();
  const al = alignFacts(story, counts);

  it('finds every pair of sentences of two articles that aligns (no list longer than the window)', () => {
    const sents = story.sentences.filter((s) => s.keys.size >= 3);
    let aligned = 0;
    for (let i = 0; i < sents.length; i++)
      for (let j = i + 1; j < sents.length; j++) if (sents[i].art.id !== sents[j].art.id && al.sim(sents[i], sents[j]) >= ALIGN_THRESHOLD) aligned++;
    assert.ok(aligned >= 5, `${aligned} aligned pairs: the story must have some to test`);
    assert.equal(counts.edges, aligned);
    // and it scored fewer pairs than it could have met (the bounds prune before the exact similarity)
    assert.ok(counts.pairsScored <= counts.pairsMet, `${counts.pairsScored} scored of ${counts.pairsMet} met`);
  });

  it('finds the same edges and similarities with the articles in the other order (sentences are met in another order)', () => {
    // (the story orders its articles by id: each text under the id of its mirror)
    const n = TEXTS.length;
    const mirrored = prepareStory({ articles: TEXTS.map((t, i) => inventedArticle(`p${n - 1 - i}`, t, published)), copies: [] });
    assert.notEqual(mirrored.sentences[0].art.text, story.sentences[0].art.text);
    const countsM = noAlignmentCounts();
    const alM = alignFacts(mirrored, countsM);
    assert.equal(countsM.edges, counts.edges);
    const byId = new Map(mirrored.sentences.map((s) => [s.id, s]));
    const mirror = (id: string) => byId.get(id.replace(/^p(\d+)/, (_, i: string) => `p${n - 1 - Number(i)}`))!;
    const sents = story.sentences.filter((s) => s.keys.size >= 3);
    for (let i = 0; i < sents.length; i++)
      for (let j = i + 1; j < sents.length; j++) {
        const [a, b] = [sents[i], sents[j]];
        assert.equal(mirror(a.id).art.text, a.art.text);
        const v = al.sim(a, b);
        const w = alM.sim(mirror(a.id), mirror(b.id));
        assert.ok(Math.abs(v - w) < 1e-12, `${a.id} / ${b.id}: ${v} against ${w}`);
      }
  });
});
