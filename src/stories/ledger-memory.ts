import { type KeptPass, type LedgerBackend, type LedgerCommit, type LedgerDoc, type LedgerStory } from './ledger.js';
import type { GroupOptions, StoryFeatures, StoryGroup } from './types.js';
import { sortGroups } from './story-index.js';
import { type LedgerRun, updateLedger } from './ledger.js';

/**
 * A ledger kept in memory: what the library offers for incremental grouping without a store
 * (`new StoryLedger()` in index.ts). Linear scans: meant for collections that fit in memory; the
 * store's ledgers (src/store/sqlite/story-ledger.ts, src/store/postgres/story-ledger.ts) have indexes.
 */
export class MemoryLedger implements LedgerBackend {
  private df: { n: number; counts: Uint32Array } | null = null;
  private readonly entries = new Map<string, LedgerDoc>();
  private readonly full = new Map<string, StoryFeatures>();
  private readonly passStories = new Map<string, LedgerStory>();
  readonly outputs = new Map<string, StoryGroup>();
  private readonly outputOfDoc = new Map<string, string>();
  /** The last run's pass index (`KeptPass`): one process, one writer, so always the ledger's own. */
  private kept: KeptPass | null = null;

  async takeKeptPass(): Promise<KeptPass | null> {
    const k = this.kept;
    this.kept = null;
    return k;
  }

  keepPass(k: KeptPass | null): void {
    this.kept = k;
  }

  /** Keeps the full features of articles about to be added (the store keeps them in story_features). */
  remember(features: StoryFeatures[]): void {
    for (const f of features) this.full.set(f.id, f);
  }

  forget(ids: string[]): void {
    for (const id of ids) this.full.delete(id);
  }

  async frequencies() {
    return this.df;
  }

  async docs(ids: string[]): Promise<LedgerDoc[]> {
    return ids.map((id) => this.entries.get(id)).filter((x): x is LedgerDoc => !!x);
  }

  async docsFrom(d: number): Promise<LedgerDoc[]> {
    return [...this.entries.values()].filter((x) => (x.t === null && !x.sealed) || (x.t !== null && x.t >= d));
  }

  async unsealStoriesOf(ids: string[]): Promise<void> {
    const members = new Set(ids);
    for (const id of ids) for (const m of this.outputs.get(this.outputOfDoc.get(id) ?? '')?.members ?? []) members.add(m);
    for (const id of members) {
      const x = this.entries.get(id);
      if (x?.sealed) this.entries.set(id, { ...x, sealed: false });
    }
  }

  async openAt(d: number): Promise<LedgerDoc[]> {
    return [...this.entries.values()].filter((x) => {
      if (x.t === null || x.t >= d) return false;
      const s = this.passStories.get(x.story);
      return !!s && s.founderT !== null && s.founderT < d && (s.closedAt === null || s.closedAt >= d);
    });
  }

  async daysBefore(d: number): Promise<[number, number][]> {
    const counts = new Map<number, number>();
    for (const x of this.entries.values()) if (x.t !== null && x.t < d && x.day !== null) counts.set(x.day, (counts.get(x.day) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => a[0] - b[0]);
  }

  async closedWithTerms(terms: string[]): Promise<LedgerStory[]> {
    const want = new Set(terms);
    return [...this.passStories.values()].filter((s) => s.closedAt !== null && (s.terms ?? []).some((t) => want.has(t)));
  }

  async membersOf(storyIds: string[]): Promise<LedgerDoc[]> {
    const want = new Set(storyIds);
    return [...this.entries.values()].filter((x) => x.t !== null && want.has(x.story));
  }

  async keepClosingPeople(stories: { id: string; people: string[] }[]): Promise<void> {
    for (const { id, people } of stories) {
      const s = this.passStories.get(id);
      if (s && s.closedAt !== null && !s.people) this.passStories.set(id, { ...s, people });
    }
  }

  async features<T = unknown>(ids: string[], each?: (stored: unknown) => T): Promise<Map<string, T>> {
    const out = new Map<string, T>();
    for (const id of ids) {
      const f = this.full.get(id);
      if (f) out.set(id, each ? each(f) : (f as T));
    }
    return out;
  }

  async outputOf(ids: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const id of ids) {
      const s = this.outputOfDoc.get(id);
      if (s !== undefined) out.add(s);
    }
    return out;
  }

  async outputJson(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const id of ids) {
      const g = this.outputs.get(id);
      if (g) out.set(id, JSON.stringify(g));
    }
    return out;
  }

  async commit(c: LedgerCommit): Promise<void> {
    // (the index's own table: it goes on counting after the commit)
    this.df = { n: c.frequencies.n, counts: c.frequencies.counts.slice() };
    for (const id of c.deleteDocs) this.entries.delete(id);
    const sealed = new Set(c.sealDocs);
    // (the index's key ids are the run's: not kept with every article)
    for (const { ids: _ids, ...x } of c.putDocs) this.entries.set(x.id, sealed.has(x.id) ? { ...x, sealed: true } : x);
    for (const [id, s] of this.passStories) if (s.founderT === null || s.founderT >= c.dropStoriesFrom) this.passStories.delete(id);
    for (const s of c.putStories) this.passStories.set(s.id, s);
    for (const id of c.dropOutputs) {
      const g = this.outputs.get(id);
      if (g) for (const m of g.members) if (this.outputOfDoc.get(m) === id) this.outputOfDoc.delete(m);
      this.outputs.delete(id);
    }
    for (const g of c.putOutputs) {
      this.outputs.set(g.id, g);
      for (const m of g.members) this.outputOfDoc.set(m, g.id);
    }
  }
}

/**
 * Incremental grouping in memory, the same as a batch: `update(added, removed)` after any number
 * of runs in any order or batching gives the stories `groupStories` gives for the same articles.
 * Runs must not overlap (await each `update`).
 */
export class StoryLedger {
  private readonly backend = new MemoryLedger();
  constructor(readonly options: GroupOptions = {}) {}

  async update(added: StoryFeatures[], removed: string[] = []): Promise<LedgerRun> {
    this.backend.remember(added.filter((f) => f && typeof f.id === 'string'));
    const run = await updateLedger(this.backend, { added, removed }, this.options);
    this.backend.forget(removed.filter((id) => !added.some((f) => f?.id === id)));
    return run;
  }

  /** All stories, sorted by (start, first member). */
  stories(): StoryGroup[] {
    return sortGroups([...this.backend.outputs.values()]);
  }
}
