import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { useCompose } from './compose.store';
import { parseTags } from './tags';

/** Title, the post body and tags. Every change goes straight to the store (and autosave). */
export function ComposeEditor() {
  const title = useCompose((s) => s.draft.title);
  const body = useCompose((s) => s.draft.body);
  const tagsText = useCompose((s) => s.draft.tagsText);
  const fieldErrors = useCompose((s) => s.save.fieldErrors);
  const edit = useCompose((s) => s.edit);
  const parsed = parseTags(tagsText);

  return (
    <div className="space-y-5">
      <Field
        id="compose-title"
        label="Title"
        hint="For you and for YouTube; not posted elsewhere."
        error={fieldErrors.title}
      >
        {(control) => (
          <input
            {...control}
            className={inputClass}
            placeholder="Working title"
            value={title}
            onChange={(e) => edit({ title: e.target.value })}
          />
        )}
      </Field>
      <Field id="compose-body" label="Post" error={fieldErrors.body}>
        {(control) => (
          <textarea
            {...control}
            className={`${inputClass} min-h-80 resize-y text-base leading-relaxed`}
            placeholder="What do you want to say?"
            value={body}
            autoFocus
            onChange={(e) => edit({ body: e.target.value })}
          />
        )}
      </Field>
      <Field
        id="compose-tags"
        label="Tags"
        hint="Separate tags with commas or spaces."
        error={fieldErrors.tags ?? parsed.problem ?? undefined}
      >
        {(control) => (
          <input
            {...control}
            className={inputClass}
            placeholder="launch, tutorial"
            value={tagsText}
            onChange={(e) => edit({ tagsText: e.target.value })}
          />
        )}
      </Field>
      {parsed.tags.length > 0 && (
        <ul aria-label="Tag preview" className="-mt-2 flex flex-wrap gap-1.5">
          {parsed.tags.map((tag) => (
            <li
              key={tag}
              className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
            >
              #{tag}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
