import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { annotatorAgreement, evaluateQuotes } from '../../scripts/eval-quotes.js';
import { findQuotes, normaliseQuoteMarks } from '../../src/analyse/quotes.js';
import { speakerOutsideContent } from '../../src/analyse/quotes/document.js';
import { parseSentences } from '../../src/analyse/syntax/index.js';
import { splitSentences } from '../../src/analyse/tokenize.js';
import type { Quote } from '../../src/model/types.js';
import { seedText as seed } from '../helpers.js';
import { assertLinear, withinCpu } from '../util/cpu-bound.js';

const POLNEAR_DEV = '../shared/data/attribution/polnear/dev';
const POLNEAR_TRAIN_TEXT = '../shared/data/attribution/polnear/train/text';
/** A PolNeAR train article by file name. */
const trainText = (name: string) => readFileSync(join(POLNEAR_TRAIN_TEXT, name), 'utf8');


/** A run-on text: 3n attributed quotations, then 20n one-word quotations. */
const runOnQuotes = (n: number) => `${'“It is fine,” he said. “And more.” '.repeat(3 * n)}${'“a” '.repeat(20 * n)}`;

/** An opening mark that never closes, then `n` plain paragraphs. */
const neverCloses = (n: number) => `Intro.\n\n" It never closes.\n\n${'A plain paragraph of text.\n\n'.repeat(n)}`;

function quotesOf(text: string): Quote[] {
  return findQuotes(text, splitSentences(text), []);
}

const slice = (text: string, s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);

/** The quote whose content contains `fragment`. */
function quoteWith(text: string, quotes: Quote[], fragment: string): Quote {
  const at = text.indexOf(fragment);
  assert.ok(at >= 0, `fragment in text: ${fragment}`);
  const q = quotes.find((x) => x.span.start <= at && x.span.end >= at + fragment.length);
  assert.ok(q, `a quote contains ${JSON.stringify(fragment)}`);
  return q;
}

describe('findQuotes on the seeds', () => {
  it('direct quote followed by the speaker: “…,” Xi said', () => {
    const text = seed('004');
    const q = quoteWith(text, quotesOf(text), 'Our relationship is composed and confident, stable and resilient');
    assert.equal(q.kind, 'direct');
    assert.equal(slice(text, q.speakerSpan), 'Xi');
    assert.equal(q.cue?.verb, 'said');
    assert.equal(slice(text, q.span), 'Our relationship is composed and confident, stable and resilient');
  });

  it('direct quote after a participle cue takes the main clause subject', () => {
    const text = seed('001');
    const q = quoteWith(text, quotesOf(text), 'China and Russia are ready to defend the truth');
    assert.equal(q.kind, 'direct');
    assert.equal(q.speakerName, 'Xi');
    assert.equal(q.cue?.verb, 'saying');
    const text0 = seed('000');
    const q0 = quoteWith(text0, quotesOf(text0), 'more calm, confident, stable, and resilient');
    assert.equal(q0.speakerName, 'Xi');
  });

  it('partial quote inside indirect speech, and scare quotes are not quotes', () => {
    const text = seed('003');
    const quotes = quotesOf(text);
    const q = quoteWith(text, quotes, 'deeply destabilising');
    assert.equal(q.kind, 'partial');
    assert.equal(slice(text, q.speakerSpan), 'the two countries');
    // "Golden Dome" in quotation marks is a name, not something somebody said
    for (const x of quotes) assert.notEqual(slice(text, x.span), 'Golden Dome');
  });

  it('pronoun speakers resolve to the most recent compatible speaker', () => {
    const text4 = seed('004');
    const q4 = quoteWith(text4, quotesOf(text4), 'deeper cooperation to guide global governance');
    assert.equal(slice(text4, q4.speakerSpan), 'He');
    assert.equal(q4.speakerName, 'Xi');
    const text3 = seed('003');
    const q3 = quoteWith(text3, quotesOf(text3), 'the two leaders agreed to meet again in Beijing');
    assert.equal(slice(text3, q3.speakerSpan), 'He');
    assert.equal(q3.speakerName, 'Putin');
    assert.equal(q3.kind, 'indirect');
  });

  it('uses entity mentions when given', () => {
    const text = seed('004');
    const sentences = splitSentences(text);
    const at = text.indexOf('Xi said.');
    const quotes = findQuotes(text, sentences, [{ span: { start: at, end: at + 2 }, type: 'PER', text: 'Xi', entity: 'PER:xi_jinping' }]);
    const q = quoteWith(text, quotes, 'Our relationship is composed');
    assert.equal(q.speaker, 'PER:xi_jinping');
  });

  it('is deterministic', () => {
    const text = seed('002');
    assert.deepEqual(quotesOf(text), quotesOf(text));
  });
});

