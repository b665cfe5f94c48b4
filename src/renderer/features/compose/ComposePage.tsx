import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { getClient } from '../../client/client';
import { buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { PageHeader } from '../../ui/PageHeader';
import { Spinner } from '../../ui/Spinner';
import { CharacterCounts } from './CharacterCounts';
import { ConflictBanner, RecoveredBanner } from './ComposeBanners';
import { AiDraftPanel } from './ai-draft/AiDraftPanel';
import { ComposeEditor } from './ComposeEditor';
import { ComposeTools } from './ComposeTools';
import { useCompose } from './compose.store';
import { PlatformToggles } from './PlatformToggles';
import { PublishPanel } from './PublishPanel';
import { RevisionPanel } from './RevisionPanel';
import { SaveStatus } from './SaveStatus';
import { StatusField } from './StatusField';
import { useFlushOnHide } from './useFlushOnHide';

/** /compose (a new post, created on the first keystroke) and /compose/:id (editing). */
export default function ComposePage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const load = useCompose((s) => s.load);
  const postId = useCompose((s) => s.postId);
  const createdId = useCompose((s) => s.createdId);
  const { openNew, openPost, flush, leave, refreshFromCore, acknowledgeCreated } = useCompose.getState();

  useEffect(() => {
    void (id ? openPost(id) : openNew());
  }, [id, openNew, openPost]);

  // The first save created the post: give it its own address without adding a history entry.
  useEffect(() => {
    if (!createdId) return;
    acknowledgeCreated();
    if (!id) void navigate(`/compose/${createdId}`, { replace: true });
  }, [createdId, id, acknowledgeCreated, navigate]);

  useEffect(() => leave, [leave]);
  useFlushOnHide(flush);

  useEffect(
    () =>
      getClient().on('posts:changed', ({ ids }) => {
        const current = useCompose.getState().postId;
        if (current && ids.includes(current)) void refreshFromCore();
      }),
    [refreshFromCore],
  );

  if (load.status === 'loading') return <Spinner label="Opening post…" />;
  if (load.status === 'missing' || load.status === 'error') {
    return (
      <div role="alert" className="mx-auto mt-12 max-w-md text-center">
        <h1 className="text-xl font-semibold">
          {load.status === 'missing' ? 'Post not found' : 'Could not open this post'}
        </h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{load.message}</p>
        <Link to="/compose" className={buttonClass('primary', 'md', 'mt-6')}>
          Start a new post
        </Link>
      </div>
    );
  }

  return (
    <div>
      <PageHeader
        title={postId ? 'Edit post' : 'New post'}
        actions={
          <div className="flex items-center gap-4">
            <SaveStatus />
            <Link to="/studio" className={buttonClass('secondary', 'sm')}>
              New from idea
            </Link>
          </div>
        }
      />
      <div className="mb-4 space-y-3 empty:hidden">
        <ConflictBanner />
        <RecoveredBanner />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card>
          <ComposeEditor />
        </Card>
        <div className="space-y-6">
          <Card>
            <AiDraftPanel />
          </Card>
          <Card>
            <div className="space-y-5">
              <PlatformToggles />
              <StatusField />
            </div>
          </Card>
          <Card>
            <CharacterCounts />
          </Card>
          <Card>
            <ComposeTools />
          </Card>
          <Card>
            <RevisionPanel />
          </Card>
          <Card>
            <PublishPanel />
          </Card>
        </div>
      </div>
    </div>
  );
}
