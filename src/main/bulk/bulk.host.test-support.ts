import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** The built headless host: CADENCE_HOST_ENTRY, else out/main/host.js (npm test builds out/ first). */
export function hostEntry(): string {
  const entry = process.env.CADENCE_HOST_ENTRY ?? resolve(import.meta.dirname, '../../../out/main/host.js');
  if (!existsSync(entry)) {
    throw new Error(`No built host at ${entry}: run \`npx electron-vite build\` or set CADENCE_HOST_ENTRY`);
  }
  return entry;
}

export interface RunningHost {
  child: ChildProcess;
  invoke<T = unknown>(channel: string, input: unknown): Promise<T>;
  /** SIGKILL: no shutdown code runs, as when the OS kills the app. */
  kill(): Promise<void>;
  /** SIGTERM: the host closes the core cleanly. */
  stop(): Promise<void>;
}

const URL_LINE = /^Cadence is running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)$/;

/** Starts the host on a data folder and waits for its URL line. */
export async function startHost(dataDir: string, env: Record<string, string> = {}): Promise<RunningHost> {
  const child = spawn(process.execPath, [hostEntry(), '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const [origin, token] = await new Promise<[string, string]>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`The host printed no URL in time. stderr: ${stderr}`)), 30_000);
    lines.on('line', (line) => {
      const match = URL_LINE.exec(line);
      if (!match) return;
      clearTimeout(timer);
      done([match[1]!, match[2]!]);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`The host exited with ${code} before it was ready. stderr: ${stderr}`));
    });
  });
  const exited = new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
  });
  const end = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return {
    child,
    invoke: async <T>(channel: string, input: unknown): Promise<T> => {
      const response = await fetch(`${origin}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.code}: ${envelope.error?.message}`);
      return envelope.value as T;
    },
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