describe('a quotation that continues reported speech (continuation.ts)', () => {
  const said = 'Jane Roe, the mayor of Eastford, said that the new bridge would open in the spring.';
  const quoted = '“We have waited for this bridge for a very long time.”';

  it('in the same paragraph, is a further part of the indirect quote (PolNeAR: one attribution in fragments)', () => {
    const text = `The town council met on Monday night. ${said} ${quoted}`;
    const quotes = quotesOf(text);
    assert.equal(quotes.length, 1);
    assert.deepEqual(quotes[0].parts?.map((p) => slice(text, p)), ['that the new bridge would open in the spring', 'We have waited for this bridge for a very long time.']);
    assert.equal(slice(text, quotes[0].speakerSpan), 'Jane Roe, the mayor of Eastford,');
  });

  it('in the next paragraph, stays a quote of its own with the same speaker', () => {
    const text = `The town council met on Monday night. ${said}\n\n${quoted}`;
    const q = quoteWith(text, quotesOf(text), 'We have waited');
    assert.equal(q.parts, undefined);
    assert.equal(slice(text, q.speakerSpan), 'Jane Roe, the mayor of Eastford,');
  });
});

describe('findQuotes on PolNeAR text', () => {
  const nyt = readFileSync(join(POLNEAR_DEV, 'text', 'nyt_2016-09-08_obama-on-climate-change-the-tren.txt'), 'utf8');

  it('split quote: "…," Mr. Obama said, "…" is one quote with two parts', () => {
    const q = quoteWith(nyt, quotesOf(nyt), 'What we owe the remaining people');
    assert.equal(q.kind, 'direct');
    assert.equal(slice(nyt, q.speakerSpan), 'Mr. Obama');
    assert.equal(q.parts?.length, 2);
    assert.ok(slice(nyt, q.parts?.[1] ?? null)?.startsWith('and to say that'));
  });

  it("New York Times double apostrophes ('') are quotation marks", () => {
    const f = readdirSync(POLNEAR_TRAIN_TEXT).find((x) => x.startsWith('nyt_2016-03-17_reputations-at-risk'));
    assert.ok(f);
    const text = trainText(f);
    assert.equal(normaliseQuoteMarks(text).length, text.length);
    const q = quoteWith(text, quotesOf(text), 'The biggest regret I have with Valeant');
    assert.equal(q.kind, 'direct');
    assert.equal(slice(text, q.speakerSpan), 'he');
  });

  it('a closing mark that opens a paragraph before a word opens the quotation', () => {
    const text = 'Readers told us what they think.\n\n”The debate showed who he really is. He never answers a question.” ― Ana Ruiz\n\n“He scares me.” ― Luis Ortega';
    const norm = normaliseQuoteMarks(text);
    assert.equal(norm.length, text.length);
    assert.equal(norm[text.indexOf('”The')], '“');
    assert.equal(norm[text.indexOf('” ― Ana')], '”');
    const q = quoteWith(text, quotesOf(text), 'The debate showed who he really is');
    assert.equal(q.kind, 'direct');
  });

  it('top-level single curly quotes become double marks, pair by pair, offsets unchanged', () => {
    const text = 'Senator says ‘no deal’ on taxes, ‘not this year.’ Aides’ plan stays.\n“He said ‘maybe’ twice,” one aide said.';
    const norm = normaliseQuoteMarks(text);
    assert.equal(norm.length, text.length);
    assert.equal(norm, 'Senator says “no deal” on taxes, “not this year.” Aides’ plan stays.\n“He said ‘maybe’ twice,” one aide said.');
    assert.equal(normaliseQuoteMarks('It’s the ‘plan.'), 'It’s the ‘plan.');
  });

  it('relative pronoun speakers: "…, who said" is the noun phrase before it', () => {
    const text = trainText('wash-post_2016-05-29_verizon-striking-unions-reach-fo.txt');
    const q = quoteWith(text, quotesOf(text), 'he expects the agreement to be finalized');
    assert.equal(slice(text, q.speakerSpan), 'who');
    assert.equal(q.speakerName, 'Thomas Perez');
  });

  it('keeps its scores on both halves of the dev set (floors: test/baselines.json quotes.dev.*; figures: npm run eval:quotes -- --no-entities)', () => {
    const floors = JSON.parse(readFileSync(new URL('../baselines.json', import.meta.url), 'utf8')) as Record<string, number>;
    const halves = [
      ['development', 'quotes.dev.development'],
      ['held-out', 'quotes.dev.heldOut'],
    ] as const;
    let articles = 0;
    for (const [part, key] of halves) {
      const r = evaluateQuotes(POLNEAR_DEV, { part });
      articles += r.articles;
      assert.ok(r.all.f >= floors[`${key}.overlapF1`], `${part}: all overlap F1 ${r.all.f}`);
      assert.ok(r.all.speakerAccuracy >= floors[`${key}.speakerAccuracy`], `${part}: speaker accuracy ${r.all.speakerAccuracy}`);
      assert.ok(r.direct.f >= floors[`${key}.directOverlapF1`], `${part}: quoted overlap F1 ${r.direct.f}`);
      assert.ok(r.direct.speakerAccuracy >= floors[`${key}.directSpeakerAccuracy`], `${part}: quoted speaker accuracy ${r.direct.speakerAccuracy}`);
    }
    assert.equal(articles, 84, 'the two halves cover the set');
  });
});

