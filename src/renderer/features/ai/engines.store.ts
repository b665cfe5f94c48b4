import { create } from 'zustand';
import type { EngineStatus } from '../../../shared/contract/llm-admin';
import { errorMessage } from '../../ui/errors';
import { checkHealth, getEngineStatus, type HealthCheck } from './queries';

interface EnginesState {
  status: 'loading' | 'ready' | 'error';
  data: EngineStatus | null;
  error: string | null;
  health: HealthCheck[] | null;
  checking: boolean;
  healthError: string | null;
  load: () => Promise<void>;
  checkHealth: () => Promise<void>;
}

/** True when pulls cannot work: Ollama is missing or turned off (a failed one may recover). */
export function ollamaMissing(data: EngineStatus | null): boolean {
  return data?.ollama.status === 'not_installed' || data?.ollama.status === 'off';
}

/** Ollama, the embedded engine and the hardware they run on. */
export const useEngines = create<EnginesState>()((set) => ({
  status: 'loading',
  data: null,
  error: null,
  health: null,
  checking: false,
  healthError: null,
  load: async () => {
    set({ status: 'loading', error: null });
    try {
      set({ status: 'ready', data: await getEngineStatus() });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  checkHealth: async () => {
    set({ checking: true, healthError: null });
    try {
      set({ health: await checkHealth(), checking: false });
    } catch (error) {
      set({ checking: false, healthError: errorMessage(error) });
    }
  },
}));
