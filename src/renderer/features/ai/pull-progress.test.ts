import { describe, expect, it } from 'vitest';
import type { Progress } from '../../../shared/contract/events';
import { phaseLabel, progressDetails, progressValue, resumedFrom } from './pull-progress';

const MiB = 1024 * 1024;

function progress(patch: Partial<Progress>): Progress {
  return { jobId: 'pull-1', phase: 'downloading', done: 0, total: null, cancellable: true, ...patch };
}

describe('pull progress', () => {
  it('uses the reported percent, else done over total, else nothing (indeterminate)', () => {
    expect(progressValue(progress({ percent: 42.345 }))).toBe(42.3);
    expect(progressValue(progress({ done: MiB, total: 4 * MiB }))).toBe(25);
    expect(progressValue(progress({ phase: 'manifest' }))).toBeNull();
    expect(progressValue(null)).toBeNull();
  });

  it('describes percent, bytes, speed and time left', () => {
    const text = progressDetails(
      progress({ percent: 42.9, done: 3.4 * MiB, total: 8 * MiB, bytesPerSecond: 4 * MiB, etaMs: 1200 }),
    );
    expect(text).toBe('42% · 3.4 MB of 8.0 MB · 4.0 MB/s · about 1 s left');
  });

  it('leaves out what is not known yet', () => {
    expect(progressDetails(null)).toBe('Starting…');
    expect(progressDetails(progress({ phase: 'manifest' }))).toBe('Reading the manifest');
    expect(progressDetails(progress({ percent: 99.5, done: 10, total: 10, etaMs: 200 }))).toBe(
      '99% · 10 B of 10 B · almost done',
    );
  });

  it('names phases and passes unknown ones through', () => {
    expect(phaseLabel('verifying')).toBe('Verifying');
    expect(phaseLabel('thinking')).toBe('thinking');
  });

  it('calls it a resume only after an earlier partial pull of the model', () => {
    const first = progress({ percent: 37.8, done: 3 * MiB, total: 8 * MiB });
    expect(resumedFrom(first, 40)).toBe(37);
    expect(resumedFrom(first, undefined)).toBeNull();
    expect(resumedFrom(first, 0)).toBeNull();
    expect(resumedFrom(progress({ phase: 'manifest' }), 40)).toBeNull();
  });
});
