import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on loopback, chosen by the OS. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('Could not pick a free port');
  return address.port;
}

/**
 * Starts `ollama serve`. On POSIX it leads its own process group, so a forced stop can take
 * the model runners it spawned down with it instead of leaving them holding memory.
 */
export function spawnServe(binaryPath: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(binaryPath, ['serve'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function kill(child: ChildProcess, signal: NodeJS.Signals, wholeGroup: boolean): void {
  if (process.platform === 'win32' && child.pid !== undefined) {
    // Windows has no SIGTERM (Node's kill is TerminateProcess) and no process groups: end the
    // whole tree at once, or Ollama's runner processes outlive it.
    execFile('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true }, () => {});
    return;
  }
  try {
    if (wholeGroup && child.pid !== undefined) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // Already gone.
  }
}

/**
 * Kills what is left of a server's process group right after the server itself exited: model
 * runners it started would otherwise live on holding RAM and VRAM. POSIX only.
 */
export function killGroupRemnants(pid: number): void {
  if (process.platform === 'win32') return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // No process left in the group: the usual case.
  }
}

/** Whether `promise` settles within `ms`. */
async function within(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = await Promise.race([promise.then(() => true as const), late]);
  clearTimeout(timer);
  return settled;
}

/**
 * SIGTERM so Ollama can stop its runners cleanly; SIGKILL to the whole group if it has not
 * exited within `timeoutMs` (a hung or stopped process never handles SIGTERM).
 */
export async function terminate(child: ChildProcess, timeoutMs: number): Promise<'graceful' | 'killed'> {
  if (child.exitCode !== null || child.signalCode !== null) return 'graceful';
  const done = exited(child);
  kill(child, 'SIGTERM', false);
  if (await within(done, timeoutMs)) return 'graceful';
  kill(child, 'SIGKILL', true);
  // A process stuck in the kernel may not die at once; quitting the app must not wait on it forever.
  await within(done, timeoutMs);
  return 'killed';
}

/** Exponential backoff: initial, 2×, 4× ... capped at maxMs. `attempt` counts from 1. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
}
