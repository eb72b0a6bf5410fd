/**
 * Before a slot's figures are compared, whose and which they are: a role-named age joined to a
 * named person goes back to its role when its article gives that person another age; a first name
 * alone joins only where its article writes the surname; children are counted per parent; a
 * role-named distance joins the person named next; a span no noun names joins the duration another
 * article names; an aligned-only slot is split per group of sentences that state one fact.
 */
import { statesOneFact as oneFact, type Alignment } from './facts.js';
import type { ArticleView } from './prepare.js';
import { MAX_PER_SLOT, namesOtherPlaces, namesOthers } from './sides.js';
import { cmp } from './text.js';
import { linkedGroups } from '../util/union-find.js';
import { joinByFact } from './counts.js';
import { measuresNoun } from './two-checks.js';
import { compareIntervals, type QMention } from './figure-values.js';

/**
 * "a shooting in Columbus that killed a 13-year-old" and "killed 40-year-old Jane Roe" in one
 * article: a role-named age joined to a named person (resolveOneNameSlots) whose age the same
 * article states, and states otherwise, is someone else's age. News that introduces a person by a
 * role and then by name gives the same age twice; another age in the same article is another
 * person. The mention goes back to its own role slot, compared with nothing.
 */
export function keepOtherAgesApart(mentions: QMention[], roleSlots: Map<QMention, string>): void {
  for (const [m, own] of roleSlots) {
    if (m.slot === own) continue;
    const named = mentions.filter((o) => !o.role && o.slot === m.slot && o.sent.art.id === m.sent.art.id);
    if (named.some((o) => compareIntervals(o, m) !== 'same') || !namesPerson(m.sent.art, m.slot)) m.slot = own;
  }
}

/**
 * "The victims have been identified as Gomes' mother, Katherine, 61": an age told under a first name
 * only joins the story's one person of that first name (resolveOneNameSlots) only when its article
 * writes that person's surname. News gives a first name alone for someone its article places by
 * another's name (a mother, a wife); an article that never writes the surname tells of another
 * Katherine (a second event grouped into the story), however alike the names sound. A one-name age
 * that is a surname ("Roe, 35") is not touched. The mention goes back to its own slot.
 */
export function keepFirstNamesApart(mentions: QMention[], before: Map<QMention, string>): void {
  for (const [m, own] of before) {
    if (m.slot === own) continue;
    const one = own.slice('age|'.length).toLowerCase();
    const surname = (m.slot.split('|')[1] ?? '').toLowerCase();
    if (!surname || surname === one) continue;
    const written = m.sent.art.sentences.some((s) => s.entities.some((e) => e.type === 'PER' && e.key.split(' ').pop() === surname));
    if (!written) m.slot = own;
  }
}

/**
 * "a mother of 12", "one of her 12 children": a count of children is a parent's (slots.ts,
 * `people|children`), and a story may tell of two parents ("Jane Roe and her four children" in a
 * story grouped with a mother of 12 killed in another shooting). Two counts are one parent's when
 * their sentences name one person or state one fact; the slot is split by that link (single link,
 * as splitByFact), so a count is compared with the counts of its own parent only.
 */
export function childrenByParent(mentions: QMention[], al: Alignment): void {
  const ms = mentions.filter((m) => m.slot === 'people|children').slice(0, MAX_PER_SLOT);
  const people = ms.map((m) => new Set(m.sent.entities.filter((e) => e.type === 'PER').map((e) => e.key)));
  const group = linkedGroups(ms.length, (i, j) => [...people[i]].some((k) => people[j].has(k)) || ms[i].sent.id === ms[j].sent.id || oneFact(al, ms[i].sent, ms[j].sent));
  ms.forEach((m, i) => (m.slot = `${m.slot}|${group[i]}`));
}

/**
 * Whether a role-named age may be the person of a person slot (`age|<surname>|<sound>`): its article
 * names that person (by the surname), or names no one. "A 59-year-old woman was killed", in an
 * article that names the driver and a friend but not the story's victim, may be another woman (a
 * similar crash grouped into the story); a one-line item that names no one ("A 60-year-old woman
 * charged with killing ...") leaves the role to the story's one person in that act.
 */
