/**
 * Development aid (dev split and fixtures outside ECB+ only; refuses the held-out split): every pair
 * of dated acts in two independent sources' leads, with the evidence that they tell one happening
 * (date-conflicts.ts leadHappeningEvidence) and a label from the fixture: `conflict` when the two sentences
 * hold two sides of one annotated date conflict, `trap` when they hold two sides of a trap, `same`
 * when they hold one annotated corroborated fact, else `-`.
 * `node --import tsx scripts/lead-happenings.ts [--all] [--apart]` (`--apart`: only pairs on two days).
 */
import { alignFacts } from '../src/compare/facts.js';
import { prepareStory, sentText, type Sent } from '../src/compare/prepare.js';
import { leadHappeningEvidence, leadMentions } from '../src/compare/date-conflicts.js';
import { loadFixtures, loadStory } from './eval-crosscheck.js';

const all = process.argv.includes('--all');
const apartOnly = process.argv.includes('--apart');
for (const f of loadFixtures()) {
  if (f.split === 'heldout') continue;
  if (!all && f.split !== 'dev') continue;
  const { articles, idOf } = loadStory(f);
  const story = prepareStory({ articles, copies: f.copies.map((g) => g.map((k) => idOf.get(k) ?? k)) });
  const al = alignFacts(story);
  const ms = leadMentions(story);
  const holds = (s: Sent, key: string, snip: string) => idOf.get(key) === s.art.id && sentText(s).toLowerCase().includes(snip.toLowerCase());
  const label = (a: Sent, b: Sent): string => {
    for (const c of f.expected.conflicts) {
      if (c.kind && c.kind !== 'date') continue;
      const sa = c.sides.findIndex((x) => holds(a, x.article, x.contains));
      const sb = c.sides.findIndex((x) => holds(b, x.article, x.contains));
      if (sa >= 0 && sb >= 0 && sa !== sb) return 'conflict';
    }
    for (const c of f.expected.traps ?? []) {
      const sa = c.sides.findIndex((x) => holds(a, x.article, x.contains));
      const sb = c.sides.findIndex((x) => holds(b, x.article, x.contains));
      if (sa >= 0 && sb >= 0 && sa !== sb) return 'trap';
    }
    for (const c of f.expected.corroborated) {
      const ka = Object.entries(c.articles).find(([k, v]) => holds(a, k, v));
      const kb = Object.entries(c.articles).find(([k, v]) => holds(b, k, v));
      if (ka && kb) return 'same';
    }
    return '-';
  };
  for (let i = 0; i < ms.length; i++)
    for (let j = i + 1; j < ms.length; j++) {
      const [a, b] = [ms[i], ms[j]];
      if (a.sent.art.id === b.sent.art.id || story.independent([a.sent.art.id, b.sent.art.id]) < 2) continue;
      const sameDay = a.value === b.value;
      if (apartOnly && sameDay) continue;
      const ev = leadHappeningEvidence(story, a, b, al);
      const text = (m: typeof a) => sentText(m.sent).replace(/\s+/g, ' ').slice(0, 110);
      console.log(`${f.name}\t${label(a.sent, b.sent)}\t${sameDay ? 'same-day' : 'apart'}\t${a.act}/${b.act}\t${ev.join(',') || '-'}\t${a.value}|${b.value}\t${text(a)} || ${text(b)}`);
    }
}
