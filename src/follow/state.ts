/**
 * What following remembers between polls (sources' status and validators, entries already taken).
 * It lives in the store (`store.follow`), which alone writes SQL: src/store/sqlite/follow-state.ts
 * and src/store/postgres/follow-state.ts, the same tables in both back-ends.
 */
export type { FollowMemory, FollowSource as SourceRow } from '../store/types.js';
