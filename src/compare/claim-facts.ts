/**
 * The facts of a cluster of aligned sentences, aligned claim by claim (claims.ts): two members'
 * claims join when they carry what the pair shares and state one act (support.ts oneAct), not when
 * they share only a side remark, a name and its description, or one word of a description; a fact
 * keeps the members that state its core member's act; groups that would merge on their own are one
 * fact told in other words. Aligned by sentence, a sentence that states two things is one fact;
 * aligned by claim, it supports each of the two.
 */
import type { Sent } from './prepare.js';
import { claimsOf, type Claim, scratch } from './claims.js';
import { mergeOverlapping, oneAct, oneStatement, onlyWho, sideRemark, thinDescription, toldAsGiven } from './support.js';
import { givenOnlyMembers } from './told-as-given.js';
import { otherValueMembers } from './other-values.js';
import { indexUnion } from '../util/union-find.js';

/** A fact of a cluster: its members, and the one it is shown by (-1: the one closest to the others). */
export interface ClaimFact {
  members: number[];
  shown: number;
}

/** Clusters of more members are one fact as average link made them (a main fact most outlets restate). */
const MAX_MEMBERS = 60;

/**
 * The facts of a cluster of aligned sentences (`members`, their articles `artOf`), aligned claim
 * by claim: each pair of members of two articles that aligns (`aligned`), and each member with
 * its closest member of another article, join the claims that carry what they share (those
 * holding at least three quarters of the best pair's shared weight; every claim when no pair of
 * claims shares a word: they met on a figure or a date), when those claims state one act
 * (`oneAct`). The claims joined so are the facts; a member is in every fact one of its claims is
 * in, and in none when no claim of it joined another article's ("He listed blankets as the most
 * needed items" / "Volunteers have handed out the blankets"). Groups whose members
 * would merge on their own (mean similarity at `mergeLevel`) are one fact told in other words.
 * Null when the cluster is one fact with all its members.
 */
