import { create } from 'zustand';
import type { Critique } from '../../../../shared/contract/quality';
import type { Platform } from '../../../../shared/domain/platform';
import type { Finding, QualityReport } from '../../../../shared/quality/finding';
import { errorMessage, isContractError } from '../../../ui/errors';
import { showToast } from '../../../ui/toasts.store';
import type { PostEditor } from './post-editor';
import { cancelGeneration, critiquePost, fixFinding, onToken, scoreSavedPost } from './tool-queries';

/** A fix in progress; an AI rewrite streams its text into `preview`. */
export interface RunningFix {
  findingId: string;
  requestId: string | null;
  preview: string;
  stopping: boolean;
}

export interface QualityEntry {
  /** The core's last report for the saved post (it adds the duplicate check). */
  core: QualityReport | null;
  fix: RunningFix | null;
  critique: Critique | null;
  critiquing: boolean;
  error: string | null;
}

interface QualityState {
  byKey: Record<string, QualityEntry>;
  refresh: (postId: string, platform: Platform) => Promise<void>;
  fix: (editor: PostEditor, platform: Platform, finding: Finding) => Promise<void>;
  stopFix: (key: string) => Promise<void>;
  critique: (editor: PostEditor, platform: Platform) => Promise<void>;
}

const EMPTY: QualityEntry = { core: null, fix: null, critique: null, critiquing: false, error: null };

/** One entry per post (or unsaved editor) and platform. */
export function qualityKey(postId: string | null, platform: Platform): string {
  return `${postId ?? 'unsaved'}:${platform}`;
}

export function qualityEntry(state: QualityState, key: string): QualityEntry {
  return state.byKey[key] ?? EMPTY;
}

/** The core's side of the quality panel: the duplicate-aware score, one-click fixes and the AI critique. */
export const useQuality = create<QualityState>()((set, get) => {
  const patch = (key: string, entry: Partial<QualityEntry>) =>
    set({ byKey: { ...get().byKey, [key]: { ...(get().byKey[key] ?? EMPTY), ...entry } } });

  return {
    byKey: {},

    refresh: async (postId, platform) => {
      try {
        patch(qualityKey(postId, platform), { core: await scoreSavedPost(postId, platform) });
      } catch {
        // The live score stays; the duplicate check shows again after the next save.
      }
    },

    fix: async (editor, platform, finding) => {
      const { postId, draft } = editor.getState();
      const key = qualityKey(postId, platform);
      if (get().byKey[key]?.fix) return;
      const requestId = finding.fix.kind === 'ai' ? crypto.randomUUID() : null;
      patch(key, { fix: { findingId: finding.id, requestId, preview: '', stopping: false }, error: null });
      const off = requestId
        ? onToken((event) => {
            const running = get().byKey[key]?.fix;
            if (event.requestId === requestId && running)
              patch(key, { fix: { ...running, preview: running.preview + event.text } });
          })
        : () => undefined;
      const before = draft.body;
      try {
        const result = await fixFinding({
          text: before,
          platform,
          findingId: finding.id,
          ...(postId ? { postId } : {}),
          ...(requestId ? { requestId } : {}),
        });
        if (get().byKey[key]?.fix?.stopping) return;
        const now = editor.getState().draft.body;
        if (now !== before) {
          patch(key, { error: 'The text changed while the fix was being written; try again' });
          return;
        }
        editor.getState().edit({ body: result.text });
        showToast({
          kind: 'success',
          message: `Fixed: ${finding.fix.label}`,
          action: { label: 'Undo', run: () => editor.getState().edit({ body: before }) },
        });
      } catch (error) {
        const message = isContractError(error, 'NOT_FOUND')
          ? 'This finding no longer applies to the text'
          : `Could not fix it: ${errorMessage(error)}`;
        if (!get().byKey[key]?.fix?.stopping) patch(key, { error: message });
      } finally {
        off();
        patch(key, { fix: null });
      }
    },

    stopFix: async (key) => {
      const running = get().byKey[key]?.fix;
      if (!running?.requestId || running.stopping) return;
      patch(key, { fix: { ...running, stopping: true } });
      try {
        await cancelGeneration(running.requestId);
      } catch (error) {
        showToast({ kind: 'error', message: `Could not stop the rewrite: ${errorMessage(error)}` });
      }
    },

    critique: async (editor, platform) => {
      const { postId, draft } = editor.getState();
      const key = qualityKey(postId, platform);
      if (!draft.body.trim()) return patch(key, { error: 'Write something first' });
      patch(key, { critiquing: true, error: null });
      try {
        const critique = await critiquePost({
          text: draft.body,
          platform,
          ...(postId ? { postId } : {}),
          requestId: crypto.randomUUID(),
        });
        patch(key, { critique });
      } catch (error) {
        patch(key, { error: `No critique: ${errorMessage(error)}` });
      } finally {
        patch(key, { critiquing: false });
      }
    },
  };
});
