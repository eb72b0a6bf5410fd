/**
 * Cross-check one story: facts aligned across articles (corroborated / single-source /
 * conflicting, with independent-source counts), conflicts, the quote ledger, framing, omissions,
 * a timeline and a brief with citations. Pure and deterministic: the same articles in any order
 * give the same output. Per-article problems become `messages`, never exceptions.
 */
import type { AnnotatedArticle } from '../model/types.js';
import { buildBrief } from './brief.js';
import { type Claim, claimsOf } from './claims.js';
import { oneAct } from './support.js';
import { parallelEvents } from './parallel-events.js';
import { askedNotTold } from './questions.js';
import { figuresDisagree } from './other-values.js';
import { findConflicts } from './conflicts.js';
import { sortEvolving, splitFactsBySteps } from './evolving.js';
import { type Alignment, type AlignmentCounts, actsOf, alignFacts, sameStatement, sharedKeys, sharedSpan } from './facts.js';
import { buildActorFraming, buildFraming, findOmissions } from './framing.js';
import { evidence, prepareStory, type Sent, type StoryView, sentText } from './prepare.js';
import { buildQuoteLedger } from './quotes.js';
import { clean, cmp, unionFind } from './text.js';
import { buildTimeline } from './timeline.js';
import type { Conflict, EvolvingFigure, Fact, StoryCrossCheck } from './types.js';
import { cpuClock } from '../util/cpu-clock.js';

export type * from './types.js';
export { renderCrossCheckHtml, renderCrossCheckMarkdown } from './render.js';

export interface CrossCheckInput {
  storyId: string;
  articles: AnnotatedArticle[];
  /** Groups of doc ids that are copies of one source (near-duplicates, syndication). */
  copies: string[][];
}

/** CPU milliseconds of each phase of one cross-check (what `bench:pipeline:crosscheck` reports). */
export interface CrossCheckTimings {
  prepare: number;
  align: number;
  conflicts: number;
  facts: number;
  quotes: number;
  framing: number;
  timeline: number;
  brief: number;
}

/**
 * `timings`, when given, receives each phase's CPU time, and `alignment` how much work the fact
 * alignment did (`alignFacts`); the output does not depend on them.
 */
export function crossCheckStory(input: CrossCheckInput, timings?: CrossCheckTimings, alignment?: AlignmentCounts): StoryCrossCheck {
  const clock = phaseClock(timings);
  const layerNotes: StoryCrossCheck['messages'] = [];
  const articles = (input.articles ?? []).map((a) => wellFormed(a, layerNotes));
  const story = prepareStory({ articles, copies: input.copies ?? [] });
  story.messages.push(...layerNotes);
  clock('prepare');
  const al = alignFacts(story, alignment);
  clock('align');
  const evolving: EvolvingFigure[] = [];
  const conflicts = findConflicts(story, al, evolving);
  const evolvingFigures = sortEvolving(evolving);
  clock('conflicts');
  const sentAt: SentAt = new Map(story.sentences.map((s) => [`${s.art.id}@${s.span.start}`, s]));
  const conflictSents = sentencesOfConflicts(conflicts, sentAt);
  // (a fact's sentences that give different steps of an evolving figure are as many facts)
  const drafts = splitFactsBySteps(factDrafts(story, al, conflicts, conflictSents, sentAt), evolvingFigures, (e) => sentAt.get(`${e.articleId}@${e.sentence.start}`));
  const facts = numberedFacts(story, drafts, conflictSents);
  linkConflicts(conflicts, facts, sentAt);
  linkEvolving(evolvingFigures, facts);
  clock('facts');

  const quoteLedger = buildQuoteLedger(story);
  clock('quotes');
  const framing = [...buildActorFraming(story), ...buildFraming(story)];
  const cleanFacts: Fact[] = facts.map(({ _d, ...f }) => f);
  const omissions = findOmissions(story, cleanFacts);
  clock('framing');
  const factIdOfCluster = new Map<number, string>();
  for (const f of facts) if (f._d.cluster !== null) factIdOfCluster.set(f._d.cluster, f.id);
  const timeline = buildTimeline(story, al, factIdOfCluster);
  clock('timeline');
  const factSents = new Map(facts.map((f) => [f.id, f._d.sents]));
  const brief = buildBrief(story, al, cleanFacts, conflicts, quoteLedger, factSents, evolvingFigures);
  clock('brief');

  return {
    storyId: input.storyId,
    sources: story.articles.map((a) => a.source),
    independentSources: story.independent(story.articles.map((a) => a.id)),
    facts: cleanFacts,
    conflicts,
    evolvingFigures,
    quoteLedger,
    framing,
    omissions,
    timeline,
    brief,
    messages: story.messages,
  };
}

