import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { withinCpu } from '../util/cpu-bound.js';
import { gzipSync } from 'node:zlib';
import { parseTextDate } from '../../src/extract/dates.js';
import { aggregate, pageCounts } from '../../src/extract/eval/shingles.js';
import { decodeHtmlBytes, extractArticle, renderVisibleText } from '../../src/extract/index.js';
import type { Article, RawDocument } from '../../src/model/types.js';

const SEEDS = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const expected = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'extract', 'seeds.expected.json'), 'utf8')) as Record<
  string,
  { file: string; title: string; kept: string[]; keptOrDek: string[]; removed: string[]; headings?: string[] }
>;

function doc(content: string, contentType: 'text' | 'html', meta: RawDocument['meta'] = {}): RawDocument {
  return { id: 'test', source: 'test', format: contentType, content, contentType, encoding: 'utf-8', meta };
}

const seedCache = new Map<string, Article>();
function seed(key: string): Article {
  if (!seedCache.has(key)) {
    const content = readFileSync(join(SEEDS, expected[key].file), 'utf8');
    seedCache.set(key, extractArticle(doc(content, 'text')));
  }
  return seedCache.get(key)!;
}

const paragraphs = (a: Article) => a.blocks.map((b) => a.text.slice(b.span.start, b.span.end));

describe('plain-text mode on the seeds (line by line)', () => {
  for (const key of Object.keys(expected)) {
    const e = expected[key];
    test(`${key}: every article line kept, every boilerplate line removed`, () => {
      const a = seed(key);
      assert.equal(a.status, 'ok');
      assert.equal(a.title, e.title);
      const paras = paragraphs(a);
      for (const line of e.kept) assert.ok(paras.includes(line), `article line lost: ${line}`);
      for (const line of e.keptOrDek) assert.ok(paras.includes(line) || a.dek === line, `dek/lede lost: ${line}`);
      for (const line of e.removed) {
        assert.ok(!paras.includes(line), `boilerplate kept: ${line}`);
        assert.ok(!a.text.includes(line) || e.kept.some((k) => k.includes(line)), `boilerplate inside the body: ${line}`);
        assert.ok(
          a.removed.some((r) => r.text === line) || a.title === line || a.dek === line,
          `removed line not kept aside for audit: ${line}`,
        );
      }
      // nothing else crept in: the body is exactly the article lines (plus the lede if not a dek)
      assert.equal(paras.length, e.kept.length + e.keptOrDek.filter((l) => paras.includes(l)).length);
      for (const r of a.removed) assert.ok(r.reason.length > 0);
    });
  }

  test('sub-headings inside an article stay, as headings', () => {
    const a = seed('004');
    for (const h of expected['004'].headings ?? []) {
      const b = a.blocks.find((x) => a.text.slice(x.span.start, x.span.end) === h);
      assert.ok(b, `heading lost: ${h}`);
      assert.equal(b.kind, 'heading');
    }
  });

  test('003: Business Standard, PTI copy from a syndicated feed, dateline Moscow, date with IST offset', () => {
    const a = seed('003');
    assert.equal(a.outlet, 'Business Standard');
    assert.equal(a.wire, 'Press Trust of India');
    assert.equal(a.dateline, 'Moscow');
    assert.equal(a.published?.iso, '2025-05-09T06:47:00+05:30');
    assert.equal(a.published?.precision, 'minute');
    assert.equal(a.published?.source, 'text');
    assert.equal(a.modified?.iso, '2025-05-09T06:47:00+05:30');
    assert.ok(a.messages.some((m) => /syndicated feed/.test(m.message)));
    assert.equal(a.language, 'en');
    assert.deepEqual(a.byline, []);
  });

  test('the other seeds carry no date and no wire', () => {
    for (const k of ['000', '001', '002', '004']) {
      const a = seed(k);
      assert.equal(a.published, null, k);
      assert.equal(a.wire, null, k);
      assert.ok(a.messages.some((m) => m.message === 'no publication date found'));
    }
  });

  test('attributions to other media, with spans into the text', () => {
    const spanText = (a: Article, name: string) => {
      const at = a.attributions.find((x) => x.name === name);
      assert.ok(at, `attribution missing: ${name} in ${JSON.stringify(a.attributions)}`);
      return { text: a.text.slice(at.span.start, at.span.end), kind: at.kind };
    };
    assert.deepEqual(spanText(seed('001'), 'Reuters'), { text: 'Reuters', kind: 'wire' });
    const a4 = seed('004');
    assert.deepEqual(spanText(a4, 'Tass'), { text: 'state news agency Tass', kind: 'agency' });
    assert.deepEqual(spanText(a4, 'Kremlin readout'), { text: 'Kremlin readout', kind: 'official-readout' });
    assert.deepEqual(spanText(a4, 'CNN'), { text: 'CNN', kind: 'outlet' });
    assert.deepEqual(spanText(seed('002'), 'China Daily'), { text: 'China Daily', kind: 'outlet' });
    // "According to the Kremlin" and "According to US President Joe Biden" are not media
    assert.ok(!seed('003').attributions.some((x) => /Kremlin/.test(x.name)));
    assert.ok(!seed('002').attributions.some((x) => /Biden/.test(x.name)));
  });

  test('blocks and text agree: paragraphs separated by a blank line', () => {
    for (const k of Object.keys(expected)) {
      const a = seed(k);
      assert.equal(a.text, paragraphs(a).join('\n\n'));
    }
  });

  test('hard-wrapped text (72 columns) gives the same article', () => {
    const content = readFileSync(join(SEEDS, expected['002'].file), 'utf8');
    const wrapped = content
      .split('\n')
      .map((line) => {
        const out: string[] = [];
        let cur = '';
        for (const word of line.split(' ')) {
          if (cur && cur.length + word.length + 1 > 72) {
            out.push(cur);
            cur = word;
          } else cur = cur ? `${cur} ${word}` : word;
        }
        out.push(cur);
        return out.join('\n');
      })
      .join('\n');
    assert.notEqual(wrapped, content);
    const a = seed('002');
    const b = extractArticle(doc(wrapped, 'text'));
    assert.equal(b.title, a.title);
    assert.equal(b.text, a.text);
  });

  test('deterministic', () => {
    const content = readFileSync(join(SEEDS, expected['003'].file), 'utf8');
    assert.deepEqual(extractArticle(doc(content, 'text')), extractArticle(doc(content, 'text')));
  });
});

