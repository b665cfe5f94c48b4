import { ContractError } from '../../../shared/contract/errors';
import { PLATFORM_LABELS } from '../../../shared/domain/platform';
import type { Post } from '../../../shared/domain/post';
import type { VoiceLanguage } from '../../../shared/domain/voice';
import {
  type ActionContext,
  type ActionDefinition,
  type ActionOutcome,
  type ActionPorts,
  failed,
  outcome,
  say,
} from './action-types';
import { postName, targetPost } from './target-post';

/** The post and a connected account for each of its platforms, or what to say instead. */
async function publishable(
  ports: ActionPorts,
  ctx: ActionContext,
): Promise<{ post: Post; miss: null } | { post: null; miss: ActionOutcome }> {
  const found = await targetPost(ports.posts, ctx);
  if (!found.post) return found;
  const { post } = found;
  if (post.status === 'published') {
    return {
      post: null,
      miss: failed(say(ctx.language, 'That post is already published.', 'Esa publicación ya está publicada.'), post.id),
    };
  }
  if (post.platforms.length === 0) {
    return {
      post: null,
      miss: failed(
        say(
          ctx.language,
          'That post has no platform yet; pick one in Compose first.',
          'Esa publicación aún no tiene red social; elige una en Redactar.',
        ),
        post.id,
      ),
    };
  }
  const connected = new Set(await ports.connectedPlatforms());
  const missing = post.platforms.filter((p) => !connected.has(p)).map((p) => PLATFORM_LABELS[p]);
  if (missing.length > 0) {
    const names = missing.join(', ');
    return {
      post: null,
      miss: failed(
        say(
          ctx.language,
          `No ${names} account is connected. Connect one on the Accounts page, then say it again.`,
          `No hay ninguna cuenta de ${names} conectada. Conecta una en la página Cuentas y vuelve a decirlo.`,
        ),
        post.id,
      ),
    };
  }
  return { post, miss: null };
}

function platformsOf(post: Post): string {
  return post.platforms.map((p) => PLATFORM_LABELS[p]).join(', ');
}

/** A moment as the creator says it, in their time zone: "Tuesday, 1 December, 09:00". */
export function spokenTime(iso: string, timeZone: string, language: VoiceLanguage): string {
  return new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A failure from another domain becomes the reply (its message is already plain). */
function refused(error: unknown, postId: string): ActionOutcome {
  if (error instanceof ContractError) return failed(error.message, postId);
  throw error;
}

/** "Schedule it tomorrow at 9": the post goes on the calendar and the publishing queue takes it from there. */
export function postSchedule(ports: ActionPorts): ActionDefinition<'post.schedule'> {
  return {
    action: 'post.schedule',
    label: 'Schedule the post',
    // Scheduled posts go out unattended at their time, so scheduling asks like publishing does.
    risk: 'publishes',
    question: async (intent, ctx) => {
      const { post, miss } = await publishable(ports, ctx);
      if (!post) return { miss };
      if (Date.parse(intent.at) <= ctx.now.getTime()) {
        return {
          miss: failed(say(ctx.language, 'That time has already passed.', 'Esa hora ya ha pasado.'), post.id),
        };
      }
      const when = spokenTime(intent.at, ctx.timeZone, ctx.language);
      return {
        ask: say(
          ctx.language,
          `Schedule "${postName(post)}" on ${platformsOf(post)} for ${when}? Say yes or no.`,
          `¿Programo "${postName(post)}" en ${platformsOf(post)} para el ${when}? Di sí o no.`,
        ),
      };
    },
    run: async (intent, ctx) => {
      const { post, miss } = await publishable(ports, ctx);
      if (!post) return miss;
      try {
        await ports.posts.schedule(post.id, new Date(intent.at).toISOString());
      } catch (error) {
        return refused(error, post.id);
      }
      const jobIds = (await ports.jobsOf(post.id)).filter((j) => j.status === 'queued').map((j) => j.id);
      const when = spokenTime(intent.at, ctx.timeZone, ctx.language);
      return outcome(
        say(
          ctx.language,
          `Scheduled for ${when} on ${platformsOf(post)}.`,
          `Programada para el ${when} en ${platformsOf(post)}.`,
        ),
        { postId: post.id, jobIds },
      );
    },
  };
}

/** "Post it now": through the publishing domain's queue, for the post's connected accounts. */
export function postPublishNow(ports: ActionPorts): ActionDefinition<'post.publish-now'> {
  return {
    action: 'post.publish-now',
    label: 'Publish the post now',
    risk: 'publishes',
    question: async (_intent, ctx) => {
      const { post, miss } = await publishable(ports, ctx);
      if (!post) return { miss };
      return {
        ask: say(
          ctx.language,
          `Publish "${postName(post)}" on ${platformsOf(post)} now? Say yes or no.`,
          `¿Publico "${postName(post)}" en ${platformsOf(post)} ahora? Di sí o no.`,
        ),
      };
    },
    run: async (_intent, ctx) => {
      const { post, miss } = await publishable(ports, ctx);
      if (!post) return miss;
      let jobs: { id: string }[];
      try {
        jobs = await ports.publishNow(post.id);
      } catch (error) {
        return refused(error, post.id);
      }
      return outcome(
        say(
          ctx.language,
          `Publishing "${postName(post)}" on ${platformsOf(post)} now.`,
          `Publicando "${postName(post)}" en ${platformsOf(post)} ahora.`,
        ),
        { postId: post.id, jobIds: jobs.map((j) => j.id) },
      );
    },
  };
}

/** "Delete it": to the trash (restorable for 30 days), never a hard delete. */
export function postDelete(ports: ActionPorts): ActionDefinition<'post.delete'> {
  return {
    action: 'post.delete',
    label: 'Move the post to the trash',
    risk: 'deletes',
    question: async (_intent, ctx) => {
      const { post, miss } = await targetPost(ports.posts, ctx);
      if (!post) return { miss };
      return {
        ask: say(
          ctx.language,
          `Move "${postName(post)}" to the trash? Say yes or no.`,
          `¿Muevo "${postName(post)}" a la papelera? Di sí o no.`,
        ),
      };
    },
    run: async (_intent, ctx) => {
      const { post, miss } = await targetPost(ports.posts, ctx);
      if (!post) return miss;
      await ports.posts.trash([post.id]);
      return outcome(
        say(
          ctx.language,
          `Moved "${postName(post)}" to the trash. You can restore it from the Library for 30 days.`,
          `He movido "${postName(post)}" a la papelera. Puedes recuperarla desde la Biblioteca durante 30 días.`,
        ),
        { postId: post.id },
      );
    },
  };
}