/** Adds to `timings[phase]` the CPU time since the previous call (nothing without timings). */
function phaseClock(timings: CrossCheckTimings | undefined): (phase: keyof CrossCheckTimings) => void {
  return timings ? cpuClock(timings) : () => {};
}

/** Sentences by "article@start", to find the sentence a piece of evidence quotes. */
type SentAt = Map<string, Sent>;

/** A fact before it is numbered: its sentences, the keys they share, the sentence that states it best. */
interface Draft {
  sents: Sent[];
  shared: Set<string>;
  central: Sent;
  cluster: number | null;
}

/** Every sentence that is evidence of a conflict, with its conflicts. */
function sentencesOfConflicts(conflicts: Conflict[], sentAt: SentAt): Map<Sent, Conflict[]> {
  const conflictSents = new Map<Sent, Conflict[]>();
  for (const c of conflicts)
    for (const side of c.sides)
      for (const e of side.evidence) {
        const s = sentAt.get(`${e.articleId}@${e.sentence.start}`);
        if (!s) continue;
        if (!conflictSents.has(s)) conflictSents.set(s, []);
        conflictSents.get(s)!.push(c);
      }
  return conflictSents;
}

/**
 * Facts before numbering: aligned clusters, the sentences of one conflict joined as one
 * conflicting fact (they state the same fact with different values), and checkable
 * single-source sentences.
 */
function factDrafts(story: StoryView, al: Alignment, conflicts: Conflict[], conflictSents: Map<Sent, Conflict[]>, sentAt: SentAt): Draft[] {
  // The sentences of one conflict state the same fact with different values: one conflicting fact.
  // (keyed by the sentence itself: every sentence of the story is looked up)
  const unitOf = new Map<Sent, string>(); // sentence → unit id (cluster or conflict group)
  const { find, union: join, parent } = unionFind();
  al.clusters.forEach((c, i) => {
    parent.set(`c${String(i).padStart(6, '0')}`, `c${String(i).padStart(6, '0')}`);
    for (const m of c.members) unitOf.set(m, `c${String(i).padStart(6, '0')}`);
  });
  for (const ss of [...conflictSents.keys()].sort((a, b) => cmp(a.id, b.id))) {
    if (!unitOf.has(ss)) {
      unitOf.set(ss, `s${ss.id}`);
      parent.set(`s${ss.id}`, `s${ss.id}`);
    }
  }
  for (const c of conflicts) {
    const units = c.sides.flatMap((side) => side.evidence.map((e) => sentAt.get(`${e.articleId}@${e.sentence.start}`))).filter((x): x is Sent => !!x);
    for (let i = 1; i < units.length; i++) join(unitOf.get(units[0])!, unitOf.get(units[i])!);
  }
  const byUnit = new Map<string, Sent[]>();
  for (const s of story.sentences) {
    const u = unitOf.get(s);
    if (!u) continue;
    const r = find(u);
    if (!byUnit.has(r)) byUnit.set(r, []);
    byUnit.get(r)!.push(s);
  }
  const drafts: Draft[] = [];
  for (const [u, sents] of [...byUnit].sort((a, b) => cmp(a[0], b[0]))) {
    const clusterIds = [...new Set(sents.map((s) => al.clusterOf.get(s.id)).filter((c): c is number => c !== undefined))];
    if (clusterIds.length === 1 && al.clusters[clusterIds[0]].members.length === sents.length) {
      // the cluster's facts, aligned claim by claim: a sentence that states two things may support two
      // (and a member none of whose claims another article states is a sentence of its own)
      const c = al.clusters[clusterIds[0]];
      const stated = new Set<Sent>();
      for (const f of c.facts) {
        const same = onePerArticle(oneStatement(f.members, f.central).same, f.central, al);
        drafts.push({ sents: same, shared: f.shared, central: f.central, cluster: f.central === c.central || c.facts.length === 1 ? clusterIds[0] : null });
        for (const s of same) stated.add(s);
      }
      // (the members no fact states are grouped again among themselves: copies of one sentence are one fact)
      for (const g of restatedLeftovers(c.members.filter((s) => !stated.has(s)), al)) drafts.push({ sents: g, shared: sharedKeys(g), central: g[0], cluster: null });
      continue;
    }
    const keyArts = new Map<string, Set<string>>();
    for (const s of sents)
      for (const k of s.keys) {
        if (!keyArts.has(k)) keyArts.set(k, new Set());
        keyArts.get(k)!.add(s.art.id);
      }
    const shared = new Set([...keyArts].filter(([, v]) => v.size >= 2).map(([k]) => k));
    let central = sents[0];
    let best = -1;
    for (const s of sents) {
      let t = 0;
      for (const o of sents) if (o.art.id !== s.art.id) t += al.sim(s, o);
      if (t > best + 1e-9) {
        best = t;
        central = s;
      }
    }
    drafts.push({ sents, shared, central, cluster: clusterIds.length === 1 ? clusterIds[0] : null });
    void u;
  }
  for (const s of story.sentences) {
    if (unitOf.has(s)) continue;
    const checkable = s.keys.size >= 4 && s.span.end - s.span.start <= 600 && (s.quantities.length > 0 || s.times.length > 0 || s.entities.length > 0);
    if (checkable) drafts.push({ sents: [s], shared: new Set(), central: s, cluster: null });
  }
  return drafts;
}

