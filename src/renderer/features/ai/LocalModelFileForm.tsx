import { useEffect } from 'react';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { useLocalModelFile } from './local-model-file.store';

/** Points the embedded engine at a GGUF file the creator already has, without copying it. */
export function LocalModelFileForm() {
  const saved = useLocalModelFile((s) => s.saved);
  const input = useLocalModelFile((s) => s.input);
  const error = useLocalModelFile((s) => s.error);
  const saving = useLocalModelFile((s) => s.saving);
  const { load, setInput, save } = useLocalModelFile.getState();
  useEffect(() => void load(), [load]);

  return (
    <form
      noValidate
      className="mt-6 grid gap-3 border-t border-zinc-200 pt-4 sm:grid-cols-[1fr_auto] dark:border-zinc-800"
      onSubmit={(event) => {
        event.preventDefault();
        void save(input);
      }}
    >
      <Field
        id="ai-local-gguf"
        label="Model file path"
        hint="Already have a .gguf file? Give its full path; Cadence uses it where it is."
        error={error ?? undefined}
      >
        {(control) => (
          <input
            {...control}
            className={`${inputClass} font-mono`}
            value={input}
            placeholder="/home/you/models/Llama-3.2-3B-Instruct-Q4_K_M.gguf"
            onChange={(event) => setInput(event.target.value)}
          />
        )}
      </Field>
      <div className="flex items-end gap-2 pb-0.5">
        <Button type="submit" disabled={saving || input.trim() === ''}>
          Use this file
        </Button>
        {saved && (
          <Button type="button" variant="ghost" disabled={saving} onClick={() => void save(null)}>
            Stop using
          </Button>
        )}
      </div>
      {saved && (
        <p className="text-sm text-zinc-600 sm:col-span-2 dark:text-zinc-400">
          In use: <span className="font-mono">{saved}</span>
        </p>
      )}
    </form>
  );
}
