import type { ServerResponse } from 'node:http';
import { type CompletionResult, InvalidFormatError, type PeerEngine } from './engine';
import { type JsonObject, NdjsonStream, sendError, sendJson, str, timestamp } from './http';
import { type InstalledModel, normaliseName, type RunningModels } from './store';

export interface GenerateContext {
  installed: Map<string, InstalledModel>;
  running: RunningModels;
  engine: PeerEngine;
  /** One-shot fault: cut the connection after this many streamed chunks. */
  faults: { dropChatAfterChunks: number | null };
  observed: { generationAborts: number; droppedGenerations: number };
}

type Kind = 'chat' | 'generate';

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The text a non-instruction model continues: the chat's contents in order, system first. */
function chatPrompt(messages: unknown[]): string {
  return messages
    .map((message) => (message && typeof message === 'object' ? str((message as JsonObject).content) : undefined))
    .filter((content): content is string => content !== undefined && content !== '')
    .join('\n');
}

function piece(kind: Kind, model: string, text: string, extra: JsonObject = {}): JsonObject {
  const head = { model, created_at: timestamp() };
  return kind === 'chat'
    ? { ...head, message: { role: 'assistant', content: text }, ...extra }
    : { ...head, response: text, ...extra };
}

function finalStats(kind: Kind, result: CompletionResult, totalNs: number): JsonObject {
  return {
    done: true,
    done_reason: result.stopReason === 'length' ? 'length' : 'stop',
    ...(kind === 'generate' ? { context: result.tokens } : {}),
    total_duration: totalNs,
    load_duration: result.loadNs,
    prompt_eval_count: result.promptTokens,
    prompt_eval_duration: result.promptEvalNs,
    eval_count: result.evalTokens,
    eval_duration: result.evalNs,
  };
}

/** POST /api/chat and /api/generate, streamed as NDJSON unless `stream:false`. */
export async function handleGenerate(kind: Kind, body: JsonObject, res: ServerResponse, ctx: GenerateContext) {
  const started = process.hrtime.bigint();
  const requested = str(body.model);
  if (!requested) return sendError(res, 400, 'model is required');
  const installed = ctx.installed.get(normaliseName(requested));
  if (!installed) return sendError(res, 404, `model "${requested}" not found, try pulling it first`);
  if (kind === 'chat' && body.messages !== undefined && !Array.isArray(body.messages)) {
    return sendError(res, 400, 'messages must be an array');
  }
  const prompt = kind === 'chat' ? chatPrompt((body.messages as unknown[] | undefined) ?? []) : str(body.prompt);

  // An empty prompt or chat only loads (or with keep_alive 0 unloads) the model.
  if (!prompt) {
    ctx.running.touch(installed.name, body.keep_alive);
    const unloading = ctx.running.list().every((entry) => entry.name !== installed.name);
    const reason = unloading ? 'unload' : 'load';
    return sendJson(res, 200, piece(kind, requested, '', { done: true, done_reason: reason }));
  }

  let grammar: Awaited<ReturnType<PeerEngine['grammarFor']>>;
  try {
    grammar = await ctx.engine.grammarFor(body.format);
  } catch (error) {
    if (error instanceof InvalidFormatError) return sendError(res, 400, error.message);
    throw error;
  }

  const options = (body.options && typeof body.options === 'object' ? body.options : {}) as JsonObject;
  const streaming = body.stream !== false;
  const stream = streaming ? new NdjsonStream(res) : null;
  const abort = new AbortController();
  res.on('close', () => {
    if (res.writableFinished || abort.signal.aborted) return;
    ctx.observed.generationAborts += 1;
    abort.abort();
  });
  let chunks = 0;
  let result: CompletionResult;
  try {
    result = await ctx.engine.complete({
      prompt,
      maxTokens: num(options.num_predict),
      contextSize: num(options.num_ctx),
      temperature: num(options.temperature),
      seed: num(options.seed),
      topK: num(options.top_k),
      topP: num(options.top_p),
      stop: Array.isArray(options.stop) ? options.stop.filter((s): s is string => typeof s === 'string') : [],
      grammar,
      signal: abort.signal,
      onText: (text) => {
        if (!stream || abort.signal.aborted) return;
        stream.write(piece(kind, requested, text, { done: false }));
        chunks += 1;
        if (ctx.faults.dropChatAfterChunks !== null && chunks >= ctx.faults.dropChatAfterChunks) {
          ctx.faults.dropChatAfterChunks = null;
          ctx.observed.droppedGenerations += 1;
          abort.abort();
          stream.drop();
        }
      },
    });
  } catch (error) {
    // After the headers, Ollama reports a failure as an error line in the stream.
    const message = (error as Error).message;
    if (stream) {
      stream.write({ error: message });
      return stream.end();
    }
    return sendError(res, 500, message);
  }
  if (abort.signal.aborted) return;
  ctx.running.touch(installed.name, body.keep_alive);
  const totalNs = Number(process.hrtime.bigint() - started);
  const stats = finalStats(kind, result, totalNs);
  if (stream) {
    stream.write(piece(kind, requested, '', stats));
    stream.end();
  } else {
    sendJson(res, 200, piece(kind, requested, result.text, stats));
  }
}
