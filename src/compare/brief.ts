/**
 * The brief: 5 to 8 sentences from several sources, each citing the sentences it rests on.
 * Corroborated facts first (most independent sources, earliest in the articles, no repeats), then
 * the main conflicts named with every side, then the most widely carried quote; single-source
 * facts only to fill, marked as such.
 */
import type { Alignment } from './facts.js';
import { evidence, type Sent, type StoryView, sentText } from './prepare.js';
import { clean, cmp, overlap } from './text.js';
import { shorten } from './timeline.js';
import type { BriefSentence, Conflict, Evidence, Fact, SpeakerLedger } from './types.js';

const MAX = 8;

export function buildBrief(story: StoryView, al: Alignment, facts: Fact[], conflicts: Conflict[], ledger: SpeakerLedger[], factSents: Map<string, Sent[]>): BriefSentence[] {
  const out: BriefSentence[] = [];
  const chosenKeys: Set<string>[] = [];
  const relPos = (f: Fact) => {
    const ss = factSents.get(f.id) ?? [];
    if (!ss.length) return 1;
    return ss.reduce((t, s) => t + s.index / Math.max(1, s.art.sentences.length), 0) / ss.length;
  };
  const multi = facts
    .filter((f) => f.independentSources >= 2)
    .map((f) => ({ f, pos: relPos(f) }))
    .sort((a, b) => b.f.independentSources - a.f.independentSources || a.pos - b.pos || cmp(a.f.id, b.f.id));
  const nConflicts = Math.min(2, conflicts.length);
  const factBudget = Math.max(3, MAX - nConflicts - 1);
  for (const { f } of multi) {
    if (out.length >= factBudget) break;
    const sents = factSents.get(f.id) ?? [];
    const rep = pickReadable(sents, al);
    if (!rep || rep.keys.size < 5) continue;
    if (chosenKeys.some((k) => overlap(k, rep.keys) >= 0.5)) continue;
    // cite only the articles whose sentence states every figure and day the line states
    const backing = sents.filter((x) => x === rep || carries(x, rep));
    if (story.independent(backing.map((x) => x.art.id)) < 2) continue;
    chosenKeys.push(rep.keys);
    out.push({ text: shorten(clean(sentText(rep)), 320), kind: 'fact', citations: backing.map((x) => evidence(x)) });
  }
  for (const c of conflicts.slice(0, nConflicts)) {
    // each side in its outlets' own words ("about 100,000 people"), not the normalised value ("100000")
    const sides = c.sides.map((s) => `${s.wordings[0] ? `“${s.wordings[0]}”` : s.value} (${s.outlets.join(', ')})`);
    const verb = c.severity === 'conflict' ? 'Sources disagree on' : 'Sources differ slightly on';
    out.push({
      text: `${verb} the ${c.slot}: ${sides.join(' vs ')}.`,
      kind: 'conflict',
      citations: c.sides.flatMap((s) => s.evidence.map(copyEv)),
    });
  }
  const quotes = ledger
    .filter((l) => l.speaker !== 'unattributed')
    .flatMap((l) => l.statements.filter((s) => !s.singleOutlet).map((s) => ({ l, s })))
    .sort((a, b) => b.s.independentSources - a.s.independentSources || cmp(a.s.id, b.s.id));
  const usedSentences = new Set(out.flatMap((b) => b.citations.map((e) => `${e.articleId}@${e.sentence.start}`)));
  const fresh = quotes.filter(({ s }) => !s.wordings.some((w) => w.evidence.some((e) => usedSentences.has(`${e.articleId}@${e.sentence.start}`))));
  if (fresh.length && out.length < MAX) {
    const { l, s } = fresh[0];
    const main = s.wordings[0];
    const variants = s.wordings.length > 1 ? `; also worded “${shorten(s.wordings[1].text, 120)}” (${s.wordings[1].outlets.join(', ')})` : '';
    out.push({
      text: `${l.name} was quoted as saying “${shorten(main.text, 160)}” (${main.outlets.join(', ')})${variants}.`,
      kind: 'quote',
      citations: s.wordings.flatMap((w) => w.evidence.map(copyEv)),
    });
  }
  if (out.length < 5) {
    // the story's vocabulary: words at least half of the articles use
    const arts = new Map<string, Set<string>>();
    for (const a of story.articles)
      for (const sn of a.sentences)
        for (const k of sn.keys) {
          if (!arts.has(k)) arts.set(k, new Set());
          arts.get(k)!.add(a.id);
        }
    const half = Math.max(2, Math.ceil(story.articles.length / 2));
    const topical = (sn: Sent) => [...sn.keys].filter((k) => (arts.get(k)?.size ?? 0) >= half).length;
    const singles = facts
      .filter((f) => f.status === 'single-source' && (factSents.get(f.id)?.[0]?.quantities.length || factSents.get(f.id)?.[0]?.times.length))
      .map((f) => ({ f, pos: relPos(f), topic: topical(factSents.get(f.id)![0]) }))
      .filter((x) => x.topic >= 2)
      .sort((a, b) => b.topic - a.topic || a.pos - b.pos || cmp(a.f.id, b.f.id));
    for (const { f } of singles) {
      if (out.length >= 5) break;
      const rep = pickReadable(factSents.get(f.id) ?? [], al);
      if (!rep || chosenKeys.some((k) => overlap(k, rep.keys) >= 0.5)) continue;
      chosenKeys.push(rep.keys);
      out.push({ text: `Only ${rep.art.outlet} reports: ${shorten(clean(sentText(rep)), 300)}`, kind: 'note', citations: f.evidence.map(copyEv) });
    }
  }
  return out.slice(0, MAX);
}

/** The most central wording (most similar to the other articles' wordings) that reads on its own. */
function pickReadable(sents: Sent[], al: Alignment): Sent | null {
  const ok = sents.filter((s) => s.span.end - s.span.start <= 320 && s.keys.size >= 4);
  const pool = ok.length ? ok : sents;
  if (!pool.length) return null;
  const score = (s: Sent) => sents.reduce((t, o) => (o.art.id !== s.art.id ? t + al.sim(s, o) : t), 0);
  return [...pool].sort((a, b) => score(b) - score(a) || a.span.end - a.span.start - (b.span.end - b.span.start) || cmp(a.id, b.id))[0];
}

function copyEv(e: Evidence): Evidence {
  return { articleId: e.articleId, span: { ...e.span }, sentence: { ...e.sentence } };
}

/**
 * Whether sentence `x` states every figure and day that `rep` states (by value: "ten" is 10): an
 * article is cited for a line only when it says all of it, never for a value it does not give.
 */
function carries(x: Sent, rep: Sent): boolean {
  const figures = rep.quantities.every((q) => x.quantities.some((o) => o.unit === q.unit && o.value === q.value));
  const day = (t: Sent['times'][number]) => t.resolved ?? t.text.toLowerCase();
  const days = rep.times.filter((t) => t.kind === 'weekday' || t.kind === 'date' || t.kind === 'datetime').every((t) => x.times.some((o) => day(o) === day(t)));
  return figures && days;
}
