/**
 * Evaluates the entity tagger on a CoNLL file, entity-level as conlleval computes it.
 *
 *   npm run eval:ner -- [file] [--model models/entities.bin] [--repeats 5] [--speakers DIR]
 *
 * Prints model load time, per-type and overall precision/recall/F1, tagging throughput
 * (tokens/s on one core, median of repeats), and ends with one JSON line.
 *
 * `--unit sentence` tags each sentence as a document of its own (no document pass evidence from
 * elsewhere: the short-text case); `--unit lead3` tags and scores only the first 3 sentences of each
 * document (the lead of a short article); `--unit pieces:N` cuts each document into pieces of N sentences. `--half 1` / `--half 2` scores the first / second half of
 * the documents (a fixed split by document order: develop on half 1, report half 2).
 *
 * `--speakers ../shared/data/attribution/polnear/dev` adds a check on modern web news: the share of
 * PolNeAR speakers written as capitalised names ("Hillary Clinton", "The New York Post" excluded by
 * its article, "He" excluded) that a PER or ORG mention covers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recogniseEntities } from '../src/analyse/entities/index.js';
import { splitSentences } from '../src/analyse/tokenize.js';
import { conllDocuments, readConll, scoreConll } from '../src/analyse/entities/conll.js';
import { TAGS } from '../src/analyse/entities/features.js';
import { DEFAULT_MODEL_PATH, readTagger } from '../src/analyse/entities/model.js';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const FILE = positional[0] ?? join(import.meta.dirname, '../../shared/data/ner/conll2003/eng.testa');
const MODEL = opt('model', DEFAULT_MODEL_PATH);
const REPEATS = Math.max(1, Number(opt('repeats', '3')));
const SPEAKERS = opt('speakers', '');
const UNIT = opt('unit', 'document');
const HALF = opt('half', '');
const PIECES = /^pieces:([1-9])$/.exec(UNIT);
if (!['document', 'sentence', 'lead3'].includes(UNIT) && !PIECES) throw new Error(`--unit document|sentence|lead3|pieces:N, not ${UNIT}`);
if (HALF && HALF !== '1' && HALF !== '2') throw new Error(`--half 1|2, not ${HALF}`);

const t0 = performance.now();
const tagger = readTagger(MODEL);
const loadMs = performance.now() - t0;

const allSents = readConll(FILE);
// Documents: -DOCSTART- when present, else Reuters datelines (see conllDocuments).
let allDocs = conllDocuments(allSents);
if (HALF) {
  const mid = Math.ceil(allDocs.length / 2);
  allDocs = HALF === '1' ? allDocs.slice(0, mid) : allDocs.slice(mid);
}
if (UNIT === 'lead3') allDocs = allDocs.map((d) => d.slice(0, 3));
// The scored sentences, renumbered; each unit of tagging is a list of their indices.
const sents = allDocs.flat().map((i) => allSents[i]);
let docs: number[][] = [];
let at = 0;
for (const d of allDocs) {
  docs.push(d.map(() => at++));
}
if (UNIT === 'sentence') docs = sents.map((_, i) => [i]);
if (PIECES) docs = docs.flatMap((d) => Array.from({ length: Math.ceil(d.length / +PIECES[1]) }, (_, k) => d.slice(k * +PIECES[1], (k + 1) * +PIECES[1])));
const tokens = sents.reduce((a, s) => a + s.words.length, 0);
const tagAll = (useDocumentPass: boolean): string[][] => {
  const out: string[][] = new Array(sents.length);
  for (const d of docs) {
    const tags = tagger.tagDocument(
      d.map((i) => sents[i].words),
      useDocumentPass,
    );
    d.forEach((si, k) => {
      out[si] = [...tags[k]].map((t) => TAGS[t]);
    });
  }
  return out;
};
let pred: string[][] = [];
const times: number[] = [];
const cpuTimes: number[] = [];
for (let r = 0; r < REPEATS; r++) {
  const t = performance.now();
  const c = process.cpuUsage();
  pred = tagAll(true);
  const used = process.cpuUsage(c);
  cpuTimes.push((used.user + used.system) / 1000);
  times.push(performance.now() - t);
}
cpuTimes.sort((a, b) => a - b);
const medianCpuMs = cpuTimes[Math.floor(cpuTimes.length / 2)];
const firstOnly = tagger.hasDocumentPass ? scoreConll(sents.map((s) => s.tags), tagAll(false)).overall : null;
times.sort((a, b) => a - b);
const medianMs = times[Math.floor(times.length / 2)];
const score = scoreConll(
  sents.map((s) => s.tags),
  pred,
);

const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
console.log(`file: ${FILE}`);
console.log(`model: ${MODEL}`);
console.log(`model load: ${loadMs.toFixed(0)} ms`);
console.log(`unit: ${UNIT}${HALF ? `, half ${HALF}` : ''}`);
console.log(`documents: ${docs.length}, document pass: ${tagger.hasDocumentPass ? 'yes' : 'no'}`);
console.log(`sentences: ${sents.length}, tokens: ${tokens}, token accuracy: ${pct(score.tokenAccuracy)}%`);
console.log('');
console.log('type   precision  recall      F1   gold  pred  correct');
for (const [t, s] of Object.entries(score.byType)) {
  console.log(`${t.padEnd(6)} ${pct(s.precision)}%  ${pct(s.recall)}%  ${pct(s.f1)}%  ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.correct).padStart(7)}`);
}
const o = score.overall;
console.log(`${'ALL'.padEnd(6)} ${pct(o.precision)}%  ${pct(o.recall)}%  ${pct(o.f1)}%  ${String(o.gold).padStart(5)} ${String(o.predicted).padStart(5)} ${String(o.correct).padStart(7)}`);
if (firstOnly) console.log(`(first pass alone: P ${pct(firstOnly.precision)}%  R ${pct(firstOnly.recall)}%  F1 ${pct(firstOnly.f1)}%)`);
console.log('');
// The process is single-threaded: CPU time is the one-core cost even when the machine is shared.
const tps = tokens / (medianCpuMs / 1000);
const wallTps = tokens / (medianMs / 1000);
console.log(
  `throughput: ${Math.round(tps)} tokens/s of CPU time on one core (median of ${REPEATS} runs, ${medianCpuMs.toFixed(0)} ms CPU per pass); ` +
    `wall clock ${Math.round(wallTps)} tokens/s`,
);
const r4 = (x: number) => Math.round(x * 10000) / 10000;

/** Share of PolNeAR speakers written as names that a PER/ORG mention covers (uses the shipped model). */
function speakerNameCoverage(dir: string): { names: number; covered: number; asPersonOrOrg: number } {
  const texts = readdirSync(join(dir, 'text')).sort();
  let names = 0;
  let covered = 0;
  let asPersonOrOrg = 0;
  for (const a of readdirSync(join(dir, 'attributions')).sort()) {
    const f = texts.find((t) => a.startsWith(t.replace(/\.txt$/, '')));
    if (!f) continue;
    const text = readFileSync(join(dir, 'text', f), 'utf8');
    const ms = recogniseEntities(text, splitSentences(text));
    for (const line of readFileSync(join(dir, 'attributions', a), 'utf8').split('\n')) {
      const m = /^T\d+\tSource (\d+) (\d+)\t(.*)$/.exec(line);
      if (!m) continue;
      const words = m[3].split(/\s+/);
      if (words.length > 4 || !words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) continue;
      if (/^(He|She|They|It|We|I|The|A|An|This|That|These|Those|His|Her|Their|Our|You|Many|Some|One)$/.test(words[0])) continue;
      if (/s$/.test(words[words.length - 1]) && words.length === 1) continue; // "Republicans", "Polls": groups, not names
      names++;
      const hit = ms.find((x) => x.span.start < +m[2] && x.span.end > +m[1]);
      if (hit) covered++;
      if (hit && (hit.type === 'PER' || hit.type === 'ORG')) asPersonOrOrg++;
    }
  }
  return { names, covered, asPersonOrOrg };
}
const speakers = SPEAKERS ? speakerNameCoverage(SPEAKERS) : null;
if (speakers) {
  console.log(
    `speakers written as names (${SPEAKERS}): ${speakers.names}, covered by a mention ${pct(speakers.covered / speakers.names)}%, ` +
      `as PER/ORG ${pct(speakers.asPersonOrOrg / speakers.names)}%`,
  );
}
console.log(
  JSON.stringify({
    precision: r4(o.precision),
    recall: r4(o.recall),
    f1: r4(o.f1),
    byType: Object.fromEntries(Object.entries(score.byType).map(([t, s]) => [t, { precision: r4(s.precision), recall: r4(s.recall), f1: r4(s.f1) }])),
    tokensPerSecond: Math.round(tps),
    wallTokensPerSecond: Math.round(wallTps),
    loadMs: Math.round(loadMs),
    firstPassF1: firstOnly ? r4(firstOnly.f1) : null,
    ...(speakers ? { speakerNamesCovered: r4(speakers.covered / speakers.names), speakerNamesPerOrg: r4(speakers.asPersonOrOrg / speakers.names) } : {}),
    tokens,
  }),
);
