/** How loud the microphone is while held: a bar, so the creator sees it hears them. */
export function LevelMeter({ level }: { level: number }) {
  // Speech sits around 0.02–0.2 RMS; a square-root curve makes quiet speech visible.
  const percent = Math.round(Math.min(1, Math.sqrt(level) * 1.6) * 100);
  return (
    <div
      role="meter"
      aria-label="Microphone level"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-1.5 w-20 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
    >
      <div className="h-full bg-emerald-500 transition-[width] duration-75" style={{ width: `${percent}%` }} />
    </div>
  );
}
