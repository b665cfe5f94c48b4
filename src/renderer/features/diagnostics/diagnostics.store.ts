import { create } from 'zustand';
import type { Diagnostics } from '../../../shared/contract/app';
import { getClient } from '../../client/client';
import { errorMessage } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { copyText } from './clipboard';
import { formatDiagnostics } from './diagnosticsText';

interface DiagnosticsState {
  status: 'loading' | 'ready' | 'error';
  data: Diagnostics | null;
  loadedAt: string | null;
  error: string | null;
  load: () => Promise<void>;
  copy: () => Promise<void>;
}

const LOG_LINES = 200;

export const useDiagnostics = create<DiagnosticsState>()((set, get) => ({
  status: 'loading',
  data: null,
  loadedAt: null,
  error: null,
  load: async () => {
    set({ status: 'loading', error: null });
    try {
      const data = await getClient().invoke('app:get-diagnostics', { logLines: LOG_LINES });
      set({ status: 'ready', data, loadedAt: new Date().toISOString() });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  copy: async () => {
    const { data, loadedAt } = get();
    if (!data) return;
    try {
      await copyText(formatDiagnostics(data, loadedAt ?? new Date().toISOString()));
      showToast({ kind: 'success', message: 'Diagnostics copied to the clipboard' });
    } catch (error) {
      showToast({ kind: 'error', message: `Could not copy: ${errorMessage(error)}` });
    }
  },
}));
