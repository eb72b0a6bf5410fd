import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startServer } from '../../src/server/testing.js';

/**
 * The web UI in a real browser (Debian's chromium, headless): the seeds are added through the
 * "add articles" page, the story page updates without a reload, the stories list and the story
 * page show the cross-check, and article content carrying script payloads never runs.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const seedPath = (prefix: string) => SEEDS + readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));

const skip = existsSync(CHROMIUM) ? false : `no chromium at ${CHROMIUM} (apt-get install chromium)`;

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

async function shot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

/** Adds files through the UI and waits for the results. */
async function addFiles(page: Page, base: string, files: string[]) {
  await page.goto(`${base}/add`);
  await page.setInputFiles('#files', files);
  await page.click('#add-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('add-status')?.textContent === 'done', null, { timeout: 60_000 });
}

describe('web UI in chromium', { skip }, () => {
  let t: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;

  before(async () => {
    t = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
  });

  test('add the seeds through the UI; the open story page updates without a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await addFiles(page, t.base, ['000', '001', '003'].map(seedPath));
    const outcomes = await page.locator('#results ul > li').allTextContents();
    assert.equal(outcomes.length, 3, outcomes.join('\n'));
    for (const o of outcomes) assert.match(o, /: new/);
    await page.waitForSelector('#affected li[data-articles]');
    await shot(page, 'serve-add');

    // open the story of the three articles in a second tab
    const storyId = await t.server.store.storyOf(
      (await t.server.store.documentRows()).find((d) => d.source.startsWith('003_'))!.id,
    )!;
    const story = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await story.goto(`${t.base}/stories/${storyId}`);
    const countBefore = await story.locator('#article-count').textContent();
    await story.evaluate(() => {
      (window as unknown as { __noReload: number }).__noReload = 42;
    });
    await story.waitForFunction(() => document.getElementById('live-status')?.textContent !== '', null, { timeout: 10_000 }).catch(() => undefined);

    // add the fourth article of the same visit by pasting its text
    await page.goto(`${t.base}/add`);
    await page.fill('#paste', readFileSync(seedPath('004'), 'utf8'));
    await page.fill('#source', '004-pasted.txt');
    await page.click('#add-form button[type=submit]');
    await page.waitForFunction(() => document.getElementById('add-status')?.textContent === 'done', null, { timeout: 60_000 });
    assert.match((await page.locator('#results li').first().textContent()) ?? '', /004-pasted\.txt: new/);

    const joined = await t.server.store.storyOf((await t.server.store.documentRows()).find((d) => d.source === '004-pasted.txt')!.id);
    assert.equal(joined, storyId, 'the fourth article of the visit joins its story');
    await story.waitForFunction((before) => document.getElementById('article-count')?.textContent !== before, countBefore, { timeout: 20_000 });
    assert.match((await story.locator('#article-count').textContent()) ?? '', /^4 articles/);
    assert.equal(await story.evaluate(() => (window as unknown as { __noReload?: number }).__noReload), 42, 'updated in place, not reloaded');
    // the add page's list of affected stories updates live too
    await page.waitForSelector('#affected li[data-articles]');
    await shot(story, 'serve-story-live');

    await addFiles(page, t.base, [seedPath('002')]);
    assert.match((await page.locator('#results li').first().textContent()) ?? '', /: new/);
    await story.close();
  });

  test('the stories page lists the stories with outlet and conflict counts', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${t.base}/`);
    await page.waitForSelector('#stories tr.story-row');
    // the background cross-check fills in the conflict counts
    await page.waitForFunction(() => document.querySelectorAll('#stories .b-pending').length === 0, null, { timeout: 60_000 });
    await page.reload();
    await shot(page, 'serve-stories');
    const counts = await page.locator('#stories tr.story-row td.n-articles').allTextContents();
    assert.equal(counts.map(Number).reduce((a, b) => a + b, 0), 5, 'all five seeds are listed');
    const xi = (await t.server.store.storyOf((await t.server.store.documentRows()).find((d) => d.source.startsWith('003_'))!.id))!;
    const row = page.locator(`#stories tr.story-row[data-story="${xi}"]`);
    assert.ok(Number(await row.locator('td.n-conflicts').textContent()) >= 1, 'the Moscow story has at least one conflict');
    assert.match((await row.textContent()) ?? '', /Business Standard/);
    await page.close();
  });

  test('the stories page shows two stories, not one (the 2024 visit is not merged)', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${t.base}/`);
    const rows = await page.locator('#stories tr.story-row td.n-articles').allTextContents();
    await page.close();
    assert.equal(rows.length, 2);
    assert.deepEqual(rows.map(Number).sort(), [1, 4]);
  });

  test('the story page shows the talk-duration conflict and the Xi quote group', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const id = (await t.server.store.storyOf((await t.server.store.documentRows()).find((d) => d.source.startsWith('003_'))!.id))!;
    await page.goto(`${t.base}/stories/${id}`);
    await shot(page, 'serve-story');
    assert.equal(await page.locator('#no-crosscheck, #crosscheck-error').count(), 0, 'the story has a cross-check');
    const conflicts = await page.locator('.conflict').allTextContents();
    const duration = conflicts.find((c) => /hour/i.test(c));
    assert.ok(duration, `a conflict about the duration of the talks among: ${conflicts.join(' | ')}`);
    assert.match(duration, /seven-hour-long talks/);
    assert.match(duration, /four hours|three-and-a-half/);
    const statements = await page.locator('.statement').allTextContents();
    const group = statements.find((s) => /calm, confident/.test(s) && /composed and confident/.test(s));
    assert.ok(group, 'both translations of Xi on the relationship are one statement');
    // clicking a piece of evidence shows its sentence in the viewer
    await page.locator('.conflict .ev').first().click();
    assert.ok(((await page.locator('#viewer mark').textContent()) ?? '').length > 0);
    await shot(page, 'serve-story-crosscheck');
    await page.close();
  });

  test('the article page highlights annotations and keeps boilerplate behind a toggle', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    const doc = (await t.server.store.documentRows()).find((d) => d.source.startsWith('003_'))!;
    await page.goto(`${t.base}/articles/${doc.id}`);
    assert.match((await page.locator('#article-text').textContent()) ?? '', /seven-hour-long talks/);
    assert.ok((await page.locator('#article-text .ent').count()) > 5, 'entities highlighted');
    assert.ok((await page.locator('#article-text .qty').count()) > 0, 'quantities highlighted');
    assert.ok((await page.locator('#article-text .tm').count()) > 0, 'times highlighted');
    assert.equal(await page.locator('#removed').getAttribute('open'), null, 'boilerplate collapsed');
    assert.equal(await page.locator('#removed pre').first().isVisible(), false);
    await page.click('#removed summary');
    assert.equal(await page.locator('#removed pre').first().isVisible(), true);
    const removed = (await page.locator('#removed').textContent()) ?? '';
    assert.match(removed, /Also Read|Telegram|Copyright|Topics/i);
    // layer toggles work (the page script runs under the nonce CSP)
    await page.uncheck('.legend input[data-layer=ent]');
    assert.equal(await page.evaluate(() => document.body.classList.contains('hide-ent')), true);
    await shot(page, 'serve-article');
    await page.close();
  });

  test('script, event-handler and javascript: payloads in articles never run', async () => {
    const dialogs: string[] = [];
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const payloads = [
      {
        id: 'xss-json-<img src=x onerror=alert(1)>',
        title: 'Minister <script>window.__pwned="title";alert("title")</script> resigns',
        outlet: '<img src=x onerror="window.__pwned=\'outlet\';alert(\'outlet\')">',
        url: 'javascript:window.__pwned="url";alert("url")',
        published: '2026-03-02',
        text: 'The minister resigned on Monday, the government said. <script>window.__pwned="text";alert("text")</script> She said "<img src=x onerror=alert(\'quote\')>" before leaving. Click <a href="javascript:alert(\'link\')">here</a> or <svg onload=alert("svg")>. The resignation came after a four-hour cabinet meeting.',
      },
    ];
    const r1 = await fetch(`${t.base}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payloads) });
    assert.equal(r1.status, 201);
    const html = `<!doctype html><html><head><title>Storm <script>alert("head")</script></title></head><body><article><h1>Storm hits coast &lt;script&gt;alert("escaped")&lt;/script&gt;</h1>
<p>A storm hit the coast on Tuesday, officials said. <img src=x onerror="window.__pwned='html';alert('html')"> Power was cut for more than 2,000 homes.</p>
<p>Residents were told to stay inside. <a href="javascript:window.__pwned='href';alert('href')">More</a> The storm lasted six hours, the weather service said. <iframe src="javascript:alert('iframe')"></iframe></p>
<script>window.__pwned='inline';alert('inline')</script></article></body></html>`;
    const r2 = await fetch(`${t.base}/api/articles?source=${encodeURIComponent('<svg onload=alert(1)>.html')}`, { method: 'POST', headers: { 'content-type': 'text/html' }, body: html });
    assert.equal(r2.status, 201);
    const ids = [...((await r1.json()) as { outcomes: { docId: string; storyId: string }[] }).outcomes, ...((await r2.json()) as { outcomes: { docId: string; storyId: string }[] }).outcomes];
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    for (const o of ids) {
      for (const path of [`/articles/${o.docId}`, `/stories/${o.storyId}`, '/', `/?q=${encodeURIComponent('<script>alert(1)</script>')}`]) {
        await page.goto(`${t.base}${path}`);
        await page.waitForLoadState('load');
        // click every link and highlight the payload might sit in (javascript: URLs must not exist)
        assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, `no javascript: link on ${path}`);
        assert.equal(await page.locator('img[src="x"], svg[onload], iframe, [onerror], [onload]').count(), 0, `no injected element on ${path}`);
        for (const ev of await page.locator('a.ev').all()) await ev.click();
        const pwned = await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);
        assert.equal(pwned, null, `payload ran on ${path}`);
      }
    }
    await page.goto(`${t.base}/articles/${ids[0].docId}`);
    const text = (await page.locator('#article-text').textContent()) ?? '';
    assert.match(text, /<script>window\.__pwned="text"/, 'the payload is shown as text');
    assert.match((await page.locator('.article-meta').textContent()) ?? '', /javascript:window\.__pwned="url"/, 'the javascript: URL is shown as text, not a link');
    await shot(page, 'serve-xss-article');
    // the add page echoes sources and reasons with textContent only
    await page.goto(`${t.base}/add`);
    await page.fill('#paste', '<img src=x onerror="window.__pwned=\'paste\'">');
    await page.fill('#source', '<img src=x onerror="window.__pwned=\'source\'">');
    await page.click('#add-form button[type=submit]');
    await page.waitForFunction(() => ['done', 'error'].includes(document.getElementById('add-status')?.getAttribute('data-state') ?? ''), null, { timeout: 30_000 });
    assert.equal(await page.locator('#results img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null), null);
    assert.deepEqual(dialogs, [], 'no alert() ran');
    await page.close();
  });
});