export function claimFacts(
  members: Sent[],
  artOf: number[],
  sim: (i: number, j: number) => number,
  aligned: (v: number) => boolean,
  mergeLevel: number,
  weight: (k: string) => number,
): ClaimFact[] | null {
  const m = members.length;
  // (larger clusters are left whole, as splitAtBridge leaves them: the pairs are quadratic in the members)
  if (m > MAX_MEMBERS) return null;
  const claims = members.map((s) => claimsOf(s));
  // each claim a node of a union-find over integers: member i's claim x is first[i] + x
  const first = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) first[i + 1] = first[i] + claims[i].length;
  const { find, union } = indexUnion(first[m]);
  // the similarities of members of two articles, read once (the scorer has them cached; sim is symmetric)
  const sims = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) if (artOf[i] !== artOf[j]) sims[i * m + j] = sims[j * m + i] = sim(i, j);
  const simOf = (i: number, j: number) => sims[i * m + j];
  const joined = new Uint8Array(m);
  // (copies parsed alike are one Sent here, facts.ts claimTwins: a pair of them joins the claims another pair of the same two
  // sentences joined, so each ordered pair of distinct sentences is read once; a story of near-copies repeats each pair up to 100 times)
  const sentNo = new Map<Sent, number>();
  const kind = members.map((s) => sentNo.get(s) ?? (sentNo.set(s, sentNo.size), sentNo.size - 1));
  const read = new Map<number, number[]>();
  const link = (i: number, j: number) => {
    const key = kind[i] * m + kind[j];
    let pairs = read.get(key);
    if (!pairs) read.set(key, (pairs = claimJoins(i, j)));
    for (let p = 0; p < pairs.length; p += 2) {
      union(first[i] + pairs[p], first[j] + pairs[p + 1]);
      joined[i] = joined[j] = 1;
    }
  };
  // the claims of members i and j that join, as pairs of claim numbers (x, y) in a flat list
  const claimJoins = (i: number, j: number): number[] => {
    const out: number[] = [];
    const ci = claims[i];
    const cj = claims[j];
    const score = scratch.doubles(ci.length * cj.length);
    let best = -Infinity;
    let aside = 0;
    // (what one tells as given and the other as news is one statement only when what both tell as news meets too: support.ts toldAsGiven)
    // (read once, and only for a pair one of which tells as given: most sentences tell nothing so)
    let newsMeets: boolean | undefined;
    const meets = () => (newsMeets ??= ci.some((a) => !a.given && cj.some((b) => !b.given && !onlyWho(a, b) && !thinDescription(a, b) && sharedWeight(a.keys, b.keys, weight) > 0 && oneAct(a, b))));
    for (let x = 0; x < ci.length; x++)
      for (let y = 0; y < cj.length; y++) {
        const v = sharedWeight(ci[x].keys, cj[y].keys, weight);
        // (what a relative clause or a clause of circumstances shares with the other is a side remark,
        // unless the other states the same act: support.ts sideRemark; and a name with the words that
        // describe it is who both speak of, not what they state: onlyWho; a description that shares one
        // word with an act does not state it: thinDescription)
        if (sideRemark(ci[x], cj[y]) || onlyWho(ci[x], cj[y]) || thinDescription(ci[x], cj[y]) || (toldAsGiven(ci[x], cj[y]) && !meets())) {
          score[x * cj.length + y] = -1;
          if (v > aside) aside = v;
          continue;
        }
        score[x * cj.length + y] = v;
        if (v > best) best = v;
      }
    // (they share words only in side remarks: neither states what the other does)
    if (best <= 0 && aside > 0) return out;
    // the claims that state one act, and of those the ones that carry most of what the pair shares
    // (a pair of claims under 0.3 of the best can neither be the top, which must reach half the
    // best, nor reach three quarters of it: its act is not read)
    let top = -Infinity;
    for (let x = 0; x < ci.length; x++)
      for (let y = 0; y < cj.length; y++) {
        const k = x * cj.length + y;
        if (best > 0 && score[k] >= 0 && (score[k] < 0.3 * best || !oneAct(ci[x], cj[y]))) score[k] = -1;
        if (score[k] > top) top = score[k];
      }
    if (top < 0 || (best > 0 && top < 0.5 * best)) return out;
    // no claim shares a word: they share a figure or a date (their slots), or only who said it
    if (best <= 0 && !members[i].slots.some((f) => members[j].slots.includes(f))) return out;
    for (let x = 0; x < ci.length; x++)
      for (let y = 0; y < cj.length; y++) {
        const v = score[x * cj.length + y];
        if (v < 0 || (top > 0 && v < 0.75 * top)) continue;
        out.push(x, y);
      }
    return out;
  };
  for (let i = 0; i < m; i++) {
    let closest = -1;
    let closestSim = -1;
    let linked = false;
    for (let j = 0; j < m; j++) {
      if (artOf[i] === artOf[j]) continue;
      const v = simOf(i, j);
      if (v > closestSim) {
        closest = j;
        closestSim = v;
      }
      if (aligned(v)) {
        linked = true;
        if (j > i) link(i, j);
      }
    }
    if (!linked && closest >= 0) link(i, closest);
  }
  const byRoot = groupsByRoot(claims, first, joined, find);
  // (a root whose core states two things some members state only one of is one fact per thing: statementParts)
  let roots: { g: number[]; claims: Claim[]; split: number }[] = [];
  // (the parts of one group carry its number, `split`: told apart on purpose, they are not merged again; and the
  // member each part is best shown by, while no merge changes its members)
  let splits = 0;
  const shownOf = new Map<string, number>();
  for (const g of byRoot.values()) {
    const core = g.members.size > 2 ? keepCore(g, artOf, simOf) : -1;
    const parts = core >= 0 ? statementParts(g, core, artOf, simOf) : [{ members: g.members, shown: -1 }];
    for (const { members: whole, shown } of parts) {
      // (a member that tells only as given what another article asserts is no support for it: told-as-given.ts; nor is
      // one that puts a figure of the fact at a value no other article gives: other-values.ts)
      const noSupport = givenOnlyMembers(whole, g.of, artOf);
      for (const i of otherValueMembers(whole, members, artOf)) noSupport.add(i);
      const p = noSupport.size ? new Set([...whole].filter((i) => !noSupport.has(i))) : whole;
      if (new Set([...p].map((i) => artOf[i])).size < 2) continue;
      const ms = [...p].sort((a, b) => a - b);
      if (shown >= 0 && p.has(shown)) shownOf.set(ms.join(','), shown);
      roots.push({ g: ms, claims: ms.flatMap((i) => g.of.get(i) ?? []), split: parts.length > 1 ? splits : -1 });
    }
    splits++;
  }
  // a group inside another (two sentences that both state two things, aligned claim by claim) adds no fact of its own
  roots = roots.filter(({ g }, a) => !roots.some(({ g: h }, b) => b !== a && g.every((i) => h.includes(i)) && (h.length > g.length || b < a)));
  let groups = mergeOverlapping(
    roots.map((r) => r.g),
    (a, b) => (roots[a].split < 0 || roots[a].split !== roots[b].split) && oneStatement(roots[a].claims, roots[b].claims),
  );
  groups = mergeRestatements(groups, artOf, simOf, mergeLevel);
  if (groups.length === 1 && groups[0].length === m) return null;
  return groups.sort((a, b) => a[0] - b[0] || a.length - b.length).map((g) => ({ members: g, shown: shownOf.get(g.join(',')) ?? -1 }));
}

