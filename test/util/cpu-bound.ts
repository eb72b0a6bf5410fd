/**
 * Time bounds that measure the work, not the machine's load. Not a test file itself.
 *
 * Wall-clock limits fail on a loaded machine although the code is fine (the clock also counts other
 * processes' turns), and a single limit says nothing about "linear". So:
 * - `withinCpu` bounds the CPU time (user + system of this process; the work runs in-process);
 * - `assertLinear` compares the CPU time of input size n and factor·n: linear grows by the factor,
 *   quadratic by its square, and the default bound (factor^1.5: 8 for 4x) lies between the two. Each
 *   size is run `repeats` times, alternating, and the fastest run counts (noise only ever adds time);
 *   the small time is floored at `floorMs` so that a few milliseconds of noise cannot make the ratio.
 */
import assert from 'node:assert/strict';

/** CPU milliseconds (user + system, this process) spent in `work`, and its result. */
export function cpuTime<T>(work: () => T): { result: T; ms: number } {
  const before = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}

/** Runs `work`, fails the test when it used more than `limitMs` of CPU time; returns its result. */
export function withinCpu<T>(limitMs: number, work: () => T, what = 'the work'): T {
  const { result, ms } = cpuTime(work);
  assert.ok(ms < limitMs, `${what} took ${ms.toFixed(0)} ms CPU (limit ${limitMs} ms)`);
  return result;
}

export interface LinearOptions {
  /** The small input size; the large one is `factor` times it. */
  n: number;
  /** Default 4. */
  factor?: number;
  /** Largest accepted ratio large/small; default factor^1.5 (8 for 4x, between linear 4 and quadratic 16). */
  maxRatio?: number;
  /** The small time is taken as at least this (default 10 ms), so tiny times do not divide noise. */
  floorMs?: number;
  /** Runs of each size, the fastest counting (default 3). */
  repeats?: number;
  what?: string;
}

/**
 * Fails the test when the CPU time of `work(make(factor·n))` exceeds `maxRatio` times that of
 * `work(make(n))`. The inputs are made before timing; returns the result of the large input's last run
 * (for the test's own checks) and the two times.
 */
export function assertLinear<I, R>(make: (n: number) => I, work: (input: I) => R, opts: LinearOptions): { large: R; smallMs: number; largeMs: number } {
  const factor = opts.factor ?? 4;
  const maxRatio = opts.maxRatio ?? factor ** 1.5;
  const floorMs = opts.floorMs ?? 10;
  const repeats = opts.repeats ?? 3;
  const smallInput = make(opts.n);
  const largeInput = make(opts.n * factor);
  let smallMs = Infinity;
  let largeMs = Infinity;
  let large: R | undefined;
  for (let i = 0; i < repeats; i++) {
    smallMs = Math.min(smallMs, cpuTime(() => work(smallInput)).ms);
    const run = cpuTime(() => work(largeInput));
    largeMs = Math.min(largeMs, run.ms);
    large = run.result;
  }
  const ratio = largeMs / Math.max(smallMs, floorMs);
  // CPU_BOUND_LOG=1 prints every measurement (to see the margins, or a deliberately quadratic copy fail)
  if (process.env.CPU_BOUND_LOG) console.log(`cpu-bound ${opts.what ?? 'work'}: ${smallMs.toFixed(1)} ms -> ${largeMs.toFixed(1)} ms (${(largeMs / Math.max(smallMs, floorMs)).toFixed(2)}x)`);
  assert.ok(
    ratio < maxRatio,
    `${opts.what ?? 'the work'}: ${factor}x the input took ${ratio.toFixed(1)}x the CPU time (${smallMs.toFixed(0)} ms -> ${largeMs.toFixed(0)} ms; linear is about ${factor}x, quadratic ${factor * factor}x, limit ${maxRatio.toFixed(1)}x)`,
  );
  return { large: large as R, smallMs, largeMs };
}
