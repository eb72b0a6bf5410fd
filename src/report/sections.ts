import type { SectionRenderers } from './render.js';
import type { StoryExtras } from './build.js';

/**
 * Wires the stages that add to a story's report (cross-check, cross-article entity linking)
 * into the renderers. Kept in one place so the CLI, the server and the library agree.
 */
export function reportExtras(): StoryExtras {
  return {};
}

export function reportSections(): SectionRenderers {
  return {};
}
