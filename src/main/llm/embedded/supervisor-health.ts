import { basename } from 'node:path';
import type { PongEvent } from '../../../shared/workers/llm-protocol';
import type { ProviderHealth } from '../provider';
import { engineDown } from './embedded-errors';
import type { EmbeddedSupervisor, RequestBuilder } from './embedded.supervisor';

/** idle: not started yet (it starts on first use); failed: gave up after too many crashes. */
export type SupervisorState = 'idle' | 'running' | 'restarting' | 'failed' | 'closed';

export type Pong = PongEvent & { latencyMs: number };

/** Asks the engine whether it is alive; a ping it never answers is forgotten after the timeout. */
export async function pingEngine(
  supervisor: Pick<EmbeddedSupervisor, 'call' | 'pending'>,
  timeoutMs: number,
): Promise<Pong> {
  const started = performance.now();
  let requestId = '';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      supervisor.pending.delete(requestId);
      reject(engineDown(`it did not answer a ping within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  const build: RequestBuilder = (id) => {
    requestId = id;
    return { type: 'ping', requestId };
  };
  try {
    const pong = await Promise.race([supervisor.call(build, (e) => (e.type === 'pong' ? e : undefined)), timeout]);
    return { ...pong, latencyMs: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** The health line Settings and Diagnostics show for the embedded engine. */
export function describeHealth(
  state: SupervisorState,
  crashes: number,
  maxRestarts: number,
  lastFailure: string,
  pong?: Pong,
): ProviderHealth {
  switch (state) {
    case 'idle':
      return { ok: true, detail: 'Ready; the embedded engine starts on first use' };
    case 'restarting':
      return { ok: false, detail: `Restarting after a crash (${crashes} of ${maxRestarts}): ${lastFailure}` };
    case 'failed':
      return { ok: false, detail: `Stopped after ${crashes} crashes in a row (last: ${lastFailure})` };
    case 'closed':
      return { ok: false, detail: 'The embedded engine is shut down' };
    case 'running': {
      const model = pong?.loadedModel ? basename(pong.loadedModel) : 'no model loaded';
      const latency = pong ? `, answers in ${Math.round(pong.latencyMs)} ms` : '';
      return { ok: true, detail: `Running (${model}, ${pong?.pending ?? 0} pending${latency})` };
    }
  }
}
