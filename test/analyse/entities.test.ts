import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { withinCpu } from '../util/cpu-bound.js';
import { chunks, conllDocuments, parseConll, readConll, scoreConll } from '../../src/analyse/entities/conll.js';
import { entityIndex, linkAcrossArticles, linkWithinArticle, loadTagger, recogniseEntities, truecaseTitle } from '../../src/analyse/entities/index.js';
import type { EntityMention } from '../../src/model/types.js';
import { splitSentences, tokenize } from '../../src/analyse/tokenize.js';

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');
const SEEDS = join(SHARED, 'seeds');
const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const seedText = new Map(seedFiles.map((f) => [f.slice(0, 3), readFileSync(join(SEEDS, f), 'utf8')]));
const mentionsCache = new Map<string, EntityMention[]>();
function seedMentions(key: string): EntityMention[] {
  if (!mentionsCache.has(key)) {
    const text = seedText.get(key)!;
    mentionsCache.set(key, recogniseEntities(text, splitSentences(text)));
  }
  return mentionsCache.get(key)!;
}
const recognise = (text: string) => recogniseEntities(text, splitSentences(text));

/** Every occurrence of `name` in the running prose of the seeds (lines that are sentences, not mastheads or menus). */
function occurrences(name: string): { key: string; start: number; end: number; line: string }[] {
  const out: { key: string; start: number; end: number; line: string }[] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/'/g, "['’]").replace(/\./g, '\\.')}(?![\\p{L}\\p{N}-])`, 'gu');
  for (const [key, text] of seedText) {
    for (const m of text.matchAll(re)) {
      const ls = text.lastIndexOf('\n', m.index) + 1;
      const le = text.indexOf('\n', m.index);
      const line = text.slice(ls, le < 0 ? text.length : le);
      if (line.split(/\s+/).length < 8 || !/[.!?"”]\s*$/.test(line)) continue;
      out.push({ key, start: m.index!, end: m.index! + m[0].length, line });
    }
  }
  return out;
}

describe('entity recogniser on the seed articles', () => {
  const expectations: [string, string][] = [
    ['Xi Jinping', 'PER'],
    ['Vladimir Putin', 'PER'],
    ['JD Vance', 'PER'],
    ['Volodymyr Zelensky', 'PER'],
    ['Volodymyr Zelenskyy', 'PER'],
    ['Antony Blinken', 'PER'],
    ['Kremlin', 'ORG'],
    ['NATO', 'ORG'],
    ['Tass', 'ORG'],
    ["People's Liberation Army", 'ORG'],
    ['Moscow', 'LOC'],
    ['Red Square', 'LOC'],
    ['Sumy', 'LOC'],
    ['Harbin', 'LOC'],
    ['Kyiv', 'LOC'],
  ];
  for (const [name, type] of expectations) {
    test(`"${name}" is ${type} wherever the seeds' prose mentions it`, () => {
      const occ = occurrences(name);
      assert.ok(occ.length > 0, `no occurrence of ${name}`);
      for (const o of occ) {
        const m = seedMentions(o.key).find((x) => x.span.start === o.start && x.span.end === o.end);
        assert.ok(m, `${name} not recognised as a whole in ${o.key}: ${o.line}`);
        assert.equal(m.type, type, `${name} in ${o.key}: ${o.line}`);
        assert.equal(m.text, seedText.get(o.key)!.slice(o.start, o.end));
      }
    });
  }

  test('"Business Standard" is an organisation in the article text', () => {
    const text = seedText.get('003')!;
    const ms = seedMentions('003').filter((m) => m.text === 'Business Standard');
    assert.ok(ms.length >= 1);
    for (const m of ms) assert.equal(m.type, 'ORG', text.slice(m.span.start - 40, m.span.end + 20));
  });

  test('"Golden Dome" and "Victory Day" are never people', () => {
    for (const name of ['Golden Dome', 'Victory Day']) {
      for (const [key] of seedText) {
        for (const m of seedMentions(key)) {
          if (m.text.includes(name)) assert.notEqual(m.type, 'PER', `${name} tagged PER in ${key}`);
        }
      }
    }
    assert.ok(occurrences('Golden Dome').length >= 2);
  });

  test('curly possessives do not break names: "Trump’s", "Xi’s", "Blinken’s"', () => {
    const text = seedText.get('000')!;
    const at = text.indexOf('condemned Trump’s') + 'condemned '.length;
    assert.ok(at >= 0);
    const m = seedMentions('000').find((x) => x.span.start === at);
    assert.ok(m);
    assert.equal(m.text, 'Trump');
    assert.equal(m.type, 'PER');
    assert.equal(m.entity, 'PER:donald_trump');
    const b = seedText.get('002')!.indexOf('Blinken’s');
    const mb = seedMentions('002').find((x) => x.span.start === b);
    assert.equal(mb?.text, 'Blinken');
    assert.equal(mb?.entity, 'PER:antony_blinken');
  });

  test('a run-together list of names ("Topics : Donald Trump Vladimir Putin Russia …") is split into its names', () => {
    const text = seedText.get('003')!;
    const line = text.indexOf('Topics :');
    assert.ok(line >= 0);
    const end = text.indexOf('\n', line);
    const inLine = seedMentions('003').filter((m) => m.span.start >= line && m.span.end <= end);
    const got = inLine.map((m) => `${m.text}/${m.type}`);
    for (const want of ['Vladimir Putin/PER', 'Russia/LOC', 'China/LOC', 'US/LOC', 'Xi Jinping/PER']) assert.ok(got.includes(want), `${want} in ${got}`);
    assert.ok(inLine.every((m) => m.text.split(' ').length <= 3), got.join(', '));
  });

  test('mentions are standoff spans into the text, sorted and non-overlapping', () => {
    for (const [key, text] of seedText) {
      let last = -1;
      for (const m of seedMentions(key)) {
        assert.equal(text.slice(m.span.start, m.span.end), m.text);
        assert.ok(m.span.start >= last, `overlap in ${key}`);
        last = m.span.end;
        assert.match(m.entity, /^(PER|ORG|LOC|MISC):\S+$/);
      }
    }
  });
});

describe('linking within an article', () => {
  test('titled and short mentions are one person with the full name as canonical name', () => {
    const text =
      'President Vladimir Putin of Russia arrived in Beijing on Thursday for talks with Xi Jinping. ' +
      'Mr. Putin said the talks were useful, and Putin later met Chinese students.';
    const ms = recognise(text);
    const putins = ms.filter((m) => m.text.includes('Putin'));
    assert.equal(putins.length, 3);
    for (const m of putins) assert.equal(m.entity, 'PER:vladimir_putin');
    const e = entityIndex(ms).find((x) => x.id === 'PER:vladimir_putin')!;
    assert.equal(e.name, 'Vladimir Putin');
    assert.equal(e.mentions, 3);
    assert.deepEqual(e.variants, ['Vladimir Putin', 'Putin']);
    assert.ok(ms.some((m) => m.text === 'Russia' && m.entity === 'LOC:russia'));
  });

  test('in a seed, "Xi", "Xi Jinping" and "Chinese President Xi Jinping" are one person', () => {
    const ms = seedMentions('001');
    const xi = ms.filter((m) => /^Xi\b/.test(m.text));
    assert.ok(xi.length >= 5);
    for (const m of xi) assert.equal(m.entity, 'PER:xi_jinping');
    const idx = entityIndex(ms);
    const e = idx.find((x) => x.id === 'PER:xi_jinping')!;
    assert.equal(e.name, 'Xi Jinping');
    assert.ok(e.variants.includes('Xi') && e.variants.includes('Xi Jinping'));
    assert.equal(idx.find((x) => x.id === 'PER:vladimir_putin')?.name, 'Vladimir Putin');
  });

  test('demonyms denote their country', () => {
    const ms = seedMentions('001');
    const chinese = ms.find((m) => m.text === 'Chinese');
    assert.equal(chinese?.type, 'MISC');
    assert.equal(chinese?.denotes, 'LOC:china');
    assert.ok(ms.some((m) => m.entity === 'LOC:china'));
    const russian = ms.find((m) => m.text === 'Russian');
    assert.equal(russian?.denotes, 'LOC:russia');
  });

  test('country short forms share the country id ("U.S.", "US", "United States")', () => {
    const ids = new Set(
      [...seedText.keys()].flatMap((k) => seedMentions(k).filter((m) => ['U.S.', 'US', 'United States'].includes(m.text)).map((m) => m.entity)),
    );
    assert.deepEqual([...ids], ['LOC:united_states']);
  });
});

describe('linking across the articles of a story', () => {
  const story = ['000', '001', '003', '004'];
  const arts = story.map((k) => ({ articleId: k, outlet: `outlet-${k}`, mentions: seedMentions(k) }));
  const linked = linkAcrossArticles(arts);

  test('one Putin with his variants and a count per outlet', () => {
    const putin = linked.find((e) => e.id === 'PER:vladimir_putin')!;
    assert.equal(putin.name, 'Vladimir Putin');
    assert.equal(putin.type, 'PER');
    assert.ok(putin.variants.includes('Putin') && putin.variants.includes('Vladimir Putin'));
    assert.deepEqual(Object.keys(putin.byOutlet), story.map((k) => `outlet-${k}`));
    const total = Object.values(putin.byOutlet).reduce((a, b) => a + b, 0);
    assert.equal(total, putin.mentions);
    assert.equal(putin.occurrences.length, putin.mentions);
    for (const o of putin.occurrences) assert.match(seedText.get(o.articleId)!.slice(o.span.start, o.span.end), /Putin/);
    assert.equal(linked.filter((e) => e.type === 'PER' && /putin/.test(e.id)).length, 1);
  });

  test('spelling variants of a name merge ("Zelensky" / "Zelenskyy")', () => {
    const z = linked.filter((e) => /zelensk/.test(e.id));
    assert.equal(z.length, 1);
    assert.ok(z[0].variants.includes('Volodymyr Zelensky') && z[0].variants.includes('Volodymyr Zelenskyy'));
  });

  test('400 articles link in bounded CPU time and counts add up', () => {
    const many: (typeof arts)[number][] = [];
    for (let c = 0; c < 100; c++) for (const a of arts) many.push({ ...a, articleId: `${a.articleId}-${String(c).padStart(3, '0')}` });
    const big = withinCpu(10_000, () => linkAcrossArticles(many), 'linking 400 articles');
    const putin = linked.find((e) => e.id === 'PER:vladimir_putin')!;
    assert.equal(big.find((e) => e.id === 'PER:vladimir_putin')?.mentions, putin.mentions * 100);
  });

  test('the result does not depend on the order of the articles', () => {
    assert.deepEqual(linkAcrossArticles([...arts].reverse()), linked);
  });
});

describe('bad input', () => {
  test('empty, blank and punctuation-only text', () => {
    assert.deepEqual(recogniseEntities('', []), []);
    assert.deepEqual(recognise('   \n\n  '), []);
    assert.deepEqual(recognise('. , ; — !!! ???'), []);
    assert.deepEqual(entityIndex([]), []);
    assert.deepEqual(linkAcrossArticles([]), []);
  });

  test('an all-caps headline still yields places and people', () => {
    const ms = recognise('XI AND PUTIN PLEDGE CLOSER TIES AHEAD OF VICTORY DAY IN MOSCOW');
    assert.ok(ms.some((m) => m.text === 'MOSCOW' && m.type === 'LOC'));
    assert.ok(ms.some((m) => m.text === 'PUTIN' && m.type === 'PER'));
  });

  test('a title-case headline does not turn ordinary words into names', () => {
    const ms = recognise('Xi and Putin Pledge Closer Ties Ahead of Victory Day');
    assert.ok(!ms.some((m) => /Pledge|Closer|Ties/.test(m.text)), JSON.stringify(ms));
    const words = truecaseTitle(['Xi', 'and', 'Putin', 'Pledge', 'Closer', 'Ties', 'Ahead'], loadTagger().lex.casing);
    assert.equal(words[3], 'pledge');
    assert.equal(words[2], 'Putin');
  });

  test('emoji and non-Latin scripts: no exception, spans stay valid', () => {
    const text = 'Xi and Putin 🤝 met in Moscow 🇷🇺 on Thursday 😀😀. 习近平与普京在莫斯科会谈。Путин встретился с Си Цзиньпином в Москве. بوتين يلتقي شي';
    const ms = recognise(text);
    for (const m of ms) assert.equal(text.slice(m.span.start, m.span.end), m.text);
    assert.ok(ms.some((m) => m.text === 'Moscow' && m.type === 'LOC'));
    assert.ok(ms.some((m) => m.text === 'Putin' && m.type === 'PER'));
  });

  test('text with no spaces and out-of-range sentence spans', () => {
    const text = 'XiJinpingmetVladimirPutininMoscowonThursday'.repeat(500);
    assert.deepEqual(recognise(text), []);
    const ms = recogniseEntities('Putin met Xi in Moscow.', [{ start: -5, end: 999 }]);
    assert.ok(ms.some((m) => m.text === 'Moscow'));
  });

  test('a 100,000-token document is tagged in bounded CPU time', () => {
    const prose = [...seedText.values()].join('\n\n');
    let text = '';
    while (tokenize(text).length < 100_000) text += `${prose}\n\n`;
    const ms = withinCpu(15_000, () => recognise(text), 'tagging 100,000 tokens');
    assert.ok(ms.length > 5000);
    // one run-on "sentence" of 100k tokens is cut into windows, not decoded at once
    const runOn = 'Putin met Xi in Moscow and '.repeat(20_000);
    const r = withinCpu(15_000, () => recogniseEntities(runOn, [{ start: 0, end: runOn.length }]), 'tagging a 100,000-token sentence');
    assert.ok(r.length >= 40_000);
  });

  test('random bytes, control characters, CRLF and overlapping sentence spans: valid spans, no exception', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = ['A', 'z', ' ', '.', '\n', '\r\n', '\u0000', '’s', '😀', '\ud800', 'Ж', '中', 'é', '-', '"', 'Putin ', 'NATO ', 'Mr. '];
    for (let k = 0; k < 50; k++) {
      let text = '';
      const len = Math.floor(rnd() * 400);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      const ms = recognise(text);
      for (const m of ms) assert.equal(text.slice(m.span.start, m.span.end), m.text);
    }
    const text = 'Putin met Xi in Moscow.\r\nThe Kremlin said so.';
    const ms = recogniseEntities(text, [
      { start: 0, end: 23 },
      { start: 10, end: text.length },
      { start: 0, end: text.length },
    ]);
    for (let i = 1; i < ms.length; i++) assert.ok(ms[i].span.start >= ms[i - 1].span.end);
    assert.ok(ms.some((m) => m.text === 'Kremlin' && m.type === 'ORG'));
  });

  test('deterministic output', () => {
    const text = seedText.get('004')!;
    assert.deepEqual(recognise(text), recognise(text));
  });
});

