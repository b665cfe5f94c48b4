import { create } from 'zustand';
import type { PostTemplate } from '../../../shared/domain/templates';
import { errorMessage } from '../../ui/errors';
import { listTemplates } from './studio-queries';

interface TemplatesState {
  templates: PostTemplate[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load: () => Promise<void>;
}

/** The templates the idea form offers (bundled and the creator's own). */
export const useStudioTemplates = create<TemplatesState>()((set, get) => ({
  templates: [],
  status: 'idle',
  error: null,
  load: async () => {
    if (get().status === 'loading') return;
    set({ status: 'loading' });
    try {
      const list = await listTemplates();
      set({ templates: list.templates, status: 'ready', error: null });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