function namesPerson(art: ArticleView, slot: string): boolean {
  const surname = slot.split('|')[1];
  const people = art.sentences.flatMap((s) => s.entities.filter((e) => e.type === 'PER'));
  return !people.length || (!!surname && people.some((e) => e.key.split(' ').pop() === surname));
}

/**
 * "A British man has been killed after falling around 2,000ft while climbing. Robert Buckley, 32,
 * was climbing to a hut …": how far someone named only by a role went (Slot.role) is how far the
 * person the article names next went, in that sentence after the role or in the two after it, with
 * a figure of their own (an age, a distance): news introduces the one who fell by a role, then by
 * name. With no such person it stays alone, compared with nothing. (Ages by a role join by the acts
 * they share, resolveOneNameSlots: "an 18-year-old confessed", then the victim's age, is two people.)
 */
export function joinRolesByArticle(mentions: QMention[]): void {
  const PERSON = /^(?:age\|(?!role\|)|distance\|person\|)(.+)$/;
  for (const m of mentions) {
    if (!m.role || !m.slot.startsWith('distance|role|')) continue;
    const next = mentions
      .filter((o) => !o.role && o.sent.art.id === m.sent.art.id && PERSON.test(o.slot) && o.sent.index - m.sent.index <= 2 && (o.sent.index > m.sent.index || o.q.span.start > m.q.span.end))
      .sort((x, y) => x.sent.index - y.sent.index || x.q.span.start - y.q.span.start)[0];
    if (!next) continue;
    const person = PERSON.exec(next.slot)![1];
    m.slot = `distance|person|${person}`;
  }
}

/**
 * "The talks lasted three hours" and "they met for four hours": a duration no noun names (slot
 * `h|act|…`, see time-slots.ts spanOfAct) is the duration of the event another article's sentence names,
 * when the two sentences state one fact (one fact cluster, or close wording) and name no different
 * places (counts.ts joinByFact). The first such named duration (in sentence order) gives its slot; else it stays with its act.
 */
export function joinSpansToNamedDurations(mentions: QMention[], al: Alignment): void {
  const span = (m: QMention) => m.slot.startsWith('h|act|');
  // (a named duration whose counted word is no noun, "two weeks later", names no thing to join: two-checks.ts)
  joinByFact(mentions, span, (o) => o.slot.startsWith('h|') && !span(o) && measuresNoun(o), () => true, (a, b) => !namesOtherPlaces(a, b) && oneFact(al, a, b));
}

/**
 * Figures of an aligned-only slot are one slot per group of sentences that state the same fact
 * (single link over aligned pairs of different articles that do not name different places); a
 * figure whose sentence aligns with none stays alone and is compared with nothing.
 */
export function splitByFact(mentions: QMention[], al: Alignment): void {
  const bySlot = new Map<string, QMention[]>();
  for (const m of mentions) if (m.aligned) (bySlot.get(m.slot) ?? bySlot.set(m.slot, []).get(m.slot)!).push(m);
  for (const all of bySlot.values()) {
    all.sort((a, b) => cmp(a.sent.id, b.sent.id) || a.q.span.start - b.q.span.start);
    // bounded time: pairs are compared among the first MAX_PER_SLOT figures; the rest stay alone
    const ms = all.slice(0, MAX_PER_SLOT);
    all.slice(MAX_PER_SLOT).forEach((m, i) => (m.slot = `${m.slot}|alone${i}`));
    const group = linkedGroups(ms.length, (i, j) => {
      const [a, b] = [ms[i].sent, ms[j].sent];
      // (counts of things, checked twice: one fact also names no different people; "Roe grabbed nine
      // rebounds" and "Doe had 16 rebounds" may align on their words, each a player's own figure)
      if (ms[i].slot.startsWith('count|') && namesOthers(a, b)) return false;
      return a.art.id !== b.art.id && !namesOtherPlaces(a, b) && oneFact(al, a, b);
    });
    ms.forEach((m, i) => (m.slot = `${m.slot}|${group[i]}`));
  }
}