describe('a speaker never lies inside its own content', () => {
  /** The span of `phrase` in `text` (its first occurrence). */
  const at = (text: string, phrase: string) => {
    const start = text.indexOf(phrase);
    assert.ok(start >= 0, phrase);
    return { start, end: start + phrase.length };
  };

  it('"according to X, …": the content starts after the comma that sets the speaker off', () => {
    const text = 'Costs rose, according to the regional water board, by more than a third in two years.';
    const r = speakerOutsideContent(text, at(text, 'the regional water board, by more than a third in two years'), at(text, 'the regional water board'));
    assert.equal(slice(text, r.content), 'by more than a third in two years');
    assert.equal(slice(text, r.speaker), 'the regional water board');
  });

  it('"…, as X have said": the content ends at the comma before the speaker', () => {
    const text = 'The report does not say whether the pump had failed, as engineers have said.';
    const r = speakerOutsideContent(text, at(text, 'The report does not say whether the pump had failed, as engineers'), at(text, 'engineers'));
    assert.equal(slice(text, r.content), 'The report does not say whether the pump had failed');
    assert.equal(slice(text, r.speaker), 'engineers');
  });

  it("the content's own subject or object is not its speaker: the content stays, with no speaker", () => {
    const text = 'The mayor spent the week painting the council as a club of insiders.';
    const content = at(text, 'the council as a club of insiders');
    const r = speakerOutsideContent(text, content, at(text, 'the council'));
    assert.deepEqual(r, { content, speaker: null });
    const whole = speakerOutsideContent(text, content, content);
    assert.deepEqual(whole, { content, speaker: null });
  });

  it('a speaker inside one part of a split quote is dropped; a speaker outside the content stays as it is', () => {
    const text = 'The plan, the minister said, would cut waiting lists by the minister.';
    const parts = [at(text, 'The plan'), at(text, 'would cut waiting lists by the minister')];
    const content = { start: parts[0].start, end: parts[1].end };
    const minister = { start: text.lastIndexOf('the minister'), end: text.lastIndexOf('the minister') + 'the minister'.length };
    assert.equal(speakerOutsideContent(text, content, minister, parts).speaker, null);
    const outside = at(text, 'the minister');
    assert.deepEqual(speakerOutsideContent(text, content, outside, parts), { content, speaker: outside });
  });

  it('no quote found in PolNeAR text has its speaker inside its content', () => {
    for (const name of readdirSync(POLNEAR_TRAIN_TEXT).sort().slice(0, 40)) {
      const text = trainText(name);
      for (const q of quotesOf(text)) {
        const s = q.speakerSpan;
        if (!s) continue;
        const hit = (q.parts ?? [q.span]).find((p) => p.start <= s.start && s.end <= p.end);
        assert.equal(hit, undefined, `${name}: ${slice(text, s)} inside ${slice(text, q.span)}`);
      }
    }
  });
});

