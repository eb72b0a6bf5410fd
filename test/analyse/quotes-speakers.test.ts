/**
 * Speakers by name on real text: a passage of a PolNeAR train article (breitbart 2016-03-29,
 * AFP copy), cut to the paragraphs that matter.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseArticle } from '../../src/analyse/index.js';
import { bareArticle } from '../helpers.js';

const TEXT = [
  'New York (AFP) – Oscar-winning actress Susan Sarandon, star of cult classic “Thelma and Louise,” is not sure she can vote for Hillary Clinton over Donald Trump, the Republican frontrunner who has inflamed America with divisive rhetoric.',
  '“That’s a legitimate concern, because they’re very passionate and very principled,” Sarandon, 69, told MSNBC Monday when asked about concerns that Sanders’s supporters would not support Clinton if he loses the nomination.',
  'Asked about her own vote in the event that Clinton faces Republican frontrunner Trump, who has insulted women, Mexicans and Muslims in a volatile campaign, she replied: “I don’t know. I’m going to see what happens.”',
  'The actress said she was tired of the status quo and wanted a candidate who had not accepted money from the fracking industry, pharmaceutical giants or Wall Street.',
  '“Some people feel Trump will bring revolution immediately,” she said. “If he gets in, then things will really explode,” she said.',
].join('\n\n');

describe('speakers by name (PolNeAR passage)', () => {
  const a = analyseArticle(bareArticle('s', TEXT, {}));
  const at = (content: string) => {
    const q = a.quotes.find((k) => TEXT.slice(k.span.start, k.span.end).includes(content));
    assert.ok(q, content);
    return q;
  };

  it('resolves "she" to the woman the text genders, not to the nearer man named inside or beside a quotation', () => {
    assert.equal(at('I don’t know').speakerName, 'Susan Sarandon');
    assert.equal(at('Some people feel Trump').speakerName, 'Susan Sarandon');
    assert.equal(at('If he gets in').speakerName, 'Susan Sarandon');
  });

  it('links a definite description to the name the text gave it ("actress Susan Sarandon" … "The actress said")', () => {
    const q = at('she was tired of the status quo');
    assert.equal(TEXT.slice(q.speakerSpan!.start, q.speakerSpan!.end), 'The actress');
    assert.equal(q.speakerName, 'Susan Sarandon');
  });

  it('keeps a description that names no one as written, and never makes a place or a time the speaker', () => {
    const t = 'The governor said the roads would close. Trump Tower was sold last year. This month said nothing. Russia said the talks failed. The Republican nominee said the plan failed.';
    const b = analyseArticle(bareArticle('d', t, {}));
    const name = (c: string) => b.quotes.find((k) => t.slice(k.span.start, k.span.end).includes(c))?.speakerName;
    assert.equal(name('the roads would close'), 'The governor');
    assert.equal(name('the talks failed'), 'Russia');
    assert.equal(name('the plan failed'), 'The Republican nominee');
    for (const q of b.quotes) assert.ok(!/month/i.test(q.speakerName ?? ''), q.speakerName ?? '');
  });
});
