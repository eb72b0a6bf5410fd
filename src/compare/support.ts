/**
 * Support: which claims of two members state one fact, so that a member supports a fact only when
 * one of its claims states the fact's act with arguments that do not contradict it (`oneAct`: the
 * act or its class, who does it and to whom, when, on which day, denied or not, done or only
 * possible) and shares more than a side remark with it (`sideRemark`), and which groups of joined
 * claims are one fact (`mergeOverlapping`). Read from the
 * claims' slots (`claims.ts`), not from the words the sentences share; `claimFacts` asks these.
 */
import { actClass, datedActClass, nounNamesAct, oneActInOtherWords, verbOfActNoun } from './act-classes.js';
import type { Claim } from './claims.js';
import { sameName } from './figure-holders.js';
import { apart, shares } from './sides.js';
import { nameSound } from './person-keys.js';

/**
 * Two claims state one act: the same predicate or predicates of one act class, the one's
 * predicate a word of the other ("calling them deeply destabilizing" / "is deeply destabilising"),
 * or one of them a description (no verb: "Roe was the mother of 12"), or they give one figure,
 * day or month of one year ("The fire broke out on 21 July" / "The blaze started on 21 July"; a year or
 * a month alone is when the case happened, `sharesADay`); never when both name who
 * does it, or to whom, and no one in both ("Roe worked with the victims" / "Poe worked with them"),
 * nor when one puts the act ahead and the other behind (`clauseTime`) and they give it no one day,
 * nor when one denies the act the other states ("Roe is not signed" / "Poe and Doe are signed"),
 * nor, for the same act, when one tells it as only possible and the other as done ("was likely to
 * remain closed" / "was closed until 4 p.m.") or both date it and on no common day, unless they name
 * one value ("will appear on Tuesday" / "to appear on 2 April").
 */
export function oneAct(a: Claim, b: Claim): boolean {
  if (otherParticipants(a.agents, b.agents) || otherParticipants(a.patients, b.patients)) return false;
  // (what will be done is no support for what was done, "will see Dr Roe on Friday" / "met Dr Roe
  // this week", when the verbs are what the claims share, unless both give the act one day or
  // figure: a schedule kept, "voting will close at 6 pm" / "polls closed at 6 pm"; a noun of the act
  // in a clause of another time, "will play despite his arrest", is not that clause's time)
  const sameValue = shares(a.values, b.values);
  const sameTime = !a.time || !b.time || a.time === b.time || sameValue;
  if (!a.acts.size || !b.acts.size) {
    // (a description meets an act only when it is told of what the act is told of: describesTheAct)
    const [description, act] = a.acts.size ? [b, a] : [a, b];
    if (act.acts.size && description.predicate !== null && act.predicate === null && !describesTheAct(description, act)) return false;
    return sameTime;
  }
  // (one act told as done by one and as possible by the other, or dated on other days, is two)
  // (a weekday both name is one day, however each article's tense resolved it: "will close on Sunday" /
  // "closed on Sunday"; what may be done is never what was, whatever day both name)
  const sameMood = a.hedged === b.hedged && (sameValue || !apart(a.days, b.days));
  const sameAct = sameTime && sameMood;
  for (const x of a.acts) if (b.acts.has(x)) return sameAct && a.denied.has(x) === b.denied.has(x);
  // (the word as a verb, a participle or a gerund, or a noun that names the act, "his arrest": "was
  // placed" is no act of "to take Ivory's place")
  for (const x of a.acts) if (b.keys.has(x) && !b.nouns.has(x)) return sameMood;
  for (const x of b.acts) if (a.keys.has(x) && !a.nouns.has(x)) return sameMood;
  const classes = new Set([...a.acts].map(actClass));
  for (const x of b.acts) if (classes.has(actClass(x))) return sameAct;
  // (one act in other words, WordNet: "sprained his knee" / "hurt his knee")
  for (const x of a.acts) for (const y of b.acts) if (oneActInOtherWords(x, y)) return sameAct;
  // (the one's act a thing the other names, "placed" / "to take Ivory's place": two acts, whatever day they share)
  for (const x of a.acts) if (b.nouns.has(x)) return false;
  for (const x of b.acts) if (a.nouns.has(x)) return false;
  // (a noun of the one names the other's act, as the act's own word does above: "recovering from gunshots to the
  // neck" / "was shot in the neck", "his death" / "died")
  if (namesTheAct(a, b) || namesTheAct(b, a)) return sameMood;
  return sharesADay(a, b);
}

