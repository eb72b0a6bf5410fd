/**
 * Trains the entity tagger: an averaged structured perceptron with Viterbi decoding over BIO tags.
 *
 *   npm run train:ner [-- --epochs N --out models/entities.bin --train FILE --lexicons DIR --seed N]
 *
 * `--clusters data|rebuild|none`: the committed word clusters (default), built anew, or none.
 * `--lexicons DIR` also writes the derived resources (casing lexicon, word clusters, gazetteers,
 * name-type prior) as sorted `word<TAB>value` text files, so that two trainings can be diffed
 * resource by resource (a retrain that does not reproduce a model: which input moved).
 *
 * Data: ../shared/data/ner/conll2003/eng.train (CoNLL-2003 English, Reuters 1996), plus unlabeled
 * text for the casing lexicon, the name-type prior and rebuilt clusters: the CoNLL training tokens
 * and the PolNeAR article texts (../shared/data/attribution/polnear/{train,dev}/text); the word
 * clusters of data/lexicons/word-clusters.tsv. Deterministic: fixed shuffling seed,
 * sorted lexicons, no clock or randomness elsewhere.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences, tokenize } from '../src/analyse/tokenize.js';
import { chunks, conllDocuments, readConll, toBio } from '../src/analyse/entities/conll.js';
import { buildClusters, committedClusters } from '../src/analyse/entities/clusters.js';
import { documentFeatures, type Lexicons, NT, normToken, sentenceFeatures, TAG_INDEX, tokGazBit } from '../src/analyse/entities/features.js';
import { handGazetteer, TYPE_BIT } from '../src/analyse/entities/gazetteer.js';
import { SHIPPED_MODEL_PATH, deserializeModel, mergePasses, START, serializeModel, viterbi, writeTaggerFile } from '../src/analyse/entities/model.js';
import { prng } from '../src/util/random.js';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const SHARED = join(import.meta.dirname, '../../shared');
const TRAIN = opt('train', join(SHARED, 'data/ner/conll2003/eng.train'));
const OUT = opt('out', SHIPPED_MODEL_PATH);
const EPOCHS = Number(opt('epochs', '10'));
/** Shuffling seed (the shipped model's by default); another seed is another draw of the same model (NOTES.md). */
const SEED = Number(opt('seed', String(0x2545f491)));
const FOLDS = 5;
const BLOCK = 100; // sentences per jackknife block (the files carry no document boundaries)
/**
 * Word clusters: `data` reads data/lexicons/word-clusters.tsv (the shipped model's), `rebuild` builds
 * them from the unlabeled text, `none` trains without. A rebuild redraws every bit string after any
 * change in the text (clusters.ts), which moved testa F1 by up to 0.4 points: see NOTES.md.
 */
const CLUSTERS = opt('clusters', 'data');
if (!['data', 'rebuild', 'none'].includes(CLUSTERS)) throw new Error(`--clusters data|rebuild|none, not ${CLUSTERS}`);
const LEXICONS = opt('lexicons', '');
if (LEXICONS) mkdirSync(LEXICONS, { recursive: true });
/** Writes one derived resource for diffing (`--lexicons DIR`); the maps are already sorted. */
const writeLexicon = (name: string, m: Map<string, string | number>) => {
  if (LEXICONS) writeFileSync(join(LEXICONS, `${name}.tsv`), [...m].map(([k, v]) => `${k}\t${v}\n`).join(''));
};

const t0 = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

// ---------- data ----------
const conllSents = readConll(TRAIN);
const train = conllSents.map((s) => ({ words: s.words, tags: toBio(s.tags) }));
log(`train: ${train.length} sentences, ${train.reduce((a, s) => a + s.words.length, 0)} tokens`);

