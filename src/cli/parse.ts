/**
 * `triangulate parse <file|-> [--format text|json|conllu]`: the syntax of one article, sentence by
 * sentence: part of speech, lemma, head and relation of every word, with character offsets into
 * the clean article text (CoNLL-U: `TokenRange=start:end` in the MISC column).
 */
import type { RawDocument, SyntaxToken } from '../model/types.js';
import type { Io } from './main.js';

interface SentenceOut {
  start: number;
  end: number;
  text: string;
  /** Words with 1-based `id` and `head` within the sentence (0 = root), as in CoNLL-U. */
  words: { id: number; start: number; end: number; text: string; upos: string; xpos: string; lemma: string; head: number; deprel: string }[];
}

/** Groups document tokens by sentence and renumbers heads within each sentence. */
export function sentencesOf(text: string, sentences: { start: number; end: number }[], tokens: SyntaxToken[]): SentenceOut[] {
  const out: SentenceOut[] = sentences.map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end), words: [] }));
  const first = new Map<number, number>();
  tokens.forEach((t, i) => {
    if (!first.has(t.sentence)) first.set(t.sentence, i);
  });
  tokens.forEach((t, i) => {
    const base = first.get(t.sentence)!;
    out[t.sentence].words.push({
      id: i - base + 1,
      start: t.start,
      end: t.end,
      text: t.text,
      upos: t.upos,
      xpos: t.xpos,
      lemma: t.lemma,
      head: t.head < 0 ? 0 : t.head - base + 1,
      deprel: t.deprel,
    });
  });
  return out.filter((s) => s.words.length);
}

export async function parseCommand(raw: RawDocument | string, input: string, fmt: string, io: Io): Promise<number> {
  if (typeof raw === 'string') {
    io.stderr(`triangulate: ${raw}\n`);
    return 2;
  }
  const [{ extractArticle }, { splitSentences }, { parseSentences }, { writeConllu }] = await Promise.all([
    import('../extract/index.js'),
    import('../analyse/tokenize.js'),
    import('../analyse/syntax/index.js'),
    import('../analyse/syntax/conllu.js'),
  ]);
  const article = extractArticle(raw);
  if (article.status !== 'ok') {
    io.stderr(`triangulate: ${input}: ${article.messages.find((m) => m.level === 'error')?.message ?? 'no article body found'}\n`);
    return 2;
  }
  const spans = splitSentences(article.text);
  const { tokens, messages } = parseSentences(article.text, spans);
  for (const m of messages) io.stderr(`triangulate: ${input}: ${m.message}\n`);
  const sents = sentencesOf(article.text, spans, tokens);
  if (fmt === 'json') {
    io.stdout(`${JSON.stringify({ title: article.title, sentences: sents, messages }, null, 2)}\n`);
  } else if (fmt === 'conllu') {
    io.stdout(
      writeConllu(
        sents.map((s, i) => ({
          id: String(i + 1),
          text: s.text,
          words: s.words.map((w) => ({ form: w.text, lemma: w.lemma, upos: w.upos, xpos: w.xpos, head: w.head, deprel: w.deprel, misc: `TokenRange=${w.start}:${w.end}` })),
        })),
      ),
    );
  } else {
    const lines: string[] = [];
    sents.forEach((s, i) => {
      lines.push(`# ${i + 1}: ${s.text.replace(/\s+/g, ' ')}`);
      for (const w of s.words) {
        const head = w.head === 0 ? 'root' : `${w.head} ${s.words[w.head - 1].text}`;
        lines.push(`${String(w.id).padStart(3)}  ${w.text.padEnd(16)} ${w.upos.padEnd(6)} ${w.xpos.padEnd(5)} ${w.lemma.padEnd(14)} ${w.deprel.padEnd(12)} → ${head}`);
      }
      lines.push('');
    });
    io.stdout(lines.join('\n'));
  }
  return 0;
}
