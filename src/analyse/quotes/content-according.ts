/**
 * "CLAUSE, according to X" attributes the whole sentence before the phrase to X:
 * PolNeAR's content is every word the source is given for, the sentence's fronted adjuncts ("Of 45
 * potential members submitted by Mr. Sanders, [she appointed just three]") and its coordinated or
 * subordinate clauses (", while …") included, as a report held in it ("Police have said …, according to
 * attorneys", NOTES.md session 26). The passes before often keep only the clause nearest the phrase.
 */
import { type QuoteDoc, trimSpan } from './document.js';
import { kindOf } from './segments.js';

/** What may stand between a content and its "according to": a comma, a dash, spaces. */
const JOIN = /^[\s,—–-]*$/;

/** Moves the start of each indirect content that "according to X" follows back to its sentence's start. */
export function accordingWholeSentence(d: QuoteDoc): void {
  const { text, quotes, sentences } = d;
  for (const q of quotes) {
    const cue = q.cue;
    if (!cue || q.kind !== 'indirect' || q.parts || cue.verb.toLowerCase() !== 'according') continue;
    if (q.span.end > cue.span.start || !JOIN.test(text.slice(q.span.end, cue.span.start))) continue;
    const sent = sentences[d.sentOf(cue.span.start)];
    if (!sent || q.span.start <= sent.start) continue;
    const whole = trimSpan(text, { start: sent.start, end: q.span.end });
    if (whole.start >= q.span.start) continue;
    // a speaker inside the new stretch would be X's own (pass 2 set none there); never hand the content its own speaker
    if (q.speakerSpan && q.speakerSpan.start < q.span.end && q.speakerSpan.end > whole.start) continue;
    q.span = whole;
    q.kind = kindOf(text, whole, d.segments);
  }
}
