import { inertOutput } from '../util/inert.js';
import type { Io } from './main.js';

/**
 * The command line's output with every control character from the inputs made visible (see
 * util/inert.ts): all stdout and stderr text passes through here, whatever the command and
 * whether colours are on, so a hostile title or file name cannot drive the terminal.
 * `stdoutColoured` keeps the SGR colour codes of the terminal report (which makes its own data
 * inert); `progress` is the raw stderr for the progress line's own carriage return.
 */
export function inertIo(io: Io): Io {
  return {
    ...io,
    stdout: (s) => io.stdout(inertOutput(s, false)),
    stderr: (s) => io.stderr(inertOutput(s, false)),
    stdoutColoured: (s) => io.stdout(inertOutput(s, true)),
    progress: io.progress ?? io.stderr,
  };
}
