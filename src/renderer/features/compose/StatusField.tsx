import { POST_STATUSES, type PostStatus } from '../../../shared/domain/post';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { STATUS_LABELS } from '../../ui/postStatus';
import { useCompose } from './compose.store';
import { isoToLocalInput, localInputToIso } from './schedule';

function asStatus(value: string): PostStatus | undefined {
  return POST_STATUSES.find((status) => status === value);
}

/** The post's status and, when scheduled, its publish time in the profile's time zone. */
export function StatusField() {
  const status = useCompose((s) => s.draft.status);
  const scheduledAt = useCompose((s) => s.draft.scheduledAt);
  const timezone = useCompose((s) => s.timezone);
  const fieldErrors = useCompose((s) => s.save.fieldErrors);
  const edit = useCompose((s) => s.edit);
  const showTime = status === 'scheduled' || scheduledAt !== null;

  return (
    <div className="space-y-4">
      <Field id="compose-status" label="Status" error={fieldErrors.status}>
        {(control) => (
          <select
            {...control}
            className={inputClass}
            value={status}
            onChange={(e) => {
              const next = asStatus(e.target.value);
              if (next) edit({ status: next });
            }}
          >
            {POST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {showTime && (
        <Field
          id="compose-scheduled-at"
          label="Publish time"
          hint={`In ${timezone.replaceAll('_', ' ')}`}
          error={fieldErrors.scheduledAt}
        >
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              className={inputClass}
              value={isoToLocalInput(scheduledAt, timezone)}
              onChange={(e) => edit({ scheduledAt: localInputToIso(e.target.value, timezone) })}
            />
          )}
        </Field>
      )}
    </div>
  );
}
