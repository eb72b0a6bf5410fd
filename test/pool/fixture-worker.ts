/** A worker for the pool tests: echoes, throws, loops forever or exits, as the input asks. */
import { parentPort } from 'node:worker_threads';
import { serveTasks } from '../../src/pool/pool.js';

serveTasks(parentPort, (input: { do: 'echo' | 'throw' | 'hang' | 'exit'; n: number }) => {
  if (input.do === 'throw') throw new Error(`bad input ${input.n}`);
  if (input.do === 'exit') process.exit(7);
  if (input.do === 'hang') for (;;);
  return input.n * 2;
});
