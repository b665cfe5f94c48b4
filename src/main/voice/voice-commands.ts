import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { CommandContext } from '../../shared/contract/voice';
import { ContractError } from '../../shared/contract/errors';
import type {
  CustomCommand,
  UnderstoodBy,
  VoiceCommand,
  VoiceIntent,
  VoiceLanguage,
  VoiceSettings,
} from '../../shared/domain/voice';
import type { EventBus } from '../contract/event-bus';
import type { LlmService } from '../llm/llm.service';
import type { Logger } from '../platform/logger/logger';
import { type ActionRegistry, needsConfirmation } from './actions/action-registry';
import { type ActionContext, type ActionOutcome, say } from './actions/action-types';
import { helpExamples } from './actions/info-actions';
import { understandWithAi } from './fallback/ai-understanding';
import type { CommandHistoryRepository, Pending, StoredCommand } from './history/command-history.repository';
import { detectLanguage, parseCommand } from './intents';

/** A question about publishing or deleting lapses after this long; the command must be said again. */
export const CONFIRMATION_TTL_MS = 3 * 60_000;

export interface CommandRunnerDeps {
  history: CommandHistoryRepository;
  registry: ActionRegistry;
  llm: LlmService;
  events: EventBus;
  logger: Logger;
  now: () => Date;
  timeZone: () => Promise<string>;
  settings: () => VoiceSettings;
  customCommands: () => Promise<CustomCommand[]>;
}

export interface RunInput {
  transcript: string;
  source: VoiceCommand['source'];
  /** Given for typed commands; otherwise detected from the words, else the settings' language. */
  language?: VoiceLanguage | undefined;
  context: CommandContext;
  utteranceId?: string | null;
  transcribeMs?: number | null;
  signal?: AbortSignal | undefined;
  /** Set when the intents are already known (a correction re-run): no understanding step. */
  intents?: { intents: VoiceIntent[]; by: UnderstoodBy } | undefined;
}

interface StepsResult {
  outcomes: ActionOutcome[];
  pending: Pending | null;
  question: string | null;
  status: VoiceCommand['status'];
}

/**
 * Transcript → understanding (taught phrases, grammar, then the AI engine) → actions, with the
 * confirmation rule: a step that publishes, deletes or spends waits for a yes; a macro pauses
 * there and goes on after the yes. Every command lands in the history.
 */
export class CommandRunner {
  /** Commands whose yes/no is being carried out: a click and a spoken "yes" together must not act twice. */
  private readonly settling = new Set<string>();

  constructor(private readonly deps: CommandRunnerDeps) {}

  async run(input: RunInput): Promise<VoiceCommand> {
    const { deps } = this;
    const createdAt = deps.now();
    const id = randomUUID();
    const utteranceId = input.utteranceId ?? null;
    const transcript = input.transcript.trim();
    const language = input.language ?? detectLanguage(transcript) ?? fixedLanguage(deps.settings());
    const base: VoiceCommand = {
      id,
      createdAt: createdAt.toISOString(),
      source: input.source,
      language,
      transcript,
      intents: [],
      understoodBy: null,
      status: 'not-understood',
      reply: '',
      suggestions: [],
      result: { postId: null, navigateTo: null, jobIds: [] },
      timings: { transcribeMs: input.transcribeMs ?? null, understandMs: null, actMs: null },
      correctedTo: null,
    };

    if (transcript === '') {
      return this.finish(utteranceId, {
        command: {
          ...base,
          reply: say(
            language,
            "I didn't hear anything. Hold the key or the button, speak, then let go.",
            'No he oído nada. Mantén pulsada la tecla o el botón, habla y suelta.',
          ),
          suggestions: helpExamples(language).slice(0, 3),
        },
        pending: null,
      });
    }

    this.state(utteranceId, id, 'understanding');
    const understandStart = performance.now();
    const timeZone = await deps.timeZone();
    let understood: { intents: VoiceIntent[]; by: UnderstoodBy; language: VoiceLanguage } | null = null;
    let suggestions: string[] = [];
    if (input.intents) {
      understood = { ...input.intents, language };
    } else {
      const parsed = parseCommand(transcript, {
        now: createdAt,
        timeZone,
        language,
        customCommands: await deps.customCommands(),
      });
      if (parsed.kind === 'understood') {
        understood = { intents: parsed.intents, by: parsed.by, language: parsed.language };
      } else {
        suggestions = parsed.suggestions;
        const ai = await understandWithAi(deps.llm, deps.logger, {
          transcript,
          language,
          now: createdAt,
          timeZone,
          signal: input.signal,
        });
        if (ai) understood = { intents: ai, by: 'ai', language };
      }
    }
    const understandMs = performance.now() - understandStart;

    if (!understood) {
      const tips = suggestions.length > 0 ? suggestions : helpExamples(language).slice(0, 3);
      return this.finish(utteranceId, {
        command: {
          ...base,
          suggestions: tips,
          timings: { ...base.timings, understandMs },
          reply: say(
            language,
            `I didn't understand "${transcript}". Try: ${tips.map((t) => `"${t}"`).join(', ')}.`,
            `No he entendido "${transcript}". Prueba: ${tips.map((t) => `"${t}"`).join(', ')}.`,
          ),
        },
        pending: null,
      });
    }

    const command: VoiceCommand = {
      ...base,
      language: understood.language,
      intents: understood.intents,
      understoodBy: understood.by,
      timings: { ...base.timings, understandMs },
    };
    const ctx: ActionContext = {
      language: command.language,
      postId: input.context.postId ?? (await deps.history.lastPostId()),
      now: createdAt,
      timeZone,
      signal: input.signal,
    };

    this.state(utteranceId, id, 'acting');
    const actStart = performance.now();
    const answer =
      command.intents.length === 1 && command.intents[0]!.action === 'voice.answer' ? command.intents[0] : null;
    if (answer && answer.action === 'voice.answer') {
      const settled = await this.answerLatest(answer.answer, ctx);
      return this.finish(utteranceId, {
        command: {
          ...command,
          status: settled.status,
          reply: settled.reply,
          result: settled.result,
          timings: { ...command.timings, actMs: performance.now() - actStart },
        },
        pending: null,
      });
    }

    const steps = await this.runSteps(command.intents, 0, ctx, false);
    return this.finish(utteranceId, {
      command: {
        ...command,
        ...summarize(steps),
        timings: { ...command.timings, actMs: performance.now() - actStart },
      },
      pending: steps.pending,
    });
  }

