import { useEffect, useState } from 'react';
import { Button } from '../../ui/Button';
import { speechUnavailableReason } from './plan-text';

/** Reads `text` with the browser's speech synthesis; disabled, with the reason, when there is none. */
export function ReadAloudButton({ text }: { text: string }) {
  const [speaking, setSpeaking] = useState(false);
  const unavailable = speechUnavailableReason(window);

  // Leaving the page stops the voice.
  useEffect(() => () => window.speechSynthesis?.cancel(), []);

  if (unavailable) {
    return (
      <span className="inline-flex items-center gap-2">
        <Button size="sm" disabled aria-describedby="coach-read-aloud-reason">
          Read aloud
        </Button>
        <span id="coach-read-aloud-reason" className="text-xs text-zinc-500 dark:text-zinc-400">
          {unavailable}
        </span>
      </span>
    );
  }

  const toggle = () => {
    const synth = window.speechSynthesis;
    synth.cancel();
    if (speaking) {
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  };

  return (
    <Button size="sm" onClick={toggle}>
      {speaking ? 'Stop reading' : 'Read aloud'}
    </Button>
  );
}
