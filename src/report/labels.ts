/** Small wording helpers of every text output (terminal, Markdown, the CLI's lists and progress). */

/** "1 article", "2 articles". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A story's date span as one label: a day, "day to day", or "no dates". */
export function spanLabel(s: { span: { start: string | null; end: string | null } }): string {
  const { start, end } = s.span;
  if (!start && !end) return 'no dates';
  const a = (start ?? end)!.slice(0, 10);
  const b = (end ?? start)!.slice(0, 10);
  return a === b ? a : `${a} to ${b}`;
}
