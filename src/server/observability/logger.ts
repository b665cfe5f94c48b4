import pino, { type Logger } from 'pino';

/** Tokens can ride in query strings (the live WebSocket's `token=`); logs keep the rest of the URL. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|access_token|refresh_token)=)[^&#]*/gi, '$1[redacted]');
}

/** Structured JSON logs (pino) with credentials kept out: Authorization headers and token parameters. */
export function createServerLogger(level: string): Logger {
  return pino({
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: {
      req(request: { method?: string; url?: string; headers?: Record<string, unknown>; ip?: string }) {
        return {
          method: request.method,
          url: request.url ? redactUrl(request.url) : request.url,
          host: request.headers?.host,
          remoteAddress: request.ip,
        };
      },
    },
  });
}
