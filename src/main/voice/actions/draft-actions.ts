import type { Platform } from '../../../shared/domain/platform';
import { PLATFORM_LABELS } from '../../../shared/domain/platform';
import type { LlmService } from '../../llm/llm.service';
import { cleanRewrite, REWRITE_SYSTEM } from '../../quality/rewrite-prompts';
import { buildDraftPrompt, draftMaxTokens } from '../../studio/prompt';
import { shapeDraft } from '../../studio/shape-draft';
import { type ActionContext, type ActionDefinition, type ActionPorts, failed, outcome, say } from './action-types';
import { postName, targetPost } from './target-post';

/** The tag on a draft started from the topic alone because no AI engine answered. */
export const STARTER_TAG = 'voice-starter';

/**
 * "New post about X for LinkedIn": written by the AI engine with Studio's own prompt and shaping
 * (platform norms, variant A) when an engine answers; otherwise a draft that holds the topic,
 * tagged voice-starter and said so, for the creator to write. Never an empty post.
 */
export function draftCreate(ports: ActionPorts): ActionDefinition<'draft.create'> {
  return {
    action: 'draft.create',
    label: 'Create a draft post',
    risk: 'safe',
    run: async (intent, ctx) => {
      const platform = intent.platform ?? (await ports.defaultPlatform());
      const where = platform ? PLATFORM_LABELS[platform] : null;
      const topic = intent.topic.trim();
      const title = topic.charAt(0).toUpperCase() + topic.slice(1);
      const written = platform ? await writeWithEngine(ports.llm, platform, topic, ctx) : null;
      if (written) {
        const post = await ports.posts.create({
          title,
          body: written,
          platforms: platform ? [platform] : [],
        });
        return outcome(
          say(
            ctx.language,
            `I wrote a ${where} draft about ${topic}.`,
            `He escrito un borrador para ${where} sobre ${topic}.`,
          ),
          { postId: post.id },
        );
      }
      const post = await ports.posts.create({
        title,
        body: title,
        tags: [STARTER_TAG],
        platforms: platform ? [platform] : [],
      });
      const forWhere = where ? ` ${where}` : '';
      return outcome(
        say(
          ctx.language,
          `No AI engine answered, so I started a${forWhere} draft from the topic "${topic}" for you to write. It is tagged ${STARTER_TAG}.`,
          `Ningún motor de IA respondió, así que empecé un borrador${where ? ` para ${where}` : ''} con el tema "${topic}" para que lo escribas. Lleva la etiqueta ${STARTER_TAG}.`,
        ),
        { postId: post.id },
      );
    },
  };
}

/** The drafted text, or null when no engine answered (nothing is made up in its place). */
async function writeWithEngine(
  llm: LlmService,
  platform: Platform,
  topic: string,
  ctx: ActionContext,
): Promise<string | null> {
  try {
    const generation = await llm.generate(
      {
        task: 'drafting',
        messages: buildDraftPrompt({
          platform,
          variant: 'A',
          source: { kind: 'topic', text: topic },
          template: null,
          voice: null,
        }),
        maxTokens: draftMaxTokens(platform, 'A'),
      },
      ctx.signal,
    );
    if (generation.finishReason === 'cancelled') return null;
    const shaped = shapeDraft(generation.text, platform);
    return shaped.text.trim() === '' ? null : shaped.text;
  } catch {
    return null;
  }
}

/** "Make it shorter": the rewriting chain Quality's fixes use; without an engine, a plain refusal. */
export function draftShorten(ports: ActionPorts): ActionDefinition<'draft.shorten'> {
  return {
    action: 'draft.shorten',
    label: 'Make the draft shorter',
    risk: 'safe',
    run: async (_intent, ctx) => {
      const { post, miss } = await targetPost(ports.posts, ctx);
      if (!post) return miss;
      if (post.body.trim() === '') {
        return failed(say(ctx.language, 'That draft is empty.', 'Ese borrador está vacío.'), post.id);
      }
      const platform = post.platforms[0];
      const name = platform ? PLATFORM_LABELS[platform] : 'social media';
      let text: string;
      try {
        const generation = await ports.llm.generate(
          {
            task: 'rewriting',
            system: REWRITE_SYSTEM,
            prompt: `Platform: ${name}\nTask: Make it shorter, about two thirds of its length. Keep the point, the voice, links and hashtags.\n\nPost:\n"""\n${post.body}\n"""`,
            maxTokens: 1200,
          },
          ctx.signal,
        );
        text = generation.finishReason === 'cancelled' ? '' : cleanRewrite(generation.text);
      } catch {
        text = '';
      }
      if (text === '') {
        return failed(
          say(
            ctx.language,
            'Making it shorter needs an AI engine, and none answered. Start Ollama or the embedded engine on the AI page.',
            'Para acortarlo hace falta un motor de IA y ninguno respondió. Inicia Ollama o el motor integrado en la página IA.',
          ),
          post.id,
        );
      }
      const saved = await ports.posts.update(post.id, post.version, { body: text });
      return outcome(
        say(
          ctx.language,
          `Done: "${postName(saved)}" is now ${text.length} characters (was ${post.body.length}).`,
          `Hecho: "${postName(saved)}" tiene ahora ${text.length} caracteres (antes ${post.body.length}).`,
        ),
        { postId: saved.id },
      );
    },
  };
}

/** "Read it back": the reply is the post's text, so it is shown and spoken. */
export function draftReadBack(ports: ActionPorts): ActionDefinition<'draft.read-back'> {
  return {
    action: 'draft.read-back',
    label: 'Read the draft back',
    risk: 'safe',
    run: async (_intent, ctx) => {
      const { post, miss } = await targetPost(ports.posts, ctx);
      if (!post) return miss;
      const text = post.body.trim();
      return outcome(
        text === '' ? say(ctx.language, 'That draft is still empty.', 'Ese borrador aún está vacío.') : text,
        { postId: post.id },
      );
    },
  };
}
