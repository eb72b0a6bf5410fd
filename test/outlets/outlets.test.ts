import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { newsAgencies, OUTLETS, outletFromName, outletFromUrl, registrableDomain, resolveOutlet } from '../../src/outlets/index.js';

describe('outlet registry', () => {
  test('names, abbreviations and domains of one outlet resolve to one id', () => {
    const ids = ['FOX', 'Fox News', 'fox news', 'foxnews.com'].map((n) => outletFromName(n)?.id);
    assert.equal(new Set(ids).size, 1);
    assert.equal(outletFromUrl('https://www.foxnews.com/politics/x')?.id, ids[0]);
    assert.equal(outletFromName('The Guardian')?.id, outletFromName('Guardian')?.id);
    assert.equal(outletFromName('AP')?.name, 'Associated Press');
  });

  test('the registrable domain comes from the public-suffix list', () => {
    assert.equal(registrableDomain('https://edition.cnn.com/2025/x'), 'cnn.com');
    assert.equal(registrableDomain('http://news.bbc.co.uk/a'), 'bbc.co.uk');
    assert.equal(registrableDomain('https://someone.blogspot.com/post'), 'someone.blogspot.com');
    assert.equal(outletFromUrl('http://news.bbc.co.uk/a')?.name, 'BBC News');
  });

  test('an unlisted outlet keeps its name, or is named by its domain', () => {
    assert.deepEqual(outletFromName('  Kyiv  Independent '), { id: 'kyiv-independent', name: 'Kyiv Independent', known: false });
    assert.deepEqual(outletFromUrl('https://www.example-gazette.org/news/1'), { id: 'example-gazette.org', name: 'example-gazette.org', known: false });
    assert.equal(resolveOutlet(null, 'https://www.example-gazette.org/news/1')?.name, 'example-gazette.org');
  });

  test('a listed URL wins over a site name; nothing known gives null', () => {
    assert.equal(resolveOutlet('Fox', 'https://www.reuters.com/world/x')?.name, 'Reuters');
    assert.equal(resolveOutlet(null, null), null);
    assert.equal(resolveOutlet('   ', 'not a url'), null);
  });

  test('a URL with no domain (IP, localhost, file, garbage) gives no outlet', () => {
    for (const u of ['http://127.0.0.1/x', 'http://localhost:8080/', 'file:///tmp/a.html', '::::', '', 'http://']) assert.equal(outletFromUrl(u), null, u);
  });

  test('the registry is consistent: every domain is registrable or a listed host, no name listed twice', () => {
    const names = new Set<string>();
    for (const [name, , domains] of OUTLETS) {
      assert.ok(!names.has(name), name);
      names.add(name);
      assert.ok(domains.length > 0, name);
      for (const d of domains) assert.ok(registrableDomain(d) !== null && d.endsWith(registrableDomain(d)!), d);
    }
  });
});

describe('news agencies (data/outlets/agencies.tsv)', () => {
  test('every agency has a kind and credit forms, and no credit names two agencies', () => {
    const agencies = newsAgencies();
    assert.ok(agencies.length >= 20);
    const forms = agencies.flatMap((a) => a.forms);
    assert.equal(new Set(forms).size, forms.length);
    for (const a of agencies) {
      assert.ok(a.forms.length > 0 && (a.kind === 'wire' || a.kind === 'agency'), a.name);
    }
  });
});

describe('analyze --outlet / --published for plain text', () => {
  const text = 'Harbour reopens after storm\n\nThe city harbour reopened on Thursday after a storm closed it for three days, the port authority said. Ferries resumed their routes in the afternoon.\n';
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const code = await main(['analyze', '--db', ':memory:', '--format', 'json', ...args, '-'], { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: () => new TextEncoder().encode(text) });
    return { code, out, err };
  };

  test('stdin text gets the outlet (unified through the registry) and the publication date', async () => {
    const r = await run(['--outlet', 'FOX', '--published', '2025-05-08']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    const a = report.stories[0].articles[0];
    assert.equal(a.outlet, 'Fox News');
    assert.match(JSON.stringify(a), /2025-05-08/);
  });

  test('a bad date or a blank outlet is a usage error', async () => {
    assert.equal((await run(['--published', 'yesterday'])).code, 1);
    assert.equal((await run(['--outlet', ' '])).code, 1);
  });
});
