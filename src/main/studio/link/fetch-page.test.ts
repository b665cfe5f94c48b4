import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPageFetcher } from './fetch-page';

/** A real HTTP server on 127.0.0.1: the fetcher is tested without reaching the internet. */
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<title>Rye</title><p>Rye flour carries more wild yeast than wheat.</p>');
    } else if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'Rye is good for starters. '.repeat(40)}</p>`;
      const write = () => {
        while (res.write(chunk)) if (res.writableLength > 1e7) return; // never ends on its own
        res.once('drain', write);
      };
      write();
      req.on('close', () => res.destroy());
    } else if (req.url === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<title>Slow</title>'); // and never finishes
    } else if (req.url === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF');
    } else {
      res.writeHead(404, 'Not Found');
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createPageFetcher', () => {
  const fetchPage = createPageFetcher({ timeoutMs: 1_000, maxBytes: 64 * 1024 });

  it('reads a page as plain text', async () => {
    expect(await fetchPage(`${base}/page`)).toEqual({
      title: 'Rye',
      description: '',
      excerpt: 'Rye flour carries more wild yeast than wheat.',
    });
  });

  it('stops reading at the size cap', async () => {
    const page = await fetchPage(`${base}/huge`);
    expect(page.excerpt.startsWith('Rye is good for starters.')).toBe(true);
  });

  it.each([
    ['/missing', 'the site answered 404 Not Found'],
    ['/pdf', 'the link is not a web page (application/pdf)'],
    ['/slow', 'the page took too long to download'],
  ])('%s fails with a plain reason', async (path, reason) => {
    await expect(fetchPage(`${base}${path}`)).rejects.toThrow(reason);
  });

  it('says when nothing answers', async () => {
    await expect(fetchPage('http://127.0.0.1:9/')).rejects.toThrow(/the page could not be reached/u);
  });
});
