/**
 * Inert text for terminals. Article titles, outlets, file names and error messages come from
 * the inputs, so they may hold terminal control sequences: ESC/CSI to clear the screen or move
 * the cursor (a fake status line), OSC to set the window title or plant an OSC 8 link, a bare
 * carriage return to overwrite what was printed, bidirectional overrides that reorder a file
 * name. Every such character is made visible instead of being sent to the terminal:
 * C0 controls as their Unicode "control pictures" (ESC → ␛, CR → ␍), DEL as ␡, C1 controls and
 * bidi controls as <U+XXXX>. Newline and tab stay: they are how the output is laid out.
 */

// C0 except \t and \n, DEL, C1, and the bidi embedding/override/isolate controls
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** The text with every control character made visible (newline and tab kept). */
export function inert(s: string): string {
  return s.replace(CONTROL, visible);
}

/** One line of text for a terminal: as `inert`, and a newline or tab inside the value shown as a space. */
export function inertLine(s: string): string {
  return inert(s).replace(/[\n\t]/g, ' ');
}

// ESC [ params m: the colour sequences the terminal renderer itself writes
const SGR = /\u001b\[[0-9;]{0,32}m/g;

/**
 * Output about to be written to a terminal: `inert`, except that, when `keepColours` is set,
 * well-formed SGR colour sequences are kept (the renderer that adds them makes the data inside
 * inert itself, so they can only be its own).
 */
export function inertOutput(s: string, keepColours: boolean): string {
  if (!keepColours) return inert(s);
  let out = '';
  let last = 0;
  for (const m of s.matchAll(SGR)) {
    out += inert(s.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + inert(s.slice(last));
}

/**
 * JSON text with the characters JSON.stringify leaves raw that a terminal would act on (DEL, C1,
 * bidi controls) written as \u escapes: the same JSON value, inert when printed.
 */
export function inertJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