// Unlabeled text: CoNLL training tokens and PolNeAR articles, as token sequences.
const unlabeled: string[][] = train.map((s) => s.words.map(normToken));
/** Sentences of the PolNeAR articles alone (for the name-type prior: text the labels never saw). */
const news: string[][] = [];
for (const part of ['train', 'dev']) {
  const dir = join(SHARED, 'data/attribution/polnear', part, 'text');
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    for (const s of splitSentences(text)) {
      const words = tokenize(text, s.start, s.end).map((t) => normToken(t.text));
      unlabeled.push(words);
      news.push(words);
    }
  }
}
log(`unlabeled: ${unlabeled.length} sentences, ${unlabeled.reduce((a, s) => a + s.length, 0)} tokens`);

// ---------- lexicons ----------
const lowerKey = (w: string) => w.toLowerCase().replace(/[0-9]/g, '0');
function casingLexicon(sents: string[][]): Map<string, string> {
  const low = new Map<string, number>();
  const cap = new Map<string, number>();
  for (const s of sents) {
    let letters = 0;
    let caps = 0;
    for (const w of s) {
      if (/\p{L}/u.test(w) && w.length > 1) {
        letters++;
        if (w === w.toUpperCase()) caps++;
      }
    }
    if (letters >= 2 && caps / letters > 0.5) continue; // headline in capitals: no casing evidence
    for (let i = 1; i < s.length; i++) {
      const w = s[i];
      if (!/^\p{L}/u.test(w)) continue;
      if (/^[([{"'`-]$/.test(s[i - 1]) || /^[.!?:]$/.test(s[i - 1])) continue; // sentence-like start
      const k = lowerKey(w);
      if (w === w.toLowerCase()) low.set(k, (low.get(k) ?? 0) + 1);
      else if (/^\p{Lu}/u.test(w)) cap.set(k, (cap.get(k) ?? 0) + 1);
    }
  }
  const out = new Map<string, string>();
  const keys = [...new Set([...low.keys(), ...cap.keys()])].sort();
  for (const k of keys) {
    const l = low.get(k) ?? 0;
    const c = cap.get(k) ?? 0;
    if (l + c < 2) continue;
    const r = c / (l + c);
    out.set(k, r >= 0.95 ? 'C' : r >= 0.6 ? 'c' : r >= 0.2 ? 'm' : r >= 0.03 ? 'l' : 'L');
  }
  return out;
}

/** Every training entity (lower-cased) with the bits of the types it was seen as. */
function entityGazetteer(sents: { words: string[]; tags: string[] }[]): Map<string, number> {
  const g = new Map<string, number>();
  for (const s of sents) {
    for (const c of chunks(s.tags)) {
      const k = s.words.slice(c.start, c.end).map(normToken).map(lowerKey).join(' ');
      g.set(k, (g.get(k) ?? 0) | TYPE_BIT[c.type]);
    }
  }
  return new Map([...g].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** Every token of a training entity with its type and position (single, first, inside) bits. */
function tokenGazetteer(sents: { words: string[]; tags: string[] }[]): Map<string, number> {
  const g = new Map<string, number>();
  for (const s of sents) {
    for (const c of chunks(s.tags)) {
      for (let k = c.start; k < c.end; k++) {
        const w = lowerKey(normToken(s.words[k]));
        g.set(w, (g.get(w) ?? 0) | tokGazBit(c.type, c.end - c.start === 1 ? 2 : k === c.start ? 0 : 1));
      }
    }
  }
  return new Map([...g].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

const casing = casingLexicon(unlabeled);
log(`casing lexicon: ${casing.size} words`);
const clusters =
  CLUSTERS === 'data'
    ? committedClusters()
    : CLUSTERS === 'rebuild'
      ? buildClusters(unlabeled, log)
      : new Map<string, string>();
log(`clusters: ${clusters.size} words`);
const hand = handGazetteer();
const fullGaz = entityGazetteer(train);
const gazMaxLen = 6;
const foldOf = (i: number) => Math.floor(i / BLOCK) % FOLDS;
const foldGaz: Map<string, number>[] = [];
const foldTokGaz: Map<string, number>[] = [];
for (let f = 0; f < FOLDS; f++) {
  const rest = train.filter((_, i) => foldOf(i) !== f);
  foldGaz.push(entityGazetteer(rest));
  foldTokGaz.push(tokenGazetteer(rest));
}
const fullTokGaz = tokenGazetteer(train);
writeLexicon('casing', casing);
writeLexicon('clusters', clusters);
writeLexicon('hand', new Map([...hand].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))));
writeLexicon('gazetteer', fullGaz);
writeLexicon('token-gazetteer', fullTokGaz);
log(`gazetteer: ${fullGaz.size} phrases (jackknifed in ${FOLDS} folds for training features)`);

// ---------- features ----------
const rowOf = new Map<number, number>();
const keys: number[] = [];
const rowFor = (h: number) => {
  let r = rowOf.get(h);
  if (r === undefined) {
    r = keys.length;
    rowOf.set(h, r);
    keys.push(h);
  }
  return r;
};
const X: Int32Array[][] = [];
const Y: Uint8Array[] = [];
for (let i = 0; i < train.length; i++) {
  const s = train[i];
  const lex: Lexicons = { casing, clusters, gaz: foldGaz[foldOf(i)], hand, gazMaxLen, tokGaz: foldTokGaz[foldOf(i)] };
  const feats = sentenceFeatures(s.words, lex);
  X.push(
    feats.map((hs) => {
      const rows = new Int32Array(hs.length);
      for (let k = 0; k < hs.length; k++) rows[k] = rowFor(hs[k]);
      return rows;
    }),
  );
  Y.push(Uint8Array.from(s.tags.map((t) => TAG_INDEX.get(t) ?? 0)));
}
log(`features: ${keys.length} distinct`);

// ---------- averaged perceptron ----------
const TR = (NT + 1) * NT;

function emissions(w: Float64Array, xs: Int32Array[]): Float64Array {
  const n = xs.length;
  const em = new Float64Array(n * NT);
  for (let i = 0; i < n; i++) {
    const o = i * NT;
    for (const r of xs[i]) {
      const ro = r * NT;
      for (let t = 0; t < NT; t++) em[o + t] += w[ro + t];
    }
  }
  return em;
}

/** Averaged structured perceptron over the sentences `idx` with feature rows `feats`. */
function trainPerceptron(name: string, idx: number[], feats: Int32Array[][], rows: number) {
  const w = new Float64Array(rows * NT);
  const u = new Float64Array(rows * NT); // sum of c * update, for averaging
  const tw = new Float64Array(TR);
  const tu = new Float64Array(TR);
  let c = 1;
  const rand = prng(SEED);
  const order = [...idx];
  for (let ep = 1; ep <= EPOCHS; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    let tokens = 0;
    for (const si of order) {
      const xs = feats[si];
      const gold = Y[si];
      const n = xs.length;
      const pred = viterbi(emissions(w, xs), tw, n);
      tokens += n;
      let differs = false;
      for (let i = 0; i < n; i++) if (pred[i] !== gold[i]) differs = true;
      if (differs) {
        for (let i = 0; i < n; i++) {
          const g = gold[i];
          const p = pred[i];
          if (g !== p) {
            errors++;
            for (const r of xs[i]) {
              w[r * NT + g] += 1;
              u[r * NT + g] += c;
              w[r * NT + p] -= 1;
              u[r * NT + p] -= c;
            }
          }
          const gp = i === 0 ? START : gold[i - 1];
          const pp = i === 0 ? START : pred[i - 1];
          if (gp !== pp || g !== p) {
            tw[gp * NT + g] += 1;
            tu[gp * NT + g] += c;
            tw[pp * NT + p] -= 1;
            tu[pp * NT + p] -= c;
          }
        }
      }
      c++;
    }
    if (ep === EPOCHS || ep === 1) log(`${name} epoch ${ep}: ${errors} token errors / ${tokens} (${((100 * errors) / tokens).toFixed(2)}%)`);
  }
  for (let k = 0; k < w.length; k++) w[k] -= u[k] / c;
  for (let k = 0; k < TR; k++) tw[k] -= tu[k] / c;
  return { w, tw };
}

const R1 = keys.length;
const all = train.map((_, i) => i);

// First pass, cross-validated: each fold is tagged by a model that did not see it, so the second
// pass learns from first-pass output as noisy as it will be on new text.
const firstPass: Uint8Array[] = new Array(train.length);
for (let f = 0; f < FOLDS; f++) {
  const m = trainPerceptron(`first pass, fold ${f + 1}/${FOLDS}`, all.filter((i) => foldOf(i) !== f), X, R1);
  for (const i of all) if (foldOf(i) === f) firstPass[i] = viterbi(emissions(m.w, X[i]), m.tw, X[i].length);
}
const first = trainPerceptron('first pass', all, X, R1);

// Name-type prior: the first pass run over the unlabeled news articles; for each capitalised word
// (not sentence-initial) seen often enough, the type it was mostly given there.
const fullLex: Lexicons = { casing, clusters, gaz: fullGaz, hand, gazMaxLen, tokGaz: fullTokGaz };
const typeCounts = new Map<string, Int32Array>();
for (const words of news) {
  if (!words.length || words.length > 200) continue;
  const xs = sentenceFeatures(words, fullLex).map((hs) => {
    const rows: number[] = [];
    for (const h of hs) {
      const r = rowOf.get(h);
      if (r !== undefined && r < R1) rows.push(r);
    }
    return Int32Array.from(rows);
  });
  const tags = viterbi(emissions(first.w, xs), first.tw, xs.length);
  for (let i = 1; i < words.length; i++) {
    if (!/^\p{Lu}\p{Ll}/u.test(words[i])) continue;
    const k = lowerKey(words[i]);
    let c = typeCounts.get(k);
    if (!c) typeCounts.set(k, (c = new Int32Array(5)));
    c[tags[i] === 0 ? 0 : (tags[i] + 1) >> 1]++;
  }
}
const prior = new Map<string, string>();
for (const k of [...typeCounts.keys()].sort()) {
  const c = typeCounts.get(k)!;
  const total = c[0] + c[1] + c[2] + c[3] + c[4];
  if (total < 3) continue;
  let best = 0;
  for (let t = 1; t < 5; t++) if (c[t] > c[best]) best = t;
  const frac = c[best] / total;
  prior.set(k, `${'OPGLM'[best]}${frac >= 0.9 ? 3 : frac >= 0.7 ? 2 : 1}`);
}
writeLexicon('prior', prior);
log(`name-type prior: ${prior.size} words from ${news.length} news sentences`);

// Second pass: first-pass features plus document features.
const docs = conllDocuments(conllSents);
log(`documents: ${docs.length}`);
const X2: Int32Array[][] = new Array(train.length);
for (const d of docs) {
  const extra = documentFeatures(
    d.map((i) => train[i].words),
    d.map((i) => firstPass[i]),
    prior,
  );
  d.forEach((si, k) => {
    X2[si] = X[si].map((base, t) => {
      const hs = extra[k][t];
      const rows = new Int32Array(base.length + hs.length);
      rows.set(base);
      for (let q = 0; q < hs.length; q++) rows[base.length + q] = rowFor(hs[q]);
      return rows;
    });
  });
}
const second = trainPerceptron('document pass', all, X2, keys.length);

const lex = fullLex;
const meta = { trainedOn: 'CoNLL-2003 eng.train', epochs: EPOCHS, sentences: train.length };
// Each pass quantised and pruned (serializeModel), then both merged into the run-time tables.
const buf = serializeModel(Uint32Array.from(keys.slice(0, R1)), first.w, first.tw, lex, { ...meta, pass: 'first', features: R1 });
const none: Lexicons = { casing: new Map(), clusters: new Map(), gaz: new Map(), hand: new Map(), gazMaxLen: 0, tokGaz: new Map(), prior };
const buf2 = serializeModel(Uint32Array.from(keys), second.w, second.tw, none, { ...meta, pass: 'document', features: keys.length });
const file = writeTaggerFile(mergePasses(deserializeModel(buf), deserializeModel(buf2)));
writeFileSync(OUT, file);
log(`wrote ${OUT}: ${(file.length / 1e6).toFixed(2)} MB`);
