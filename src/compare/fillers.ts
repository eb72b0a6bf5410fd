/**
 * The same claim with another filler: two independent outlets tell one injury of one named person
 * and name two members of one closed class of things, neither holding the other ("Roe, who returned
 * from his broken right fibula" against "Roe (broken tibia)"). The classes are sourced
 * (data/lexicons/attribute-classes.tsv, derived from WordNet by scripts/build-wordnet-attributes.ts):
 * a member agrees with a class above it ("a broken leg bone" and "a broken fibula"), and with itself.
 *
 * Only kinds where one value excludes the other are read: a bone broken in one injury. A sentence
 * that names two bones of the person ("broke his tibia and fibula") tells both, so it is left out,
 * and the person's slot with it; an injury told without a cue of breaking ("a sore knee") is not read.
 */
import { dataRows } from '../text/lexicon.js';
import { canonicalName, type EntityRef, type Sent, type StoryView } from './prepare.js';
import { articleOnTwoSides, crossOutletPairs, sidesByFirst, wordedSide } from './sides.js';
import { personKey } from './person-keys.js';
import { clean, cmp } from './text.js';
import type { Conflict, ConflictSide } from './types.js';

interface Member {
  synset: string;
  /** Synsets above it in its class. */
  above: string[];
}

interface Filler {
  sent: Sent;
  /** `bone|<person key>`, one-name keys joined to the one full name with that surname (joinSurnames). */
  slot: string;
  /** The person as written, for the label. */
  name: string;
  member: Member;
  /** The cue of breaking through the member's noun ("broken right fibula"). */
  span: { start: number; end: number };
}

let bones: { members: Map<string, Member>; pattern: RegExp } | null = null;
function boneClass(): { members: Map<string, Member>; pattern: RegExp } {
  if (bones) return bones;
  const members = new Map<string, Member>();
  for (const [kind, noun, synset, above] of dataRows('lexicons', 'attribute-classes.tsv'))
    if (kind === 'bone' && noun && synset) members.set(noun.trim(), { synset: synset.trim(), above: (above ?? '').split(',').filter(Boolean) });
  // the longest nouns first, so that "leg bone" is read before "bone"; singular only: "broke two ribs" are several
  const nouns = [...members.keys()].sort((a, b) => b.length - a.length || cmp(a, b)).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  bones = { members, pattern: new RegExp(`\\b(?:${nouns.join('|')})\\b(?!-|s\\b)`, 'gi') };
  return bones;
}

/** A cue of breaking just before the bone ("broken right", "breaking his", "a fracture of the left"). */
const BROKEN_BEFORE = /\b(?:broke|broken|breaks?|breaking|fractur(?:e|ed|es|ing)|cracked|shattered)\b(?:\s+(?:in|of|to))?(?:\s+(?:a|the|his|her|their|left|right|lower|upper)){0,3}\s+$/i;
/** Or just after it ("fibula fracture", "a tibia that was broken"). */
const BROKEN_AFTER = /^\s+(?:fracture|break|was\s+broken)\b/i;
/** A word every cue of breaking holds: a sentence without one tells no broken bone (tested before the long pattern of bones). */
const BREAK_WORD = /br(?:oke|eak)|fractur|cracked|shattered/i;