  /** voice:confirm, or a spoken yes/no: runs the waiting step (and the rest of a macro) or drops it. */
  async confirm(commandId: string, answer: 'yes' | 'no'): Promise<VoiceCommand> {
    const stored = await this.deps.history.get(commandId);
    if (!stored) throw new ContractError('NOT_FOUND', 'That command is not in the history');
    if (stored.command.status !== 'awaiting-confirmation' || !stored.pending) {
      throw new ContractError('CONFLICT', 'That command is not waiting for a yes or no');
    }
    const settled = await this.settle(stored, answer, null);
    return settled.command;
  }

  /** A spoken "yes"/"no": answers the newest question still open. */
  private async answerLatest(
    answer: 'yes' | 'no',
    ctx: ActionContext,
  ): Promise<Pick<VoiceCommand, 'status' | 'reply' | 'result'>> {
    const waiting = await this.deps.history.latestAwaiting();
    const nothing = {
      status: 'done' as const,
      reply: say(ctx.language, 'There is nothing waiting for a yes or no.', 'No hay nada esperando un sí o un no.'),
      result: { postId: null, navigateTo: null, jobIds: [] },
    };
    if (!waiting) return nothing;
    if (this.settling.has(waiting.command.id)) {
      return { ...nothing, reply: say(ctx.language, 'That is already being done.', 'Ya se está haciendo.') };
    }
    const { command } = await this.settle(waiting, answer, ctx.signal);
    return { status: command.status, reply: command.reply, result: command.result };
  }

  private async settle(
    stored: StoredCommand,
    answer: 'yes' | 'no',
    signal: AbortSignal | null | undefined,
  ): Promise<StoredCommand> {
    const id = stored.command.id;
    if (this.settling.has(id)) throw new ContractError('CONFLICT', 'That command is already being answered');
    this.settling.add(id);
    try {
      // Read again: an answer that finished while this one waited has cleared the question.
      const current = (await this.deps.history.get(id)) ?? stored;
      return await this.settleOnce(current, answer, signal);
    } finally {
      this.settling.delete(id);
    }
  }

  private async settleOnce(
    stored: StoredCommand,
    answer: 'yes' | 'no',
    signal: AbortSignal | null | undefined,
  ): Promise<StoredCommand> {
    const { command, pending } = stored;
    const now = this.deps.now();
    const language = command.language;
    if (!pending) return stored;
    let next: StoredCommand;
    if (Date.parse(pending.expiresAt) <= now.getTime()) {
      next = {
        command: {
          ...command,
          status: 'cancelled',
          reply: say(
            language,
            'That question expired, so nothing was done. Say the command again.',
            'Esa pregunta caducó, así que no hice nada. Vuelve a decir la orden.',
          ),
        },
        pending: null,
      };
    } else if (answer === 'no') {
      next = {
        command: {
          ...command,
          status: 'cancelled',
          reply: say(language, 'OK, I did not do it.', 'De acuerdo, no lo he hecho.'),
        },
        pending: null,
      };
    } else {
      const ctx: ActionContext = {
        language,
        postId: pending.postId,
        now,
        timeZone: await this.deps.timeZone(),
        signal: signal ?? undefined,
      };
      const steps = await this.runSteps(command.intents, pending.step, ctx, true);
      // Earlier steps of a macro already ran: keep their post and jobs in the result.
      const before = command.result;
      const after = summarize(steps);
      next = {
        command: {
          ...command,
          ...after,
          result: {
            postId: after.result.postId ?? before.postId,
            navigateTo: after.result.navigateTo ?? before.navigateTo,
            jobIds: [...before.jobIds, ...after.result.jobIds],
          },
        },
        pending: steps.pending,
      };
    }
    await this.deps.history.update(next);
    this.deps.events.emit('voice:changed', { commandId: command.id, reason: 'answered' });
    return next;
  }

