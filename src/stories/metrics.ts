/**
 * Clustering scores against gold labels: B-cubed precision/recall/F1 (Bagga & Baldwin, 1998) and
 * pairwise precision/recall/F1. Items missing from the prediction count as singletons.
 */
export interface ClusterScores {
  bcubed: { precision: number; recall: number; f1: number };
  pairwise: { precision: number; recall: number; f1: number };
  items: number;
  predictedClusters: number;
  goldClusters: number;
}

function f1(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

export function scoreClusters(gold: Map<string, string>, predicted: string[][]): ClusterScores {
  const pred = new Map<string, number>();
  predicted.forEach((c, i) => {
    for (const m of c) if (gold.has(m)) pred.set(m, i);
  });
  let next = predicted.length;
  for (const m of gold.keys()) if (!pred.has(m)) pred.set(m, next++);
  // contingency counts
  const cell = new Map<string, number>();
  const goldSize = new Map<string, number>();
  const predSize = new Map<number, number>();
  for (const [m, g] of gold) {
    const p = pred.get(m)!;
    const key = `${p}\u0000${g}`;
    cell.set(key, (cell.get(key) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
  }
  const n = gold.size;
  let bp = 0;
  let br = 0;
  let tp = 0;
  for (const [key, c] of cell) {
    const [p, g] = key.split('\u0000');
    bp += (c * c) / predSize.get(Number(p))!;
    br += (c * c) / goldSize.get(g)!;
    tp += (c * (c - 1)) / 2;
  }
  let predPairs = 0;
  for (const s of predSize.values()) predPairs += (s * (s - 1)) / 2;
  let goldPairs = 0;
  for (const s of goldSize.values()) goldPairs += (s * (s - 1)) / 2;
  const P = n ? bp / n : 0;
  const R = n ? br / n : 0;
  const pp = predPairs ? tp / predPairs : 1;
  const pr = goldPairs ? tp / goldPairs : 1;
  return {
    bcubed: { precision: P, recall: R, f1: f1(P, R) },
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) },
    items: n,
    predictedClusters: new Set(pred.values()).size,
    goldClusters: goldSize.size,
  };
}
