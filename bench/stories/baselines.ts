/**
 * What a user would pick instead of Triangulate's grouping: TF-IDF vectors of the words (stop
 * words out) clustered by (a) centroid single-pass in input order and (b) average-link
 * agglomerative clustering cut at a threshold. Both are tuned by sweeping the threshold.
 */
import { TOPIC_STOPWORDS as STOP_WORDS } from '../../src/text/normalise.js';

export function baselineTokens(s: string): string[] {
  return (s.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP_WORDS.has(w) && w.length > 1);
}

/** Unit-length TF-IDF vectors of the texts (IDF over the texts themselves). */
export function tfidfVectors(texts: string[]): Map<string, number>[] {
  const toks = texts.map(baselineTokens);
  const df = new Map<string, number>();
  for (const t of toks) for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const N = texts.length;
  return toks.map((t) => {
    const tf = new Map<string, number>();
    for (const w of t) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v = new Map<string, number>();
    let n2 = 0;
    for (const [w, c] of tf) {
      const x = (1 + Math.log(c)) * Math.log(N / df.get(w)!);
      if (x <= 0) continue;
      v.set(w, x);
      n2 += x * x;
    }
    const n = Math.sqrt(n2) || 1;
    for (const [w, x] of v) v.set(w, x / n);
    return v;
  });
}

/** Centroid single-pass: each text joins the most similar cluster centroid (cosine ≥ threshold) or starts one. */
export function singlePass(ids: string[], vecs: Map<string, number>[], threshold: number): string[][] {
  const clusters: { members: string[]; c: Map<string, number>; norm2: number }[] = [];
  const postings = new Map<string, number[]>();
  vecs.forEach((v, i) => {
    const dots = new Map<number, number>();
    for (const [w, x] of v) for (const ci of postings.get(w) ?? []) dots.set(ci, (dots.get(ci) ?? 0) + x * clusters[ci].c.get(w)!);
    let best = -1;
    let bestS = threshold;
    for (const [ci, dot] of dots) {
      const s = dot / Math.sqrt(clusters[ci].norm2);
      if (s >= bestS) [bestS, best] = [s, ci];
    }
    if (best < 0) {
      best = clusters.length;
      clusters.push({ members: [], c: new Map(), norm2: 0 });
    }
    const cl = clusters[best];
    cl.members.push(ids[i]);
    for (const [w, x] of v) {
      const old = cl.c.get(w) ?? 0;
      if (old === 0) {
        let p = postings.get(w);
        if (!p) postings.set(w, (p = []));
        p.push(best);
      }
      cl.c.set(w, old + x);
      cl.norm2 += (old + x) ** 2 - old * old;
    }
  });
  return clusters.map((c) => c.members);
}

/**
 * Average-link dendrogram by the nearest-neighbour chain algorithm (O(n²) time and memory):
 * the merges with their similarity. Average link is reducible, so the clusters at a threshold are
 * the components of the merges at or above it (`cut`).
 */
export function averageLinkMerges(vecs: Map<string, number>[]): { a: number; b: number; sim: number }[] {
  const n = vecs.length;
  const S = new Float32Array(n * n);
  const postings = new Map<string, [number, number][]>();
  vecs.forEach((v, i) => {
    for (const [w, x] of v) {
      let p = postings.get(w);
      if (!p) postings.set(w, (p = []));
      p.push([i, x]);
    }
  });
  for (const p of postings.values()) for (let x = 0; x < p.length; x++) for (let y = x + 1; y < p.length; y++) {
    const d = p[x][1] * p[y][1];
    S[p[x][0] * n + p[y][0]] += d;
    S[p[y][0] * n + p[x][0]] += d;
  }
  const size = new Int32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const merges: { a: number; b: number; sim: number }[] = [];
  const chain: number[] = [];
  let left = n;
  while (left > 1) {
    if (chain.length === 0) chain.push(active.indexOf(1));
    for (;;) {
      const a = chain[chain.length - 1];
      const prev = chain.length >= 2 ? chain[chain.length - 2] : -1;
      let b = prev;
      let best = prev >= 0 ? S[a * n + prev] : -Infinity;
      for (let k = 0; k < n; k++) if (active[k] && k !== a && S[a * n + k] > best) [best, b] = [S[a * n + k], k];
      if (b === prev) {
        chain.pop();
        chain.pop();
        const [na, nb] = [size[a], size[b]];
        for (let k = 0; k < n; k++) {
          if (!active[k] || k === a || k === b) continue;
          const v = (na * S[a * n + k] + nb * S[b * n + k]) / (na + nb);
          S[a * n + k] = v;
          S[k * n + a] = v;
        }
        active[b] = 0;
        size[a] += nb;
        left--;
        merges.push({ a, b, sim: best });
        break;
      }
      chain.push(b);
    }
  }
  return merges;
}

export function cut(ids: string[], merges: { a: number; b: number; sim: number }[], threshold: number): string[][] {
  const parent = ids.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (const m of merges) if (m.sim >= threshold) parent[find(m.b)] = find(m.a);
  const groups = new Map<number, string[]>();
  ids.forEach((id, i) => {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(id);
  });
  return [...groups.values()];
}

export const THRESHOLDS = Array.from({ length: 38 }, (_, i) => Number((0.0 + i * 0.025).toFixed(3))).filter((t) => t > 0);
