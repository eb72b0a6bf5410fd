import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BudgetWorker } from '../../src/server/budget-worker.js';

// a closed server must start no thread again (nothing would terminate it) and run no job anywhere
test('a worker closed while it starts, or before a job, starts no thread and runs nothing', async () => {
  const starting = new BudgetWorker<{ db: string }, unknown>('group-worker');
  const ready = starting.start();
  await starting.close();
  await assert.rejects(ready, /group-worker is closed/);
  assert.equal(starting.broken, false, 'a close is not a thread that failed to start (callers would run the job inline)');
  await assert.rejects(starting.start(), /is closed/);

  const idle = new BudgetWorker<{ db: string }, unknown>('group-worker');
  await idle.close();
  await assert.rejects(idle.run({ db: ':memory:' }, 1_000), /group-worker is closed/);
});
