import type { ServerConfig } from '../config';
import { ApiError } from '../http/api-error';
import { DEFAULT_MODEL_ALIAS } from './chat-request';
import type { Upstream } from './upstream';

/** The upstream, or 503 `unavailable` when this server does not offer cloud AI at all. */
export function requireUpstream(config: ServerConfig): Upstream {
  if (!config.AI_UPSTREAM_URL) {
    throw new ApiError(
      503,
      'unavailable',
      'This Cadence server does not offer the cloud model. Use a local model, or add your own provider key in Settings → AI.',
    );
  }
  return { baseUrl: config.AI_UPSTREAM_URL, key: config.AI_UPSTREAM_KEY };
}

/**
 * The model a request may use. The service offers one model (AI_DEFAULT_MODEL): quotas are counted
 * in tokens, which is only fair while every token costs the same. `default` names it for apps
 * that do not know the server's choice.
 */
export function offeredModel(requested: string, offered: string): string {
  if (requested === DEFAULT_MODEL_ALIAS || requested === offered) return offered;
  throw new ApiError(
    400,
    'invalid_input',
    `This server offers the model "${offered}" (also reachable as "${DEFAULT_MODEL_ALIAS}"), not "${requested}".`,
    { offered: [offered, DEFAULT_MODEL_ALIAS] },
  );
}

/** GET /v1/ai/models: the OpenAI list shape with the one model on offer. */
export function modelList(config: ServerConfig) {
  return {
    object: 'list' as const,
    data: [{ id: config.AI_DEFAULT_MODEL, object: 'model' as const, created: 0, owned_by: 'cadence' }],
  };
}
