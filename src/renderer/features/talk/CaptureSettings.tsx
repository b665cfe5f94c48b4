import { useEffect, useState } from 'react';
import type { VoiceSettings } from '../../../shared/domain/voice';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { inputClass } from '../../ui/controls';
import { SectionCard } from '../../ui/SectionCard';
import { parseKeyCombo } from './key-match';
import { useTalk } from './talk.store';

/** How to talk: hold or toggle, which key, how long at most, which language and microphone. */
export function CaptureSettings({ settings }: { settings: VoiceSettings }) {
  const microphones = useTalk((state) => state.microphones);
  const { updateSettings, refreshMicrophones } = useTalk.getState();
  const [hotkey, setHotkey] = useState(settings.hotkey);
  const [maxSeconds, setMaxSeconds] = useState(String(settings.maxSeconds));
  useEffect(() => setHotkey(settings.hotkey), [settings.hotkey]);
  useEffect(() => setMaxSeconds(String(settings.maxSeconds)), [settings.maxSeconds]);

  const hotkeyError = parseKeyCombo(hotkey) ? undefined : 'Write keys joined by "+", e.g. Control+Alt+Space';
  const seconds = Number(maxSeconds);
  const maxError = Number.isInteger(seconds) && seconds >= 5 && seconds <= 120 ? undefined : 'From 5 to 120 seconds';
  const chosenMissing = settings.inputDeviceId !== null && !microphones.some((m) => m.id === settings.inputDeviceId);

  return (
    <SectionCard
      title="Talking"
      description="Hold the Talk button at the top (or the key) while you speak; release to send."
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <fieldset>
          <legend className="text-sm font-medium">Mode</legend>
          <div className="mt-1.5 flex gap-4 text-sm">
            {(['hold', 'toggle'] as const).map((mode) => (
              <label key={mode} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="talk-mode"
                  checked={settings.mode === mode}
                  onChange={() => void updateSettings({ mode })}
                />
                {mode === 'hold' ? 'Hold to talk' : 'Press to start, pause to stop'}
              </label>
            ))}
          </div>
        </fieldset>
        <Field id="talk-language" label="Language">
          {(control) => (
            <select
              {...control}
              className={inputClass}
              value={settings.language}
              onChange={(e) => void updateSettings({ language: e.target.value as VoiceSettings['language'] })}
            >
              <option value="en">English</option>
              <option value="es">Español</option>
              <option value="auto">Detect (multilingual Whisper models)</option>
            </select>
          )}
        </Field>
        <Field
          id="talk-hotkey"
          label="Key"
          error={hotkeyError}
          hint="Works while Cadence has focus; on the desktop also system-wide."
        >
          {(control) => (
            <div className="flex gap-2">
              <input {...control} className={inputClass} value={hotkey} onChange={(e) => setHotkey(e.target.value)} />
              <Button
                disabled={Boolean(hotkeyError) || hotkey === settings.hotkey}
                onClick={() => void updateSettings({ hotkey: hotkey.trim() })}
              >
                Save
              </Button>
            </div>
          )}
        </Field>
        <Field id="talk-max" label="Longest recording (seconds)" error={maxError}>
          {(control) => (
            <div className="flex gap-2">
              <input
                {...control}
                type="number"
                min={5}
                max={120}
                className={inputClass}
                value={maxSeconds}
                onChange={(e) => setMaxSeconds(e.target.value)}
              />
              <Button
                disabled={Boolean(maxError) || seconds === settings.maxSeconds}
                onClick={() => void updateSettings({ maxSeconds: seconds })}
              >
                Save
              </Button>
            </div>
          )}
        </Field>
        <Field
          id="talk-microphone"
          label="Microphone"
          hint={
            microphones.length === 0
              ? 'Names appear after you allow the microphone once.'
              : chosenMissing
                ? 'The chosen microphone is not connected; the default is used until it is.'
                : undefined
          }
        >
          {(control) => (
            <div className="flex gap-2">
              <select
                {...control}
                className={inputClass}
                value={settings.inputDeviceId ?? ''}
                onChange={(e) => void updateSettings({ inputDeviceId: e.target.value === '' ? null : e.target.value })}
              >
                <option value="">System default</option>
                {microphones.map((microphone) => (
                  <option key={microphone.id} value={microphone.id}>
                    {microphone.label}
                  </option>
                ))}
              </select>
              <Button onClick={() => void refreshMicrophones()}>Refresh</Button>
            </div>
          )}
        </Field>
      </div>
    </SectionCard>
  );
}
