/**
 * UD sub-tokenisation of the project's tokens, the one place where our tokenizer and the
 * treebank's differ: UD splits clitics off their host ("don't" → "do" + "n't", "I'm" → "I" + "'m",
 * "cannot" → "can" + "not", "gonna" → "gon" + "na"); our tokenizer keeps them whole (it already
 * splits the possessive "'s"). Each word keeps a character span inside its token, so parser
 * words still map onto the article text. Curly apostrophes and quotes are normalised in the
 * form given to the model only (the treebank writes straight ones).
 */
import type { Token } from '../../model/types.js';

export interface UdToken {
  start: number;
  end: number;
  /** The text as in the article. */
  text: string;
  /** The form given to the model. */
  form: string;
}

const NEG = /^(\p{L}+)(n['’]t)$/iu;
const CLITIC = /^(\p{L}+)(['’](?:s|re|ll|ve|d|m))$/iu;
const FUSED = /^(can)(not)$|^(gon|wan)(na)$|^(got)(ta)$/i;

/** The model's spelling of a form: straight apostrophes and quotes, as in the treebank. */
export function modelForm(s: string): string {
  return s.replace(/[’‘`]/g, "'").replace(/[“”«»„]/g, '"');
}

function split(t: Token, at: number): UdToken[] {
  const a = t.text.slice(0, at);
  const b = t.text.slice(at);
  return [
    { start: t.start, end: t.start + at, text: a, form: modelForm(a) },
    { start: t.start + at, end: t.end, text: b, form: modelForm(b) },
  ];
}

export function udTokens(tokens: readonly Token[]): UdToken[] {
  const out: UdToken[] = [];
  for (const t of tokens) {
    const m = NEG.exec(t.text) ?? CLITIC.exec(t.text);
    if (m && m[1].length > 0) {
      out.push(...split(t, m[1].length));
      continue;
    }
    const f = FUSED.exec(t.text);
    if (f) {
      out.push(...split(t, (f[1] ?? f[3] ?? f[5]).length));
      continue;
    }
    out.push({ start: t.start, end: t.end, text: t.text, form: modelForm(t.text) });
  }
  return out;
}
