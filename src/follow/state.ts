/**
 * What following remembers between polls (sources' status and validators, entries already taken).
 * It lives in the store module, which alone writes SQL: see src/store/sqlite/follow-state.ts.
 */
export { FollowState, type SourceRow } from '../store/sqlite/follow-state.js';
