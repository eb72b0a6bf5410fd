import { type ParseArgsConfig, parseArgs } from 'node:util';

/**
 * Command-line options: one catalogue of every option, and per command the subset it accepts.
 * An option of another command is refused with a pointer to that command's --help instead of
 * being silently ignored (`stories --out X`).
 */

export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose --help the message points to (null: the global help). */
    readonly command: string | null = null,
  ) {
    super(message);
  }
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder of the value in help texts. */
  arg?: string;
  /** May be given more than once (the value is then a list). */
  multiple?: boolean;
}

export const OPTIONS: Record<string, OptionSpec> = {
  db: { type: 'string', arg: 'PATH' },
  format: { type: 'string', arg: 'F' },
  out: { type: 'string', arg: 'DIR' },
  'max-size': { type: 'string', arg: 'MB' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean', short: 'v' },
  'no-color': { type: 'boolean' },
  port: { type: 'string', arg: 'N' },
  host: { type: 'string', arg: 'H' },
  token: { type: 'string', arg: 'T' },
  private: { type: 'boolean' },
  'allowed-host': { type: 'string', arg: 'NAME', multiple: true },
  q: { type: 'string', arg: 'WORDS' },
  limit: { type: 'string', arg: 'N' },
  since: { type: 'string', arg: 'DATE' },
  outlet: { type: 'string', arg: 'NAME' },
  published: { type: 'string', arg: 'DATE' },
  what: { type: 'string', arg: 'TABLE' },
  'enqueue-only': { type: 'boolean' },
  'exit-when-idle': { type: 'boolean' },
  every: { type: 'string', arg: 'I' },
  webhook: { type: 'string', arg: 'URL' },
  follow: { type: 'string', arg: 'FILE' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  jobs: { type: 'string', arg: 'N' },
  detail: { type: 'string', arg: 'LEVEL' },
};

/** Values of the options a command accepted. */
export interface Values {
  db?: string;
  format?: string;
  out?: string;
  'max-size'?: string;
  quiet?: boolean;
  verbose?: boolean;
  'no-color'?: boolean;
  port?: string;
  host?: string;
  token?: string;
  private?: boolean;
  'allowed-host'?: string[];
  q?: string;
  limit?: string;
  since?: string;
  'enqueue-only'?: boolean;
  published?: string;
  'exit-when-idle'?: boolean;
  outlet?: string;
  what?: string;
  help?: boolean;
  version?: boolean;
  jobs?: string;
  detail?: string;
}

export interface Args {
  values: Values;
  positionals: string[];
}

/** The command word: the first argument that is neither an option nor the value of a string option. */
export function findCommand(argv: string[]): { command: string | null; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return { command: argv[i + 1] ?? null, rest: [...argv.slice(0, i), ...argv.slice(i + 2)] };
    if (a.startsWith('--')) {
      if (!a.includes('=') && OPTIONS[a.slice(2)]?.type === 'string') i++;
      continue;
    }
    if (a.startsWith('-') && a !== '-') continue;
    return { command: a, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { command: null, rest: argv };
}

/** Parses a command's arguments, accepting only its own options (plus --help). */
export function parseFor(command: string, accepted: readonly string[], argv: string[], ownersOf: (option: string) => string[]): Args {
  const options: Record<string, OptionSpec> = { help: OPTIONS.help };
  for (const name of accepted) options[name] = OPTIONS[name];
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: options as ParseArgsConfig['options'] });
    return { values: values as Values, positionals };
  } catch (e) {
    throw new UsageError(describeParseError(command, e as Error & { code?: string }, ownersOf), command);
  }
}

function describeParseError(command: string, e: Error & { code?: string }, ownersOf: (option: string) => string[]): string {
  const m = /'(-{1,2}[^'\s]+)/.exec(e.message);
  const flag = m ? m[1] : '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = flag.replace(/^-+/, '');
    // `--q` is the long option q; `-q` is the short form of --quiet
    const long = flag.startsWith('--') ? (OPTIONS[name] ? name : undefined) : Object.entries(OPTIONS).find(([, o]) => o.short === name)?.[0];
    const owners = long ? ownersOf(long).filter((c) => c !== command) : [];
    if (long && owners.length) return `${flag} is not an option of ${command} (it is for ${owners.join(', ')})`;
    return `unknown option ${flag}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const spec = OPTIONS[flag.replace(/^-+/, '')];
    if (spec?.type === 'boolean') return `${flag} takes no value`;
    return `${flag} needs a value${spec?.arg ? ` (${flag} ${spec.arg})` : ''}`;
  }
  return e.message.split('\n')[0];
}

export function oneOf<T extends string>(command: string, option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  const v = value ?? fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${v}")`, command);
  return v as T;
}

export function positiveInt(command: string, option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--${option} takes a whole number of 1 or more (got "${value}")`, command);
  return Number(value);
}

/** A date as YYYY-MM-DD (or a longer ISO 8601 timestamp), checked to exist. */
export function isoDate(command: string, option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(value.trim());
  const d = m ? new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`) throw new UsageError(`--${option} takes a date as YYYY-MM-DD (got "${value}")`, command);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin?: () => Uint8Array;
  /** stderr is a terminal: progress lines. */
  isTTY?: boolean;
  /** stdout is a terminal: colours (never ANSI codes in redirected output). */
  stdoutTTY?: boolean;
  /** Stdout keeping the terminal report's colour codes (set by inertIo). */
  stdoutColoured?: (s: string) => void;
  /** Raw stderr for the progress line (set by inertIo). */
  progress?: (s: string) => void;
}

/**
 * One command of the CLI. To add a command, write it in its own file as a `Command` and add it
 * to the COMMANDS table of main.ts; its usage line, --help and option checks follow from this.
 */
export interface Command {
  name: string;
  aliases?: string[];
  /** Positional arguments as shown in the usage line, e.g. "<story-id>". */
  args: string;
  summary: string;
  /** The line of the global usage text (default: the summary). */
  line?: string;
  /** The options the command accepts, each with its help line for this command. */
  options: Record<string, string>;
  /** More lines for `<command> --help`. */
  details?: string;
  run(positionals: string[], values: Values, io: Io): Promise<number>;
}

/** `<command> --help`. */
export function commandHelp(c: Command): string {
  const rows = Object.entries(c.options).map(([name, help]) => {
    const o = OPTIONS[name];
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.arg ? ` ${o.arg}` : ''}`;
    return `  ${flag.padEnd(22)} ${help}`;
  });
  rows.push(`  ${'-h, --help'.padEnd(22)} this help`);
  return `triangulate ${c.name}${c.args ? ` ${c.args}` : ''}\n\n${c.summary}\n${c.aliases?.length ? `(also: ${c.aliases.join(', ')})\n` : ''}\nOptions:\n${rows.join('\n')}\n${c.details ? `\n${c.details.trimEnd()}\n` : ''}`;
}
