/**
 * Running a stage under a guard: an exception, or a step that takes longer than its time budget,
 * becomes a message attached to the document or story concerned, and the run goes on. One bad
 * article must never take a whole run (or, once stored, every later run) down with it.
 *
 * JavaScript cannot pre-empt synchronous code, so a time budget is checked when the step returns:
 * the step's result is then still used or dropped as the caller decides (see `overBudget`), and
 * the steps that come after it are skipped. Hard limits that interrupt a stuck step live where a
 * separate thread or process runs the work (the server's worker, the CLI's per-document budget).
 */

export type Guarded<T> = { ok: true; value: T; ms: number } | { ok: false; error: string; ms: number };

/** Runs `step`; an exception becomes `{ ok: false, error }` with a one-line reason. */
export function guard<T>(step: () => T): Guarded<T> {
  const t0 = performance.now();
  try {
    const value = step();
    return { ok: true, value, ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, error: reasonOf(e), ms: performance.now() - t0 };
  }
}

/** `guard` for an asynchronous step: a rejection becomes `{ ok: false, error }`. */
export async function guardAsync<T>(step: () => Promise<T>): Promise<Guarded<T>> {
  const t0 = performance.now();
  try {
    const value = await step();
    return { ok: true, value, ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, error: reasonOf(e), ms: performance.now() - t0 };
  }
}

/** A one-line reason for a thrown value (stack overflows and range errors named plainly). */
export function reasonOf(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'input nested too deeply (call stack exhausted)';
  if (e instanceof Error) return `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}`.split('\n')[0].slice(0, 300);
  return String(e).slice(0, 300);
}

/** A deadline shared by the steps of one document: each step asks how much time is left. */
export class Budget {
  private readonly start = performance.now();
  constructor(readonly ms: number) {}

  get elapsed(): number {
    return performance.now() - this.start;
  }

  get exhausted(): boolean {
    return this.elapsed > this.ms;
  }
}
