/**
 * The articles of PolNeAR train a training script uses and the ones it holds out (train-attrib.ts,
 * train-content-ends.ts): the same fixed choice in both, so that models trained with the same
 * `--holdout N [--holdout-per-outlet]` are developed on the same held-out articles.
 */
import { mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface TrainSplit {
  /** The `.ann` files, sorted. */
  annFiles: string[];
  /** The text files (`<name>.txt`) trained on and held out, sorted. */
  train: string[];
  held: string[];
}

/**
 * File names sort by outlet ("nyt_…", "west-journal_…"), then date, so the last N articles are all
 * from the last outlet; `perOutlet` holds out the last round(N / outlets) articles of each outlet.
 */
export function trainSplit(data: string, holdout: number, perOutlet: boolean): TrainSplit {
  const annFiles = readdirSync(join(data, 'attributions'))
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const names = readdirSync(join(data, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const usable = names.filter((name) => annFiles.some((f) => f.startsWith(`${name.slice(0, -4)}_`)));
  const outletOf = (name: string) => name.slice(0, name.indexOf('_'));
  const outlets = [...new Set(usable.map(outletOf))];
  const each = Math.round(holdout / Math.max(1, outlets.length));
  const heldSet = new Set(!perOutlet ? usable.slice(usable.length - holdout) : outlets.flatMap((o) => usable.filter((n) => outletOf(n) === o).slice(-each)));
  if (holdout <= 0) return { annFiles, train: usable, held: [] };
  return { annFiles, train: usable.filter((n) => !heldSet.has(n)), held: usable.filter((n) => heldSet.has(n)) };
}

/** The annotation file scored and trained on for `name` (the first annotator's in sorted order), or undefined. */
export function goldAnnFile(annFiles: readonly string[], name: string): string | undefined {
  const base = name.slice(0, -4);
  return annFiles.find((f) => f.startsWith(`${base}_`) && /^_[0-9a-f]+\.ann$/.test(f.slice(base.length)));
}

/** Links the held-out articles into `dir` (text/, attributions/) so that eval:quotes can score them. */
export function linkHeldOut(data: string, split: TrainSplit, dir: string): void {
  linkArticles(data, split, split.held, dir);
}

/** Links the articles `names` into `dir` (text/, attributions/) so that eval:quotes can score them (a fold: train-quotes.ts). */
export function linkArticles(data: string, split: TrainSplit, names: readonly string[], dir: string): void {
  const out = resolve(dir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'text'), { recursive: true });
  mkdirSync(join(out, 'attributions'), { recursive: true });
  for (const name of names) {
    symlinkSync(resolve(data, 'text', name), join(out, 'text', name));
    for (const f of split.annFiles.filter((x) => x.startsWith(`${name.slice(0, -4)}_`))) symlinkSync(resolve(data, 'attributions', f), join(out, 'attributions', f));
  }
}
