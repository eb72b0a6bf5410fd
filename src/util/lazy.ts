import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * linkedom, loaded on first use (its CommonJS build, synchronously). It takes about 130 ms to load,
 * more than the whole extraction of a plain-text article, so text-only runs never pay for it.
 */
export function linkedom(): typeof import('linkedom') {
  return require('linkedom') as typeof import('linkedom');
}