describe('dates', () => {
  test('visible dates keep their time zone', () => {
    assert.equal(parseTextDate('4 min read Last Updated : May 09 2025 | 6:47 AM IST')?.date.iso, '2025-05-09T06:47:00+05:30');
    assert.equal(parseTextDate('November 19th, 2019 at 8:40 AM')?.date.iso, '2019-11-19T08:40:00');
    assert.equal(parseTextDate('Posted 20 Nov, 2019 05:47 GMT')?.date.iso, '2019-11-20T05:47:00+00:00');
    assert.equal(parseTextDate('Nov. 18, 2019 5:26 p.m. ET')?.date.iso, '2019-11-18T17:26:00-05:00');
    assert.equal(parseTextDate('July 4, 2019 9:00 a.m. ET')?.date.iso, '2019-07-04T09:00:00-04:00');
    assert.equal(parseTextDate('May 09 2025')?.date.precision, 'day');
    assert.equal(parseTextDate('no date here'), null);
  });
});

describe('HTML mode', () => {
  test('benchmark page: body found, boilerplate gone, metadata read', () => {
    const dir = join(DATA, 'extraction', 'article-extraction-benchmark-dev');
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { url: string; articleBody: string }>;
    const id = Object.keys(truth).find((k) => truth[k].url.includes('latimes.com/entertainment-arts'))!;
    const { text: html } = decodeHtmlBytes(readFileSync(join(dir, 'html', `${id}.html.gz`)));
    const a = extractArticle(doc(html, 'html', { url: truth[id].url }));
    assert.equal(a.status, 'ok');
    const score = aggregate([pageCounts(truth[id].articleBody, a.text)]);
    assert.ok(score.f1 > 0.9, `F1 ${score.f1}`);
    assert.ok(a.text.startsWith('Walt Disney Co. executive Kevin Mayer'));
    assert.ok(!a.text.includes('Newsroom Directory'));
    assert.ok(a.removed.some((r) => r.text === 'Newsroom Directory'));
    // JSON-LD gives the instant in UTC: 2019-11-20T01:..Z is the evening of the 19th in Los Angeles
    assert.equal(a.published?.source, 'json-ld');
    assert.ok(a.published?.iso.startsWith('2019-11-2'), a.published?.iso);
    assert.equal(a.language, 'en');
    assert.ok(a.title?.includes('Disney+'));
  });

  test('readability test page: title, byline, site name, date', () => {
    const dir = join(DATA, 'extraction', 'readability-test-pages', 'breitbart');
    if (!existsSync(dir)) return;
    const a = extractArticle(doc(readFileSync(join(dir, 'source.html'), 'utf8'), 'html'));
    const exp = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8'));
    assert.equal(a.published?.iso.slice(0, 10), String(exp.publishedTime).slice(0, 10));
    assert.equal(a.outlet, exp.siteName);
    assert.ok(a.text.length > 500);
  });

  test('naive-scraper rendering then plain-text mode recovers the article', () => {
    const dir = join(DATA, 'extraction', 'article-extraction-benchmark-dev');
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { url: string; articleBody: string }>;
    const id = Object.keys(truth).find((k) => truth[k].url.includes('latimes.com/entertainment-arts'))!;
    const { text: html } = decodeHtmlBytes(readFileSync(join(dir, 'html', `${id}.html.gz`)));
    const flat = renderVisibleText(html);
    assert.ok(flat.includes('Newsroom Directory'));
    const a = extractArticle(doc(flat, 'text'));
    const score = aggregate([pageCounts(truth[id].articleBody, a.text)]);
    assert.ok(score.f1 > 0.85, `F1 ${score.f1}`);
  });
});

