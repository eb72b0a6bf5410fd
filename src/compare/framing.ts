/**
 * Framing: for the same thing, the words each outlet uses (alliance or partnership; invasion, war
 * or conflict ...), from a lexicon of concepts journalism is known to frame differently.
 * Omissions: facts most independent sources carry that an article leaves out.
 */
import type { Fact } from './types.js';
import { evidence, type StoryView } from './prepare.js';
import { cmp } from './text.js';
import type { FramingRow, Omission } from './types.js';

interface Concept {
  concept: string;
  /** term label → pattern (case-insensitive, word-bounded) */
  terms: [string, RegExp][];
}

const w = (s: string) => new RegExp(`\\b(?:${s})\\b`, 'gi');

export const CONCEPTS: Concept[] = [
  {
    concept: 'the relationship between the states or leaders',
    terms: [
      ['alliance', w('alliances?|allies|ally')],
      ['partnership', w('partnerships?')],
      ['ties', w('ties')],
      ['relations/relationship', w('relations|relationships?')],
      ['friendship', w('friendships?|friends? of steel')],
      ['axis', w('axis')],
      ['bloc', w('bloc')],
      ['alignment', w('alignment')],
    ],
  },
  {
    concept: 'the armed conflict',
    terms: [
      ['invasion', w('(?:full-scale )?invasion|invaded|invading')],
      ['war', w('war(?!\\s+(?:i|ii|one|two)\\b)(?<!world war)')],
      ['conflict', w('conflicts?')],
      ['aggression', w('aggression')],
      ['special military operation', w('special military operation')],
      ['occupation', w('occupation|occupied')],
      ['fighting', w('fighting|hostilities')],
      ['crisis', w('crisis')],
    ],
  },
  {
    concept: 'the document agreed',
    terms: [
      ['joint statement', w('joint statements?')],
      ['declaration', w('(?:joint )?declarations?')],
      ['pact', w('pacts?')],
      ['communiqué', w('communiqu[ée]s?')],
      ['agreement(s)', w('agreements?|accords?|deals?')],
      ['treaty', w('treat(?:y|ies)')],
      ['memorandum', w('memorand(?:um|a)')],
    ],
  },
  {
    concept: 'the meeting',
    terms: [
      ['summit', w('summits?')],
      ['talks', w('talks')],
      ['meeting', w('meetings?')],
      ['state visit', w('state visits?|official visits?')],
      ['visit', w('visits?(?<!state visits?|official visits?)')],
      ['negotiations', w('negotiations?')],
    ],
  },
  {
    concept: 'the government named',
    terms: [
      ['regime', w('regimes?')],
      ['government', w('governments?')],
      ['administration', w('administrations?')],
      ['authorities', w('authorities')],
      ['leadership', w('leadership')],
    ],
  },
  {
    concept: 'armed actors',
    terms: [
      ['terrorists', w('terrorists?')],
      ['militants', w('militants?')],
      ['rebels', w('rebels?')],
      ['insurgents', w('insurgents?')],
      ['separatists', w('separatists?')],
      ['fighters', w('fighters?')],
      ['forces/troops', w('forces|troops|soldiers')],
    ],
  },
  {
    concept: 'people crossing borders',
    terms: [
      ['illegal immigrants/aliens', w('illegal (?:immigrants?|aliens?|migrants?)')],
      ['undocumented', w('undocumented')],
      ['migrants', w('migrants?')],
      ['refugees', w('refugees?')],
      ['asylum seekers', w('asylum[- ]seekers?')],
    ],
  },
  {
    concept: 'the unrest',
    terms: [
      ['protest', w('protests?|protesters?|demonstrations?|demonstrators?')],
      ['riot', w('riots?|rioters?')],
      ['unrest', w('unrest')],
      ['uprising', w('uprisings?|revolt')],
    ],
  },
];

export function buildFraming(story: StoryView): FramingRow[] {
  const rows: FramingRow[] = [];
  for (const c of CONCEPTS) {
    const usage: FramingRow['usage'] = [];
    for (const a of story.articles) {
      const terms: FramingRow['usage'][number]['terms'] = [];
      for (const [term, re] of c.terms) {
        const ev = [];
        let count = 0;
        for (const s of a.sentences) {
          const chunk = a.text.slice(s.span.start, s.span.end);
          re.lastIndex = 0;
          for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
            count++;
            if (ev.length < 3) ev.push(evidence(s, { start: s.span.start + m.index, end: s.span.start + m.index + m[0].length }));
          }
        }
        if (count) terms.push({ term, count, evidence: ev });
      }
      if (terms.length) {
        terms.sort((x, y) => y.count - x.count || cmp(x.term, y.term));
        usage.push({ articleId: a.id, outlet: a.outlet, terms });
      }
    }
    if (usage.length < 2) continue;
    // only a framing difference when outlets' dominant words differ
    const dominant = new Set(usage.map((u) => u.terms[0].term));
    const all = new Set(usage.flatMap((u) => u.terms.map((t) => t.term)));
    if (dominant.size < 2 && all.size < 2) continue;
    rows.push({ concept: c.concept, usage });
  }
  return rows;
}

