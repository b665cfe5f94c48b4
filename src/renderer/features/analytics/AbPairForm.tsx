import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { Field, FieldError } from '../../ui/Field';
import type { Platform } from '../../../shared/domain/platform';
import { PLATFORM_LABELS } from '../../ui/platforms';
import { useAbPairs } from './ab-pairs.store';

function optionText(post: { title: string; body: string; scheduledAt: string | null; updatedAt: string }): string {
  const text = (post.title.trim() || post.body.trim()).replace(/\s+/gu, ' ') || 'Untitled post';
  const day = (post.scheduledAt ?? post.updatedAt).slice(0, 10);
  return `${text.length > 70 ? `${text.slice(0, 69)}…` : text} (${day})`;
}

/** Choose a platform (of those with posts), then two of its published posts, to compare as A and B. */
export function AbPairForm({ platforms }: { platforms: readonly Platform[] }) {
  const { form, candidates, loadingCandidates, creating, errors, setForm, create } = useAbPairs();
  const postSelect = (which: 'postA' | 'postB', label: string) => (
    <Field id={`ab-${which}`} label={label} error={errors[which]}>
      {(control) => (
        <select
          {...control}
          className={inputClass}
          value={form[which]}
          disabled={!form.platform || loadingCandidates}
          onChange={(e) => setForm({ [which]: e.target.value })}
        >
          <option value="">
            {!form.platform
              ? 'Pick a platform first'
              : loadingCandidates
                ? 'Loading posts…'
                : 'Choose a published post'}
          </option>
          {candidates.map((post) => (
            <option key={post.id} value={post.id}>
              {optionText(post)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form
      aria-label="New A/B pair"
      className="mt-5 grid gap-4 border-t border-zinc-200 pt-5 md:grid-cols-2 dark:border-zinc-800"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <Field id="ab-platform" label="Platform" error={errors.platform}>
        {(control) => (
          <select
            {...control}
            className={inputClass}
            value={form.platform}
            onChange={(e) => setForm({ platform: e.target.value as Platform | '' })}
          >
            <option value="">Choose a platform</option>
            {platforms.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_LABELS[p]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="ab-label" label="What differs (optional)" error={errors.label}>
        {(control) => (
          <input
            {...control}
            className={inputClass}
            placeholder="e.g. Question hook vs statement hook"
            maxLength={200}
            value={form.label}
            onChange={(e) => setForm({ label: e.target.value })}
          />
        )}
      </Field>
      {postSelect('postA', 'Post A')}
      {postSelect('postB', 'Post B')}
      {form.platform && !loadingCandidates && candidates.length < 2 && (
        <p className="text-sm text-zinc-500 md:col-span-2 dark:text-zinc-400">
          A pair needs two published posts on {PLATFORM_LABELS[form.platform]}; there{' '}
          {candidates.length === 1 ? 'is one' : 'are none'} yet.
        </p>
      )}
      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" variant="primary" disabled={creating}>
          {creating ? 'Comparing…' : 'Compare the pair'}
        </Button>
        <FieldError id="ab-form-error" message={errors.form} />
      </div>
    </form>
  );
}
