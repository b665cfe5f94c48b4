import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Platform } from '../../../../shared/domain/platform';
import type { Finding, Severity } from '../../../../shared/quality/finding';
import { scorePost } from '../../../../shared/quality/score';
import { Button } from '../../../ui/Button';
import { CritiqueView } from './CritiqueView';
import type { PostEditor } from './post-editor';
import { scoreWord, withDuplicateFindings } from './quality-merge';
import { qualityEntry, qualityKey, useQuality, type RunningFix } from './quality.store';

const SEVERITY_CLASS: Record<Severity, string> = {
  error: 'bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-200',
  warning: 'bg-amber-100 text-amber-800 dark:bg-amber-500/15 dark:text-amber-200',
  tip: 'bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-200',
};

function scoreClass(score: number): string {
  if (score >= 80) return 'text-emerald-600 dark:text-emerald-400';
  if (score >= 50) return 'text-amber-600 dark:text-amber-400';
  return 'text-red-600 dark:text-red-400';
}

/**
 * The quality score (0–100) of the text on one platform: the pure checks on every keystroke, plus
 * the core's duplicate check after each save; every finding with its one-click fix.
 */
export function QualityPanel({
  editor,
  platform,
  fixesLocked = false,
}: {
  editor: PostEditor;
  platform: Platform;
  /** Fixes wait while the draft is still being written. */
  fixesLocked?: boolean;
}) {
  const body = useStore(editor, (s) => s.draft.body);
  const postId = useStore(editor, (s) => s.postId);
  const version = useStore(editor, (s) => s.version);
  const saved = useStore(editor, (s) => s.save.status === 'saved');
  const key = qualityKey(postId, platform);
  const entry = useQuality((s) => qualityEntry(s, key));
  const live = useMemo(() => scorePost({ text: body, platform }), [body, platform]);
  const report = withDuplicateFindings(live, entry.core);

  // After each save the core scores the post again, with the duplicate check only it can run.
  useEffect(() => {
    if (!postId || !saved) return;
    const timer = setTimeout(() => void useQuality.getState().refresh(postId, platform), 300);
    return () => clearTimeout(timer);
  }, [postId, version, saved, platform]);

  return (
    <section aria-label="Quality" className="space-y-2">
      <div className="flex flex-wrap items-baseline gap-2">
        <h4 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Quality</h4>
        <span
          role="meter"
          aria-label="Quality score"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={report.score}
          aria-valuetext={`${report.score} of 100, ${scoreWord(report.score).toLowerCase()}`}
          className={`text-lg font-semibold tabular-nums ${scoreClass(report.score)}`}
        >
          {report.score}
        </span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">/100 · {scoreWord(report.score)}</span>
        <Button
          size="sm"
          variant="ghost"
          className="ml-auto"
          disabled={entry.critiquing || !body.trim()}
          onClick={() => void useQuality.getState().critique(editor, platform)}
        >
          {entry.critiquing ? 'Asking the AI…' : 'AI critique'}
        </Button>
      </div>
      {report.findings.length > 0 && (
        <ul aria-label="Quality findings" className="space-y-2">
          {report.findings.map((finding) => (
            <FindingItem
              key={finding.id}
              finding={finding}
              running={entry.fix}
              locked={fixesLocked}
              onFix={() => void useQuality.getState().fix(editor, platform, finding)}
              onStop={() => void useQuality.getState().stopFix(key)}
            />
          ))}
        </ul>
      )}
      {entry.error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {entry.error}
        </p>
      )}
      {entry.critique && <CritiqueView critique={entry.critique} />}
    </section>
  );
}

function FindingItem({
  finding,
  running,
  locked,
  onFix,
  onStop,
}: {
  finding: Finding;
  running: RunningFix | null;
  locked: boolean;
  onFix: () => void;
  onStop: () => void;
}) {
  const mine = running?.findingId === finding.id;
  const canFix = finding.fix.kind !== 'none';
  return (
    <li className="text-sm">
      <div className="flex flex-wrap items-start gap-2">
        <span className={`rounded px-1.5 py-0.5 text-[11px] font-medium uppercase ${SEVERITY_CLASS[finding.severity]}`}>
          {finding.severity}
        </span>
        <span className="min-w-0 flex-1 text-zinc-700 dark:text-zinc-300">{finding.message}</span>
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-2 pl-1">
        {canFix && !mine && (
          <Button
            size="sm"
            variant="secondary"
            disabled={running !== null || locked}
            title={locked ? 'Available once the draft is written' : undefined}
            onClick={onFix}
          >
            Fix: {finding.fix.label}
          </Button>
        )}
        {canFix && finding.fix.kind === 'ai' && !mine && (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">Rewrite with AI</span>
        )}
        {!canFix && <span className="text-xs text-zinc-500 dark:text-zinc-400">{finding.fix.label}</span>}
        {mine && (
          <>
            <span role="status" className="text-xs text-indigo-600 dark:text-indigo-400">
              {running.stopping ? 'Stopping…' : running.requestId ? 'Rewriting with AI…' : 'Fixing…'}
            </span>
            {running.requestId && (
              <Button size="sm" variant="ghost" disabled={running.stopping} onClick={onStop}>
                Stop rewrite
              </Button>
            )}
          </>
        )}
      </div>
      {mine && running.preview && (
        <p
          aria-label="AI rewrite"
          className="mt-1 max-h-40 overflow-y-auto rounded-md bg-zinc-50 p-2 text-xs whitespace-pre-wrap text-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-300"
        >
          {running.preview.trimStart()}
        </p>
      )}
    </li>
  );
}
