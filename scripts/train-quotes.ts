/**
 * Trains the quote pipeline's learned parts as one chain (issue 16): the cue classifier, then the
 * content-end ranker, then the content cut, then the pass thresholds, each on the out-of-fold
 * outputs of the one before. PolNeAR train is split in two folds by position (even / odd, as every
 * training script counts them); fold k's articles are read by models trained on the other fold, so a
 * ranker learns the scores and contents of articles its upstream models never saw (trained on the
 * shipped classifier's in-sample scores, a ranker cut a retrained classifier's gains: quotes/NOTES.md).
 *
 *   npm run train:quotes -- [--work DIR] [--steps taggers,cues,ends,cuts,thresholds] [--fold-taggers PREFIX]
 *     [--cue-cache FILE] [--scale] [--limit N] [--grid NAME=v1/v2,...]
 *
 * 1. taggers: `train:attrib --fold k` -> DIR/attrib.foldk.bin (or `--fold-taggers PREFIX`: PREFIXk.bin,
 *    already trained; the tagger itself is trained on gold alone and is not part of the chain).
 * 2. cues: `train:cues --folds` -> models/cues.bin and DIR/cues.foldk.bin (`--cache`: DIR/cues-cache.json
 *    or `--cue-cache`; `--scale` maps the scores onto the scale the thresholds were chosen on).
 * 3. ends: `train:content-ends` with fold k read by the fold tagger and fold classifier k ->
 *    models/content-ends.bin; then, from the same cache, `--for-fold k` -> DIR/content-ends.foldk.bin.
 * 4. cuts: `train:content-cuts` with fold k read by the fold tagger, classifier and end ranker k ->
 *    models/content-cuts.bin; `--check-fold k` -> DIR/content-cuts.foldk.bin.
 * 5. thresholds: `eval:quotes` on each fold's articles (the first `--limit N` of each) with that
 *    fold's models, for each setting of the grid (pass 3's threshold, the review's action floor, the
 *    end ranker's and the cut's keep bonus, one knob at a time around the shipped value): out of fold
 *    end to end. It prints the figures; the constants stay in the code (parse-contents.ts, review.ts,
 *    content-ends.ts, content-cuts.ts) and are changed by hand from this table, not from dev.
 *
 * Caches (DIR/ends-cache.json, DIR/cuts-cache.json) are reused when present: delete them after a
 * change upstream. Deterministic: each step is. The dev split is never read.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { linkArticles, trainSplit } from './polnear-split.js';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, '../shared/data/attribution/polnear/train');
const WORK = resolve(opt('work', '/tmp/train-quotes'));
const STEPS = new Set(opt('steps', 'taggers,cues,ends,cuts,thresholds').split(','));
const TAGGERS = opt('fold-taggers', join(WORK, 'attrib.fold'));
const CUES = join(WORK, 'cues.fold');
const ENDS = join(WORK, 'content-ends.fold');
const CUTS = join(WORK, 'content-cuts.fold');
const LIMIT = opt('limit', '');

const t0 = performance.now();
const log = (msg: string) => console.log(`[train-quotes ${((performance.now() - t0) / 1000).toFixed(0)}s] ${msg}`);

/** Runs one of the scripts in this folder; its output goes to ours unless `quiet` (then returned). */
function run(script: string, scriptArgs: string[], env: Record<string, string> = {}, quiet = false): string {
  log(`${script} ${scriptArgs.join(' ')}${Object.keys(env).length ? ` (${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ')})` : ''}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', script), ...scriptArgs], {
    cwd: ROOT,
    stdio: quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`train-quotes: ${script} failed`);
  return quiet ? r.stdout : '';
}

mkdirSync(WORK, { recursive: true });
if (STEPS.has('taggers')) {
  if (args.includes('--fold-taggers') && [0, 1].every((k) => existsSync(`${TAGGERS}${k}.bin`))) log(`fold taggers given: ${TAGGERS}0.bin, ${TAGGERS}1.bin`);
  else for (const k of [0, 1]) run('train-attrib.ts', ['--fold', String(k), '--out', `${TAGGERS}${k}.bin`]);
}
if (STEPS.has('cues')) {
  const scale = args.includes('--scale') ? ['--scale'] : [];
  // written in the work folder (the folds go next to the model), then the model shipped
  run('train-cues.ts', ['--folds', '--cache', opt('cue-cache', join(WORK, 'cues-cache.json')), '--out', join(WORK, 'cues.bin'), ...scale]);
  copyFileSync(join(WORK, 'cues.bin'), join(ROOT, 'models', 'cues.bin'));
}
const upstream = ['--fold-models', TAGGERS, '--cue-fold-models', CUES];
if (STEPS.has('ends')) {
  const cache = ['--cache', join(WORK, 'ends-cache.json')];
  run('train-content-ends.ts', [...upstream, ...cache]);
  for (const k of [0, 1]) run('train-content-ends.ts', [...upstream, ...cache, '--for-fold', String(k), '--out', `${ENDS}${k}.bin`]);
}
if (STEPS.has('cuts')) {
  const cache = ['--cache', join(WORK, 'cuts-cache.json'), '--ends-fold-models', ENDS];
  run('train-content-cuts.ts', [...upstream, ...cache]);
  for (const k of [0, 1]) run('train-content-cuts.ts', [...upstream, ...cache, '--check-fold', String(k), '--out', `${CUTS}${k}.bin`]);
}
if (STEPS.has('thresholds')) thresholds();

/** The knobs of step 5: environment variable, shipped value, values tried (one knob moved at a time). */
function grid(): { env: string; values: string[] }[] {
  const knobs: Record<string, { env: string; values: string }> = {
    pass3: { env: 'TRIANGULATE_PASS3_THRESHOLD', values: '10/6/14' },
    action: { env: 'TRIANGULATE_ACTION_FLOOR', values: '-10/-6/-14' },
    keep: { env: 'TRIANGULATE_KEEP_BONUS', values: '16/8/24' },
    cut: { env: 'TRIANGULATE_CUT_BONUS', values: '8/4/12' },
  };
  for (const g of opt('grid', '').split(',').filter(Boolean)) {
    const [name, values] = g.split('=');
    if (!knobs[name]) throw new Error(`--grid: no knob ${name} (${Object.keys(knobs).join(', ')})`);
    knobs[name].values = values;
  }
  return Object.values(knobs).map((k) => ({ env: k.env, values: k.values.split('/') }));
}

/** Step 5: out of fold end to end, each fold's articles with the models that did not see them, per threshold setting. */
function thresholds(): void {
  const split = trainSplit(DATA, 0, false);
  const folds = [0, 1].map((k) => {
    const dir = join(WORK, `train-fold${k}`);
    linkArticles(DATA, split, split.train.filter((_, i) => i % 2 === k), dir);
    return dir;
  });
  const settings: Record<string, string>[] = [{}];
  for (const { env, values } of grid()) for (const v of values.slice(1)) settings.push({ [env]: v });
  const keys = ['overlapF1', 'exactF1', 'speakerAccuracy', 'directOverlapF1', 'speechOverlapF1', 'speakerNameAccuracy'] as const;
  const rows: string[] = [];
  for (const setting of settings) {
    const figures = folds.map((dir, k) => {
      const env = { TRIANGULATE_ATTRIB_MODEL: `${TAGGERS}${k}.bin`, TRIANGULATE_CUE_MODEL: `${CUES}${k}.bin`, TRIANGULATE_CONTENT_ENDS_MODEL: `${ENDS}${k}.bin`, TRIANGULATE_CONTENT_CUTS_MODEL: `${CUTS}${k}.bin`, ...setting };
      const out = run('eval-quotes.ts', [dir, '--no-speed', '--part', 'whole', ...(LIMIT ? ['--limit', LIMIT] : [])], env, true);
      return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, number>;
    });
    const label = Object.entries(setting).map(([k, v]) => `${k.replace('TRIANGULATE_', '')}=${v}`).join(' ') || 'shipped thresholds';
    rows.push(`${label.padEnd(28)} ${keys.map((key) => `${key} ${figures.map((f) => f[key]?.toFixed(4)).join(' / ')}`).join('  ')}`);
    log(rows[rows.length - 1]);
  }
  console.log(`\nout of fold on PolNeAR train (fold 0 / fold 1${LIMIT ? `, first ${LIMIT} articles of each` : ''}):\n${rows.join('\n')}`);
}
