import type { FitRating } from './fit';
import type { Tone } from './engine-text';

const TONE_CLASS: Record<Tone, string> = {
  ok: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-500/10 dark:text-emerald-300 dark:ring-emerald-400/30',
  warn: 'bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-500/10 dark:text-amber-300 dark:ring-amber-400/30',
  error: 'bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-500/10 dark:text-red-300 dark:ring-red-400/30',
  idle: 'bg-zinc-100 text-zinc-700 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-400/20',
};

const DOT_CLASS: Record<Tone, string> = {
  ok: 'bg-emerald-500',
  warn: 'bg-amber-500',
  error: 'bg-red-500',
  idle: 'bg-zinc-400',
};

/** A pill with a coloured dot; the words carry the meaning, the colour only repeats it. */
export function ToneBadge({ tone, children, title }: { tone: Tone; children: string; title?: string | undefined }) {
  return (
    <span
      title={title}
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONE_CLASS[tone]}`}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${DOT_CLASS[tone]}`} />
      {children}
    </span>
  );
}

const FIT: Record<FitRating, { tone: Tone; label: string }> = {
  green: { tone: 'ok', label: 'Runs well' },
  yellow: { tone: 'warn', label: 'Tight fit' },
  red: { tone: 'error', label: 'Too big' },
};

/** How well a model fits this machine; the reason is the tooltip, and read out after the label. */
export function FitBadge({ fit, reason }: { fit: FitRating | null; reason: string | null }) {
  if (!fit) return <span className="text-xs text-zinc-500 dark:text-zinc-400">Unknown</span>;
  const { tone, label } = FIT[fit];
  return (
    <span title={reason ?? undefined}>
      <ToneBadge tone={tone}>{label}</ToneBadge>
      {reason && <span className="sr-only">: {reason}</span>}
    </span>
  );
}
