import { type Serializable, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerRequest } from '../../../shared/workers/llm-protocol';

/**
 * The running engine, as the supervisor sees it; any way of starting a process can provide it.
 * `Message` is what the supervisor sends (the LLM protocol by default; the STT worker reuses this).
 */
export interface EngineProcess<Message extends Serializable = WorkerRequest> {
  readonly pid: number | undefined;
  send(message: Message): void;
  /** SIGTERM lets it finish exiting on its own; SIGKILL ends a hung one. */
  kill(signal: 'SIGTERM' | 'SIGKILL'): void;
  /** Settles when the process has gone, however it went. */
  readonly exited: Promise<void>;
}

export interface EngineProcessEvents {
  onMessage(raw: unknown): void;
  /** Once, with why it ended: exit code or signal and the last error line it printed. */
  onExit(reason: string): void;
}

export type SpawnEngine<Message extends Serializable = WorkerRequest> = (
  entryPath: string | URL,
  events: EngineProcessEvents,
) => EngineProcess<Message>;

const STDERR_TAIL_LINES = 20;

/**
 * Starts the engine as a Node child process with an IPC channel. Inside Electron, the same
 * binary runs as plain Node (ELECTRON_RUN_AS_NODE). Its stderr is kept so that a crash is reported
 * with what the process said last, not just an exit code.
 */
export function forkEngineProcess<Message extends Serializable = WorkerRequest>(
  entryPath: string | URL,
  events: EngineProcessEvents,
): EngineProcess<Message> {
  const child = fork(typeof entryPath === 'string' ? entryPath : fileURLToPath(entryPath), [], {
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // The parent's flags (inspector, test-runner loaders) are not for the engine.
    execArgv: [],
    env: { ...process.env, ...(process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}) },
  });
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr.push(...chunk.split('\n').filter((line) => line.trim() !== ''));
    stderr.splice(0, Math.max(0, stderr.length - STDERR_TAIL_LINES));
  });
  child.on('message', (raw: unknown) => events.onMessage(raw));

  let reported = false;
  const report = (reason: string): void => {
    if (reported) return;
    reported = true;
    const said = stderr.findLast((line) => /error/i.test(line)) ?? stderr.at(-1);
    events.onExit(said ? `${reason}: ${said.trim()}` : reason);
  };
  const exited = new Promise<void>((resolve) => {
    // 'close' comes after stdio is drained, so the last stderr lines are in.
    child.on('close', (code, signal) => {
      report(signal ? `killed by ${signal}` : `exit code ${code}`);
      resolve();
    });
    child.on('error', (error) => {
      // The process could not start at all (or could not be signalled); no 'close' may follow.
      if (child.pid === undefined) {
        report(`could not start: ${error.message}`);
        resolve();
      }
    });
  });

  return {
    pid: child.pid,
    exited,
    send: (message) => {
      // A dead channel is reported through onExit; the request fails there.
      if (child.connected) child.send(message, () => undefined);
    },
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
