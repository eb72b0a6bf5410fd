/**
 * The brief: 5 to 8 sentences from several sources, each citing only the sentences that state
 * all of it. The event's main claim first (the fact most independent sources state in their
 * leads), then corroborated facts (most independent sources, earliest in the articles, no
 * repeats), then the main conflicts named with every side, then the first evolving figure (a total
 * told higher on later days: its values in order, each with its outlets), then the most widely carried quote;
 * single-source facts only to fill, marked as such, and only when no other article tells them.
 */
import { cueClassOf } from '../analyse/quotes/cues.js';
import { citedSentence, joinsOf, nameWords } from './quotes.js';
import { MONTH_PATTERN, MONTH_PATTERN_ANY_CASE, WEEKDAY_PATTERN, WEEKDAY_PATTERN_ANY_CASE } from '../text/calendar.js';
import { spelledNumber } from '../text/numbers.js';
import { tokenAt } from '../text/tokenize.js';
import { partitionPoint } from '../util/search.js';
import { figureHolders, otherHolder } from './figure-holders.js';
import { ALIGN_THRESHOLD, type Alignment, actsOf, sameStatement } from './facts.js';
import { evidence, type Sent, type StoryView, sentText } from './prepare.js';
import { parseOf, reportsClause, verbSubject } from './syntax.js';
import { clean, cmp, overlap } from './text.js';
import { shorten } from './timeline.js';
import { type BriefSentence, type Conflict, type Evidence, type EvolvingFigure, type Fact, factStanding, type SpeakerLedger } from './types.js';

const MAX = 8;
/** A sentence among an article's first LEAD sentences is in its lead (what the article is about). */
const LEAD = 2;
/**
 * The brief weighs the FACTS_WEIGHED facts of most independent sources, each by its CANDIDATES
 * most central wordings, centrality read against at most CENTRALITY_SAMPLE members (and at most as
 * many candidates read): a 1,000-article story has facts of hundreds of members, and the brief
 * needs a handful of lines.
 */
const FACTS_WEIGHED = 40;
const CANDIDATES = 12;
const CENTRALITY_SAMPLE = 60;

export function buildBrief(
  story: StoryView,
  al: Alignment,
  facts: Fact[],
  conflicts: Conflict[],
  ledger: SpeakerLedger[],
  factSents: Map<string, Sent[]>,
  evolving: EvolvingFigure[] = [],
): BriefSentence[] {
  const out: BriefSentence[] = [];
  const chosenKeys: Set<string>[] = [];
  const relPos = (f: Fact) => {
    const ss = factSents.get(f.id) ?? [];
    if (!ss.length) return 1;
    return ss.reduce((t, s) => t + s.index / Math.max(1, s.art.sentences.length), 0) / ss.length;
  };
  const nConflicts = Math.min(2, conflicts.length);
  const nEvolving = Math.min(1, evolving.length);
  const factBudget = Math.max(3, MAX - nConflicts - nEvolving - 1);
  for (const { rep, backing, fact } of factLines(story, al, facts, factSents, relPos)) {
    if (out.length >= factBudget) break;
    if (chosenKeys.some((k) => overlap(k, rep.keys) >= 0.5)) continue;
    chosenKeys.push(rep.keys);
    out.push({ text: shorten(clean(sentText(rep)), 320), kind: 'fact', standing: factStanding(fact), citations: backing.map((x) => evidence(x)) });
  }
  for (const c of conflicts.slice(0, nConflicts)) out.push(conflictLine(story, c));
  for (const e of evolving.slice(0, nEvolving)) out.push(evolvingLine(story, e));
  const quote = quoteLine(story, ledger, out);
  if (quote && out.length < MAX) out.push(quote);
  if (out.length < 5) singleSourceLines(story, al, facts, factSents, relPos, chosenKeys, out);
  return out.slice(0, MAX);
}

/**
 * A conflict line names every value it cites: each side in its outlets' own words ("about 100,000
 * people"), not the normalised value ("100000"), and, when a side's articles write its value in
 * several ways ("four and a half months", "136 days"), each of them with its outlets, so no cited
 * sentence states a value the line does not name.
 */
function conflictLine(story: StoryView, c: Conflict): BriefSentence {
  const sides = c.sides.map((s) =>
    writtenValues(story, s)
      .map((g) => `“${g.wording}” (${g.outlets.join(', ')})`)
      .join(', '),
  );
  const verb = c.severity === 'conflict' ? 'Sources disagree on' : 'Sources differ slightly on';
  return {
    // ("the date of …", but "where Jane Roe lives", "how long ago …")
    text: `${verb} ${/^(?:where|when|how|who|what|which)\b/i.test(c.slot) ? '' : 'the '}${c.slot}: ${sides.join(' vs ')}.`,
    kind: 'conflict',
    standing: 'disputed',
    citations: c.sides.flatMap((s) => s.evidence.map(copyEv)),
  };
}

