import type { AbPair } from '../../shared/domain/analytics';
import type { Platform } from '../../shared/domain/platform';
import type { CreateAbPairInput } from '../analytics/ab-pairs';

/**
 * What the studio needs from its neighbouring domains, as narrow ports: the templates and brand
 * services satisfy them structurally, and tests can pass the real ones.
 */

/** A post structure to follow, already rendered with the creator's values (templates domain). */
export interface TemplateForPrompt {
  name: string;
  /** The structure with variables filled in (or left as placeholders). */
  text: string;
}

export interface StudioTemplates {
  /** The template rendered with these values; throws NOT_FOUND for an unknown id. */
  renderForPrompt(id: string, values: Record<string, string>): Promise<TemplateForPrompt>;
}

/** How to sound like the creator: instructions and a few of their own posts (brand domain). */
export interface VoiceGuide {
  instructions: string;
  examples: string[];
}

export interface StudioBrand {
  voiceGuide(text: string, platform: Platform): Promise<VoiceGuide | null>;
}

export interface StudioAbPairs {
  createAbPair(input: CreateAbPairInput): Promise<AbPair>;
}
