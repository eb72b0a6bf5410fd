import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startServer } from '../../src/server/testing.js';
import { SEEDS } from '../helpers.js';
import { HOSTILE_RECORDS } from '../hostile.js';

/**
 * The pages a reader meets, at a desktop (1366×900) and a phone (390×844) size: no page scrolls
 * sideways, a tap on a fact shows its sentence (beside the content, or in a bottom sheet on the
 * phone), citations of report.html open the right sentence, the add page reports errors as errors.
 * Screenshots go to test-artifacts/.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const skip = existsSync(CHROMIUM) ? false : `no chromium at ${CHROMIUM} (apt-get install chromium)`;
const SIZES = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Taps the first clickable fact and returns what the viewer marks, and whether the mark is on screen. */
async function tapFact(page: Page, selector: string) {
  const fact = page.locator(selector).first();
  const expected = await fact.evaluate((el) => ({ id: el.getAttribute('data-article')!, start: Number(el.getAttribute('data-start')), end: Number(el.getAttribute('data-end')) }));
  await fact.tap();
  const mark = page.locator('#viewer mark');
  await mark.waitFor({ state: 'attached', timeout: 5000 });
  const text = (await mark.textContent()) ?? '';
  await page.waitForTimeout(300); // the bottom sheet slides in
  const visible = await mark.evaluate((m) => {
    const r = m.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
  });
  const texts = JSON.parse((await page.locator('#article-texts').textContent()) ?? '{}') as Record<string, { text: string }>;
  return { text, visible, want: texts[expected.id].text.slice(expected.start, expected.end) };
}

