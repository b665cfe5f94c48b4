import type { ReactNode } from 'react';

/** A titled group of fields inside the profile form. */
export function FormSection({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section className="grid gap-6 border-t border-zinc-200 pt-6 first:border-t-0 first:pt-0 md:grid-cols-3 dark:border-zinc-800">
      <div>
        <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{title}</h2>
        {description && <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{description}</p>}
      </div>
      <div className="space-y-5 md:col-span-2">{children}</div>
    </section>
  );
}
