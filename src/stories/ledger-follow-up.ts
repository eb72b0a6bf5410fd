/**
 * The dormant stories a ledger run needs (follow-up.ts): stories closed before the run's replay
 * point d, which the batch's pass would still hold dormant when a replayed article comes, read back
 * from the ledger. The batch keeps the stories it closes itself; a run has only the stories open at d
 * (`restore`) and those it closes, so it looks the others up the way undated articles find closed
 * stories (`closedWithTerms`): by each replayed article's most frequent keys (`followUpQuery`,
 * counts, not weights, so the look-up is the pass's whatever the frequencies of the moment), then
 * reads their dated members (`membersOf`). Only articles that could wake a story look anything up
 * (dated by publication, long texts, with a protagonist: `mayFollowUp`), and a story's members are
 * read only when what it kept at closing says one of them may wake it (`mayWake`: its signature and
 * its people, the test the batch makes first); of those, only stories whose latest member lies
 * within their dormant days (`dormantDays`) before one of them are kept. The index then decides as the batch does.
 * A story closed before its people were kept (people NULL: a store from before migration 9) has its
 * members read here; its people are then computed from them as its closing would have
 * (`closingPeople`) and written back (`keepClosingPeople`, in the run's transaction), so later runs
 * test `mayWake` on them instead of reading its members again. No decision changes: `followUpFit`
 * already rejects what those people reject, and a story that cannot wake keeps none.
 */
import type { LedgerBackend, LedgerDoc, LedgerStory } from './ledger.js';
import { closingPeople, dormantDays, type DormantStory, FOLLOW_UP_KEYS, followUpQuery, latestTime, mayFollowUp, mayWake, wakeable } from './follow-up.js';
import type { TermCounts } from './story-index.js';
import type { StoryFeatures } from './types.js';
import { cmpStr } from '../util/cmp.js';

export async function dormantBefore(backend: LedgerBackend, replay: { f: StoryFeatures; tc: TermCounts }[], d: number): Promise<DormantStory[]> {
  const waking = replay.filter((e) => mayFollowUp(e.f) && e.tc.keys.length >= FOLLOW_UP_KEYS);
  if (waking.length === 0) return [];
  const queries = waking.map((e) => new Set(followUpQuery(e.tc)));
  let earliest = Number.POSITIVE_INFINITY;
  for (const e of waking) earliest = Math.min(earliest, e.f.day!);
  const terms = new Set<string>();
  for (const q of queries) for (const t of q) terms.add(t);
  const closed: (LedgerStory & { kept: ReadonlySet<string> | null })[] = [];
  for (const s of await backend.closedWithTerms([...terms])) {
    if (s.closedAt === null || s.closedAt >= d || s.founderT === null || s.founderT >= d) continue;
    const kept = { terms: s.terms, people: s.people ? new Set(s.people) : null };
    if (waking.some((e, i) => mayWake(e.f, queries[i], kept))) closed.push({ ...s, kept: kept.people });
  }
  if (closed.length === 0) return [];
  const byStory = new Map<string, LedgerDoc[]>();
  // (a story with a member from d on is being replayed: what it kept is not filled from a partial read)
  const stale = new Set<string>();
  for (const x of await backend.membersOf(closed.map((s) => s.id))) {
    if (x.t !== null && x.t >= d) stale.add(x.story);
    if (x.t === null || x.t >= d) continue;
    let m = byStory.get(x.story);
    if (!m) byStory.set(x.story, (m = []));
    m.push(x);
  }
  const out: DormantStory[] = [];
  const filled: { id: string; people: string[] }[] = [];
  for (const s of closed.sort((a, b) => cmpStr(a.id, b.id))) {
    const docs = (byStory.get(s.id) ?? []).sort((a, b) => a.t! - b.t! || cmpStr(a.id, b.id));
    const members = docs.map((x) => ({ f: x.f, vec: x.vec, t: x.t, copyOf: x.copyOf }));
    if (s.kept === null && !stale.has(s.id)) filled.push({ id: s.id, people: closingPeople(members) });
    if (!wakeable(members) || latestTime(members) < earliest - dormantDays({ people: s.kept, members })) continue;
    out.push({ id: s.id, terms: s.terms ?? [], people: s.kept, tMax: latestTime(members), members });
  }
  if (filled.length > 0) await backend.keepClosingPeople(filled);
  return out;
}
