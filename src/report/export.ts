import { stringify } from 'csv-stringify/sync';
import type { ReportStory } from './schema.js';

/**
 * Tables of stored stories for spreadsheets and scripts: CSV (RFC 4180 through csv-stringify) and
 * JSON Lines. The column sets are documented in the README ("Export"); a row is one story,
 * article, fact, conflict side or quote wording. CSV cells that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or carriage return) are prefixed with an apostrophe.
 */

// the table names and columns live apart from csv-stringify so the CLI's help loads without it
import { COLUMNS, type ExportKind } from './export-columns.js';

export { COLUMNS, EXPORT_KINDS, type ExportKind } from './export-columns.js';

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

const list = (xs: readonly string[]) => [...new Set(xs)].join('; ');

function outletOf(story: ReportStory): (id: string) => string {
  const byId = new Map(story.articles.map((a) => [a.id, a.outlet]));
  const placeholder = new Map((story.crossCheck?.sources ?? []).map((s) => [s.articleId, s.outlet]));
  return (id) => byId.get(id) ?? placeholder.get(id) ?? id;
}

function storyRows(s: ReportStory): Row[] {
  const cc = s.crossCheck;
  const count = (st: string) => (cc ? cc.facts.filter((f) => f.status === st).length : null);
  return [
    {
      story_id: s.id,
      title: s.title,
      articles: s.articleCount,
      independent_sources: s.independentSources,
      outlets: list(s.outlets),
      start: s.span.start,
      end: s.span.end,
      corroborated_facts: count('corroborated'),
      conflicting_facts: count('conflicting'),
      single_source_facts: count('single-source'),
      conflicts: cc ? cc.conflicts.filter((c) => c.severity === 'conflict').length : null,
      quotes: cc ? cc.quoteLedger.reduce((n, l) => n + l.statements.length, 0) : null,
    },
  ];
}

function articleRows(s: ReportStory): Row[] {
  return s.articles.map((a) => ({
    story_id: s.id,
    article_id: a.id,
    outlet: a.outlet,
    title: a.title,
    published: a.published,
    url: a.url,
    byline: list(a.byline),
    wire: a.wire,
    copy_of: a.copyOf,
    language: a.language,
    source: a.source,
  }));
}

const where = (e: { articleId: string; span: { start: number; end: number } } | undefined) => (e ? `${e.articleId}:${e.span.start}-${e.span.end}` : null);

function factRows(s: ReportStory): Row[] {
  const outlet = outletOf(s);
  return (s.crossCheck?.facts ?? []).map((f) => ({
    story_id: s.id,
    fact_id: f.id,
    status: f.status,
    statement: f.statement,
    independent_sources: f.independentSources,
    outlets: list(f.articles.map(outlet)),
    article_ids: list(f.articles),
    conflict_ids: list(f.conflictIds),
    evolving_ids: list(f.evolvingIds ?? []),
    evidence: where(f.evidence[0]),
  }));
}

function conflictRows(s: ReportStory): Row[] {
  const outlet = outletOf(s);
  return (s.crossCheck?.conflicts ?? []).flatMap((c) =>
    c.sides.map((side, i) => ({
      story_id: s.id,
      conflict_id: c.id,
      slot: c.slot,
      kind: c.kind,
      severity: c.severity,
      within_article: c.withinArticle,
      side: i + 1,
      value: side.value,
      wordings: list(side.wordings),
      outlets: list(side.articles.map(outlet)),
      article_ids: list(side.articles),
      evidence: where(side.evidence[0]),
    })),
  );
}

/** One row per step of an evolving figure (a total told higher on later days), in publication order. */
function evolvingRows(s: ReportStory): Row[] {
  const outlet = outletOf(s);
  return (s.crossCheck?.evolvingFigures ?? []).flatMap((e) =>
    e.steps.map((step, i) => ({
      story_id: s.id,
      evolving_id: e.id,
      slot: e.slot,
      kind: e.kind,
      label: e.label,
      step: i + 1,
      published: step.published,
      value: step.value,
      wordings: list(step.wordings),
      outlets: list(step.articles.map(outlet)),
      article_ids: list(step.articles),
      evidence: where(step.evidence[0]),
    })),
  );
}

function quoteRows(s: ReportStory): Row[] {
  const outlet = outletOf(s);
  return (s.crossCheck?.quoteLedger ?? []).flatMap((sp) =>
    sp.statements.flatMap((st) =>
      st.wordings.map((w) => ({
        story_id: s.id,
        statement_id: st.id,
        speaker: sp.name,
        speaker_id: sp.speaker,
        wording: w.text,
        kind: w.kind,
        relation: st.relation,
        outlets: list(w.articles.map(outlet)),
        article_ids: list(w.articles),
        independent_sources: st.independentSources,
        evidence: where(w.evidence[0]),
      })),
    ),
  );
}

const ROWS: Record<ExportKind, (s: ReportStory) => Row[]> = { stories: storyRows, articles: articleRows, facts: factRows, conflicts: conflictRows, evolving: evolvingRows, quotes: quoteRows };


export function exportRows(kind: ExportKind, stories: readonly ReportStory[]): Row[] {
  return stories.flatMap((s) => ROWS[kind](s));
}

/** A text cell a spreadsheet would evaluate (=, +, -, @, tab, CR first) gets a leading apostrophe. */
export function defuseFormula(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function toCsv(kind: ExportKind, rows: readonly Row[]): string {
  const cols = COLUMNS[kind];
  const data = rows.map((r) => cols.map((c) => {
    const v = r[c];
    return typeof v === 'string' ? defuseFormula(v) : v === null || v === undefined ? '' : String(v);
  }));
  return stringify(data, { header: true, columns: cols, record_delimiter: 'unix', quoted_match: /[\r\n"]/ });
}

export function toJsonl(rows: readonly Row[]): string {
  return rows.map((r) => `${JSON.stringify(r)}\n`).join('');
}

export function exportTable(kind: ExportKind, format: 'csv' | 'jsonl', stories: readonly ReportStory[]): string {
  const rows = exportRows(kind, stories);
  return format === 'csv' ? toCsv(kind, rows) : toJsonl(rows);
}
