import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { evaluateQuotes } from '../../scripts/eval-quotes.js';
import { readBratAttributions } from '../../src/analyse/attribution/brat.js';
import { CLOSED_COUNT, closedHashes, documentInfo, featuresOf, keyOf, mix, sentenceFeatures } from '../../src/analyse/attribution/features.js';
import { hash } from '../../src/analyse/entities/features.js';
import { parseSentences } from '../../src/analyse/syntax/index.js';
import { loadAttributionTagger, runsOf, tagAttributions } from '../../src/analyse/attribution/index.js';
import { AttributionTagger, DEFAULT_ATTRIBUTION_MODEL, readAttributionFile, serializeAttributionModel, writeAttributionFile } from '../../src/analyse/attribution/model.js';
import { findQuotes } from '../../src/analyse/quotes.js';
import { splitSentences, tokenAt, tokenize } from '../../src/analyse/tokenize.js';
import { seedText as seed } from '../helpers.js';
import { assertLinear } from '../util/cpu-bound.js';

const POLNEAR_DEV = '../shared/data/attribution/polnear/dev';


const slice = (text: string, s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);

describe('attribution tagger', () => {
  it('loads the shipped model once, with its cue lexicon', () => {
    const tagger = loadAttributionTagger();
    assert.ok(tagger, 'models/attrib.bin loads');
    assert.equal(loadAttributionTagger(), tagger);
    assert.ok((tagger.lex.get('said') ?? 0) >= 4, 'said is a strong cue');
    assert.ok((tagger.lex.get('according') ?? 0) >= 3, 'according is a cue');
    assert.ok((tagger.lex.get('the') ?? 0) <= 1, 'the is (nearly) never a cue');
  });

  it('tags cue, source and content in a seed sentence', () => {
    const text = "After delegation-level talks, Putin said Xi's visit coincides with the 80th anniversary of Victory in the Great Patriotic War.";
    const toks = tokenize(text);
    const [s] = tagAttributions(text, toks, [{ lo: 0, hi: toks.length }], [], []);
    assert.ok(s);
    const words = (r: { lo: number; hi: number }) => text.slice(toks[r.lo].start, toks[r.hi - 1].end);
    assert.deepEqual(s.cues.map(words), ['said']);
    assert.deepEqual(s.sources.map(words), ['Putin']);
    assert.equal(s.contents.length, 1);
    assert.match(words(s.contents[0]), /^Xi's visit coincides with the 80th anniversary/);
  });

  it('gives findQuotes indirect speech with its speaker on the seeds', () => {
    const text = seed('003');
    const quotes = findQuotes(text, splitSentences(text), []);
    const at = text.indexOf("Xi's visit coincides with the 80th anniversary");
    const q = quotes.find((x) => x.span.start <= at && x.span.end > at);
    assert.ok(q, 'a quote covers the reported clause');
    assert.equal(q.kind, 'indirect');
    assert.equal(slice(text, q.speakerSpan), 'Putin');
    assert.equal(q.cue?.verb, 'said');
    assert.ok(slice(text, q.span)?.endsWith("Friday's parade"));
    // the quotation-marked quotes stay with the rules: Xi's quote in 004 is direct, speaker Xi
    const t4 = seed('004');
    const q4 = findQuotes(t4, splitSentences(t4), []);
    const d = q4.find((x) => slice(t4, x.span)?.includes('Our relationship is composed and confident'));
    assert.equal(d?.kind, 'direct');
    assert.equal(slice(t4, d?.speakerSpan ?? null), 'Xi');
  });

  it('"according to" and stance verbs are attributions', () => {
    const text =
      'The talks lasted four hours, according to the Kremlin readout. Senate Democrats opposed the measure that the White House proposed on Tuesday.';
    const quotes = findQuotes(text, splitSentences(text), []);
    const acc = quotes.find((q) => slice(text, q.span)?.startsWith('The talks lasted four hours'));
    assert.ok(acc, 'content before "according to"');
    assert.equal(acc.cue?.verb, 'according');
    assert.match(slice(text, acc.speakerSpan) ?? '', /Kremlin readout/);
  });

  it('is deterministic and independent of earlier calls', () => {
    const text = seed('001');
    const a = JSON.stringify(findQuotes(text, splitSentences(text), []));
    findQuotes(seed('002'), splitSentences(seed('002')), []);
    const b = JSON.stringify(findQuotes(text, splitSentences(text), []));
    assert.equal(a, b);
  });

  it('reads brat attributions with discontinuous spans', () => {
    const ann = 'T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 12;20 25\tthis that\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n';
    const [a] = readBratAttributions(ann);
    assert.deepEqual(a.content, [
      { start: 8, end: 12 },
      { start: 20, end: 25 },
    ]);
    assert.deepEqual(a.source, [{ start: 0, end: 2 }]);
  });

  it('a long run of reporting verbs: CPU time linear in its length', () => {
    const run = (n: number) => `${'Officials said that the talks went well and aides said that more would follow '.repeat(n)}.`;
    const { large: quotes } = assertLinear(run, (text) => findQuotes(text, splitSentences(text), []), { n: 1000, what: 'a run of reporting verbs' });
    assert.ok(quotes.length > 0);
  });

  it('cuts a content run at a coordinated reporting verb (PolNeAR dev)', () => {
    const text = 'The Republican nominee also outlined his cybersecurity plan and vowed to harshly punish “those who violate classification rules.”';
    const quotes = findQuotes(text, splitSentences(text), []);
    assert.deepEqual(
      quotes.map((q) => [slice(text, q.span), q.cue?.verb, slice(text, q.speakerSpan)]),
      [
        ['his cybersecurity plan', 'outlined', 'The Republican nominee'],
        ['to harshly punish “those who violate classification rules.”', 'vowed', 'The Republican nominee'],
      ],
    );
  });

  it('ends the object of a stance cue before an adjunct (PolNeAR dev)', () => {
    // annotated content: "their help", not "their help during in natural disasters …"
    const text = 'Under the new program, people would enroll, receive training and then state and local leaders could call on their help during in natural disasters or emergency situations.';
    const quotes = findQuotes(text, splitSentences(text), []);
    assert.deepEqual(
      quotes.map((q) => [slice(text, q.span), q.cue?.verb]),
      [['their help', 'call']],
    );
  });

  it('quotes each turn of a transcript quoted over several paragraphs (PolNeAR dev, Breitbart)', () => {
    const text = [
      '"WALLACE: If I may, sir, because we’ve got limited time. I want to ask you, will Gennifer Flowers be there?',
      '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.',
      '"WALLACE: Governor, I don’t want to interrupt, but I want to try to get —.',
      '"PENCE: And that’s why Donald Trump is on his way to the White House."',
    ].join('\n\n');
    const quotes = findQuotes(text, splitSentences(text), []);
    assert.deepEqual(
      quotes.map((q) => [slice(text, q.speakerSpan), slice(text, q.span)]),
      [
        ['WALLACE', 'If I may, sir, because we’ve got limited time. I want to ask you, will Gennifer Flowers be there?'],
        ['PENCE', 'Gennifer Flowers will not be attending the debate tomorrow night.'],
        ['WALLACE', 'Governor, I don’t want to interrupt, but I want to try to get —.'],
        ['PENCE', 'And that’s why Donald Trump is on his way to the White House.'],
      ],
    );
  });

  it('a lone capitalised label is not a speaker turn', () => {
    const text = 'UPDATE: The campaign later deleted the post.\n\nBYLINE: Amber Phillips.';
    assert.ok(findQuotes(text, splitSentences(text), []).every((q) => slice(text, q.speakerSpan) !== 'UPDATE'));
  });

  it('a quotation with its own cue later in its sentence is not merged into the quote before it (PolNeAR dev)', () => {
    const text =
      '“This just isn’t right,” Warren said. “You squeezed employees to the breaking point” to drive up the stock price and your compensation, she said, referencing the bank’s fierce drive to “cross-sell” or make customers open up multiple accounts.';
    const quotes = findQuotes(text, splitSentences(text), []);
    assert.deepEqual([slice(text, quotes[0].span), slice(text, quotes[0].speakerSpan)], ['This just isn’t right', 'Warren']);
    assert.equal(quotes[0].parts, undefined);
    assert.ok(quotes.some((q) => slice(text, q.span)!.includes('You squeezed employees') && slice(text, q.speakerSpan) === 'she'));
  });

  it('a content run whose only cue is a word rarely a cue gives no quote (PolNeAR dev)', () => {
    const text =
      'In 1998 in the Senate’s 80-19 vote for admitting Poland, Hungary, and the Czech Republic to NATO both parties split 4 to 1 in favor, but Republican support was more solid; several Democrats came around only after strenuous lobbying by Joe Biden, who was the bill’s floor manager.';
    const toks = tokenize(text);
    const [s] = tagAttributions(text, toks, [{ lo: 0, hi: toks.length }], [], []);
    const words = (r: { lo: number; hi: number }) => text.slice(toks[r.lo].start, toks[r.hi - 1].end);
    // the tagger takes "split" for a cue; the cue lexicon says it rarely is one
    assert.ok(s.cues.map(words).some((w) => w.startsWith('split')));
    assert.ok((loadAttributionTagger()!.lex.get('split') ?? 0) < 3);
    assert.ok(!findQuotes(text, splitSentences(text), []).some((q) => q.cue?.verb === 'split'));
  });

  it('a partial quotation is attributed by the reporting verb before it, not by a word after it (PolNeAR dev)', () => {
    const iraq = 'Trump told the forum he was "totally against the war in Iraq" because it destabilized the Middle East.';
    const [q] = findQuotes(iraq, splitSentences(iraq), []);
    assert.deepEqual([q.cue?.verb, slice(iraq, q.speakerSpan), q.kind], ['told', 'Trump', 'partial']);
    assert.ok(slice(iraq, q.span)!.startsWith('he was "totally against the war in Iraq"'), slice(iraq, q.span)!);
    const flynn = 'Michael Flynn said Donald Trump was “absolutely right” when he said Wednesday night that under President Barack Obama, “the generals have been reduced to rubble.';
    const quotes = findQuotes(flynn, splitSentences(flynn), []);
    assert.deepEqual(
      quotes.map((x) => [x.cue?.verb, slice(flynn, x.speakerSpan), slice(flynn, x.span)!.slice(0, 20)]),
      [
        ['said', 'Michael Flynn', 'Donald Trump was “ab'],
        ['said', 'he', 'that under President'],
      ],
    );
  });

  it('joins the pieces of a split quote across a participle phrase (PolNeAR dev)', () => {
    const text = '“Every time you say that,” Tester said, referring the the 1 percent excuse, “you give ammunition to the people who want to break up the big banks.”';
    const [q] = findQuotes(text, splitSentences(text), []);
    assert.deepEqual([q.kind, q.cue?.verb, slice(text, q.speakerSpan)], ['direct', 'said', 'Tester']);
    assert.deepEqual(
      q.parts?.map((p) => slice(text, p)),
      ['Every time you say that,', 'you give ammunition to the people who want to break up the big banks.'],
    );
  });

  it('attributes a question in quotation marks to the speaker after it (PolNeAR dev)', () => {
    // the sentence splitter ends a sentence after ?” — the attribution still follows on the line
    const text = '“How many times do we have to see this in our country?” Clinton said. “In Tulsa, an unarmed man with his hands in the air. This is just unbearable. And it needs to be intolerable.”';
    const [q, ...rest] = findQuotes(text, splitSentences(text), []);
    assert.deepEqual([q.kind, q.cue?.verb, slice(text, q.speakerSpan), rest.length], ['direct', 'said', 'Clinton', 0]);
    assert.ok(slice(text, q.span)!.startsWith('How many times'));
  });

  it('an attribution set off by commas reports the clause on both sides (PolNeAR dev article)', () => {
    const text = readFileSync(join(POLNEAR_DEV, 'text', 'wash-post_2016-09-10_outrage-but-few-options-on-the-t.txt'), 'utf8');
    const q = findQuotes(text, splitSentences(text), []).find((x) => slice(text, x.span)!.includes('its biggest yet'));
    assert.ok(q);
    assert.deepEqual([q.cue?.verb, slice(text, q.speakerSpan)], ['said', 'North Korea']);
    assert.deepEqual(q.parts?.map((p) => slice(text, p)), ['The latest test', 'was its biggest yet, although it may take several days to determine how powerful it was.']);
  });

  it('thousands of quotations in one sentence: CPU time linear in their number (the lead-in check is linear)', () => {
    const sentence = (n: number) => 'He said the plan was “good,” she said, and '.repeat(n);
    const text = sentence(3000);
    const { large: quotes } = assertLinear(sentence, (t) => findQuotes(t, splitSentences(t), []), { n: 750, what: 'quotations in one sentence' });
    assert.equal(quotes.length, 3000);
    // each quotation is introduced by the "He said" of its own clause
    assert.ok(quotes.every((q) => slice(text, q.speakerSpan) === 'He' && slice(text, q.span) === 'the plan was “good'));
  });

  it('raises recall on PolNeAR dev over the rules alone, keeping quoted quotes', () => {
    const rules = evaluateQuotes(POLNEAR_DEV, { limit: 25, model: false });
    const model = evaluateQuotes(POLNEAR_DEV, { limit: 25 });
    assert.ok(model.all.r > rules.all.r + 0.1, `recall ${model.all.r} vs ${rules.all.r}`);
    assert.ok(model.all.f > rules.all.f + 0.05, `F1 ${model.all.f} vs ${rules.all.f}`);
    assert.ok(model.direct.f >= rules.direct.f - 0.02, `quoted F1 ${model.direct.f} vs ${rules.direct.f}`);
  });
});

describe('attribution model file', () => {
  it('the shipped model written again gives the same bytes (the layout is a pure function of the tables)', () => {
    const file = readFileSync(DEFAULT_ATTRIBUTION_MODEL);
    const m = readAttributionFile(file);
    assert.ok(writeAttributionFile(m).equals(file));
    assert.equal(m.clusters.get('said'), loadAttributionTagger()!.clusters.get('said'));
    assert.ok((m.clusters.get('said') ?? '').length > 0, 'said has a word cluster');
  });

  it('finds every trained feature and only those, whatever their hash', () => {
    // hashes that share a bucket (high bits), that share low bits, and the extremes
    const keys = Uint32Array.from([0x00000001, 0x00008001, 0x0000ffff, 0x00010001, 0x7fff0001, 0x80000000, 0xfffffffe, 0xffffffff]);
    const NT = 7;
    const weights = new Float64Array(keys.length * NT);
    keys.forEach((_, r) => (weights[r * NT + (r % NT)] = r + 1));
    const trans = new Float64Array((NT + 1) * NT);
    const tagger = new AttributionTagger(serializeAttributionModel(keys, weights, trans, new Map([['said', 5]]), new Map([['said', '0101']]), {}));
    assert.equal(tagger.lex.get('said'), 5);
    assert.equal(tagger.clusters.get('said'), '0101');
    const sums = new Int32Array(NT);
    const probe = (k: number) => {
      sums.fill(0);
      (tagger as unknown as { sum(fs: number[], out: Int32Array, o: number): void }).sum([k], sums, 0);
      return [...sums];
    };
    keys.forEach((k, r) => assert.equal(probe(k)[r % NT] > 0 && probe(k).filter((x) => x !== 0).length, 1, `hash ${k.toString(16)} found`));
    for (const k of [0x00000002, 0x00018001, 0x7fff8001, 0x80008000, 0xfffe0001]) assert.deepEqual(probe(k), [0, 0, 0, 0, 0, 0, 0], `hash ${k.toString(16)} absent`);
  });

  it('a truncated, damaged or foreign file is refused with a message', () => {
    const file = readFileSync(DEFAULT_ATTRIBUTION_MODEL);
    assert.throws(() => readAttributionFile(file.subarray(0, file.length - 100)), /truncated/);
    assert.throws(() => readAttributionFile(Buffer.from('\x1f\x8b\x08\x00 a gzip file')), /not an attribution model file/);
    const m = readAttributionFile(file);
    const damaged = writeAttributionFile({ ...m, tables: { starts: m.tables.starts, rows: m.tables.rows.subarray(8) } });
    assert.throws(() => readAttributionFile(damaged), /damaged/);
    const starts = m.tables.starts.slice();
    [starts[10], starts[11]] = [starts[11] + 8, starts[10]];
    assert.throws(() => readAttributionFile(writeAttributionFile({ ...m, tables: { starts, rows: m.tables.rows } })), /damaged/);
  });
});

describe('attribution tag runs', () => {
  it('runsOf: each B-X with the I-X after it is one run of its role, offset by lo; a run with no B- still counts', () => {
    // O B-CUE I-CUE B-SRC O B-CON I-CON I-CON B-CON I-SRC
    const r = runsOf(Uint8Array.from([0, 1, 2, 3, 0, 5, 6, 6, 5, 4]), 10);
    assert.deepEqual(r.cues, [{ lo: 11, hi: 13 }]);
    assert.deepEqual(r.sources, [{ lo: 13, hi: 14 }, { lo: 19, hi: 20 }]);
    assert.deepEqual(r.contents, [{ lo: 15, hi: 18 }, { lo: 18, hi: 19 }]);
  });
});

describe('attribution word sums', () => {
  it('keeps one row per word form through a document with more new forms than its table was made for', () => {
    const tagger = loadAttributionTagger()!;
    // 70,000 invented forms (past the cache's 30,000 and its table's first 65,536 slots), each twice
    const forms = Array.from({ length: 70_000 }, (_, i) => `zq${i.toString(36)}`);
    const text = `${forms.join(' ')} ${forms.join(' ')}`;
    const toks = tokenize(text);
    const info = documentInfo(text, toks, [], [], tagger.lex, tagger.clusters, tagger);
    const n = forms.length;
    for (const i of [0, 1, 4_095, 32_767, 32_768, 65_535, 65_536, n - 1]) {
      assert.equal(info.rows[i + n], info.rows[i], `the second ${forms[i]} takes the first's row`);
      assert.equal(info.lowerH[i], hash(keyOf(forms[i])));
    }
    assert.equal(new Set(info.rows).size, n, 'a row per form');
  });

  it('give the emissions of the word features they replace', () => {
    const tagger = loadAttributionTagger()!;
    const text = 'Senate Democrats opposed the measure that the White House proposed on Tuesday, according to a spokesman.';
    const toks = tokenize(text);
    const full = documentInfo(text, toks, [], [], tagger.lex, tagger.clusters);
    const a = tagger.tagScored(sentenceFeatures(full, 0, toks.length), full, 0, toks.length);
    const fast = documentInfo(text, toks, [], [], tagger.lex, tagger.clusters, tagger);
    const b = tagger.tagScored(sentenceFeatures(fast, 0, toks.length, true), fast, 0, toks.length);
    assert.deepEqual(b.em, a.em);
    assert.deepEqual(b.tags, a.tags);
  });

  it('and the closed features summed from their table give the emissions of their hashes, in and out of quotation marks and mentions', () => {
    const tagger = loadAttributionTagger()!;
    const text = 'Sen. Jane Roe, who chairs the panel, told reporters: “The bill is dead, and Acme Corp. knows it.” The company declined to comment.';
    const toks = tokenize(text);
    const open = text.indexOf('“') + 1;
    const quoted = [{ start: open, end: text.indexOf('”') }];
    const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
    const entities = [
      { ...at('Jane Roe'), type: 'PER' },
      { ...at('Acme Corp.'), type: 'ORG' },
    ].map((e) => ({ span: { start: e.start, end: e.end }, text: text.slice(e.start, e.end), type: e.type as 'PER' | 'ORG', entity: e.type }));
    const full = documentInfo(text, toks, quoted, entities, tagger.lex, tagger.clusters);
    const fast = documentInfo(text, toks, quoted, entities, tagger.lex, tagger.clusters, tagger);
    for (const [lo, hi] of [[0, toks.length], [3, 12], [0, 1]]) {
      const slow = sentenceFeatures(full, lo, hi);
      assert.equal(slow.closed, null, 'without sums every feature is a hash');
      const a = tagger.tagScored(slow, full, lo, hi);
      const quick = sentenceFeatures(fast, lo, hi, true);
      assert.ok(quick.closed && quick.closed.length === (hi - lo) * CLOSED_COUNT);
      const b = tagger.tagScored(quick, fast, lo, hi);
      assert.deepEqual(b.em, a.em);
      assert.deepEqual(b.tags, a.tags);
    }
    // every closed row is its own feature
    assert.equal(new Set(closedHashes()).size, closedHashes().length);
  });

  it('and the cue-context rows, looked up once per cue and distance, give the emissions of their hashes with several cues in a sentence', () => {
    const tagger = loadAttributionTagger()!;
    const text =
      'The mayor said on Monday that the plan, which the council had approved in a long and bitter vote last spring after months of hearings, would go ahead, and her deputy told reporters the cost would rise, according to a memo that officials denied writing.';
    const toks = tokenize(text);
    const full = documentInfo(text, toks, [], [], tagger.lex, tagger.clusters);
    const fast = documentInfo(text, toks, [], [], tagger.lex, tagger.clusters, tagger);
    for (const [lo, hi] of [[0, toks.length], [2, 30], [5, 7]]) {
      const a = tagger.tagScored(sentenceFeatures(full, lo, hi), full, lo, hi);
      const quick = sentenceFeatures(fast, lo, hi, true);
      assert.ok(quick.sides && quick.sides.length === 2 * (hi - lo));
      if (hi - lo > 20) assert.ok(quick.sideRows < 2 * (hi - lo), `tokens share rows (${quick.sideRows} rows for ${hi - lo} tokens)`);
      const b = tagger.tagScored(quick, fast, lo, hi);
      assert.deepEqual(b.em, a.em);
      assert.deepEqual(b.tags, a.tags);
    }
  });

  it('with the sums, only the open features take slots (with a parse, the tree features too), each as it is without the sums', () => {
    const tagger = loadAttributionTagger()!;
    const text = 'The mayor said on Monday that the plan would go ahead, and her deputy told reporters: the cost would rise.';
    const toks = tokenize(text);
    const parse = parseSentences(text, splitSentences(text)).tokens;
    for (const p of [null, parse]) {
      const full = documentInfo(text, toks, [], [], tagger.lex, tagger.clusters, null, p);
      const fast = documentInfo(text, toks, [], [], tagger.lex, tagger.clusters, tagger, p);
      const slow = sentenceFeatures(full, 0, toks.length);
      const quick = sentenceFeatures(fast, 0, toks.length, true);
      assert.equal(quick.stride, p ? 13 : 3);
      for (let k = 0; k < toks.length; k++) {
        const open = featuresOf(quick, k);
        const all = new Set(featuresOf(slow, k));
        assert.ok(open.length >= (p ? 12 : 2), `token ${k}: the two bigrams${p ? ' and the tree features' : ''}`);
        for (const h of open) assert.ok(all.has(h), `token ${k}: an open feature is one of the full features`);
      }
      const a = tagger.tagScored(slow, full, 0, toks.length);
      const b = tagger.tagScored(quick, fast, 0, toks.length, true);
      assert.deepEqual(b.em, a.em);
      assert.deepEqual(b.tags, a.tags);
    }
  });

  it('emissions written into the kept buffer (reuse) are those of a fresh array, and a fresh array is not overwritten', () => {
    const tagger = loadAttributionTagger()!;
    const text = 'Senate Democrats opposed the measure, according to a spokesman. The governor said the plan was dead.';
    const toks = tokenize(text);
    const info = documentInfo(text, toks, [], [], tagger.lex, tagger.clusters, tagger);
    const fresh = tagger.tagScored(sentenceFeatures(info, 0, 11, true), info, 0, 11);
    const copy = Float64Array.from(fresh.em);
    const kept = tagger.tagScored(sentenceFeatures(info, 0, 11, true), info, 0, 11, true);
    assert.deepEqual(Float64Array.from(kept.em), copy);
    tagger.tagScored(sentenceFeatures(info, 11, toks.length, true), info, 11, toks.length, true);
    assert.deepEqual(fresh.em, copy);
  });

  it('closed features hash their arguments as every template does: mix(mix(template, a), b)', () => {
    const tagger = loadAttributionTagger()!;
    const text = 'Sen. Jane Roe, who chairs the panel, told reporters: “The bill is dead, and Acme Corp. knows it,” she said.';
    const toks = tokenize(text);
    const quoted = [{ start: text.indexOf('“') + 1, end: text.indexOf('”') }];
    const roe = { start: text.indexOf('Jane Roe'), end: text.indexOf('Jane Roe') + 8 };
    const info = documentInfo(text, toks, quoted, [{ span: roe, text: 'Jane Roe', type: 'PER', entity: 'PER:roe' }], tagger.lex, tagger.clusters);
    const n = toks.length;
    const f = sentenceFeatures(info, 0, n);
    const T = (name: string) => hash(`attr:${name}`);
    // (as stored: unsigned)
    const chain = (name: string, ...args: number[]) => args.reduce((h, a) => mix(h, a), T(name)) >>> 0;
    const bucket = (d: number) => (d <= 0 ? 0 : d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : d <= 20 ? 7 : 8);
    const cueAt = [...info.cue].map((c) => c >= 3);
    assert.ok(cueAt.some(Boolean), 'the sentence has a likely cue');
    for (let i = 0; i < n; i++) {
      const fs = new Set(featuresOf(f, i));
      let lc = -1;
      for (let x = i - 1; x >= 0 && lc < 0; x--) if (cueAt[x]) lc = x;
      let rc = -1;
      for (let x = i + 1; x < n && rc < 0; x++) if (cueAt[x]) rc = x;
      const dl = lc >= 0 ? bucket(i - lc) : 0;
      const dr = rc >= 0 ? bucket(rc - i) : 0;
      const em1 = i > 0 ? info.ent[i - 1] : 99;
      const expected: [string, number][] = [
        ['dl', chain('dl', dl)],
        ['dr', chain('dr', dr)],
        ['cb+2', chain('cb+2', i + 1 < n ? info.cue[i + 1] : 9, i + 2 < n ? info.cue[i + 2] : 9)],
        ['drc', chain('drc', dr, info.cap[i])],
        ['nocue', chain('nocue', 1)],
        ['q', chain('q', info.inQuote[i], info.mark[i])],
        ['qdl', chain('qdl', info.inQuote[i], dl)],
        ['e', chain('e', info.ent[i], info.cap[i])],
        ['e-1', chain('e-1', em1)],
        ['e+1', chain('e+1', i + 1 < n ? info.ent[i + 1] : 99)],
        ['capdr', chain('capdr', info.cap[i], Math.min(dr, 4))],
        ['cbc', chain('cbc', info.cue[i], i > 0 ? info.cap[i - 1] : 2)],
        ['cbe', chain('cbe', info.cue[i], em1)],
        ['pos', chain('pos', i === 0 ? 0 : i === n - 1 ? 1 : 2 + Math.floor((4 * i) / n))],
        ['ncue', chain('ncue', Math.min(cueAt.filter(Boolean).length, 3), dl > 0 ? 1 : 0)],
      ];
      for (const [name, h] of expected) assert.ok(fs.has(h), `token ${i} (${toks[i].text}): ${name}`);
    }
  });
});

describe('attribution tree features', () => {
  it('tie each token to the cue above it in the parse, through the relation of its branch', () => {
    const tagger = loadAttributionTagger()!;
    const text = 'The senator said that the bill would fail. Talks lasted four hours.';
    const sentences = splitSentences(text);
    const toks = tokenize(text);
    const info = documentInfo(text, toks, [], [], tagger.lex, tagger.clusters, null, parseSentences(text, sentences).tokens);
    const tree = info.tree!;
    const at = (w: string) => toks.findIndex((t) => t.text === w);
    const word = (i: number) => (i >= 0 ? toks[i].text : null);
    assert.equal(word(tree.head[at('senator')]), 'said');
    assert.equal(word(tree.anc[at('bill')]), 'said', 'the content hangs from the cue');
    assert.equal(tree.top[at('bill')], hash('ccomp'), 'through its clausal complement');
    assert.equal(tree.depth[at('bill')], 2);
    assert.equal(tree.top[at('senator')], hash('nsubj'), 'the source is its subject');
    assert.equal(tree.args[at('said')] & 3, 3, 'the cue takes a clause and a subject');
    assert.equal(tree.anc[at('hours')], -1, 'no cue above a sentence without one');
    // without a parse there are no tree facts, and the shipped model (trained without them) tags the same
    assert.equal(documentInfo(text, toks, [], [], tagger.lex, tagger.clusters).tree, null);
    const ranges = sentences.map((s) => ({ lo: tokenAt(toks, s.start), hi: tokenAt(toks, s.end) }));
    assert.deepEqual(tagAttributions(text, toks, ranges, [], [], parseSentences(text, sentences).tokens), tagAttributions(text, toks, ranges, [], []));
  });
});
