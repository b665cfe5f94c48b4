import type { ChatDialect, ErrorReply } from './chat-completions-dialect';
import { type ChatTurn, readResponseFormat, replyToChat } from './chat-completions-reply';
import { countMessageTokens } from './echo-text';
import { asRecord, bearerToken, sendJson } from './http-io';
import { type PeerExchange, type RunningPeer, startPeer } from './peer-server';

export interface ChatPeer extends RunningPeer {
  /** What a client uses as its base URL, e.g. http://127.0.0.1:PORT/v1. */
  readonly baseURL: string;
}

/** A Chat Completions peer for one dialect: models list, model lookup and chat completions. */
export async function startChatCompletionsPeer(dialect: ChatDialect): Promise<ChatPeer> {
  let requestNumber = 0;
  const peer = await startPeer(async (exchange) => {
    requestNumber += 1;
    const headers = dialect.responseHeaders(requestNumber);
    const fail = (reply: ErrorReply) =>
      sendJson(exchange.res, reply.status, reply.body, { ...headers, ...reply.headers });

    const key = bearerToken(exchange.req);
    if (key === undefined) return fail(dialect.errors.missingKey());
    if (!dialect.validKeys.includes(key)) return fail(dialect.errors.invalidKey(key));
    if (exchange.fault?.kind === 'error') {
      const { status, body, headers: faultHeaders } = exchange.fault;
      return fail({ status, body, headers: faultHeaders });
    }

    const { method, path } = exchange.record;
    const route = path.startsWith(dialect.basePath) ? path.slice(dialect.basePath.length) : undefined;
    if (method === 'GET' && route === '/models') {
      const data = dialect.models.map((m) => ({
        id: m.id,
        object: 'model',
        created: 1_767_225_600,
        owned_by: m.ownedBy,
      }));
      return sendJson(exchange.res, 200, { object: 'list', data }, headers);
    }
    const modelId = method === 'GET' && route?.startsWith('/models/') ? decodeURIComponent(route.slice(8)) : undefined;
    if (modelId !== undefined) {
      const model = dialect.models.find((m) => m.id === modelId);
      if (!model) return fail(dialect.errors.modelNotFound(modelId));
      return sendJson(
        exchange.res,
        200,
        { id: model.id, object: 'model', created: 1_767_225_600, owned_by: model.ownedBy },
        headers,
      );
    }
    if (method === 'POST' && route === '/chat/completions') {
      const turn = validate(dialect, exchange);
      if ('status' in turn) return fail(turn);
      return replyToChat({ dialect, turn, res: exchange.res, record: exchange.record, fault: exchange.fault, headers });
    }
    return fail(dialect.errors.unknownRoute(method, path));
  });
  return { ...peer, baseURL: `${peer.origin}${dialect.basePath}` };
}

/** The request checks the Chat Completions reference documents, in the order the service applies them. */
function validate(dialect: ChatDialect, exchange: PeerExchange): ChatTurn | ErrorReply {
  const { errors } = dialect;
  if (!exchange.body?.ok) {
    return errors.invalidRequest(
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)",
      null,
      null,
    );
  }
  const body = asRecord(exchange.body.value);
  if (!body) return errors.invalidRequest('The request body must be a JSON object.', null, null);
  if (typeof body.model !== 'string' || body.model.length === 0) {
    return errors.invalidRequest('you must provide a model parameter', null, null);
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return errors.invalidRequest("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
  }
  const model = dialect.models.find((m) => m.id === body.model);
  if (!model) return errors.modelNotFound(body.model);
  const special = dialect.checkBody?.(body);
  if (special) return special;
  if (body.stream_options !== undefined && body.stream_options !== null && body.stream !== true) {
    return errors.invalidRequest(
      'The `stream_options` parameter is only allowed when `stream` is enabled.',
      'stream_options',
      'invalid_value',
    );
  }
  const format = readResponseFormat(body.response_format, dialect.requireSchemaName);
  if (format && 'error' in format)
    return errors.invalidRequest(format.error, format.param, 'missing_required_parameter');
  const requested = countMessageTokens(body.messages);
  if (requested > model.contextWindow) return errors.contextTooLong(model.contextWindow, requested);
  const maxTokens = [body.max_completion_tokens, body.max_tokens].find((v): v is number => typeof v === 'number');
  return {
    model: model.id,
    messages: body.messages,
    stream: body.stream === true,
    includeUsage: dialect.usageChunk !== false && asRecord(body.stream_options)?.include_usage === true,
    maxTokens,
    schema: format?.schema,
  };
}
