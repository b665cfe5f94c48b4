import { type KeyboardEvent, type PointerEvent, useEffect } from 'react';
import { buttonClass } from '../../ui/Button';
import { Icon } from '../../ui/icons';
import { prepareCapture } from './microphone';
import { useTalk } from './talk.store';

const HOLD_KEYS = new Set([' ', 'Enter']);

/**
 * The on-screen hold-to-talk button: press and hold (pointer, or Space/Enter while focused), speak,
 * release. In toggle mode one press starts and the next (or a pause) stops.
 */
export function HoldToTalkButton() {
  const phase = useTalk((state) => state.phase);
  const mode = useTalk((state) => state.settings?.mode ?? 'hold');
  const { press, release, toggle } = useTalk.getState();
  const active = phase === 'starting' || phase === 'listening';

  // The worklet loads before the first press, so the first syllable is not lost to its loading.
  useEffect(() => {
    prepareCapture().catch(() => undefined); // a failure shows on press, with the microphone's words
  }, []);

  const down = () => {
    if (mode === 'toggle') void toggle('button');
    else void press('button');
  };
  const up = () => {
    if (mode === 'hold') void release();
  };

  return (
    <button
      type="button"
      aria-label="Hold to talk"
      aria-pressed={active}
      aria-describedby="talk-button-hint"
      disabled={phase === 'processing'}
      className={buttonClass(active ? 'danger' : 'secondary', 'sm', 'touch-none select-none')}
      onPointerDown={(event: PointerEvent<HTMLButtonElement>) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        down();
      }}
      onPointerUp={up}
      onPointerCancel={up}
      onKeyDown={(event: KeyboardEvent<HTMLButtonElement>) => {
        if (!HOLD_KEYS.has(event.key)) return;
        event.preventDefault();
        if (!event.repeat) down();
      }}
      onKeyUp={(event: KeyboardEvent<HTMLButtonElement>) => {
        if (!HOLD_KEYS.has(event.key)) return;
        event.preventDefault();
        up();
      }}
    >
      <Icon name="voice" className="size-4" />
      <span aria-hidden="true">{active ? 'Listening…' : phase === 'processing' ? 'Working…' : 'Talk'}</span>
      <span id="talk-button-hint" className="sr-only">
        {mode === 'hold'
          ? 'Hold while you speak, release to send. Escape cancels.'
          : 'Press to start; a pause or another press stops. Escape cancels.'}
      </span>
    </button>
  );
}
