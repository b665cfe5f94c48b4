import { useEffect, useRef } from 'react';

/** The end of the log, newest line at the bottom and scrolled into view. */
export function LogTail({ lines }: { lines: string[] }) {
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.scrollTop = ref.current.scrollHeight;
  }, [lines]);
  if (lines.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">The log is empty.</p>;
  return (
    <pre
      ref={ref}
      tabIndex={0}
      aria-label="Log tail"
      className="max-h-96 overflow-auto rounded-lg bg-zinc-950 p-4 font-mono text-xs leading-relaxed text-zinc-200 focus-visible:outline-2 focus-visible:outline-indigo-500"
    >
      {lines.join('\n')}
    </pre>
  );
}
