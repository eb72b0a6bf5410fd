/**
 * The speed line of eval:quotes (quotes + times + quantities over the PolNeAR dev texts, the parse
 * computed before the clock) for two source trees in one process: this worktree and another
 * commit's tree, so that a speed change is measured against its base under the same load.
 *
 *   git archive <commit> package.json src models data | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/
 *   npm run speed:ab -- /tmp/base [--rounds N] [--fresh-parse] [dir]
 *
 * Each tree loads its own modules and models and parses the texts once. Then, per round, every
 * article runs through one tree and then the other (the order swapped each round), each call timed
 * in CPU time (user + system) of this process: the load of the moment falls on both trees alike,
 * which separate passes or separate processes do not give on a shared machine. Prints per tree the
 * median over rounds of CPU-ms per article, the median of the per-round ratios with the middle half
 * of them (from the first quartile to the third: how far one round can be trusted), the sum over
 * articles of each article's fastest round (the least disturbed by other processes and by the
 * other tree's garbage collection, which the two trees share), and `uptime` before and after.
 *
 * `--fresh-parse` gives every round a new array of each article's parse tokens (the same tokens,
 * copied before the round, outside the clock): the quote passes keep what they derive from a parse
 * (its children, the ranker's token facts, …) in memos keyed on that array, which a run over the
 * same arrays pays in its first round only, while the pipeline pays them for every article.
 */
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Tree {
  name: string;
  /** The three analysers on article i. */
  run: (i: number) => void;
  /** Each article's parse as a new array (the memos keyed on the old one no longer apply). */
  renew: () => void;
}

/** A tree's analysers over `texts`, with each text's sentences and parse computed by that tree. */
async function loadTree(root: string, name: string, texts: string[]): Promise<Tree> {
  const at = (p: string) => import(pathToFileURL(join(root, p)).href);
  const [q, t, n, sx, tk] = await Promise.all([
    at('src/analyse/quotes.ts'),
    at('src/analyse/time.ts'),
    at('src/analyse/quantities.ts'),
    at('src/analyse/syntax/index.ts'),
    at('src/analyse/tokenize.ts'),
  ]);
  const sents = texts.map((x) => tk.splitSentences(x));
  let parses = texts.map((x, i) => sx.parseSentences(x, sents[i]).tokens);
  return {
    name,
    renew: () => {
      parses = parses.map((p: unknown[]) => p.slice());
    },
    run: (i) => {
      q.findQuotes(texts[i], sents[i], [], { model: true, tokens: parses[i] });
      t.findTimes(texts[i], sents[i], null);
      n.findQuantities(texts[i], sents[i]);
    },
  };
}

const median = (a: number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const roundsAt = args.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 10;
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds');
  const fresh = args.includes('--fresh-parse');
  if (!positional[0]) throw new Error('usage: speed-ab <base tree> [--rounds N] [--fresh-parse] [polnear dir]');
  const dir = join(positional[1] ?? '../shared/data/attribution/polnear/dev', 'text');
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const texts = names.map((f) => readFileSync(join(dir, f), 'utf8'));
  const trees = [await loadTree(resolve(positional[0]), 'base', texts), await loadTree(process.cwd(), 'this', texts)];
  for (const tree of trees) for (let i = 0; i < texts.length; i++) tree.run(i); // warm-up
  console.log(`before: ${execSync('uptime').toString().trim()}`);
  const ms: number[][] = trees.map(() => []);
  const fastest = trees.map(() => new Array<number>(texts.length).fill(Infinity));
  for (let r = 0; r < rounds; r++) {
    const sum = trees.map(() => 0);
    if (fresh) for (const tree of trees) tree.renew();
    for (let i = 0; i < texts.length; i++)
      for (let k = 0; k < trees.length; k++) {
        const x = r % 2 ? trees.length - 1 - k : k;
        const c0 = process.cpuUsage();
        trees[x].run(i);
        const c = process.cpuUsage(c0);
        sum[x] += c.user + c.system;
        fastest[x][i] = Math.min(fastest[x][i], c.user + c.system);
      }
    sum.forEach((s, x) => ms[x].push(s / 1000 / texts.length));
  }
  console.log(`after: ${execSync('uptime').toString().trim()}`);
  trees.forEach((tree, x) => console.log(`${tree.name}: median ${median(ms[x]).toFixed(3)} CPU-ms/article over ${rounds} rounds (${ms[x].map((v) => v.toFixed(2)).join(' ')})`));
  const best = fastest.map((f) => f.reduce((a, b) => a + b, 0) / 1000 / texts.length);
  trees.forEach((tree, x) => console.log(`${tree.name}: each article's fastest round, summed: ${best[x].toFixed(3)} CPU-ms/article`));
  const ratios = ms[1].map((v, r) => v / ms[0][r]).sort((x, y) => x - y);
  const quartile = (q: number) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))];
  console.log(
    `this/base: ratio of medians ${(median(ms[1]) / median(ms[0])).toFixed(3)}, median of per-round ratios ${median(ratios).toFixed(3)} (middle half ${quartile(0.25).toFixed(3)}-${quartile(0.75).toFixed(3)}), of fastest rounds ${(best[1] / best[0]).toFixed(3)} (${texts.length} articles)`,
  );
}

await main();
