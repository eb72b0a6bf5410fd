/**
 * Interview transcripts: each paragraph that opens with a speaker label in capitals ("PENCE: Well,
 * …") is one turn, quoted as a whole.
 */
import type { Quote, Span } from '../../model/types.js';
import { tokenAt } from '../tokenize.js';
import type { QuoteDoc } from './document.js';
import { forms } from './words.js';

/** Capitalised labels that head a paragraph without being a speaker ("UPDATE: …", "VIDEO: …"). */
const NOT_SPEAKER_LABELS = forms(`
  UPDATE UPDATED VIDEO WATCH EXCLUSIVE BREAKING BYLINE EMAIL NOTE PHOTO PHOTOS SOURCE SOURCES EDITOR READ MORE RELATED
  CORRECTION CLARIFICATION WARNING ALERT LIVE REPORT ANALYSIS OPINION EDITORIAL FACT CHECK TOPICS TAGS CREDIT`);

/**
 * Speaker turns of an interview transcript: paragraphs that open (after an optional quotation
 * mark) with a label of one to three words in capitals and a colon ("PENCE:", "JAKE TAPPER:"). Only
 * when the text has at least two such paragraphs with at least two different labels (a dialogue),
 * so that a lone "UPDATE:" or "BYLINE:" is not a speaker.
 */
export function transcriptTurns(text: string): { label: Span; content: Span }[] {
  const out: { label: Span; content: Span; name: string }[] = [];
  const re = /^[ \t]*["“]?((?:\p{Lu}[\p{Lu}.’'-]+)(?: \p{Lu}[\p{Lu}.’'-]+){0,2}):[ \t]+(?=\S)/gmu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1];
    if (name.split(' ').some((w) => NOT_SPEAKER_LABELS.has(w.replace(/[.’'-]/g, '')))) continue;
    const labelStart = m.index + m[0].indexOf(name);
    let end = text.indexOf('\n', m.index);
    if (end < 0) end = text.length;
    const contentStart = m.index + m[0].length;
    while (end > contentStart && /[\s"”]/.test(text[end - 1])) end--;
    if (end - contentStart < 2) continue;
    out.push({ label: { start: labelStart, end: labelStart + name.length }, content: { start: contentStart, end }, name });
  }
  if (out.length < 2 || new Set(out.map((t) => t.name)).size < 2) return [];
  return out.map(({ label, content }) => ({ label, content }));
}

/**
 * The turns of a transcript become quotes; a quote that runs across a label (a quotation left open
 * over the paragraphs of a quoted transcript) gives way to the turns.
 */
export function transcriptQuotes(d: QuoteDoc): void {
  const { text, toks, quotes } = d;
  const turns = transcriptTurns(text);
  if (turns.length) {
    const crosses = (q: Quote) => turns.some((t) => q.span.start < t.label.end && q.span.end > t.label.start);
    const keep = quotes.filter((q) => !crosses(q));
    quotes.length = 0;
    quotes.push(...keep);
    for (const t of turns) {
      const colon = toks[tokenAt(toks, t.label.end)];
      const q = d.make(t.content, t.label, colon ?? null, 'direct');
      if (q) quotes.push(q);
    }
  }
}
