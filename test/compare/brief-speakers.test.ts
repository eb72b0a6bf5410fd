/**
 * The speaker check of eval:crosscheck's `briefSupport` (no gold needed): a brief quote line's speaker
 * must be named near each sentence it cites. Invented articles and lines throughout.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { briefSupport, speakerNamed, speakerOf } from '../../scripts/eval-crosscheck.js';
import type { StoryCrossCheck } from '../../src/compare/types.js';

const ARTICLE = [
  'The Kelso ferry road was closed on Saturday after a landslide.',
  'Council leader Mara Quillon said the road would reopen within a week.',
  '“We have crews on the slope day and night.',
  'Nobody will be left without a way home,” she added.',
  'Engineers said the slope had moved 3 metres overnight.',
  'Witnesses described a roar before the mud came down, and two other witnesses a crack.',
  'She said the council had been warned in May.',
  'Quillon’s deputy, Ewan Brack, declined to comment.',
  '“It was a long night,” Brack said.',
  '“She was with the crews until dawn.”',
].join(' ');
const at = (sentence: string) => ARTICLE.indexOf(sentence);

describe('a quote line names its speaker near the cited sentence', () => {
  it('reads the speaker a quote line names', () => {
    assert.equal(speakerOf('Mara Quillon said that the road would reopen within a week (Kelso Post).'), 'Mara Quillon');
    assert.equal(speakerOf('Witnesses was quoted as saying “a roar” (Kelso Post).'), 'Witnesses');
    assert.equal(speakerOf('Nothing said here.'), null);
  });
  it('by the surname in the cited sentence, also as a possessive', () => {
    assert.ok(speakerNamed('Mara Quillon', ARTICLE, at('Council leader')));
    assert.ok(speakerNamed('Quillon', ARTICLE, at('Quillon’s deputy')));
    assert.ok(!speakerNamed('Ewan Brack', ARTICLE, at('Engineers said')));
  });
  it('by the sentence before or after only when the quotation runs over sentences', () => {
    assert.ok(speakerNamed('Mara Quillon', ARTICLE, at('“We have crews')));
    // "Engineers said …" quotes nothing: the surname in the sentence after names no one here
    assert.ok(!speakerNamed('Ewan Brack', ARTICLE, at('She said the council')));
  });
  it('by a pronoun whose antecedent is in the three sentences before', () => {
    assert.ok(speakerNamed('Mara Quillon', ARTICLE, at('Nobody will be left')));
    // "She said … in May": the surname is four sentences back
    assert.ok(!speakerNamed('Mara Quillon', ARTICLE, at('She said the council')));
    // a pronoun inside a quotation is the speaker's: "She was with the crews" is Brack's, by the sentence before
    assert.ok(!speakerNamed('Mara Quillon', ARTICLE, at('“She was with')));
    assert.ok(speakerNamed('Ewan Brack', ARTICLE, at('“She was with')));
  });
  it('by where a quotation over paragraphs opens, or by its attribution where it closes', () => {
    const over = [
      'The club released its forward on Monday.',
      '“With Tam, the knee gave way in training,” coach Ines Varga said.',
      '“ We talked it through with him.',
      'He had been playing well.',
      '“ It was the right call.”',
      'The forward, Dara Ruel, said he was sad.',
      '“I wanted to finish the season.',
      'Now I will watch,” Ruel said.',
    ].join('\n\n');
    const on = (s: string) => over.indexOf(s);
    assert.ok(speakerNamed('Ines Varga', over, on('He had been playing')));
    assert.ok(speakerNamed('Ines Varga', over, on('“ It was the right call')));
    assert.ok(speakerNamed('Dara Ruel', over, on('“I wanted')));
    // the quotation's own attribution where it closes names another speaker
    assert.ok(!speakerNamed('Ines Varga', over, on('“I wanted')));
    assert.ok(!speakerNamed('Dara Ruel', over, on('He had been playing')));
  });
  it('an initial is a name, not an article', () => {
    const text = 'The manager, A. J. Tobin, said the squad was ready. He went on to say, “ we are calm. ”';
    assert.ok(speakerNamed('A. J. Tobin', text, text.indexOf('He went')));
  });
  it('a description must be in the cited sentence itself, or before the quotation it opens', () => {
    assert.ok(speakerNamed('Witnesses', ARTICLE, at('Witnesses described')));
    assert.ok(speakerNamed('The engineer', ARTICLE, at('Engineers said')));
    assert.ok(!speakerNamed('Witnesses', ARTICLE, at('She said the council')));
  });
  it('counts speakers apart from the values of a line', () => {
    const cite = (s: string) => ({ articleId: 'a', span: { start: at(s), end: at(s) + 5 }, sentence: { start: at(s), end: at(s) + s.length } });
    const brief = [
      { text: 'Mara Quillon said that the road would reopen within a week (Kelso Post).', kind: 'quote' as const, standing: 'single-source' as const, citations: [cite('Council leader Mara Quillon said the road would reopen within a week.')] },
      { text: 'Ewan Brack said that the slope had moved 3 metres (Kelso Post).', kind: 'quote' as const, standing: 'single-source' as const, citations: [cite('Engineers said the slope had moved 3 metres overnight.')] },
    ];
    const s = briefSupport({ brief } as unknown as StoryCrossCheck, new Map([['a', ARTICLE]]));
    assert.deepEqual([s.checked, s.supported, s.speakersChecked, s.speakersSupported], [1, 1, 2, 1]);
    assert.match(s.speakersUnsupported[0]!, /^speaker Ewan Brack:/);
  });
});
