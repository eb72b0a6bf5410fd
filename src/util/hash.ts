import { createHash } from 'node:crypto';

/** Content id: first 32 hex chars (128 bits) of SHA-256. */
export function contentId(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 32);
}

/** Short stable hash for derived ids. */
export function shortHash(data: string): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 12);
}