describe('pages on a desktop and a phone', { skip }, () => {
  let t: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let big: string;
  let hostile: string;

  before(async () => {
    t = await startServer({ token: 'secret-token-123' });
    const auth = { authorization: 'Bearer secret-token-123' };
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort()) {
      const r = await fetch(`${t.base}/api/articles?source=${encodeURIComponent(f)}`, { method: 'POST', headers: { 'content-type': 'text/plain', ...auth }, body: readFileSync(SEEDS + f) });
      assert.ok(r.ok, await r.text());
    }
    const r = await fetch(`${t.base}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(HOSTILE_RECORDS) });
    const hostileOut = (await r.json()) as { outcomes: { storyId: string }[] };
    hostile = hostileOut.outcomes[0].storyId;
    const list = (await (await fetch(`${t.base}/api/stories`)).json()) as { stories: { id: string; articles: number }[] };
    big = list.stories.filter((s) => s.id !== hostile).sort((a, b) => b.articles - a.articles)[0].id;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
  });

  for (const size of SIZES) {
    test(`${size.name}: no page scrolls sideways; screenshots`, async () => {
      const page = await browser.newPage({ viewport: size, hasTouch: true, isMobile: size.width < 800 });
      const doc = (await t.server.store.documentRows())[0].id;
      const pages: [string, string][] = [
        ['stories', '/'],
        ['stories-sorted', '/?sort=conflicts&multi=1'],
        ['story', `/stories/${big}`],
        ['story-hostile', `/stories/${hostile}`],
        ['article', `/articles/${doc}`],
        ['add', '/add'],
        ['not-found', '/stories/nope'],
      ];
      for (const [name, path] of pages) {
        await page.goto(t.base + path);
        assert.equal(await overflow(page), 0, `${name} at ${size.width}px overflows`);
        await page.screenshot({ path: `${ARTIFACTS}ux-${name}-${size.width}.png`, fullPage: true });
      }
      // report.html as a file, as a user opens it
      const html = await (await fetch(`${t.base}/api/stories/${big}/export?format=html`)).text();
      const file = `${ARTIFACTS}report-${big}.html`;
      writeFileSync(file, html);
      await page.goto(pathToFileURL(file).href);
      assert.equal(await overflow(page), 0, `report.html at ${size.width}px overflows`);
      await page.screenshot({ path: `${ARTIFACTS}ux-report-${size.width}.png`, fullPage: true });
      await page.close();
    });

    test(`${size.name}: a tap on a fact shows its sentence`, async () => {
      const page = await browser.newPage({ viewport: size, hasTouch: true, isMobile: size.width < 800 });
      await page.goto(`${t.base}/stories/${big}`);
      assert.equal(await page.locator('details.single-source').getAttribute('open'), null, 'single-source facts collapsed');
      const brief = page.locator('.brief .ev');
      assert.ok((await brief.count()) >= 1);
      assert.match((await brief.first().textContent()) ?? '', /^(established|disputed|single source) /);
      const r = await tapFact(page, '.facts-shared li.ev');
      assert.ok(r.text.length > 0 && r.text === r.want, `the viewer marks the fact's span: ${r.text} / ${r.want}`);
      assert.ok(r.visible, 'the marked sentence is on screen');
      assert.equal(await page.evaluate(() => location.pathname), `/stories/${big}`, 'no navigation');
      await page.screenshot({ path: `${ARTIFACTS}ux-story-tap-${size.width}.png` });
      if (size.width < 800) {
        await page.locator('#viewer-close').tap();
        await page.waitForFunction(() => !document.getElementById('viewer')!.classList.contains('open'));
      }
      // a conflict side and a quote wording open their sentences too
      for (const sel of ['.conflict .side', '.speaker[open] .wording']) {
        const c = await tapFact(page, sel);
        assert.equal(c.text, c.want, sel);
      }
      await page.close();
    });

    test(`${size.name}: report.html citations open the cited sentence without jumping to the top`, async () => {
      const page = await browser.newPage({ viewport: size, hasTouch: true, isMobile: size.width < 800 });
      await page.goto(pathToFileURL(`${ARTIFACTS}report-${big}.html`).href);
      const cite = page.locator('.brief .cite').nth(1);
      await cite.scrollIntoViewIfNeeded();
      const before = await page.evaluate(() => window.scrollY);
      const r = await tapFact(page, '.brief .cite >> nth=1');
      assert.equal(r.text, r.want);
      assert.ok(r.visible);
      assert.equal(await page.evaluate(() => window.scrollY), before, 'the page stays where it was');
      assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0);
      await page.close();
    });
  }

  test('hostile fields stay inert on the story page, the article page and report.html', async () => {
    const page = await browser.newPage({ viewport: SIZES[1], hasTouch: true, isMobile: true });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const html = await (await fetch(`${t.base}/api/stories/${hostile}/export?format=html`)).text();
    const file = `${ARTIFACTS}report-hostile.html`;
    writeFileSync(file, html);
    const doc = (await t.server.store.documentRows()).find((d) => d.source.startsWith('hostile-1'))!.id;
    for (const url of [`${t.base}/stories/${hostile}`, `${t.base}/articles/${doc}`, `${t.base}/?q=cranes`, pathToFileURL(file).href]) {
      await page.goto(url);
      assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, url);
      assert.equal(await page.locator('img[src="x"], svg[onload], [onerror], [onload], [onmouseover], b, i').count(), 0, `no injected element on ${url}`);
      for (const ev of await page.locator('[data-article]').all()) if (await ev.isVisible()) await ev.tap();
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null), null, url);
    }
    await page.goto(`${t.base}/stories/${hostile}`);
    assert.match((await page.locator('#story-title').textContent()) ?? '', /<script>window\.__pwned='title/, 'the title is shown as text');
    await page.screenshot({ path: `${ARTIFACTS}ux-story-hostile-tap-390.png` });
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  test('the entity filter takes names as written; sorting and the single-article filter work', async () => {
    const page = await browser.newPage({ viewport: SIZES[0] });
    for (const name of ['Vladimir Putin', 'vladimir putin', 'Xi Jinping']) {
      await page.goto(`${t.base}/?entity=${encodeURIComponent(name)}`);
      assert.ok((await page.locator('#stories tr.story-row').count()) >= 1, name);
    }
    await page.goto(`${t.base}/?multi=1`);
    const sizes = (await page.locator('td.n-articles').allTextContents()).map(Number);
    assert.ok(sizes.length >= 1 && sizes.every((n) => n > 1), 'no single-article story');
    await page.goto(`${t.base}/?sort=size`);
    const bySize = (await page.locator('td.n-articles').allTextContents()).map(Number);
    assert.deepEqual(bySize, [...bySize].sort((a, b) => b - a));
    await page.close();
  });

  test('add page: an empty submit and a 401 are errors, not "done"; outcomes per file', async () => {
    const page = await browser.newPage({ viewport: SIZES[1] });
    await page.goto(`${t.base}/add`);
    await page.click('#add-form button[type=submit]');
    assert.equal(await page.locator('#add-status').getAttribute('data-state'), 'error');
    assert.match((await page.locator('#add-status').textContent()) ?? '', /Nothing to add/);
    await page.fill('#paste', 'A headline\n\nSome article text that is long enough to be an article about something.');
    await page.fill('#token', 'wrong-token-000');
    await page.click('#add-form button[type=submit]');
    await page.waitForFunction(() => document.getElementById('add-status')?.getAttribute('data-state') === 'error');
    assert.match((await page.locator('#results li.err').textContent()) ?? '', /401|token/);
    assert.notEqual(await page.locator('#add-status').textContent(), 'done');
    // with the token, metadata fields are applied to a pasted text
    await page.fill('#token', 'secret-token-123');
    await page.fill('#meta-outlet', 'Test Outlet');
    await page.fill('#meta-url', 'https://example.org/a');
    await page.fill('#source', 'with-meta');
    await page.fill('#paste', 'Council approves budget\n\nThe city council approved the budget on Monday after a two-hour debate, the mayor said. The vote was 7 to 2.');
    await page.click('#add-form button[type=submit]');
    await page.waitForFunction(() => document.getElementById('add-status')?.getAttribute('data-state') === 'done');
    assert.match((await page.locator('#results > li').last().textContent()) ?? '', /with-meta.*1 document, 1 new/);
    const row = (await t.server.store.documentRows()).find((d) => d.source === 'with-meta');
    assert.ok(row);
    const added = (await t.server.store.getAnnotated(row.id))?.article;
    assert.equal(added?.outlet, 'Test Outlet');
    assert.equal(added?.title, 'Council approves budget', 'the first line is the headline');
    assert.equal(added?.url, 'https://example.org/a');
    await page.screenshot({ path: `${ARTIFACTS}ux-add-done-390.png`, fullPage: true });
    await page.close();
  });
});
