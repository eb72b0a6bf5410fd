import type { RawDocument } from '../model/types.js';
import { processDocument } from '../pipeline.js';

/**
 * Loads what a worker's first document would load (the tagger, parser and attribution models, the
 * lexicons) by processing a short made-up article, so that a worker is ready, and its first real
 * document timed, only once its models are in memory.
 */
const WARM_UP: RawDocument = {
  id: 'warm-up',
  source: 'warm-up.txt',
  format: 'text',
  content: 'Council approves new budget\n\nThe city council approved a budget of 12 million dollars on Tuesday, its chair said. "We listened to residents," she told reporters after the three-hour meeting.\n',
  contentType: 'text',
  encoding: 'utf-8',
  meta: {},
};

export function warmUp(): void {
  processDocument(WARM_UP);
}
