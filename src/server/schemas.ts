import { type TSchema, Type } from '@sinclair/typebox';
import { FIELD_LIMITS, MAX_YEAR, MIN_YEAR } from '../ingest/validate.js';
import { ReportStorySchema } from '../report/schema.js';

/**
 * TypeBox schemas of the HTTP API. Fastify validates requests against them, and
 * /api/openapi.json is generated from the very same objects (see openapi.ts).
 */

export const FORMATS = ['text', 'html', 'json', 'jsonl', 'feed'] as const;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** One article as JSON: the record shape `triangulate analyze` reads from .json/.jsonl files. */
export const ArticleRecord = Type.Object(
  {
    // longer values are refused per record by ingest/validate.ts (FIELD_LIMITS), as for every body type
    id: Type.Optional(Type.Union([Type.String(), Type.Number()], { description: `your id for the article; becomes its source name (at most ${FIELD_LIMITS.id} characters)` })),
    url: Type.Optional(Type.String({ description: `at most ${FIELD_LIMITS.url} characters` })),
    title: Type.Optional(Type.String({ description: `at most ${FIELD_LIMITS.title} characters` })),
    text: Type.Optional(Type.String({ description: 'plain text of the article (with or without boilerplate)' })),
    html: Type.Optional(Type.String({ description: 'raw HTML of the page' })),
    published: Type.Optional(Type.Union([Type.String(), Type.Number()], { description: `ISO 8601 date or epoch milliseconds, years ${MIN_YEAR}-${MAX_YEAR} (at most ${FIELD_LIMITS.published} characters)` })),
    outlet: Type.Optional(Type.String({ description: `at most ${FIELD_LIMITS.outlet} characters` })),
  },
  {
    additionalProperties: true,
    anyOf: [{ required: ['text'] }, { required: ['html'] }],
    description: 'An article record: "text" or "html" is required; other fields are kept as metadata.',
  },
);

export const MAX_BATCH = 5000;

export const PostArticlesJson = Type.Union(
  [
    ArticleRecord,
    Type.Array(ArticleRecord, { minItems: 1, maxItems: MAX_BATCH }),
    Type.Object({ articles: Type.Array(ArticleRecord, { minItems: 1, maxItems: MAX_BATCH }) }, { additionalProperties: false }),
  ],
  { description: 'One article record, an array of them, or {"articles": [...]}' },
);

export const PostArticlesQuery = Type.Object(
  {
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'name of the posted document (e.g. its file name); defaults to "api"' })),
    format: Type.Optional(Type.Union(FORMATS.map((f) => Type.Literal(f)), { description: 'input format; defaults to the content type, else sniffed' })),
  },
  { additionalProperties: false },
);

export const Outcome = Type.Object({
  source: Type.String(),
  docId: Nullable(Type.String()),
  status: Type.Union([Type.Literal('new'), Type.Literal('known'), Type.Literal('updated'), Type.Literal('failed')]),
  reason: Type.Optional(Type.String()),
  warnings: Type.Array(Type.String()),
  storyId: Nullable(Type.String()),
});

export const PostArticlesResponse = Type.Object({
  outcomes: Type.Array(Outcome),
  counts: Type.Object({ new: Type.Integer(), known: Type.Integer(), updated: Type.Integer(), failed: Type.Integer() }),
  stories: Type.Array(Type.String(), { description: 'ids of the stories this request changed' }),
});

const Id = Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,200}$' });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}', maxLength: 40, description: 'ISO date (YYYY-MM-DD...)' });

export const StoriesQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 500, description: 'full-text search over titles, outlets and texts (SQLite FTS5; words are ANDed, word* is a prefix)' })),
    entity: Type.Optional(Type.String({ maxLength: 200, description: 'entity id or name among the main entities of the story' })),
    outlet: Type.Optional(Type.String({ maxLength: 200, description: 'outlet of at least one article' })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

export const StoryListItem = Type.Object({
  id: Type.String(),
  title: Nullable(Type.String()),
  articles: Type.Integer(),
  outlets: Type.Array(Type.String()),
  independentSources: Type.Integer(),
  span: Type.Object({ start: Nullable(Type.String()), end: Nullable(Type.String()) }),
  updatedAt: Type.String(),
  conflicts: Nullable(Type.Integer({ description: 'null until the cross-check of the current membership is computed' })),
  facts: Nullable(Type.Integer()),
  entities: Type.Array(Type.Object({ id: Type.String(), count: Type.Integer() })),
});

export const StoryListResponse = Type.Object({ total: Type.Integer(), stories: Type.Array(StoryListItem) });

export const ArticleResponse = Type.Object({
  id: Type.String(),
  source: Type.String(),
  format: Type.String(),
  addedAt: Type.String(),
  storyId: Nullable(Type.String()),
  extraction: Type.Unknown({ description: 'the extracted Article: text, title, outlet, dates, byline, blocks, removed boilerplate, messages' }),
  annotations: Type.Object({
    sentences: Type.Array(Type.Unknown()),
    entities: Type.Array(Type.Unknown()),
    quotes: Type.Array(Type.Unknown()),
    times: Type.Array(Type.Unknown()),
    quantities: Type.Array(Type.Unknown()),
  }),
});

export const DeleteResponse = Type.Object({
  deleted: Type.String(),
  storyId: Nullable(Type.String()),
  storyRemoved: Type.Boolean(),
  /** Stories the rest of the article's story split into, when the article held them together. */
  splitInto: Type.Array(Type.String()),
});

export const SearchQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 500 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) },
  { additionalProperties: false },
);

export const SearchResponse = Type.Object({
  articles: Type.Array(Type.Object({ docId: Type.String(), title: Nullable(Type.String()), outlet: Nullable(Type.String()), storyId: Nullable(Type.String()) })),
});

export const ErrorResponse = Type.Object({
  error: Type.Object({ status: Type.Integer(), code: Type.String(), message: Type.String() }),
});

export const HealthResponse = Type.Object({
  ok: Type.Boolean(),
  documents: Type.Integer(),
  stories: Type.Integer(),
  pendingReports: Type.Integer(),
  processing: Type.Union([Type.Literal('worker'), Type.Literal('inline')], { description: 'where posted documents are extracted and analysed' }),
});

export { ReportStorySchema };
