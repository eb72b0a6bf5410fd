/**
 * Reads attribution annotations in brat standoff as PolNeAR writes them: `Source`, `Cue` and
 * `Content` text-bound spans (possibly discontinuous, "a b;c d") linked by `Attribution` /
 * `Attribution-no-source` events. Used by the training script; the scorer has its own reader.
 */
import type { Span } from '../../model/types.js';

export interface BratAttribution {
  /** Fragments of each role; empty when the event has no such argument. */
  source: Span[];
  cue: Span[];
  content: Span[];
}

function ranges(s: string): Span[] {
  const out: Span[] = [];
  for (const r of s.split(';')) {
    const [a, b] = r.trim().split(/\s+/).map(Number);
    if (Number.isFinite(a) && Number.isFinite(b) && b > a) out.push({ start: a, end: b });
  }
  return out;
}

/** The attributions of one `.ann` file, in file order. */
export function readBratAttributions(ann: string): BratAttribution[] {
  const tb = new Map<string, Span[]>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const m = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
    if (m) {
      tb.set(m[1], ranges(m[3]));
      continue;
    }
    if (/^E\d+\t/.test(line)) events.push(line.split('\t')[1] ?? '');
  }
  const out: BratAttribution[] = [];
  for (const ev of events) {
    const roles = new Map<string, string>();
    for (const part of ev.split(/\s+/)) {
      const [role, id] = part.split(':');
      if (role && id) roles.set(role.replace(/\d+$/, ''), id);
    }
    const get = (r: string) => tb.get(roles.get(r) ?? '') ?? [];
    out.push({ source: get('Source'), cue: get('Cue'), content: get('Content') });
  }
  return out;
}