describe('annotator agreement (eval:quotes --agreement)', () => {
  it('scores each ordered pair of annotators of an article with the same matching', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agree-'));
    mkdirSync(join(dir, 'text'));
    mkdirSync(join(dir, 'attributions'));
    const text = 'Smith said the plan would fail next year. Jones argued that taxes must rise soon.';
    writeFileSync(join(dir, 'text', 'a.txt'), text);
    writeFileSync(join(dir, 'text', 'b.txt'), text);
    const span = (s: string) => `${text.indexOf(s)} ${text.indexOf(s) + s.length}\t${s}`;
    const ann = (first: string, second: string) =>
      `T1\tContent ${span(first)}\nE1\tAttribution:T9 Content:T1\nT2\tContent ${span(second)}\nE2\tAttribution:T8 Content:T2\n`;
    // annotator 1 and 2 agree on the first content; on the second, 2 marks 2 of its 5 words (< 50%)
    writeFileSync(join(dir, 'attributions', 'a_0001.ann'), ann('the plan would fail next year', 'that taxes must rise soon'));
    writeFileSync(join(dir, 'attributions', 'a_0002.ann'), ann('the plan would fail next year', 'rise soon'));
    // an article with one annotator is not scored
    writeFileSync(join(dir, 'attributions', 'b_0001.ann'), ann('the plan would fail next year', 'rise soon'));
    const a = annotatorAgreement(dir);
    assert.equal(a.articles, 1);
    assert.equal(a.pairs, 2);
    assert.equal(a.gold, 4);
    assert.equal(a.f, 0.5);
    assert.equal(a.fe, 0.5);
  });
});