/** Members by fact: each root of a joined claim, the members with a claim under it (and those claims). */
function groupsByRoot(claims: Claim[][], first: Int32Array, joined: Uint8Array, find: (x: number) => number): Map<number, Group> {
  const byRoot = new Map<number, Group>();
  for (let i = 0; i < claims.length; i++) {
    if (!joined[i]) continue;
    for (let x = 0; x < claims[i].length; x++) {
      const r = find(first[i] + x);
      let g = byRoot.get(r);
      if (!g) byRoot.set(r, (g = { members: new Set(), claims: [], of: new Map() }));
      g.members.add(i);
      g.claims.push(claims[i][x]);
      const own = g.of.get(i);
      if (own) own.push(claims[i][x]);
      else g.of.set(i, [claims[i][x]]);
    }
  }
  return byRoot;
}

/**
 * A fact's members are those whose claim states the claim of its core member (the one closest to
 * the others, by summed similarity): claims joined in a chain, A with B and B with C, may hold a C
 * that states another act than A ("placed Thomas on IR a day after Ivory" / "placed Ivory on IR").
 */
function keepCore(g: Group, artOf: number[], sim: (i: number, j: number) => number): number {
  const ms = [...g.members].sort((a, b) => a - b);
  const core = closest(ms, new Set(ms), artOf, sim);
  const coreClaims = g.of.get(core)!;
  for (const i of ms) {
    if (artOf[i] === artOf[core]) continue;
    if (g.of.get(i)!.some((c) => coreClaims.some((d) => oneAct(c, d)))) continue;
    g.members.delete(i);
    g.claims = g.claims.filter((c) => !g.of.get(i)!.includes(c));
  }
  return core;
}

/** A group of joined claims: its members, their claims under it, and each member's own. */
interface Group {
  members: Set<number>;
  claims: Claim[];
  of: Map<number, Claim[]>;
}

/**
 * The things a group's core member states (its claims told as news, each act with the claims that state one act with
 * it) and, when it states two or more and a member states only some of them, the members of each: one fact per thing.
 * "Roe injured her right ankle on March 3 and missed three matches after surgery" beside "Roe suffered an ankle injury
 * on March 3" and "She missed three matches after surgery": the injury (told by the first two) and the missed matches
 * (the first and the third) are two facts, each of members that state the whole of it. A member that states none of
 * the things on its own (kept by `keepCore` through a word of a description) is in every part, as it was in the group.
 */
