import { describe, expect, it } from 'vitest';
import { formatDuration, formatLatency, formatShare, formatUsd } from './ai-format';
import { modelKeyLabel, providerLabel, taskLabel } from './labels';

describe('AI page formatting', () => {
  it('shows money with cents, keeping small amounts readable', () => {
    expect(formatUsd(0, 'en-US')).toBe('$0.00');
    expect(formatUsd(0.0042, 'en-US')).toBe('$0.0042');
    expect(formatUsd(12.5, 'en-US')).toBe('$12.50');
  });

  it('says durations the way people do', () => {
    expect(formatDuration(300)).toBe('less than a second');
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(3_840_000)).toBe('1 h 4 min');
    expect(formatDuration(Number.NaN)).toBe('—');
  });

  it('shows latencies in ms below a second', () => {
    expect(formatLatency(349.6)).toBe('350 ms');
    expect(formatLatency(1234)).toBe('1.2 s');
    expect(formatLatency(null)).toBe('—');
  });

  it('shows shares as whole percents', () => {
    expect(formatShare(0.724, 'en-US')).toBe('72%');
  });

  it('names providers, tasks and usage model keys', () => {
    expect(providerLabel('embedded')).toBe('Embedded engine');
    expect(providerLabel('someday')).toBe('someday');
    expect(taskLabel('hashtags')).toBe('Hashtags');
    expect(modelKeyLabel('ollama/llama3.2:3b')).toBe('Ollama · llama3.2:3b');
    expect(modelKeyLabel('plain')).toBe('plain');
  });
});