describe('findQuotes: one attribution per cue and per quotation (PolNeAR train text)', () => {
  it('a quotation the sentence splitter cut is one quote, with the next quoted sentence of its paragraph', () => {
    const text = trainText('west-journal_2016-02-11_these-angry-protesters-are-targe.txt');
    const quotes = quotesOf(text);
    const q = quoteWith(text, quotes, 'They have to decide whether to feed themselves');
    assert.equal(slice(text, q.parts?.[0] ?? null), 'They have to decide whether to feed themselves or their kids, so they’re not concerned with political parties or whether a candidate is running for city council or president');
    assert.equal(slice(text, q.parts?.[1] ?? null), 'They care about two things: Getting $15 an hour and the right to unionize. It’s about getting out of poverty.');
    assert.equal(quotes.filter((x) => x.span.start < q.span.end && q.span.start < x.span.end).length, 1);
  });

  it('“…,” Will wrote: a capitalised name before the cue is the speaker, and the quotation is one quote', () => {
    const text = trainText('west-journal_2015-11-21_after-trump-heard-what-his-fox-n.txt');
    const q = quoteWith(text, quotesOf(text), 'hasten the eclipse of Carly Fiorina');
    assert.equal(slice(text, q.speakerSpan), 'Will');
    assert.ok(slice(text, q.span)?.startsWith('The eruption of war in the capital of a NATO ally'));
    assert.ok(slice(text, q.span)?.endsWith('especially Donald Trump'));
  });

  it('the source after an inverted cue is not content of that cue: “…,” said the second official', () => {
    const text = trainText('west-journal_2016-06-20_media-reports-reveal-reason-behi.txt');
    const quotes = quotesOf(text);
    const at = text.indexOf('said the second official');
    const q = quotes.find((x) => x.cue && x.cue.span.start === at);
    assert.ok(q, 'a quote with this cue');
    assert.equal(slice(text, q.speakerSpan), 'the second official');
    for (const x of quotes) assert.notEqual(slice(text, x.span), 'the second official');
  });

  it('a cue that attributes a quotation gives no second content after it: "“…!” he said to an enormous cheer"', () => {
    const text = trainText('wash-post_2016-09-01_trump-appeared-to-break-down-wal.txt');
    const quotes = quotesOf(text);
    const q = quoteWith(text, quotes, 'We will build a great wall along the southern border!');
    assert.equal(q.cue?.verb, 'said');
    const at = text.indexOf('to an enormous cheer');
    for (const x of quotes) assert.ok(x.span.end <= at || x.span.start >= at + 20, `no quote in the adjunct: ${slice(text, x.span)}`);
  });

  it('a question to the reader ("What do you think of …?") is not an attribution', () => {
    // the closing lines of a West Journal article (PolNeAR train), rules alone and with the tagger
    const text = 'What do you think of Trump’s attack on Carson last night? What do you think of Carson?';
    assert.deepEqual(findQuotes(text, splitSentences(text), [], { model: false }), []);
    assert.deepEqual(quotesOf(text), []);
  });

  it('"X said in a statement. “…”": the quotation after the sentence is the content, not "a statement"', () => {
    const text = trainText('west-journal_2016-02-08_on-eve-of-nh-primary-hillary-jus.txt');
    const quotes = quotesOf(text);
    const q = quoteWith(text, quotes, 'There are no paper ballots to recount');
    assert.equal(q.cue?.verb, 'said');
    assert.ok(slice(text, q.speakerSpan)?.includes('Iowa Democratic Party'));
    assert.ok(slice(text, q.span)?.endsWith('they can not be re-created or recounted.'));
    for (const x of quotes) assert.notEqual(slice(text, x.span), 'a statement.');
  });

  it('“…,” Trump said, adding, “…”: the participle that introduces the second quotation is its own attribution', () => {
    const text = trainText('west-journal_2015-12-16_right-after-the-debate-trump-lau.txt');
    const quotes = quotesOf(text);
    const first = quoteWith(text, quotes, 'Jeb doesn’t really believe I’m unhinged');
    assert.equal(first.cue?.verb, 'said');
    assert.ok(slice(text, first.span)?.endsWith('It’s been a total disaster'));
    const second = quoteWith(text, quotes, 'Nobody cares');
    assert.notEqual(second, first);
    assert.equal(second.cue?.verb, 'adding');
    assert.equal(second.speakerName, first.speakerName);
  });

  it('content before a cue that is not set off from it is not a first piece of the content after it', () => {
    const text = trainText('west-journal_2016-05-12_exit-polls-in-west-virginia-spel.txt');
    const q = quoteWith(text, quotesOf(text), 'they were willing to flip their support');
    assert.ok(slice(text, q.span)?.startsWith('they were willing'), slice(text, q.span) ?? '');
    assert.equal(q.parts, undefined);
  });
});

describe('findQuotes: quotations over several paragraphs', () => {
  it('a split quote whose quotation began a paragraph earlier and whose second piece goes on over the next keeps all of it', () => {
    const text = 'The mayor spoke at length.\n“We counted every ballot twice this week.\n“Nobody was left out,” she said, “and the count goes on\n“until the last box is opened.”\nThe hall emptied.';
    const quotes = quotesOf(text);
    assert.equal(quotes.length, 1);
    const [q] = quotes;
    assert.equal(text.slice(q.span.start, q.span.end), 'We counted every ballot twice this week.\n“Nobody was left out,” she said, “and the count goes on\n“until the last box is opened.');
    assert.ok(q.parts && q.parts.length === 2);
    assert.equal(text.slice(q.parts[0].start, q.parts[0].end), 'We counted every ballot twice this week.\n“Nobody was left out,');
    assert.equal(text.slice(q.parts[1].start, q.parts[1].end), 'and the count goes on\n“until the last box is opened.');
    assert.equal(slice(text, q.speakerSpan), 'she');
  });
});

