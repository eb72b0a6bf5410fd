/**
 * The cross-check of one story: TypeBox schemas (published in report.json's JSON Schema) and the
 * TypeScript types derived from them. Every fact, conflict side, quote wording, timeline event and
 * brief citation carries `Evidence`: the article id plus character offsets into that article's text.
 */
import { type Static, Type } from '@sinclair/typebox';

export const SpanSchema = Type.Object(
  { start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) },
  { title: 'CrossCheckSpan', description: 'Half-open character range [start, end) into Article.text (UTF-16 code units).' },
);

export const EvidenceSchema = Type.Object(
  {
    articleId: Type.String({ description: 'docId of the article' }),
    span: SpanSchema,
    sentence: SpanSchema,
  },
  { title: 'Evidence', description: 'Where a statement rests: the exact span and its sentence in one article.' },
);

export const SourceSchema = Type.Object(
  {
    articleId: Type.String(),
    outlet: Type.String({ description: 'Outlet name, or a placeholder derived from the title/id when unknown' }),
    wire: Type.Union([Type.String(), Type.Null()]),
    /** Articles sharing this key are one independent source (copies of each other, rewrites of one dispatch, one wire's copy, one outlet). */
    sourceGroup: Type.String(),
    /** Why the article is one source with others of its group (stories/facts.ts SourceReason); null when it is a source alone (always written; optional so reports written before it still validate). */
    sourceReason: Type.Optional(Type.Union([Type.Literal('copy'), Type.Literal('dispatch'), Type.Literal('wire'), Type.Literal('outlet'), Type.Null()])),
    published: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'CrossCheckSource' },
);

export const FactStatusSchema = Type.Union([Type.Literal('corroborated'), Type.Literal('single-source'), Type.Literal('conflicting')]);