/**
 * "The death toll rose: “three people” (A, 2031-03-04), then “Nine people” (B, 2031-03-05)": each
 * step in its articles' own words (the figure's span), with the outlets and the day, cited by every
 * step's sentences; established when the steps come from two independent sources or more.
 */
function evolvingLine(story: StoryView, e: EvolvingFigure): BriefSentence {
  const steps = e.steps.map((step) => {
    const words = new Map<string, string[]>();
    for (const ev of step.evidence) {
      const art = story.byId.get(ev.articleId);
      const w = art ? clean(art.text.slice(ev.span.start, ev.span.end)) : step.value;
      const outlets = words.get(w) ?? words.set(w, []).get(w)!;
      if (art && !outlets.includes(art.outlet)) outlets.push(art.outlet);
    }
    const told = [...words].map(([w, outlets]) => `“${w}” (${outlets.join(', ')}${outlets.length ? ', ' : ''}${step.published})`);
    return told.join(', ');
  });
  return {
    text: `The ${e.label} rose: ${steps.join(', then ')}.`,
    kind: 'evolving',
    standing: story.independent(e.steps.flatMap((s) => s.articles)) >= 2 ? 'established' : 'single-source',
    citations: e.steps.flatMap((s) => s.evidence.map(copyEv)),
  };
}

/**
 * A side's evidence grouped by the value as its articles write it (the numbers, in digits or words,
 * and the weekday and month names of the words the side cites: "10 people" and "ten persons" are
 * one, "four and a half months" and "136 days" two), in the side's order, each with the side's
 * wording that begins with those words ("seven-hour-long talks") and the outlets that write it.
 */
function writtenValues(story: StoryView, side: Conflict['sides'][number]): { wording: string; outlets: string[] }[] {
  const groups = new Map<string, { wording: string; outlets: string[] }>();
  for (const e of side.evidence) {
    const art = story.byId.get(e.articleId);
    const words = art ? clean(art.text.slice(e.span.start, e.span.end)) : '';
    const k = writtenValue(words);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { wording: sideWording(side.wordings, words) ?? (words || side.value), outlets: [] }));
    if (art && !g.outlets.includes(art.outlet)) g.outlets.push(art.outlet);
  }
  return groups.size ? [...groups.values()] : [{ wording: side.wordings[0] ?? side.value, outlets: side.outlets }];
}

/** The side's wording of a value's words: those words, or those words and the one word after them that says what a figure counts ("seven-hour-long talks"). */
function sideWording(wordings: string[], words: string): string | undefined {
  if (!words) return undefined;
  return wordings.find((w) => w === words) ?? wordings.find((w) => w.startsWith(`${words} `) && !/\s/.test(w.slice(words.length + 1)));
}

const MONTH_OR_WEEKDAY = new RegExp(`^(?:${MONTH_PATTERN_ANY_CASE}|${WEEKDAY_PATTERN_ANY_CASE})$`, 'i');
/** The numbers and the weekday and month names a value's words write, as a key (the words themselves when they write none: a place). */
function writtenValue(words: string): string {
  const parts: string[] = [];
  for (const m of words.matchAll(/\d[\d,.]*\d|\d|[A-Za-z]+(?:-[A-Za-z]+)*/g)) {
    const w = m[0];
    if (/\d/.test(w)) parts.push(w.replace(/,/g, ''));
    else if (MONTH_OR_WEEKDAY.test(w)) parts.push(w.slice(0, 3).toLowerCase());
    else {
      // ("twenty-five" is 25; "seven-hour-long" is 7)
      const n = spelledNumber(w) ?? w.split('-').map(spelledNumber).find((x) => x !== null) ?? null;
      if (n !== null) parts.push(String(n));
    }
  }
  return parts.length ? parts.join(' ') : words.toLowerCase();
}

/**
 * The fact lines in the order the brief takes them: the main claim (the fact with the most
 * independent sources stating it in their leads, not in a quotation) first, then by independent
 * sources and position. Each line is the wording most articles back (see `bestWording`), cited
 * only by those; wordings are weighed lazily, as the brief asks for lines.
 */
function* factLines(story: StoryView, al: Alignment, facts: Fact[], factSents: Map<string, Sent[]>, relPos: (f: Fact) => number): Generator<{ rep: Sent; backing: Sent[]; fact: Fact }> {
  const order = facts
    .filter((f) => f.independentSources >= 2)
    .map((f) => ({ f, pos: relPos(f) }))
    .sort((a, b) => b.f.independentSources - a.f.independentSources || a.pos - b.pos || cmp(a.f.id, b.f.id))
    .slice(0, FACTS_WEIGHED);
  // (a quotation is someone's words about the event, not the event: never the main claim)
  const leadOf = (f: Fact) => story.independent((factSents.get(f.id) ?? []).filter((s) => s.index < LEAD && !quoted(s)).map((s) => s.art.id));
  let main = -1;
  let mainLead = 1;
  order.forEach(({ f }, i) => {
    const lead = leadOf(f);
    if (lead > mainLead) {
      main = i;
      mainLead = lead;
    }
  });
  if (main > 0) order.unshift(...order.splice(main, 1));
  for (const { f } of order) {
    const best = bestWording(story, factSents.get(f.id) ?? [], al);
    if (best && story.independent(best.backing.map((s) => s.art.id)) >= 2) yield { ...best, fact: f };
  }
}

