import type { Platform } from '../../../shared/domain/platform';
import type { Post } from '../../../shared/domain/post';
import type { Draft } from './draft';

/**
 * idle: nothing to save yet; pending: changes wait for the debounce; saving: a call is out;
 * saved: the core has everything; retrying: a save failed and will be retried; invalid: the core
 * refused the content (see message); conflict: someone else saved first.
 */
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'retrying' | 'invalid' | 'conflict';

export interface SaveState {
  status: SaveStatus;
  message: string | null;
  /** Field errors from a refused save, by field ("scheduledAt", "tags"). */
  fieldErrors: Record<string, string>;
  savedAt: string | null;
  /** The newer version found on the core when status is "conflict". */
  conflictVersion: number | null;
}

export type LoadState =
  | { status: 'loading' }
  | { status: 'ready' }
  | { status: 'missing'; message: string }
  | { status: 'error'; message: string };

export interface ComposeState {
  load: LoadState;
  postId: string | null;
  version: number | null;
  draft: Draft;
  /** The content the core last confirmed (null before the post exists). */
  saved: Draft | null;
  save: SaveState;
  /** The profile's time zone, for the publish-time field. */
  timezone: string;
  defaultPlatforms: Platform[];
  /** True when unsaved text from an earlier session was brought back from local storage. */
  recovered: boolean;
  /** The id of a post this editing session just created, until the page has given it its URL. */
  createdId: string | null;
  /** Set when the page was left, so coming back reloads from the core. */
  stale: boolean;
  openNew: () => Promise<void>;
  openPost: (id: string) => Promise<void>;
  edit: (patch: Partial<Draft>) => void;
  /** Saves now whatever is waiting (page hide, leaving the page, before a restore). */
  flush: () => Promise<void>;
  /** The page is going away: save what waits; the next open reloads. */
  leave: () => void;
  resolveConflict: (choice: 'reload' | 'overwrite') => Promise<void>;
  /** Shows a post the core returned (after a revision restore). */
  applyPost: (post: Post) => void;
  /** Picks up a change made elsewhere when there is nothing unsaved here. */
  refreshFromCore: () => Promise<void>;
  dismissRecovered: () => void;
  acknowledgeCreated: () => void;
}

export const INITIAL_SAVE: SaveState = {
  status: 'idle',
  message: null,
  fieldErrors: {},
  savedAt: null,
  conflictVersion: null,
};