describe('findQuotes: a quotation closed in a later paragraph with no reopening mark (issue 16)', () => {
  const text = 'A bell ringer ran to help.\n\n" He was pretty shook up.\n\nHe tried to help her, " said Sgt. Ann Roe of the police.\n\nThe car sped away.';

  it('is one quotation with its speaker after the closing mark', () => {
    const q = quoteWith(text, quotesOf(text), 'He was pretty shook up.\n\nHe tried to help her');
    assert.notEqual(q.kind, 'indirect');
    assert.equal(slice(text, q.speakerSpan), 'Sgt. Ann Roe');
    assert.ok(!quotesOf(text).some((x) => slice(text, x.speakerSpan) === 'He'), 'the quoted "He tried" is no attribution');
  });

  it('a later paragraph that opens a quotation of its own, or a mark that never closes, joins nothing', () => {
    const reopened = 'Intro.\n\n" It was late.\n\nShe said "no" and left.\n\nThe end.';
    assert.equal(quotesOf(reopened).filter((q) => q.kind === 'direct' && slice(reopened, q.span)?.includes('It was late')).length, 0);
    const never = neverCloses(2000);
    const quotes = withinCpu(5000, () => quotesOf(never), '2,000 paragraphs after an unclosed mark');
    assert.equal(quotes.filter((q) => q.kind === 'direct').length, 0);
    // every paragraph opening a quotation that never closes, each followed by plain ones: still linear
    const many = (n: number) => 'Opening " left open here.\n\nPlain words.\n\n'.repeat(n);
    assertLinear(many, quotesOf, { n: 1250, what: 'paragraphs each opening a quotation' });
  });

  // findQuotedSegments once looked for each paragraph's first mark from the paragraph's start, so paragraphs
  // after the last mark each scanned to the end of the text (1,000 -> 4,000 plain paragraphs took 6-10x).
  it('plain paragraphs after the last quotation mark: CPU time linear in their number', () => {
    assertLinear(neverCloses, quotesOf, { n: 1000, what: 'plain paragraphs after an unclosed mark' });
  });
});

describe('findQuotes: a quotation announced by the sentence before it, ending in a colon (issue 16)', () => {
  const before = 'The rules say a first offence brings "a warning and a fine, and no more than that," the handbook reads.\n\n';

  it('takes the subject of the verb that issues a statement, not the speaker of the quote before', () => {
    const text = `${before}Club director Mara Lind issued the following statement on the ruling:\n\n" We accept the decision of the panel.\n\nWe will appeal nothing. "\n\nThe panel met on Friday.`;
    const q = quoteWith(text, quotesOf(text), 'We accept the decision of the panel.');
    assert.equal(slice(text, q.speakerSpan), 'Club director Mara Lind');
  });

  it('a reporting verb far from the colon speaks for the quotation, and still reports its own clause', () => {
    const text = `${before}Inspector Ola Brandt told reporters on the steps of the court in the evening:\n\n" The driver stopped twice before the gate. "`;
    assert.equal(slice(text, quoteWith(text, quotesOf(text), 'The driver stopped twice').speakerSpan), 'Inspector Ola Brandt');
    const clause = `${before}Inspector Ola Brandt says the driver waited outside for nine minutes before coming back:\n\n" He drove through the gate and into the yard. "`;
    const quotes = quotesOf(clause);
    assert.equal(slice(clause, quoteWith(clause, quotes, 'He drove through the gate').speakerSpan), 'Inspector Ola Brandt');
    assert.equal(slice(clause, quoteWith(clause, quotes, 'the driver waited outside').speakerSpan), 'Inspector Ola Brandt');
  });
});

