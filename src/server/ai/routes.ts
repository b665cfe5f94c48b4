import type { FastifyInstance } from 'fastify';
import { requireVerifiedEmail } from '../accounts/verified';
import type { ServerContext } from '../context';
import { proxyChatCompletion } from './chat-proxy';
import { modelList, requireUpstream } from './offer';

/** Requests per minute per client address; quotas are the real limit, this only stops floods. */
const REQUESTS_PER_MINUTE = 120;

/**
 * The cloud-AI fallback: an OpenAI-compatible proxy (so the desktop reuses its OpenAI client)
 * under /v1/ai, authenticated with the Cadence access token and metered per tier in tokens.
 */
export async function registerAiRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const limited =
    context.config.RATE_LIMITS === 'on'
      ? { config: { rateLimit: { max: REQUESTS_PER_MINUTE, timeWindow: 60_000 } } }
      : {};

  app.get('/ai/models', limited, async (request) => {
    const auth = await context.authenticate(request);
    requireUpstream(context.config);
    await requireVerifiedEmail(context.db, auth.userId);
    return modelList(context.config);
  });

  app.post('/ai/chat/completions', limited, (request, reply) => proxyChatCompletion(context, request, reply));
}
