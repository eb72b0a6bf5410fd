/**
 * Alerts: a followed article that contradicts the story's established figure flags the story — a
 * line in follow's output, a webhook POST (retried after a failure) with the story, the conflict and
 * the sentences, and a server-sent `alert` event when the server follows in the background.
 * Everything on 127.0.0.1; the articles are generated (no real names).
 */
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { alertLine, type StoryAlert } from '../../src/alerts/detect.js';
import { formatRound } from '../../src/cli/follow.js';
import { followInBackground } from '../../src/follow/background.js';
import { Follower } from '../../src/follow/follower.js';
import { followLoop } from '../../src/follow/loop.js';
import { storeSink } from '../../src/follow/sinks.js';
import { readBytes } from '../../src/ingest/index.js';
import { createServer } from '../../src/server/app.js';
import type { StoryGroup } from '../../src/stories/index.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';
import { type Site, startSite } from './follow-fixtures.js';

const FAST = { minIntervalMs: 0, backoffMs: 10, timeoutMs: 10_000, retries: 1 };

/** One outlet's report of the fire: its own wording, the given toll. */
function report(outlet: string, toll: string, lead: string, variant: number): string {
  const extra = [
    'Neighbours said the smoke could be seen across the river valley for most of the afternoon.',
    'The regional fire service opened a hotline for families and said the site would stay closed all week.',
    'Local schools near the industrial estate kept pupils indoors as a precaution during the day.',
    'Insurance assessors are expected at the industrial estate later in the week, according to the owners.',
  ][variant];
  return `<html><head><title>Warehouse fire in Northbridge</title><meta property="og:site_name" content="${outlet}"><meta property="article:published_time" content="2024-03-05T1${variant}:00:00Z"></head><body><article><h1>Warehouse fire in Northbridge</h1>
<p>${lead.replace('{toll}', toll)}</p>
<p>Firefighters from Northbridge and Eastvale fought the blaze through the night, fire chief Marta Lindqvist told reporters.</p>
<p>The warehouse, owned by the Calloway Textile Group, stored synthetic fabrics, and investigators are examining its wiring.</p>
<p>${extra}</p></article></body></html>`;
}

const ESTABLISHED = [
  report('Northbridge Courier', '12', 'A fire at a textile warehouse in Northbridge killed {toll} people on Monday, the regional fire service said.', 0),
  report('Eastvale Herald', '12', '{toll} people died on Monday when fire swept through a textile warehouse in Northbridge, officials said.', 1),
];
const CONTRADICTING = report('Lakeside Times', '30', 'A fire at a textile warehouse in Northbridge killed {toll} people on Monday, the regional fire service said.', 2);

