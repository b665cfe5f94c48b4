import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the browser is shown after the redirect: a tiny page, never a token. */
export interface CallbackAnswer {
  status: number;
  title: string;
  message: string;
}

/**
 * A one-shot HTTP server on 127.0.0.1 with a port the OS picks (RFC 8252 §7.3). It answers
 * `/callback` once with the page `onCallback` returns, then closes; anything else is a 404.
 */
export class LoopbackServer {
  private answered = false;

  private constructor(
    private readonly server: Server,
    readonly redirectUri: string,
  ) {}

  static async start(onCallback: (url: URL) => Promise<CallbackAnswer>): Promise<LoopbackServer> {
    let self: LoopbackServer | null = null;
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (request.method !== 'GET' || url.pathname !== '/callback' || !self || self.answered) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      self.answered = true;
      const owner = self;
      void onCallback(url).then(
        (answer) => owner.reply(response, answer),
        () => owner.reply(response, { status: 500, title: 'Something went wrong', message: 'Go back to Cadence.' }),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    self = new LoopbackServer(server, `http://127.0.0.1:${port}/callback`);
    return self;
  }

  close(): void {
    this.server.close();
    this.server.closeAllConnections();
  }

  private reply(response: ServerResponse, answer: CallbackAnswer): void {
    response
      .writeHead(answer.status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'",
        connection: 'close',
      })
      .end(page(answer));
    response.once('finish', () => this.close());
  }
}

function page(answer: CallbackAnswer): string {
  const esc = (text: string) =>
    text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cadence — ${esc(answer.title)}</title></head><body><h1>${esc(answer.title)}</h1><p>${esc(answer.message)}</p></body></html>`;
}
