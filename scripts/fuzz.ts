/**
 * The long fuzz campaign: every property of test/fuzz/properties.ts with many more runs.
 *
 *   npm run fuzz -- [--runs N] [--seed S] [--seconds T] [--only REGEX]
 *
 * --runs: runs per unit of weight (default 400; a property of weight 3 gets 1,200), --seed: the
 * seed (default: random, printed so a failure can be replayed), --seconds: time limit per property
 * (default 120). Prints the campaign's size and duration per property; exit 1 on any failure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { campaign } from '../test/fuzz/properties.js';

const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' }, seconds: { type: 'string' }, only: { type: 'string' } } });
const runsPerWeight = Number(values.runs ?? 400);
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const seconds = Number(values.seconds ?? 120);
console.log(`fuzz campaign: seed ${seed}, ${runsPerWeight} runs per weight, at most ${seconds} s per property`);
const t0 = performance.now();
const results = campaign({ seed, runsPerWeight, timeLimitMs: seconds * 1000, only: values.only ? new RegExp(values.only, 'i') : undefined });
const total = { runs: results.reduce((n, r) => n + r.runs, 0), ms: performance.now() - t0 };
console.log(`\n${'property'.padEnd(72)} ${'runs'.padStart(7)} ${'seconds'.padStart(8)}  result`);
for (const r of results) console.log(`${r.name.padEnd(72)} ${String(r.runs).padStart(7)} ${(r.ms / 1000).toFixed(1).padStart(8)}  ${r.failed ? 'FAILED' : 'ok'}`);
console.log(`${'total'.padEnd(72)} ${String(total.runs).padStart(7)} ${(total.ms / 1000).toFixed(1).padStart(8)}  ${results.some((r) => r.failed) ? 'FAILED' : 'ok'}`);
for (const r of results.filter((x) => x.failed)) console.log(`\n${r.name}\n${r.report}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/fuzz.json', `${JSON.stringify({ seed, runsPerWeight, seconds, total, results }, null, 2)}\n`);
process.exitCode = results.some((r) => r.failed) ? 1 : 0;