describe('CoNLL scoring and the shipped model', () => {
  test('IOB1 and IOB2 chunks score the same way as conlleval', () => {
    assert.deepEqual(chunks(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC']), [
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 5, type: 'LOC' },
    ]);
    const s = scoreConll([['B-PER', 'I-PER', 'O', 'B-ORG']], [['B-PER', 'I-PER', 'O', 'B-LOC']]);
    assert.equal(s.overall.correct, 1);
    assert.equal(s.overall.precision, 0.5);
    assert.equal(s.overall.recall, 0.5);
  });

  test('files with -DOCSTART- lines and IOB1 tags are read into documents', () => {
    const text = '-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n-DOCSTART- -X- O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\nBRUSSELS NNP I-NP I-LOC\n';
    const sents = parseConll(text);
    assert.equal(sents.length, 3);
    assert.deepEqual(conllDocuments(sents), [[0], [1, 2]]);
    assert.deepEqual(chunks(sents[1].tags), [{ start: 0, end: 2, type: 'PER' }]);
    // without -DOCSTART-, Reuters datelines open documents (with the headline before them)
    const train = readConll(join(SHARED, 'data', 'ner', 'conll2003', 'eng.testa'));
    const docs = conllDocuments(train);
    assert.ok(docs.length > 150 && docs.length < 300, `${docs.length}`);
    assert.deepEqual(docs.flat(), train.map((_, i) => i));
  });

  test('entity-level F1 on CoNLL-2003 eng.testa is at least 0.90', () => {
    const sents = readConll(join(SHARED, 'data', 'ner', 'conll2003', 'eng.testa'));
    const tagger = loadTagger();
    const pred: string[][] = new Array(sents.length);
    for (const d of conllDocuments(sents)) {
      const tags = tagger.tagDocument(d.map((i) => sents[i].words));
      d.forEach((si, k) => {
        pred[si] = tagger.tagNames(tags[k]);
      });
    }
    const score = scoreConll(
      sents.map((s) => s.tags),
      pred,
    );
    assert.ok(score.overall.f1 >= 0.9, `F1 ${score.overall.f1}`);
    for (const t of ['PER', 'ORG', 'LOC', 'MISC']) assert.ok(score.byType[t].f1 > 0.8, `${t} ${score.byType[t].f1}`);
  });

  test('each testa sentence tagged on its own (no document around it) holds its floor', () => {
    const tagger = loadTagger();
    const sents = readConll(join(SHARED, 'data', 'ner', 'conll2003', 'eng.testa'));
    const pred = sents.map((s) => tagger.tagNames(tagger.tagDocument([s.words])[0]));
    const score = scoreConll(
      sents.map((s) => s.tags),
      pred,
    );
    const floor = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'baselines.json'), 'utf8')) as Record<string, number>)['entities.testa.sentenceF1'];
    assert.equal(typeof floor, 'number', 'floor entities.testa.sentenceF1 in test/baselines.json');
    assert.ok(score.overall.f1 >= floor, `each sentence alone: F1 ${score.overall.f1} < ${floor}`);
  });
});

