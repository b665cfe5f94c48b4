import type { Platform } from '../../shared/domain/platform';
import { shapeForPlatform } from '../../shared/platforms/shape';

/** A generated draft shaped for its platform: the body to store and what shaping changed. */
export interface ShapedDraft {
  text: string;
  /** YouTube: the video title taken from the draft's first line. */
  title?: string;
  warnings: string[];
}

/** The raw generation shaped by the platform's limits and norms (thread split and numbering, hashtags, title). */
export function shapeDraft(raw: string, platform: Platform): ShapedDraft {
  const shaped = shapeForPlatform(platform, raw);
  return { text: shaped.text, warnings: shaped.warnings, ...(shaped.title ? { title: shaped.title } : {}) };
}