/**
 * A description (a copular clause: `Claim.subject`, `Claim.predicate`) tells of what an act is told of: its subject is
 * the act's subject or object ("the deal is worth $160 million" / "the team offered $160 million"; a party by
 * `sameName`), the act's claim holds its predicate word ("It was the third fight in a decade" / "was fighting for the
 * first time since 2005"), or they give one figure ("Teixeira will be 29 in April" / "will turn 29"), or neither names
 * its subject (two pronouns). Otherwise it describes something else the story holds ("her lead will be
 * insurmountable" / "he would perform strongly next Tuesday"; "This is the first win for Cruz" / "Clinton became the
 * first woman"), however many words they share. The
 * act's claim must not be a description itself (a copular clause holding the act of a clause folded into it, "It is
 * the second time Egypt witnessed a cut"): two descriptions are left to the words they share.
 */
function describesTheAct(description: Claim, act: Claim): boolean {
  if (shareAFigure(description, act)) return true;
  if (description.predicate && act.keys.has(description.predicate)) return true;
  const subject = description.subject;
  // (a pronoun told of a pronoun: both of whom the story is about, "He is due before the magistrates today" / "He will
  // appear before the magistrates this morning"; a pronoun against a subject named is not known to be it)
  if (!subject) return !act.subject;
  for (const k of act.args) if (sameName(subject, k)) return true;
  for (const k of act.agents) if (sameName(subject, k)) return true;
  for (const k of act.patients) if (sameName(subject, k)) return true;
  return false;
}

/** A key of `b` that is no act of its own names an act of `a` (act-classes.ts nounNamesAct). */
function namesTheAct(a: Claim, b: Claim): boolean {
  for (const k of b.keys) if (!b.acts.has(k)) for (const x of a.acts) if (nounNamesAct(k, x)) return true;
  return false;
}

/**
 * What two claims share is a side remark, no support of one by the other: both tell it on the way
 * (a relative clause or a clause of circumstances: "Roe, who watched the launch, ..." / "Poe,
 * who watched the launch, ..."), or one tells it on the way and the other outright and they tell
 * no one act (a verb both state, denied by neither or by both) and give no one figure (digits; a year is a time, not a figure). A
 * background clause restates a fact only when it tells that act ("Doe, who was arrested on Tuesday, ..." / "Police arrested Doe
 * on Tuesday"); what it shares with another act, a description or an act of the same class is the
 * background both sentences give ("the update, which affected all versions" / "the fix is for all
 * versions"; "Roe, who later resigned" / "the scandal led to Roe's resignation").
 */
export function sideRemark(a: Claim, b: Claim): boolean {
  const asideA = toldAside(a);
  const asideB = toldAside(b);
  if (asideA && asideB) return true;
  if (asideA === asideB) return false;
  // (one figure both give is one statement, however the parse hung its clause: "a loss of $40
  // million, which let the firm" / "it took a $40 million loss that it may have used")
  if (shareAFigure(a, b)) return false;
  for (const x of a.acts) if (b.acts.has(x) && a.denied.has(x) === b.denied.has(x)) return false;
  return true;
}
const toldAside = (c: Claim) => c.relative || c.circumstance;

/**
 * One claim tells as given what the other tells as news: the one a restrictive relative clause (`Claim.given`: "the
 * woman who shot two co-workers will face trial"), the other not ("Hiller shot two co-workers"), and no figure in
 * digits both give. Not one statement unless what the two sentences tell as news meets as well (`claimFacts`' link
 * asks that): a sentence about the trial is no support for the shooting it names its defendant by, while "the blaze,
 * which began on the roof" / "the fire which broke out in the roof" beside "firefighters tackled the blaze" is.
 */
export function toldAsGiven(a: Claim, b: Claim): boolean {
  return a.given !== b.given && !shareAFigure(a, b);
}

/** A value written in digits (not a weekday or a month, which two acts of one story often share). */
const FIGURE = /^\d/;
/**
 * A year, written as news writes one (four digits, no comma: a count of a thousand or more takes one): like a month,
 * a time two acts of one story often share ("Roe found work again after her release from the clinic in 2004" / "In
 * 2004, Roe left the clinic"), not a figure that makes two clauses one statement.
 */
const YEAR = /^(?:1[89]|20)\d\d$/;
/** A value that names a month or a year, not a day or a figure: the time of a story's case, which its acts share. */
const aPeriod = (v: string) => YEAR.test(v) || (!FIGURE.test(v) && !v.endsWith('day'));
/**
 * Both claims give one figure, one day, or one month of one year ("in November 2013"): a year alone, or a month alone,
 * is when the case happened (`aPeriod`), which two acts of a story share ("Obama won the state in 2008" / "the levels
 * she enjoyed in 2008"), not a time that makes two acts one.
 */
