/** Every probe story of the suite, in a fixed order (see types.ts). */
import { MEASURE_PROBES } from './measures.js';
import { MIXED_PROBES } from './mixed.js';
import { PEOPLE_PROBES } from './people.js';
import { TOLL_PROBES } from './tolls.js';
import type { Probe } from './types.js';
import { WHEN_WHERE_WHO_PROBES } from './when-where-who.js';

export type { Probe, ProbeArticle, ProbeConflict, ProbeSide } from './types.js';

export const PROBES: Probe[] = [...TOLL_PROBES, ...MEASURE_PROBES, ...PEOPLE_PROBES, ...WHEN_WHERE_WHO_PROBES, ...MIXED_PROBES];
