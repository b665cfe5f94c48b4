import type { LlamaGrammar } from 'node-llama-cpp';
import {
  type GenerateRequestMessage,
  type WorkerEvent,
  type WorkerRequest,
  workerRequestSchema,
} from '../../shared/workers/llm-protocol';
import { toEngineError } from './engine-error';
import { compileJsonSchema, runGeneration } from './generation';
import { type LoadedHandle, ModelHost } from './model-host';
import { connectToParent } from '../shared/parent-channel';

/**
 * The embedded llama.cpp engine, run as a child process by src/main/llm/embedded/ (a process, not
 * a worker thread: ending a thread mid-generation aborts the whole app inside node-llama-cpp, and
 * a native crash in a thread takes the app with it). It holds one model and one context, so model
 * work (load, generate, count, unload) runs one at a time in arrival order; ping and cancel are
 * answered at once, even mid-generation, because evaluation runs on native threads.
 */

const parent = connectToParent<WorkerEvent>('The embedded LLM engine');
const post = (event: WorkerEvent): void => parent.post(event);

const host = new ModelHost((level, message) => post({ type: 'log', level, message }));

/** Abort controllers of generations that are running or waiting their turn. */
const controllers = new Map<string, AbortController>();
const grammars = new Map<string, Promise<LlamaGrammar>>();
const MAX_GRAMMARS = 32;
let queue: Promise<void> = Promise.resolve();
let waiting = 0;

function enqueue(requestId: string, task: () => Promise<void>): void {
  waiting += 1;
  queue = queue.then(async () => {
    try {
      await task();
    } catch (error) {
      const failure = toEngineError(error);
      post({ type: 'error', requestId, kind: failure.kind, message: failure.message });
    } finally {
      waiting -= 1;
    }
  });
}

function grammarFor(handle: LoadedHandle, schema: Record<string, unknown>): Promise<LlamaGrammar> {
  const key = JSON.stringify(schema);
  let grammar = grammars.get(key);
  if (!grammar) {
    grammar = compileJsonSchema(handle, schema);
    grammar.catch(() => grammars.delete(key));
    const oldest = grammars.keys().next();
    if (grammars.size >= MAX_GRAMMARS && !oldest.done) grammars.delete(oldest.value);
    grammars.set(key, grammar);
  }
  return grammar;
}

async function generate(request: GenerateRequestMessage, signal: AbortSignal): Promise<void> {
  if (signal.aborted) {
    post({ type: 'done', requestId: request.requestId, tokensIn: 0, tokensOut: 0, finishReason: 'cancelled' });
    return;
  }
  const handle = await host.load(request.model);
  const grammar = request.jsonSchema ? await grammarFor(handle, request.jsonSchema) : undefined;
  const outcome = await runGeneration(handle, request, grammar, signal, (text, tokens) =>
    post({ type: 'token', requestId: request.requestId, text, tokens }),
  );
  post({ type: 'done', requestId: request.requestId, ...outcome });
}

function handle(request: WorkerRequest): void {
  const { requestId } = request;
  switch (request.type) {
    case 'ping':
      post({ type: 'pong', requestId, loadedModel: host.current?.info.modelPath ?? null, pending: waiting });
      return;
    case 'cancel':
      controllers.get(requestId)?.abort();
      return;
    case 'load':
      enqueue(requestId, async () => post({ type: 'loaded', requestId, model: (await host.load(request.model)).info }));
      return;
    case 'unload':
      enqueue(requestId, async () => {
        await host.unload();
        post({ type: 'unloaded', requestId });
      });
      return;
    case 'countTokens':
      enqueue(requestId, async () => {
        const { model } = await host.load(request.model);
        post({ type: 'tokenCount', requestId, count: model.tokenize(request.text).length });
      });
      return;
    case 'generate': {
      const controller = new AbortController();
      controllers.set(requestId, controller);
      enqueue(requestId, async () => {
        try {
          await generate(request, controller.signal);
        } finally {
          controllers.delete(requestId);
        }
      });
      return;
    }
  }
}

parent.onMessage((raw: unknown) => {
  const parsed = workerRequestSchema.safeParse(raw);
  if (parsed.success) return handle(parsed.data);
  // Answer what can be answered, so main's pending request fails instead of waiting forever.
  const requestId = typeof raw === 'object' && raw !== null && 'requestId' in raw ? String(raw.requestId) : '';
  const message = `Invalid message to the embedded engine: ${parsed.error.issues.map((i) => i.message).join('; ')}`;
  if (requestId) post({ type: 'error', requestId, kind: 'invalid_request', message });
  else post({ type: 'log', level: 'error', message });
});
