/** Shared classes for form controls, so every input looks the same. */
export const inputClass =
  'block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm ' +
  'placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/40 ' +
  'aria-[invalid=true]:border-red-500 aria-[invalid=true]:focus:outline-red-500/40 ' +
  'disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500';

export const checkboxClass =
  'size-4 rounded border-zinc-300 text-indigo-600 accent-indigo-600 focus-visible:outline-2 ' +
  'focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-zinc-600';

export const labelClass = 'block text-sm font-medium text-zinc-800 dark:text-zinc-200';