function sharesADay(a: Claim, b: Claim): boolean {
  let year = false;
  let month = false;
  for (const v of a.values) {
    if (!b.values.has(v)) continue;
    if (!aPeriod(v)) return true;
    if (YEAR.test(v)) year = true;
    else month = true;
  }
  return year && month;
}
/** Both claims give one figure in digits, a year aside (asked for many claim pairs: no array made). */
function shareAFigure(a: Claim, b: Claim): boolean {
  for (const v of a.values) if (FIGURE.test(v) && !YEAR.test(v) && b.values.has(v)) return true;
  return false;
}

/**
 * What two claims share is only who they are about: both state an act, of two classes (the frame lexicon's, or
 * WordNet's first-sense synonyms: `datedActClass`), and every key
 * both have is a word of a name or of the words that describe it in one of them (`Claim.named`:
 * "Jane Roe, director of the harbour trust, urged drivers to avoid the ferry road" / "harbour trust
 * director Jane Roe opened the new pier"), or a month or a year (when the case they belong to happened), no
 * figure and no day. Two acts of one case, one person's conviction and the judge's sentence, share who and
 * when and are two statements. Two things one
 * person did are two statements; one act of one person told in other words ("Roe resigned on
 * Friday" / "Roe stepped down") is one. A description (no act) that shares only who with an act says
 * nothing of it either ("'The pier is the harbour's last icon,' said trust director Jane Roe" / "with
 * director Jane Roe, I began the book"; "His name is Deputy Jo Poe" / "Deputy Poe had served for 15
 * years"), even one that is only a name and its post, a speaker the parse left as a claim ("Jane Roe,
 * also from the trust, said:"), unless it names the act by a noun ("the death of Deputy Roe" / "Deputy
 * Roe was killed": act-nouns.tsv, or the act's own word). Between two acts, a claim with no word but a
 * name is a fragment of the parse, not a statement of its own; two descriptions are left to `oneAct`.
 */
export function onlyWho(a: Claim, b: Claim): boolean {
  if (!a.named.size && !b.named.size) return false;
  // (between two acts, a claim that is only a name, a fragment of the parse, "The Rovers" of "The Rovers
  // have always been good neighbours", may be the subject of what the other states)
  const description = !a.acts.size !== !b.acts.size;
  if (!description && (a.named.size === a.keys.size || b.named.size === b.keys.size)) return false;
  const [small, large] = a.keys.size <= b.keys.size ? [a, b] : [b, a];
  let shared = false;
  for (const k of small.keys) {
    if (!large.keys.has(k)) continue;
    // (a month or a year both give is when the case happened, not what either states: "convicted Roe of the
    // murder of Deputy Poe in June 2005" / "weighed the factors in the slaying of Deputy Poe in June 2005")
    if (a.values.has(k) && aPeriod(k)) continue;
    // (a figure both give is content, whoever it describes: "Jo Poe, 39, was shot" / "Jo Poe, 39, is recovering")
    if ((!a.named.has(k) && !b.named.has(k)) || a.values.has(k)) return false;
    shared = true;
  }
  // (two descriptions, claims with no act, are left to oneAct)
  if (!shared || (!a.acts.size && !b.acts.size)) return false;
  // (two classes by the frame lexicon and by WordNet's first senses, datedActClass: "vanished" / "disappeared" is one act)
  const [act, other] = a.acts.size ? [a, b] : [b, a];
  const classes = new Set([...act.acts].map(datedActClass));
  // (a description that names the act by a noun tells that act, "the death of Deputy Roe" / "Deputy Roe was killed")
  if (description) {
    for (const k of other.keys) if (classes.has(datedActClass(verbOfActNoun(k) ?? k))) return false;
    return !namesTheAct(act, other);
  }
  for (const x of other.acts) if (classes.has(datedActClass(x))) return false;
  // (one act in other words is one act: "sprained his knee" / "hurt his knee")
  for (const x of other.acts) for (const y of act.acts) if (oneActInOtherWords(x, y)) return false;
  return true;
}

/**
 * A description meets an act on one word: one claim states an act, the other none (a description: "the new timetable
 * is for every route of the harbour", "their own repair kit"), of two keys or more, and they share only one key and no
 * value. `oneAct` lets a description meet any act, since nothing in it can contradict the act; so the words the two
 * share are all that says they state one thing, and one word ("harbour", "driver", "ferry") is what any two sentences
 * of a story share. A claim of one key is a fragment the parse left ("inquiry" of "Inquiries into what started the
 * blaze are under way"), which stands for its sentence's statement: left to `oneAct`.
 */
