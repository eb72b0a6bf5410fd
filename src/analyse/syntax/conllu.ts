/**
 * CoNLL-U reading and writing. Multiword-token range lines ("19-20 don't") and empty nodes
 * ("8.1") are skipped, as the CoNLL 2018 shared-task evaluation scores syntactic words only.
 */
export interface UdWord {
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  /** 0 = the root; otherwise the 1-based index of the head word in the sentence. */
  head: number;
  deprel: string;
}

export interface UdSentence {
  id: string;
  words: UdWord[];
}

export function readConllu(text: string): UdSentence[] {
  const out: UdSentence[] = [];
  let words: UdWord[] = [];
  let id = '';
  const flush = () => {
    if (words.length) out.push({ id: id || `s${out.length + 1}`, words });
    words = [];
    id = '';
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) {
      const m = /^# sent_id = (.*)$/.exec(line);
      if (m) id = m[1].trim();
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const c = line.split('\t');
    if (c.length < 8 || !/^\d+$/.test(c[0])) continue; // ranges and empty nodes
    words.push({ form: c[1], lemma: c[2], upos: c[3], xpos: c[4], head: Number(c[6]), deprel: c[7] });
  }
  flush();
  return out;
}

export function writeConllu(sentences: { id?: string; text?: string; words: (UdWord & { misc?: string })[] }[]): string {
  const lines: string[] = [];
  for (const s of sentences) {
    if (s.id) lines.push(`# sent_id = ${s.id}`);
    if (s.text !== undefined) lines.push(`# text = ${s.text.replace(/\s+/g, ' ')}`);
    s.words.forEach((w, i) => {
      lines.push([i + 1, w.form, w.lemma || '_', w.upos, w.xpos || '_', '_', w.head, w.deprel, '_', w.misc || '_'].join('\t'));
    });
    lines.push('');
  }
  return lines.join('\n') + '\n';
}
