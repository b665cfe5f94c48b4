import { useEffect, useRef } from 'react';
import { FIELD_IDS } from './fieldIds';
import { PROFILE_FIELD_LABELS, type SummaryItem } from './profileValidation';

/** The list of problems at the top of the form; takes focus after each failed submit. */
export function ErrorSummary({ items, attempt }: { items: SummaryItem[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);

  if (items.length === 0) return null;
  const heading = items.length === 1 ? 'There is a problem' : `There are ${items.length} problems`;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="profile-error-summary-title"
      className="rounded-lg border border-red-300 bg-red-50 p-4 focus:outline-2 focus:outline-red-500 dark:border-red-900 dark:bg-red-950/40"
    >
      <h2 id="profile-error-summary-title" className="text-sm font-semibold text-red-800 dark:text-red-200">
        {heading}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-red-700 dark:text-red-300">
        {items.map((item) => (
          <li key={`${item.field ?? 'form'}:${item.message}`}>
            {item.field ? (
              <a
                href={`#${FIELD_IDS[item.field]}`}
                className="underline underline-offset-2 hover:text-red-900 dark:hover:text-red-100"
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(FIELD_IDS[item.field ?? 'name'])?.focus();
                }}
              >
                {PROFILE_FIELD_LABELS[item.field]}: {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
