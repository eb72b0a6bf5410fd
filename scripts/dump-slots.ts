/**
 * Debugging aid: every figure of a fixture story with the slot the cross-check gives it (or why
 * none). `node --import tsx scripts/dump-slots.ts <fixture-folder-name>`.
 */
import { prepareStory } from '../src/compare/prepare.js';
import { backgroundSentences, slotOf } from '../src/compare/slots.js';
import { loadFixtures, loadStory } from './eval-crosscheck.js';

const name = process.argv[2] ?? '';
for (const f of loadFixtures().filter((g) => g.name === name)) {
  const { articles } = loadStory(f);
  const story = prepareStory({ articles, copies: [] });
  for (const a of story.articles) {
    const bg = backgroundSentences(a.sentences);
    for (const s of a.sentences)
      for (const q of s.quantities) {
        const slot = slotOf(s, q, bg.get(s.index) ?? 'none');
        const text = a.text.slice(Math.max(s.span.start, q.span.start - 40), Math.min(s.span.end, q.span.end + 40)).replace(/\s+/g, ' ');
        console.log(`${a.id}\t${q.value}\t${q.unit}\t${q.qualifier}\t${q.counted}\t${slot ? slot.key : '-'}\t${text}`);
      }
  }
}