describe('findQuotes on bad input', () => {
  const para = seed('004').split('\n').find((l) => l.includes('Our relationship is composed')) ?? '';

  it('an opening mark that never closes invents no direct quote (CPU time linear in the text after it)', () => {
    const broken = (n: number) => para.replace('resilient,”', 'resilient,') + `\n\n${'word '.repeat(n)}`;
    const { large: quotes } = assertLinear(broken, quotesOf, { n: 5000, what: 'words after an unclosed mark' });
    assert.equal(quotes.filter((q) => q.kind === 'direct').length, 0);
  });

  it('a quotation mark that never closes is a warning with its place in the text; the rest are summed up', () => {
    const text = 'The mayor said the vote was close.\n“We will count again, she said at the hall.\nThe council met later. “It is done,” the clerk said.';
    const warnings: { message: string; span: { start: number; end: number } }[] = [];
    const quotes = findQuotes(text, splitSentences(text), [], { warnings });
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].span.start, text.indexOf('“We'));
    assert.equal(text.slice(warnings[0].span.start, warnings[0].span.end), '“We will count again, she said at the hall.');
    assert.match(warnings[0].message, /never closes/);
    // the closed quotation of the next paragraph is read as usual
    assert.ok(quotes.some((q) => text.slice(q.span.start, q.span.end) === 'It is done'));
    // a paragraph closed by a mark with nothing after it leaves no text out: no warning
    const closedLate = 'He said: “Yes.\n';
    const none: typeof warnings = [];
    findQuotes(closedLate + 'Then he left "', splitSentences(closedLate + 'Then he left "'), [], { warnings: none });
    assert.equal(none.length, 1, 'only the paragraph with text after its open mark');
    // a straight mark followed by a space closes a quotation of an earlier paragraph: no warning
    const carried = 'She said: "We will not stop here.\n\nWe will go on to the end of it." she added.\n\n" he said to reporters later.';
    const closing: typeof warnings = [];
    findQuotes(carried, splitSentences(carried), [], { warnings: closing });
    assert.ok(closing.every((w) => !carried.slice(w.span.start).startsWith('" he')), 'the closing mark before "he said" is not an opening');
    // many: four one by one, the fifth sums up the rest and spans from its first to the last
    const many = Array.from({ length: 12 }, (_, i) => `Line ${i} “open ${i}`).join('\n');
    const w12: typeof warnings = [];
    findQuotes(many, splitSentences(many), [], { warnings: w12 });
    assert.equal(w12.length, 5);
    assert.match(w12[4].message, /^8 more/);
    assert.equal(w12[4].span.start, many.indexOf('“open 4'));
    assert.equal(w12[4].span.end, many.length);
  });

  it("analyse reports the unclosed mark as the quotes component's warning, with its span", async () => {
    const { analyseArticle } = await import('../../src/analyse/index.js');
    const { extractArticle } = await import('../../src/extract/index.js');
    const content = 'A headline\n\nThe mayor said the vote was close.\n\n“We will count again, she said at the hall.\n\nThe council met later.';
    const article = extractArticle({ id: 'unclosed', source: 'unclosed.txt', format: 'text', content } as never);
    const { article: out } = analyseArticle(article);
    const m = out.messages.find((x) => x.origin === 'quotes');
    assert.ok(m && m.span, JSON.stringify(out.messages));
    assert.equal(out.text.slice(m.span.start, m.span.end), '“We will count again, she said at the hall.');
  });

  it('unbalanced and stray marks do not throw', () => {
    for (const t of ['”', '“', '"', '“”', '"""', '“ ” “', 'He said “', '” he said', "''", '‘', 'x’ ‘y', '\u0000\uFFFD“', '']) {
      assert.doesNotThrow(() => quotesOf(t));
    }
    assert.deepEqual(findQuotes('He said.', [], []), []);
  });

  it('500 quotes in one article: all found, CPU time linear in their number', () => {
    const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `“Point number ${i} is settled,” Xi said.`).join('\n\n');
    const text = paragraphs(500);
    // the small run takes about 10 ms: a floor of 20 ms keeps its noise out of the ratio
    const { large: quotes } = assertLinear(paragraphs, quotesOf, { n: 125, floorMs: 20, what: 'quotes in paragraphs of their own' });
    assert.equal(quotes.length, 500);
    assert.ok(quotes.every((q) => q.kind === 'direct' && slice(text, q.speakerSpan) === 'Xi'));
    // the same in one paragraph, alternating with unattributed follow-ups that belong to the quote before
    const oneParagraph = (n: number) => Array.from({ length: n }, (_, i) => `“Point ${i} is settled,” ${i % 2 ? 'Xi' : 'Putin'} said. “It stays.”`).join(' ');
    const one = oneParagraph(500);
    const { large: q1 } = assertLinear(oneParagraph, quotesOf, { n: 125, floorMs: 20, what: 'quotes in one paragraph' });
    assert.equal(q1.length, 500);
    assert.ok(q1.every((q, i) => slice(one, q.speakerSpan) === (i % 2 ? 'Xi' : 'Putin') && q.parts?.length === 2));
  });

  it('run-on text stays linear (4x the text, well under 16x the CPU time)', () => {
    // measured 5.1-5.3x idle at 500 -> 2,000 and 1,000 -> 4,000, not 4x: resolvePronoun walks every
    // speaker recorded so far for each pronoun (a cheap skip each, but the largest cost at 6,000)
    assertLinear(runOnQuotes, quotesOf, { n: 500, what: 'run-on quotations' });
  });

  it('nonsense entity spans do not break speaker resolution', () => {
    const quotes = findQuotes(para, splitSentences(para), [
      { span: { start: 5, end: 2 }, type: 'PER', text: '', entity: 'PER:x' },
      { span: { start: 10_000, end: 10_010 }, type: 'ORG', text: 'X', entity: 'ORG:x' },
    ]);
    assert.equal(quotes.length, 1);
  });
});

