import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { answerFor, countTokens, exampleFromSchema, limitAnswer } from '../shared/echo-text';
import { sendJson } from '../shared/http-io';
import type { Fault, RecordedRequest } from '../shared/peer-server';
import { playDeltas, startSse, writeSse } from '../shared/sse';
import type { AgentTurn } from './agent-request';

/** The answer of a validated Agent API request, as one Response object or as typed SSE events. */

/** Deterministic web results: the same query always "finds" the same two pages. */
export function searchResultsFor(query: string) {
  const slug =
    query
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'query';
  return [1, 2].map((n) => ({
    id: n,
    url: `https://example.org/${slug}/${n}`,
    title: `Result ${n} for ${query}`,
    snippet: `Snippet ${n}`,
    date: '2026-11-20',
    last_updated: '2026-11-21',
    source: 'web',
  }));
}

export async function replyToAgent(
  turn: AgentTurn,
  exchange: { res: ServerResponse; record: RecordedRequest; fault: Fault | undefined },
  headers: Record<string, string>,
): Promise<void> {
  const { res, record, fault } = exchange;
  const prompt = [...turn.input].reverse().find((item) => item.role === 'user')?.content ?? '';
  const text = turn.schema === undefined ? answerFor(prompt) : JSON.stringify(exampleFromSchema(turn.schema));
  const { deltas, truncated } =
    turn.schema === undefined
      ? limitAnswer(text, turn.maxOutputTokens)
      : { deltas: text.match(/[\s\S]{1,8}/g) ?? [], truncated: false };
  const inputTokens =
    countTokens(turn.instructions) + turn.input.reduce((sum, item) => sum + 3 + countTokens(item.content), 0);
  record.reportedUsage = { input: inputTokens, output: deltas.length };

  const id = `resp_${randomUUID().replaceAll('-', '')}`;
  const messageId = `msg_${randomUUID().replaceAll('-', '')}`;
  const search = turn.webSearch
    ? { type: 'search_results', queries: [prompt], results: searchResultsFor(prompt) }
    : undefined;
  const message = (full: string, status: string) => ({
    type: 'message',
    id: messageId,
    role: 'assistant',
    status,
    content: [{ type: 'output_text', text: full, annotations: [] }],
  });
  const response = (status: string, output: unknown[], usage?: unknown) => ({
    id,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    model: turn.model,
    status,
    output,
    ...(status === 'incomplete' ? { incomplete_details: { reason: 'max_output_tokens' } } : {}),
    ...(usage === undefined ? {} : { usage }),
  });
  const usage = {
    input_tokens: inputTokens,
    output_tokens: deltas.length,
    total_tokens: inputTokens + deltas.length,
    cost: {
      currency: 'USD',
      input_cost: 0,
      output_cost: 0,
      tool_calls_cost: search ? 0.005 : 0,
      total_cost: search ? 0.005 : 0,
    },
  };
  const terminalStatus = truncated ? 'incomplete' : 'completed';
  const finalOutput = [...(search ? [search] : []), message(deltas.join(''), terminalStatus)];

  if (!turn.stream) {
    sendJson(res, 200, response(terminalStatus, finalOutput, usage), headers);
    return;
  }
  // Bare `data:` lines, a monotonic sequence_number, and no [DONE]: the Agent API's stream format.
  let sequence = 0;
  const emit = (type: string, data: Record<string, unknown>) =>
    writeSse(res, JSON.stringify({ type, sequence_number: sequence++, ...data }));
  startSse(res, headers);
  emit('response.created', { response: response('in_progress', []) });
  emit('response.in_progress', { response: response('in_progress', []) });
  let outputIndex = 0;
  if (search) {
    emit('response.output_item.added', { output_index: outputIndex, item: search });
    emit('response.output_item.done', { output_index: outputIndex, item: search });
    outputIndex += 1;
  }
  emit('response.output_item.added', { output_index: outputIndex, item: message('', 'in_progress') });
  const delta = { item_id: messageId, output_index: outputIndex, content_index: 0 };
  const completed = await playDeltas({
    res,
    record,
    fault,
    deltas,
    write: (piece) => emit('response.output_text.delta', { ...delta, delta: piece }),
    writeError: (body) => emit(String((body as { type?: unknown }).type ?? 'error'), body as Record<string, unknown>),
  });
  if (!completed) return;
  emit('response.output_text.done', { ...delta, text: deltas.join('') });
  emit('response.output_item.done', { output_index: outputIndex, item: message(deltas.join(''), terminalStatus) });
  emit(`response.${terminalStatus}`, { response: response(terminalStatus, finalOutput, usage) });
  res.end();
}
