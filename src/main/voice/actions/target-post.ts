import { ContractError } from '../../../shared/contract/errors';
import type { Post } from '../../../shared/domain/post';
import type { PostsService } from '../../posts/posts.service';
import { type ActionContext, type ActionOutcome, failed, say } from './action-types';

/**
 * The post "it" means, or the failed outcome to say when there is none (nothing open, nothing
 * made yet, or the post went to the trash since).
 */
export async function targetPost(
  posts: PostsService,
  ctx: ActionContext,
): Promise<{ post: Post; miss: null } | { post: null; miss: ActionOutcome }> {
  const none = say(
    ctx.language,
    'Which post? Open one in Compose, or create one first ("new post about …").',
    '¿Qué publicación? Abre una en Redactar o crea una primero ("nueva publicación sobre …").',
  );
  if (ctx.postId === null) return { post: null, miss: failed(none) };
  try {
    const post = await posts.get(ctx.postId);
    if (post.deletedAt !== null) {
      return {
        post: null,
        miss: failed(say(ctx.language, 'That post is in the trash.', 'Esa publicación está en la papelera.'), post.id),
      };
    }
    return { post, miss: null };
  } catch (error) {
    if (error instanceof ContractError && error.code === 'NOT_FOUND') return { post: null, miss: failed(none) };
    throw error;
  }
}

/** How a post is named in a reply: its title, else the start of its text. */
export function postName(post: Post): string {
  const name = post.title.trim() || post.body.trim().split('\n')[0] || 'untitled';
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}
