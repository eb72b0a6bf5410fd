/**
 * SYNTHETIC streams for the scale benchmarks, made by resampling and perturbing real full texts
 * (PolNeAR articles, ../shared/data/attribution/polnear). Labelled synthetic wherever reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { storyFeatures, type StoryFeatures, type StoryInput } from '../../src/stories/index.js';
import { prng } from '../../src/util/random.js';

const SHARED = new URL('../../../shared/', import.meta.url).pathname;

// ------------------------------------------------------------------------------------------------
// scale: a SYNTHETIC stream made by resampling and perturbing real full texts (PolNeAR articles)

/**
 * About 20 new events a day of 10-89 reports each (50 on average), over up to 4 days: with 924
 * base articles, a base comes back about every 46 days, after its previous event has closed.
 */
const LIVE_EVENTS = 40;
const NEW_EVENT_P = 0.02;

interface Base {
  title: string;
  paragraphs: string[][];
}

function loadBases(): Base[] {
  const out: Base[] = [];
  for (const part of ['train', 'dev']) {
    const dir = `${SHARED}data/attribution/polnear/${part}/text`;
    for (const f of readdirSync(dir).sort()) {
      const raw = readFileSync(`${dir}/${f}`, 'utf8');
      const paras = raw.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      if (paras.length < 2) continue;
      out.push({ title: paras[0], paragraphs: paras.slice(1).map((p) => p.split(/\s+/)) });
    }
  }
  return out;
}

/**
 * The stream: DOCS_PER_DAY articles a day; each event is a base article reported by several
 * outlets over 1–4 days; each report drops some paragraphs, swaps some words and gets a new
 * headline; a quarter of the reports are verbatim wire copies.
 */
export function* syntheticStream(n: number, seed: number): Generator<StoryInput & { event: number }> {
  const bases = loadBases();
  const vocab = bases.flatMap((b) => b.paragraphs.flat()).filter((_, i) => i % 97 === 0);
  const r = prng(seed);
  const DOCS_PER_DAY = 1000;
  const start = Date.UTC(2024, 0, 1);
  let live: { base: Base; day: number; left: number; wire: string | null; id: number; names: string[] }[] = [];
  const syll = ['ka', 'lo', 'mir', 'zan', 'tor', 'vel', 'qua', 'ris', 'bon', 'dex', 'ul', 'pha'];
  const name = () => {
    let w = '';
    for (let k = 0; k < 3; k++) w += syll[Math.floor(r() * syll.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
  let eventId = 0;
  for (let i = 0; i < n; i++) {
    const day = Math.floor(i / DOCS_PER_DAY);
    live = live.filter((e) => e.left > 0 && day - e.day < 4);
    if (live.length < LIVE_EVENTS || r() < NEW_EVENT_P)
      live.push({ base: bases[Math.floor(r() * bases.length)], day, left: 10 + Math.floor(r() * 80), wire: null, id: eventId++, names: [name(), name(), name()] });
    const ev = live[Math.floor(r() * live.length)];
    ev.left--;
    let text: string;
    let title: string;
    if (ev.wire !== null && r() < 0.25) {
      text = ev.wire;
      title = ev.base.title;
    } else {
      const paras = ev.base.paragraphs.filter(() => r() > 0.2);
      // each event has its own names (the base article is reused by other events)
      text = paras
        .map((p) => p.map((w) => (r() < 0.04 ? vocab[Math.floor(r() * vocab.length)] : r() < 0.02 ? ev.names[Math.floor(r() * 3)] : w)).join(' '))
        .join('\n\n');
      title = ev.base.title.split(' ').map((w) => (r() < 0.2 ? vocab[Math.floor(r() * vocab.length)] : w)).join(' ');
      if (ev.wire === null) ev.wire = text;
    }
    yield {
      event: ev.id,
      id: `syn-${i}`,
      title,
      text,
      outlet: `outlet-${Math.floor(r() * 300)}`,
      published: new Date(start + day * 86_400_000 + Math.floor(r() * 86_400_000)).toISOString(),
      eventDates: [],
      entities: [],
    };
  }
}

/**
 * The same stream one stage later: persisted story features of already-analysed articles
 * (features of the base articles, perturbed per report: terms dropped, event names added,
 * sketches partly redrawn, verbatim copies sharing the wire sketch). Used for the 1M run, which
 * measures grouping alone.
 *
 * `personIds`: each event's three names are person ids (`PER:`, named twice: the article's
 * protagonists, as the recogniser gives them) instead of capitalised-name ids (`NAME:`), so that
 * articles may wake dormant stories (follow-up.ts: only articles with a protagonist look dormant
 * stories up). The random draws are the same, so the default stream's output is unchanged and the
 * two streams differ only in those ids.
 */
export function* syntheticFeatureStream(n: number, seed: number, options: { personIds?: boolean } = {}): Generator<StoryFeatures> {
  const namePrefix = options.personIds ? 'PER:' : 'NAME:';
  const bases = loadBases().map((b, i) =>
    storyFeatures({ id: `base-${i}`, title: b.title, text: b.paragraphs.map((p) => p.join(' ')).join('\n\n'), outlet: null, published: null, eventDates: [], entities: [] }),
  );
  const r = prng(seed);
  const DOCS_PER_DAY = 1000;
  let live: { base: StoryFeatures; day: number; left: number; id: number; names: string[]; wire: StoryFeatures | null }[] = [];
  let eventId = 0;
  for (let i = 0; i < n; i++) {
    const day = Math.floor(i / DOCS_PER_DAY);
    live = live.filter((e) => e.left > 0 && day - e.day < 4);
    if (live.length < LIVE_EVENTS || r() < NEW_EVENT_P) {
      const id = eventId++;
      live.push({ base: bases[Math.floor(r() * bases.length)], day, left: 10 + Math.floor(r() * 80), id, names: [`ev${id}a`, `ev${id}b`, `ev${id}c`], wire: null });
    }
    const ev = live[Math.floor(r() * live.length)];
    ev.left--;
    const b = ev.base;
    let f: StoryFeatures;
    if (ev.wire && r() < 0.25) f = { ...ev.wire, id: `syn-${i}`, outlet: `outlet-${Math.floor(r() * 300)}`, day };
    else {
      const terms = b.terms.filter(() => r() > 0.2).concat(ev.names.map((x) => [x, 2] as [string, number]));
      const sig = b.sketch ? b.sketch.sig.map((v) => (r() < 0.3 ? Math.floor(r() * 2 ** 31) : v)) : [];
      f = {
        ...b,
        id: `syn-${i}`,
        outlet: `outlet-${Math.floor(r() * 300)}`,
        day,
        published: null,
        terms,
        entities: b.entities.filter(() => r() > 0.2).concat(ev.names.map((x) => [`${namePrefix}${x}`, 2] as [string, number])),
        sketch: b.sketch ? { k: b.sketch.k, sig } : null,
        textHash: `${b.textHash}-${i}`,
      };
      if (!ev.wire) ev.wire = f;
    }
    yield f;
  }
}

