import type { Platform } from '../../../shared/domain/platform';
import { VARIANT_LABELS, type VariantLabel } from '../../../shared/domain/studio';
import { ALL_PLATFORMS, PLATFORM_LABELS } from '../../ui/platforms';

/** The most variants one idea asks for per platform (A, B, C). */
export const MAX_VARIANTS = VARIANT_LABELS.length;

/** One card to fill: a platform, and which variant of it when there are several. */
export interface DraftSlot {
  /** Stable within one run: "linkedin:1". */
  key: string;
  platform: Platform;
  /** The variant as the core names it (A when only one was asked for). */
  variant: VariantLabel;
  /** "A", "B"…, or null when only one variant per platform was asked for. */
  variantLabel: VariantLabel | null;
  /** The card's accessible name: "Draft for X", "Draft for LinkedIn (variant A)". */
  label: string;
  /** Ties the card to its llm:token stream. */
  requestId: string;
}

/** The card's accessible name. */
export function slotLabel(platform: Platform, variantLabel: string | null): string {
  const base = `Draft for ${PLATFORM_LABELS[platform]}`;
  return variantLabel === null ? base : `${base} (variant ${variantLabel})`;
}

/**
 * One slot per platform × variant, in the usual platform order, each with a fresh request id.
 * `newId` is injectable so tests get predictable ids.
 */
export function planSlots(
  platforms: readonly Platform[],
  variants: number,
  newId: () => string = () => crypto.randomUUID(),
): DraftSlot[] {
  const count = Math.min(MAX_VARIANTS, Math.max(1, Math.floor(variants)));
  const slots: DraftSlot[] = [];
  for (const platform of ALL_PLATFORMS) {
    if (!platforms.includes(platform)) continue;
    for (const variant of VARIANT_LABELS.slice(0, count)) {
      const variantLabel = count > 1 ? variant : null;
      slots.push({
        key: `${platform}:${variant}`,
        platform,
        variant,
        variantLabel,
        label: slotLabel(platform, variantLabel),
        requestId: newId(),
      });
    }
  }
  return slots;
}