const ROLE_WORDS =
  /^(?:president|leader|strongman|dictator|autocrat|despot|tyrant|ruler|chief|head|premier|minister|secretary|spokesman|spokeswoman|counterpart|nominee|candidate|senator|governor|speaker|director|chairman|king|general|commander|boss|tycoon|billionaire|mogul|official|ally|rival|critic|adviser|advisor|former|then|deputy|acting)$/i;
const TITLE_CASE = /^[A-Z][a-z]+$/;
const STOP_BEFORE = /^(?:the|a|an|and|or|of|by|with|to|for|from|in|on|at|that|said|says|as|his|her|their|its)$/i;

/** How each outlet describes the story's main people: the role words right before their names. */
export function buildActorFraming(story: StoryView): FramingRow[] {
  const byKey = new Map<string, { name: string; arts: Map<string, Map<string, { count: number; ev: ReturnType<typeof evidence>[] }>> }>();
  for (const a of story.articles)
    for (const s of a.sentences)
      for (const e of s.entities) {
        if (e.type !== 'PER') continue;
        // words before the name, nearest first, while they are titles or role nouns
        const before = s.tokens.filter((t) => t.end <= e.span.start && e.span.start - t.end < 60);
        const words: typeof before = [];
        for (let i = before.length - 1; i >= 0 && words.length < 3; i--) {
          const t = before[i];
          if (a.text.slice(t.end, i + 1 < before.length ? before[i + 1].start : e.span.start).trim()) break; // punctuation between
          if (STOP_BEFORE.test(t.text)) break;
          if (!(ROLE_WORDS.test(t.text) || TITLE_CASE.test(t.text))) break;
          words.unshift(t);
        }
        if (!words.length || !words.some((w) => ROLE_WORDS.test(w.text))) continue;
        const term = words.map((w) => w.text).join(' ');
        let ent = byKey.get(e.key);
        if (!ent) byKey.set(e.key, (ent = { name: e.name, arts: new Map() }));
        if (e.name.length > ent.name.length) ent.name = e.name;
        let terms = ent.arts.get(a.id);
        if (!terms) ent.arts.set(a.id, (terms = new Map()));
        let t = terms.get(term);
        if (!t) terms.set(term, (t = { count: 0, ev: [] }));
        t.count++;
        if (t.ev.length < 3) t.ev.push(evidence(s, { start: words[0].start, end: e.span.end }));
      }
  const rows: FramingRow[] = [];
  for (const [key, ent] of [...byKey].sort((x, y) => y[1].arts.size - x[1].arts.size || cmp(x[0], y[0]))) {
    if (ent.arts.size < 2) continue;
    const distinct = new Set([...ent.arts.values()].flatMap((m) => [...m.keys()].map((k) => k.toLowerCase())));
    if (distinct.size < 2) continue;
    rows.push({
      concept: `how ${ent.name} is described`,
      usage: [...ent.arts]
        .sort((x, y) => cmp(x[0], y[0]))
        .map(([articleId, terms]) => ({
          articleId,
          outlet: story.byId.get(articleId)!.outlet,
          terms: [...terms].sort((x, y) => y[1].count - x[1].count || cmp(x[0], y[0])).map(([term, t]) => ({ term, count: t.count, evidence: t.ev })),
        })),
    });
    void key;
    if (rows.length >= 3) break;
  }
  return rows;
}

/** Facts carried by at least 60 % of the independent sources (and two or more) that some article leaves out. */
export function findOmissions(story: StoryView, facts: Fact[]): Omission[] {
  const totalIndependent = story.independent(story.articles.filter((a) => a.sentences.length).map((a) => a.id));
  if (totalIndependent < 3) return [];
  const need = Math.max(2, Math.ceil(totalIndependent * 0.6));
  const out: Omission[] = [];
  for (const f of facts) {
    if (f.independentSources < need || f.status === 'single-source') continue;
    const carriedGroups = new Set(f.articles.map((id) => story.byId.get(id)!.group));
    const missing = story.articles.filter((a) => a.sentences.length && !carriedGroups.has(a.group));
    if (!missing.length) continue;
    out.push({
      factId: f.id,
      statement: f.statement,
      carriedBy: f.independentSources,
      missingFrom: missing.map((a) => ({ articleId: a.id, outlet: a.outlet })),
    });
  }
  out.sort((a, b) => b.carriedBy - a.carriedBy || cmp(a.factId, b.factId));
  return out;
}
