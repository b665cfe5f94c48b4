import type { ChatHistoryItem, GbnfJsonSchema, LlamaGrammar, Token } from 'node-llama-cpp';
import type { GenerateInput, GenerateRequestMessage, WorkerFinishReason } from '../../shared/workers/llm-protocol';
import { EngineError } from './engine-error';
import type { LoadedHandle } from './model-host';

export interface GenerationOutcome {
  tokensIn: number;
  tokensOut: number;
  finishReason: WorkerFinishReason;
}

/** Receives each piece of text with the number of tokens it stands for. */
export type TextSink = (text: string, tokens: number) => void;

type StopReason = 'eogToken' | 'stopGenerationTrigger' | 'functionCalls' | 'maxTokens' | 'abort' | 'customStopTrigger';

/**
 * Runs one generation on the warm model. Chat messages use the model's own chat template when
 * the GGUF has one; models without one (base models such as stories260K) complete the messages'
 * text joined together, which is what a base model can continue sensibly.
 */
export async function runGeneration(
  handle: LoadedHandle,
  request: GenerateRequestMessage,
  grammar: LlamaGrammar | undefined,
  signal: AbortSignal,
  sink: TextSink,
): Promise<GenerationOutcome> {
  const useChat = request.input.kind === 'chat' && handle.info.promptFormat === 'chat';
  const chat = useChat ? new handle.lib.LlamaChat({ contextSequence: handle.sequence, chatWrapper: 'auto' }) : null;
  const history = request.input.kind === 'chat' ? toChatHistory(request.input.messages) : [];
  const tokensIn = chat
    ? chat.chatWrapper.generateContextState({ chatHistory: history }).contextText.tokenize(handle.model.tokenizer)
        .length
    : handle.model.tokenize(promptText(request.input)).length;

  const room = handle.info.contextSize - tokensIn;
  if (room < 1) {
    chat?.dispose({ disposeSequence: false });
    throw new EngineError(
      'context_too_long',
      `The prompt has ${tokensIn} tokens but the model's context holds ${handle.info.contextSize}`,
    );
  }

  // Tokens arrive before their text (a character may span tokens), so count them until text is emitted.
  let tokensOut = 0;
  let unreported = 0;
  const options = {
    maxTokens: Math.min(request.maxTokens, room),
    temperature: request.temperature,
    grammar,
    signal,
    // Returns the partial answer instead of throwing, so a cancel still reports its token counts.
    stopOnAbortSignal: true,
    onToken: (tokens: Token[]) => {
      tokensOut += tokens.length;
      unreported += tokens.length;
    },
    onTextChunk: (text: string) => {
      sink(text, unreported);
      unreported = 0;
    },
  };

  const evaluate = async (): Promise<StopReason> => {
    if (chat) return (await chat.generateResponse(history, options)).metadata.stopReason;
    const completion = new handle.lib.LlamaCompletion({ contextSequence: handle.sequence });
    try {
      return (await completion.generateCompletionWithMeta(promptText(request.input), options)).metadata.stopReason;
    } finally {
      completion.dispose({ disposeSequence: false });
    }
  };

  let stopReason: StopReason;
  try {
    stopReason = await evaluate();
  } catch (error) {
    // An abort before the first token throws instead of stopping; it is still just a cancel.
    if (!signal.aborted) throw error;
    stopReason = 'abort';
  } finally {
    chat?.dispose({ disposeSequence: false });
  }
  return { tokensIn, tokensOut, finishReason: toFinishReason(stopReason) };
}

/** Compiles a JSON schema to a grammar; unsupported schemas are the caller's mistake. */
export async function compileJsonSchema(handle: LoadedHandle, schema: Record<string, unknown>): Promise<LlamaGrammar> {
  try {
    // The protocol only guarantees an object; node-llama-cpp validates the schema's shape itself.
    return await handle.llama.createGrammarForJsonSchema<GbnfJsonSchema>(schema as GbnfJsonSchema);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new EngineError('invalid_request', `The JSON schema cannot be used for structured output: ${message}`, {
      cause: error,
    });
  }
}

function toFinishReason(stopReason: StopReason): WorkerFinishReason {
  if (stopReason === 'abort') return 'cancelled';
  return stopReason === 'maxTokens' ? 'length' : 'stop';
}

function promptText(input: GenerateInput): string {
  return input.kind === 'text' ? input.prompt : input.messages.map((m) => m.content).join('\n\n');
}

/** An empty model turn at the end asks for a reply; a trailing assistant turn is continued. */
function toChatHistory(messages: Extract<GenerateInput, { kind: 'chat' }>['messages']): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = messages.map((m) =>
    m.role === 'assistant' ? { type: 'model', response: [m.content] } : { type: m.role, text: m.content },
  );
  if (history.at(-1)?.type !== 'model') history.push({ type: 'model', response: [] });
  return history;
}