export const FactSchema = Type.Object(
  {
    id: Type.String(),
    /** The statement as one outlet worded it (the most central wording). */
    statement: Type.String(),
    status: FactStatusSchema,
    articles: Type.Array(Type.String()),
    outlets: Type.Array(Type.String()),
    /** Number of independent sources: copies of one source and the same wire agency count once. */
    independentSources: Type.Integer({ minimum: 0 }),
    /** Linked entities (canonical ids) the statement is about. */
    actors: Type.Array(Type.String()),
    /** Words shared by the aligned wordings (normalised), which is what aligned them. */
    sharedTerms: Type.Array(Type.String()),
    /** Time expressions of the statement (central wording), resolved where possible. */
    when: Type.Array(Type.Object({ text: Type.String(), date: Type.Union([Type.String(), Type.Null()]), inferred: Type.Boolean() })),
    /** Quantities of the statement (central wording), normalised (durations in hours). */
    quantities: Type.Array(
      Type.Object({
        text: Type.String(),
        value: Type.Number(),
        unit: Type.String(),
        qualifier: Type.String(),
        counted: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
    evidence: Type.Array(EvidenceSchema),
    conflictIds: Type.Array(Type.String()),
    /** The evolving figures one of whose steps this fact's sentences give. */
    evolvingIds: Type.Array(Type.String()),
  },
  { title: 'Fact' },
);

export const NormalizedValueSchema = Type.Object({
  kind: Type.Union([Type.Literal('quantity'), Type.Literal('date'), Type.Literal('place'), Type.Literal('actor'), Type.Literal('attribute')]),
  /** Quantities: normalised unit (`h`, `count`, `USD`, ...). Dates: `date`. Places: `place`. Actors: `person`. */
  unit: Type.String(),
  /** Quantities: central value. Dates: null. */
  value: Type.Union([Type.Number(), Type.Null()]),
  /** Compatible interval after qualifier and tolerance (quantities); null when open. */
  low: Type.Union([Type.Number(), Type.Null()]),
  high: Type.Union([Type.Number(), Type.Null()]),
  qualifier: Type.String(),
  /** Dates: ISO date, or weekday name when unresolved. */
  date: Type.Union([Type.String(), Type.Null()]),
});

export const ConflictSideSchema = Type.Object({
  /** Display value, e.g. "more than 7 h", "about 4 h", "2025-05-07 (Wednesday)". */
  value: Type.String(),
  normalized: NormalizedValueSchema,
  /** The words of the article(s) carrying this value, e.g. "over seven-hour-long talks". */
  wordings: Type.Array(Type.String()),
  articles: Type.Array(Type.String()),
  outlets: Type.Array(Type.String()),
  independentSources: Type.Integer({ minimum: 0 }),
  evidence: Type.Array(EvidenceSchema),
});

export const ConflictSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.Union([Type.Literal('quantity'), Type.Literal('duration'), Type.Literal('count'), Type.Literal('date'), Type.Literal('place'), Type.Literal('actor'), Type.Literal('attribute')]),
    /** What the sides disagree about, e.g. "duration of the talks", "date of the statement by Roe, Doe". */
    slot: Type.String(),
    /** `conflict`: incompatible values; `minor`: values differ but within the stated qualifiers/tolerance. */
    severity: Type.Union([Type.Literal('conflict'), Type.Literal('minor')]),
    /** True when one article carries two incompatible values. */
    withinArticle: Type.Boolean(),
    sides: Type.Array(ConflictSideSchema),
    /** Pairwise verdicts between sides (indices into `sides`). */
    pairs: Type.Array(
      Type.Object({ a: Type.Integer(), b: Type.Integer(), severity: Type.Union([Type.Literal('conflict'), Type.Literal('minor')]) }),
    ),
    note: Type.String(),
    factIds: Type.Array(Type.String()),
  },
  { title: 'Conflict' },
);

/**
 * One value of an evolving figure: what the articles of one publication time wrote. `published` is
 * the first publication day (YYYY-MM-DD) of the step's articles.
 */
export const EvolvingStepSchema = Type.Object({
  /** Display value, e.g. "9 people", "more than 20". */
  value: Type.String(),
  /** The value and the interval it allows (qualifier and tolerance), as a conflict side's. */
  normalized: NormalizedValueSchema,
  published: Type.String({ description: 'first publication day (YYYY-MM-DD) of the articles giving this value' }),
  wordings: Type.Array(Type.String()),
  articles: Type.Array(Type.String()),
  outlets: Type.Array(Type.String()),
  evidence: Type.Array(EvidenceSchema),
});

export const EvolvingFigureSchema = Type.Object(
  {
    /** `E` + a hash of the slot and its steps (the same whatever the articles' order). */
    id: Type.String(),
    kind: Type.Union([Type.Literal('quantity'), Type.Literal('count')]),
    /** The slot's key ("people|deaths", "count|cable|damage|"): what makes two figures one figure. */
    slot: Type.String(),
    /** What the figure measures, for people ("death toll"). */
    label: Type.String(),
    /** The values in publication order, each higher than or compatible with the one before. */
    steps: Type.Array(EvolvingStepSchema),
  },
  {
    title: 'EvolvingFigure',
    description:
      'A total that can only grow while an event unfolds (deaths, injured, arrests, counts of the story\'s things, estimated values), given higher in articles published on later days: a sequence with times, not a conflict.',
  },
);

export const QuoteWordingSchema = Type.Object({
  text: Type.String(),
  kind: Type.Union([Type.Literal('direct'), Type.Literal('partial'), Type.Literal('indirect')]),
  articles: Type.Array(Type.String()),
  outlets: Type.Array(Type.String()),
  evidence: Type.Array(EvidenceSchema),
});

export const QuoteStatementSchema = Type.Object({
  id: Type.String(),
  /** The same statement in each outlet's wording; identical wordings are merged. */
  wordings: Type.Array(QuoteWordingSchema),
  /** How the wordings relate: `single` (one wording), `identical`, `truncation` (one contains another), `variant` (translation or paraphrase). */
  relation: Type.Union([Type.Literal('single'), Type.Literal('identical'), Type.Literal('truncation'), Type.Literal('variant')]),
  articles: Type.Array(Type.String()),
  independentSources: Type.Integer({ minimum: 0 }),
  /** True when only one outlet carries the statement. */
  singleOutlet: Type.Boolean(),
});

export const SpeakerLedgerSchema = Type.Object(
  {
    /** Canonical speaker id, or `unattributed`. */
    speaker: Type.String(),
    name: Type.String(),
    statements: Type.Array(QuoteStatementSchema),
  },
  { title: 'SpeakerLedger' },
);

export const FramingRowSchema = Type.Object(
  {
    /** What is being named, e.g. "the Russia-China relationship", "the fighting in Ukraine". */
    concept: Type.String(),
    usage: Type.Array(
      Type.Object({
        articleId: Type.String(),
        outlet: Type.String(),
        terms: Type.Array(Type.Object({ term: Type.String(), count: Type.Integer(), evidence: Type.Array(EvidenceSchema) })),
      }),
    ),
  },
  { title: 'FramingRow' },
);

export const OmissionSchema = Type.Object(
  {
    factId: Type.String(),
    statement: Type.String(),
    /** Independent sources carrying the fact. */
    carriedBy: Type.Integer(),
    missingFrom: Type.Array(Type.Object({ articleId: Type.String(), outlet: Type.String() })),
  },
  { title: 'Omission' },
);

export const TimelineEventSchema = Type.Object(
  {
    /** ISO date (or month/year) of the event. */
    date: Type.String(),
    grain: Type.String(),
    /** True when every source's date was inferred (from the story's date rather than the article's own). */
    inferred: Type.Boolean(),
    label: Type.String(),
    articles: Type.Array(Type.String()),
    outlets: Type.Array(Type.String()),
    evidence: Type.Array(EvidenceSchema),
    factId: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'TimelineEvent' },
);

/**
 * What a reader may take a brief line for: `established` (two or more independent sources state
 * it and no conflict is about it), `disputed` (a conflict, or a fact a conflict is about),
 * `single-source` (one source tells it).
 */
export const BriefStandingSchema = Type.Union([Type.Literal('established'), Type.Literal('disputed'), Type.Literal('single-source')]);

export const BriefSentenceSchema = Type.Object(
  {
    text: Type.String(),
    /** `evolving`: a total told higher on later days, each step with its outlets and day (compare/evolving.ts). */
    kind: Type.Union([Type.Literal('fact'), Type.Literal('conflict'), Type.Literal('quote'), Type.Literal('note'), Type.Literal('evolving')]),
    standing: BriefStandingSchema,
    citations: Type.Array(EvidenceSchema),
  },
  { title: 'BriefSentence' },
);

export const CrossCheckMessageSchema = Type.Object({
  level: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
  articleId: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
});

export const StoryCrossCheckSchema = Type.Object(
  {
    storyId: Type.String(),
    sources: Type.Array(SourceSchema),
    /** Number of independent sources in the story. */
    independentSources: Type.Integer({ minimum: 0 }),
    facts: Type.Array(FactSchema),
    conflicts: Type.Array(ConflictSchema),
    /** Figures that grew between articles published on different days (compare/evolving.ts). */
    evolvingFigures: Type.Array(EvolvingFigureSchema),
    quoteLedger: Type.Array(SpeakerLedgerSchema),
    framing: Type.Array(FramingRowSchema),
    omissions: Type.Array(OmissionSchema),
    timeline: Type.Array(TimelineEventSchema),
    brief: Type.Array(BriefSentenceSchema),
    messages: Type.Array(CrossCheckMessageSchema),
  },
  { $id: 'StoryCrossCheck', description: 'Fact-by-fact cross-check of the articles of one story.' },
);

export type Evidence = Static<typeof EvidenceSchema>;
export type BriefStanding = Static<typeof BriefStandingSchema>;

/** How a brief line's standing reads in the reports and the UI. */
export const STANDING_LABEL: Record<BriefStanding, string> = { established: 'established', disputed: 'disputed', 'single-source': 'single source' };
export type CrossCheckSource = Static<typeof SourceSchema>;
export type FactStatus = Static<typeof FactStatusSchema>;
export type Fact = Static<typeof FactSchema>;

/**
 * A fact's standing, one rule for the brief and the UI: disputed when a conflict (of any severity)
 * is about it, established when two or more independent sources state it, else single-source.
 */
export function factStanding(f: Pick<Fact, 'status' | 'conflictIds' | 'independentSources'>): BriefStanding {
  if (f.status === 'conflicting' || f.conflictIds.length) return 'disputed';
  return f.independentSources >= 2 ? 'established' : 'single-source';
}
export type NormalizedValue = Static<typeof NormalizedValueSchema>;
export type ConflictSide = Static<typeof ConflictSideSchema>;
export type Conflict = Static<typeof ConflictSchema>;
export type EvolvingStep = Static<typeof EvolvingStepSchema>;
export type EvolvingFigure = Static<typeof EvolvingFigureSchema>;
export type QuoteWording = Static<typeof QuoteWordingSchema>;
export type QuoteStatement = Static<typeof QuoteStatementSchema>;
export type SpeakerLedger = Static<typeof SpeakerLedgerSchema>;
export type FramingRow = Static<typeof FramingRowSchema>;
export type Omission = Static<typeof OmissionSchema>;
export type TimelineEvent = Static<typeof TimelineEventSchema>;
export type BriefSentence = Static<typeof BriefSentenceSchema>;
export type CrossCheckMessage = Static<typeof CrossCheckMessageSchema>;
export type StoryCrossCheck = Static<typeof StoryCrossCheckSchema>;
