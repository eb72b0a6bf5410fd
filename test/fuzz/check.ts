/**
 * Invariants every output must keep, whatever the input: spans inside the text they index, dates
 * that are real calendar days in the sane years. Shared by the hostile-corpus test and the fuzz
 * properties. Not a test file itself.
 */
import assert from 'node:assert/strict';
import { validIsoDay } from '../../src/ingest/validate.js';
import type { AnnotatedArticle, Span } from '../../src/model/types.js';

export function assertSpan(s: Span | null | undefined, len: number, what: string) {
  if (!s) return;
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
  assert.ok(0 <= s.start && s.start <= s.end && s.end <= len, `${what}: [${s.start}, ${s.end}) inside text of length ${len}`);
}

/** A day-precision value ("2024-03-08", "2024-03-08T10:00+01:00", "2024-03-08/2024-03-09") names real days. */
export function assertDateValue(v: string | null | undefined, what: string) {
  if (!v) return;
  for (const part of v.split('/')) if (/^\d{4}-\d\d-\d\d/.test(part)) assert.ok(validIsoDay(part), `${what}: ${part} is a real day in 1800-2200`);
}

export function assertAnnotated(a: AnnotatedArticle) {
  const len = a.article.text.length;
  for (const s of a.sentences) assertSpan(s, len, 'sentence');
  for (const e of a.entities) assertSpan(e.span, len, 'entity');
  for (const q of a.quotes) {
    assertSpan(q.span, len, 'quote');
    assertSpan(q.speakerSpan, len, 'speaker');
    assertSpan(q.cue?.span, len, 'cue');
    for (const p of q.parts ?? []) assertSpan(p, len, 'quote part');
  }
  for (const t of a.times) {
    assertSpan(t.span, len, 'time');
    assertDateValue(t.value, `time "${t.text}"`);
  }
  for (const q of a.quantities) {
    assertSpan(q.span, len, 'quantity');
    assert.ok(Number.isFinite(q.value), `quantity "${q.text}" value ${q.value} is finite`);
    for (const b of [q.low, q.high]) assert.ok(b === null || Number.isFinite(b), `quantity "${q.text}" bounds are finite`);
  }
  assertDateValue(a.article.published?.iso, 'published');
}
