import type { AnnotatedArticle, Article, RawDocument } from '../model/types.js';
import type { LedgerBackend } from '../stories/ledger.js';

/**
 * The one store contract every back-end implements (SQLite embedded, PostgreSQL for several
 * processes). It persists each stage's output keyed by document id and stage version; it decides
 * nothing. Methods are asynchronous because the PostgreSQL driver is; the SQLite back-end answers
 * synchronously under the hood. Nothing outside src/store/ writes SQL.
 */

export interface StoredStory {
  id: string;
  members: string[];
  data: unknown;
}

export interface DocumentRow {
  id: string;
  source: string;
  format: string;
  contentType: string;
  encoding: string;
  meta: RawDocument['meta'];
  addedAt: string;
}

export interface StageVersions {
  article?: string;
  annotations?: string;
  features?: string;
}

/** Every output of one document, written in one transaction (all or nothing). */
export interface DocumentOutputs {
  article: Article;
  articleVersion: string;
  annotated: AnnotatedArticle;
  annotationsVersion: string;
  features: unknown;
  featuresVersion: string;
}

export interface StoryFilter {
  /** Full-text query over article titles, outlets and texts (words are ANDed; a trailing `*` is a prefix). */
  q?: string;
  /** Entity id or name (case-insensitive substring of the story's main entity ids). */
  entity?: string;
  /** Outlet name (case-insensitive, exact) of at least one member. */
  outlet?: string;
  /** ISO dates: stories whose dated span overlaps [from, to]. Undated stories are excluded when either is given. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface StoryRow {
  id: string;
  title: string | null;
  members: string[];
  outlets: string[];
  span: { start: string | null; end: string | null };
  independentSources: number;
  updatedAt: string;
  /** The story's grouping record as saved (StoryGroup). */
  data: Record<string, unknown>;
}

export interface ArticleHit {
  docId: string;
  title: string | null;
  outlet: string | null;
}

/** A followed source as last polled (src/follow): status, validators for conditional requests, counts. */
export interface FollowSource {
  url: string;
  kind: string | null;
  /** ok, not-modified, error (the reason is in `detail`). */
  status: string;
  detail: string;
  etag: string | null;
  lastModified: string | null;
  checkedAt: string | null;
  okAt: string | null;
  lastNew: number;
  totalNew: number;
  /** The OPML file or sitemap index the source was found in, or null. */
  parent: string | null;
}

/**
 * What following remembers between polls, in the same store as the articles: each source's status
 * and validators, and every entry URL already taken (so polling again never ingests an entry twice,
 * across restarts and across processes sharing the store).
 */
export interface FollowMemory {
  source(url: string): Promise<FollowSource | null>;
  /** Every source, each followed by the sources found in it (OPML feeds, sitemaps of an index). */
  sources(): Promise<FollowSource[]>;
  /** Records a poll: validators and kind are kept when the poll did not give new ones; `lastNew` adds to the total. */
  saveSource(row: Omit<FollowSource, 'totalNew' | 'checkedAt' | 'okAt'>, at: string): Promise<void>;
  /** Which of these entry URLs were taken (or deliberately left out) before. */
  seen(urls: string[]): Promise<Set<string>>;
  /** Entries taken (docId) or deliberately left out (docId null: older than the first poll's window). */
  markSeen(entries: { url: string; docId: string | null }[], source: string, at: string): Promise<void>;
  seenCount(source: string): Promise<number>;
}

/**
 * The story ledger as a back-end keeps it (src/stories/ledger.ts says what it holds), with the two
 * questions a run asks the store first: which stored articles it has not placed yet, and which
 * placed articles are gone.
 */
export interface StoreLedger extends LedgerBackend {
  /** Ids of stored articles with story features that the ledger has not placed (sorted). */
  pending(): Promise<string[]>;
  /** Ids of placed articles whose document is no longer stored (sorted). */
  orphans(): Promise<string[]>;
  /** Empties the ledger (derived from the stored story features): every article is pending again. */
  reset(): Promise<void>;
}

export interface Store {
  /** Which back-end, and where (a file path, or a connection URL without its password). */
  readonly kind: 'sqlite' | 'postgres';
  readonly path: string;
  schemaVersion(): Promise<number>;
  close(): Promise<void>;

  hasDocument(id: string): Promise<boolean>;
  /** The stage versions stored for a document, to decide what to recompute. */
  stageVersions(id: string): Promise<StageVersions>;
  addSource(docId: string, source: string): Promise<void>;
  saveDocument(raw: RawDocument, outputs: DocumentOutputs): Promise<void>;
  /**
   * Saves several documents, each all or nothing, in as few transactions as the back-end allows
   * (SQLite: one, a savepoint per document). Returns per document the error that kept it out, or null.
   */
  saveDocuments(items: { raw: RawDocument; outputs: DocumentOutputs }[]): Promise<(Error | null)[]>;
  getRaw(id: string): Promise<RawDocument | null>;
  /** The source a document was first stored under, without reading its content. */
  sourceOf(id: string): Promise<string | null>;
  /** Source, format and time added of a stored document (no content). */
  documentInfo(id: string): Promise<{ source: string; format: string; addedAt: string } | null>;
  outletOf(id: string): Promise<string | null>;
  getArticle(id: string): Promise<Article | null>;
  getAnnotated(id: string): Promise<AnnotatedArticle | null>;
  getFeatures<F>(docId: string): Promise<F | null>;
  allFeatures<F>(): Promise<{ docId: string; features: F }[]>;
  documentIds(): Promise<string[]>;
  documentRows(): Promise<DocumentRow[]>;
  countDocuments(): Promise<number>;
  /** Deletes a document and everything derived from it, in one transaction. */
  deleteDocument(id: string): Promise<boolean>;