function statementParts(g: Group, core: number, artOf: number[], sim: (i: number, j: number) => number): { members: Set<number>; shown: number }[] {
  const whole = [{ members: g.members, shown: -1 }];
  const news = g.of.get(core)!.filter((c) => c.acts.size && !c.relative && !c.circumstance && !c.given);
  if (news.length < 2) return whole;
  const things: Claim[][] = [];
  for (const c of news) {
    const t = things.find((xs) => xs.some((d) => oneAct(c, d)));
    if (t) t.push(c);
    else things.push([c]);
  }
  if (things.length < 2) return whole;
  const parts = things.map(() => new Set<number>([core]));
  // (the members that state only one thing, which show that part as every member of it states it)
  const only = things.map(() => [] as number[]);
  for (const i of g.members) {
    if (i === core) continue;
    const own = g.of.get(i)!;
    // (by its acts: a description, a claim with no act, meets any act in oneAct and tells none of the things apart)
    const states = things.map((t) => own.some((c) => c.acts.size > 0 && t.some((d) => statesWith(c, d))));
    const told = states.filter(Boolean).length;
    things.forEach((_, k) => {
      if (states[k] || !told) parts[k].add(i);
      if (states[k] && told === 1) only[k].push(i);
    });
  }
  if (parts.every((p) => p.size === g.members.size)) return whole;
  return parts.map((p, k) => ({ members: p, shown: closest(only[k], p, artOf, sim) }));
}

/** Of `candidates`, the one closest to the members of other articles in `members` (summed; ties to the first); -1 when none. */
function closest(candidates: number[], members: Set<number>, artOf: number[], sim: (i: number, j: number) => number): number {
  let pick = -1;
  let best = -1;
  for (const i of candidates) {
    let t = 0;
    for (const j of members) if (artOf[j] !== artOf[i]) t += sim(i, j);
    if (t > best + 1e-9) {
      best = t;
      pick = i;
    }
  }
  return pick;
}

/**
 * A member's claim states the core's claim: they share a word (not only a month or a weekday), more than a side
 * remark, who or one word of a description (as `link` joins two claims), and state one act.
 */
function statesWith(c: Claim, d: Claim): boolean {
  // (a month or a weekday both name is when, which two acts of one case share: "missed three matches after surgery in
  // March" does not state "suffered an ankle injury on March 3")
  let shared = false;
  for (const k of c.keys) if (d.keys.has(k) && !(c.values.has(k) && !/^\d/.test(k))) shared = true;
  return shared && !sideRemark(c, d) && !onlyWho(c, d) && !thinDescription(c, d) && oneAct(c, d);
}

/** The summed squared weight of the keys two claims share (their part of a cosine's dot product). */
function sharedWeight(a: ReadonlySet<string>, b: ReadonlySet<string>, weight: (k: string) => number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let t = 0;
  for (const k of small) if (large.has(k)) t += weight(k) ** 2;
  return t;
}

/** Groups whose members not shared align on average at the merge level are one group (one statement in other words). */
function mergeRestatements(groups: number[][], artOf: number[], sim: (i: number, j: number) => number, mergeLevel: number): number[][] {
  const out = groups.map((g) => [...g]);
  for (let merged = true; merged && out.length > 1; ) {
    merged = false;
    for (let a = 0; a < out.length && !merged; a++)
      for (let b = a + 1; b < out.length && !merged; b++) {
        let t = 0;
        let k = 0;
        for (const i of out[a])
          for (const j of out[b]) {
            if (artOf[i] === artOf[j] || out[b].includes(i) || out[a].includes(j)) continue;
            t += sim(i, j);
            k++;
          }
        if (k && t / k >= mergeLevel) {
          out[a] = [...new Set([...out[a], ...out[b]])].sort((x, y) => x - y);
          out.splice(b, 1);
          merged = true;
        }
      }
  }
  return out;
}
