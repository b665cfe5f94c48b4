import { useStore } from 'zustand';
import type { Platform } from '../../../../shared/domain/platform';
import { HashtagsPanel } from './HashtagsPanel';
import { MediaPanel } from './MediaPanel';
import { PartCounts } from './PartCounts';
import type { PostEditor } from './post-editor';
import { QualityPanel } from './QualityPanel';
import { ScheduleNextFree } from './ScheduleNextFree';

/** Everything under a draft: per-part length, quality, hashtags, media and scheduling, for one platform. */
export function PostTools({
  editor,
  platform,
  name,
  writing = false,
}: {
  editor: PostEditor;
  platform: Platform;
  name: string;
  /** True while the draft is still being written: fixes wait, since new text keeps arriving. */
  writing?: boolean;
}) {
  const body = useStore(editor, (s) => s.draft.body);
  return (
    <div className="space-y-4">
      <PartCounts platform={platform} body={body} />
      <QualityPanel editor={editor} platform={platform} fixesLocked={writing} />
      <HashtagsPanel editor={editor} platform={platform} />
      <MediaPanel editor={editor} name={name} />
      <ScheduleNextFree editor={editor} />
    </div>
  );
}
