/**
 * The document model every stage shares.
 *
 * One text per article (`Article.text`: the clean body, paragraphs separated by a blank line)
 * and standoff annotations on it: every annotation is a `Span` of character offsets
 * (UTF-16 code units, as JavaScript strings index) into that text plus typed attributes.
 * Nothing copies text around: a fact, a quote or a conflict points to spans.
 */

/** Half-open character range [start, end) into `Article.text`. */
export interface Span {
  start: number;
  end: number;
}

/** A problem attached to a document (vfile-style message): data, not an exception. */
export interface DocMessage {
  level: 'error' | 'warning' | 'info';
  stage: 'ingest' | 'extract' | 'analyse' | 'stories' | 'compare' | 'store';
  message: string;
  /** The component that raised it, when a stage has several (analyse: 'syntax', 'quotes' ...). */
  origin?: string;
  /** The part of the text it is about, when there is one (a sentence, the text past a budget). */
  span?: Span;
}

export type InputFormat = 'text' | 'html' | 'json' | 'feed';

/** What ingest produces: decoded content plus whatever metadata the container carried. */
export interface RawDocument {
  /** Content hash (sha256 hex, first 32 chars) of the bytes (files) or of the record (JSON/feeds). */
  id: string;
  /** The input path as given, `-` for stdin, or the `id` field of a JSON/JSONL record. */
  source: string;
  format: InputFormat;
  /** Decoded content: plain text for `text`, markup for `html`. */
  content: string;
  contentType: 'text' | 'html';
  /** Encoding the bytes were decoded from, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  encoding: string;
  /** Metadata given by the container (JSON fields, feed item fields). Extract treats these as hints. */
  meta: RawMeta;
}

export interface RawMeta {
  url?: string;
  title?: string;
  published?: string;
  outlet?: string;
  /** Any other JSON fields, kept as they were. */
  extra?: Record<string, unknown>;
}

export type DatePrecision = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

export interface DateInfo {
  /** ISO 8601; with offset when known (`2025-05-09T06:47:00+05:30`), date only for day precision. */
  iso: string;
  precision: DatePrecision;
  /** Where it was read from: `json-ld`, `meta:article:published_time`, `time-element`, `url`, `text`, `input` ... */
  source: string;
  /** Verbatim text the date was read from, when it came from visible text. */
  raw?: string;
}

export type BlockKind = 'paragraph' | 'heading' | 'list' | 'quote';

export interface Block {
  kind: BlockKind;
  span: Span;
}

export interface RemovedBlock {
  text: string;
  reason: string;
}

export type AttributionKind = 'wire' | 'outlet' | 'agency' | 'official-readout' | 'other';

/** Another medium or source the text cites ("according to Reuters", "a Kremlin readout"). */
export interface MediaAttribution {
  name: string;
  kind: AttributionKind;
  span: Span;
}

export type ExtractStatus = 'ok' | 'no-body' | 'error';

/** What extract produces. `text` is the one text all annotations index into. */
export interface Article {
  docId: string;
  source: string;
  status: ExtractStatus;
  title: string | null;
  dek: string | null;
  /** Clean body: paragraphs (and sub-headings, list items, block quotes) separated by "\n\n". */
  text: string;
  blocks: Block[];
  byline: string[];
  outlet: string | null;
  url: string | null;
  published: DateInfo | null;
  modified: DateInfo | null;
  language: string | null;
  dateline: string | null;
  /** Wire agency whose copy this is ("Press Trust of India", "Reuters"), or null. */
  wire: string | null;
  attributions: MediaAttribution[];
  removed: RemovedBlock[];
  messages: DocMessage[];
}

export type Sentence = Span;

export interface Token extends Span {
  text: string;
}

/** A word with its syntax (`src/analyse/syntax`): Universal Dependencies tags, lemma and relation. */
export interface SyntaxToken extends Token {
  /** Index of the sentence in `AnnotatedArticle.sentences`. */
  sentence: number;
  /** Universal part of speech (NOUN, VERB, PROPN, ...). */
  upos: string;
  /** Penn Treebank tag (NN, VBD, NNP, ...). */
  xpos: string;
  lemma: string;
  /** Index of the head token in the same array; -1 for the root of the sentence. */
  head: number;
  /** Universal Dependencies relation to the head (nsubj, obj, obl:tmod, ...). */
  deprel: string;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface EntityMention {
  span: Span;
  type: EntityType;
  text: string;
  /** Canonical id of the entity within the article (e.g. `PER:jane_roe`); linking across articles reuses it. */
  entity: string;
  /** Set when the mention is a demonym/adjective standing for a country ("Chinese" → China). */
  denotes?: string;
}

/** One entity of the article with all its mentions' surface forms. */
export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  variants: string[];
  mentions: number;
}

export type QuoteKind = 'direct' | 'partial' | 'indirect';

/** The kind of attribution a quote's cue makes (see Quote.cueClass). */
export type CueClass = 'speech' | 'thought' | 'evidence' | 'stance';

export interface Quote {
  /** What was said. */
  span: Span;
  kind: QuoteKind;
  /** The speaker as written ("Roe", "he", "the ministry"), if found. */
  speakerSpan: Span | null;
  /** Canonical entity id of the speaker after resolving pronouns and short names, if known. */
  speaker: string | null;
  /** Display name of the speaker ("Jane Roe"), if known. */
  speakerName: string | null;
  cue: { span: Span; verb: string } | null;
  /**
   * What the cue reports (data/lexicons/attribution-cues.tsv): speech, thought, evidence or stance.
   * Set when the article was parsed; a quotation without a cue word counts as speech. The quote
   * ledger keeps speech; PolNeAR's guideline counts all four.
   */
  cueClass?: CueClass;
  /** For a split quote ("…," he said, "…"), the quoted parts; `span` runs from the first to the last. */
  parts?: Span[];
}

export type TimeKind = 'date' | 'datetime' | 'time' | 'month' | 'year' | 'weekday' | 'relative' | 'deadline' | 'range' | 'duration';

export interface TimeExpr {
  span: Span;
  text: string;
  kind: TimeKind;
  /** Resolved ISO value (`2025-05-08`, `2025-04`, `2025-05-06T17:00-04:00`), or null while unresolved. */
  value: string | null;
  /** Granularity of `value`. */
  grain: DatePrecision | null;
  /** True when resolved from something other than the article's own publication date (e.g. the story's). */
  inferred: boolean;
  /** For relative expressions: what the resolution needs ("weekday:thursday:past", "month:-1"). */
  anchor?: string;
}

export type QuantityQualifier = 'exact' | 'about' | 'more-than' | 'less-than' | 'at-least' | 'at-most' | 'range';

export interface Quantity {
  span: Span;
  text: string;
  /** Central value (for ranges the low end is `low`, the high end `high`). */
  value: number;
  low: number | null;
  high: number | null;
  /** Normalised unit: `h` (durations normalised to hours), `USD`, `%`, `people`, `count`, ... */
  unit: string;
  qualifier: QuantityQualifier;
  /** What is counted or measured ("talks", "agreements", "people"), head noun lemma, if found. */
  counted: string | null;
}

/** The output of analyse: the article plus its standoff annotations. */
export interface AnnotatedArticle {
  article: Article;
  sentences: Sentence[];
  entities: EntityMention[];
  entityIndex: Entity[];
  quotes: Quote[];
  times: TimeExpr[];
  quantities: Quantity[];
  /** Words with part of speech, lemma and dependency tree (absent in results stored before the syntax layer). */
  tokens?: SyntaxToken[];
}
