import type { HandlerSlice } from '../contract/handlers';
import type { PostsService } from './posts.service';

export function postsHandlers(posts: PostsService): HandlerSlice<'posts'> {
  return {
    'posts:create-post': (input) => posts.create(input),
    'posts:update-post': ({ id, version, ...changes }) => posts.update(id, version, changes),
    'posts:get-post': ({ id }) => posts.get(id),
    'posts:list-posts': (filter) => posts.list(filter),
    'posts:schedule-post': ({ id, scheduledAt }) => posts.schedule(id, scheduledAt),
    'posts:set-statuses': async ({ items }) => ({ previous: await posts.setStatuses(items) }),
    'posts:delete-posts': async ({ ids }) => ({ deleted: await posts.trash(ids) }),
    'posts:restore-posts': async ({ ids }) => ({ restored: await posts.restore(ids) }),
    'posts:list-revisions': ({ postId }) => posts.listRevisions(postId),
    'posts:restore-revision': ({ postId, revisionId }) => posts.restoreRevision(postId, revisionId),
  };
}
