import { createRequire } from 'node:module';

/**
 * `require` for the CommonJS packages every run loads (iconv-lite, tldts, better-sqlite3). Node 20
 * imports a CommonJS package by first scanning its source for the names it exports (a lexer set
 * up on first use): about 3 times the CPU of requiring it (measured at start-up, load ~12 on 2
 * cores: 138 vs 46 ms for the three; tldts alone 78-92 vs 19-21 ms).
 *
 *   const iconv: typeof import('iconv-lite') = requirePackage('iconv-lite');
 */
export const requirePackage = createRequire(import.meta.url);