let site: Site;
before(async () => {
  site = await startSite();
  site.routes.set('/desk.xml', (_q, res) => {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
    res.end(`<rss version="2.0"><channel><title>Lakeside Times</title><item><title>Warehouse fire</title><link>/lakeside/fire</link><pubDate>Tue, 05 Mar 2024 12:00:00 GMT</pubDate></item></channel></rss>`);
  });
  site.routes.set('/lakeside/fire', (_q, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(CONTRADICTING));
});
after(async () => {
  await site.close();
});

function seed() {
  return ESTABLISHED.flatMap((html, i) => readBytes(`established-${i}.html`, Buffer.from(html), 'html'));
}

test('a contradicting article raises an alert: follow output line and a retried webhook with story, conflict and sentences', async () => {
  const store = new Store(':memory:');
  const sink = storeSink(store);
  await sink.ingest(seed());
  const received: unknown[] = [];
  let calls = 0;
  const hook = createHttpServer((req: IncomingMessage, res) => {
    calls++;
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      if (calls === 1) return res.writeHead(500).end();
      received.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/alerts`;
  const rounds: string[] = [];
  const alerts: StoryAlert[] = [];
  const deliveries: { ok: boolean; attempts: number; detail: string }[] = [];
  await followLoop(new Follower(sink, { fetch: FAST }), [`${site.base}/desk.xml`], {
    everyMs: null,
    webhook: hookUrl,
    webhookOptions: { backoffMs: 10 },
    onRound: (r) => rounds.push(formatRound(r)),
    onAlert: (a) => alerts.push(a),
    onDelivery: (_a, d) => deliveries.push(d),
    onError: (e) => rounds.push(`round failed: ${e.message}`),
  });
  hook.close();
  assert.equal(alerts.length, 1, rounds.join(''));
  const a = alerts[0];
  assert.equal(a.reason, 'new-conflict');
  assert.equal(a.contradictsEstablished, true);
  assert.deepEqual(a.conflict.sides.map((s) => s.value).sort(), ['12 people', '30 people']);
  assert.ok(a.sentences.some((s) => s.isNew && s.text.includes('30 people')));
  assert.ok(a.sentences.some((s) => !s.isNew && s.text.includes('12 people')));
  assert.ok(rounds.join('').includes(alertLine(a)));
  assert.match(alertLine(a), /^ALERT story .*new conflict on [^:]+: 12 people .* vs 30 people .*contradicts/);
  assert.deepEqual(deliveries, [{ ok: true, attempts: 2, detail: 'HTTP 204' }]);
  assert.equal(calls, 2, 'the webhook was retried after a 500');
  const body = received[0] as { event: string; alert: StoryAlert };
  assert.equal(body.event, 'triangulate.alert');
  assert.equal(body.alert.storyId, a.storyId);
  assert.equal(body.alert.conflict.slot, a.conflict.slot);
  assert.equal(body.alert.sentences.length, a.sentences.length);
  await store.close();
});

test('serve --follow: the alert reaches GET /api/events, and the Sources page lists the source', async () => {
  const server = await createServer({ db: ':memory:' });
  await server.live.ingest(seed());
  const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
  const events = await fetch(`${address}/api/events`);
  const reader = events.body!.getReader();
  const bg = followInBackground(server.live, { file: '', every: '1h', log: () => {}, follower: { fetch: FAST } });
  assert.equal(typeof bg, 'string', 'an unreadable sources file is refused with a reason');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const file = join(mkdtempSync(join(tmpdir(), 'tri-serve-follow-')), 'sources.txt');
  writeFileSync(file, `${site.base}/desk.xml\n`);
  const following = followInBackground(server.live, { file, every: '1h', log: () => {}, follower: { fetch: FAST } });
  assert.notEqual(typeof following, 'string');
  let text = '';
  const deadline = Date.now() + 20_000;
  while (!text.includes('event: alert') && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += Buffer.from(value).toString('utf8');
  }
  assert.match(text, /event: alert\ndata: .*"conflict"/);
  await reader.cancel();
  if (typeof following !== 'string') await following.stop();
  const page = await fetch(`${address}/sources`);
  const html = await page.text();
  assert.equal(page.status, 200);
  assert.ok(html.includes(`${site.base}/desk.xml`));
  const api = (await (await fetch(`${address}/api/sources`)).json()) as { sources: { url: string; status: string; totalNew: number }[] };
  assert.deepEqual(
    api.sources.map((s) => [s.url, s.status, s.totalNew]),
    [[`${site.base}/desk.xml`, 'ok', 1]],
  );
  await server.close();
});

test('a second article on either side changes the conflict (an alert of its own, with its sentence)', async () => {
  const { storyAlerts } = await import('../../src/alerts/detect.js');
  const store = new Store(':memory:');
  const sink = storeSink(store);
  await sink.ingest([...seed(), ...readBytes('lakeside.html', Buffer.from(CONTRADICTING), 'html')]);
  const groupOf = async (docId: string) => {
    const id = (await store.storyOf(docId))!;
    return { ...((await store.storyData(id)) as StoryGroup), id };
  };
  const second = report('Hillside Gazette', '30', 'Thirty is the toll: {toll} people died on Monday when fire swept through a textile warehouse in Northbridge, officials said.', 3);
  const [o] = await sink.ingest(readBytes('hillside.html', Buffer.from(second), 'html'));
  const changed = await storyAlerts(store, await groupOf(o.docId!), [o.docId!]);
  // the cross-check may word the new side's value differently ("30" for "Thirty is the toll: 30
  // people"), which then reads as a new conflict rather than a changed one: either way one alert
  assert.equal(changed.length, 1);
  assert.ok(changed[0].sentences.some((s) => s.isNew && s.text.includes('Thirty is the toll')));
  const agreeing = report('Riverside News', '12', 'A fire at a textile warehouse in Northbridge killed {toll} people on Monday, the regional fire service said.', 1);
  const [p] = await sink.ingest(readBytes('riverside.html', Buffer.from(agreeing), 'html'));
  const joined = await storyAlerts(store, await groupOf(p.docId!), [p.docId!]);
  assert.equal(joined.length, 1);
  assert.equal(joined[0].reason, 'changed-conflict');
  assert.deepEqual(
    joined[0].sentences.filter((s) => s.isNew).map((s) => s.value),
    ['12 people'],
  );
  // the other side now rests on two independent outlets
  assert.equal(joined[0].contradictsEstablished, true);
  await store.close();
});
