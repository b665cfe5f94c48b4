import type { SaveState } from './compose.types';

/** The words shown in the save indicator; tests look for "Saving…", "Saved" and "Save failed — retrying". */
export function saveStatusText(save: SaveState, hasPost: boolean): string {
  switch (save.status) {
    case 'idle':
      return hasPost ? 'Saved' : 'Nothing to save yet';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'retrying':
      return 'Save failed — retrying';
    case 'invalid':
      return `Not saved — ${save.message ?? 'the post was refused'}`;
    case 'conflict':
      return 'Not saved — changed elsewhere';
  }
}

export type SaveTone = 'muted' | 'busy' | 'ok' | 'bad';

export function saveStatusTone(save: SaveState): SaveTone {
  switch (save.status) {
    case 'idle':
      return 'muted';
    case 'pending':
    case 'saving':
      return 'busy';
    case 'saved':
      return 'ok';
    default:
      return 'bad';
  }
}
