import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for the public host (the relay or the creator's own) that Meta's servers fetch media from. */
export interface MediaHost {
  origin: string;
  url(name: string): string;
  close(): Promise<void>;
}

export async function startMediaHost(files: Record<string, { type: string; bytes: Buffer }>): Promise<MediaHost> {
  const server = createServer((req, res) => {
    const file = files[(req.url ?? '/').slice(1)];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.bytes.length) }).end(file.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (name) => `${origin}/${name}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
