/**
 * Debugging aid: every figure of a fixture story with the slot the cross-check gives it (or why
 * none). `node --import tsx scripts/dump-slots.ts <fixture-folder-name>`; `--dates`, `--clock` and
 * `--acts` list the leads' dated acts, the clock times, and the dated acts read from the parse.
 */
import { prepareStory } from '../src/compare/prepare.js';
import { actAt, actorKeys } from '../src/compare/conflicts.js';
import { figureSlots, inLead } from '../src/compare/slots.js';
import { actOfTime, actSlots, datedActs } from '../src/compare/dated-acts.js';
import { loadFixtures, loadStory } from './eval-crosscheck.js';

const name = process.argv[2] ?? '';
const MODES = ['--dates', '--clock', '--acts'];
for (const f of loadFixtures().filter((g) => g.name === name && !MODES.some((m) => process.argv.includes(m)))) {
  const { articles } = loadStory(f);
  const story = prepareStory({ articles, copies: [] });
  // as the cross-check reads them
  for (const { sent: s, q, slot } of figureSlots(story)) {
    const text = s.art.text.slice(Math.max(s.span.start, q.span.start - 40), Math.min(s.span.end, q.span.end + 40)).replace(/\s+/g, ' ');
    console.log(`${s.art.id}\t${q.value}\t${q.unit}\t${q.qualifier}\t${q.counted}\t${slot ? slot.key : '-'}\t${text}`);
  }
}

// dates: `... dump-slots.ts <fixture> --dates` lists every dated act of the leads
if (process.argv.includes('--dates'))
  for (const f of loadFixtures().filter((g) => g.name === name)) {
    const { articles } = loadStory(f);
    const story = prepareStory({ articles, copies: [] });
    for (const s of story.sentences)
      for (const t of s.times) {
        const act = actAt(s, t);
        const text = s.art.text.slice(Math.max(s.span.start, t.span.start - 50), Math.min(s.span.end, t.span.end + 30)).replace(/\s+/g, ' ');
        console.log(`${s.art.id.slice(0, 8)}\t${s.index}\t${inLead(s) ? 'lead' : ''}\t${t.kind}\t${t.resolved}\t${act?.cls ?? '-'}\t${[...actorKeys(s, t)].join(',')}\t${text}`);
      }
  }

// times of day: `... dump-slots.ts <fixture> --clock` lists every clock time with its actors and the verb it modifies
if (process.argv.includes('--clock'))
  for (const f of loadFixtures().filter((g) => g.name === name)) {
    const { articles } = loadStory(f);
    const story = prepareStory({ articles, copies: [] });
    for (const s of story.sentences)
      for (const t of s.times) {
        if (t.kind !== 'time' && t.kind !== 'datetime') continue;
        const text = s.art.text.slice(Math.max(s.span.start, t.span.start - 60), Math.min(s.span.end, t.span.end + 30)).replace(/\s+/g, ' ');
        console.log(`${s.art.id.slice(0, 8)}\t${s.index}\t${t.resolved}\t${[...actorKeys(s, t)].join(',')}\t${text}`);
      }
  }

// dated acts by the parse: `... dump-slots.ts <fixture> --acts` lists every time with the act it
// dates (lemma, whether a fact, agents, patients) and the slot keys it is compared under
if (process.argv.includes('--acts'))
  for (const f of loadFixtures().filter((g) => g.name === name)) {
    const { articles } = loadStory(f);
    const story = prepareStory({ articles, copies: [] });
    for (const s of story.sentences)
      for (const t of s.times) {
        const a = actOfTime(s, t);
        const slots = datedActs(s, inLead(s)).filter((x) => x.t === t).flatMap(actSlots);
        const text = s.art.text.slice(Math.max(s.span.start, t.span.start - 60), Math.min(s.span.end, t.span.end + 30)).replace(/\s+/g, ' ');
        const act = a ? `${a.lemma}${a.fact ? '' : ' (not a fact)'}${a.byNoun ? ' (by its noun)' : ''}\t${[...a.agents].join(',')}\t${[...a.patients].join(',')}` : '-\t\t';
        console.log(`${s.art.id.slice(0, 8)}\t${s.index}\t${inLead(s) ? 'lead' : ''}\t${t.kind}\t${t.resolved}\t${act}\t${slots.join(';')}\t${text}`);
      }
  }
