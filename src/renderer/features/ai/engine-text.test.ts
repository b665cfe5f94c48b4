import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../shared/contract/llm-admin';
import { embeddedSummary, hardwareRows, INSTALL_HINT, ollamaSummary } from './engine-text';

const ollama = (patch: Partial<EngineStatus['ollama']>): EngineStatus['ollama'] => ({
  status: 'off',
  kind: null,
  url: null,
  detail: '',
  ...patch,
});

describe('engine summaries', () => {
  it('says how Ollama is connected', () => {
    expect(ollamaSummary(ollama({ status: 'connected', kind: 'external', url: 'http://127.0.0.1:11434' }))).toEqual({
      label: 'Connected (external)',
      tone: 'ok',
      hint: 'http://127.0.0.1:11434',
    });
    expect(ollamaSummary(ollama({ status: 'connected', kind: 'managed' })).label).toBe(
      'Connected (managed by Cadence)',
    );
  });

  it('hints at installing Ollama, and explains failures', () => {
    expect(ollamaSummary(ollama({ status: 'not_installed' }))).toMatchObject({ tone: 'warn', hint: INSTALL_HINT });
    expect(ollamaSummary(ollama({ status: 'failed', detail: 'port in use' }))).toMatchObject({
      label: 'Failed',
      hint: 'port in use',
    });
  });

  it('describes the embedded engine', () => {
    expect(embeddedSummary({ available: false, state: 'off', detail: 'No model file' })).toEqual({
      label: 'Not available',
      tone: 'idle',
      hint: 'No model file',
    });
    expect(embeddedSummary({ available: true, state: 'running', detail: '' })).toEqual({
      label: 'Running',
      tone: 'ok',
      hint: null,
    });
    expect(embeddedSummary({ available: true, state: 'warming', detail: '' }).label).toBe('warming');
  });

  it('lists CPU, memory and GPUs', () => {
    const rows = hardwareRows({
      cpu: 'Ryzen 7',
      cores: 8,
      ramTotalBytes: 16 * 1024 ** 3,
      ramFreeBytes: 6 * 1024 ** 3,
      gpus: [],
    });
    expect(rows).toEqual([
      ['CPU', 'Ryzen 7 (8 cores)'],
      ['Memory', '16.0 GB (6.0 GB free)'],
      ['GPU', 'None found'],
    ]);
  });
});