/**
 * The wording of a fact the brief states and the sentences that back it. Every readable member is
 * a candidate; its backers are the members that restate it (similarity at half the alignment
 * threshold: a fact joined by a conflict holds sentences of other statements), state its act and
 * carry every value it states (`carries`); the candidate with the most independent backers wins (then the most central, then
 * the shorter). So a line never cites an article for a figure, day, time or place it does not
 * give, and a fact told once with an extra detail is stated without it when others back less.
 */
function bestWording(story: StoryView, sents: Sent[], al: Alignment): { rep: Sent; backing: Sent[] } | null {
  const ok = sents.filter((s) => s.span.end - s.span.start <= 320 && s.keys.size >= 5);
  if (!ok.length) return null;
  // (evenly spaced members stand for the others in a large fact, as candidates and as the
  // members centrality is read against)
  const step = Math.max(1, Math.ceil(sents.length / CENTRALITY_SAMPLE));
  const sample = sents.filter((_, i) => i % step === 0);
  const pool = ok.length > CENTRALITY_SAMPLE ? ok.filter((_, i) => i % Math.ceil(ok.length / CENTRALITY_SAMPLE) === 0) : ok;
  const central = new Map(pool.map((s) => [s, sample.reduce((t, o) => (o.art.id !== s.art.id ? t + al.sim(s, o) : t), 0)]));
  const candidates = [...pool].sort((a, b) => central.get(b)! - central.get(a)! || cmp(a.id, b.id)).slice(0, CANDIDATES);
  const ranked = candidates.map((rep) => {
    const backing = backers(rep, sents).filter((x) => x === rep || al.sim(x, rep) >= ALIGN_THRESHOLD / 2);
    return { rep, backing, n: story.independent(backing.map((x) => x.art.id)), values: valueCount(rep), c: central.get(rep)! };
  });
  // most backers; then the plainer wording (fewer values: "December 15" over "December 15, 2013"
  // when both have the same backers); then the most central; then the shorter
  ranked.sort((a, b) => b.n - a.n || a.values - b.values || b.c - a.c || len(a.rep) - len(b.rep) || cmp(a.rep.id, b.rep.id));
  return { rep: ranked[0].rep, backing: ranked[0].backing };
}

/** The sentences among `sents` that state `rep`'s act and carry all its values (`rep` itself included). */
function backers(rep: Sent, sents: Sent[]): Sent[] {
  const acts = actsOf(rep);
  const subject = namedSubject(rep);
  const repQuoted = quoted(rep);
  const repQuotes = quotes(rep);
  return sents.filter(
    (x) => x === rep || (sameStatement(x, rep, acts) && carries(x, rep) && !otherSubject(subject, namedSubject(x)) && !(repQuoted ? !quotes(x) : !repQuotes && quoted(x))),
  );
}

/**
 * Whether a sentence quotes anyone (a direct or partial quotation, as analyse read it). A line that is
 * mostly someone's quoted words is backed only by sentences that quote too, and a sentence of quoted
 * words backs no line that quotes no one: "It's all about who is going to win these states," a
 * strategist said, is not an outlet asking "Which swing state is Clinton going to win with her message?"
 */
