import type { AnnotatedArticle, Article, EntityMention, Sentence, Span } from '../model/types.js';
import { entityIndex, recogniseEntities } from './entities/index.js';
import { findQuantities } from './quantities.js';
import { findQuotes } from './quotes.js';
import { parseSentences } from './syntax/index.js';
import { findTimes } from './time.js';
import { splitSentences } from './tokenize.js';

/**
 * The components of `analyse`, in the manner of a spaCy pipeline: each declares its name, the
 * layers it requires and assigns, its own version and its documented defaults, and runs over the
 * layers assigned before it. `analyseArticle` (index.ts) runs them in this order under a guard and
 * a time budget; `staleLayers` says which layers a change of versions makes stale, so that one
 * component's change recomputes only what depends on it.
 */

/** The annotation layers of one article (AnnotatedArticle without the article). */
export type Layers = Omit<AnnotatedArticle, 'article'>;
export type LayerName = keyof Layers;

/** What a component reads: the article, its text, and the head of the text its size budget allows. */
export interface ComponentInput {
  article: Article;
  /** The article's text. */
  text: string;
  /** The prefix of the text the size-bounded components read (ends at a sentence end). */
  head: string;
  /** The sentences inside `head`. */
  headSentences: Sentence[];
  /** Layers assigned so far. */
  layers: Partial<Layers>;
}

export interface Component {
  name: string;
  /** Layers it reads (assigned by components before it). */
  requires: LayerName[];
  /** Layers it writes. */
  assigns: LayerName[];
  /** Bump when what it produces changes: stored layers of an older version are recomputed. */
  version: string;
  /** Its settings and their default values, as documented. */
  defaults: Readonly<Record<string, unknown>>;
  /** Reads only `head` (the size budget), not the whole text. */
  sizeBounded: boolean;
  /** Warnings it returns go to the article's messages (stage `analyse`). */
  run(input: ComponentInput): { layers: Partial<Layers>; warnings?: (string | { message: string; span?: Span })[] };
}

/** A layer that must be there: a component only runs after the ones that assign what it requires. */
function need<K extends LayerName>(input: ComponentInput, name: K): NonNullable<Layers[K]> {
  const v = input.layers[name];
  if (v === undefined) throw new Error(`layer ${name} is missing`);
  return v as NonNullable<Layers[K]>;
}

/** A quantity whose value is not a finite number ("1e400 people") would be stored as null. */
const finite = (n: number | null) => n === null || Number.isFinite(n);

export const COMPONENTS: readonly Component[] = [
  {
    name: 'sentences',
    requires: [],
    assigns: ['sentences'],
    version: 'sentences-2',
    defaults: { splitter: 'text/tokenize.ts splitSentences (abbreviations, initials, quoted questions)' },
    sizeBounded: false,
    run: ({ text }) => ({ layers: { sentences: splitSentences(text) } }),
  },
  {
    name: 'entities',
    requires: ['sentences'],
    assigns: ['entities', 'entityIndex'],
    version: 'entities-6', // entities-6: street addresses are places and initials start a name whatever the tagger read (entities NOTES, session 31); entities-5: the model's embedded hand gazetteer without the seed places it carried (session 30)
    defaults: { model: 'models/entities.bin (averaged perceptron, CoNLL-2003 tags)', gazetteers: 'data/places, data/lexicons/organisations.tsv' },
    sizeBounded: true,
    run: ({ head, headSentences }) => {
      const entities: EntityMention[] = recogniseEntities(head, headSentences);
      return { layers: { entities, entityIndex: entityIndex(entities) } };
    },
  },
  {
    name: 'syntax',
    requires: ['sentences'],
    assigns: ['tokens'],
    version: 'syntax-3',
    defaults: { model: 'models/syntax.bin (tagger + arc-hybrid parser, UD English)' },
    sizeBounded: true,
    run: ({ head, headSentences }) => {
      const syntax = parseSentences(head, headSentences);
      return { layers: { tokens: syntax.tokens }, warnings: syntax.messages };
    },
  },
  {
    name: 'quotes',
    requires: ['sentences', 'entities', 'tokens'],
    assigns: ['quotes'],
    version: 'quotes-26',
    defaults: { cues: 'data/lexicons/attribution-cues.tsv', speakers: 'people or organisations, by the head of their phrase and its WordNet class (data/lexicons/speaker-nouns.tsv)' },
    sizeBounded: true,
    // the parse tells the quotes what each cue's lemma is and who its subject is (quotes/review.ts)
    run: (input) => {
      const warnings: { message: string; span: Span }[] = [];
      const quotes = findQuotes(input.head, input.headSentences, need(input, 'entities'), { tokens: need(input, 'tokens'), warnings });
      return { layers: { quotes }, warnings };
    },
  },
  {
    name: 'times',
    requires: ['sentences'],
    assigns: ['times'],
    version: 'times-3',
    defaults: { anchor: "the article's publication date (none: left unresolved for the story's date)" },
    sizeBounded: false,
    run: (input) => ({ layers: { times: findTimes(input.text, need(input, 'sentences'), input.article.published) } }),
  },
  {
    name: 'quantities',
    requires: ['sentences'],
    assigns: ['quantities'],
    // quantities-12: sums with a letter scale ("$200MM", "$1.2B", "€12mln", "40M dollars"), a code before ("EUR 3bn"), other dollars ("C$", "A$")
    // quantities-13: a count in thousands with a glued "K" before a plural noun ("30K people" is 30,000; "a 5K race" stays none)
    // quantities-14: ordinals ranking a noun are values, unit `ordinal` ("his sixth defense", "in the 4th quarter"; analyse/ordinals.ts); "twenty-first" is no 20;
    //   the minutes of a clock are no count ("with 4:43 left" was 43)
    // quantities-15: a game clock's reading with no unit is a span in minutes and seconds where the words after say it is the clock ("with 10:03 to play", "4:48 left", "at the 2:15 mark", "at 2:15 of the seventh round")
    // quantities-16: the period after "of the" is read from text/numbers.ts' one list (ordinals to nineteenth, "innings" too)
    // quantities-17: a toll told through the phrase naming its event ("the death toll from the sinking of a ferry off X rose to 23");
    //   "Jane Roe, who is 34," an age; "150 km/h", "60 miles per hour", "90 mph" speeds (units `km/h`, `mph`), not distances
    version: 'quantities-17',
    defaults: { frames: 'data/lexicons/quantity-frames.tsv', numbers: 'text/numbers.ts readNumber' },
    sizeBounded: false,
    run: (input) => ({
      layers: { quantities: findQuantities(input.text, need(input, 'sentences')).filter((q) => Number.isFinite(q.value) && finite(q.low) && finite(q.high)) },
    }),
  },
];

