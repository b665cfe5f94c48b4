import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ollama } from 'ollama';
import { afterAll, it } from 'vitest';
import { record } from './bench-record';
import { createCore } from '../src/main/core';
import { createOllamaPeer } from '../test/peers/ollama/peer';
import { benchPorts } from './support/ports';
import { median } from './support/stats';

/** Rounds per path; paths alternate so drifting machine load hits both alike. */
const ROUNDS = Number(process.env.BENCH_LLM_ROUNDS ?? 60);
const MAX_TOKENS = 128;
const MODEL = 'stories260k:latest';
const PROMPT = 'Once upon a time';

interface Sample {
  ttftMs: number;
  tokens: number;
  /** Tokens per second from the first token to the last (the streaming rate). */
  rate: number;
  /** From the last token to the call's return (Cadence records the usage row there). */
  tailMs: number;
}

const dataDir = mkdtempSync(join(tmpdir(), 'cadence-bench-llm-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/**
 * The same engine — an Ollama server (the protocol peer running the real stories260K model with
 * llama.cpp) — streamed once straight through the official ollama client, and once through
 * Cadence: dispatcher (zod), router (policy, budget, breaker, usage row), Ollama provider and
 * the llm:token event channel.
 */
it('llm.stream: Cadence vs the engine directly, same prompt and model', async () => {
  const peer = await createOllamaPeer();
  const core = await createCore(benchPorts(dataDir), { llm: { ollama: { url: peer.url }, embedded: 'off' } });
  await core.dispatcher.invoke('llm:save-settings', { chains: { drafting: [{ provider: 'ollama', model: MODEL }] } });
  const direct = new Ollama({ host: peer.url });

  const viaEngine = async (): Promise<Sample> => {
    const started = performance.now();
    let first = 0;
    let last = 0;
    let tokens = 0;
    const stream = await direct.chat({
      model: MODEL,
      messages: [{ role: 'user', content: PROMPT }],
      stream: true,
      options: { num_predict: MAX_TOKENS, temperature: 0 },
    });
    for await (const part of stream) {
      if (part.message.content) {
        tokens++;
        last = performance.now();
        if (tokens === 1) first = last;
      }
    }
    return sample(started, first, last, performance.now(), tokens);
  };

  const viaCadence = async (): Promise<Sample> => {
    const started = performance.now();
    let first = 0;
    let last = 0;
    let tokens = 0;
    const off = core.events.onAny((event) => {
      if (event !== 'llm:token') return;
      tokens++;
      last = performance.now();
      if (tokens === 1) first = last;
    });
    const result = await core.dispatcher.invoke('llm:generate-text', {
      task: 'drafting',
      prompt: PROMPT,
      maxTokens: MAX_TOKENS,
      temperature: 0,
    });
    off();
    if (!result.ok) throw new Error(`Cadence generation failed: ${result.error.message}`);
    return sample(started, first, last, performance.now(), tokens);
  };

  await viaEngine(); // load the model and warm both paths
  await viaCadence();
  const engine: Sample[] = [];
  const cadence: Sample[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    engine.push(await viaEngine());
    cadence.push(await viaCadence());
  }
  await core.close();
  await peer.close();

  const rateEngine = median(engine.map((s) => s.rate));
  const rateCadence = median(cadence.map((s) => s.rate));
  const ttftEngine = median(engine.map((s) => s.ttftMs));
  const ttftCadence = median(cadence.map((s) => s.ttftMs));
  const note = `${MODEL} via the Ollama protocol peer (llama.cpp, 1 thread); ${MAX_TOKENS} max tokens; medians`;
  record({ bench: 'llm.stream.engine_tokens_per_s', value: rateEngine, unit: 'tok/s', n: ROUNDS, note });
  record({ bench: 'llm.stream.cadence_tokens_per_s', value: rateCadence, unit: 'tok/s', n: ROUNDS, note });
  record({
    bench: 'llm.stream.throughput_ratio',
    value: rateCadence / rateEngine,
    unit: 'x',
    target: '>=0.98',
    n: ROUNDS,
    note,
  });
  record({ bench: 'llm.stream.engine_ttft_ms', value: ttftEngine, unit: 'ms', n: ROUNDS, note });
  record({
    bench: 'llm.stream.ttft_overhead_ms',
    value: ttftCadence - ttftEngine,
    unit: 'ms',
    target: '<=15',
    n: ROUNDS,
    note,
  });
  record({
    bench: 'llm.stream.cadence_tail_ms',
    value: median(cadence.map((s) => s.tailMs)) - median(engine.map((s) => s.tailMs)),
    unit: 'ms',
    n: ROUNDS,
    note: 'extra time after the last token: Cadence records the usage row before returning (info)',
  });
}, 600_000);

function sample(started: number, first: number, last: number, ended: number, tokens: number): Sample {
  const streaming = (last - first) / 1000;
  return {
    ttftMs: first - started,
    tokens,
    rate: tokens > 1 && streaming > 0 ? (tokens - 1) / streaming : 0,
    tailMs: ended - last,
  };
}
