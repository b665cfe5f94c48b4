import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireVerifiedEmail } from '../accounts/verified';
import type { ServerContext } from '../context';
import { ApiError } from '../http/api-error';
import { parse } from '../http/parse';
import {
  type ChatRequest,
  chatRequestSchema,
  estimatePromptTokens,
  requestedMaxTokens,
  upstreamBody,
} from './chat-request';
import { offeredModel, requireUpstream } from './offer';
import { relayEvents, usageIn } from './sse-relay';
import { TokenReservation, type TokenUsage } from './token-reservation';
import { callUpstream } from './upstream';

const completionSchema = z.looseObject({ choices: z.array(z.unknown()) });

/**
 * POST /v1/ai/chat/completions: checks the device, its verified email and the request, holds the
 * worst-case tokens, forwards to the upstream with the server's key, and settles the hold to the
 * usage the upstream reports. The device going away aborts the upstream call.
 */
export async function proxyChatCompletion(
  context: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  const auth = await context.authenticate(request);
  const upstream = requireUpstream(context.config);
  await requireVerifiedEmail(context.db, auth.userId);
  const body = parse(chatRequestSchema, request.body);
  const model = offeredModel(body.model, context.config.AI_DEFAULT_MODEL);
  const promptEstimate = estimatePromptTokens(body);
  const reservation = await TokenReservation.take(
    { db: context.db, metrics: context.metrics, now: context.now() },
    auth.userId,
    promptEstimate + requestedMaxTokens(body),
  );

  const controller = new AbortController();
  const deviceLeft = () => {
    if (!reply.raw.writableFinished) controller.abort();
  };
  reply.raw.on('close', deviceLeft);
  // Gone while the quota was being taken: the close event has passed already.
  if (reply.raw.destroyed) controller.abort();
  try {
    let response: Response;
    try {
      response = await callUpstream(upstream, '/chat/completions', upstreamBody(body, model), controller.signal);
    } catch (error) {
      await reservation.release();
      if (controller.signal.aborted) return reply.hijack();
      throw error;
    }
    if (body.stream === true) {
      await streamToDevice(context, reply, response, body, reservation, promptEstimate);
      return reply;
    }
    return await answerWhole(reply, response, reservation, promptEstimate);
  } finally {
    reply.raw.off('close', deviceLeft);
  }
}

async function answerWhole(
  reply: FastifyReply,
  response: Response,
  reservation: TokenReservation,
  promptEstimate: number,
): Promise<unknown> {
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    // Cut off mid-body: the upstream did the work, so the prompt is charged at the estimate.
    await reservation.settle({ promptTokens: promptEstimate, completionTokens: 0 });
    throw new ApiError(502, 'upstream_failed', "The cloud model's answer was cut off; try again.", {
      upstreamStatus: response.status,
    });
  }
  await reservation.settle(usageIn(answer) ?? estimatedUsage(promptEstimate, answerChars(answer)));
  if (!completionSchema.safeParse(answer).success) {
    throw new ApiError(502, 'upstream_failed', 'The cloud model service sent an answer the server could not read.', {
      upstreamStatus: response.status,
    });
  }
  return reply.status(200).send(answer);
}

async function streamToDevice(
  context: ServerContext,
  reply: FastifyReply,
  response: Response,
  body: ChatRequest,
  reservation: TokenReservation,
  promptEstimate: number,
): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    // Proxies in front (nginx) must not buffer the stream.
    'x-accel-buffering': 'no',
  });
  const write = (event: string) =>
    new Promise<void>((resolve) => {
      if (raw.destroyed || raw.write(event)) return resolve();
      const done = () => {
        raw.off('drain', done);
        raw.off('close', done);
        resolve();
      };
      raw.on('drain', done);
      raw.on('close', done);
    });

  let usage: TokenUsage | null = null;
  let chars = 0;
  let done = false;
  try {
    const relayed = await relayEvents(response.body ?? new ReadableStream(), write, {
      deviceWantsUsage: body.stream_options?.include_usage === true,
    });
    ({ usage, done } = relayed);
    chars = relayed.answerChars;
  } catch (error) {
    if (!raw.destroyed) {
      context.logger.warn({ err: error }, 'cloud-AI upstream stream failed');
      // The status line is gone already; OpenAI-style streams report failures as an error event.
      const failure = {
        message: "The cloud model's answer was cut off; try again.",
        type: 'server_error',
        code: 'upstream_failed',
      };
      await write(`data: ${JSON.stringify({ error: failure })}\n\n`);
    }
  }
  if (!done && !raw.destroyed) context.logger.warn('cloud-AI upstream stream ended without [DONE]');
  await reservation.settle(usage ?? estimatedUsage(promptEstimate, chars));
  if (!raw.destroyed) raw.end();
}

/** When the upstream never reported usage (a cut stream, a device that left): the estimate is charged. */
function estimatedUsage(promptEstimate: number, answerCharacters: number): TokenUsage {
  return { promptTokens: promptEstimate, completionTokens: Math.ceil(answerCharacters / 4) };
}

function answerChars(answer: unknown): number {
  const choices = (answer as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices)) return 0;
  return choices.reduce<number>((sum, choice) => {
    const content = (choice as { message?: { content?: unknown } } | null)?.message?.content;
    return sum + (typeof content === 'string' ? content.length : 0);
  }, 0);
}
