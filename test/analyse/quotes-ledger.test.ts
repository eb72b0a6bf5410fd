/**
 * The quote ledger on real text: an ECB+ event reported by several outlets (read from
 * ../shared/data/stories, never copied), and sentences cut from PolNeAR train articles.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyseArticle } from '../../src/analyse/index.js';
import { crossCheckStory } from '../../src/compare/index.js';
import { citedSentence } from '../../src/compare/quotes.js';
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

describe('quote ledger: one speaker spelt two ways, one sentence cited from a long quotation', () => {
  const ledgerOf = (texts: [string, string][]) =>
    crossCheckStory({ storyId: 's', articles: texts.map(([t, o], i) => analysed(`a${i}`, t, o)), copies: [] }).quoteLedger;
  const statementWith = (ledger: ReturnType<typeof ledgerOf>, words: RegExp) =>
    ledger.flatMap((l) => l.statements.map((s) => ({ l, s }))).filter(({ s }) => s.wordings.some((w) => words.test(w.text)));

  it('a name transliterated differently by two outlets is one speaker (one edit in a long word, the other word the same)', () => {
    const ledger = ledgerOf([
      ['Greek minister Dimitrios Kalamaras spoke on Monday. "The country stands at the edge of the abyss and must act now," Dimitrios Kalamaras said.', 'one.example'],
      ['"The country stands at the edge of the abyss and must act now," Dimitris Kalamaras told parliament on Monday.', 'two.example'],
    ]);
    const hits = statementWith(ledger, /edge of the abyss/);
    assert.equal(hits.length, 1, hits.map(({ l }) => l.name).join(' | '));
    assert.equal(hits[0].s.articles.length, 2);
  });

  it('two spellings in one article are two people', () => {
    const ledger = ledgerOf([
      ['"We will appeal the ruling before the end of the month," Andrew Kalamaras said. "We will appeal the ruling before the end of the month," Andrea Kalamaras said.', 'one.example'],
    ]);
    assert.ok(ledger.filter((l) => /kalamaras/i.test(l.name)).length === 2, ledger.map((l) => l.name).join(' | '));
  });

  it('an outlet citing one sentence of a long quotation another gives in full: one statement', () => {
    const ledger = ledgerOf([
      ['"It was actually zone coverage, and he made a clever play by dropping off of the receiver," Marta Quill said after the game.', 'one.example'],
      [
        'Marta Quill was blunt. "You never want to end a drive that way, stuck on the seven-yard line with the season slipping away. It was actually zone coverage and he made a clever play by dropping off the receiver. They studied the tape all week and it showed in every snap. Our linemen were tired, our legs were gone, and the crowd was louder than anything I remember hearing in this building," Quill said.',
        'two.example',
      ],
    ]);
    const hits = statementWith(ledger, /clever play/);
    assert.equal(hits.length, 1);
    assert.equal(hits[0].s.articles.length, 2);
  });

  it('a short phrase met inside a long quotation does not tie two quotations', () => {
    const ledger = ledgerOf([
      ['"This is a strange game," Marta Quill said after the game.', 'one.example'],
      ['Marta Quill was blunt. "It was a strange game, we kept moving the ball. Then we stalled near the goal line and never recovered," Quill said.', 'two.example'],
    ]);
    const hits = statementWith(ledger, /strange game/);
    assert.ok(hits.every(({ s }) => s.articles.length === 1), hits.map(({ s }) => s.articles.join(',')).join(' | '));
  });
});

describe('the sentence of a long quotation an excerpt cites (what the brief shows beside it)', () => {
  it('finds the sentence near word for word, and gives the whole quotation when none is', () => {
    const long = 'You never want to end a drive that way. It was actually zone coverage and he made a clever play by dropping off the receiver. They studied the tape.';
    assert.equal(citedSentence('It was actually zone coverage, and he made a clever play by dropping off of the receiver', long), 'It was actually zone coverage and he made a clever play by dropping off the receiver.');
    assert.equal(citedSentence('The weather was awful all afternoon and nobody could see a thing', long), long);
    assert.equal(citedSentence('a clever play', long), long);
  });
});
