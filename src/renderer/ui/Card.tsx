import { type ReactNode, useId } from 'react';

/** A bordered panel with an optional heading row; with a title it is a region named by its heading. */
export function Card({
  title,
  actions,
  children,
  className = '',
  headingLevel = 2,
}: {
  title?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = useId();
  return (
    <section
      aria-labelledby={title ? headingId : undefined}
      className={`rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900 ${className}`}
    >
      {(title || actions) && (
        <div className="mb-4 flex items-center justify-between gap-3">
          {title && (
            <Heading id={headingId} className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
              {title}
            </Heading>
          )}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
