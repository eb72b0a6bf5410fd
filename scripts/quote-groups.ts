/**
 * node --import tsx scripts/quote-groups.ts [--split dev|polnear] [--only PREFIX] [--all] — reads the cross-check's
 * quote groups (multi-article statements of `report.quoteLedger`) against the fixtures' annotated
 * groups, for judging by hand: each spurious group (no annotated or acceptable group matches it) with
 * its speaker and every member's full sentence, and each missed annotated group with where its wordings
 * went (not in the ledger, split over statements, under another speaker, in one article only). `--all`
 * prints the matched groups too; `--json` prints one JSON line per group instead. Refuses the held-out split: its groups are not read.
 */
import { crossCheckStory, type StoryCrossCheck } from '../src/compare/index.js';
import type { AnnotatedArticle } from '../src/model/types.js';
import { loadFixtures, loadStory, quoteGroupMatch } from './eval-crosscheck.js';

const arg = (name: string) => (process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? '') : '');
const split = arg('--split') || 'dev';
if (split !== 'dev' && split !== 'polnear') throw new Error('quote-groups reads the dev and polnear splits only');
const only = arg('--only');
const all = process.argv.includes('--all');
// --json: one line per spurious group (fixture, statement id, speaker, wordings with their articles' keys), for tooling
const json = process.argv.includes('--json');

function sentence(articles: AnnotatedArticle[], id: string, start: number, end: number): string {
  const a = articles.find((x) => x.article.docId === id);
  return (a?.article.text ?? '').slice(start, end).replace(/\s+/g, ' ');
}

function report(name: string, x: StoryCrossCheck, articles: AnnotatedArticle[], keyOf: Map<string, string>, m: ReturnType<typeof quoteGroupMatch>): void {
  m.pred.forEach((q, i) => {
    const tag = m.matched.has(i) ? (m.acceptable.has(i) ? 'acceptable' : 'matched') : 'SPURIOUS';
    if (tag !== 'SPURIOUS' && !all) return;
    if (json) {
      const wordings = q.s.wordings.map((w) => ({ text: w.text, articles: w.articles.map((a) => keyOf.get(a)) }));
      console.log(JSON.stringify({ fixture: name, id: q.s.id, tag, speaker: q.l.speaker, name: q.l.name, wordings }));
      return;
    }
    console.log(`\n[${name}] ${tag} ${q.s.id} speaker=${q.l.speaker} name="${q.l.name}" relation=${q.s.relation} articles=${q.s.articles.map((a) => keyOf.get(a)).join(',')}`);
    for (const w of q.s.wordings) {
      console.log(`  wording (${w.kind}) "${w.text}"`);
      for (const e of w.evidence) console.log(`    ${keyOf.get(e.articleId)}: ${sentence(articles, e.articleId, e.sentence.start, e.sentence.end)}`);
    }
  });
  for (const exp of json ? [] : m.missed) {
    const where = Object.entries(exp.wordings).map(([k, snip]) => {
      const hits = x.quoteLedger.flatMap((l) =>
        l.statements.filter((s) => s.wordings.some((w) => w.evidence.some((e) => keyOf.get(e.articleId) === k && (sentence(articles, e.articleId, e.sentence.start, e.sentence.end).toLowerCase().includes(snip.toLowerCase()) || w.text.toLowerCase().includes(snip.toLowerCase()))))).map((s) => `${s.id}/${l.name}/${s.articles.length}art`),
      );
      return `${k}: ${hits.join(' ') || '-'}`;
    });
    console.log(`\n[${name}] MISSED "${exp.what}" (speaker ${exp.speaker ?? '?'})\n  ${where.join('\n  ')}`);
  }
}

for (const f of loadFixtures().filter((g) => g.split === split && g.name.startsWith(only))) {
  const { articles, idOf, keyOf } = loadStory(f);
  const x = crossCheckStory({ storyId: f.storyId, articles, copies: f.copies.map((g) => g.map((k) => idOf.get(k) ?? k)) });
  report(f.name, x, articles, keyOf, quoteGroupMatch(f, x, articles, idOf));
}