/** The bones the story's sentences say a named person broke. */
function fillersOf(story: StoryView): Filler[] {
  const { members, pattern } = boneClass();
  const out: Filler[] = [];
  for (const a of story.articles)
    for (const s of a.sentences) {
      const text = a.text.slice(s.span.start, s.span.end);
      if (!BREAK_WORD.test(text)) continue;
      const persons = s.entities.filter((e) => e.type === 'PER').sort((x, y) => x.span.start - y.span.start);
      if (!persons.length) continue;
      const found: Filler[] = [];
      for (const m of text.matchAll(pattern)) {
        const start = s.span.start + m.index;
        const end = start + m[0].length;
        const before = a.text.slice(Math.max(s.span.start, start - 40), start);
        const cue = BROKEN_BEFORE.exec(before);
        if (!cue && !BROKEN_AFTER.test(a.text.slice(end, Math.min(s.span.end, end + 20)))) continue;
        const owner = ownerOf(persons, start);
        const member = members.get(m[0].toLowerCase());
        if (!owner || !member) continue;
        const written = a.text.slice(owner.span.start, owner.span.end);
        found.push({ sent: s, slot: `bone|${personKey(canonicalName(written))}`, name: written, member, span: { start: cue ? start - cue[0].length : start, end } });
      }
      // two bones of one person in one sentence: both broken, nothing to set against each other
      if (found.some((f) => found.some((g) => g.slot === f.slot && !agree(f, g)))) continue;
      out.push(...found);
    }
  return out;
}

/** The person the bone is told of: the last one named before it in the sentence. */
function ownerOf(persons: EntityRef[], at: number): EntityRef | undefined {
  return persons.filter((p) => p.span.end <= at).pop();
}

/** One bone, or one held by the other in the class ("leg bone" holds "fibula"). */
function agree(a: Filler, b: Filler): boolean {
  return a.member.synset === b.member.synset || a.member.above.includes(b.member.synset) || b.member.above.includes(a.member.synset);
}

/** "Bush" joins the slot of the one person of the story with that surname ("Reggie Bush"); with none or several it stays apart. */
function joinSurnames(fillers: Filler[]): void {
  const full = [...new Set(fillers.map((f) => f.slot).filter((k) => k.split('|').length > 2))];
  for (const f of fillers) {
    const one = f.slot.slice('bone|'.length);
    if (one.includes('|') || one.includes(' ')) continue;
    const matches = full.filter((k) => k.split('|')[1] === one);
    if (matches.length === 1) f.slot = matches[0];
  }
}

/** Conflicts over which bone one named person broke, told differently by independent sources. */
export function fillerConflicts(story: StoryView): Conflict[] {
  const fillers = fillersOf(story);
  if (fillers.length < 2) return [];
  joinSurnames(fillers);
  const bySlot = new Map<string, Filler[]>();
  for (const f of fillers) (bySlot.get(f.slot) ?? bySlot.set(f.slot, []).get(f.slot)!).push(f);
  const out: Conflict[] = [];
  for (const slot of [...bySlot.keys()].sort(cmp)) {
    const c = boneConflict(story, bySlot.get(slot)!);
    if (c) out.push(c);
  }
  return out;
}

function boneConflict(story: StoryView, fs: Filler[]): Conflict | null {
  if (story.independent(fs.map((f) => f.sent.art.id)) < 2) return null;
  // the most specific bones first, so that a class above joins the side of a bone it holds rather than open one
  const sorted = [...fs].sort((a, b) => b.member.above.length - a.member.above.length || cmp(a.sent.id, b.sent.id) || a.span.start - b.span.start);
  const sides = sidesByFirst(sorted, agree);
  if (sides.length < 2) return null;
  const pairs = crossOutletPairs(sides);
  if (!pairs.length) return null;
  const label = [...fs].sort((a, b) => b.name.length - a.name.length || cmp(a.name, b.name))[0].name;
  return {
    id: '',
    kind: 'attribute',
    slot: `which bone ${label} broke`,
    severity: 'conflict',
    withinArticle: articleOnTwoSides(sides),
    sides: sides.map((x) => fillerSide(story, x)),
    pairs,
    note: `${sides.map((x) => display(x[0])).join(' vs ')}: different bones broken by the same person`,
    factIds: [],
  };
}

function display(f: Filler): string {
  return clean(f.sent.art.text.slice(f.span.start, f.span.end));
}

function fillerSide(story: StoryView, fs: Filler[]): ConflictSide {
  return wordedSide(story, fs, display, { kind: 'attribute', unit: 'bone' });
}
