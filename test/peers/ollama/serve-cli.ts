/**
 * `ollama serve` for the supervisor tests: a stand-in executable runs this file, which serves
 * the protocol peer on the address in OLLAMA_HOST, logs like a server, and stops on SIGTERM.
 * Set OLLAMA_PEER_IGNORE_SIGTERM=1 to play a server that hangs on shutdown.
 */
import { createOllamaPeer } from './peer';

const host = process.env.OLLAMA_HOST ?? '127.0.0.1:11434';
const port = Number(host.slice(host.lastIndexOf(':') + 1));
const peer = await createOllamaPeer({ port });
process.stderr.write(`time=${new Date().toISOString()} level=INFO msg="Listening on ${host}" pid=${process.pid}\n`);

process.on('SIGTERM', () => {
  if (process.env.OLLAMA_PEER_IGNORE_SIGTERM === '1') {
    process.stderr.write('level=WARN msg="ignoring SIGTERM"\n');
    return;
  }
  process.stderr.write('level=INFO msg="shutting down"\n');
  void peer.close().then(() => process.exit(0));
});
