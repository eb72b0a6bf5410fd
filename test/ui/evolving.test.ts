import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { startServer } from '../../src/server/testing.js';

/**
 * The story page's evolving figures in a real browser (Debian's chromium, headless): invented
 * articles of one event told on three days (test/fixtures/evolving) are posted to the API; the
 * story page shows the death toll as dated steps in publication order, not as a conflict, and a
 * tap on a step shows its figure in the viewer.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const BLAST = JSON.parse(readFileSync(new URL('../fixtures/evolving/warehouse-blast.json', import.meta.url), 'utf8')) as { articles: unknown[] };
const skip = existsSync(CHROMIUM) ? false : `no chromium at ${CHROMIUM} (apt-get install chromium)`;

describe('evolving figures on the story page', { skip }, () => {
  let t: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let storyId: string;

  before(async () => {
    t = await startServer();
    const r = await fetch(`${t.base}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BLAST.articles) });
    const body = await r.text();
    assert.ok(r.ok, body);
    const out = JSON.parse(body) as { outcomes: { storyId: string }[] };
    storyId = out.outcomes[0].storyId;
    assert.ok(out.outcomes.every((o) => o.storyId === storyId), 'the three days are one story');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
  });

  test('the toll is a dated sequence whose steps open their sentences', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${t.base}/stories/${storyId}`);
    // the background cross-check may still be running: reload until the page has it
    for (let i = 0; i < 60 && (await page.locator('#no-crosscheck').count()) > 0; i++) {
      await page.waitForTimeout(1000);
      await page.reload();
    }
    assert.equal(await page.locator('#no-crosscheck, #crosscheck-error').count(), 0, 'the story has a cross-check');
    assert.match((await page.locator('#evolving').textContent()) ?? '', /Evolving figures \(2\)/);
    const toll = page.locator('.evolving', { hasText: 'death toll' });
    const steps = await toll.locator('li.step').allTextContents();
    assert.equal(steps.length, 3, steps.join(' | '));
    assert.deepEqual(
      steps.map((s) => /^(\d{4}-\d\d-\d\d) (\d+ people)/.exec(s)?.slice(1)),
      [
        ['2031-03-04', '3 people'],
        ['2031-03-05', '9 people'],
        ['2031-03-06', '14 people'],
      ],
    );
    assert.equal(await page.locator('.conflict', { hasText: 'death toll' }).count(), 0, 'the toll is not a conflict');
    await toll.locator('li.step').nth(1).click();
    assert.equal(await page.locator('#viewer mark').textContent(), 'Nine people');
    // the export buttons offer the steps as a table
    const href = await page.locator('#export a', { hasText: 'Evolving figures (CSV)' }).getAttribute('href');
    const csv = await (await fetch(new URL(href ?? '', t.base))).text();
    assert.match(csv.split('\n')[0], /^story_id,evolving_id,slot,kind,label,step,published,value/);
    assert.ok(csv.includes(',death toll,2,2031-03-05,9 people,'), csv);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}serve-story-evolving.png`, fullPage: true });
    await page.close();
  });
});
