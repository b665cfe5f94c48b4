import { asRecord } from '../shared/http-io';

/**
 * Validation of POST /v1/agent (alias /v1/responses). The Agent API is strict: any unknown field,
 * top-level or nested, is a 400 naming it in `param`.
 */

export interface AgentModel {
  id: string;
  contextWindow: number;
}

export interface AgentProblem {
  status: number;
  type: string;
  message: string;
  param?: string;
}

export interface AgentTurn {
  model: string;
  /** Input as role/content pairs; a string input is one user turn. */
  input: { role: string; content: string }[];
  instructions: string;
  stream: boolean;
  maxOutputTokens: number | undefined;
  webSearch: boolean;
  schema: unknown;
}

const TOP_LEVEL = new Set([
  'model',
  'input',
  'instructions',
  'preset',
  'models',
  'max_output_tokens',
  'temperature',
  'top_p',
  'stream',
  'stream_options',
  'reasoning',
  'response_format',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'language_preference',
  'max_steps',
  'max_tool_calls',
  'previous_response_id',
  'background',
  'metadata',
  'store',
  'truncation',
]);
const INPUT_ITEM = new Set(['type', 'role', 'content']);
const WEB_SEARCH_TOOL = new Set(['type', 'filters', 'search_context_size', 'user_location', 'max_results']);
const RESPONSE_FORMAT = new Set(['type', 'json_schema']);

const unknownField = (param: string): AgentProblem => ({
  status: 400,
  type: 'invalid_request',
  message: `invalid request body: json: unknown field "${param.split('.').at(-1) ?? param}"`,
  param,
});

function strayKey(value: Record<string, unknown>, allowed: Set<string>, prefix: string): AgentProblem | undefined {
  const stray = Object.keys(value).find((key) => !allowed.has(key));
  return stray === undefined ? undefined : unknownField(`${prefix}${stray}`);
}

export function validateAgentRequest(body: unknown, models: readonly AgentModel[]): AgentTurn | AgentProblem {
  const invalid = (message: string, param?: string): AgentProblem => ({
    status: 400,
    type: 'invalid_request',
    message,
    param,
  });
  const request = asRecord(body);
  if (!request) return invalid('invalid request body: expected a JSON object');
  const stray = strayKey(request, TOP_LEVEL, '');
  if (stray) return stray;
  if (typeof request.model !== 'string' && typeof request.preset !== 'string')
    return invalid('one of model or preset is required', 'model');
  const model = typeof request.model === 'string' ? models.find((m) => m.id === request.model) : models[0];
  if (!model)
    return { status: 400, type: 'invalid_model', message: `Invalid model '${String(request.model)}'`, param: 'model' };
  if (model.id.startsWith('anthropic/') && typeof request.max_output_tokens !== 'number') {
    return invalid('max_output_tokens is required when using Anthropic models', 'max_output_tokens');
  }

  let input: AgentTurn['input'];
  if (typeof request.input === 'string') input = [{ role: 'user', content: request.input }];
  else if (Array.isArray(request.input) && request.input.length > 0) {
    input = [];
    for (const [i, raw] of request.input.entries()) {
      const item = asRecord(raw);
      if (!item || typeof item.role !== 'string' || typeof item.content !== 'string')
        return invalid(`input[${i}]: expected {role, content}`, `input[${i}]`);
      const itemStray = strayKey(item, INPUT_ITEM, `input[${i}].`);
      if (itemStray) return itemStray;
      input.push({ role: item.role, content: item.content });
    }
  } else return invalid('input is required', 'input');

  let webSearch = false;
  for (const [i, raw] of (Array.isArray(request.tools) ? request.tools : []).entries()) {
    const tool = asRecord(raw);
    if (tool?.type !== 'web_search') return invalid(`tools[${i}].type: unsupported tool type`, `tools[${i}].type`);
    const toolStray = strayKey(tool, WEB_SEARCH_TOOL, `tools[${i}].`);
    if (toolStray) return toolStray;
    webSearch = true;
  }

  let schema: unknown;
  const format = asRecord(request.response_format);
  if (format) {
    const formatStray = strayKey(format, RESPONSE_FORMAT, 'response_format.');
    if (formatStray) return formatStray;
    if (format.type === 'json_schema') {
      schema = asRecord(asRecord(format.json_schema)?.schema);
      if (schema === undefined)
        return invalid('response_format.json_schema.schema is required', 'response_format.json_schema.schema');
    } else if (format.type !== 'text') {
      return {
        status: 400,
        type: 'invalid_parameter',
        message: `unsupported response_format type "${String(format.type)}"`,
        param: 'response_format.type',
      };
    }
  }

  return {
    model: model.id,
    input,
    instructions: typeof request.instructions === 'string' ? request.instructions : '',
    stream: request.stream === true,
    // Values under 16 are floored to 16, as the reference says.
    maxOutputTokens:
      typeof request.max_output_tokens === 'number' ? Math.max(16, request.max_output_tokens) : undefined,
    webSearch,
    schema,
  };
}
