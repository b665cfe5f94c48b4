import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface HostProcess {
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const HOST_ENTRY = resolve(import.meta.dirname, '../../out/main/host.js');
const URL_LINE = /^Cadence is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=(\S+))$/;

/**
 * Starts the built headless host as a real process, the way `npm run serve` does, and waits for
 * the one stdout line with its URL. The journeys need `out/` (npm test builds it first). `env`
 * adds variables to the host's environment (e.g. OLLAMA_HOST pointing at a protocol peer).
 */
export async function startHostProcess(
  dataDir: string,
  port = 0,
  env: Record<string, string> = {},
): Promise<HostProcess> {
  const child = spawn(process.execPath, [HOST_ENTRY, '--port', String(port), '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The host did not print its URL in time. stderr: ${stderr}`)),
      60_000,
    );
    lines.on('line', (line) => {
      if (URL_LINE.test(line)) {
        clearTimeout(timer);
        resolveUrl(line.match(URL_LINE)![1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited with ${code} before it was ready. stderr: ${stderr}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
