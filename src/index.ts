/**
 * Triangulate as a library: the functions the CLI and the server call.
 *
 *   import { analyze, crossCheck, render, openStore } from 'triangulate';
 *   const store = await openStore('triangulate.db');
 *   const analysis = await analyze(['articles/'], { store });
 *   const report = await crossCheck(store, analysis);
 *   process.stdout.write(render(report, 'markdown'));
 *   await store.close();
 *
 * `analyze` reads, extracts, analyses and stores documents and regroups the store into stories;
 * `crossCheck` builds the report of the stories that hold them; `render` writes a report as JSON,
 * Markdown, HTML or terminal text.
 */
export { type Analysis, analyze, type AnalyzeInput, type AnalyzeOptions, type InlineDocument } from './api/analyze.js';
export { crossCheck, type CrossCheckOptions, type StoredDocuments, type StoredStories } from './api/cross-check.js';
export { render, type RenderFormat } from './api/render.js';
export { openStore, type Store } from './store/index.js';
export type { InputHints } from './cli/input-meta.js';
export type { DocOutcome, RunOptions, RunSummary } from './pipeline.js';
export type { Report, ReportArticle, ReportStory } from './report/schema.js';
export type { TerminalOptions } from './report/render.js';
export type { StoryGroup } from './stories/index.js';