  /**
   * Runs intents from `from` in order. The first risky step asks (unless `confirmedFirst`: the
   * yes just came for it) and pauses there; a failed step stops the rest.
   */
  private async runSteps(
    intents: VoiceIntent[],
    from: number,
    ctx: ActionContext,
    confirmedFirst: boolean,
  ): Promise<StepsResult> {
    const outcomes: ActionOutcome[] = [];
    for (let i = from; i < intents.length; i++) {
      const intent = intents[i]!;
      if (intent.action === 'voice.answer') continue;
      const definition = this.deps.registry[intent.action] as ActionRegistry[typeof intent.action] & {
        run(intent: VoiceIntent, ctx: ActionContext): Promise<ActionOutcome>;
        question?(intent: VoiceIntent, ctx: ActionContext): Promise<{ ask: string } | { miss: ActionOutcome }>;
      };
      const confirmed = confirmedFirst && i === from;
      if (needsConfirmation(definition.risk) && !confirmed && definition.question) {
        const asked = await definition.question(intent, ctx);
        if ('miss' in asked)
          return { outcomes: [...outcomes, asked.miss], pending: null, question: null, status: 'failed' };
        return {
          outcomes,
          question: asked.ask,
          status: 'awaiting-confirmation',
          pending: {
            step: i,
            expiresAt: new Date(ctx.now.getTime() + CONFIRMATION_TTL_MS).toISOString(),
            postId: ctx.postId,
          },
        };
      }
      let result: ActionOutcome;
      try {
        result = await definition.run(intent, ctx);
      } catch (error) {
        this.deps.logger.warn({ err: error, action: intent.action }, 'voice: an action failed');
        const message = error instanceof ContractError ? error.message : 'Something went wrong; see Diagnostics.';
        return {
          outcomes: [
            ...outcomes,
            { status: 'failed', reply: message, postId: ctx.postId, navigateTo: null, jobIds: [] },
          ],
          pending: null,
          question: null,
          status: 'failed',
        };
      }
      outcomes.push(result);
      // "New post about X, then read it back": later steps act on what this one made.
      if (result.postId) ctx.postId = result.postId;
      if (result.status === 'failed') return { outcomes, pending: null, question: null, status: 'failed' };
    }
    return { outcomes, pending: null, question: null, status: 'done' };
  }

  private async finish(utteranceId: string | null, stored: StoredCommand): Promise<VoiceCommand> {
    await this.deps.history.insert(stored);
    const { command } = stored;
    this.deps.events.emit('voice:changed', { commandId: command.id, reason: 'created' });
    this.state(
      utteranceId,
      command.id,
      command.status === 'awaiting-confirmation' ? 'awaiting-confirmation' : 'done',
      command.reply,
    );
    return command;
  }

  private state(
    utteranceId: string | null,
    commandId: string | null,
    phase: 'understanding' | 'acting' | 'awaiting-confirmation' | 'done',
    message?: string,
  ): void {
    this.deps.events.emit('voice:state', { utteranceId, commandId, phase, ...(message ? { message } : {}) });
  }
}

function summarize(steps: StepsResult): Pick<VoiceCommand, 'status' | 'reply' | 'result'> {
  const replies = steps.outcomes.map((o) => o.reply);
  if (steps.question) replies.push(steps.question);
  return {
    status: steps.status,
    reply: replies.join(' '),
    result: {
      postId:
        steps.outcomes
          .map((o) => o.postId)
          .filter((p) => p !== null)
          .at(-1) ?? null,
      navigateTo:
        steps.outcomes
          .map((o) => o.navigateTo)
          .filter((p) => p !== null)
          .at(-1) ?? null,
      jobIds: steps.outcomes.flatMap((o) => o.jobIds),
    },
  };
}

function fixedLanguage(settings: VoiceSettings): VoiceLanguage {
  return settings.language === 'auto' ? 'en' : settings.language;
}
