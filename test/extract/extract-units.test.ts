import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cleanByline } from '../../src/extract/byline.js';
import { dateFromUrl, parseIsoDate } from '../../src/extract/dates.js';
import { decodeHtmlBytes, detectWire, extractArticle, findAttributions } from '../../src/extract/index.js';
import { detectLanguage } from '../../src/extract/language.js';
import type { RawDocument } from '../../src/model/types.js';

const POLNEAR = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'attribution', 'polnear');
const doc = (content: string, contentType: 'text' | 'html'): RawDocument => ({
  id: 't',
  source: 't',
  format: contentType,
  content,
  contentType,
  encoding: 'utf-8',
  meta: {},
});

describe('bylines are people only', () => {
  test('organisations, reading times and dates are dropped', () => {
    assert.deepEqual(cleanByline('By Jane Doe and John Roe | Staff | 4 min read'), ['Jane Doe', 'John Roe']);
    assert.deepEqual(cleanByline('Staff | 4 min read'), []);
    assert.deepEqual(cleanByline('Press Trust of India'), []);
    assert.deepEqual(cleanByline('By GILLIAN MOHNEY March 11, 2015 3:46 PM'), ['GILLIAN MOHNEY']);
    assert.deepEqual(cleanByline('Written by Rob Ewaschuk Edited by Betsy Beyer'), ['Rob Ewaschuk', 'Betsy Beyer']);
    assert.deepEqual(cleanByline('Reuters'), []);
  });
});

describe('dates', () => {
  test('machine dates keep their offsets', () => {
    assert.deepEqual(parseIsoDate('2019-11-19T08:40:00-05:00'), { iso: '2019-11-19T08:40:00-05:00', precision: 'second' });
    assert.deepEqual(parseIsoDate('2019-11-20T01:50:59Z'), { iso: '2019-11-20T01:50:59+00:00', precision: 'second' });
    assert.deepEqual(parseIsoDate('2019-11-19'), { iso: '2019-11-19', precision: 'day' });
    assert.deepEqual(parseIsoDate('Tue, 19 Nov 2019 08:40:00 GMT'), { iso: '2019-11-19T08:40:00+00:00', precision: 'second' });
    assert.equal(parseIsoDate('2019-13-45'), null);
  });
  test('dates in URLs', () => {
    assert.deepEqual(dateFromUrl('https://www.twincities.com/2019/11/19/parise-scores-2-goals/'), { iso: '2019-11-19', precision: 'day' });
    assert.deepEqual(dateFromUrl('https://www.spokesman.com/stories/2019/nov/19/meth-were-on-it/'), { iso: '2019-11-19', precision: 'day' });
    assert.deepEqual(dateFromUrl('https://example.com/2019/11/some-story'), { iso: '2019-11', precision: 'month' });
    assert.equal(dateFromUrl('https://example.com/news/12345'), null);
  });
});

describe('wire detection on PolNeAR texts', () => {
  const read = (compartment: string, name: string) => readFileSync(join(POLNEAR, compartment, 'text', `${name}.txt`), 'utf8');
  test('datelines, footers and credits name the agency', () => {
    const rows = readFileSync(join(POLNEAR, 'metadata.tsv'), 'utf8').trim().split('\n').slice(1).map((r) => r.split('\t'));
    const pick = (wire: string) => rows.find((r) => r[11] === wire)!;
    const names: Record<string, string> = { AP: 'Associated Press', UPI: 'United Press International', AFP: 'Agence France-Presse' };
    for (const w of ['AP', 'UPI', 'AFP']) {
      const r = pick(w);
      const a = extractArticle(doc(read(r[0], r[1]), 'text'));
      assert.equal(a.wire, names[w], r[1]);
      // the headline is the first line, not the "CITY (AP) — The Latest on ...:" dateline line
      assert.equal(a.title, read(r[0], r[1]).split('\n')[0].trim(), r[1]);
    }
    const none = rows.filter((r) => r[11] === 'None').slice(0, 40);
    const fps = none.filter((r) => extractArticle(doc(read(r[0], r[1]), 'text')).wire !== null);
    assert.ok(fps.length <= 1, `false wire on ${fps.map((r) => r[1]).join(', ')}`);
  });
  test('credit forms', () => {
    assert.equal(detectWire(['MACAU (Reuters) – Top Republican Party donor Sheldon Adelson said on Friday ...'], []).wire, 'Reuters');
    assert.equal(detectWire(['Some text.'], ['(Reporting by Valerie Volcovici; Editing by Will Dunham.)']).wire, 'Reuters');
    assert.equal(detectWire(['Some text.'], ['Press Trust of India Moscow']).wire, 'Press Trust of India');
    assert.equal(detectWire(['Some text.'], ['Bloomberg Video']).wire, null);
    assert.equal(detectWire(['Ani Smith said the plan would work.'], ['Ani Smith']).wire, null);
  });
});

describe('attributions', () => {
  test('media cited in text, not people or governments', () => {
    const t =
      'The ministry said so, according to Reuters. Separately, the Kremlin said talks would go on, a claim CNN has not independently verified. ' +
      'Russian state media reported the figures, and state news agency Tass quoted an official. According to Joe Biden, it matters. AP photos show it.';
    const names = findAttributions(t).map((a) => `${a.name}:${a.kind}:${t.slice(a.span.start, a.span.end)}`);
    assert.deepEqual(names, [
      'Reuters:wire:Reuters',
      'CNN:outlet:CNN',
      'Russian state media:other:Russian state media',
      'Tass:agency:state news agency Tass',
    ]);
  });
});

describe('plain-text lists', () => {
  test('a list the article introduces stays; a headline run does not', () => {
    const body =
      'The committee published its report on Tuesday, and the findings were sharper than many members of parliament had expected.\n' +
      'The recommendations include:\n' +
      'Faster approval of new grid connections\n' +
      'A single national register of projects\n' +
      'Annual reviews of the targets\n' +
      'Ministers said they would respond to the report in full before the summer recess, according to officials familiar with the plans.\n' +
      'Opposition parties welcomed the report but said the government had ignored similar advice in the past, and called for a vote.\n' +
      'More stories\n' +
      'Storm closes roads across the north\n' +
      'Council approves new budget for schools\n';
    const a = extractArticle(doc(body, 'text'));
    assert.ok(a.text.includes('A single national register of projects'));
    assert.ok(a.blocks.some((b) => b.kind === 'list'));
    assert.ok(!a.text.includes('Council approves new budget'));
  });
});

describe('encodings', () => {
  test('windows-1252 pages are decoded by their declared charset', () => {
    const html = '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 \u201cquoted\u201d</p></body></html>';
    const bytes = Buffer.from(
      html.replace(/[\u00e9\u201c\u201d]/g, (c) => String.fromCharCode(c === '\u00e9' ? 0xe9 : c === '\u201c' ? 0x93 : 0x94)),
      'latin1',
    );
    const { text } = decodeHtmlBytes(bytes);
    assert.ok(text.includes('Caf\u00e9 \u201cquoted\u201d'));
  });
  test('language from script and stopwords', () => {
    assert.equal(detectLanguage('Der Präsident sagte am Dienstag, dass die Regierung mit der Opposition über die Reform sprechen werde und dass es keine Eile gebe.'), 'de');
    assert.equal(detectLanguage('Le président a déclaré mardi que le gouvernement discuterait de la réforme avec les syndicats et que rien ne pressait.'), 'fr');
    assert.equal(detectLanguage('Президент заявил во вторник, что правительство обсудит реформу с профсоюзами.'), 'ru');
  });
});
