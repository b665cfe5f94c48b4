import type { LocalModel } from '../../../shared/contract/llm-admin';
import { type MemoryBudget, rateFit } from '../hardware/fit';
import type { ModelInfo } from '../provider';

/** The context the app asks models for; a model's own maximum is used when smaller. */
export const WORKING_CONTEXT = 8_192;

/** An installed model with its fit on this machine (unknown size → no rating). */
export function rateLocalModel(model: ModelInfo, budget: MemoryBudget): LocalModel {
  const contextLength = Math.min(model.contextLength ?? WORKING_CONTEXT, WORKING_CONTEXT);
  const fit = model.sizeBytes ? rateFit({ sizeBytes: model.sizeBytes, contextLength }, budget) : null;
  return {
    provider: model.provider === 'embedded' ? 'embedded' : 'ollama',
    id: model.id,
    sizeBytes: model.sizeBytes ?? null,
    contextLength: model.contextLength ?? null,
    parameterSize: model.parameterSize ?? null,
    quantization: model.quantization ?? null,
    fit: fit?.rating ?? null,
    fitReason: fit?.reason ?? null,
  };
}
