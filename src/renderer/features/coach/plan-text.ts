import type { TodayPlan } from '../../../shared/domain/coach';
import { PLATFORM_LABELS } from '../../ui/platforms';

/** Providers that run on this computer; the rest are cloud services. */
const LOCAL_PROVIDERS = new Set(['ollama', 'embedded']);

const PROVIDER_LABELS: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  groq: 'Groq',
  perplexity: 'Perplexity',
  meta: 'Meta',
};

/** Who wrote the plan: "Written by llama3.2:3b on this computer", or the rules with the reason. */
export function authorText(plan: Pick<TodayPlan, 'generatedBy' | 'provider' | 'model' | 'fallbackReason'>): string {
  if (plan.generatedBy === 'rules') {
    const reason = plan.fallbackReason?.trim().replace(/\.$/u, '');
    return reason
      ? `Written from your data (no AI model available: ${reason})`
      : 'Written from your data (no AI model available)';
  }
  const model = plan.model ?? 'an AI model';
  if (plan.provider === null || LOCAL_PROVIDERS.has(plan.provider)) return `Written by ${model} on this computer`;
  return `Written by ${model} via ${PROVIDER_LABELS[plan.provider] ?? plan.provider} (in the cloud)`;
}

/** "Post at 18:00 on Instagram", or the platform alone when no slot is left today. */
export function whenHeading(plan: Pick<TodayPlan, 'when'>): string {
  const { when } = plan;
  if (when.label.trim()) return when.label;
  return when.platform ? `On ${PLATFORM_LABELS[when.platform]}` : 'Any time today';
}

/** What the speech capability looks like; `window` in the app, a stub in tests. */
export interface SpeechHost {
  speechSynthesis?: unknown;
  SpeechSynthesisUtterance?: unknown;
}

/** Null when the plan can be read aloud, else why not (shown beside the disabled button). */
export function speechUnavailableReason(host: SpeechHost): string | null {
  if (!host.speechSynthesis || typeof host.SpeechSynthesisUtterance !== 'function') {
    return 'Read aloud is not available: this browser has no speech synthesis.';
  }
  return null;
}
