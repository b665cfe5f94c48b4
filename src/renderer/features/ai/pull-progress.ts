import type { Progress } from '../../../shared/contract/events';
import { formatBytes } from '../../ui/format';
import { formatDuration, formatSpeed } from './ai-format';

const PHASES: Record<string, string> = {
  manifest: 'Reading the manifest',
  downloading: 'Downloading',
  verifying: 'Verifying',
  writing: 'Writing',
  connecting: 'Connecting',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/** What the core says it is doing, in words ("Downloading"); unknown phases pass through. */
export function phaseLabel(phase: string): string {
  return PHASES[phase] ?? phase;
}

/** The bar's value: a whole percent, or null while the size is unknown (an indeterminate bar). */
export function progressValue(progress: Progress | null): number | null {
  if (!progress) return null;
  if (typeof progress.percent === 'number') return Math.round(progress.percent * 10) / 10;
  if (progress.total) return Math.round((progress.done / progress.total) * 1000) / 10;
  return null;
}

/** "42% · 3.4 MB of 8.0 MB · 4.0 MB/s · about 2 s left", leaving out what is not known yet. */
export function progressDetails(progress: Progress | null): string {
  if (!progress) return 'Starting…';
  const parts: string[] = [];
  const value = progressValue(progress);
  if (value !== null) parts.push(`${Math.floor(value)}%`);
  if (progress.total) parts.push(`${formatBytes(progress.done)} of ${formatBytes(progress.total)}`);
  else if (progress.done > 0) parts.push(formatBytes(progress.done));
  if (typeof progress.bytesPerSecond === 'number' && progress.bytesPerSecond > 0) {
    parts.push(formatSpeed(progress.bytesPerSecond));
  }
  if (typeof progress.etaMs === 'number' && progress.phase === 'downloading') {
    parts.push(progress.etaMs < 1000 ? 'almost done' : `about ${formatDuration(progress.etaMs)} left`);
  }
  return parts.length > 0 ? parts.join(' · ') : phaseLabel(progress.phase);
}

/**
 * A pull resumes when an earlier pull of the same model stopped part-way in this session and the
 * new one starts with bytes already there. Fresh downloads can show a large first step on a fast
 * line, so a first value alone does not prove a resume.
 */
export function resumedFrom(first: Progress, earlierPercent: number | undefined): number | null {
  if (earlierPercent === undefined || earlierPercent <= 0) return null;
  const value = progressValue(first);
  return value !== null && value > 0 && first.done > 0 ? Math.floor(value) : null;
}
