import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { StoryCrossCheckSchema } from '../compare/types.js';

/**
 * The schema of report.json. The TypeScript types of the report are derived from it (Static<>),
 * and `npm run schema` writes it to schema/report.schema.json, so the published schema and
 * the code that produces the report cannot drift apart (a test checks the file is current).
 */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const SpanSchema = Type.Object({ start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) }, { $id: 'Span' });

export const DateInfoSchema = Type.Object(
  {
    iso: Type.String({ description: 'ISO 8601, with offset when known' }),
    precision: Type.Union(['year', 'month', 'day', 'hour', 'minute', 'second'].map((p) => Type.Literal(p))),
    source: Type.String({ description: 'where the date was read from (json-ld, meta tag, text, input ...)' }),
    raw: Type.Optional(Type.String()),
  },
  { $id: 'DateInfo' },
);

export const MessageSchema = Type.Object({
  level: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
  stage: Type.String(),
  message: Type.String(),
  origin: Type.Optional(Type.String({ description: 'the component that raised it (analyse: syntax, quotes ...)' })),
  span: Type.Optional(SpanSchema),
});

export const EntityMentionSchema = Type.Object({
  span: SpanSchema,
  type: Type.Union(['PER', 'ORG', 'LOC', 'MISC'].map((t) => Type.Literal(t))),
  text: Type.String(),
  entity: Type.String(),
  denotes: Type.Optional(Type.String()),
});

export const QuoteSchema = Type.Object({
  span: SpanSchema,
  kind: Type.Union([Type.Literal('direct'), Type.Literal('partial'), Type.Literal('indirect')]),
  speakerSpan: Nullable(SpanSchema),
  speaker: Nullable(Type.String()),
  speakerName: Nullable(Type.String()),
  cue: Nullable(Type.Object({ span: SpanSchema, verb: Type.String() })),
  cueClass: Type.Optional(
    Type.Union([Type.Literal('speech'), Type.Literal('thought'), Type.Literal('evidence'), Type.Literal('stance')], {
      description: 'what the cue reports; the quote ledger keeps speech',
    }),
  ),
  parts: Type.Optional(Type.Array(SpanSchema, { description: 'the pieces of a split quote; span runs from the first to the last' })),
});

export const TimeExprSchema = Type.Object({
  span: SpanSchema,
  text: Type.String(),
  kind: Type.String(),
  value: Nullable(Type.String()),
  grain: Nullable(Type.String()),
  inferred: Type.Boolean(),
  anchor: Type.Optional(Type.String()),
});

export const QuantitySchema = Type.Object({
  span: SpanSchema,
  text: Type.String(),
  value: Type.Number(),
  low: Nullable(Type.Number()),
  high: Nullable(Type.Number()),
  unit: Type.String(),
  qualifier: Type.String(),
  counted: Nullable(Type.String()),
});

export const ReportArticleSchema = Type.Object(
  {
    id: Type.String({ description: 'content hash of the document' }),
    source: Type.String({ description: 'the input path as given, or the id field of a JSON/JSONL record' }),
    outlet: Nullable(Type.String()),
    title: Nullable(Type.String()),
    published: Nullable(Type.String({ description: 'ISO 8601 publication date, null when unknown' })),
    publishedInfo: Nullable(DateInfoSchema),
    url: Nullable(Type.String()),
    byline: Type.Array(Type.String()),
    dateline: Nullable(Type.String()),
    wire: Nullable(Type.String({ description: 'wire agency whose copy this is' })),
    language: Nullable(Type.String()),
    copyOf: Nullable(Type.String({ description: 'id of the article this one is a near-duplicate or syndicated copy of' })),
    status: Type.String({ description: 'ok' }),
    text: Type.String({ description: 'the clean article text all spans index into' }),
    messages: Type.Array(MessageSchema),
    attributions: Type.Array(Type.Object({ name: Type.String(), kind: Type.String(), span: SpanSchema })),
    removed: Type.Optional(Type.Array(Type.Object({ text: Type.String(), reason: Type.String() }), { description: 'boilerplate removed, with reasons (--detail full)' })),
    sentences: Type.Array(SpanSchema),
    entities: Type.Optional(Type.Array(EntityMentionSchema, { description: 'entity mentions (--detail full)' })),
    quotes: Type.Optional(Type.Array(QuoteSchema, { description: 'quotes (--detail full)' })),
    times: Type.Optional(Type.Array(TimeExprSchema, { description: 'time expressions (--detail full)' })),
    quantities: Type.Optional(Type.Array(QuantitySchema, { description: 'quantities (--detail full)' })),
    tokens: Type.Optional(
      Type.Array(Type.Tuple([Type.Integer(), Type.Integer(), Type.String(), Type.String(), Type.String(), Type.Integer(), Type.String()]), {
        description: 'syntax of every word, compactly: [start, end, UPOS, Penn tag, lemma, index of the head token (-1 = sentence root), UD relation] (--detail full)',
      }),
    ),
  },
  { $id: 'Article' },
);

export const StoryEntitySchema = Type.Object({
  id: Type.String(),
  type: Type.String(),
  name: Type.String(),
  variants: Type.Array(Type.String()),
  mentions: Type.Integer(),
  byOutlet: Type.Record(Type.String(), Type.Integer()),
});

export const ReportStorySchema = Type.Object(
  {
    id: Type.String({ description: 'stable story id' }),
    title: Type.String({ description: 'representative headline' }),
    articleCount: Type.Integer(),
    independentSources: Type.Integer({ description: 'articles counted once per independent source (copies, rewrites of one dispatch, one wire, one outlet: the cross-check sources\' groups and reasons)' }),
    outlets: Type.Array(Type.String()),
    span: Type.Object({ start: Nullable(Type.String()), end: Nullable(Type.String()) }),
    copies: Type.Array(Type.Array(Type.String()), { description: 'groups of article ids that are copies of one source' }),
    entities: Type.Array(StoryEntitySchema),
    articles: Type.Array(ReportArticleSchema),
    crossCheck: Nullable(StoryCrossCheckSchema),
  },
  { $id: 'Story' },
);

export const ReportSchema = Type.Object(
  {
    tool: Type.Literal('triangulate'),
    schemaVersion: Type.Integer(),
    detail: Type.Optional(
      Type.Union([Type.Literal('lean'), Type.Literal('full')], {
        description: 'lean (default): articles without their annotation layers (entities, quotes, times, quantities, tokens, removed boilerplate); full: with them',
      }),
    ),
    stories: Type.Array(ReportStorySchema),
    failures: Type.Array(Type.Object({ source: Type.String(), reason: Type.String() })),
    counts: Type.Object({ new: Type.Integer(), known: Type.Integer(), updated: Type.Integer(), failed: Type.Integer() }),
  },
  { $id: 'https://triangulate.local/schema/report.schema.json', title: 'Triangulate report' },
);

export { REPORT_SCHEMA_VERSION } from './version.js';

export type Report = Static<typeof ReportSchema>;
export type ReportStory = Static<typeof ReportStorySchema>;
export type ReportArticle = Static<typeof ReportArticleSchema>;
export type StoryEntityOut = Static<typeof StoryEntitySchema>;
