/**
 * The main event claims as grouping evidence, measured before anything is built on them
 * (`npm run bench:stories -- --claims`; development data only: the ECB+ odd topics and UCI half A).
 * Each article's claim keys ("act>patient", "agent>act" of the main event claims of its headline and
 * lead, src/stories/main-claim.ts, as stored with its features) are compared pair by pair and against the articles the grouping
 * misplaced:
 * - pairs: for pairs of one ECB+ topic (two similar events each) and for all UCI half A pairs, how
 *   often two articles of one gold event share a key, by time (both dated by publication, both
 *   undated, one of each): evidence a feature could use only where sharing (or not sharing) a key
 *   moves the odds of one event beyond what the pair's time already says; and how often pairs whose
 *   claims state inverse acts (WordNet antonyms, claim-evidence.ts), with or without one named
 *   patient, are of one event;
 * - misplaced articles (as errors.ts: merged into another event's story, or split from the story
 *   holding most of their event): whether their keys are shared with their event's main part and
 *   with the story they went to. The claims could decide an article only when they side with its
 *   event and not with the story it is in.
 */
import { processDocument } from '../../src/pipeline.js';
import { inverseAct } from '../../src/stories/claim-evidence.js';
import { groupStories, type StoryFeatures } from '../../src/stories/index.js';
import { type MainClaim, mainClaimsOf } from '../../src/stories/main-claim.js';
import type { AnnotatedArticle } from '../../src/model/types.js';
import type { Split } from './quality.js';

export interface Claimed {
  id: string;
  gold: string;
  /** Same-topic group for pairs (ECB+ topic; '' for UCI: every pair). */
  topic: string;
  dated: boolean;
  claims: string[];
}

/** Claim keys of main event claims: "act>patient" and "agent>act" for each stated participant, first seen first. */
const claimKeys = (claims: readonly MainClaim[] | undefined): string[] => [
  ...new Set((claims ?? []).flatMap(([act, agent, patient]) => [...(patient ? [`${act}>${patient}`] : []), ...(agent ? [`${agent}>${act}`] : [])])),
];

/** The ECB+ development half's articles with their claim keys (processDocument, as analyse) and features. */
export function ecbDevClaims(rows: { id: string; url?: string; title: string; text: string; event: string }[]): { claimed: Claimed[]; features: StoryFeatures[] } {
  const claimed: Claimed[] = [];
  const features: StoryFeatures[] = [];
  for (const r of rows) {
    const p = processDocument({ id: r.id, source: r.id, format: 'json', content: r.text, contentType: 'text', encoding: 'utf-8', meta: { title: r.title, ...(r.url ? { url: r.url } : {}) } });
    features.push(p.features);
    claimed.push({ id: r.id, gold: r.event, topic: String(parseInt(r.id, 10)), dated: p.features.day !== null, claims: claimKeys(p.features.claims) });
  }
  return { claimed, features };
}

/** A headline-only split's articles (UCI) with the claim keys of their parsed headline. */
export function headlineClaims(split: Split): Claimed[] {
  // (a headline alone: no body parse and no recognised names, so a title-case headline's participants are read as common nouns, `~`)
  const headlineOnly = (title: string | null) => ({ article: { title, text: title ?? '' }, entityIndex: [], tokens: undefined }) as unknown as AnnotatedArticle;
  return split.features.map((f) => ({ id: f.id, gold: split.gold.get(f.id)!, topic: '', dated: f.day !== null, claims: claimKeys(mainClaimsOf(headlineOnly(f.title))) }));
}

/**
 * Pairs of one topic by (time, shared key): same-event and other-event pairs, and of those the ones
 * the grouping (`features`, batch) gets wrong: same-event pairs it keeps apart, other-event pairs it
 * puts together. A key can only help where it is shared by pairs kept apart, or missing from pairs put together.
 */
