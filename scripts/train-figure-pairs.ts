/**
 * Trains the figure-pair decision (src/compare/figure-pairs.ts): a logistic regression with an L2
 * penalty (Newton steps) over the pairs scripts/figure-pairs-dump.ts writes from the dev fixtures,
 * evaluated leave-one-topic-out (a topic's two ECB+ events held out together). Prints, per
 * threshold, the annotated conflicts the cross-check misses that the held-out topics' pairs find,
 * and the false value pairs they would add (not reported, not annotated as acceptable), so that
 * precision is that of the added conflicts; then the weights of a model fit on every topic.
 *
 *   node --import tsx scripts/train-figure-pairs.ts [--in FILE] [--min-sim S] [--lambda L] [--list T]
 */
import { readFileSync } from 'node:fs';

interface Row {
  story: string;
  topic: string;
  gold: number;
  goldFound: boolean | null;
  trap: boolean;
  acceptable: boolean;
  reported: boolean;
  unit: string;
  va: number;
  vb: number;
  ta: string;
  tb: string;
  x: Record<string, number>;
}
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const minSim = Number(arg('--min-sim', '0.1'));
const lambda = Number(arg('--lambda', '1'));
// --residual: train only on what the cross-check does not already report (the pairs a new decision would add)
const residual = process.argv.includes('--residual');
// --require a,b: only pairs with one of these flags set (a rule before the model)
const required = arg('--require', '').split(',').filter(Boolean);
const drop = new Set(arg('--drop', '').split(',').filter(Boolean));
const rows: Row[] = readFileSync(arg('--in', '/tmp/pairs24/all.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Row)
  .filter((r) => r.x.sim >= minSim || r.x.sameCluster === 1)
  .filter((r) => !residual || (!r.reported && r.goldFound !== true))
  .filter((r) => !required.length || required.some((n) => r.x[n] === 1));
const names = Object.keys(rows[0].x).filter((n) => !drop.has(n));
const vec = (r: Row) => names.map((n) => r.x[n]);
const label = (r: Row) => (r.gold >= 0 ? 1 : 0);


/** Solves A x = b (Gaussian elimination with partial pivoting). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
export function fit(train: Row[]): number[] {
  const X = train.map(vec);
  const y = train.map(label);
  const d = names.length;
  let w = new Array(d).fill(0);
  for (let it = 0; it < 25; it++) {
    const g = w.map((wi, k) => (names[k] === 'bias' ? 0 : lambda * wi));
    const H = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && names[i] !== 'bias' ? lambda : i === j ? 1e-6 : 0)));
    for (let n = 0; n < X.length; n++) {
      const p = sigmoid(X[n].reduce((s, v, k) => s + v * w[k], 0));
      const r = p * (1 - p);
      for (let i = 0; i < d; i++) {
        if (!X[n][i]) continue;
        g[i] += (p - y[n]) * X[n][i];
        for (let j = 0; j < d; j++) if (X[n][j]) H[i][j] += r * X[n][i] * X[n][j];
      }
    }
    const step = solve(H, g);
    w = w.map((wi, k) => wi - step[k]);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return w;
}
const score = (w: number[], r: Row) => sigmoid(vec(r).reduce((s, v, k) => s + v * w[k], 0));

// leave one topic out
const topics = [...new Set(rows.map((r) => r.topic))].sort();
const scored: { r: Row; p: number }[] = [];
for (const t of topics) {
  const w = fit(rows.filter((r) => r.topic !== t));
  for (const r of rows.filter((r) => r.topic === t)) scored.push({ r, p: score(w, r) });
}
const goldMissed = new Set(rows.filter((r) => r.gold >= 0 && r.goldFound === false).map((r) => `${r.story}#${r.gold}`));
console.log(`pairs ${rows.length}, positive ${rows.filter((r) => r.gold >= 0).length}, missed conflicts with a candidate ${goldMissed.size}, traps ${rows.filter((r) => r.trap).length}`);
for (const th of [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]) {
  const above = scored.filter((s) => s.p >= th && !s.r.reported);
  const added = new Set(above.filter((s) => s.r.gold >= 0 && s.r.goldFound === false).map((s) => `${s.r.story}#${s.r.gold}`));
  // a false conflict is one value pair of one story that no annotation holds
  const group = (r: Row) => `${r.story}|${r.unit}|${Math.min(r.va, r.vb)}|${Math.max(r.va, r.vb)}`;
  const trueGroups = new Set(above.filter((s) => s.r.gold >= 0 || s.r.acceptable).map((s) => group(s.r)));
  const falseGroups = new Set(above.filter((s) => s.r.gold < 0 && !s.r.acceptable && !trueGroups.has(group(s.r))).map((s) => group(s.r)));
  const traps = new Set(above.filter((s) => s.r.trap).map((s) => group(s.r)));
  const prec = trueGroups.size / Math.max(1, trueGroups.size + falseGroups.size);
  console.log(`th ${th}: added missed conflicts ${added.size}/${goldMissed.size}, value pairs true ${trueGroups.size} false ${falseGroups.size} (traps ${traps.size}), precision ${prec.toFixed(3)}`);
}
const listTh = Number(arg('--list', 'NaN'));
if (!Number.isNaN(listTh))
  for (const s of scored.filter((s) => s.p >= listTh && !s.r.reported).sort((a, b) => b.p - a.p))
    console.log(`${s.p.toFixed(3)}\t${s.r.gold >= 0 ? 'GOLD' : s.r.trap ? 'TRAP' : s.r.acceptable ? 'ACC' : '-'}\t${s.r.story}\t${s.r.unit} ${s.r.va} / ${s.r.vb}\n\t${s.r.ta.slice(0, 200)}\n\t${s.r.tb.slice(0, 200)}`);
if (process.argv.includes('--ranks'))
  for (const s of scored.filter((s) => s.r.gold >= 0 && s.r.goldFound === false).sort((a, b) => b.p - a.p)) {
    const above = scored.filter((o) => o.p > s.p && !o.r.reported && o.r.gold < 0 && !o.r.acceptable).length;
    const aboveInStory = scored.filter((o) => o.p > s.p && !o.r.reported && o.r.gold < 0 && !o.r.acceptable && o.r.story === s.r.story).length;
    console.log(`${s.p.toFixed(3)}\tfalse above ${above} (same story ${aboveInStory})\t${s.r.story}#${s.r.gold}\t${s.r.unit} ${s.r.va} / ${s.r.vb}\t${JSON.stringify(s.r.x)}`);
  }
if (process.argv.includes('--separation'))
  for (const n of names) {
    const mean = (rs: Row[]) => (rs.length ? rs.reduce((a, r) => a + r.x[n], 0) / rs.length : NaN).toFixed(3);
    const neg = rows.filter((r) => r.gold < 0 && !r.trap && !r.acceptable && !r.reported);
    console.log(`${n}\tmissed-gold ${mean(rows.filter((r) => r.gold >= 0 && r.goldFound === false))}\tfound-gold ${mean(rows.filter((r) => r.gold >= 0 && r.goldFound === true))}\ttrap ${mean(rows.filter((r) => r.trap))}\tother ${mean(neg)}`);
  }
const w = fit(rows);
console.log(names.map((n, k) => `${n} ${w[k].toFixed(2)}`).join(', '));
