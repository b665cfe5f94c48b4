import { useState } from 'react';
import type { VoiceCommand } from '../../../shared/domain/voice';
import { Button } from '../../ui/Button';
import { checkboxClass } from '../../ui/controls';
import { FieldError } from '../../ui/Field';
import { buildIntent, draftOf } from './intent-form';
import { IntentEditor } from './IntentEditor';
import { useTalk } from './talk.store';

/** "It should have done this": teaches the transcript as a phrase for the chosen action. */
export function CorrectionForm({ command, onDone }: { command: VoiceCommand; onDone: () => void }) {
  const [draft, setDraft] = useState(() => draftOf(command.correctedTo?.[0] ?? command.intents[0]));
  const [rerun, setRerun] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const built = buildIntent(draft);
    if ('error' in built) return setError(built.error);
    setError(undefined);
    setSaving(true);
    const ok = await useTalk.getState().correct(command.id, [built.intent], rerun);
    setSaving(false);
    if (ok) onDone();
  };
  return (
    <div className="mt-2 space-y-2 rounded-md bg-zinc-50 p-3 dark:bg-zinc-800/50">
      <p className="text-sm">What should “{command.transcript}” do? Cadence will remember the phrase.</p>
      <IntentEditor id={`correct-${command.id}`} draft={draft} onChange={setDraft} />
      <FieldError id={`correct-${command.id}-error`} message={error} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className={checkboxClass} checked={rerun} onChange={(e) => setRerun(e.target.checked)} />
        Do it now
      </label>
      <div className="flex gap-2">
        <Button size="sm" variant="primary" disabled={saving} onClick={() => void save()}>
          Save correction
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
