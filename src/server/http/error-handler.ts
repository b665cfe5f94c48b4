import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import type { ServerErrorBody } from '../../shared/sync-api/errors';
import { ApiError } from './api-error';

/** Every failure leaves as `{ error: { code, message, details? } }`; internals never leak. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError | ZodError, request, reply) => {
    if (error instanceof ApiError) {
      if (error.headers) void reply.headers(error.headers);
      return reply.status(error.status).send(body(error.code, error.message, error.details));
    }
    if (error instanceof ZodError) {
      const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return reply.status(400).send(body('invalid_input', 'The request is not valid.', { issues }));
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(body('rate_limited', error.message || 'Too many requests; wait and try again.'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own (bad JSON, body too large, unsupported media type).
      return reply.status(error.statusCode).send(body('invalid_input', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('internal', 'Something went wrong on the server; try again.'));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(body('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
}

function body(
  code: ServerErrorBody['error']['code'],
  message: string,
  details?: Record<string, unknown>,
): ServerErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}