export function claimPairs(items: Claimed[], features: StoryFeatures[]): string[][] {
  const storyOf = new Map<string, number>();
  groupStories(features).forEach((g, i) => g.members.forEach((m) => storyOf.set(m, i)));
  const claimsOf = new Map(features.map((f) => [f.id, f.claims ?? []]));
  const counts = new Map<string, number[]>();
  const tally = (k: string, same: boolean, together: boolean) => {
    const c = counts.get(k) ?? [0, 0, 0, 0];
    c[same ? 0 : 1]++;
    if (same && !together) c[2]++;
    if (!same && together) c[3]++;
    counts.set(k, c);
  };
  const byTopic = new Map<string, Claimed[]>();
  for (const x of items) byTopic.set(x.topic, [...(byTopic.get(x.topic) ?? []), x]);
  for (const group of byTopic.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i], group[j]];
        const same = a.gold === b.gold;
        const together = storyOf.get(a.id) === storyOf.get(b.id);
        const when = a.dated && b.dated ? 'both dated' : !a.dated && !b.dated ? 'both undated' : 'dated + undated';
        tally(`${when}: any`, same, together);
        if (!a.claims.length || !b.claims.length) continue;
        const shared = a.claims.some((k) => b.claims.includes(k));
        tally(`${when}: ${shared ? 'a key shared' : 'keys, none shared'}`, same, together);
        // inverse acts (claim-evidence.ts, WordNet antonyms through the act classes), and those done to one named patient
        const inverse = inversePairs(claimsOf.get(a.id), claimsOf.get(b.id));
        if (inverse.any) tally(`${when}: inverse acts`, same, together);
        if (inverse.onePatient) tally(`${when}: inverse acts, one named patient`, same, together);
      }
    }
  }
  const rows = [['pairs', 'same event', 'other event', 'P(same)', 'same event, apart', 'other event, together']];
  for (const k of [...counts.keys()].sort()) {
    const [s, d, apart, together] = counts.get(k)!;
    rows.push([k, String(s), String(d), (s / Math.max(1, s + d)).toFixed(3), String(apart), String(together)]);
  }
  return rows;
}

/** Whether two articles' claims state inverse acts, and inverse acts done to one named patient (in either role of the other's act). */
function inversePairs(a: MainClaim[] = [], b: MainClaim[] = []): { any: boolean; onePatient: boolean } {
  let any = false;
  let onePatient = false;
  for (const x of a) {
    for (const y of b) {
      if (!inverseAct(x[0], y[0])) continue;
      any = true;
      const named = (p: string) => p !== '' && !p.startsWith('~');
      if ((named(x[2]) && (x[2] === y[2] || x[2] === y[1])) || (named(y[2]) && y[2] === x[1])) onePatient = true;
    }
  }
  return { any, onePatient };
}

/** Misplaced articles (errors.ts's kinds, merged and split together) by what their keys share. */
export function claimDecidable(items: Claimed[], features: StoryFeatures[]): string[][] {
  const predicted = groupStories(features).map((g) => g.members);
  const byId = new Map(items.map((x) => [x.id, x]));
  const storyOf = new Map<string, number>();
  predicted.forEach((m, i) => m.forEach((id) => storyOf.set(id, i)));
  const keysOf = (ids: string[]) => new Set(ids.flatMap((id) => byId.get(id)?.claims ?? []));
  const rows = new Map<string, number>();
  const add = (k: string) => rows.set(k, (rows.get(k) ?? 0) + 1);
  const events = new Map<string, string[]>();
  for (const x of items) events.set(x.gold, [...(events.get(x.gold) ?? []), x.id]);
  for (const [gold, ids] of events) {
    // the event's main part: the story holding most of its articles (ties: the lower story index)
    const parts = new Map<number, string[]>();
    for (const id of ids) parts.set(storyOf.get(id)!, [...(parts.get(storyOf.get(id)!) ?? []), id]);
    const main = [...parts.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0][0];
    for (const id of ids) {
      const s = storyOf.get(id)!;
      const others = predicted[s].filter((m) => byId.get(m)!.gold !== gold);
      const merged = others.length * 2 > predicted[s].length;
      if (s === main && !merged) continue;
      const x = byId.get(id)!;
      const kind = merged ? 'merged' : 'split';
      if (!x.claims.length) {
        add(`${kind}: no claim key`);
        continue;
      }
      const r = x.claims.some((k) => keysOf(parts.get(main)!.filter((m) => m !== id)).has(k));
      const w = merged && x.claims.some((k) => keysOf(others).has(k));
      if (!merged) add(r ? 'split: a key shared with its event\'s main part (could decide)' : 'split: no key shared with its event\'s main part');
      else add(r && !w ? 'merged: a key shared with its event only (could decide)' : r ? 'merged: keys shared with both events' : w ? 'merged: a key shared with the other event only' : 'merged: keys shared with neither');
    }
  }
  return [['misplaced articles', 'count'], ...[...rows.entries()].sort().map(([k, n]) => [k, String(n)])];
}
