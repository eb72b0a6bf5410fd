import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { sourceFiles } from './literals.js';

/**
 * Files a reader need not scroll: no function in src/ runs over MAX_LINES lines (signature to
 * closing brace, nested functions counted in the one that holds them). Functions are found in the
 * syntax tree (TypeScript's parser), so declarations, methods, arrows and function expressions all
 * count.
 */
const MAX_LINES = 150;

/**
 * Functions allowed over the limit, with the reason (none today). An entry that is no longer over
 * the limit fails the test, so the list cannot go stale.
 */
const ALLOWED = new Set<string>([]);

interface LongFunction {
  file: string;
  name: string;
  line: number;
  lines: number;
}

/** Functions of one source file longer than `max` lines, outermost first. */
export function longFunctions(source: string, file: string, max = MAX_LINES): LongFunction[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(node.end).line;
      if (last - first + 1 > max) out.push({ file, name: functionName(node), line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The declared name, or the name of the variable or property an anonymous function is bound to. */
function functionName(node: ts.Node): string {
  const named = node as { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonymous)';
}

test('the checker finds a long function however it is written, and measures it from signature to brace', () => {
  const body = (n: number) => Array.from({ length: n }, (_, i) => `  x += ${i};`).join('\n');
  const source = [
    `export function short() {\n${body(10)}\n}`,
    `export function long(x: number) {\n${body(160)}\n  return x;\n}`,
    `const arrow = (x: number) => {\n${body(149)}\n};`,
    `class Desk { file(x: number) {\n${body(200)}\n} }`,
  ].join('\n');
  const found = longFunctions(source, 'sample.ts');
  assert.deepEqual(
    found.map((f) => [f.name, f.lines]),
    [
      ['long', 163],
      ['arrow', 151],
      ['file', 202],
    ],
  );
});

test(`no function in src/ is over ${MAX_LINES} lines (except the allow-list, empty today)`, () => {
  const root = join(import.meta.dirname, '..', '..');
  const long = sourceFiles(join(root, 'src')).flatMap((f) => longFunctions(readFileSync(f, 'utf8'), relative(root, f).split('\\').join('/')));
  const unlisted = long.filter((f) => !ALLOWED.has(`${f.file} ${f.name}`)).map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`);
  assert.deepEqual(unlisted, [], `functions over ${MAX_LINES} lines: split them by job`);
  const stillLong = new Set(long.map((f) => `${f.file} ${f.name}`));
  const stale = [...ALLOWED].filter((entry) => !stillLong.has(entry));
  assert.deepEqual(stale, [], 'these are no longer over the limit: take them off the allow-list');
});
