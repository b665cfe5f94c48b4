import { useEffect, useState } from 'react';
import type { VoiceSettings } from '../../../shared/domain/voice';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { checkboxClass, inputClass } from '../../ui/controls';
import { SectionCard } from '../../ui/SectionCard';
import { useTalk } from './talk.store';

/** Spoken replies: on or off, which voice, how fast, how high, in what tone. */
export function ReplySettings({ settings }: { settings: VoiceSettings }) {
  const voices = useTalk((state) => state.voices);
  const { updateSettings, testVoice } = useTalk.getState();
  const replies = settings.replies;
  const save = (changes: Partial<VoiceSettings['replies']>) =>
    void updateSettings({ replies: { ...replies, ...changes } });
  return (
    <SectionCard title="Spoken replies" actions={<Button onClick={() => void testVoice()}>Test voice</Button>}>
      <label className="mb-4 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className={checkboxClass}
          checked={replies.enabled}
          onChange={(e) => save({ enabled: e.target.checked })}
        />
        Say the answer out loud (it is always shown)
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="reply-voice" label="Voice">
          {(control) => (
            <select
              {...control}
              className={inputClass}
              value={replies.voice}
              onChange={(e) => save({ voice: e.target.value })}
            >
              {!voices.some((voice) => voice.id === replies.voice) && (
                <option value={replies.voice}>{replies.voice}</option>
              )}
              {voices.map((voice) => (
                <option key={voice.id} value={voice.id}>
                  {voice.name} ({voice.language})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="reply-tone" label="Tone">
          {(control) => (
            <select
              {...control}
              className={inputClass}
              value={replies.tone}
              onChange={(e) => save({ tone: e.target.value as VoiceSettings['replies']['tone'] })}
            >
              <option value="neutral">Neutral</option>
              <option value="upbeat">Upbeat</option>
              <option value="calm">Calm</option>
            </select>
          )}
        </Field>
        <RangeSetting
          id="reply-rate"
          label="Speed"
          unit=" words per minute"
          min={80}
          max={400}
          step={5}
          value={replies.rate}
          onCommit={(rate) => save({ rate })}
        />
        <RangeSetting
          id="reply-pitch"
          label="Pitch"
          unit=""
          min={0}
          max={99}
          step={1}
          value={replies.pitch}
          onCommit={(pitch) => save({ pitch })}
        />
      </div>
    </SectionCard>
  );
}

/** A slider that saves once the creator lets go, not on every step of a drag. */
function RangeSetting(props: {
  id: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  step: number;
  value: number;
  onCommit: (value: number) => void;
}) {
  const [value, setValue] = useState(props.value);
  useEffect(() => setValue(props.value), [props.value]);
  const commit = () => {
    if (value !== props.value) props.onCommit(value);
  };
  return (
    <Field id={props.id} label={`${props.label}: ${value}${props.unit}`}>
      {(control) => (
        <input
          {...control}
          type="range"
          min={props.min}
          max={props.max}
          step={props.step}
          value={value}
          onChange={(e) => setValue(Number(e.target.value))}
          onPointerUp={commit}
          onKeyUp={commit}
          onBlur={commit}
        />
      )}
    </Field>
  );
}
