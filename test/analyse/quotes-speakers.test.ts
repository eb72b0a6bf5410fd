/**
 * Speakers by name on real text: a passage of a PolNeAR train article (breitbart 2016-03-29,
 * AFP copy), cut to the paragraphs that matter.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseArticle } from '../../src/analyse/index.js';
import { fallbackSpeakerName } from '../../src/analyse/quotes.js';
import { bareArticle } from '../helpers.js';
import { firstMentionReaching, mentionsFrom, type NameMention, speakerNoun } from '../../src/analyse/quotes/speakers.js';
import type { EntityMention } from '../../src/model/types.js';

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

describe('people who share a surname, titles before names, participle announcers (ledger25)', () => {
  it('links a bare surname two people share to the person named first, not to the one named more often', () => {
    const t = [
      'Lena Marsh has decided to stay at Oakfield for one more season.',
      'Marsh told her mother, Oakfield coach Irene Marsh, before practice on Monday.',
      '"I owe this team another year," Marsh said.',
      'Irene Marsh said the decision was her daughter\'s alone. Irene Marsh added that the team was thrilled.',
      '"I never pushed her to stay," Irene Marsh said.',
      '"It was my call," Marsh said.',
    ].join('\n\n');
    const a = analyseArticle(bareArticle('m', t, {}));
    const name = (c: string) => a.quotes.find((k) => t.slice(k.span.start, k.span.end).includes(c))?.speakerName;
    assert.equal(name('I owe this team'), 'Lena Marsh');
    assert.equal(name('It was my call'), 'Lena Marsh');
    assert.equal(name('I never pushed her'), 'Irene Marsh');
  });

  it('ties "the judge" to the person a capitalised title "Judge" stood before, not the court before it', () => {
    const t = [
      'County Court Judge Alma Torvik adjourned the hearing on Friday.',
      'The witness was frightened, Torvik said after the recess.',
      '"He is in no state to testify," the judge said.',
    ].join('\n\n');
    const a = analyseArticle(bareArticle('j', t, {}));
    const q = a.quotes.find((k) => t.slice(k.span.start, k.span.end).includes('no state to testify'));
    assert.ok(q);
    assert.equal(t.slice(q.speakerSpan!.start, q.speakerSpan!.end), 'the judge');
    assert.equal(q.speakerName, 'Alma Torvik');
  });

  it('ties "the statement" to the organisation that issued it (the subject of the verb it is the object of)', () => {
    const t = 'Halvorsen Foods issued a statement early this morning announcing that the plant is closed.\n\nThe statement expresses condolences for the families of the victims, saying, "This is a tragic loss for all of us."';
    const a = analyseArticle(bareArticle('s', t, {}));
    const q = a.quotes.find((k) => t.slice(k.span.start, k.span.end).includes('tragic loss'));
    assert.ok(q);
    assert.equal(t.slice(q.speakerSpan!.start, q.speakerSpan!.end), 'The statement');
    assert.equal(q.speakerName, 'Halvorsen Foods');
  });

  it('gives a quotation announced by ", admitting …:" the subject of the clause the participle hangs on, not the sentence\'s "It"', () => {
    const t = 'Harold Brisk kept the secret for decades. It was thirty years before he finally spoke, admitting in 2006:\n\n"I was the one who leaked the memo."';
    const a = analyseArticle(bareArticle('p', t, {}));
    const q = a.quotes.find((k) => t.slice(k.span.start, k.span.end).includes('leaked the memo'));
    assert.ok(q);
    assert.equal(t.slice(q.speakerSpan!.start, q.speakerSpan!.end), 'he');
    assert.equal(q.speakerName, 'Harold Brisk');
  });
});

describe('a company the recogniser reads as a person', () => {
  it('a name ending in the plural of a common noun, written after an article ("the Brandt Foods plant"), is an organisation: "it" finds it, "he" does not', () => {
    const t = [
      'A fire broke out at the Brandt Foods plant in the north of the city on Friday.',
      'Brandt Foods issued a statement on Friday morning saying the plant would stay closed.',
      'It said the company would pay the wages of every worker while the plant is closed.',
    ].join('\n\n');
    const a = analyseArticle(bareArticle('k', t, {}));
    // (the recogniser tags it PER: the case this reads)
    const q = a.quotes.find((k) => t.slice(k.span.start, k.span.end).includes('pay the wages'));
    assert.ok(q, 'the quote');
    assert.equal(q.speaker, 'ORG:brandt_foods');
    assert.equal(q.speakerName, 'Brandt Foods');
  });
});

describe('fallbackSpeakerName, asked again', () => {
  it('gives the same name for the same span, a fresh object each time, and reads another text afresh', () => {
    const text = 'Ministry spokesman John Doe said the talks would resume.';
    const span = { start: 0, end: 'Ministry spokesman John Doe'.length };
    const first = fallbackSpeakerName(text, span);
    assert.deepEqual(first, { entity: 'PER:doe', name: 'John Doe' });
    first!.name = 'changed by the caller';
    assert.deepEqual(fallbackSpeakerName(text, span), { entity: 'PER:doe', name: 'John Doe' });
    // the same offsets in another article
    const other = 'Reuters reporter Ann Leeson said the talks would resume.';
    assert.deepEqual(fallbackSpeakerName(other, span), { entity: 'PER:leeson', name: 'Ann Leeson' });
    assert.deepEqual(fallbackSpeakerName(text, span), { entity: 'PER:doe', name: 'John Doe' });
  });
});

describe('speakerNoun: a lemma reduced to nothing', () => {
  it('answers null for "s" (a possessive or plural ending parsed as a word) instead of throwing', () => {
    assert.equal(speakerNoun('s'), null);
    assert.equal(speakerNoun(''), null);
  });
});

describe('firstMentionReaching: where a walk for the mentions overlapping a position starts', () => {
  const m = (start: number, end: number): NameMention => ({ span: { start, end }, type: 'PER', entity: `PER:${start}`, name: `${start}` });
  // sorted by start; the long second mention reaches past the shorter ones after it
  const mentions = [m(0, 5), m(3, 40), m(10, 12), m(20, 25), m(50, 55), m(60, 70)];
  it('skips exactly the mentions that all end at or before the position', () => {
    for (let pos = -1; pos <= 75; pos++) {
      const i = firstMentionReaching(mentions, pos);
      assert.ok(mentions.slice(0, i).every((x) => x.span.end <= pos), `pos ${pos}`);
      assert.ok(i === mentions.length || mentions[i].span.end > pos || mentions.slice(0, i + 1).some((x) => x.span.end > pos), `pos ${pos}`);
    }
    assert.equal(firstMentionReaching(mentions, 4), 0);
    assert.equal(firstMentionReaching(mentions, 5), 1); // (0, 5) ends there, (3, 40) still reaches
    assert.equal(firstMentionReaching(mentions, 30), 1); // (10, 12) and (20, 25) lie behind the long one: the walk starts at it
    assert.equal(firstMentionReaching(mentions, 40), 4);
    assert.equal(firstMentionReaching(mentions, 70), 6);
    assert.equal(firstMentionReaching([], 3), 0);
  });
  it('reads a list that grew since it was last asked about', () => {
    const grown = [m(0, 5)];
    assert.equal(firstMentionReaching(grown, 10), 1);
    grown.push(m(8, 20));
    assert.equal(firstMentionReaching(grown, 10), 1);
    assert.equal(firstMentionReaching(grown, 20), 2);
  });
});

describe('display names of the entities (mentionsFrom, qspeed33: wordings scored once, only when there are several)', () => {
  const mention = (text: string, entity: string, start: number): EntityMention => ({ text, type: entity.slice(0, 3) as 'PER' | 'ORG', entity, span: { start, end: start + text.length } }) as EntityMention;
  const names = (ms: EntityMention[]) => Object.fromEntries(mentionsFrom(ms).map((m) => [m.entity, m.name]));
  it("prefers the wording the entity's id names over a titled short form met first", () => {
    const ms = [mention('Inspector Gaskin', 'PER:dave_gaskin', 0), mention('Inspector Dave Gaskin', 'PER:dave_gaskin', 40), mention('Gaskin', 'PER:dave_gaskin', 80)];
    assert.equal(names(ms)['PER:dave_gaskin'], 'Inspector Dave Gaskin');
  });
  it('keeps the one wording of an entity named one way, however often', () => {
    const ms = [0, 20, 40].map((s) => mention('Acme Corp', 'ORG:acme_corp', s));
    assert.deepEqual([...new Set(mentionsFrom(ms).map((m) => m.name))], ['Acme Corp']);
  });
  it('gives a tie to the wording met first, in either order', () => {
    assert.equal(names([mention('ACME Corp', 'ORG:acme_corp', 0), mention('Acme Corp', 'ORG:acme_corp', 20)])['ORG:acme_corp'], 'ACME Corp');
    assert.equal(names([mention('Acme Corp', 'ORG:acme_corp', 0), mention('ACME Corp', 'ORG:acme_corp', 20)])['ORG:acme_corp'], 'Acme Corp');
  });
});
