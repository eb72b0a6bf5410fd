import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptedCues, cueQuestions, cueScore, loadCueClassifier, readCueFile, writeCueFile } from '../../src/analyse/attribution/cue-classifier.js';
import { documentInfo, setLikelyCues } from '../../src/analyse/attribution/features.js';
import { findQuotedSegments, normaliseQuoteMarks } from '../../src/analyse/quotes.js';
import { parseSentences } from '../../src/analyse/syntax/index.js';
import { splitSentences, tokenize } from '../../src/analyse/tokenize.js';

/** The classifier's decision on each word of `text` that it is asked about (word → accepted). */
function decisions(text: string): Map<string, boolean> {
  const m = loadCueClassifier();
  assert.ok(m, 'models/cues.bin ships');
  const norm = normaliseQuoteMarks(text);
  const toks = tokenize(norm);
  const sentences = splitSentences(text);
  const parse = parseSentences(text, sentences).tokens;
  const info = documentInfo(norm, toks, findQuotedSegments(norm).map((s) => s.inner), [], new Map(), new Map());
  const q = cueQuestions(toks, parse, [], info.inQuote, info.mark);
  const yes = acceptedCues(m, toks.length, q);
  return new Map(q.tokens.map((i) => [toks[i].text, yes[i] === 1]));
}

describe('cue classifier (attribution/cue-classifier.ts, models/cues.bin)', () => {
  it('takes a verb of saying with a clausal complement for a cue, and an action verb for none', () => {
    const said = decisions('The governor said that taxes would rise next year.');
    assert.equal(said.get('said'), true);
    assert.equal(said.get('rise'), false);
    const traded = decisions('The team traded him to another club in March.');
    assert.equal(traded.get('traded'), false);
  });

  it('decides the same way twice, and asks about nothing without a parse', () => {
    const text = 'Officials warned on Monday that the bridge was unsafe, according to a statement.';
    assert.deepEqual([...decisions(text)], [...decisions(text)]);
    const toks = tokenize(text);
    const info = documentInfo(text, toks, [], [], new Map(), new Map());
    assert.equal(cueQuestions(toks, [], [], info.inQuote, info.mark).tokens.length, 0);
  });

  it('replaces the cue bins as the likely cues only where it was asked', () => {
    const toks = tokenize('He said it .');
    const info = documentInfo('He said it .', toks, [], [], new Map([['said', 5]]), new Map());
    assert.deepEqual([...info.likely], [0, 1, 0, 0]);
    setLikelyCues(info, [1], new Uint8Array(4));
    assert.deepEqual([...info.likely], [0, 0, 0, 0]);
  });

  it('round-trips its file and refuses a damaged one', () => {
    const m = { keys: Uint32Array.from([3, 9, 40]), weights: Float32Array.from([0.5, -1, 2]), meta: { data: 'test' } };
    const back = readCueFile(writeCueFile(m));
    assert.deepEqual([...back.keys], [3, 9, 40]);
    assert.equal(cueScore(back, [9, 40, 7]), 1);
    const bad = writeCueFile({ ...m, keys: Uint32Array.from([9, 3, 40]) });
    assert.throws(() => readCueFile(bad));
    assert.equal(loadCueClassifier('/nonexistent/cues.bin'), null);
  });
});
