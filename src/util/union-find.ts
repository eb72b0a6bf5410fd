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