function quotes(s: Sent): boolean {
  // (or its quotation marks, where analyse read no quote: an opening mark a page lost, "'' … ''")
  return s.art.quotes.some((q) => q.sent === s && q.quote.kind !== 'indirect') || QUOTATION_MARK.test(s.art.text.slice(s.span.start, s.span.end));
}
const QUOTATION_MARK = /["“”«»]|''/;

/** Whether most of a sentence is a direct quotation (as analyse read it). */
function quoted(s: Sent): boolean {
  let inside = 0;
  for (const q of s.art.quotes) if (q.sent === s && q.quote.kind === 'direct') inside += Math.min(q.quote.span.end, s.span.end) - Math.max(q.quote.span.start, s.span.start);
  return inside > 0.5 * len(s);
}

/**
 * The name that is the subject of a sentence's main verb, by the parse ("Washington and Baltimore
 * have expressed interest" → washington); null when the subject is no name, the main verb is one
 * of saying (the subject is then the source, not the actor), or the article has no parse.
 */
function namedSubject(s: Sent): string | null {
  const tokens = parseOf(s.art);
  if (!tokens) return null;
  let root = -1;
  for (let i = tokenAt(tokens, s.span.start); i < tokens.length && tokens[i].start < s.span.end; i++) {
    const h = tokens[i].head;
    if (tokens[i].start >= s.span.start && (h < 0 || tokens[h].start < s.span.start || tokens[h].start >= s.span.end)) {
      root = i;
      break;
    }
  }
  if (root < 0 || tokens[root].upos !== 'VERB' || cueClassOf(tokens[root].lemma.toLowerCase()) !== null) return null;
  const at = verbSubject(s, tokens[root].start)[0];
  if (at === undefined) return null;
  return s.entities.find((e) => e.span.start <= at && at < e.span.end)?.key ?? null;
}

/** Two named subjects, neither a part of the other: two actors ("Washington and Baltimore" / "The New York Yankees"). */
function otherSubject(a: string | null, b: string | null): boolean {
  return !!a && !!b && a !== b && !a.includes(b) && !b.includes(a);
}

/** How many values a sentence states: figures, times, other numbers. */
function valueCount(s: Sent): number {
  return s.quantities.length + s.times.length + valuesOf(s).ownNumbers.length;
}

const len = (s: Sent) => s.span.end - s.span.start;

/**
 * The most widely carried statement of a named speaker that no fact line already cites. A direct
 * or partial quotation is given in quotation marks; reported speech is given as what the speaker
 * said, without them (the outlet's words, not the speaker's).
 */
function quoteLine(story: StoryView, ledger: SpeakerLedger[], out: BriefSentence[]): BriefSentence | null {
  const quotes = ledger
    .filter((l) => l.speaker !== 'unattributed')
    .flatMap((l) => l.statements.filter((s) => !s.singleOutlet).map((s) => ({ l, s })))
    .sort((a, b) => b.s.independentSources - a.s.independentSources || cmp(a.s.id, b.s.id));
  const usedSentences = new Set(out.flatMap((b) => b.citations.map((e) => `${e.articleId}@${e.sentence.start}`)));
  const fresh = (s: (typeof quotes)[number]['s']) => !s.wordings.some((w) => w.evidence.some((e) => usedSentences.has(`${e.articleId}@${e.sentence.start}`)));
  const sure = speakerSure(story);
  const named = namedWhereCited(story);
  const speech = reportedSpeech(story);
  // (a wording cites, and lists the outlets of, only the quotes whose speaker the reader sees named)
  const seen = speakerInSight(story);
  const inSight = (w: SpeakerLedger['statements'][number]['wordings'][number]) => {
    const evidence = w.evidence.filter(seen);
    if (evidence.length === w.evidence.length) return w;
    const articles = w.articles.filter((id) => evidence.some((e) => e.articleId === id));
    return articles.length ? { ...w, evidence, articles, outlets: [...new Set(articles.map((id) => story.byId.get(id)!.outlet))] } : null;
  };
  // (the wordings the line gives: the most carried one and the next, each when it reads as speech;
  // the line cites only their articles, and is established only when two independent sources carry them)
  const shownOf = (s: (typeof quotes)[number]['s']) => {
    const [main, ...rest] = s.wordings.map(inSight).filter((w) => w !== null);
    if (!main || main.text !== s.wordings[0]?.text || !speech(main)) return null;
    const variant = rest.find(speech);
    return variant ? [main, variant] : [main];
  };
  let pick: { l: SpeakerLedger; shown: SpeakerLedger['statements'][number]['wordings']; excerpt: boolean } | null = null;
  for (const { l, s } of quotes) {
    const shown = fresh(s) ? shownOf(s) : null;
    if (!shown || !sure(l.speaker, shown.flatMap((w) => w.evidence))) continue;
    const joins = joinsOf(s);
    if ((joins.spelling || joins.excerpt || joins.attached) && !named(l.name, shown.flatMap((w) => w.evidence))) continue;
    pick = { l, shown, excerpt: joins.excerpt };
    break;
  }
  if (!pick) return null;
  const { l, shown } = pick;
  const [shownMain, shownVariant] = excerptShown(pick.excerpt, shown);
  const main = shownMain!;
  const variant = shownVariant;
  // reported speech follows "said that" as a clause: no second "that", no capital on a pronoun
  const clause = (t: string) => t.replace(/^that\s+/i, '').replace(/^(?:He|She|They|It|We|There|This)\b/, (w) => w.toLowerCase());
  const words = (w: (typeof shown)[number], n: number) => (w.kind === 'indirect' ? shorten(clause(w.text), n) : `“${shorten(w.text, n)}”`);
  const variants = variant ? `; also worded ${words(variant, 120)} (${variant.outlets.join(', ')})` : '';
  const said = main.kind === 'indirect' ? `${l.name} said that ${words(main, 160)}` : `${l.name} was quoted as saying ${words(main, 160)}`;
  return { text: `${said} (${main.outlets.join(', ')})${variants}.`, kind: 'quote', standing: story.independent(shown.flatMap((w) => w.articles)) >= 2 ? 'established' : 'single-source', citations: shown.flatMap((w) => w.evidence.map(copyEv)) };
}

/**
 * Whether a wording of the ledger reads as someone's speech, so the brief may say they said it: reported
 * speech is a clause with its own subject ("police say a man told the driver to stop"), not what a
 * verb the analysers took for a cue governs ("is asked to call police", "called police to tell them",
 * "accused of killing", "countered with a 9-2 run"); quoted words are not a title ("The Secret Man:
 * The Story of ...": every longer word capitalised). Without a parse, reported speech is taken as read.
 */
export function reportedSpeech(story: StoryView): (w: SpeakerLedger['statements'][number]['wordings'][number]) => boolean {
  return (w) => {
    if (w.kind !== 'indirect') return !titleCased(w.text);
    const e = w.evidence[0];
    const art = e ? story.byId.get(e.articleId) : undefined;
    const tokens = art ? parseOf(art) : null;
    return !tokens || reportsClause(tokens, e.span);
  };
}

/** Quoted words whose every word of four letters or more is capitalised (two at least): a title, not speech. */
function titleCased(text: string): boolean {
  const long = text.match(/[A-Za-z][A-Za-z’']{3,}/g) ?? [];
  return long.length >= 2 && long.every((w) => /^[A-Z]/.test(w));
}

/**
 * Whether a statement's speaker is sure enough to name in the brief: when the story names two or
 * more people with the speaker's surname ("Gary Roe", "Katherine Roe"), one of the statement's
 * quotes must name the speaker in full (its speaker words hold the first name); a surname or a
 * pronoun could be either of them.
 */
function speakerSure(story: StoryView): (speaker: string, evidence: Evidence[]) => boolean {
  let bySurname: Map<string, Set<string>> | null = null;
  let quotesAt: Map<string, StoryView['articles'][number]['quotes']> | null = null;
  return (speaker, evidence) => {
    const parts = speaker.split(' ');
    if (parts.length < 2) return true;
    // (built on the first named speaker asked about: most briefs ask once or twice)
    if (!bySurname) {
      bySurname = new Map();
      for (const s of story.sentences)
        for (const e of s.entities) {
          const names = e.key.split(' ');
          if (e.type !== 'PER' || names.length < 2) continue;
          const last = names[names.length - 1];
          if (!bySurname.has(last)) bySurname.set(last, new Set());
          bySurname.get(last)!.add(e.key);
        }
    }
    if ((bySurname.get(parts[parts.length - 1])?.size ?? 0) < 2) return true;
    if (!quotesAt) {
      quotesAt = new Map();
      for (const a of story.articles)
        for (const q of a.quotes) {
          const k = `${a.id}@${q.sent.span.start}`;
          if (!quotesAt.has(k)) quotesAt.set(k, []);
          quotesAt.get(k)!.push(q);
        }
    }
    return evidence.some((e) =>
      (quotesAt!.get(`${e.articleId}@${e.sentence.start}`) ?? []).some((q) => {
        const sp = q.quote.speakerSpan;
        return q.speakerKey === speaker && !!sp && q.art.text.slice(sp.start, sp.end).toLowerCase().includes(parts[0]);
      }),
    );
  };
}

/**
 * The two wordings a quote line shows. Of a statement an excerpt joined, the long quotation is shown
 * as the sentence the excerpt cites (quotes.ts `citedSentence`), not from its start, which can be
 * another sentence altogether; a truncation the ledger grouped by overlap shows its start, the context.
 */
function excerptShown<W extends { text: string; kind: string }>(excerpt: boolean, shown: W[]): W[] {
  const [main, variant] = shown;
  if (!excerpt || !variant || main.kind === 'indirect' || variant.kind === 'indirect') return shown;
  return main.text.length > variant.text.length ? [{ ...main, text: citedSentence(variant.text, main.text) }, variant] : [main, { ...variant, text: citedSentence(main.text, variant.text) }];
}

/**
 * Whether every quote a line cites is attributed by the name the line gives: the speaker as the
 * article writes it holds the name's last word ("Quill said", "Marta Quill told"), in the sentence
 * cited or in the one where the quotation closes (", Quill said." after a long quotation). The test
 * for a statement made by a join other than word overlap within one speaker key (quotes.ts
 * `joinsOf`): a second spelling of a name, an excerpt of a long quotation, or a quote with no
 * speaker attached by its words. A quote
 * attributed by a pronoun or a description ("he said", "the coach said"), or by another spelling of
 * the last word, does not pass: the line would give a speaker the cited sentence does not name.
 */
function namedWhereCited(story: StoryView): (name: string, cited: Evidence[]) => boolean {
  const attribution = attributionOf(story);
  return (name, cited) => {
    const words = nameWords(name).filter((w) => !/^(?:jr|sr|ii|iii|iv)\.?$/.test(w));
    const last = words[words.length - 1];
    if (!last) return false;
    return cited.every((e) => {
      const a = attribution(e);
      return !!a && nameWords(a.speaker).includes(last) && (a.where === a.cited || a.where === a.closes);
    });
  };
}

const SUBJECT_PRONOUN = new Set(['he', 'she', 'they']);
/**
 * Whether a cited quote's speaker is written where a reader of the cited sentence sees it. A sentence
 * that writes words beside its quotation (an attribution: '"...," Roe said.') holding neither a word
 * of the speaker's name nor a subject pronoun, with the speaker written neither there nor where the
 * quotation closes, leaves the reader with no speaker: the analyser took one from further away, as
 * when the splitter ends a sentence inside the attribution ('"...," Const. ¶ Roe said.', a rank's
 * abbreviation read as a full stop, the speaker then that of paragraphs before). A sentence that is
 * all quotation goes on with the speaker of the quotation it continues (paragraphs of one quotation,
 * '"...?" ¶ Roe asked.'), as a reader reads it; a quote with no speaker written passes (the other
 * tests judge it).
 */
export function speakerInSight(story: StoryView): (e: Evidence) => boolean {
  const attribution = attributionOf(story);
  return (e) => {
    const a = attribution(e);
    if (!a || a.where === a.cited || a.where === a.closes) return true;
    const text = story.byId.get(e.articleId)?.text ?? '';
    const beside = nameWords(text.slice(e.sentence.start, Math.max(e.sentence.start, e.span.start)) + ' ' + text.slice(Math.min(e.sentence.end, e.span.end), e.sentence.end));
    const name = new Set(nameWords(a.speaker));
    return !beside.length || beside.some((w) => name.has(w) || SUBJECT_PRONOUN.has(w));
  };
}

/**
 * A cited quote's attribution: the speaker's words as the article writes them, and the indexes of the
 * sentences that hold them (`where`), the cited sentence and the one the quotation closes in; null
 * for a quote with no speaker written or not found. Each quote is found by its article and span (made
 * on the first line asked about: a syndicated statement cites hundreds).
 */
function attributionOf(story: StoryView): (e: Evidence) => { speaker: string; where: number; cited: number; closes: number } | null {
  let quoteAt: Map<string, StoryView['articles'][number]['quotes'][number]> | null = null;
  return (e) => {
    if (!quoteAt) {
      quoteAt = new Map();
      for (const a of story.articles) for (const q of a.quotes) quoteAt.set(`${a.id}@${q.quote.span.start}:${q.quote.span.end}`, q);
    }
    const q = quoteAt.get(`${e.articleId}@${e.span.start}:${e.span.end}`);
    const sp = q?.quote.speakerSpan;
    if (!q || !sp) return null;
    const sents = q.art.sentences;
    const at = (pos: number) => {
      const i = partitionPoint(sents, (sn) => sn.span.end <= pos);
      return i < sents.length && sents[i].span.start <= pos ? i : -1;
    };
    const where = at(sp.start);
    return where < 0 ? null : { speaker: q.art.text.slice(sp.start, sp.end), where, cited: at(e.sentence.start), closes: at(q.quote.span.end - 1) };
  };
}

/**
 * Single-source facts with a figure or a date, on the story's topic, when the brief is short: "Only
 * X reports" is said only of a sentence no sentence of another article comes near (similarity at
 * half the alignment threshold, or the same figure with a shared word of what it counts).
 */
function singleSourceLines(story: StoryView, al: Alignment, facts: Fact[], factSents: Map<string, Sent[]>, relPos: (f: Fact) => number, chosenKeys: Set<string>[], out: BriefSentence[]): void {
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
    const sents = factSents.get(f.id) ?? [];
    const rep = sents.find((s) => len(s) <= 320 && s.keys.size >= 4) ?? sents[0];
    if (!rep || chosenKeys.some((k) => overlap(k, rep.keys) >= 0.5)) continue;
    if (toldElsewhere(story, al, rep)) continue;
    chosenKeys.push(rep.keys);
    // (a single source may be several articles: copies, one wire, one outlet twice)
    const backing = backers(rep, sents);
    const outlets = [...new Set(backing.map((s) => s.art.outlet))];
    const who = outlets.length > 1 ? `${outlets.join(' and ')} (one source) report` : `${outlets[0]} reports`;
    out.push({ text: `Only ${who}: ${shorten(clean(sentText(rep)), 300)}`, kind: 'note', standing: 'single-source', citations: backing.map((x) => evidence(x)) });
  }
}

/** Whether a sentence of another independent source comes near `s`: too close to say only one outlet tells it. */
function toldElsewhere(story: StoryView, al: Alignment, s: Sent): boolean {
  const ownGroup = s.art.group;
  for (const a of story.articles) {
    if (a.group === ownGroup) continue;
    for (const o of a.sentences) {
      if (al.sim(s, o) >= 0.15) return true;
      const figure = s.quantities.some((q) => o.quantities.some((p) => p.unit === q.unit && p.value === q.value && (!q.counted || q.counted === p.counted)));
      if (figure && [...s.keys].some((k) => o.keys.has(k) && story.idf(k) > 2)) return true;
    }
  }
  return false;
}

function copyEv(e: Evidence): Evidence {
  return { articleId: e.articleId, span: { ...e.span }, sentence: { ...e.sentence } };
}

type Time = Sent['times'][number];
/** Time kinds that name a day, month or year, and those that give a time of day. */
const DAY_KINDS = new Set(['date', 'datetime', 'weekday', 'month', 'year']);
const CLOCK_KINDS = new Set(['time', 'datetime']);

/**
 * Whether sentence `x` states every value that `rep` states: its figures (by value: "ten" is 10),
 * its days, months and years (resolved, or as written) in the terms `rep` writes them (a weekday by
 * its name, a year written out: "Nov. 30" or "today" does not show a reader that it was a Monday),
 * its times of day (written with the same digits: "6:00 p.m." is not shown by "6 p.m."), the other numbers it writes in digits or words (phone numbers, records,
 * "Article 60", "seven" before a designation the figures do not read), and every one of its places
 * (a place of `x` in the stead of one of `rep`'s is another place: "pronounced dead at Jamaica
 * Hospital" / "at Mount Sinai Hospital"; a place left out is a part of the line left out). An
 * article is cited for a line only when it says all of it.
 */
function carries(x: Sent, rep: Sent): boolean {
  // (each figure as the same holder's: "Cruz follows Trump with 16 percent" does not back "Kasich was in second with 16 percent")
  const xh = figureHolders(x);
  const rh = figureHolders(rep);
  // and bounded alike: "more than $20 million" does not state "$20 million" (exact and "about" agree)
  if (!rep.quantities.every((q, i) => x.quantities.some((o, j) => o.unit === q.unit && o.value === q.value && bound(o) === bound(q) && !otherHolder(rh[i], xh[j])))) return false;
  const xv = valuesOf(x);
  const rv = valuesOf(rep);
  for (const w of rv.stated) {
    if (w.day !== null && !writtenAlike(xv.days.get(w.day), w.parts)) return false;
    if (w.clock !== null && !xv.clocks.has(w.clock)) return false;
  }
  for (const n of rv.ownNumbers) if (!xv.numbers.has(n)) return false;
  const own = rv.places;
  const theirs = xv.places;
  // every place of the line, by its name or one holding it ("Sanders won Vermont" does not back "won Oklahoma and Vermont")
  return [...own].every((p) => theirs.has(p) || [...theirs].some((q) => q.includes(p) || p.includes(q)));
}

/** A figure's bound: exact and "about" give the value, the others a side of it. */
const bound = (q: Sent['quantities'][number]) => (q.qualifier === 'exact' || q.qualifier === 'about' ? 'value' : q.qualifier);

/** The parts a date is written with, as bits: a weekday's name, a month (by name or number), a year. */
const WEEKDAY_PART = 1;
const MONTH_PART = 2;
const YEAR_PART = 4;
const WEEKDAY_WORD = new RegExp(`\\b(?:${WEEKDAY_PATTERN_ANY_CASE})\\b`, 'i');
const MONTH_WORD = new RegExp(`\\b(?:${MONTH_PATTERN_ANY_CASE})\\b|\\d\\s*[/.-]\\s*\\d`, 'i');
function writtenParts(text: string): number {
  return (WEEKDAY_WORD.test(text) ? WEEKDAY_PART : 0) | (MONTH_WORD.test(text) ? MONTH_PART : 0) | (/\b(?:1[5-9]|20)\d\d\b/.test(text) ? YEAR_PART : 0);
}
/** Whether a day `x` gives (the parts of its mentions of that day, or undefined) shows every part `rep` writes. */
function writtenAlike(xParts: number | undefined, repParts: number): boolean {
  return xParts !== undefined && (repParts & ~xParts) === 0;
}

interface Values {
  /** Each day, month and year the sentence gives, with the parts it writes it with (`writtenParts`). */
  days: Map<string, number>;
  clocks: Set<string>;
  /** What another sentence must give of each of this one's times: its day (with the parts it is written with) and its time of day, when compared. */
  stated: { day: string | null; parts: number; clock: string | null }[];
  /** Every number the sentence writes in digits or words, and those outside its figures and compared times. */
  numbers: Set<string>;
  ownNumbers: string[];
  places: Set<string>;
}
const VALUES = new WeakMap<Sent, Values>();

/** What `carries` compares of a sentence, once per sentence (a member meets several candidate wordings). */
function valuesOf(s: Sent): Values {
  let v = VALUES.get(s);
  if (v) return v;
  const text = s.art.text.slice(s.span.start, s.span.end);
  v = { days: new Map(), clocks: new Set(), stated: [], numbers: new Set(numbersIn(s, text, s.span.start, false)), ownNumbers: numbersIn(s, text, s.span.start, true), places: new Set(s.entities.filter((e) => e.type === 'LOC').map((e) => e.key)) };
  for (const t of s.times) {
    const parts = writtenParts(t.text);
    const days = dayKeys(t);
    for (const d of days) v.days.set(d, (v.days.get(d) ?? 0) | parts);
    const c = clockOf(t);
    if (c) v.clocks.add(c);
    v.stated.push({ day: DAY_KINDS.has(t.kind) ? days[0] : null, parts, clock: CLOCK_KINDS.has(t.kind) ? c : null });
  }
  VALUES.set(s, v);
  return v;
}

/** A time's day as a key (the resolved value, else its words), then the month and year it lies in. */
function dayKeys(t: Time): string[] {
  const v = t.resolved ?? t.value;
  if (!v) return [clean(t.text).toLowerCase()];
  const day = v.split('T')[0];
  return [day, day.slice(0, 7), day.slice(0, 4)];
}

const TWELVE_HOUR = /\b(\d{1,2})(?:[:.](\d\d))?\s*([ap])\.?\s*m\b/i;
const TWENTY_FOUR_HOUR = /\b([01]\d|2[0-3]):?([0-5]\d)\s*(?:GMT|BST|UTC|hours|hrs)\b/i;
/**
 * A time of day as "HH:MM" (24 hours), from the resolved value or the words ("7 p. m.", "2045 GMT"),
 * then the digits its words write it with ("6:00" of "6:00 p.m.", "6" of "6 p.m."): a line that
 * writes "6:00 p.m." cites the sentences that write it so, as it cites a weekday only where it is
 * named (`writtenAlike`); null when none.
 */
function clockOf(t: Time): string | null {
  const v = t.resolved ?? t.value;
  const iso = v ? /T(\d\d:\d\d)/.exec(v) : null;
  const m = TWELVE_HOUR.exec(t.text);
  const h = m ? null : TWENTY_FOUR_HOUR.exec(t.text);
  const written = m ? `${m[1]}${m[2] ? `:${m[2]}` : ''}` : h ? h[0].replace(/\s*\D+$/, '') : '';
  if (iso) return `${iso[1]} ${written}`;
  if (m) return `${String((Number(m[1]) % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0)).padStart(2, '0')}:${m[2] ?? '00'} ${written}`;
  return h ? `${h[1]}:${h[2]} ${written}` : null;
}

/**
 * The numbers a sentence writes in digits ("0845 125 2222" → 0845, 125, 2222) or in words from two
 * up ("seven" → 7; "one" is as often a pronoun as a figure), and the months and weekdays it names
 * (as "nov", "tue": "the November election" names a month the time reader reads no date in, and a
 * sentence that does not name it does not say it), outside its figures, its people's and
 * organisations' names ("Theresa May") and, when `outsideTimes`, outside the times `carries`
 * compares by value.
 */
function numbersIn(s: Sent, text: string, offset: number, outsideTimes: boolean): string[] {
  const covered = [...s.quantities.map((q) => q.span), ...(outsideTimes ? s.times.filter((t) => DAY_KINDS.has(t.kind) || CLOCK_KINDS.has(t.kind)).map((t) => t.span) : [])];
  const outside = (at: number) => !outsideTimes || !covered.some((c) => at >= c.start && at < c.end);
  const out: string[] = [];
  for (const m of text.matchAll(/\d[\d,.]*\d|\d/g)) if (outside(offset + m.index)) out.push(m[0].replace(/,/g, ''));
  for (const m of text.matchAll(/\b[a-z]+(?:-[a-z]+)?\b/gi)) {
    const n = m[0].length > 2 ? spelledNumber(m[0]) : null;
    if (n !== null && n >= 2 && outside(offset + m.index)) out.push(String(n));
  }
  const named = (at: number) => s.entities.some((e) => (e.type === 'PER' || e.type === 'ORG') && at >= e.span.start && at < e.span.end);
  // (a sentence's first word "May" is as often the modal as the month)
  for (const m of text.matchAll(CALENDAR_NAME)) if (outside(offset + m.index) && !named(offset + m.index) && !(m.index === 0 && m[0] === 'May')) out.push(m[0].slice(0, 3).toLowerCase());
  return out;
}
const CALENDAR_NAME = new RegExp(`\\b(?:${MONTH_PATTERN}|${WEEKDAY_PATTERN})(?![A-Za-z])`, 'g');