  /** Stories with their members, as last saved. */
  stories(): Promise<StoredStory[]>;
  countStories(): Promise<number>;
  storyOf(docId: string): Promise<string | null>;
  /** A story's grouping record (StoryGroup), or null. */
  storyData(id: string): Promise<unknown>;
  /** Replaces the story table with the given grouping, in one transaction. */
  replaceStories(stories: StoredStory[]): Promise<void>;
  /**
   * Reads every document's story features (ordered by document id) and the stored stories, computes
   * the new grouping and saves it, atomically and serialised across processes (one grouping at a
   * time, so one event never becomes two stories).
   */
  regroup<D>(compute: (features: unknown[], previous: { id: string; members: string[] }[]) => { id: string; members: string[]; data: D }[]): Promise<{ id: string; members: string[]; data: D }[]>;
  /**
   * Runs `fn` with the story ledger in one transaction holding the stories lock (the one `regroup`
   * takes): one ledger run at a time across processes, its reads and writes all or nothing. The
   * ledger's writes replace the stories it recomputed (story rows and memberships).
   */
  storyLedger<T>(fn: (ledger: StoreLedger) => Promise<T>): Promise<T>;
  /**
   * Saves one story's grouping and membership (one transaction): the story row is upserted (its
   * `updated_at` moves only when the data changes), its members replaced, and members that belonged
   * to it before but no longer do are released.
   */
  saveStoryMembership(story: StoredStory): Promise<void>;
  /** Removes a story, its membership and its cached report (one transaction). */
  deleteStory(id: string): Promise<void>;

  /** A story's cached report of this kind when it was made for this key (default kind: the full story report). */
  getStoryReport<R>(storyId: string, key: string, kind?: ReportKind): Promise<R | null>;
  /** The cached full story report as the JSON text stored (no parse). */
  storyReportJson(storyId: string, key: string): Promise<string | null>;
  /** Caches a story's report of one kind (replacing that kind's earlier entry only). */
  saveStoryReport(storyId: string, key: string, data: unknown, kind?: ReportKind): Promise<void>;
  /** The key of the full story report cached for a story, if any. */
  storyReportKey(storyId: string): Promise<string | null>;

  /** The cached full story report of a story, whatever its key: served while a newer one is built. */
  latestStoryReport(storyId: string): Promise<{ key: string; json: string } | null>;

  /**
   * A number that changes when the store's documents or stories change (SQLite: `PRAGMA
   * data_version`, which moves when another connection commits; PostgreSQL: a signature of the
   * document and story tables, which also moves on this process's own writes). Lets a server
   * notice other processes' writes.
   */
  dataVersion(): Promise<number>;
  /** Ids of the documents with story features (sorted). */
  featureDocIds(): Promise<string[]>;
  /** Documents with story features but no story. */
  orphanCount(): Promise<number>;

  /** Stories matching the filter, newest first (latest dated article, then last update), with the total count. */
  listStories(f: StoryFilter): Promise<{ total: number; stories: StoryRow[] }>;
  getStoryRow(id: string): Promise<StoryRow | null>;
  /** Ids of stories beginning with `prefix` (sorted, at most `limit`), to find a story by a short id. */
  storyIdsByPrefix(prefix: string, limit: number): Promise<string[]>;
  /** Articles matching a full-text query, best match first. */
  searchArticles(q: string, limit?: number): Promise<ArticleHit[]>;
  /** Distinct outlets of stored articles, with article counts. */
  outletCounts(): Promise<{ outlet: string; articles: number }[]>;

  /** Following's memory (src/follow): sources polled and entries taken. */
  readonly follow: FollowMemory;
}

/** Splits user input into search words: letters and digits only (no operator reaches a query language); a trailing `*` marks a prefix. */
export function searchWords(input: string): { word: string; prefix: boolean }[] {
  const words = input.normalize('NFKC').match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*\*?/gu) ?? [];
  return words.slice(0, 16).map((w) => {
    const prefix = w.endsWith('*');
    return { word: (prefix ? w.slice(0, -1) : w).replace(/"/g, ''), prefix };
  });
}

/** A name as written ("Jane Roe") against ids like PER:jane_roe: spaces, hyphens and underscores match any one character (LIKE's `_`). */
export function entityNeedle(s: string): string {
  return s.trim().toLowerCase().replace(/[%\\]/g, '').replace(/[\s_-]+/g, '_');
}

/** Clamp of a page size and offset given by a user. */
export function page(f: StoryFilter): { limit: number; offset: number } {
  return { limit: Math.max(1, Math.min(f.limit ?? 50, 500)), offset: Math.max(0, f.offset ?? 0) };
}

/**
 * What a cached story report holds: 'story', the full story report (articles, entities,
 * cross-check: a server's story page); 'cross-check', the cross-check alone (reused by the report
 * builder). Each kind has its own entry, so one never evicts the other.
 */
export type ReportKind = 'story' | 'cross-check';