/**
 * How close two members a cluster's facts leave over must be to be one fact: copies and near
 * copies. The claim split already refused to join them, so only wording that nearly repeats, with
 * the same claims (`sameClaims`), overrides it. Dev, new corroborated facts against the hand
 * judgments: 0.7 gives 2, both judged same; 0.5 gives 7, one judged different and one plainly
 * different; without the claims, 0.3 (ALIGN_THRESHOLD) gives 55 (10 judged different), 0.7 gives 3
 * (one partly: "married three times" / "divorced three times").
 */
const RESTATED_SIM = 0.7;

/**
 * The members of a cluster that none of its facts states (each fact keeps only the members that
 * state its central sentence's act), grouped again among themselves: around the member closest
 * (RESTATED_SIM) to the most others of other articles, those close to it that state the same
 * claims and its statement (`oneStatement`), one per article, repeated until none is left. A
 * sentence copied into ten articles inside a cluster whose centre states something else is one
 * fact of ten members, not ten one-article facts; a member close to no other stays a fact of its own.
 * Each group's first sentence is the one it was formed around. Whether the copies are independent
 * is the support count's business (`story.independent`: one copies group, wire or outlet counts once).
 */
function restatedLeftovers(members: Sent[], al: Alignment): Sent[][] {
  if (members.length < 2) return members.map((s) => [s]);
  // (in sentence order, whatever the cluster's: ties go to the earlier sentence)
  const left = [...members].sort((a, b) => cmp(a.id, b.id));
  const n = left.length;
  const near: number[][] = left.map(() => []);
  const simOf = new Map<number, number>();
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (left[i].art.id === left[j].art.id) continue;
      const v = al.sim(left[i], left[j]);
      if (v < RESTATED_SIM) continue;
      near[i].push(j);
      near[j].push(i);
      simOf.set(i * n + j, v);
      simOf.set(j * n + i, v);
    }
  // support: how many members not yet grouped each one aligns with
  const support = near.map((xs) => xs.length);
  const done = new Uint8Array(n);
  const ordOf = new Map(left.map((s, i) => [s, i]));
  const out: Sent[][] = [];
  for (;;) {
    let pick = -1;
    for (let i = 0; i < n; i++) if (!done[i] && (pick < 0 || support[i] > support[pick])) pick = i;
    if (pick < 0) return out;
    // one member per article that states the same claims, the closest to the one the group is formed around
    const byArt = new Map<string, number>();
    for (const j of near[pick]) {
      if (done[j] || !sameClaims(left[j], left[pick], al)) continue;
      const k = byArt.get(left[j].art.id);
      if (k === undefined || simOf.get(pick * n + j)! > simOf.get(pick * n + k)!) byArt.set(left[j].art.id, j);
    }
    const { same } = oneStatement([left[pick], ...[...byArt.values()].sort((a, b) => a - b).map((j) => left[j])], left[pick]);
    for (const s of same) {
      const i = ordOf.get(s)!;
      done[i] = 1;
      for (const j of near[i]) support[j]--;
    }
    out.push(same);
  }
}

/**
 * Whether two close sentences state the same claims: each main claim of one (not a relative clause,
 * not a circumstance: what is told on the way) states one act with a claim of the other, both ways
 * ("was married three times" / "was divorced three times" do not).
 */
function sameClaims(a: Sent, b: Sent, al: Alignment): boolean {
  // (copies read alike have one reading, `Alignment.twin`: a story of near-copies reads it once, not once per copy)
  const ca = claimsOf(al.twin?.(a) ?? a);
  const cb = claimsOf(al.twin?.(b) ?? b);
  // (nor when they put one figure at two values: other-values.ts)
  return claimsCovered(ca, cb) && claimsCovered(cb, ca) && !figuresDisagree(a, b);
}