test('a surname two people share links to the person named first in full, whoever is named more often', () => {
  let at = 0;
  const m = (text: string): EntityMention => ({ span: { start: at, end: (at += text.length + 1) - 1 }, type: 'PER', text, entity: '' });
  const ms = [m('Lena Marsh'), m('Marsh'), m('Irene Marsh'), m('Irene Marsh'), m('Marsh'), m('Irene'), m('Lena')];
  linkWithinArticle(ms);
  assert.deepEqual(
    ms.map((x) => x.entity),
    ['PER:lena_marsh', 'PER:lena_marsh', 'PER:irene_marsh', 'PER:irene_marsh', 'PER:lena_marsh', 'PER:irene_marsh', 'PER:lena_marsh'],
  );
  // one person named in full: the surname is that person's, as before
  at = 0;
  const one = [m('Marsh'), m('Irene Marsh'), m('Marsh')];
  linkWithinArticle(one);
  assert.deepEqual(one.map((x) => x.entity), ['PER:irene_marsh', 'PER:irene_marsh', 'PER:irene_marsh']);
});

test('a role noun the recogniser took into a name ("Inspector Harrow") is a title when the article writes it in lower case before a name', () => {
  const text = 'Local police inspector Dave Harrow said the climber fell. Inspector Harrow said the weather was fine.';
  const at = (s: string): EntityMention => {
    const start = text.indexOf(s);
    return { span: { start, end: start + s.length }, type: 'PER', text: s, entity: '' };
  };
  const ms = [at('Dave Harrow'), at('Inspector Harrow')];
  linkWithinArticle(ms, text);
  assert.deepEqual(ms.map((x) => x.entity), ['PER:dave_harrow', 'PER:dave_harrow']);
  assert.equal(entityIndex(ms)[0].name, 'Dave Harrow');
  // no lower-case "inspector" before a name: no evidence, the name stays as written
  const bare = 'Dave Harrow said the climber fell. Inspector Harrow said the weather was fine.';
  const ms2 = [
    { span: { start: 0, end: 11 }, type: 'PER' as const, text: 'Dave Harrow', entity: '' },
    { span: { start: 35, end: 51 }, type: 'PER' as const, text: 'Inspector Harrow', entity: '' },
  ];
  linkWithinArticle(ms2, bare);
  assert.deepEqual(ms2.map((x) => x.entity), ['PER:dave_harrow', 'PER:inspector_harrow']);
  // a first name before a full name and before a suffix alone is no title ("Hal Brennan III", "Hal III")
  let pos = 0;
  const m = (s: string): EntityMention => ({ span: { start: pos, end: (pos += s.length + 1) - 1 }, type: 'PER', text: s, entity: '' });
  const ms3 = [m('Hal Brennan III'), m('Hal III')];
  linkWithinArticle(ms3, 'Hal Brennan III Hal III');
  assert.equal(ms3[0].entity, 'PER:hal_brennan_iii');
});
