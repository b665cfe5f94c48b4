import type { FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { useVoice } from './voice.store';

/** The voice fields the creator can correct; saved fields are kept when learning again. */
export function VoiceFieldsForm() {
  const form = useVoice((s) => s.form);
  const errors = useVoice((s) => s.fieldErrors);
  const saving = useVoice((s) => s.saving);
  const setForm = useVoice((s) => s.setForm);
  const save = useVoice((s) => s.save);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  return (
    <Card title="Edit your voice">
      <form onSubmit={submit} noValidate className="space-y-4">
        <Field
          id="voice-tone"
          label="Tone"
          hint="Words separated by commas, e.g. casual, personal."
          error={errors.tone}
        >
          {(control) => (
            <input
              {...control}
              className={inputClass}
              value={form.tone}
              onChange={(e) => setForm({ tone: e.target.value })}
            />
          )}
        </Field>
        <Field id="voice-phrases" label="Signature phrases" hint="One per line." error={errors.signaturePhrases}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              className={inputClass}
              value={form.signaturePhrases}
              onChange={(e) => setForm({ signaturePhrases: e.target.value })}
            />
          )}
        </Field>
        <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
          <Field id="voice-emoji-rate" label="Emoji per post" error={errors.emoji}>
            {(control) => (
              <input
                {...control}
                type="number"
                min={0}
                step={0.1}
                className={inputClass}
                value={form.emojiPerPost}
                onChange={(e) => setForm({ emojiPerPost: e.target.value })}
              />
            )}
          </Field>
          <Field id="voice-emoji-favourites" label="Favourite emoji" hint="Separated by spaces.">
            {(control) => (
              <input
                {...control}
                className={inputClass}
                value={form.emojiFavourites}
                onChange={(e) => setForm({ emojiFavourites: e.target.value })}
              />
            )}
          </Field>
          <Field id="voice-hashtag-rate" label="Hashtags per post" error={errors.hashtags}>
            {(control) => (
              <input
                {...control}
                type="number"
                min={0}
                step={0.1}
                className={inputClass}
                value={form.hashtagsPerPost}
                onChange={(e) => setForm({ hashtagsPerPost: e.target.value })}
              />
            )}
          </Field>
          <Field id="voice-hashtag-favourites" label="Favourite hashtags" hint="Separated by spaces; # is added.">
            {(control) => (
              <input
                {...control}
                className={inputClass}
                value={form.hashtagFavourites}
                onChange={(e) => setForm({ hashtagFavourites: e.target.value })}
              />
            )}
          </Field>
        </div>
        <Field
          id="voice-notes"
          label="Notes"
          hint="Your own words about how you write. Never learned over."
          error={errors.notes}
        >
          {(control) => (
            <textarea
              {...control}
              rows={4}
              className={inputClass}
              value={form.notes}
              onChange={(e) => setForm({ notes: e.target.value })}
            />
          )}
        </Field>
        {errors[''] && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {errors['']}
          </p>
        )}
        <div className="flex justify-end">
          <Button type="submit" variant="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save voice'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
