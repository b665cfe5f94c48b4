import { useEffect } from 'react';
import { getClient } from '../../client/client';
import { isComboDown, isComboUp, parseKeyCombo } from './key-match';
import { useTalk } from './talk.store';

const STAGE_TEXT: Record<string, string> = {
  listening: 'Listening…',
  transcribing: 'Transcribing…',
  understanding: 'Understanding…',
  acting: 'Doing it…',
  'awaiting-confirmation': 'Waiting for your answer',
};

/**
 * Hold-to-talk from the keyboard and the core: the global key (voice:hotkey from main's key hook),
 * the in-window key from settings while the window has focus, Escape to cancel, and the core's
 * utterance stages, history changes and model download progress.
 */
export function useTalkEvents(): void {
  const hotkey = useTalk((state) => state.settings?.hotkey ?? null);
  const mode = useTalk((state) => state.settings?.mode ?? 'hold');

  useEffect(() => {
    const store = useTalk.getState;
    void store().loadSettings();
    const client = getClient();
    const offs = [
      client.on('voice:hotkey', ({ phase }) => {
        const { press, release, toggle } = store();
        const currentMode = store().settings?.mode ?? 'hold';
        if (phase === 'toggle' || (phase === 'down' && currentMode === 'toggle')) void toggle('hotkey');
        else if (phase === 'down') void press('hotkey');
        else if (phase === 'up' && currentMode === 'hold') void release();
      }),
      client.on('voice:state', ({ phase, message }) => {
        if (store().phase === 'processing') useTalk.setState({ stage: message ?? STAGE_TEXT[phase] ?? null });
      }),
      client.on('voice:changed', () => {
        void store().loadHistory();
        void store().loadCustom();
      }),
      client.on('job:progress', (progress) => store().onProgress(progress)),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, []);

  useEffect(() => {
    const combo = hotkey ? parseKeyCombo(hotkey) : null;
    /** A hold this window's key started (the global hook's holds survive focus changes). */
    let windowHold = false;
    const onDown = (event: KeyboardEvent) => {
      const { phase, cancel, press, toggle } = useTalk.getState();
      if (event.key === 'Escape' && phase !== 'idle') {
        event.preventDefault();
        void cancel();
        return;
      }
      if (!combo || !isComboDown(event, combo)) return;
      event.preventDefault();
      if (event.repeat) return;
      if (mode === 'toggle') void toggle('hotkey');
      else {
        windowHold = true;
        void press('hotkey');
      }
    };
    const onUp = (event: KeyboardEvent) => {
      if (!combo || mode !== 'hold' || !isComboUp(event, combo)) return;
      windowHold = false;
      void useTalk.getState().release();
    };
    // Focus leaving the window would swallow the key-up: treat it as a release.
    const onBlur = () => {
      if (!windowHold) return;
      windowHold = false;
      void useTalk.getState().release();
    };
    window.addEventListener('keydown', onDown);
    window.addEventListener('keyup', onUp);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onDown);
      window.removeEventListener('keyup', onUp);
      window.removeEventListener('blur', onBlur);
    };
  }, [hotkey, mode]);
}
