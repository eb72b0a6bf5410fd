import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { processDocument } from '../../src/pipeline.js';
import { claimsDisagree, claimSummary, inverseAct } from '../../src/stories/claim-evidence.js';
import { mainClaimsOf } from '../../src/stories/main-claim.js';
import { groupStories, storyFeatures, type StoryFeatures } from '../../src/stories/index.js';
import { assertRunsGiveBatch, block } from './invented.js';

const raw = (id: string, title: string, text: string) => ({ id, source: id, format: 'json' as const, content: text, contentType: 'text' as const, encoding: 'utf-8', meta: { title } });
type Claims = NonNullable<StoryFeatures['claims']>;

describe('main event claims (main-claim.ts, claim-evidence.ts)', () => {
  it('reads the act class, agent and patient of the headline and the lead, names by their last word', () => {
    const p = processDocument(raw('a', 'Norvale Rovers fire coach Tamsin Quillby', 'The Norvale Rovers fired coach Tamsin Quillby on Saturday after a losing run. Quillby had led the Rovers for two seasons.'));
    assert.deepEqual(p.features.claims, [['Firing', 'rovers', 'quillby']]);
    // (a passive lead: the patient is its subject, the agent its "by" phrase)
    const q = processDocument(raw('b', '', 'Tamsin Quillby was hired by the Norvale Rovers on Monday. The Rovers said Quillby would start at once.'));
    assert.deepEqual(q.features.claims, [['Hiring', 'rovers', 'quillby']]);
  });

  it('reads the lead claim from the second sentence when the first states a verb of its own and the second an event class', () => {
    // (a lead of colour: the act the report is about comes next)
    const p = processDocument(raw('e', '', 'Tamsin Quillby is walking the touchline again. The Norvale Rovers hired Quillby on Monday as their coach.'));
    assert.deepEqual(p.features.claims, [['Hiring', 'rovers', 'quillby']]);
    // (a first sentence of an event class keeps its place)
    const q = processDocument(raw('f', '', 'The Norvale Rovers fired Tamsin Quillby on Saturday. The Rovers hired Brannock Ostrander on Monday.'));
    assert.deepEqual(q.features.claims, [['Firing', 'rovers', 'quillby']]);
  });

  it('keeps no claim without an act, and never throws on an article without a parse', () => {
    const p = processDocument(raw('c', 'A quiet week', 'It was a quiet week in the valley.'));
    assert.equal(p.features.claims, undefined);
    assert.deepEqual(mainClaimsOf({ ...p.annotated, tokens: undefined, article: { ...p.annotated.article, title: null } }), []);
  });

  it('stores at most two well-formed claims, and none when there are none', () => {
    const input = { id: 'd', title: 'Council votes', text: 'The council voted to close the bridge.', outlet: null, published: null, eventDates: [], entities: [] };
    const claims = [['Firing', 'rovers', 'quillby'], ['bad'], ['Hiring', '', 'x'.repeat(60)], ['Hiring', 'rovers', ''], ['Arrest', '', 'zed']];
    assert.deepEqual(storyFeatures({ ...input, claims: claims as Claims }).claims, [['Firing', 'rovers', 'quillby'], ['Hiring', 'rovers', '']]);
    assert.equal(storyFeatures(input).claims, undefined);
    assert.equal(storyFeatures({ ...input, claims: 'nope' as unknown as Claims }).claims, undefined);
  });

  it('finds sides disagreeing when one act names other participants, agreeing when a name is shared', () => {
    const one = (c: Claims) => claimSummary([c]);
    const story = claimSummary([[['Firing', 'rovers', 'quillby']], [['Firing', '', 'quillby']], [['Hiring', 'rovers', 'brannock']]]);
    assert.equal(claimsDisagree(one([['Firing', 'rovers', 'ostrander']]), story, 1, 3), true);
    assert.equal(claimsDisagree(one([['Firing', 'rovers', 'quillby']]), story, 1, 3), false);
    // (another act, or only common nouns: no evidence either way)
    assert.equal(claimsDisagree(one([['Arrest', 'police', 'ostrander']]), story, 1, 3), false);
    assert.equal(claimsDisagree(one([['Firing', '~team', '~coach']]), story, 1, 3), false);
    // (a name the parse put in the other role is the same participant)
    assert.equal(claimsDisagree(one([['Firing', 'quillby', '']]), story, 1, 3), false);
  });

  it('finds sides disagreeing when one states the inverse act done to its named patient (WordNet antonyms), not a converse one', () => {
    // (verb-antonyms.tsv read through the act classes: hire / fire is Hiring / Firing; buy / sell, one sale told from either side, is not listed)
    assert.equal(inverseAct('Hiring', 'Firing'), true);
    assert.equal(inverseAct('open', 'close'), true);
    assert.equal(inverseAct('Firing', 'Firing'), false);
    assert.equal(inverseAct('Commerce_buy', 'Commerce_sell'), false);
    const one = (c: Claims) => claimSummary([c]);
    const story = claimSummary([[['Firing', 'rovers', 'quillby']], [['Firing', '', 'quillby']], [['Hiring', 'rovers', 'brannock']]]);
    assert.equal(claimsDisagree(one([['Hiring', 'rovers', 'quillby']]), story, 1, 3), true);
    // (whoever the agent: another body undoing the act is another event too)
    assert.equal(claimsDisagree(one([['Hiring', 'wanderers', 'quillby']]), story, 1, 3), true);
    // (the inverse act done to someone else, or to a common noun: no evidence)
    assert.equal(claimsDisagree(one([['Hiring', 'rovers', 'ostrander']]), story, 1, 3), false);
    assert.equal(claimsDisagree(one([['open', 'rovers', '~stadium']]), one([['close', 'rovers', '~stadium']]), 1, 1), false);
    assert.equal(claimsDisagree(one([['Commerce_buy', 'mornet', 'skyway']]), one([['Commerce_sell', 'calder', 'skyway']]), 1, 1), false);
  });

  it("does not take one member's name for a story's own", () => {
    const story = claimSummary([[['Arrest', 'police', 'ostrander']], [['Hiring', 'rovers', 'brannock']]]);
    assert.equal(claimsDisagree(claimSummary([[['Arrest', 'police', 'quillby']]]), story, 1, 2), false);
    assert.equal(claimsDisagree(claimSummary([[['Arrest', 'police', 'quillby']]]), claimSummary([[['Arrest', 'police', 'ostrander']]]), 1, 1), true);
  });

  it('keeps apart undated reports of inverse acts done to one patient, which the same act would join', async () => {
    const words = block('inv', 80);
    const reports = (act: (side: number) => string) =>
      Array.from({ length: 8 }, (_, i) => {
        // (12 words shared by all, 16 of each side's own)
        const own = words.slice(30 + (i % 2) * 25, 43 + (i % 2) * 25);
        const text = [...words.slice(0, 12), ...own, ...own.slice(0, 3)].join(' ');
        return storyFeatures({ id: `v${i}`, title: null, text, outlet: `o${i}`, published: null, eventDates: [], entities: [], claims: [[act(i % 2), 'rovers', 'quillby']] });
      });
    assert.equal(groupStories(reports(() => 'Firing')).length, 1);
    const inverse = reports((side) => (side ? 'Hiring' : 'Firing'));
    assert.deepEqual(groupStories(inverse).map((g) => g.members.map((m) => Number(m.slice(1)) % 2)).map((sides) => new Set(sides).size), [1, 1]);
    await assertRunsGiveBatch(inverse);
  });

  it('groups the same in batch and in ledger runs of any order when articles carry claims', async () => {
    const words = block('mcl', 30);
    const all: StoryFeatures[] = [];
    for (let i = 0; i < 10; i++) {
      const text = [...words.slice(0, 20), ...words.slice(20 + (i % 2) * 5, 25 + (i % 2) * 5)].join(' ');
      const f = storyFeatures({ id: `m${i}`, title: null, text, outlet: `o${i}`, published: i < 4 ? `2024-03-0${1 + (i % 3)}` : null, eventDates: [], entities: [], claims: [['Firing', 'rovers', i % 2 ? 'quillby' : 'ostrander']] });
      all.push(f);
    }
    await assertRunsGiveBatch(all);
    // (inverse acts done to one patient: hiring and firing one coach)
    await assertRunsGiveBatch(all.map((f, i) => ({ ...f, claims: [[i % 2 ? 'Hiring' : 'Firing', 'rovers', 'quillby']] as Claims })));
  });
});
