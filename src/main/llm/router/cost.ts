import type { ChatMessage, ProviderId } from '../provider';

/** US dollars per million tokens. */
export interface ModelPrice {
  inPerM: number;
  outPerM: number;
}

/** Price table lookup (src/main/llm/providers/pricing.ts); null when the model's price is unknown. */
export type PriceOf = (provider: ProviderId, model: string) => ModelPrice | null;

export const FREE: ModelPrice = { inPerM: 0, outPerM: 0 };

export function costUsd(price: ModelPrice, tokensIn: number, tokensOut: number): number {
  return (tokensIn * price.inPerM + tokensOut * price.outPerM) / 1_000_000;
}

/** The prompt as one text for countTokens; role labels are counted too, as providers bill them. */
export function promptText(messages: ChatMessage[]): string {
  return messages.map((m) => `${m.role}: ${m.content}`).join('\n');
}

/**
 * Used when a provider cannot count tokens: two characters per token is well above real
 * tokenisers (about four for English), so a guess never lets a call slip under a ceiling.
 */
export function pessimisticTokenCount(text: string): number {
  return Math.ceil(text.length / 2);
}

export function formatUsd(amount: number): string {
  return `$${amount < 0.01 && amount > 0 ? amount.toFixed(4) : amount.toFixed(2)}`;
}