describe('shingle scoring', () => {
  test('as the benchmark scores: identical text is 1, disjoint is 0, half is in between', () => {
    const t = readFileSync(join(SEEDS, expected['000'].file), 'utf8');
    assert.equal(aggregate([pageCounts(t, t)]).f1, 1);
    assert.equal(aggregate([pageCounts(t, 'completely different words here and there')]).f1, 0);
    const half = aggregate([pageCounts(t, t.slice(0, t.length / 2))]);
    assert.ok(half.precision > 0.99 && half.recall > 0.4 && half.recall < 0.6);
  });
});

describe('bad input never crashes', () => {
  // CPU time of this process: the wall clock also counts other processes' turns on a loaded machine
  const within = (ms: number, f: () => Article) => withinCpu(ms, f, 'extraction');
  test('empty and whitespace', () => {
    for (const c of ['', '   \n\n ']) {
      for (const ct of ['text', 'html'] as const) {
        const a = extractArticle(doc(c, ct));
        assert.equal(a.status, 'no-body');
        assert.ok(a.messages.some((m) => /no article body found/.test(m.message)));
      }
    }
  });
  test('garbage HTML and only scripts', () => {
    const garbage = '<<<>>><div><p</span>&&&;<<!-- <td><<table>>>\u0000\u0001 </html></html><body';
    const a = extractArticle(doc(garbage, 'html'));
    assert.ok(a.status === 'no-body' || a.status === 'ok');
    const s = extractArticle(doc(`<html><head><script>${'var x = 1;'.repeat(1000)}</script></head><body><script>alert(1)</script></body></html>`, 'html'));
    assert.equal(s.status, 'no-body');
    assert.equal(s.text, '');
  });
  test('markup nested 10,000 deep', () => {
    const html = `<html><body>${'<div>'.repeat(10000)}<p>${'Deeply nested article text, with a sentence. '.repeat(10)}</p>${'</div>'.repeat(10000)}</body></html>`;
    const a = within(3000, () => extractArticle(doc(html, 'html')));
    assert.equal(a.status, 'ok');
    assert.ok(a.text.includes('Deeply nested article text'));
    const unclosed = within(3000, () => extractArticle(doc(`<html><body>${'<div><span>'.repeat(50000)}text`, 'html')));
    assert.ok(unclosed.status === 'ok' || unclosed.status === 'no-body');
  });
  test('a 20 MB page finishes within its budget', () => {
    const para = '<p>The committee said on Tuesday that the report, which runs to several hundred pages, would be published next week.</p>\n';
    const html = `<html><head><title>Big</title></head><body><article>${para.repeat(Math.ceil(20e6 / para.length))}</article></body></html>`;
    // the page is cut to its first 3M characters (a warning); on a loaded machine the reading may also
    // run out of its budget (another warning, and then less or no text): both are correct outcomes
    const a = within(30000, () => extractArticle(doc(html, 'html'), { timeBudgetMs: 10000 }));
    const budgetRanOut = a.messages.some((m) => m.message.startsWith('time budget ran out'));
    assert.ok(a.text.length > 1000 || budgetRanOut, JSON.stringify(a.messages));
    assert.ok(a.messages.some((m) => m.level === 'warning' && m.message.includes('cut to its first')));
  });
  test('20 MB of plain text (one line, or menus) finishes within its budget', () => {
    for (const content of ['word '.repeat(4e6), 'Home / News / Section\n'.repeat(9e5)]) {
      const a = within(8000, () => extractArticle(doc(content, 'text'), { timeBudgetMs: 2000 }));
      assert.equal(a.status, 'no-body');
      assert.ok(a.messages.some((m) => /cut to its first/.test(m.message)));
    }
  });
  test('Chinese, Cyrillic and Arabic pages', () => {
    const zh =
      '<html><body><article><h1>习近平同普京举行会谈</h1>' +
      [
        '国家主席习近平在莫斯科同俄罗斯总统普京举行会谈，双方发表联合声明，强调深化两国全面战略协作伙伴关系。',
        '两国元首一致同意，继续在涉及彼此核心利益问题上相互坚定支持，加强在国际事务中的协调配合。',
        '会谈后，两国元首共同见证签署二十余份涉及经贸、科技、人文等领域的合作文件。',
        '习近平此次访问俄罗斯并出席纪念苏联伟大卫国战争胜利八十周年庆典。',
      ]
        .map((p) => `<p>${p}</p>`)
        .join('') +
      '</article></body></html>';
    const ru =
      '<html><body><article>' +
      [
        'Президент России Владимир Путин и председатель КНР Си Цзиньпин провели переговоры в Кремле, которые продолжались несколько часов.',
        'По итогам встречи стороны подписали совместное заявление о дальнейшем углублении отношений всеобъемлющего партнерства.',
        'Кроме того, было подписано более двадцати межправительственных и межведомственных документов о сотрудничестве.',
        'Си Цзиньпин прибыл в Москву в среду с государственным визитом, который продлится четыре дня.',
        'Он также примет участие в торжествах по случаю восьмидесятой годовщины Победы в Великой Отечественной войне.',
      ]
        .map((p) => `<p>${p}</p>`)
        .join('') +
      '</article></body></html>';
    const ar =
      '<html dir="rtl"><body><article>' +
      [
        'التقى الرئيس الروسي فلاديمير بوتين والرئيس الصيني شي جين بينغ في موسكو، وأصدرا بيانا مشتركا حول تعزيز العلاقات بين البلدين.',
        'وقال الكرملين إن المحادثات استمرت عدة ساعات وتناولت قضايا التجارة والطاقة والأمن الإقليمي والدولي.',
        'ووقع الجانبان أكثر من عشرين اتفاقية للتعاون في مجالات الاقتصاد الرقمي والعلوم والثقافة والإعلام.',
        'ويشارك الرئيس الصيني في احتفالات الذكرى الثمانين للانتصار في الحرب العالمية الثانية في الساحة الحمراء.',
      ]
        .map((p) => `<p>${p}</p>`)
        .join('') +
      '</article></body></html>';
    const langs: [string, string][] = [
      [zh, 'zh'],
      [ru, 'ru'],
      [ar, 'ar'],
    ];
    for (const [html, lang] of langs) {
      const a = extractArticle(doc(html, 'html'));
      assert.equal(a.status, 'ok', lang);
      assert.equal(a.language, lang);
      assert.ok(a.text.length > 100, lang);
      const t = extractArticle(doc(renderVisibleText(html), 'text'));
      assert.equal(t.status, 'ok', `plain text ${lang}`);
    }
  });
  test('truncated gzip gives what could be read, plus a message', () => {
    const html = `<html><body><article>${'<p>A paragraph of the article that says something, at some length, for the test.</p>'.repeat(200)}</article></body></html>`;
    const gz = gzipSync(Buffer.from(html));
    const cut = gz.subarray(0, Math.floor(gz.length / 2));
    const r = decodeHtmlBytes(cut);
    assert.ok(r.messages.length > 0);
    const a = extractArticle(doc(r.text, 'html'));
    assert.ok(a.status === 'ok' || a.status === 'no-body');
    const junk = decodeHtmlBytes(Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    assert.equal(junk.text, '');
    assert.equal(junk.messages[0].level, 'error');
  });
  test('a binary blob as text', () => {
    const bin = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    const a = extractArticle(doc(bin, 'text'));
    assert.ok(['ok', 'no-body'].includes(a.status));
  });
});
