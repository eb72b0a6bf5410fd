/**
 * The quote ledger on real text: an ECB+ event reported by several outlets (read from
 * ../shared/data/stories, never copied), and sentences cut from PolNeAR train articles.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyseArticle } from '../../src/analyse/index.js';
import { crossCheckStory } from '../../src/compare/index.js';
import type { AnnotatedArticle } from '../../src/model/types.js';
import { bareArticle } from '../helpers.js';

const ECB = new URL('../../../shared/data/stories/ecbplus-dev.jsonl', import.meta.url);

function analysed(id: string, text: string, outlet: string): AnnotatedArticle {
  return analyseArticle(bareArticle(id, text, { outlet }));
}

/** The ECB+ articles of one gold event, analysed, the outlet from the URL's host. */
function ecbEvent(event: string): AnnotatedArticle[] {
  const rows = readFileSync(ECB, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; url?: string; text: string; event: string })
    .filter((r) => r.event === event);
  return rows.map((r) => analysed(r.id, r.text, r.url ? new URL(r.url).hostname : r.id));
}

describe('quote ledger on an ECB+ event (2-ecbplus: a host announced for the Oscars, many outlets)', { skip: !existsSync(ECB) && 'no ../shared data' }, () => {
  const arts = existsSync(ECB) ? ecbEvent('2-ecbplus') : [];
  const x = arts.length ? crossCheckStory({ storyId: 'ecb-2', articles: arts, copies: [] }) : null;

  it('groups the same statement carried by several outlets under its speaker, each wording with its outlets', () => {
    const host = x!.quoteLedger.find((l) => /degeneres/i.test(l.name));
    assert.ok(host, 'the host is a speaker');
    const st = host.statements.find((s) => s.wordings.some((w) => /so excited to be hosting the Oscars/i.test(w.text)));
    assert.ok(st, 'the statement');
    assert.equal(st.singleOutlet, false);
    const outlets = new Set(st.wordings.flatMap((w) => w.outlets));
    assert.ok(outlets.size >= 3, `outlets: ${[...outlets].join(', ')}`);
    for (const w of st.wordings) assert.ok(w.outlets.length >= 1 && w.articles.length >= w.outlets.length);
  });

  it('keeps the producers’ words apart from the host’s, and marks single-outlet statements', () => {
    const host = x!.quoteLedger.find((l) => /degeneres/i.test(l.name))!;
    assert.ok(!host.statements.some((s) => s.wordings.some((w) => /We are thrilled to have Ellen DeGeneres/i.test(w.text))), 'producers’ statement not under the host');
    assert.ok(x!.quoteLedger.some((l) => l !== host && l.statements.some((s) => s.wordings.some((w) => /We are thrilled to have Ellen DeGeneres/i.test(w.text)))));
    for (const l of x!.quoteLedger)
      for (const s of l.statements) assert.equal(s.singleOutlet, new Set(s.wordings.flatMap((w) => w.outlets)).size <= 1, `${s.id} single-outlet mark`);
  });

  it('lists speech only: every ledger entry comes from a quote whose cue is speech or that is a quotation', () => {
    const byArticle = new Map(arts.map((a) => [a.article.docId, a]));
    for (const l of x!.quoteLedger)
      for (const s of l.statements)
        for (const w of s.wordings)
          for (const e of w.evidence) {
            const q = byArticle.get(e.articleId)!.quotes.find((k) => k.span.start === e.span.start && k.span.end === e.span.end);
            if (!q) continue; // a quote the fallback detector gave (none here: analyse found quotes in every article)
            assert.ok(q.cueClass === 'speech' || (q.cueClass === undefined && q.kind !== 'indirect'), `${s.id} ${q.cue?.verb} ${q.cueClass}`);
          }
  });
});

describe('quote ledger on PolNeAR sentences', () => {
  // cut from PolNeAR train articles (huff-post 2015-12-22 …, and a poll report)
  const A =
    'Comedian George Lopez stopped by HuffPost Live this year, and spoke briefly about the abrupt 2009 cancellation of his TBS late night show “Lopez Tonight.” ' +
    'Lopez’s show was cancelled after a two-year run. The star noted Latinos and Blacks have a more difficult time staying on the air, compared to their white counterparts.';
  const B = 'The new poll shows Trump far out in front of his opponents. A spokesman, Peter Cook, told the Times that Carter believes his use of personal email for work-related business was a mistake.';
  const arts = [analysed('p1', A, 'Outlet One'), analysed('p2', B, 'Outlet Two')];
  const x = crossCheckStory({ storyId: 'p', articles: arts, copies: [] });
  const texts = x.quoteLedger.flatMap((l) => l.statements.flatMap((s) => s.wordings.map((w) => ({ speaker: l.name, text: w.text }))));

  it('leaves out evidence verbs ("a poll shows") and titles in quotation marks', () => {
    assert.ok(!texts.some((t) => /far out in front/.test(t.text)), 'a poll is not a speaker of a quote');
    assert.ok(!texts.some((t) => /^Lopez Tonight/.test(t.text)), 'a show title is not a quote');
  });

  it('names the speaker by the name in apposition to a description, and keeps a description that names no one', () => {
    const told = texts.find((t) => /personal email/.test(t.text));
    assert.ok(told, 'the spokesman’s statement');
    assert.equal(told.speaker, 'Peter Cook');
    const noted = texts.find((t) => /difficult time staying on the air/.test(t.text));
    assert.ok(noted, 'the star’s statement');
    assert.equal(noted.speaker, 'The star');
  });

  it('does not re-attribute: the ledger shows the speaker analyse found', () => {
    for (const a of arts)
      for (const q of a.quotes) {
        const entry = x.quoteLedger.find((l) => l.statements.some((s) => s.wordings.some((w) => w.evidence.some((e) => e.articleId === a.article.docId && e.span.start === q.span.start))));
        if (entry && q.speakerName) assert.equal(entry.name.toLowerCase().replace(/^the /, ''), q.speakerName.toLowerCase().replace(/^the /, ''));
      }
  });
});
