/**
 * Writes the figure pairs of the dev fixtures (src/compare/figure-pairs.ts) with their labels, one
 * JSON line each, for scripts/train-figure-pairs.ts: a pair whose two figures are read in the words
 * of two sides of one annotated conflict is positive; of a trap, negative and marked; of an
 * acceptable conflict, marked (left out of training). Also marks whether the cross-check already
 * reports that conflict and prints the candidate recall of the annotated conflicts.
 * Dev split only: the held-out fixtures are never read here.
 *
 *   node --import tsx scripts/figure-pairs-dump.ts [--out FILE] [--min-sim S]
 */
import { writeFileSync } from 'node:fs';
import { alignFacts } from '../src/compare/facts.js';
import { findConflicts } from '../src/compare/conflicts.js';
import { figureNoun, figurePairs, type PairFigure } from './figure-pairs.js';
import { nounRelation } from './wordnet-nouns.js';
import { prepareStory } from '../src/compare/prepare.js';
import { conflictHolds, type GoldSide, valueInWords } from './conflict-match.js';
import { loadFixtures, loadStory } from './eval-crosscheck.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const out = arg('--out', '/tmp/pairs24/figure-pairs.jsonl');
const minSim = Number(arg('--min-sim', '0.1'));

const lines: string[] = [];
let gold = 0;
let covered = 0;
let coveredMissed = 0;
let missed = 0;
for (const f of loadFixtures().filter((g) => g.split === 'dev')) {
  const { articles, idOf } = loadStory(f);
  const story = prepareStory({ articles, copies: f.copies.map((g) => g.map((k) => idOf.get(k) ?? k)) });
  const al = alignFacts(story);
  const conflicts = findConflicts(story, al);
  const texts = new Map(articles.map((a) => [a.article.docId, a.article.text]));
  const ctx = { idOf, textOf: (id: string) => texts.get(id) ?? '' };
  const holds = (p: PairFigure, side: GoldSide) =>
    p.sent.art.id === idOf.get(side.article) && valueInWords(p.sent.art.text, { articleId: p.sent.art.id, sentence: p.sent.span, span: p.q.span }, side.contains);
  const onTwoSides = (a: PairFigure, b: PairFigure, sides: readonly GoldSide[]) =>
    sides.some((s, i) => holds(a, s) && sides.some((t, j) => j !== i && holds(b, t)));
  const found = f.expected.conflicts.map((c) => conflicts.some((x) => x.severity === 'conflict' && conflictHolds(x, c, false, ctx)));
  const pairs = figurePairs(story, al, minSim);
  const hit = new Set<number>();
  const topic = f.name.replace(/^ecb-(\d+)-.*$/, '$1');
  for (const p of pairs) {
    const g = f.expected.conflicts.findIndex((c) => onTwoSides(p.a, p.b, c.sides) || onTwoSides(p.b, p.a, c.sides));
    const trap = (f.expected.traps ?? []).some((c) => onTwoSides(p.a, p.b, c.sides) || onTwoSides(p.b, p.a, c.sides));
    const acceptable = (f.expected.acceptableConflicts ?? []).some((c) => onTwoSides(p.a, p.b, c.sides) || onTwoSides(p.b, p.a, c.sides));
    if (g >= 0) hit.add(g);
    const rel = nounRelation(figureNoun(p.a), figureNoun(p.b));
    p.x.nounSynonym = rel.synonym ? 1 : 0;
    p.x.nounHypernym = rel.hypernym ? 1 : 0;
    p.x.nounLexSame = rel.lexSame ? 1 : 0;
    const reported = conflicts.some((c) => c.sides.some((s) => s.evidence.some((e) => e.articleId === p.a.sent.art.id && e.span.start === p.a.q.span.start)) && c.sides.some((s) => s.evidence.some((e) => e.articleId === p.b.sent.art.id && e.span.start === p.b.q.span.start)));
    const text = (x: PairFigure) => x.sent.art.text.slice(x.sent.span.start, x.sent.span.end);
    lines.push(JSON.stringify({ story: f.name, topic, gold: g, goldFound: g >= 0 ? found[g] : null, trap, acceptable, reported, unit: p.a.q.unit, va: p.a.q.value, vb: p.b.q.value, a: p.a.sent.id, b: p.b.sent.id, ta: text(p.a), tb: text(p.b), x: p.x }));
  }
  gold += f.expected.conflicts.length;
  covered += hit.size;
  missed += found.filter((x) => !x).length;
  coveredMissed += [...hit].filter((g) => !found[g]).length;
  console.error(`${f.name}\tpairs ${pairs.length}\tgold ${f.expected.conflicts.length}\tcovered ${hit.size}\tfound ${found.filter(Boolean).length}`);
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(JSON.stringify({ pairs: lines.length, gold, covered, missed, coveredMissed }));
