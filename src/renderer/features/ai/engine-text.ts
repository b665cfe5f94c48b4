import type { EngineStatus } from '../../../shared/contract/llm-admin';
import { formatBytes } from '../../ui/format';

export type Tone = 'ok' | 'warn' | 'error' | 'idle';

export interface EngineSummary {
  label: string;
  tone: Tone;
  /** A sentence under the status: what to do, or what went wrong. */
  hint: string | null;
}

export const INSTALL_HINT = 'Install Ollama from ollama.com — meanwhile Cadence drafts with its embedded engine';

/** Ollama's state in words: connected (external or managed), not installed, failed… */
export function ollamaSummary(ollama: EngineStatus['ollama']): EngineSummary {
  const detail = ollama.detail.trim() || null;
  switch (ollama.status) {
    case 'connected':
      return {
        label: ollama.kind === 'managed' ? 'Connected (managed by Cadence)' : 'Connected (external)',
        tone: 'ok',
        hint: ollama.url,
      };
    case 'not_installed':
      return { label: 'Not installed', tone: 'warn', hint: INSTALL_HINT };
    case 'failed':
      return { label: 'Failed', tone: 'error', hint: detail ?? 'Ollama did not start.' };
    case 'connecting':
      return { label: 'Connecting…', tone: 'idle', hint: detail };
    case 'off':
      return { label: 'Off', tone: 'idle', hint: detail };
  }
}

const EMBEDDED_STATES: Record<string, { label: string; tone: Tone }> = {
  idle: { label: 'Idle — starts when needed', tone: 'idle' },
  running: { label: 'Running', tone: 'ok' },
  restarting: { label: 'Restarting…', tone: 'warn' },
  failed: { label: 'Failed', tone: 'error' },
  closed: { label: 'Stopped', tone: 'idle' },
  off: { label: 'Off', tone: 'idle' },
};

/** The embedded llama.cpp engine: available or not, and its supervisor's state. */
export function embeddedSummary(embedded: EngineStatus['embedded']): EngineSummary {
  const hint = embedded.detail.trim() || null;
  if (!embedded.available) return { label: 'Not available', tone: 'idle', hint };
  const known = EMBEDDED_STATES[embedded.state];
  return known ? { ...known, hint } : { label: embedded.state || 'Unknown', tone: 'idle', hint };
}

/** Rows for the hardware table: CPU, memory and graphics. */
export function hardwareRows(hardware: EngineStatus['hardware']): [string, string][] {
  const cpu = hardware.cpu ?? 'Unknown CPU';
  const cores = hardware.cores ? ` (${hardware.cores} cores)` : '';
  const ram =
    hardware.ramTotalBytes === null
      ? 'Unknown'
      : hardware.ramFreeBytes === null
        ? formatBytes(hardware.ramTotalBytes)
        : `${formatBytes(hardware.ramTotalBytes)} (${formatBytes(hardware.ramFreeBytes)} free)`;
  const gpus =
    hardware.gpus.length === 0
      ? 'None found'
      : hardware.gpus
          .map((gpu) => (gpu.vramBytes ? `${gpu.name} (${formatBytes(gpu.vramBytes)})` : gpu.name))
          .join(', ');
  return [
    ['CPU', `${cpu}${cores}`],
    ['Memory', ram],
    [hardware.gpus.length > 1 ? 'GPUs' : 'GPU', gpus],
  ];
}
