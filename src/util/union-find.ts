import { cmpStr } from './cmp.js';

/**
 * Union-find over string keys (each key must be `add`ed first). The root of a set is its
 * smallest key, so the representative does not depend on the order of the unions.
 */
export function unionFind() {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    if (cmpStr(ra, rb) < 0) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  return { add, find, union, parent };
}

/**
 * Single-link groups of `n` items by index: items i < j join when `linked(i, j)`, every pair asked
 * once in order (i, then j ascending). Returns each item's group as its root's index, the root as
 * the joins leave it (callers write it into slot names, so the order of joins is part of the contract).
 */
export function linkedGroups(n: number, linked: (i: number, j: number) => boolean): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (linked(i, j)) parent[find(j)] = find(i);
  return parent.map((_, i) => find(i));
}

/**
 * Union-find over the indices 0..n-1. The root of a set is its smallest index, so the groups and
 * their representatives do not depend on the order of the unions.
 */
export function indexUnion(n: number): { find: (i: number) => number; union: (i: number, j: number) => void } {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    parent[i] = r;
    return r;
  };
  const union = (i: number, j: number) => {
    const ri = find(i);
    const rj = find(j);
    if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
  };
  return { find, union };
}
