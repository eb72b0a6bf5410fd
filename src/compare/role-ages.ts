/**
 * "A 36-year-old climber died after falling about 150 metres" in one outlet, "Jane Roe, 36, died
 * after falling about 60 metres" in another: news names someone by a role and an age where others
 * name them, so a figure of someone named only by a role and an age (a distance they fell or
 * travelled, Slot.role) is the figure of the one named person of the story given that age. With no
 * such person, or several of that age, it stays as it was (figure-joins.ts joinRolesByArticle may
 * still join it to the person the article names next).
 */
import type { Quantity } from '../model/types.js';
import type { Sent } from './prepare.js';

/** Joins distances of role-named people (`distance|role|…`) to `distance|person|<key>` by the one age their sentence gives them. */
export function joinRolesByAge<T extends { sent: Sent; q: Quantity; slot: string; role?: boolean; roleAt?: number }>(mentions: T[]): void {
  // the people each age is given to, by person key (after one-name and spelling joins)
  const byAge = new Map<number, Set<string>>();
  const named = new Set<Quantity>();
  for (const m of mentions) {
    if (m.role || !m.slot.startsWith('age|')) continue;
    named.add(m.q);
    const people = byAge.get(m.q.value) ?? byAge.set(m.q.value, new Set()).get(m.q.value)!;
    people.add(m.slot.slice('age|'.length));
  }
  for (const m of mentions) {
    if (!m.role || !m.slot.startsWith('distance|role|')) continue;
    // the sentence's one age, given to no one it names, carried by the role itself: the role's word
    // ("The 36-year-old") or before it in its phrase ("a 36-year-old Australian climber")
    const ages = m.sent.quantities.filter((q) => q.unit === 'age');
    if (ages.length !== 1 || named.has(ages[0]) || m.roleAt === undefined || !carries(m.sent, ages[0], m.roleAt)) continue;
    const people = byAge.get(ages[0].value);
    if (people?.size === 1) m.slot = `distance|person|${[...people][0]}`;
  }
}

/** Whether the age is the role's word or stands before it in its phrase, at most two words between ("a 36-year-old Australian climber"). */
function carries(s: Sent, age: Quantity, roleAt: number): boolean {
  if (age.span.start <= roleAt && roleAt < age.span.end) return true;
  return age.span.end <= roleAt && /^[\s-]*(?:[\p{L}-]+\s+){0,2}$/u.test(s.art.text.slice(age.span.end, roleAt));
}