/** Whether each main claim of `x` (not a relative clause, not a circumstance: what is told on the way) states one act with a claim of `y`. */
function claimsCovered(x: Claim[], y: Claim[]): boolean {
  for (const c of x) if (!c.relative && !c.circumstance && !y.some((d) => oneAct(c, d))) return false;
  return true;
}

/**
 * A fact is one statement: the sentences aligned on shared words must also state the central
 * sentence's act (`facts.ts` sameStatement). A member that states something else about the same
 * things leaves the fact, as a sentence of its own.
 */
function oneStatement(members: Sent[], central: Sent): { same: Sent[]; other: Sent[] } {
  const acts = actsOf(central);
  const same: Sent[] = [];
  const other: Sent[] = [];
  // (one kind of statement of two named things is two events, whatever acts they share: parallel-events.ts)
  // (a question asserts nothing: no support for a statement, questions.ts)
  for (const s of members) (s === central || ((!acts?.size || sameStatement(s, central, acts)) && !parallelEvents(s, central) && !askedNotTold(s, central)) ? same : other).push(s);
  return { same, other };
}

/** Facts of more members cite every sentence their cluster gave them (the members claimFacts aligns, MAX_MEMBERS). */
const ONE_PER_ARTICLE_MAX = 60;

/**
 * A fact cites, of an article's sentences, those that some sentence of another article meets best (the closest of
 * the article's sentences to it, ties to the earlier), and the central one. An article counts once for the sources
 * anyway, and a second sentence that one of its claims joined to the fact is most often a statement of its own beside
 * it, closest to none of the others ("the premier announced cuts in pensions" beside "unions concede the government had
 * to cut pensions"): the fact cites what states it, and that sentence is left to the members no fact states
 * (restatedLeftovers), a fact of its own. An article that tells the fact twice, each time as another outlet does
 * ("died at 12:45 p.m." / "died on Thursday at his home"), keeps both.
 */
function onePerArticle(sents: Sent[], central: Sent, al: Alignment): Sent[] {
  // (a fact of more members, most outlets' restatement of a main fact, is left whole, as claimFacts leaves such a
  // cluster: the similarities read grow with its members times their articles' sentences)
  if (sents.length > ONE_PER_ARTICLE_MAX) return sents;
  const byArt = new Map<string, Sent[]>();
  for (const s of sents) {
    const own = byArt.get(s.art.id);
    if (own) own.push(s);
    else byArt.set(s.art.id, [s]);
  }
  if (byArt.size === sents.length) return sents;
  const keep = new Set<Sent>([central]);
  for (const own of byArt.values()) {
    if (own.length === 1) {
      keep.add(own[0]);
      continue;
    }
    for (const o of sents) {
      if (o.art.id === own[0].art.id) continue;
      let pick = own[0];
      let best = -1;
      for (const s of own) {
        const v = al.sim(s, o);
        if (v > best + 1e-9) {
          best = v;
          pick = s;
        }
      }
      keep.add(pick);
    }
  }
  return sents.filter((s) => keep.has(s));
}

/** Drafts as facts with status, sources and evidence, in a stable order, numbered F1, F2, … */
function numberedFacts(story: StoryView, drafts: Draft[], conflictSents: Map<Sent, Conflict[]>): (Fact & { _d: Draft })[] {
  const facts: (Fact & { _d: Draft })[] = drafts.map((d) => {
    // (most facts are one sentence: no set to sort)
    const articles = d.sents.length === 1 ? [d.sents[0].art.id] : [...new Set(d.sents.map((s) => s.art.id))].sort(cmp);
    const independentSources = story.independent(articles);
    const conflicting = d.sents.some((s) => conflictSents.get(s)?.some((c) => c.severity === 'conflict'));
    const status: Fact['status'] = conflicting ? 'conflicting' : independentSources >= 2 ? 'corroborated' : 'single-source';
    const sharedTerms = sharedTermsOf(story, d);
    return {
      id: '',
      statement: clean(sentText(d.central)),
      status,
      articles,
      outlets: [...new Set(articles.map((id) => story.byId.get(id)!.outlet))],
      independentSources,
      actors: [...new Set(d.central.entities.map((e) => e.key))].sort(cmp),
      sharedTerms,
      when: d.central.times.map((t) => ({ text: clean(t.text), date: t.resolved, inferred: t.resolved ? t.resolvedInferred : false })),
      quantities: d.central.quantities.map((q) => ({ text: clean(q.text), value: q.value, unit: q.unit, qualifier: q.qualifier, counted: q.counted ?? null })),
      evidence: d.sents.map((s) => evidence(s, d.shared.size ? sharedSpan(s, d.shared) : undefined)),
      conflictIds: [],
      evolvingIds: [],
      _d: d,
    };
  });
  const statusRank = { conflicting: 0, corroborated: 1, 'single-source': 2 } as const;
  facts.sort(
    (a, b) =>
      b.independentSources - a.independentSources ||
      statusRank[a.status] - statusRank[b.status] ||
      cmp(a._d.sents[0].id, b._d.sents[0].id),
  );
  facts.forEach((f, i) => {
    f.id = `F${i + 1}`;
  });
  return facts;
}