export function thinDescription(a: Claim, b: Claim): boolean {
  if (!a.acts.size === !b.acts.size) return false;
  const description = a.acts.size ? b : a;
  if (description.keys.size < 2 || shares(a.values, b.values)) return false;
  const [small, large] = a.keys.size <= b.keys.size ? [a, b] : [b, a];
  let sharedKeys = 0;
  for (const k of small.keys) if (large.keys.has(k) && ++sharedKeys > 1) return false;
  return true;
}

/**
 * Two claims tell one act (a verb both state, denied by neither or by both) to other patients or on
 * other days: "the Saints placed Thomas on IR Wednesday" / "placed Ivory on IR Tuesday". Two
 * happenings of one kind, however alike their words: what keeps two facts apart when sentences that
 * elaborate both (a plain lead of the main act) would average them into one.
 */
export function oneActApart(a: Claim, b: Claim): boolean {
  // (the same verbs: a clause of two verbs, "helping the Colts join the Dolphins", has the patients of either)
  if (!a.acts.size || a.acts.size !== b.acts.size) return false;
  for (const x of a.acts) if (!b.acts.has(x) || a.denied.has(x) !== b.denied.has(x)) return false;
  // (a weekday both name is one day, however each article's tense resolved it: as in oneAct)
  return surelyOthers(a.patients, b.patients) || (apart(a.days, b.days) && !shares(a.values, b.values));
}

/**
 * Both name participants and no name of one has a word that sounds like a word of a name of the
 * other (person-keys.ts nameSound): names spelled two ways ("Rait" / "Raite", "Bettie" / "Betty") and a
 * surname linked to the wrong one of a family are not other people, for a guard that keeps facts apart.
 */
function surelyOthers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (!a.size || !b.size) return false;
  const sounds = new Set<string>();
  for (const k of a) for (const w of nameWords(k)) sounds.add(nameSound(w));
  for (const k of b) for (const w of nameWords(k)) if (sounds.has(nameSound(w))) return false;
  return true;
}
const nameWords = (name: string) => name.split(' ').filter((w) => /^\p{L}\p{L}/u.test(w));

/**
 * Both claims name who does (or undergoes) the act, and no one in both: "the Nationals made an offer" / "the Red Sox have made an offer"
 * (one name holding the other's words is one participant: figure-holders.ts sameName, "klitschko" / "wladimir klitschko").
 */
function otherParticipants(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (!a.size || !b.size) return false;
  for (const k of a) for (const o of b) if (sameName(k, o)) return false;
  return true;
}

/**
 * The claims of two groups state one statement: they share an act, or an act of one class, or one
 * of them states no act (descriptions). "Roe threw for 312 yards" and "the Comets secured the
 * second seed", told together by most outlets, are two.
 */
export function oneStatement(a: Claim[], b: Claim[]): boolean {
  const actsA = new Set(a.flatMap((c) => [...c.acts]));
  const actsB = new Set(b.flatMap((c) => [...c.acts]));
  if (!actsA.size || !actsB.size) return true;
  for (const x of actsB) if (actsA.has(x)) return true;
  const classes = new Set([...actsA].map(actClass));
  for (const x of actsB) if (classes.has(actClass(x))) return true;
  return false;
}

/**
 * Groups that share more than half of the smaller one's members are one fact: claims of one
 * statement that aligned in two chains (a member whose two claims each joined one of them), when
 * they state one statement (`same(a, b)`, by the groups' indices). Two statements of one sentence
 * share only that sentence ("questioned a poacher ... after two rhinos were found dead" is in both
 * of its facts, which share no other member); two statements most members tell together ("threw
 * for 312 yards ... and the Comets secured the second seed") are two facts, each with the members
 * that state it.
 */
export function mergeOverlapping(groups: number[][], same: (a: number, b: number) => boolean = () => true): number[][] {
  const out = groups.map((g, i) => ({ g: [...g], of: [i] }));
  for (let merged = true; merged && out.length > 1; ) {
    merged = false;
    for (let a = 0; a < out.length && !merged; a++)
      for (let b = a + 1; b < out.length && !merged; b++) {
        const shared = out[a].g.filter((i) => out[b].g.includes(i)).length;
        if (shared * 2 <= Math.min(out[a].g.length, out[b].g.length)) continue;
        if (!out[a].of.some((x) => out[b].of.some((y) => same(x, y)))) continue;
        out[a] = { g: [...new Set([...out[a].g, ...out[b].g])].sort((x, y) => x - y), of: [...out[a].of, ...out[b].of] };
        out.splice(b, 1);
        merged = true;
      }
  }
  return out.map((o) => o.g);
}
