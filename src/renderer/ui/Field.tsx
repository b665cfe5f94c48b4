import type { ReactNode } from 'react';
import { labelClass } from './controls';

/** The attributes a control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

export interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** Describes a control by its hint and error ids (undefined when there is neither). */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * A label, a control and its error. The control comes from a render function so the label's
 * `for`, `aria-invalid` and `aria-describedby` are always wired the same way.
 */
export function Field({ id, label, error, hint, className = '', children }: FieldProps) {
  const describedById = describedBy(id, hint, error);
  const control: FieldControlProps = describedById
    ? { id, 'aria-invalid': Boolean(error), 'aria-describedby': describedById }
    : { id, 'aria-invalid': Boolean(error) };
  return (
    <div className={`space-y-1.5 ${className}`}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children(control)}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** An error line under a control or a group; renders nothing without a message. */
export function FieldError({ id, message }: { id: string; message?: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-red-600 dark:text-red-400">
      {message}
    </p>
  );
}
