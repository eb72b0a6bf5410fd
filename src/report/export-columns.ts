/** The tables of `export` and their columns, in order (also written as the CSV header when there is no row). */
export const EXPORT_KINDS = ['stories', 'articles', 'facts', 'conflicts', 'evolving', 'quotes'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const COLUMNS: Record<ExportKind, string[]> = {
  stories: ['story_id', 'title', 'articles', 'independent_sources', 'outlets', 'start', 'end', 'corroborated_facts', 'conflicting_facts', 'single_source_facts', 'conflicts', 'quotes'],
  articles: ['story_id', 'article_id', 'outlet', 'title', 'published', 'url', 'byline', 'wire', 'copy_of', 'language', 'source'],
  facts: ['story_id', 'fact_id', 'status', 'statement', 'independent_sources', 'outlets', 'article_ids', 'conflict_ids', 'evolving_ids', 'evidence'],
  conflicts: ['story_id', 'conflict_id', 'slot', 'kind', 'severity', 'within_article', 'side', 'value', 'wordings', 'outlets', 'article_ids', 'evidence'],
  evolving: ['story_id', 'evolving_id', 'slot', 'kind', 'label', 'step', 'published', 'value', 'wordings', 'outlets', 'article_ids', 'evidence'],
  quotes: ['story_id', 'statement_id', 'speaker', 'speaker_id', 'wording', 'kind', 'relation', 'outlets', 'article_ids', 'independent_sources', 'evidence'],
};
