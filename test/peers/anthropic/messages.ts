import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  answerFor,
  countMessageTokens,
  countTokens,
  exampleFromSchema,
  lastUserText,
  limitAnswer,
} from '../shared/echo-text';
import { asRecord, sendJson } from '../shared/http-io';
import type { Fault, RecordedRequest } from '../shared/peer-server';
import { playDeltas, startSse, writeSse } from '../shared/sse';

/** Validation and answers of POST /v1/messages and /v1/messages/count_tokens. */

export interface AnthropicModel {
  id: string;
  displayName: string;
  contextWindow: number;
  maxOutput: number;
}

export interface Problem {
  status: number;
  type: string;
  message: string;
  /** `error.details`, sent by API version 2026-10-21 for some errors. */
  details?: Record<string, unknown>;
}

export interface MessagesTurn {
  model: AnthropicModel;
  messages: unknown[];
  system: string;
  maxTokens: number;
  stream: boolean;
  schema: unknown;
}

const SAMPLING = ['temperature', 'top_p', 'top_k'];

/** The checks the Messages reference documents; `forCount` skips what count_tokens does not take. */
export function validateMessages(
  body: unknown,
  models: readonly AnthropicModel[],
  version: string,
  forCount: boolean,
): MessagesTurn | Problem {
  const invalid = (message: string): Problem => ({ status: 400, type: 'invalid_request_error', message });
  const request = asRecord(body);
  if (!request) return invalid('The request body is not valid JSON.');
  if (typeof request.model !== 'string') return invalid('model: Field required');
  if (!forCount && typeof request.max_tokens !== 'number') return invalid('max_tokens: Field required');
  if (!Array.isArray(request.messages)) return invalid('messages: Field required');
  if (request.messages.length === 0) return invalid('messages: at least one message is required');
  for (const [i, message] of request.messages.entries()) {
    const role = asRecord(message)?.role;
    if (role !== 'user' && role !== 'assistant')
      return invalid(`messages.${i}.role: Input should be 'user' or 'assistant'`);
  }
  // API version 2026-10-21 removed the sampling parameters; any value is a 400.
  const sampling = SAMPLING.find((name) => name in request);
  if (version === '2026-10-21' && sampling) {
    return invalid(`${sampling}: Extra inputs are not permitted in API version 2026-10-21`);
  }
  const format = asRecord(asRecord(request.output_config)?.format);
  if (format && (format.type !== 'json_schema' || asRecord(format.schema) === undefined)) {
    return invalid('output_config.format: expected {"type": "json_schema", "schema": {...}}');
  }
  const model = models.find((m) => m.id === request.model);
  if (!model) return { status: 404, type: 'not_found_error', message: `model: ${request.model}` };
  const system = typeof request.system === 'string' ? request.system : '';
  const inputTokens = countMessageTokens(request.messages) + countTokens(system);
  if (inputTokens > model.contextWindow) {
    return invalid(`prompt is too long: ${inputTokens} tokens > ${model.contextWindow} maximum`);
  }
  return {
    model,
    messages: request.messages,
    system,
    maxTokens: typeof request.max_tokens === 'number' ? request.max_tokens : model.maxOutput,
    stream: request.stream === true,
    schema: format?.schema,
  };
}

export function inputTokensOf(turn: MessagesTurn): number {
  return countMessageTokens(turn.messages) + countTokens(turn.system);
}

/** Answers a validated message request in Anthropic's JSON or SSE event format. */
export async function replyToMessages(
  turn: MessagesTurn,
  exchange: { res: ServerResponse; record: RecordedRequest; fault: Fault | undefined },
  headers: Record<string, string>,
): Promise<void> {
  const { res, record, fault } = exchange;
  const text =
    turn.schema === undefined ? answerFor(lastUserText(turn.messages)) : JSON.stringify(exampleFromSchema(turn.schema));
  const limited =
    turn.schema === undefined
      ? limitAnswer(text, turn.maxTokens)
      : { deltas: text.match(/[\s\S]{1,8}/g) ?? [], truncated: false };
  const input = inputTokensOf(turn);
  const output = limited.deltas.length;
  const stopReason = limited.truncated ? 'max_tokens' : 'end_turn';
  record.reportedUsage = { input, output };
  const usage = {
    input_tokens: input,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    service_tier: 'standard',
  };
  const message = {
    id: `msg_${randomUUID().replaceAll('-', '')}`,
    type: 'message',
    role: 'assistant',
    model: turn.model.id,
  };

  if (!turn.stream) {
    const content = [{ type: 'text', text: limited.deltas.join('') }];
    sendJson(
      res,
      200,
      { ...message, content, stop_reason: stopReason, stop_sequence: null, usage: { ...usage, output_tokens: output } },
      headers,
    );
    return;
  }
  const event = (type: string, data: Record<string, unknown>) => writeSse(res, JSON.stringify({ type, ...data }), type);
  startSse(res, headers);
  event('message_start', {
    message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } },
  });
  event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
  event('ping', {});
  const completed = await playDeltas({
    res,
    record,
    fault,
    deltas: limited.deltas,
    write: (delta) => event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: delta } }),
    writeError: (body) => writeSse(res, JSON.stringify(body), 'error'),
  });
  if (!completed) return;
  event('content_block_stop', { index: 0 });
  event('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: output } });
  event('message_stop', {});
  res.end();
}