/** The version of every component, as stored with an article's annotations. */
export function componentVersions(components: readonly Component[] = COMPONENTS): Record<string, string> {
  return Object.fromEntries(components.map((c) => [c.name, c.version]));
}

/**
 * What `analyse` does around its components (the size and time budgets, the shape of its messages).
 * Bump it when that changes: every stored annotation is then made again from scratch. A change
 * inside one component bumps that component's version instead.
 */
// analyse-13: the annotations version lists each component's version; a change re-runs only the stale components
export const ANALYSE_STAGE_VERSION = 'analyse-13';

/**
 * The version stored with an article's annotations: the stage's version followed by each
 * component's (`analyse-13 sentences=sentences-1 entities=entities-2 ...`), so that the store's
 * reuse decision can tell which components made the stored layers (`recordedVersions`).
 */
export function annotationsVersion(components: readonly Component[] = COMPONENTS): string {
  return [ANALYSE_STAGE_VERSION, ...components.map((c) => `${c.name}=${c.version}`)].join(' ');
}

/**
 * The component versions an annotations version records, or null when it was written by another
 * version of the stage itself (or before components were recorded): then nothing stored is reused.
 */
export function recordedVersions(version: string | undefined): Record<string, string> | null {
  const [stage, ...parts] = (version ?? '').split(' ');
  if (stage !== ANALYSE_STAGE_VERSION) return null;
  const recorded: Record<string, string> = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq > 0) recorded[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return recorded;
}

/**
 * The components to run again when annotations were made with `stored` versions: those whose
 * version changed (or that are new), and every component that requires a layer one of them
 * assigns, transitively. The rest keep their stored layers.
 */
export function staleComponents(stored: Readonly<Record<string, string>>, components: readonly Component[] = COMPONENTS): Set<string> {
  const stale = new Set<string>();
  const staleLayers = new Set<LayerName>();
  for (const c of components) {
    if (stored[c.name] !== c.version || c.requires.some((l) => staleLayers.has(l))) {
      stale.add(c.name);
      for (const l of c.assigns) staleLayers.add(l);
    }
  }
  return stale;
}

/** Checks the registry's order: every layer a component requires is assigned by one before it. */
export function checkOrder(components: readonly Component[] = COMPONENTS): string[] {
  const problems: string[] = [];
  const assigned = new Set<LayerName>();
  const names = new Set<string>();
  for (const c of components) {
    if (names.has(c.name)) problems.push(`${c.name} is registered twice`);
    names.add(c.name);
    for (const l of c.requires) if (!assigned.has(l)) problems.push(`${c.name} requires ${l}, which no component before it assigns`);
    for (const l of c.assigns) assigned.add(l);
  }
  return problems;
}
