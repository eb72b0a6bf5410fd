/**
 * Evolving figures in every output (invented dated articles, test/fixtures/evolving): report.json
 * carries `evolvingFigures` with dated steps and evidence, report.md and report.html show the steps
 * in publication order with their sentences, the cross-check's own Markdown and HTML fragment too,
 * and the terminal summary counts them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { renderCrossCheckHtml, renderCrossCheckMarkdown } from '../../src/compare/index.js';
import { analyze, crossCheck, openStore, type Report, render, type Store } from '../../src/index.js';

const BLAST = JSON.parse(readFileSync(new URL('../fixtures/evolving/warehouse-blast.json', import.meta.url), 'utf8')) as { articles: { id: string; text: string }[] };

describe('evolving figures in report.json, report.md, report.html and the terminal', () => {
  let store: Store;
  let report: Report;

  before(async () => {
    store = await openStore(':memory:');
    const jsonl = BLAST.articles.map((a) => JSON.stringify(a)).join('\n');
    report = await crossCheck(store, await analyze([{ source: 'blast.jsonl', content: jsonl }], { store }));
  });
  after(async () => {
    await store?.close();
  });

  const story = () => {
    assert.equal(report.stories.length, 1, 'the three days of the blast are one story');
    return report.stories[0];
  };
  const textOf = (id: string) => story().articles.find((a) => a.id === id)!.text;

  test('report.json: the toll and the injured as dated steps, no conflict', () => {
    const json = JSON.parse(render(report, 'json')) as Report;
    const cc = json.stories[0].crossCheck!;
    assert.deepEqual(cc.conflicts, []);
    const toll = cc.evolvingFigures.find((e) => e.slot === 'people|deaths');
    assert.ok(toll, JSON.stringify(cc.evolvingFigures));
    assert.deepEqual(
      toll.steps.map((s) => [s.published, s.value]),
      [
        ['2031-03-04', '3 people'],
        ['2031-03-05', '9 people'],
        ['2031-03-06', '14 people'],
      ],
    );
    for (const s of toll.steps) assert.match(textOf(s.evidence[0].articleId).slice(s.evidence[0].span.start, s.evidence[0].span.end), /^(?:three|Nine|Fourteen) people$/);
    assert.deepEqual(cc.evolvingFigures.find((e) => e.slot === 'people|injured')?.steps.map((s) => s.normalized.value), [12, 20, 25]);
  });

  test('report.md: a section with the steps in order and their sentences', () => {
    const md = render(report, 'markdown');
    const section = md.slice(md.indexOf('## Evolving figures'));
    assert.ok(md.includes('## Evolving figures'), md);
    const rows = section.split('\n').filter((l) => /^\| 2031-03-0\d \|/.test(l));
    assert.deepEqual(
      rows.slice(0, 3).map((r) => r.split('|')[2].trim()),
      ['3 people', '9 people', '14 people'],
    );
    assert.match(rows[1], /Nine people were killed and 20 injured/);
  });

  test('report.html: a card per figure whose steps open their sentences', () => {
    const html = render(report, 'html');
    assert.match(html, /<h2 id="evolving">Evolving figures \(2\)<\/h2>/);
    const steps = [...html.matchAll(/<li class="ev row step"[^>]*data-article="([0-9a-f]+)" data-start="(\d+)" data-end="(\d+)"[^>]*><time datetime="([\d-]+)">/g)];
    assert.equal(steps.length, 6, 'three steps of each figure');
    for (const [, id, start, end] of steps) assert.match(textOf(id).slice(Number(start), Number(end)), /\b(?:three|Nine|Fourteen|12|20|25)\b/);
  });

  test("the cross-check's own Markdown and HTML fragment, and the terminal summary", () => {
    const s = story();
    const articles = s.articles.map((a) => ({ docId: a.id, text: a.text }));
    const cc = s.crossCheck!;
    const md = renderCrossCheckMarkdown(cc, articles as never);
    assert.match(md, /## Evolving figures[\s\S]*\| 2031-03-04 \| 3 people \|[\s\S]*\| 2031-03-06 \| 14 people \|/);
    const html = renderCrossCheckHtml(cc, articles as never);
    assert.match(html, /<div class="tg-evolving" id="E[0-9a-f]{12}"><h4>E[0-9a-f]{12}: death toll<\/h4>/);
    assert.equal((html.match(/<li class="tg-step">/g) ?? []).length, 6);
    assert.match(render(report, 'terminal'), /0 conflicts, 2 evolving figures,/);
  });
});
