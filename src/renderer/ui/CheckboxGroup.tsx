import type { ReactNode } from 'react';
import { FieldError } from './Field';

export interface CheckboxOption<T extends string> {
  value: T;
  /** The accessible name (what tests and screen readers find). */
  label: string;
  /** What is shown, when it differs from the label (e.g. "Mon" for "Monday"). */
  display?: ReactNode;
}

interface CheckboxGroupProps<T extends string> {
  idPrefix: string;
  legend: string;
  options: readonly CheckboxOption<T>[];
  selected: readonly T[];
  onToggle: (value: T) => void;
  error?: string | undefined;
  hint?: string;
  /** Classes of the box container: a grid by default; e.g. "flex flex-wrap" for short labels. */
  layoutClass?: string;
  /** Pill tiles without a visible box (the checkbox stays, for keyboards and screen readers). */
  pills?: boolean;
  /** Not yet choosable (e.g. while the defaults load, so a click cannot race them). */
  disabled?: boolean;
}

/** A fieldset of checkbox tiles; the group's error is tied to every box. */
export function CheckboxGroup<T extends string>({
  idPrefix,
  legend,
  options,
  selected,
  onToggle,
  error,
  hint,
  layoutClass = 'grid grid-cols-2 sm:grid-cols-3',
  pills = false,
  disabled = false,
}: CheckboxGroupProps<T>) {
  const errorId = `${idPrefix}-error`;
  const hintId = `${idPrefix}-hint`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      aria-describedby={describedBy}
      disabled={disabled}
      aria-busy={disabled || undefined}
      className="space-y-2"
    >
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{legend}</legend>
      {hint && (
        <p id={hintId} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      )}
      <div className={`gap-2 ${layoutClass}`}>
        {options.map((option) => {
          const id = `${idPrefix}-${option.value}`;
          const checked = selected.includes(option.value);
          return (
            <label
              key={option.value}
              htmlFor={id}
              className={`flex cursor-pointer items-center gap-2 rounded-md border text-sm ${pills ? 'relative min-w-12 justify-center px-2.5 py-1.5 font-medium' : 'px-3 py-2'} transition-colors has-focus-visible:outline-2 has-focus-visible:outline-indigo-500 ${
                checked
                  ? 'border-indigo-400 bg-indigo-50 text-indigo-900 dark:border-indigo-500/60 dark:bg-indigo-500/10 dark:text-indigo-100'
                  : 'border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800'
              } ${error ? 'border-red-400 dark:border-red-700' : ''}`}
            >
              <input
                id={id}
                type="checkbox"
                className={
                  pills
                    ? 'absolute inset-0 size-full cursor-pointer appearance-none rounded-md focus:outline-none'
                    : 'size-4 accent-indigo-600'
                }
                checked={checked}
                onChange={() => onToggle(option.value)}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? errorId : undefined}
              />
              {option.display === undefined ? (
                option.label
              ) : (
                <>
                  <span aria-hidden="true" className="pointer-events-none">
                    {option.display}
                  </span>
                  <span className="sr-only">{option.label}</span>
                </>
              )}
            </label>
          );
        })}
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
