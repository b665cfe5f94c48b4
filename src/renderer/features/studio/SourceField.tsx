import { useEffect, useState } from 'react';
import type { Post } from '../../../shared/domain/post';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { previewText } from '../compose/draft';
import { SOURCE_FIELD_LABELS } from './idea-form';
import { useStudio } from './studio.store';
import { recentPosts } from './studio-queries';

const PLACEHOLDERS = {
  topic: 'e.g. feeding a sourdough starter in winter',
  link: 'https://…',
  text: 'Paste an article, notes or a draft',
  transcript: 'Paste what you said in your voice note',
} as const;

/** The source itself: a one-line idea or link, a long text or transcript, or a post to start from. */
export function SourceField() {
  const kind = useStudio((s) => s.form.kind);
  const value = useStudio((s) => s.form.value);
  const postId = useStudio((s) => s.form.postId);
  const error = useStudio((s) => s.errors.value);
  const setForm = useStudio((s) => s.setForm);
  const [posts, setPosts] = useState<Post[] | null>(null);

  useEffect(() => {
    if (kind !== 'post' || posts !== null) return;
    recentPosts()
      .then(setPosts)
      .catch(() => setPosts([]));
  }, [kind, posts]);

  const label = SOURCE_FIELD_LABELS[kind];
  if (kind === 'post') {
    return (
      <Field id="studio-source" label={label} error={error} hint="Rewrite one of your posts for other platforms">
        {(control) => (
          <select
            {...control}
            className={inputClass}
            value={postId}
            onChange={(e) => setForm({ postId: e.target.value })}
          >
            <option value="">{posts === null ? 'Loading posts…' : 'Pick a post'}</option>
            {(posts ?? []).map((post) => (
              <option key={post.id} value={post.id}>
                {post.title || previewText(post, 80)}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  const long = kind === 'text' || kind === 'transcript';
  return (
    <Field id="studio-source" label={label} error={error}>
      {(control) =>
        long ? (
          <textarea
            {...control}
            className={`${inputClass} min-h-32 resize-y`}
            placeholder={PLACEHOLDERS[kind]}
            value={value}
            onChange={(e) => setForm({ value: e.target.value })}
          />
        ) : (
          <input
            {...control}
            type={kind === 'link' ? 'url' : 'text'}
            className={inputClass}
            placeholder={PLACEHOLDERS[kind]}
            value={value}
            onChange={(e) => setForm({ value: e.target.value })}
          />
        )
      }
    </Field>
  );
}
