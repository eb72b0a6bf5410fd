/**
 * Whose figure it is, as a key two articles can share: a person's key is the surname and the sound
 * of the first name (outlets spell first names several ways), and the slots of one person named by
 * one name, by a longer name, by a surname spelled two ways, or by a role that takes part in one of
 * their acts are joined into one before values are compared. Every person slot (ages, distances,
 * weights, homes, records, marks, time served, holdings, game figures) is keyed here.
 */
import { foldAccents } from '../text/normalise.js';

/**
 * How a first name sounds, roughly: consonants only, c as k, ph as f ("Caitlin", "Kaitlyn" and
 * "Katelyn" → ktln). Outlets spell a first name several ways; the surname is compared as written.
 */
export function nameSound(name: string): string {
  const s = foldAccents(name).toLowerCase().replace(/ph/g, 'f').replace(/c/g, 'k');
  return s[0] + s.slice(1).replace(/[aeiouyhw]/g, '').replace(/(.)\1+/g, '$1');
}

/** A person's key for person slots: "surname|sound of the first name", or the one name written ("Roe", "Jane"). */
export function personKey(canonical: string): string {
  const parts = canonical.split(' ').filter((w) => /^\p{L}/u.test(w));
  if (parts.length < 2) return canonical;
  return `${parts[parts.length - 1]}|${nameSound(parts[0])}`;
}

/**
 * Person slots named by one name only ("Roe, 35", "Jane, 61") join the slot of the one person of
 * the story with that surname or that first name; with none or several, they stay on their own.
 * A name that is the end of the one longer name of the story ending so ("Ellen Hartley Roe",
 * where the tagger left out "Mary" of "Mary Ellen Hartley Roe") joins that person's slot.
 */
export function resolveOneNameSlots<T extends { slot: string; person?: string; verbs?: string[]; role?: boolean }>(mentions: T[]): void {
  joinSpellings(mentions);
  // (a holding's or a game figure's prefix names its counted noun: "held:point|", see holdings.ts, game-figures.ts)
  const held = new Set(mentions.map((m) => /^(?:held|game):[^|]+\|/.exec(m.slot)?.[0]).filter((p): p is string => !!p));
  for (const prefix of [...PERSON_SLOTS, ...[...held].sort()]) {
    const full = new Set(mentions.filter((m) => m.slot.startsWith(prefix) && m.slot.slice(prefix.length).includes('|')).map((m) => m.slot));
    for (const m of mentions) {
      const one = m.slot.startsWith(prefix) ? m.slot.slice(prefix.length) : '';
      if (!one || one.includes('|') || one.includes(' ')) continue;
      const matches = [...full].filter((k) => {
        const [surname, first] = k.slice(prefix.length).split('|');
        return surname === one || first === nameSound(one);
      });
      if (matches.length === 1) m.slot = matches[0];
    }
    for (const m of mentions) {
      if (!m.person?.includes(' ') || !m.slot.startsWith(prefix)) continue;
      const longer = new Set(mentions.filter((o) => o.slot.startsWith(prefix) && o.slot !== m.slot && o.person?.endsWith(` ${m.person}`)).map((o) => o.slot));
      if (longer.size === 1) m.slot = [...longer][0];
    }
  }
  // a role-named age joins the one named person of the story who takes part in one of its acts
  // ("a 60-year-old woman charged with killing" and "charged Jane Roe, age 61"); else it stays alone
  // (the same act from the same side: the one who struck is not the one struck; a patient and an
  // oblique are one side, as parses often read "charged Jane Roe, age 61, with …" one way or the other)
  const side = (v: string) => v.replace(/:(?:patient|oblique)$/, ':undergoes');
  for (const m of mentions) {
    if (!m.role) continue;
    const acts = new Set(m.verbs?.map(side));
    const named = new Set(mentions.filter((o) => !o.role && o.slot.startsWith('age|') && o.verbs?.some((v) => acts.has(side(v)))).map((o) => o.slot));
    if (named.size === 1) m.slot = [...named][0];
  }
}
/**
 * "Helen Varga" and "Helen Vargas": one person whose surname outlets spell two ways (one letter
 * apart, the first name sounding alike). Their person slots are one, under the spelling most
 * mentions use (ties: the first in order), so that a spelling is not a second person of the same
 * age or the same fall.
 */
function joinSpellings<T extends { slot: string }>(mentions: T[]): void {
  for (const prefix of PERSON_SLOTS) {
    const count = new Map<string, number>();
    for (const m of mentions) if (m.slot.startsWith(prefix) && m.slot.slice(prefix.length).includes('|')) count.set(m.slot, (count.get(m.slot) ?? 0) + 1);
    const keys = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
    const to = new Map<string, string>();
    for (const k of keys) {
      if (to.has(k)) continue;
      const [surname, first] = k.slice(prefix.length).split('|');
      for (const o of keys) {
        const [os, of] = o.slice(prefix.length).split('|');
        if (o !== k && !to.has(o) && of === first && os !== surname && surnameSpelledTwoWays(surname, os)) to.set(o, k);
      }
    }
    for (const m of mentions) m.slot = to.get(m.slot) ?? m.slot;
  }
}

/** Whether two different surnames can be one name spelled two ways: one letter added, dropped or changed ("Varga", "Vargas"), in names of four letters or more. */
export function surnameSpelledTwoWays(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + (a.length >= b.length ? 1 : 0)) === b.slice(i + (b.length >= a.length ? 1 : 0));
}

/** Slot key prefixes followed by a person's key (see personKey). */
const PERSON_SLOTS = ['age|', 'distance|person|', 'weight|', 'residence|', 'record|', 'surpassed|', 'served|'];