describe('findQuotes: a section head before a colon is not a speaker (issue 16)', () => {
  const okafor = (text: string) => {
    const i = text.indexOf('Maria Okafor');
    return [{ span: { start: i, end: i + 12 }, type: 'PER' as const, text: 'Maria Okafor', entity: 'PER:maria_okafor' }];
  };
  const speakers = (text: string, entities = okafor(text)) => findQuotes(text, splitSentences(text), entities.filter((e) => e.span.start >= 0)).map((q) => slice(text, q.speakerSpan));

  it('a head in capitals or one word opening a paragraph speaks for no one', () => {
    for (const text of [
      'The council met on Monday.\n\nSCHEDULE: The council meets again on Tuesday to vote on the budget.',
      'The plant is closing.\n\nBackground: The plant opened in 1998 and employs 400 people.',
      'The council met on Monday.\n\nLATE CHANGE: “The council will vote on Tuesday instead.”',
    ]) {
      const said = speakers(text);
      assert.ok(!said.some((s) => s && /SCHEDULE|Background|LATE|CHANGE/.test(s)), `${text}: ${said.join(' | ')}`);
    }
  });

  it('a name the entity reader found speaks, in capitals or not; a headline label speaks; Q: and A: stay turns', () => {
    assert.deepEqual(speakers('Maria Okafor led the talks on Monday.\n\nOkafor: We will not sign anything this week.'), ['Okafor']);
    assert.deepEqual(speakers('Maria Okafor led the talks on Monday.\n\nOKAFOR: We will not sign anything this week.'), ['OKAFOR']);
    assert.deepEqual(speakers('Maria Okafor led the talks on Monday.\n\nOKAFOR: “We will not sign anything this week.”'), ['OKAFOR']);
    // the first line is the headline's: "Survey: …" attributes there
    assert.deepEqual(speakers('Survey: Most voters back the new budget plan for the harbour.\n\nThe council met on Monday.', []), ['Survey']);
    assert.deepEqual(speakers('Q: Why did you leave the club?\n\nA: I wanted to play more often.\n\nQ: Will you come back?', []), ['Q', 'A', 'Q']);
  });

  it('a label headed by a noun that cannot speak speaks for no one, in the headline too (speaker-nouns.tsv)', () => {
    for (const text of ['Harbour Storm: Boats were torn from their moorings overnight.\n\nThe council met on Monday.', 'The council met on Monday.\n\nBridge Collapse: “Three cars fell into the river,” a witness wrote.']) {
      const said = speakers(text, []);
      assert.ok(!said.some((s) => s && /Storm|Collapse/.test(s)), `${text}: ${said.join(' | ')}`);
    }
    assert.deepEqual(speakers('Harbour Workers: The new cranes are unsafe and must be replaced.\n\nThe council met on Monday.', []), ['Harbour Workers']);
  });
});

describe('findQuotes: a quoted title before a cue that reports a clause of its own (issue 16)', () => {
  /** The quotes with the parse: each content and cue. */
  const parsed = (text: string) => {
    const sentences = splitSentences(text);
    return findQuotes(text, sentences, [], { tokens: parseSentences(text, sentences).tokens }).map((q) => ({ content: slice(text, q.span), cue: q.cue?.verb ?? null }));
  };

  it('does not attribute the title to the cue: the clause after it is the content', () => {
    const text = 'On Monday\'s episode of "The Evening Hour," the senator said she would vote against the budget.';
    assert.deepEqual(parsed(text), [{ content: 'she would vote against the budget', cue: 'said' }]);
  });

  it('still attributes a quotation that the cue after it reports, and a split quote\'s first piece', () => {
    assert.deepEqual(parsed('"The budget is a disgrace," the senator said on Monday.'), [{ content: 'The budget is a disgrace', cue: 'said' }]);
    const split = parsed('"On this basis," the senator said, "the budget is a disgrace."');
    assert.equal(split.length, 1);
    assert.equal(split[0].cue, 'said');
  });
});
