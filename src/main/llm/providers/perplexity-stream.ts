import { z } from 'zod';

/**
 * Reads a Perplexity Agent API event stream (Responses-format SSE). Perplexity-only output items
 * such as `search_results` are outside the OpenAI SDK's types, so events are parsed here by shape
 * and unknown event types are ignored, as the reference asks.
 */

export interface AgentStreamOutcome {
  text: string;
  tokensIn: number | undefined;
  tokensOut: number | undefined;
  /** Source URLs from `search_results` output items, first-seen order, no duplicates. */
  citations: string[];
  /** Undefined when no terminal event arrived (the stream was cut). */
  status: 'completed' | 'incomplete' | 'failed' | 'cancelled' | undefined;
  incompleteReason: string | undefined;
  /** The message of a failed or cancelled run, or of a bare `error` event. */
  failure: string | undefined;
}

const TextDelta = z.object({ type: z.literal('response.output_text.delta'), delta: z.string() });
const OutputItem = z.object({
  type: z.enum(['response.output_item.added', 'response.output_item.done']),
  item: z.unknown(),
});
const SearchResults = z.object({ type: z.literal('search_results'), results: z.array(z.object({ url: z.string() })) });
const Terminal = z.object({
  type: z.enum(['response.completed', 'response.incomplete', 'response.failed', 'response.cancelled']),
  response: z.object({
    usage: z.object({ input_tokens: z.number(), output_tokens: z.number() }).nullish(),
    output: z.array(z.unknown()).nullish(),
    error: z.object({ message: z.string() }).nullish(),
    incomplete_details: z.object({ reason: z.string() }).nullish(),
  }),
});
const ErrorEvent = z.object({ type: z.literal('error'), message: z.string().optional() });

export async function consumeAgentStream(
  events: AsyncIterable<unknown>,
  onText: (text: string) => void,
): Promise<AgentStreamOutcome> {
  const outcome: AgentStreamOutcome = {
    text: '',
    tokensIn: undefined,
    tokensOut: undefined,
    citations: [],
    status: undefined,
    incompleteReason: undefined,
    failure: undefined,
  };
  const cite = (item: unknown) => {
    const results = SearchResults.safeParse(item);
    if (!results.success) return;
    for (const { url } of results.data.results) if (!outcome.citations.includes(url)) outcome.citations.push(url);
  };

  for await (const event of events) {
    const delta = TextDelta.safeParse(event);
    if (delta.success) {
      outcome.text += delta.data.delta;
      onText(delta.data.delta);
      continue;
    }
    const item = OutputItem.safeParse(event);
    if (item.success) {
      cite(item.data.item);
      continue;
    }
    const terminal = Terminal.safeParse(event);
    if (terminal.success) {
      const { response } = terminal.data;
      outcome.status = terminal.data.type.slice('response.'.length) as AgentStreamOutcome['status'];
      outcome.tokensIn = response.usage?.input_tokens;
      outcome.tokensOut = response.usage?.output_tokens;
      outcome.incompleteReason = response.incomplete_details?.reason;
      outcome.failure = response.error?.message;
      for (const output of response.output ?? []) cite(output);
      break;
    }
    const error = ErrorEvent.safeParse(event);
    if (error.success) {
      outcome.status = 'failed';
      outcome.failure = error.data.message ?? 'stream error';
      break;
    }
  }
  return outcome;
}
