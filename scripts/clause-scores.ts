/**
 * Attachment scores of the clause relations (what the cross-check and the quote ledger read of a
 * parse: which clause hangs on which word): for each relation, recall (gold words of that relation
 * whose head and relation the parser got right) and precision (predicted words of that relation
 * whose head and relation are right), and one "clause LAS" over the words whose gold or predicted
 * relation is a clause relation. Universal relations, as the CoNLL 2018 LAS, except `acl:relcl`
 * shown on its own; `conj` counts only between verbs (a coordinated clause, not a list of nouns),
 * each side judged with its own tags. Shared by scripts/eval-syntax.ts and scripts/explore-parser.ts.
 */

export interface Arc {
  head: number;
  deprel: string;
  upos: string;
}

const universal = (r: string) => r.split(':')[0];

/** The clause classes, in print order; `acl` counts relative clauses too. */
export const CLAUSE_CLASSES = ['acl', 'acl:relcl', 'advcl', 'ccomp', 'xcomp', 'csubj', 'parataxis', 'conj(verb)', 'mark'] as const;
export type ClauseClass = (typeof CLAUSE_CLASSES)[number];

/** The classes word `i` (0-based) of a sentence belongs to, on one side (gold or predicted). */
function classesOf(arcs: readonly Arc[], i: number): ClauseClass[] {
  const a = arcs[i];
  const u = universal(a.deprel);
  if (u === 'acl') return a.deprel === 'acl:relcl' ? ['acl', 'acl:relcl'] : ['acl'];
  if (u === 'conj') return a.upos === 'VERB' && a.head > 0 && arcs[a.head - 1]?.upos === 'VERB' ? ['conj(verb)'] : [];
  return (CLAUSE_CLASSES as readonly string[]).includes(u) ? [u as ClauseClass] : [];
}

/** Head and relation right; `acl:relcl` also needs the subtype right. */
function right(g: Arc, p: Arc, c: ClauseClass | 'any'): boolean {
  if (g.head !== p.head) return false;
  return c === 'acl:relcl' ? g.deprel === p.deprel : universal(g.deprel) === universal(p.deprel);
}

export class ClauseScores {
  readonly gold = new Map<ClauseClass, number>();
  readonly pred = new Map<ClauseClass, number>();
  readonly recallHits = new Map<ClauseClass, number>();
  readonly precisionHits = new Map<ClauseClass, number>();
  clauseWords = 0;
  clauseRight = 0;

  /** Adds a sentence: gold and predicted arcs of the same words, in order. */
  add(gold: readonly Arc[], pred: readonly Arc[]): void {
    const bump = (m: Map<ClauseClass, number>, c: ClauseClass) => m.set(c, (m.get(c) ?? 0) + 1);
    for (let i = 0; i < gold.length; i++) {
      const gc = classesOf(gold, i);
      const pc = classesOf(pred, i);
      for (const c of gc) {
        bump(this.gold, c);
        if (right(gold[i], pred[i], c)) bump(this.recallHits, c);
      }
      for (const c of pc) {
        bump(this.pred, c);
        if (right(gold[i], pred[i], c)) bump(this.precisionHits, c);
      }
      if (gc.length || pc.length) {
        this.clauseWords++;
        if (right(gold[i], pred[i], 'any')) this.clauseRight++;
      }
    }
  }

  get clauseLas(): number {
    return this.clauseWords ? this.clauseRight / this.clauseWords : 0;
  }

  /** Per class: gold count, recall, precision, F1 (4 decimals). */
  rows(): { relation: ClauseClass; gold: number; recall: number; precision: number; f1: number }[] {
    const r4 = (x: number) => Math.round(x * 10000) / 10000;
    return CLAUSE_CLASSES.map((c) => {
      const recall = (this.recallHits.get(c) ?? 0) / Math.max(1, this.gold.get(c) ?? 0);
      const precision = (this.precisionHits.get(c) ?? 0) / Math.max(1, this.pred.get(c) ?? 0);
      const f1 = recall + precision ? (2 * recall * precision) / (recall + precision) : 0;
      return { relation: c, gold: this.gold.get(c) ?? 0, recall: r4(recall), precision: r4(precision), f1: r4(f1) };
    });
  }

  /** One line: "clause LAS 0.xxxx (n words); acl R/P …". */
  summary(): string {
    const parts = this.rows().map((r) => `${r.relation} ${r.recall.toFixed(3)}/${r.precision.toFixed(3)}`);
    return `clause LAS ${this.clauseLas.toFixed(4)} (${this.clauseWords} words); R/P ${parts.join(', ')}`;
  }
}

export interface ParsedWord extends Arc {
  form?: string;
}

/** Whether `a` is `b` or one of its ancestors in a tree of 1-based heads (0 = root). */
function dominates(words: readonly Arc[], a: number, b: number): boolean {
  for (let x = b, steps = 0; x > 0 && steps <= words.length; x = words[x - 1].head, steps++) if (x === a) return true;
  return false;
}

/**
 * The kind of a clause error (word j, 0-based, of a clause relation on either side, with head or
 * relation wrong), tried in this order: a tag error on the word or its gold head; the right head
 * with the wrong relation; the main clause picked wrong (root on one side); a subordinator on the
 * wrong clause; attached too high (the predicted head dominates the gold head); too low (the gold
 * head dominates the predicted one); elsewhere.
 */
export function clauseErrorKind(gold: readonly Arc[], pred: readonly Arc[], j: number): string {
  const g = gold[j], p = pred[j];
  if (g.upos !== p.upos || (g.head > 0 && gold[g.head - 1].upos !== pred[g.head - 1].upos)) return 'tag error on the word or its gold head';
  if (g.head === p.head) return 'right head, wrong relation';
  if (g.head === 0 || p.head === 0) return 'main clause picked wrong (root on one side)';
  if (universal(g.deprel) === 'mark') return 'subordinator on the wrong clause';
  if (dominates(gold, p.head, g.head)) return 'attached too high (predicted head dominates the gold head)';
  if (dominates(gold, g.head, p.head)) return 'attached too low (gold head dominates the predicted head)';
  return 'attached elsewhere';
}

/** Whether word j counts as a clause word on either side (the words clause LAS scores). */
export function isClauseWord(gold: readonly Arc[], pred: readonly Arc[], j: number): boolean {
  return classesOf(gold, j).length > 0 || classesOf(pred, j).length > 0;
}