/**
 * The fact's eight rarest shared keys (by IDF, ties by key), each as the first of its words in the
 * fact's sentences writes it. Only those eight are looked for in the sentences' words (a large
 * fact shares hundreds of keys and holds thousands of words), and each key's IDF is read once.
 */
function sharedTermsOf(story: StoryView, d: Draft): string[] {
  if (!d.shared.size) return [];
  const top = [...d.shared]
    .map((k) => ({ k, w: story.idf(k) }))
    .sort((a, b) => b.w - a.w || cmp(a.k, b.k))
    .slice(0, 8)
    .map((x) => x.k);
  const surface = new Map<string, string>();
  const wanted = new Set(top);
  for (const s of d.sents) {
    for (const t of s.tokens)
      if (wanted.has(t.key) && !surface.has(t.key)) surface.set(t.key, t.norm);
    if (surface.size === wanted.size) break;
  }
  return top.map((k) => surface.get(k) ?? k);
}

/** Conflicts in a stable order, numbered C1, C2, …, and linked both ways to the facts they touch. */
function linkConflicts(conflicts: Conflict[], facts: (Fact & { _d: Draft })[], sentAt: SentAt): void {
  const factOfSent = new Map<string, string>();
  for (const f of facts) for (const s of f._d.sents) factOfSent.set(s.id, f.id);
  conflicts.sort(
    (a, b) =>
      Number(a.severity !== 'conflict') - Number(b.severity !== 'conflict') ||
      b.sides.length - a.sides.length ||
      cmp(a.slot, b.slot) ||
      cmp(firstEv(a), firstEv(b)),
  );
  conflicts.forEach((c, i) => {
    c.id = `C${i + 1}`;
    const ids = new Set<string>();
    for (const side of c.sides)
      for (const e of side.evidence) {
        const s = sentAt.get(`${e.articleId}@${e.sentence.start}`);
        const fid = s ? factOfSent.get(s.id) : undefined;
        if (fid) ids.add(fid);
      }
    c.factIds = [...ids].sort(cmpId);
  });
  const factById = new Map(facts.map((f) => [f.id, f]));
  for (const c of conflicts) for (const fid of c.factIds) factById.get(fid)?.conflictIds.push(c.id);

}

/** A fact whose sentences give a step of an evolving figure names that figure (in the order of their ids). */
function linkEvolving(figures: readonly EvolvingFigure[], facts: readonly Fact[]): void {
  const figuresAt = new Map<string, string[]>();
  for (const e of figures)
    for (const step of e.steps)
      for (const ev of step.evidence) {
        const key = `${ev.articleId}@${ev.sentence.start}`;
        const ids = figuresAt.get(key) ?? [];
        if (!ids.includes(e.id)) figuresAt.set(key, [...ids, e.id]);
      }
  for (const f of facts) {
    const ids = new Set(f.evidence.flatMap((ev) => figuresAt.get(`${ev.articleId}@${ev.sentence.start}`) ?? []));
    f.evolvingIds = [...ids].sort(cmp);
  }
}

const LAYERS = ['sentences', 'entities', 'entityIndex', 'quotes', 'times', 'quantities'] as const;

/**
 * An article whose annotation layers are all arrays: a layer that is not (a store written by an
 * older or broken version) is treated as empty, with a message, rather than thrown on later.
 */
function wellFormed(a: AnnotatedArticle, notes: StoryCrossCheck['messages']): AnnotatedArticle {
  const bad = LAYERS.filter((k) => a[k] !== undefined && !Array.isArray(a[k]));
  if (!bad.length) return a;
  notes.push({ level: 'warning', articleId: a.article?.docId ?? null, message: `malformed ${bad.join(', ')} ignored` });
  const fixed = { ...a };
  for (const k of bad) (fixed as Record<string, unknown>)[k] = [];
  return fixed;
}

function firstEv(c: Conflict): string {
  const e = c.sides[0]?.evidence[0];
  return e ? `${e.articleId}:${String(e.span.start).padStart(8, '0')}` : '';
}

function cmpId(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1));
}
