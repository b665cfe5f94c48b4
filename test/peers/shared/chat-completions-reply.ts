import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ChatDialect, ChatUsage } from './chat-completions-dialect';
import { answerFor, countMessageTokens, exampleFromSchema, lastUserText, limitAnswer } from './echo-text';
import { asRecord, sendJson } from './http-io';
import type { Fault, RecordedRequest } from './peer-server';
import { playDeltas, startSse, writeSse } from './sse';

export interface ChatTurn {
  model: string;
  messages: unknown[];
  stream: boolean;
  includeUsage: boolean;
  maxTokens: number | undefined;
  /** The JSON schema of `response_format`, when structured output was asked for. */
  schema: unknown;
}

/** The deterministic answer: an echo, or the smallest JSON the schema allows (sent in 8-char pieces). */
function plan(turn: ChatTurn): { deltas: string[]; finishReason: 'stop' | 'length'; usage: ChatUsage } {
  const prompt = countMessageTokens(turn.messages);
  if (turn.schema !== undefined) {
    const json = JSON.stringify(exampleFromSchema(turn.schema));
    const deltas = json.match(/[\s\S]{1,8}/g) ?? [];
    return { deltas, finishReason: 'stop', usage: usageOf(prompt, deltas.length) };
  }
  const { deltas, truncated } = limitAnswer(answerFor(lastUserText(turn.messages)), turn.maxTokens);
  return { deltas, finishReason: truncated ? 'length' : 'stop', usage: usageOf(prompt, deltas.length) };
}

function usageOf(prompt: number, completion: number): ChatUsage {
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** Answers a validated chat completion request, streaming or not. */
export async function replyToChat(options: {
  dialect: ChatDialect;
  turn: ChatTurn;
  res: ServerResponse;
  record: RecordedRequest;
  fault: Fault | undefined;
  headers: Record<string, string>;
}): Promise<void> {
  const { dialect, turn, res, record, fault, headers } = options;
  const { deltas, finishReason, usage } = plan(turn);
  record.reportedUsage = { input: usage.prompt_tokens, output: usage.completion_tokens };
  const id = `chatcmpl-${randomUUID().replaceAll('-', '')}`;
  const base = { id, created: Math.floor(Date.now() / 1000), model: turn.model, system_fingerprint: 'fp_peer' };

  if (!turn.stream) {
    const message = { role: 'assistant', content: deltas.join(''), refusal: null, annotations: [] };
    sendJson(
      res,
      200,
      {
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
        usage,
        ...dialect.extraFields?.(id, usage),
      },
      headers,
    );
    return;
  }

  // With include_usage every chunk carries `usage: null` and one extra chunk with empty choices
  // carries the totals before [DONE], as the Chat Completions streaming reference describes.
  const nullUsage = turn.includeUsage ? { usage: null } : {};
  const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      ...base,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...nullUsage,
      ...extra,
    });

  startSse(res, headers);
  writeSse(res, chunk({ role: 'assistant', content: '', refusal: null }, null));
  const completed = await playDeltas({
    res,
    record,
    fault,
    deltas,
    write: (delta) => writeSse(res, chunk({ content: delta }, null)),
    // OpenAI-style streams report a failure as a `data:` event carrying an `error` object.
    writeError: (body) => writeSse(res, JSON.stringify(body)),
  });
  if (!completed) return;
  writeSse(res, chunk({}, finishReason, dialect.extraFields?.(id, usage)));
  if (turn.includeUsage) {
    writeSse(res, JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [], usage }));
  }
  writeSse(res, '[DONE]');
  res.end();
}

/** The JSON schema inside `response_format`, or a reason it is malformed. */
export function readResponseFormat(
  value: unknown,
  requireName: boolean,
): { schema: unknown } | { error: string; param: string } | undefined {
  const format = asRecord(value);
  if (format === undefined) return undefined;
  if (format.type === 'text' || format.type === 'json_object') return undefined;
  if (format.type !== 'json_schema') {
    return { error: `Invalid value: '${String(format.type)}'.`, param: 'response_format.type' };
  }
  const spec = asRecord(format.json_schema);
  if (spec === undefined) {
    return {
      error: "Missing required parameter: 'response_format.json_schema'.",
      param: 'response_format.json_schema',
    };
  }
  if (requireName && (typeof spec.name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(spec.name))) {
    return {
      error: "Missing required parameter: 'response_format.json_schema.name'.",
      param: 'response_format.json_schema.name',
    };
  }
  return { schema: spec.schema ?? {} };
}
