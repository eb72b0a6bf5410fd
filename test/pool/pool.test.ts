import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { WorkerPool } from '../../src/pool/pool.js';

type In = { do: 'echo' | 'throw' | 'hang' | 'exit' | 'thread'; n: number };
const pool = new WorkerPool<In, number>(new URL('./fixture-worker.ts', import.meta.url), { size: 2, taskLimitMs: 1500 });
after(() => pool.close());

test('runs tasks on several workers and returns each result', async () => {
  const out = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run({ do: 'echo', n })));
  assert.deepEqual(out, [2, 4, 6, 8, 10]);
});

test('a task that throws, hangs or kills its worker fails alone; the pool goes on', async () => {
  const results = await Promise.allSettled([
    pool.run({ do: 'throw', n: 1 }),
    pool.run({ do: 'hang', n: 2 }),
    pool.run({ do: 'exit', n: 3 }),
    pool.run({ do: 'echo', n: 4 }),
  ]);
  assert.equal(results[0].status, 'rejected');
  assert.match(String((results[0] as PromiseRejectedResult).reason), /bad input 1/);
  assert.match(String((results[1] as PromiseRejectedResult).reason), /longer than/);
  assert.match(String((results[2] as PromiseRejectedResult).reason), /exited \(7\)/);
  assert.deepEqual(results[3], { status: 'fulfilled', value: 8 });
  assert.equal(await pool.run({ do: 'echo', n: 21 }), 42);
});

test('a worker is replaced by a fresh one after recycleAfter tasks, every task answered', async () => {
  const small = new WorkerPool<In, number>(new URL('./fixture-worker.ts', import.meta.url), { size: 1, recycleAfter: 3 });
  try {
    const threads: number[] = [];
    for (let n = 0; n < 7; n++) threads.push(await small.run({ do: 'thread', n }));
    // tasks 1-3 on one thread, 4-6 on a second, 7 on a third
    assert.equal(new Set(threads).size, 3);
    assert.deepEqual(threads.map((t) => threads.indexOf(t)), [0, 0, 0, 3, 3, 3, 6]);
    assert.equal(await small.run({ do: 'echo', n: 5 }), 10);
  } finally {
    await small.close();
  }
});
