import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { formatBytes } from '../../../ui/format';
import { PLATFORM_LABELS } from '../../../ui/platforms';
import { Button } from '../../../ui/Button';
import { postMedia, useMedia } from './media.store';
import type { PostEditor } from './post-editor';

const ACCEPT = 'image/jpeg,image/png,image/gif,image/webp,video/mp4,video/quicktime,video/webm';

/** Drop or pick images and videos; thumbnails, and the platform media rules they break. */
export function MediaPanel({ editor, name }: { editor: PostEditor; name: string }) {
  const postId = useStore(editor, (s) => s.postId);
  const platformsKey = useStore(editor, (s) => s.draft.platforms.join());
  const media = useMedia((s) => postMedia(s, postId));
  const thumbnails = useMedia((s) => s.thumbnails);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (postId) void useMedia.getState().load(postId);
  }, [postId, platformsKey]);

  const add = (files: FileList | null) => {
    if (postId && files && files.length > 0) void useMedia.getState().addFiles(postId, [...files]);
  };

  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h4 id={headingId} className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        Media
      </h4>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          add(e.dataTransfer.files);
        }}
        className={`flex flex-wrap items-center gap-2 rounded-lg border border-dashed p-2 text-xs ${
          over ? 'border-indigo-400 bg-indigo-50 dark:bg-indigo-500/10' : 'border-zinc-300 dark:border-zinc-700'
        }`}
      >
        {media.items.map(({ media: m }) => (
          <figure key={m.id} className="relative w-20">
            {thumbnails[m.id] ? (
              <img src={thumbnails[m.id]} alt={m.originalName} className="h-16 w-20 rounded object-cover" />
            ) : (
              <div className="flex h-16 w-20 items-center justify-center rounded bg-zinc-100 p-1 text-center break-all text-zinc-500 dark:bg-zinc-800">
                {m.originalName}
              </div>
            )}
            <figcaption className="mt-0.5 truncate text-zinc-500">
              {m.kind === 'video' && m.durationMs ? `${Math.round(m.durationMs / 1000)} s · ` : ''}
              {formatBytes(m.bytes)}
            </figcaption>
            <button
              type="button"
              aria-label={`Remove ${m.originalName}`}
              onClick={() => postId && void useMedia.getState().remove(postId, m.id)}
              className="absolute top-0.5 right-0.5 rounded bg-black/60 px-1 text-white hover:bg-black/80"
            >
              ×
            </button>
          </figure>
        ))}
        <Button size="sm" variant="ghost" disabled={!postId} onClick={() => input.current?.click()}>
          {media.adding > 0 ? 'Adding…' : 'Add media'}
        </Button>
        <span className="text-zinc-400 dark:text-zinc-500">or drop files here</span>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          aria-label={`Media files for ${name}`}
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {media.findings.length > 0 && (
        <ul aria-label="Media rules" className="space-y-1 text-xs">
          {media.findings.map((f, i) => (
            <li
              key={`${f.rule}-${f.mediaId ?? ''}-${i}`}
              className={
                f.severity === 'error' ? 'text-red-700 dark:text-red-400' : 'text-amber-700 dark:text-amber-400'
              }
            >
              {PLATFORM_LABELS[f.platform]}: {f.message}
            </li>
          ))}
        </ul>
      )}
      {media.error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {media.error}
        </p>
      )}
    </section>
  );
}
