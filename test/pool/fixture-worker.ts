/** A worker for the pool tests: echoes, names its thread, throws, loops forever or exits, as the input asks. */
import { parentPort, threadId } from 'node:worker_threads';
import { serveTasks } from '../../src/pool/pool.js';

serveTasks(parentPort, (input: { do: 'echo' | 'throw' | 'hang' | 'exit' | 'thread'; n: number }) => {
  if (input.do === 'thread') return threadId;
  if (input.do === 'throw') throw new Error(`bad input ${input.n}`);
  if (input.do === 'exit') process.exit(7);
  if (input.do === 'hang') for (;;);
  return input.n * 2;
});
