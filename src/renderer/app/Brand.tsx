/** The Cadence wordmark with its small logo mark. */
export function Brand() {
  return (
    <span className="flex items-center gap-2 text-base font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">
      <span
        aria-hidden="true"
        className="flex size-7 items-center justify-center rounded-lg bg-indigo-600 text-sm font-bold text-white"
      >
        C
      </span>
      Cadence
    </span>
  );
}
